"""Side-by-side, word-level comparison of two versions of a release (``difflib``).

``compare(old, new)`` takes two dicts with ``title``, ``dateline``, ``body``, ``signature``
and returns one :class:`Row` per aligned paragraph (title, dateline, each body
paragraph, signature): the left and right side as ``(text, kind)`` pieces where kind is
``same``, ``del`` (only on the left) or ``ins`` (only on the right). A paragraph added or
removed whole has an empty other side.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .formatting import body_paragraphs

TOKENS = re.compile(r"\s+|[^\s]+")
FIELDS = ("title", "dateline", "body", "signature")


@dataclass(frozen=True)
class Row:
    field: str
    left: tuple[tuple[str, str], ...]
    right: tuple[tuple[str, str], ...]

    @property
    def changed(self) -> bool:
        return any(kind != "same" for _t, kind in (*self.left, *self.right))


def _merge(pieces: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    merged: list[list[str]] = []
    for text, kind in pieces:
        if merged and merged[-1][1] == kind:
            merged[-1][0] += text
        elif text:
            merged.append([text, kind])
    return tuple((text, kind) for text, kind in merged)


def words(old: str, new: str, field: str = "body") -> Row:
    a, b = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    left, right = [], []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(("".join(a[i1:i2]), "same"))
            right.append(("".join(b[j1:j2]), "same"))
        else:
            if i2 > i1:
                left.append(("".join(a[i1:i2]), "del"))
            if j2 > j1:
                right.append(("".join(b[j1:j2]), "ins"))
    return Row(field, _merge(left), _merge(right))


def compare(old: dict, new: dict) -> list[Row]:
    rows: list[Row] = []
    for field in FIELDS:
        if field != "body":
            if old.get(field) or new.get(field):
                rows.append(words(old.get(field) or "", new.get(field) or "", field))
            continue
        a, b = body_paragraphs(old.get("body") or ""), body_paragraphs(new.get("body") or "")
        for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if op == "equal":
                rows += [Row("body", ((p, "same"),), ((p, "same"),)) for p in a[i1:i2]]
            elif op == "replace":
                pairs = max(i2 - i1, j2 - j1)
                for k in range(pairs):
                    left = a[i1 + k] if i1 + k < i2 else ""
                    right = b[j1 + k] if j1 + k < j2 else ""
                    rows.append(words(left, right))
            elif op == "delete":
                rows += [Row("body", ((p, "del"),), ()) for p in a[i1:i2]]
            else:
                rows += [Row("body", (), ((p, "ins"),)) for p in b[j1:j2]]
    return rows
