"""Dates written the Indonesian way (Babel's ``id`` locale), usable without Flask.

``long_date`` gives "Kamis, 30 September 2021"; ``release_date`` gives the form
releases use, "Kamis, (30/9/2021)"; ``short_release_date`` gives "Kamis (30/9/2021)".
"""
from __future__ import annotations

from datetime import date, datetime

from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime


def long_date(day: date, locale: str = "id") -> str:
    return format_date(day, "EEEE, d MMMM y", locale=locale)


def letter_date(day: date, locale: str = "id") -> str:
    """The date under a letter's place: "2 Desember 2026"."""
    return format_date(day, "d MMMM y", locale=locale)


def release_date(day: date, locale: str = "id") -> str:
    return format_date(day, "EEEE, (d/M/y)", locale=locale)


def short_release_date(day: date, locale: str = "id") -> str:
    return format_date(day, "EEEE (d/M/y)", locale=locale)


def weekday_name(day: date, locale: str = "id") -> str:
    return format_date(day, "EEEE", locale=locale)


def month_name(month: int, locale: str = "id") -> str:
    return format_date(date(2000, month, 1), "MMMM", locale=locale)


def month_label(year: int, month: int, locale: str = "id") -> str:
    return format_date(date(year, month, 1), "MMMM y", locale=locale)


OFFICE_ZONE = ZoneInfo("Asia/Jakarta")


def wall_time(moment: datetime | None, zone=OFFICE_ZONE) -> datetime | None:
    """A naive wall-clock time in the office's zone: what "the day" of a moment is there.

    Aware moments (publication, creation, stored in UTC) are converted; naive ones
    (a camera's clock, an activity's local start) already are wall time."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(zone).replace(tzinfo=None)


def office_today() -> date:
    """Today's date in the office's zone (an activity's ``starts_on`` is a date there)."""
    return datetime.now(OFFICE_ZONE).date()


def long_datetime(moment: datetime, locale: str = "id", tzinfo=None) -> str:
    """"Kamis, 30 September 2021 14.05 WIB" in the given zone (default Asia/Jakarta)."""
    zone = tzinfo or OFFICE_ZONE
    text = format_datetime(moment, "EEEE, d MMMM y HH.mm", tzinfo=zone, locale=locale)
    return f"{text} {zone_abbreviation(zone)}"


def zone_abbreviation(zone) -> str:
    return {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}.get(str(zone), str(zone))
