"""Dates in Indonesian PR notes: `Kamis, (30/9/2021)`, `Kamis(10/3)`, `Jumat (1/12/23)`,
`Selasa, 29 November 2022`, `Rabu, 1 Desember 2021 | 22:13 WIB`, with month variants
(Pebruari, Nopember, short forms) from the glossary.

Owns finding and parsing them. A missing year comes from a reference date (the
activity's), never from today; without one the date is ISO `--MM-DD`. Two-digit years
are 20yy. A weekday that does not match its date is flagged, not resolved. Numbers that
are not dates (unit numbers, "HUT ke-75", phone numbers, "(Nov)") are left alone.
Imports the glossary, the shared pattern helpers and the standard library only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from press.notes.glossary import Glossary, load_glossary
from press.notes.rules import alternation


@dataclass(frozen=True)
class FoundDate:
    """One date written in a text; `date` is ISO (`YYYY-MM-DD`, or `--MM-DD` when the
    year is unknown), `span` is `[start, end)` into the text."""

    date: str
    text: str
    weekday: str | None
    weekday_mismatch: bool
    span: tuple[int, int]
    time: str | None = None

    def as_dict(self) -> dict:
        return {"date": self.date, "text": self.text, "weekday": self.weekday,
                "weekday_mismatch": self.weekday_mismatch, "span": list(self.span), "time": self.time}


def _patterns(glossary: Glossary) -> tuple[re.Pattern, tuple[re.Pattern, ...]]:
    """The weekday written just before a date, and the date's three shapes. A date is
    found from its digits and its weekday looked for behind it: a pattern starting with
    an optional weekday would try every weekday spelling at every letter of the note."""
    key = id(glossary)
    if key not in _COMPILED or _COMPILED[key][0] is not glossary:
        weekday = re.compile(rf"(?<![\w])(?P<weekday>{alternation(glossary.weekday_forms())})\s*,?\s*$", re.I)
        numeric_paren = re.compile(r"\(\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?\s*\)")
        numeric_bare = re.compile(r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")
        textual = re.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<month>{alternation(glossary.month_forms())})\b\.?"
            rf"(?:\s+(?P<y>\d{{4}})\b)?(?:\s*[|,]?\s*(?:pukul\s+)?(?P<time>\d{{1,2}}[:.]\d{{2}})\s*(?P<zone>WIB|WITA|WIT)?)?",
            re.I)
        _COMPILED[key] = (glossary, weekday, (numeric_paren, numeric_bare, textual))
    return _COMPILED[key][1], _COMPILED[key][2]


_COMPILED: dict[int, tuple] = {}
WEEKDAY_REACH = 24


def find_dates(text: str, reference: date | None = None, glossary: Glossary | None = None) -> list[FoundDate]:
    """Every date in `text`, in order; `reference` supplies a missing year."""
    glossary = glossary or load_glossary()
    months = glossary.month_forms()
    weekdays = glossary.weekday_forms()
    found: list[FoundDate] = []
    taken = bytearray(len(text) + 1)
    weekday_before, shapes = _patterns(glossary)
    for pattern in shapes:
        for match in pattern.finditer(text):
            day = weekday_before.search(text, max(0, match.start() - WEEKDAY_REACH), match.start())
            start = day.start() if day else match.start()
            if taken.find(1, start, match.end()) >= 0:
                continue
            if _lowercase_short_month(match):
                continue
            month = int(match["m"]) if "m" in match.groupdict() else months[match["month"].lower()]
            parsed = _build(int(match["d"]), month, match["y"], day["weekday"] if day else None, reference, weekdays,
                            glossary.weekday_names)
            if parsed is None:
                continue
            iso, weekday, mismatch = parsed
            time = match.groupdict().get("time")
            found.append(FoundDate(iso, text[start:match.end()], weekday, mismatch, (start, match.end()),
                                   time.replace(".", ":") if time else None))
            taken[start:match.end()] = b"\1" * (match.end() - start)
    return sorted(found, key=lambda f: f.span)


def _lowercase_short_month(match: re.Match) -> bool:
    """"3 mar" or "5 des" is prose, not a date; short months are written capitalised."""
    month = match.groupdict().get("month")
    return bool(month) and month.islower() and len(month) <= 4 and month != "mei"


def _build(day: int, month: int, year_text: str | None, weekday_text: str | None,
           reference: date | None, weekdays: dict[str, str], weekday_names: tuple[str, ...]):
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    weekday = weekdays[weekday_text.lower()] if weekday_text else None
    year = _year(year_text, day, month, reference)
    if year is None:
        try:
            date(2000, month, day)
        except ValueError:
            return None
        return f"--{month:02d}-{day:02d}", weekday, False
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    mismatch = weekday is not None and weekday_names[value.weekday()] != weekday
    return value.isoformat(), weekday, mismatch


def _year(year_text: str | None, day: int, month: int, reference: date | None) -> int | None:
    if year_text:
        return 2000 + int(year_text) if len(year_text) == 2 else int(year_text)
    if reference is None:
        return None
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append((abs((date(year, month, day) - reference).days), year))
        except ValueError:
            continue
    return min(candidates)[1] if candidates else None
