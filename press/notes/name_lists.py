"""Lists of names written one after another ("Paket diterima oleh Paiman, Sutini, Warsito,
Mbah Karto, Ny Sumiyem, Joko, Lestari dan Daryono"; "di antaranya A. Karim Yusuf,
Zulkifli Daud (Ki Demang), Ramli Sahar, Sarmili Ahmad SH."): when one name of the list is
known to be a person, the others are people too. An item may open with an initial and
carry a nickname in brackets; the list ends with "dan"/"serta" and its last item, or
with the end of the sentence (a degree may stand before it). Each run of
comma-separated items is read once, so the work grows with the note's length. Standard
library only."""

from __future__ import annotations

import re

ITEM = r"(?:[A-Z]\.[ \t]*)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}"
# A nickname in brackets after a name: "(Ki Demang)", "(bujang)".
NICKNAME = r"(?:[ \t]*\([^()\n,]{1,25}\))?"
RUN = re.compile(rf"(?<![\w.-]){ITEM}{NICKNAME}(?:,[ \t]*{ITEM}{NICKNAME})+")
# The last item, after "dan" or "serta", ending the clause.
LAST = re.compile(rf",?[ \t]+(?:dan|serta)[ \t]+(?:[A-Z][a-z]?\.?[ \t]+(?=[A-Z][a-z]))?({ITEM}){NICKNAME}(?=[ \t]*[.,;)\n]|[ \t]+[a-z]|\Z)")
# The run ends the sentence, the last item's degrees aside ("Sarmili Ahmad SH.").
SENTENCE_END = re.compile(r"(?:,?[ \t]+[A-Z][A-Za-z]{0,3}\.?(?:[ \t]*,?[ \t]*[A-Z][A-Za-z]{0,3}\.?)*)?[ \t]*(?:[.;\n]|\Z)")
ITEM_RE = re.compile(rf"({ITEM}){NICKNAME}")


def name_lists(text: str) -> list[list[tuple[int, int]]]:
    """The (start, end) of each item of each list of three capitalised names or more."""
    lists = []
    for run in RUN.finditer(text):
        last = LAST.match(text, run.end())
        items = [item.span(1) for item in ITEM_RE.finditer(text, run.start(), run.end())]
        if last:
            lists.append(items + [last.span(1)])
        elif len(items) >= 3 and SENTENCE_END.match(text, run.end()):
            lists.append(items)
    return lists
