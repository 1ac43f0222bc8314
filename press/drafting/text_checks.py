"""The editorial checks on the text's shape, which need no glossary: unpaired quotation
marks, mojibake, long paragraphs, "[…]" placeholders in the body or the headline, and
photos without a caption or a credit.
"""
from __future__ import annotations

import re

import ftfy

from press.errors import N_
from press.notes.cleaning import FTFY_CONFIG, STRAY_A_CIRCUMFLEX

from .finding import Finding, finding_at

MOJIBAKE_HINT = re.compile(r"[ÂÃâ\ufffd]")
PLACEHOLDER = re.compile(r"\[[^\[\]\n]{2,80}\]")


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of ``body`` (a paragraph as the site shows it)."""
    spans = []
    for match in re.finditer(r"[^\n]+", body):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def check_quote_marks(body: str) -> list[Finding]:
    found = []
    for start, end in paragraphs(body):
        text = body[start:end]
        straight = [m.start() for m in re.finditer('"', text)]
        opening = [m.start() for m in re.finditer("“", text)]
        closing = [m.start() for m in re.finditer("”", text)]
        position = None
        if len(straight) % 2:
            position = straight[-1]
        elif len(opening) != len(closing):
            position = (opening if len(opening) > len(closing) else closing)[-1]
        if position is not None:
            found.append(finding_at(
                body, "quotes_unbalanced", (start + position, start + position + 1),
                N_("Tanda petik di paragraf ini tidak berpasangan."),
                N_("Tambahkan tanda petik penutup (atau pembuka) yang hilang."),
            ))
    return found


def check_mojibake(body: str) -> list[Finding]:
    found = []
    for start, end in paragraphs(body):
        line = body[start:end]
        if not MOJIBAKE_HINT.search(line):
            continue
        fixed = STRAY_A_CIRCUMFLEX.sub("", ftfy.fix_text(line, FTFY_CONFIG))
        if fixed == line:
            continue
        head = 0
        while head < min(len(line), len(fixed)) and line[head] == fixed[head]:
            head += 1
        tail = 0
        while tail < min(len(line), len(fixed)) - head and line[-1 - tail] == fixed[-1 - tail]:
            tail += 1
        span = (start + head, start + max(head + 1, len(line) - tail))
        found.append(finding_at(
            body, "mojibake", span,
            N_("Teks rusak karena salah pengodean huruf (mojibake): “%(written)s”."),
            N_("Ganti dengan “%(fixed)s” (atau tempel ulang teksnya dari sumber aslinya)."),
            {"written": body[span[0]:span[1]]}, {"fixed": fixed[head:len(fixed) - tail] or "—"},
        ))
    return found


def check_paragraphs(body: str, limit: int) -> list[Finding]:
    found = []
    for start, end in paragraphs(body):
        words = len(body[start:end].split())
        if words > limit:
            found.append(finding_at(
                body, "paragraph_long", (start, end),
                N_("Paragraf ini %(words)s kata; batasnya %(limit)s kata."),
                N_("Pecah menjadi dua paragraf atau ringkas kalimatnya."),
                {"words": words, "limit": limit},
            ))
    return found


def check_placeholders(body: str) -> list[Finding]:
    return [finding_at(body, "placeholder", match.span(),
                       N_("Bagian “%(written)s” belum diisi."),
                       N_("Tulis faktanya (atau lengkapi data kegiatan lalu buat draf baru), lalu hapus tanda kurungnya."),
                       {"written": match.group()})
            for match in PLACEHOLDER.finditer(body)]


def check_headline(title: str) -> list[Finding]:
    """Placeholders the draft left in the headline (no span: the headline is not the body)."""
    return [Finding("placeholder", N_("Judul masih memuat “%(written)s” yang belum diisi."), {"written": match.group()},
                    None, N_("Tulis faktanya di judul, lalu hapus tanda kurungnya."), text=match.group())
            for match in PLACEHOLDER.finditer(title or "")]


def check_photos(photos) -> list[Finding]:
    found = []
    for number, photo in enumerate(photos or (), start=1):
        caption = (photo.get("caption") or "").strip()
        credit = (photo.get("credit") or "").strip()
        if not caption:
            found.append(Finding("photo_caption", N_("Foto %(number)s belum punya keterangan."), {"number": number},
                                 None, N_("Tulis keterangan foto: siapa, sedang apa, di mana.")))
        if not credit:
            found.append(Finding("photo_credit", N_("Foto %(number)s belum mencantumkan kredit."), {"number": number},
                                 None, N_("Isi kredit foto, misalnya “Dok. Humas”.")))
    return found

