"""Lists of names written one after another ("Paket diterima oleh Paiman, Sutini, Warsito,
Mbah Karto, Ny Sumiyem, Joko, Lestari dan Daryono"): when one name of the list is known
to be a person, the others are people too. Each run of comma-separated items is read
once, so the work grows with the note's length. Standard library only."""

from __future__ import annotations

import re

ITEM = r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}"
RUN = re.compile(rf"(?<![\w.-]){ITEM}(?:,[ \t]*{ITEM})+")
# The last item, after "dan" or "serta", ending the clause.
LAST = re.compile(rf",?[ \t]+(?:dan|serta)[ \t]+({ITEM})(?=[ \t]*[.,;)\n]|\Z)")
ITEM_RE = re.compile(ITEM)


def name_lists(text: str) -> list[list[tuple[int, int]]]:
    """The (start, end) of each item of each list of three capitalised names or more."""
    lists = []
    for run in RUN.finditer(text):
        last = LAST.match(text, run.end())
        if last:
            items = [(item.start(), item.end()) for item in ITEM_RE.finditer(text, run.start(), run.end())]
            lists.append(items + [(last.start(1), last.end(1))])
    return lists
