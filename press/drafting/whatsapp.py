"""A release as text to paste: WhatsApp formatting, cut to a length, and plain text.

WhatsApp writes bold as ``*tebal*`` and italic as ``_miring_``; a release marks them
``**tebal**`` and ``*miring*`` (:mod:`.formatting`), so each run is rewritten, never the
raw text. The message is the headline in bold, the dateline (bold) opening the first
paragraph, the paragraphs, then the link and the credit. Longer than ``limit``
characters, the body stops at the last paragraph that fits, or inside the next one at
its last sentence that fits, or (only when not even one sentence fits) at its last
whole word, and the link comes as "… selengkapnya: LINK": never a cut word, never an
unclosed mark.

The words added here ("selengkapnya", "Sumber") are part of the release's text, which is
Indonesian whatever language the reader's interface is in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from .formatting import body_paragraphs, inline_runs, plain

MIN_LIMIT = 200
MAX_LIMIT = 65_000
DEFAULT_LIMIT = 1_500
MORE = "… selengkapnya: {link}"
CREDIT = "Sumber: {credit}"
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+")
WORD_END = re.compile(r"\s+")

Run = tuple[str, bool, bool]


@dataclass(frozen=True)
class ReleaseText:
    title: str
    dateline: str | None
    body: str
    signature: str | None
    link: str
    credit: str


@dataclass(frozen=True)
class WhatsAppText:
    text: str
    cut: bool

    @property
    def share_url(self) -> str:
        return share_url(self.text)


def share_url(text: str) -> str:
    """The ``wa.me`` link that opens WhatsApp with ``text`` typed in, to pick a chat."""
    return "https://wa.me/?text=" + quote(text, safe="")


def _mark(piece: str, marker: str) -> str:
    """``piece`` wrapped in ``marker``, the marker hugging the words (WhatsApp needs it)."""
    stripped = piece.strip()
    if not stripped:
        return piece
    start = piece.index(stripped)
    return f"{piece[:start]}{marker}{stripped}{marker}{piece[start + len(stripped):]}"


def render_runs(runs: list[Run]) -> str:
    out = []
    for piece, bold, italic in runs:
        out.append(_mark(piece, "*") if bold else _mark(piece, "_") if italic else piece)
    return "".join(out)


def _paragraph_runs(release: ReleaseText) -> list[list[Run]]:
    paragraphs = [inline_runs(p) for p in body_paragraphs(release.body)]
    if release.dateline:
        paragraphs = paragraphs or [[]]
        paragraphs[0] = [(release.dateline.strip(), True, False), (" ", False, False), *paragraphs[0]]
    if release.signature and paragraphs:
        paragraphs[-1] = [*paragraphs[-1], (" " + release.signature.strip(), False, False)]
    return paragraphs


def _prefixes(runs: list[Run], boundary: re.Pattern) -> list[list[Run]]:
    """The runs cut at each ``boundary`` (longest first), each prefix's end stripped."""
    found = []
    for index, (piece, bold, italic) in enumerate(runs):
        for match in boundary.finditer(piece):
            head = piece[:match.start()]
            if head.strip() or index:
                found.append([*runs[:index], (head, bold, italic)])
        if index + 1 < len(runs) and (piece[-1:].isspace() or runs[index + 1][0][:1].isspace()):
            found.append(runs[:index + 1])
    found = [_trim(prefix) for prefix in found]
    return [prefix for prefix in reversed(found) if prefix]


def _trim(runs: list[Run]) -> list[Run]:
    runs = list(runs)
    while runs and not runs[-1][0].strip():
        runs.pop()
    if runs:
        piece, bold, italic = runs[-1]
        runs[-1] = (piece.rstrip(), bold, italic)
    return runs


def _ends_sentence(runs: list[Run]) -> bool:
    return bool(runs) and runs[-1][0].rstrip().endswith((".", "!", "?", "…", "\"", "”", "’", ")"))


def whatsapp_text(release: ReleaseText, limit: int = DEFAULT_LIMIT) -> WhatsAppText:
    """The release for WhatsApp, at most ``limit`` characters (see the module doc)."""
    limit = max(MIN_LIMIT, min(MAX_LIMIT, limit))
    head = f"*{release.title.strip()}*"
    credit = CREDIT.format(credit=release.credit) if release.credit else ""
    paragraphs = [render_runs(runs) for runs in _paragraph_runs(release)]
    full = "\n\n".join([head, *paragraphs, "\n".join(filter(None, [release.link, credit]))])
    if len(full) <= limit:
        return WhatsAppText(full, False)
    tail = "\n".join(filter(None, [MORE.format(link=release.link), credit]))
    budget = limit - len(head) - len(tail) - 4
    kept: list[str] = []
    used = 0
    for runs in _paragraph_runs(release):
        text = render_runs(runs)
        cost = len(text) + (2 if kept else 0)
        if used + cost <= budget:
            kept.append(text)
            used += cost
            continue
        room = budget - used - (2 if kept else 0)
        sentences = [p for p in _prefixes(runs, SENTENCE_END) if _ends_sentence(p)]
        fitting = next((render_runs(p) for p in sentences if len(render_runs(p)) <= room), None)
        if fitting is None and not kept:
            fitting = next((render_runs(p) for p in _prefixes(runs, WORD_END) if len(render_runs(p)) <= room), None)
        if fitting:
            kept.append(fitting)
        break
    return WhatsAppText("\n\n".join([head, *kept, tail]), True)


def plain_text(release: ReleaseText) -> str:
    """The release as plain text to paste anywhere: headline, dateline and body without
    marks, the signature, the link and the credit."""
    paragraphs = [plain(p) for p in body_paragraphs(release.body)]
    if release.dateline:
        paragraphs = paragraphs or [""]
        paragraphs[0] = f"{release.dateline.strip()} {paragraphs[0]}".strip()
    if release.signature and paragraphs:
        paragraphs[-1] = f"{paragraphs[-1]} {release.signature.strip()}"
    credit = CREDIT.format(credit=release.credit) if release.credit else ""
    return "\n\n".join([release.title.strip(), *paragraphs, "\n".join(filter(None, [release.link, credit]))])
