"""Lists of names written one after another ("Paket diterima oleh Paiman, Sutini, Warsito,
Mbah Karto, Ny Sumiyem, Joko, Lestari dan Daryono"): when one name of the list is known
to be a person, the others are people too. Standard library only."""

from __future__ import annotations

import re

ITEM = r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}"
# Three items or more, commas between, "dan" or "serta" before the last, ending the clause.
NAME_LIST = re.compile(rf"(?<![\w.-]){ITEM}(?:,[ \t]*{ITEM}){{1,30}},?[ \t]+(?:dan|serta)[ \t]+{ITEM}(?=[ \t]*[.,;)\n]|\Z)")
ITEM_RE = re.compile(ITEM)


def name_lists(text: str) -> list[list[tuple[int, int]]]:
    """The (start, end) of each item of each list of three capitalised names or more."""
    lists = []
    for m in NAME_LIST.finditer(text):
        lists.append([(item.start(), item.end()) for item in ITEM_RE.finditer(text, m.start(), m.end())
                      if item.group(0) not in ("Dan", "Serta")])
    return lists
