"""Where quotations stand in a note: the spans between quote marks (straight or curly,
joined across paragraphs when a paragraph leaves a quote open and the next opens with a
mark, or left open by a writer who forgot the closing mark), and look-ups of a position
among sorted spans. Who said them is `press.notes.quotes`'s part. Standard library only."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

OPEN_MARKS = "\"“”"
QUOTE_MARK = re.compile(f"[{OPEN_MARKS}]")
# A comma (or ! or ?) and a closing mark, then the tag in lower case: `…,” ungkapnya`, `…," ujar X`.
CLOSED_WITH_TAG = re.compile(r"[,!?][\"”][ \t]*[a-z]")


def quoted_segments(text: str, verb_ends: set[int]) -> list[tuple[int, int, str]]:
    """(start, end, inner text) of each quotation, joined across paragraphs when a
    paragraph leaves a quote open and the next one opens with a quote mark, and across
    hard line breaks in the middle of a sentence."""
    segments, open_at, parts = [], None, []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        cursor = p_start
        if open_at is not None:
            if text[p_start] in OPEN_MARKS:
                cursor = p_start + 1
            elif not _wrapped(text, paragraphs[p_index - 1][1]) and not _closed_with_tag(text, p_start, p_end):
                if _left_open(text, open_at, paragraphs[p_index - 1][1]):
                    segments.append((open_at, paragraphs[p_index - 1][1], " ".join(p.strip() for p in parts)))
                open_at, parts = None, []
        part_start = cursor
        for mark in QUOTE_MARK.finditer(text, cursor, p_end):
            i, char = mark.start(), mark.group(0)
            if open_at is None:
                if char == "”" and i > p_start and not text[i - 1].isspace() and i not in verb_ends:
                    continue
                open_at, part_start, parts = i, i + 1, []
            elif char != "“" or text[i - 1].isspace() is False:
                parts.append(text[part_start:i])
                segments.append((open_at, i + 1, " ".join(p.strip() for p in parts)))
                open_at = None
        if open_at is not None:
            parts.append(text[part_start:p_end])
            if p_index + 1 == len(paragraphs):
                segments.append((open_at, p_end, " ".join(p.strip() for p in parts)))
    return [(s, e, inner.strip(" ,")) for s, e, inner in segments if len(inner) > 15]


def _closed_with_tag(text: str, start: int, end: int) -> bool:
    """Whether the first quote mark of the paragraph at `start`..`end` closes a quote with its
    tag (`…, tinggal dijaga bersama,” ungkapnya.`): a quote left open on the line before runs
    on into this one, split by the writer over two paragraphs."""
    mark = QUOTE_MARK.search(text, start, end)
    return mark is not None and CLOSED_WITH_TAG.match(text, mark.start() - 1) is not None


def _wrapped(text: str, line_end: int) -> bool:
    """Whether the line ending at `line_end` was broken by hand mid-sentence (it ends in a
    letter, a digit or a comma), so a quote open on it runs on into the next line."""
    return text[line_end - 1:line_end].isalnum() or text[line_end - 1:line_end] == ","


def _left_open(text: str, open_at: int, paragraph_end: int) -> bool:
    """Whether a quote opened at `open_at` and never closed is one all the same: it
    opens a sentence and its paragraph ends a sentence (the writer forgot the mark)."""
    return stands_alone(text, open_at) and text[paragraph_end - 1:paragraph_end] in (".", "!", "?")


def stands_alone(text: str, start: int) -> bool:
    """Whether the quote at `start` opens its sentence (its speaker then stands in the
    sentence before)."""
    before = text[max(0, start - 3):start].rstrip(" \t")
    return not before or before[-1] in ".!?:\n"


def inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether `pos` lies in one of `spans` (sorted, not overlapping)."""
    at = bisect_right(starts, pos)
    return bool(at) and pos < spans[at - 1][1]


def last_inside(matches: list[re.Match], starts: list[int], start: int, end: int) -> re.Match | None:
    """The last of `matches` (sorted, not overlapping) lying within [start, end]."""
    at = bisect_left(starts, end)
    while at and matches[at - 1].end() > end:
        at -= 1
    return matches[at - 1] if at and matches[at - 1].start() >= start else None


def first_inside(matches: list[re.Match], starts: list[int], start: int, end: int) -> re.Match | None:
    """The first of `matches` (sorted, not overlapping) lying within [start, end]."""
    at = bisect_left(starts, start)
    return matches[at] if at < len(matches) and matches[at].end() <= end else None
