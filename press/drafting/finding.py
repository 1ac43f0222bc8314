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

import re
from dataclasses import dataclass, field, replace

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


#: Words EYD V writes in lower case inside a capitalised name or title (not as its first word).
LOWER_IN_TITLE = frozenset("di ke dari dan yang untuk atau dengan pada dalam oleh bagi serta per".split())


def line_at(body: str, start: int, end: int | None = None) -> str:
    """The line of ``body`` that holds ``start`` (up to the line break after ``end``, when given)."""
    stop = body.find("\n", start if end is None else end)
    return body[body.rfind("\n", 0, start) + 1:stop if stop >= 0 else len(body)]


def sentence_start(body: str, start: int) -> bool:
    before = body[:start].rstrip(" *")
    return not before or before[-1] in ".!?\n“\""


def cased(written: str, standard: str, body: str | None = None, start: int = 0) -> str:
    """``standard`` with a capital first letter when ``written`` has one (a replacement keeps
    the writer's capital at a sentence's start). Given the ``body`` and the span's ``start``, a
    capital inside a sentence follows the words around it: beside a capitalised word (a name, a
    title: "Turnamen Sepakbola Antarkampung") every word of the standard takes one but the little
    words of ``LOWER_IN_TITLE``; between words in lower case ("bersama Tehnical Meeting kemarin"
    is no name) the capital was part of the slip, and the standard is written as the data has it.
    After a dateline's dash ("MASOHI - Pasca tanah longsor") the capital is the sentence's."""
    if not (written[:1].isupper() and standard[:1].islower()):
        return standard
    if body is None or written.isupper() or sentence_start(body, start) or body[:start].rstrip()[-1:] in "-–—":
        return standard[:1].upper() + standard[1:]
    if _capital_beside(body, start, start + len(written)):
        return " ".join(word if i and word in LOWER_IN_TITLE else word[:1].upper() + word[1:]
                        for i, word in enumerate(standard.split(" ")))
    return standard


BEFORE_WORD = re.compile(r"([^\W\d_]+)[ ]+$")
AFTER_WORD = re.compile(r"[ ]+([^\W\d_]+)")


def _capital_beside(body: str, start: int, end: int) -> bool:
    before = BEFORE_WORD.search(body, max(0, start - 40), start)
    after = AFTER_WORD.match(body, end)
    return bool(before and before.group(1)[:1].isupper() or after and after.group(1)[:1].isupper())


def listed_slips_followed(found: list[Finding], spelling) -> list[Finding]:
    """A replacement that the spelling data itself lists as non-standard ("apapaun" read as "apapun")
    is taken on to that entry's standard form ("apa pun"): no finding may write a listed slip."""
    out = []
    for finding in found:
        written = finding.replacement
        entry = spelling.get(written) if written else None
        if entry is None and written and written[:1].isupper() and written[1:].islower():
            entry = spelling.get(written.lower())
            entry = entry and replace(entry, standard=entry.standard[:1].upper() + entry.standard[1:])
        if entry is not None and entry.standard != written:
            params = {**finding.params, "standard": entry.standard} if "standard" in finding.params else finding.params
            hints = {**finding.hint_params, "standard": entry.standard} if "standard" in finding.hint_params \
                else finding.hint_params
            finding = replace(finding, replacement=entry.standard, params=params, hint_params=hints)
        out.append(finding)
    return out
