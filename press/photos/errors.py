"""``Rejected``: the one way a photo stage says "this file cannot be ingested".

Each rejection has a stable ``code``, its sentence (an Indonesian msgid the web layer
translates, with ``params``) and ``detail``, what exactly was found (English, for
operators and logs). The sentences live with every other problem's in ``press.problems``.
"""
from __future__ import annotations

from press.problems import MESSAGES as PROBLEMS

MESSAGES = {code: PROBLEMS[code] for code in
            ("empty_file", "too_large", "unsupported_type", "decompression_bomb", "corrupt_image")}

CODES = tuple(MESSAGES)


class Rejected(Exception):
    """A file refused by ingest: ``code``, ``detail`` and the sentence's ``params``."""

    def __init__(self, code: str, detail: str = "", params: dict | None = None):
        if code not in MESSAGES:
            raise ValueError(f"unknown rejection code {code!r}")
        super().__init__(code, detail, params)
        self.code = code
        self.detail = detail
        self.params = dict(params or {})

    @property
    def message_id(self) -> str:
        return MESSAGES[self.code]

    @property
    def message(self) -> str:
        """The sentence untranslated (Indonesian) with the detail, for logs."""
        sentence = self.message_id % self.params if self.params else self.message_id
        return f"{sentence} ({self.detail})" if self.detail else sentence

    def __str__(self) -> str:
        return self.message
