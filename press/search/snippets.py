"""Highlighted snippets: HTML-escaped text with the matching words in ``<mark>``.

Owns :func:`highlight` and :func:`snippet`. A word matches when its written form is one
the query asked for, starts with a queried prefix, or shares the stem of a queried word
(the document's own names are compared as written, as in the index). Imports only the
sibling ``analysis`` module.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .analysis import iter_tokens, stem_term

MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"


@dataclass(frozen=True)
class Terms:
    """What a query looks for, as the highlighter needs it."""

    exact: frozenset[str] = frozenset()
    stems: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()

    def matches(self, token: str, protected: frozenset[str] | set[str]) -> bool:
        if token in self.exact or any(token.startswith(p) for p in self.prefixes):
            return True
        return bool(self.stems) and stem_term(token, protected) in self.stems


def _render(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out, pos = [], start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(escape(text[pos:s]))
        out.append(MARK_OPEN + escape(text[s:e]) + MARK_CLOSE)
        pos = e
    out.append(escape(text[pos:end]))
    return "".join(out)


def highlight(text: str, terms: Terms, protected=frozenset()) -> str:
    """All of ``text``, escaped, with every matching word marked."""
    spans = [(s, e) for tok, s, e in iter_tokens(text) if terms.matches(tok, protected)]
    return _render(text or "", spans, 0, len(text or ""))


def snippet(text: str, terms: Terms, protected=frozenset(), *, words: int = 32) -> str:
    """The window of about ``words`` words with the most matches, escaped and marked."""
    text = text or ""
    tokens = list(iter_tokens(text))
    if not tokens:
        return escape(text[:200])
    hits = [terms.matches(tok, protected) for tok, _, _ in tokens]
    best, best_count, count = 0, -1, 0
    for i, hit in enumerate(hits):
        count += hit
        if i >= words:
            count -= hits[i - words]
        if count > best_count:
            best_count, best = count, max(0, i - words + 1)
    first = max(0, best - 3) if best_count > 0 else 0
    last = min(len(tokens), first + words) - 1
    start, end = tokens[first][1], tokens[last][2]
    if first == 0:
        start = 0
    spans = [(s, e) for (tok, s, e), hit in zip(tokens, hits) if hit]
    body = _render(text, spans, start, end)
    return ("… " if start > 0 else "") + body.strip() + (" …" if end < len(text.rstrip()) else "")
