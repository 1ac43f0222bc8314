"""Editorial checks on a release text: each finding names the span and how to fix it.

``check_release(body, ...)`` runs every check and returns :class:`Finding` objects in
text order (photo findings last). A finding's ``message`` and ``hint`` are Indonesian
msgids with ``params`` (the web layer translates them; the CLI prints them as they are);
``span`` is ``(start, end)`` into ``body`` (``None`` for a photo).

The checks (``code``):

``weekday``        the weekday written does not match the date (``press.notes.dates``);
``date_far``       a date more than ``far_days`` from the activity's;
``name_two_ways``  a person's name, a title or an organisation written two ways
                   ("Walikota" and "Wali Kota", "Diskominfo" and "Dinas Kominfo",
                   "Sajekti Rubiyah" and "Sajekti Rubiah");
``region_two_ways`` one place named both "Kota X" and "Kabupaten X", or "Kota X" where X
                   is only a kabupaten ("Kota Sleman"; the glossary's complete list of
                   regencies and cities tells);
``quote_no_speaker`` a quotation nobody is credited with (``press.notes`` quote finder);
``short_name_first`` a speaker quoted by a short name ("ujar Lukita") before the full
                   name has appeared;
``mojibake``       text garbled by a wrong encoding ("Â", "â€™"; ``press.notes.cleaning``);
``quotes_unbalanced`` a paragraph with an odd number of quotation marks;
``paragraph_long`` a paragraph over ``paragraph_limit`` words;
``photo_caption``, ``photo_credit`` an attached photo without a caption or a credit;
``placeholder``    a "[…]" the draft left where the activity lacked a fact (in the body or
                   the headline).

Imports the notes stages (dates, cleaning, glossary, extraction) and the standard library.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

import ftfy

from press.dates import long_date
from press.errors import N_
from press.notes import extract
from press.notes.cleaning import FTFY_CONFIG, STRAY_A_CIRCUMFLEX
from press.notes.dates import find_dates
from press.notes.glossary import Glossary, load_glossary
from press.notes.rules import alternation

PARAGRAPH_WORD_LIMIT = 120
FAR_DAYS = 7
NAME_SIMILARITY = 0.8

CODES = (
    "weekday", "date_far", "name_two_ways", "region_two_ways", "quote_no_speaker",
    "short_name_first", "mojibake", "quotes_unbalanced", "paragraph_long",
    "photo_caption", "photo_credit", "placeholder",
)

DINAS = re.compile(r"\bDinas\s+([A-Z][a-z]+)\b")
CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+\b")
MOJIBAKE_HINT = re.compile(r"[ÂÃâ\ufffd]")
PLACEHOLDER = re.compile(r"\[[^\[\]\n]{2,80}\]")


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    params: dict = field(default_factory=dict)
    span: tuple[int, int] | None = None
    hint: str = ""
    hint_params: dict = field(default_factory=dict)
    text: str = ""

    def as_dict(self) -> dict:
        return {
            "check": self.code,
            "message": self.message % self.params if self.params else self.message,
            "hint": self.hint % self.hint_params if self.hint_params else self.hint,
            "span": list(self.span) if self.span else None,
            "text": self.text,
        }


def _finding(body: str, code: str, span, message: str, hint: str, params=None, hint_params=None) -> Finding:
    return Finding(code, message, dict(params or {}), tuple(span) if span else None, hint,
                   dict(hint_params or {}), body[span[0]:span[1]] if span else "")


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of ``body`` (a paragraph as the site shows it)."""
    spans = []
    for match in re.finditer(r"[^\n]+", body):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


# -- dates ---------------------------------------------------------------------------

def _written(iso: str) -> str:
    """"30 September 2021" for an ISO date (the message's form)."""
    try:
        return long_date(date.fromisoformat(iso)).split(", ", 1)[1]
    except ValueError:
        return iso


def check_dates(body: str, activity_date: date | None, far_days: int, glossary: Glossary) -> list[Finding]:
    found = []
    for item in find_dates(body, activity_date, glossary):
        if item.weekday_mismatch:
            try:
                actual = glossary.weekday_names[date.fromisoformat(item.date).weekday()]
            except ValueError:
                actual = "?"
            found.append(_finding(
                body, "weekday", item.span,
                N_("Hari tidak cocok dengan tanggal: %(date)s jatuh pada hari %(actual)s, bukan %(written)s."),
                N_("Periksa tanggal kegiatan, lalu betulkan hari atau tanggalnya."),
                {"date": _written(item.date), "actual": actual, "written": item.weekday},
            ))
        if activity_date and not item.date.startswith("--"):
            try:
                distance = abs((date.fromisoformat(item.date) - activity_date).days)
            except ValueError:
                continue
            if distance > far_days:
                found.append(_finding(
                    body, "date_far", item.span,
                    N_("Tanggal ini berjarak %(days)s hari dari tanggal kegiatan (%(activity)s)."),
                    N_("Pastikan tanggalnya benar; tanggal kegiatan tercatat %(activity)s."),
                    {"days": distance, "activity": _written(activity_date.isoformat())},
                    {"activity": _written(activity_date.isoformat())},
                ))
    return found


# -- names, titles, organisations, regions -------------------------------------------

def _similar(a: str, b: str) -> bool:
    return SequenceMatcher(None, a.lower(), b.lower()).ratio() >= NAME_SIMILARITY


def _near_names(a: str, b: str) -> bool:
    """Two names of the same length whose words are alike but not all equal."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2 or a == b:
        return False
    same = sum(x == y for x, y in zip(wa, wb))
    return same >= 1 and all(x == y or _similar(x, y) for x, y in zip(wa, wb))


def check_names(body: str, people: list[str], glossary: Glossary, proper_names=()) -> list[Finding]:
    found: list[Finding] = []
    # People: a known or extracted name against every run of capitalised words.
    names = {n for n in people if n and len(n.split()) >= 2}
    try:
        names |= {p.name for p in extract(body, glossary=glossary).people if len(p.name.split()) >= 2}
    except Exception:  # the extractor is a heuristic; a failure must not stop the other checks
        pass
    runs: dict[str, list[tuple[int, int]]] = {}
    for match in CAPITALISED_RUN.finditer(body):
        words = match.group().split()
        for size in range(2, min(len(words), 5) + 1):
            for start in range(0, len(words) - size + 1):
                phrase = " ".join(words[start:start + size])
                offset = match.start() + len(" ".join(words[:start])) + (1 if start else 0)
                runs.setdefault(phrase, []).append((offset, offset + len(phrase)))
    counts = {phrase: len(spans) for phrase, spans in runs.items()}
    reported = set()
    for name in sorted(names):
        for phrase, spans in runs.items():
            if phrase in reported:
                continue
            if name in counts and phrase in names:
                # Both written in the text: report the rarer form (on a tie, the later one).
                if (counts[phrase], -spans[0][0]) > (counts[name], -runs[name][0][0]):
                    continue
            if phrase != name and _near_names(name, phrase):
                reported.add(phrase)
                found.append(_finding(
                    body, "name_two_ways", spans[0],
                    N_("Nama ditulis dua cara: “%(written)s” dan “%(other)s”."),
                    N_("Samakan penulisan nama dengan “%(other)s” (periksa daftar peserta)."),
                    {"written": phrase, "other": name}, {"other": name},
                ))
    found += _forms_two_ways(body, glossary, proper_names)
    return found


def _forms_two_ways(body: str, glossary: Glossary, proper_names=()) -> list[Finding]:
    """Titles and organisations: two written forms of one thing (not "Full (ABBR)"), outside
    ``proper_names`` (a venue's name is written as the venue is called)."""
    masked = [m.span() for name in proper_names if name for m in re.finditer(re.escape(name), body)]
    canonical: dict[str, str] = {}
    for form, full in glossary.title_forms.items():
        canonical[form] = full
    for abbreviation, full in glossary.organisations.items():
        if abbreviation != full:
            canonical[abbreviation] = full
            canonical.setdefault(full, full)
    # "Sekretariat Daerah Kota" (Setdako) is "Sekretariat Daerah" (Setda) of a city: one thing.
    fulls = set(canonical.values())
    for form, full in canonical.items():
        words = full.split()
        if len(words) > 1 and words[-1] in glossary.government_regions and " ".join(words[:-1]) in fulls:
            canonical[form] = " ".join(words[:-1])
    alternation = "|".join(re.escape(f) for f in sorted(canonical, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")
    seen: dict[str, dict[str, tuple[int, int]]] = {}
    introduced: set[str] = set()
    for match in pattern.finditer(body):
        if any(start <= match.start() < end for start, end in masked):
            continue
        form = match.group()
        full = canonical[form]
        after = body[match.end():match.end() + len(max(canonical, key=len)) + 4]
        paren = re.match(r"\s*\(([^)]+)\)", after)
        if paren and canonical.get(paren.group(1).strip()) == full:
            introduced.add(full)
        seen.setdefault(full, {}).setdefault(form, match.span())
    # "Dinas Kominfo" beside "Diskominfo", "Dinas Kesehatan" beside "Dinkes" (via the glossary).
    lowered = {w.lower(): m.span() for m in re.finditer(r"\b[A-Z][a-z]+\w*\b", body) for w in [m.group()]}
    for match in DINAS.finditer(body):
        short = "dis" + match.group(1).lower()
        if short in lowered:
            seen.setdefault(short, {})[match.group()] = match.span()
            seen[short].setdefault(body[slice(*lowered[short])], lowered[short])
    found = []
    for full, forms in seen.items():
        if len(forms) < 2 or full in introduced:
            continue
        (first, _span), *others = sorted(forms.items(), key=lambda item: item[1][0])
        for written, span in others:
            found.append(_finding(
                body, "name_two_ways", span,
                N_("Sebutan ditulis dua cara: “%(written)s” dan “%(other)s”."),
                N_("Pakai satu bentuk di seluruh siaran (misalnya “%(other)s”), atau kenalkan singkatannya dalam kurung."),
                {"written": written, "other": first}, {"other": first},
            ))
    return found


def check_regions(body: str, glossary: Glossary) -> list[Finding]:
    """"Kota X" and "Kabupaten X" for one place, and "Kota X" where the complete list of
    regencies and cities knows X only as a kabupaten (or the other way round)."""
    abbreviations = glossary.data["region_abbreviations"]
    words = glossary.region_words_of("kota", "kabupaten") + tuple(abbreviations)
    known = glossary.regions
    pattern = rf"\b({alternation(words)})\s+(?:({alternation(known)})(?![\w-])|([A-Z][\w'-]+))"
    forms: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for match in re.finditer(pattern, body):
        word = abbreviations.get(match.group(1), match.group(1))
        name = match.group(2) or match.group(3)
        forms.setdefault(name, {}).setdefault(word, []).append(match.span())
    found = []
    for name, kinds in forms.items():
        real = {entry["kind"] for entry in known.get(name, ())}
        if real:
            wrong = [(word, spans) for word, spans in kinds.items() if word.lower() not in real]
            right = [word for word in kinds if word.lower() in real]
        elif len(kinds) >= 2:
            # Not in the list: flag the less frequent form (on a tie, the one written later).
            (word, spans), (other, _) = sorted(kinds.items(), key=lambda kind: (len(kind[1]), -kind[1][0][0]))
            wrong, right = [(word, spans)], [other]
        else:
            continue
        for word, spans in wrong:
            for span in spans:
                found.append(_region_finding(body, span, f"{word} {name}", right and f"{right[0]} {name}",
                                             sorted(real)))
    return found


def _region_finding(body: str, span, written: str, other: str | None, real: list[str]) -> Finding:
    if other:
        return _finding(body, "region_two_ways", span,
                        N_("Daerah yang sama disebut “%(written)s” dan “%(other)s”."),
                        N_("Pakai satu sebutan: “%(other)s” atau “%(written)s”, sesuai daerahnya."),
                        {"written": written, "other": other}, {"written": written, "other": other})
    name = written.split(" ", 1)[1]
    right = f"{real[0].capitalize()} {name}"
    return _finding(body, "region_two_ways", span,
                    N_("Tidak ada daerah “%(written)s”: %(name)s adalah %(kind)s."),
                    N_("Tulis “%(other)s”."),
                    {"written": written, "name": name, "kind": real[0]}, {"other": right})


# -- quotations ----------------------------------------------------------------------

def check_quotes(body: str, people: list[str], glossary: Glossary) -> list[Finding]:
    found = []
    try:
        quotes = extract(body, glossary=glossary).quotes
    except Exception:
        quotes = []
    for quote in quotes:
        if not quote.speaker and quote.form == "direct":
            found.append(_finding(
                body, "quote_no_speaker", quote.span,
                N_("Kutipan ini tidak menyebut siapa yang mengatakannya."),
                N_("Tambahkan atribusi, misalnya “…,” ujar Nama."),
            ))
    verbs = sorted(glossary.speech_verbs("after"), key=len, reverse=True)
    titles = {w for form in glossary.title_forms for w in form.split()} | set(glossary.data.get("generic_titles", []))
    pattern = re.compile(
        r"[\"”]\s*,?\s*(?:" + "|".join(re.escape(v) for v in verbs) + r")\s+([A-Z][a-z'’-]+)\b(?!\s+[A-Z])")
    full_names = [n for n in people if len(n.split()) >= 2]
    for match in pattern.finditer(body):
        short = match.group(1)
        if short in titles:
            continue
        before = body[:match.start(1)]
        introduced = re.search(rf"\b(?:[A-Z][\w'’.-]*\s+{re.escape(short)}|{re.escape(short)}\s+[A-Z][\w'’-]+)\b", before)
        if introduced:
            continue
        full = next((n for n in full_names if short in n.split()), None)
        found.append(_finding(
            body, "short_name_first", match.span(1),
            N_("“%(short)s” dikutip dengan nama pendek sebelum nama lengkapnya disebut."),
            N_("Sebut jabatan dan nama lengkap pada penyebutan pertama%(full)s."),
            {"short": short}, {"full": f" ({full})" if full else ""},
        ))
    return found


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
            found.append(_finding(
                body, "quotes_unbalanced", (start + position, start + position + 1),
                N_("Tanda petik di paragraf ini tidak berpasangan."),
                N_("Tambahkan tanda petik penutup (atau pembuka) yang hilang."),
            ))
    return found


# -- text ----------------------------------------------------------------------------

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
        found.append(_finding(
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
            found.append(_finding(
                body, "paragraph_long", (start, end),
                N_("Paragraf ini %(words)s kata; batasnya %(limit)s kata."),
                N_("Pecah menjadi dua paragraf atau ringkas kalimatnya."),
                {"words": words, "limit": limit},
            ))
    return found


def check_placeholders(body: str) -> list[Finding]:
    return [_finding(body, "placeholder", match.span(),
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


def check_release(
    body: str,
    *,
    title: str | None = None,
    activity_date: date | None = None,
    people: list[str] = (),
    photos: list[dict] = (),
    proper_names: list[str] = (),
    paragraph_limit: int = PARAGRAPH_WORD_LIMIT,
    far_days: int = FAR_DAYS,
    glossary: Glossary | None = None,
) -> list[Finding]:
    """Every check on ``body`` and the headline ``title`` (``people``: known full names;
    ``photos``: dicts with ``caption`` and ``credit``; ``proper_names``: names written as
    their owner writes them, such as the venue's): headline findings first, then the
    body's in text order, photo findings last."""
    glossary = glossary or load_glossary()
    body = body or ""
    people = [p for p in people if p]
    found = (
        check_dates(body, activity_date, far_days, glossary)
        + check_names(body, people, glossary, proper_names)
        + check_regions(body, glossary)
        + check_quotes(body, people, glossary)
        + check_mojibake(body)
        + check_quote_marks(body)
        + check_paragraphs(body, paragraph_limit)
        + check_placeholders(body)
    )
    found.sort(key=lambda f: (f.span or (len(body), 0), CODES.index(f.code)))
    return check_headline(title) + found + check_photos(photos)


def summary(findings: list[Finding]) -> Counter:
    return Counter(f.code for f in findings)
