"""Real slips (every ``real-slips*.md``) seeded into correct releases written for the purpose
(``correct-*.txt``): the measure of the language and genre checks' recall, and of their
false alarms on text that has none.

A list's rows with ``held`` = yes are held back (the rule data was not written from them)
unless the list says ``Status: tuning`` (a closed round: its held-back figures are recorded
in ``docs/benchmarks.md`` and all its rows are now tuning material). A new list dropped in
as ``real-slips-2.md`` is measured by ``bench/checks.py`` and the recall test as it is.

A slip is seeded by writing its non-standard form in place of the first occurrence of its
standard form in one of the correct releases (a capital kept where the release has one);
a slip whose standard form none of them contains is reported as not seedable. A slip that
differs from its standard form in letter case only ("sabtu" for "Sabtu") is written as the list
has it, since keeping the capital would seed nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from press.drafting.checks import check_release
from press.drafting.finding import apply_fixes
from press.drafting.language_checks import check_language, name_spans, quote_spans

HERE = Path(__file__).parent
LABEL = "(Adv Humas)"


#: The family of a row a later round found to record no slip (its standard form allowed by
#: EYD V after all): kept in its list as the record, never seeded.
WITHDRAWN = "withdrawn"
TUNING = re.compile(r"^\**Status\**:?\**\s*tuning\b", re.I | re.M)


@dataclass(frozen=True)
class Slip:
    number: int
    written: str
    standard: str
    family: str
    held: bool
    source: str = "real-slips.md"


def slip_lists() -> list[Path]:
    return sorted(HERE.glob("real-slips*.md"))


def slips(path: Path | None = None) -> list[Slip]:
    """The rows of one list (every list when ``path`` is None); ``held`` is False in a list
    whose status is tuning."""
    rows = []
    for source in [path] if path else slip_lists():
        text = source.read_text(encoding="utf-8")
        tuning = bool(TUNING.search(text))
        for line in text.splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 7 and cells[0].isdigit():
                held = cells[5].lower() == "yes" and not tuning
                rows.append(Slip(int(cells[0]), cells[1], cells[2], cells[3], held, source.name))
    return rows


def correct_releases() -> list[tuple[str, str]]:
    """(title, body) of each correct release."""
    return [tuple(path.read_text(encoding="utf-8").split("\n", 1)) for path in sorted(HERE.glob("correct-*.txt"))]


def words(releases) -> int:
    return sum(len(title.split()) + len(body.split()) for title, body in releases)


def findings(title: str, body: str):
    return check_release(body, title=title, label=LABEL)


@lru_cache(maxsize=256)
def _lowered(body: str) -> str:
    return body.lower()


def seed(slip: Slip, releases):
    """(title, body, start, end) of the first release with the slip's standard form written
    as the slip, the span of the slip in the body; None when no release has the form."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(slip.standard)}(?![\w-])", re.I)
    needle = slip.standard.lower()
    for title, body in releases:
        if needle not in _lowered(body):
            continue  # the form is not in this release at all: no need to ask the pattern
        match = pattern.search(body)
        if match:
            found = match.group()
            written = slip.written
            if found[:1].isupper() and slip.written.lower() != slip.standard.lower():
                written = slip.written[:1].upper() + slip.written[1:]
            seeded = body[:match.start()] + written + body[match.end():]
            return title, seeded, match.start(), match.start() + len(written)
    return None


def caught(slip: Slip, releases) -> bool | None:
    """Whether a finding of the slip's family covers the seeded slip (None: not seedable)."""
    seeded = seed(slip, releases)
    if seeded is None:
        return None
    return bool(_covering(slip, seeded))


def _covering(slip: Slip, seeded):
    """The findings of the slip's family that cover the seeded slip, on its paragraph."""
    _title, body, start, end = seeded
    codes = FAMILY_CODES[slip.family]
    first = body.rfind("\n", 0, start) + 1
    last = body.find("\n", end) % (len(body) + 1)
    return [f for f in paragraph_language(body[first:last])
            if f.code in codes and f.span and f.span[0] + first < end and start < f.span[1] + first]


def fixed_right(slip: Slip, releases) -> bool | None:
    """Whether applying the replacements of the findings that catch the slip writes the
    standard form back: the paragraph as the correct release has it, or with the row's standard
    form as the list writes it (None: not caught or not seedable). A finding that catches the slip with no replacement (a hint) is not right: the
    writer still has to find the form."""
    seeded = seed(slip, releases)
    if seeded is None:
        return None
    covering = _covering(slip, seeded)
    if not covering:
        return None
    _title, body, start, end = seeded
    first = body.rfind("\n", 0, start) + 1
    last = body.find("\n", end) % (len(body) + 1)
    fixed, _applied = apply_fixes(body[first:last], covering)
    original = next(text for _t, text in releases if text[:first] == body[:first] and
                    text[len(text) - (len(body) - last):] == body[last:])
    as_listed = body[first:start] + slip.standard + body[end:last]
    return fixed in (original[first:len(original) - (len(body) - last)], as_listed)


def replacements(held: bool, path: Path | None = None) -> tuple[int, int, list[tuple[Slip, str, bool]]]:
    """(right, caught, the others) over the held-back (or the other) slips of every list (of the
    list at ``path``, when given): each other with what its findings write and whether they are
    hints only (no replacement: nothing written, the writer chooses)."""
    releases = correct_releases()
    right, total, wrong = 0, 0, []
    for slip in slips(path):
        if slip.held != held or slip.family == WITHDRAWN:
            continue
        seeded = seed(slip, releases)
        if seeded is None:
            continue
        covering = _covering(slip, seeded)
        if not covering:
            continue
        total += 1
        if fixed_right(slip, releases):
            right += 1
        else:
            wrong.append((slip, " / ".join(f"{f.text}→{f.replacement}" for f in covering),
                          all(f.replacement is None for f in covering)))
    return right, total, wrong


def paragraph_language(paragraph: str):
    """The language checks' findings on the seeded slip's paragraph, as ``check_release`` gives
    them for a release without known names: only the language checks write the families'
    codes, and they read a paragraph at a time (a quote, a sentence, a name ends at its line),
    so the recall of every slip is measured without the cost of the other checks, of the notes
    extractor and of the release's other paragraphs."""
    return check_language(paragraph, name_spans(paragraph, []), quote_spans(paragraph))


FAMILY_CODES = {"spelling": {"spelling"}, "di_prefix": {"di_prefix", "spelling"}, "foreign": {"foreign"},
                "time": {"time_format", "spelling"}, "number": {"number_format"}}
LANGUAGE_CODES = {"spelling", "di_prefix", "foreign", "time_format", "number_format", "title_register",
                  "precedence", "headline_shape", "dateline", "adv_label"}


def recall(held: bool, path: Path | None = None) -> dict[str, tuple[int, int, int]]:
    """Per family: (caught, seeded, not seedable) over the held-back (or the other) slips of
    every list (of the list at ``path``, when given)."""
    releases = correct_releases()
    out: dict[str, list[int]] = {}
    for slip in slips(path):
        if slip.held != held or slip.family == WITHDRAWN:
            continue
        row = out.setdefault(slip.family, [0, 0, 0])
        result = caught(slip, releases)
        if result is None:
            row[2] += 1
        else:
            row[1] += 1
            row[0] += int(result)
    return {family: tuple(row) for family, row in out.items()}


def false_alarms() -> tuple[int, int]:
    """(findings of the new checks, words) over the correct releases."""
    releases = correct_releases()
    count = sum(1 for title, body in releases for f in findings(title, body) if f.code in LANGUAGE_CODES)
    return count, words(releases)
