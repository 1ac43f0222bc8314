"""Whole numbers typed by people: database ids and bounded counts, usable without Flask.

Ids are SQL INTEGER keys, 1 … 2**31 - 1: PostgreSQL's INTEGER holds no more (SQLite's
would hold 64 bits, but a row beyond PostgreSQL's range could not move there). A longer
number, zero, a sign or digits of another script ("²", "١٢", which ``str.isdigit``
accepts) can name nothing; handing such a number to the database raises an error instead
of finding nothing (``OverflowError`` past 64 bits on SQLite, "integer out of range" past
31 on PostgreSQL), so every id from a URL, a form, a query string or the command line passes
through :func:`parse_id` (the web layer's ``id`` URL converter and the CLI's id type use
these bounds too).
"""
from __future__ import annotations

import re

MAX_ID = 2**31 - 1
_INTEGER = re.compile(r"[+-]?[0-9]{1,30}")


def parse_int(value, *, low: int, high: int) -> int | None:
    """``value`` (text or int) as an int within ``low`` … ``high``; None if it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        number = int(value.strip())
    else:
        return None
    return number if low <= number <= high else None


def parse_id(value) -> int | None:
    """A database id (1 … ``MAX_ID``) from text or an int; None for anything else."""
    return parse_int(value, low=1, high=MAX_ID)


def clamp_int(value, *, default: int, low: int, high: int) -> int:
    """A bounded count such as a page number: a number out of range is brought to the
    nearest bound, anything that is not a number gives ``default``."""
    number = parse_int(value, low=-(10**30), high=10**30)
    if number is None:
        return default
    return max(low, min(number, high))


def rupiah(amount: int | None) -> str:
    """Whole rupiah written the Indonesian way: ``Rp 1.500.000`` (empty for ``None``)."""
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {abs(int(amount)):,}".replace(",", ".")
