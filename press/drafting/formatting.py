"""Light formatting in a release body: ``**tebal**`` and ``*miring*``, nothing else.

Paragraphs are lines of the body (blank lines are ignored). Inside a paragraph,
``**…**`` is bold and ``*…*`` italic; an unpaired asterisk stays as written. HTML in the
text is always escaped (:func:`to_html` returns safe markup), and the DOCX export turns
the same runs into bold and italic Word runs.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

INLINE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|\*(?=[^\s*])([^*]+?)(?<=\S)\*")


def inline_runs(text: str) -> list[tuple[str, bool, bool]]:
    """``text`` as ``(piece, bold, italic)`` runs."""
    runs: list[tuple[str, bool, bool]] = []
    position = 0
    for match in INLINE.finditer(text or ""):
        if match.start() > position:
            runs.append((text[position:match.start()], False, False))
        if match.group(1) is not None:
            runs.append((match.group(1), True, False))
        else:
            runs.append((match.group(2), False, True))
        position = match.end()
    if position < len(text or ""):
        runs.append((text[position:], False, False))
    return runs


def to_html(text: str) -> Markup:
    """One paragraph's text as safe HTML with ``<strong>``/``<em>``."""
    parts = []
    for piece, bold, italic in inline_runs(text or ""):
        html = str(escape(piece))
        if bold:
            html = f"<strong>{html}</strong>"
        elif italic:
            html = f"<em>{html}</em>"
        parts.append(html)
    return Markup("".join(parts))


def plain(text: str) -> str:
    """The text without the formatting marks (for search, captions, checks' display)."""
    return "".join(piece for piece, _b, _i in inline_runs(text or ""))


def summary(text: str | None, length: int = 200) -> str:
    """The start of a body without formatting marks, cut at a word boundary (pages, feeds,
    the API and e-mail alike)."""
    flat = " ".join(plain(text or "").split())
    if len(flat) <= length:
        return flat
    return flat[:length].rsplit(" ", 1)[0] + "…"


def body_paragraphs(body: str) -> list[str]:
    """The paragraphs of a stored body, as the public page shows them."""
    return [line.strip() for line in (body or "").replace("\r\n", "\n").split("\n") if line.strip()]
