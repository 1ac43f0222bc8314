"""What an editorial check reports: a :class:`Finding` (its ``code`` one of :data:`CODES`),
and ``finding_at``, which makes one for a span of the body.

A finding's ``message`` and ``hint`` are Indonesian msgids with ``params`` (the web layer
translates them; the CLI prints them as they are); ``span`` is ``(start, end)`` into the
body (``None`` for a photo or the headline).
"""
from __future__ import annotations

from dataclasses import dataclass, field

CODES = (
    "weekday", "date_far", "name_two_ways", "region_two_ways", "quote_no_speaker",
    "short_name_first", "mojibake", "quotes_unbalanced", "paragraph_long",
    "photo_caption", "photo_credit", "placeholder",
)


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


def finding_at(body: str, code: str, span, message: str, hint: str, params=None, hint_params=None) -> Finding:
    return Finding(code, message, dict(params or {}), tuple(span) if span else None, hint,
                   dict(hint_params or {}), body[span[0]:span[1]] if span else "")
