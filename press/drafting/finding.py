"""What an editorial check reports: a :class:`Finding` (its ``code`` one of :data:`CODES`),
``finding_at``, which makes one for a span of the body, and :func:`apply_fixes`, which
writes the replacements of some findings into the text.

A finding's ``message`` and ``hint`` are Indonesian msgids with ``params`` (the web layer
translates them; the CLI prints them as they are); ``span`` is ``(start, end)`` into its
``field`` ("body", or "title", "dateline", "signature" for the release's other parts;
``None`` for a photo); ``replacement`` is the text that fixes the span, ``None`` when the
fix needs the writer (a word choice inside a quote, a long paragraph).
"""
from __future__ import annotations

from dataclasses import dataclass, field

CODES = (
    "weekday", "date_far", "name_two_ways", "region_two_ways", "quote_no_speaker",
    "short_name_first", "mojibake", "quotes_unbalanced", "paragraph_long",
    "photo_caption", "photo_credit", "placeholder",
    "spelling", "di_prefix", "foreign", "time_format", "number_format",
    "title_register", "precedence", "headline_shape", "dateline", "adv_label",
)
FIELDS = ("title", "dateline", "body", "signature")


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    params: dict = field(default_factory=dict)
    span: tuple[int, int] | None = None
    hint: str = ""
    hint_params: dict = field(default_factory=dict)
    text: str = ""
    replacement: str | None = None
    field: str = "body"

    def as_dict(self) -> dict:
        return {
            "check": self.code,
            "message": self.message % self.params if self.params else self.message,
            "hint": self.hint % self.hint_params if self.hint_params else self.hint,
            "span": list(self.span) if self.span else None,
            "text": self.text,
            "replacement": self.replacement,
            "field": self.field,
        }


def finding_at(body: str, code: str, span, message: str, hint: str, params=None, hint_params=None,
               replacement: str | None = None, field: str = "body") -> Finding:
    return Finding(code, message, dict(params or {}), tuple(span) if span else None, hint,
                   dict(hint_params or {}), body[span[0]:span[1]] if span else "", replacement, field)


def apply_fixes(text: str, findings, field: str = "body", codes=None) -> tuple[str, int]:
    """``text`` with the replacements of the ``findings`` on ``field`` (of the ``codes``, when
    given) written in, and how many were applied. A finding whose span no longer holds its
    text, or overlaps one applied before it, is left alone."""
    chosen = sorted((f for f in findings if f.replacement is not None and f.span and f.field == field
                     and (not codes or f.code in codes)), key=lambda f: f.span)
    parts, cursor, applied = [], 0, 0
    for finding in chosen:
        start, end = finding.span
        if start < cursor or text[start:end] != finding.text:
            continue
        parts += [text[cursor:start], finding.replacement]
        cursor, applied = end, applied + 1
    return "".join(parts) + text[cursor:], applied


def cased(written: str, standard: str) -> str:
    """``standard`` with a capital first letter when ``written`` has one (a replacement keeps
    the writer's capital at a sentence's start)."""
    if written[:1].isupper() and standard[:1].islower():
        return standard[:1].upper() + standard[1:]
    return standard
