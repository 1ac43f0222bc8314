"""A person's later mentions by one word of their name ("Lukita" after "Lukita Harjana"),
found in one pass over the text. Imports the items and the rules."""

from __future__ import annotations

import re
from collections import defaultdict

from press.notes.items import Person
from press.notes.name_match import SHARED_WORD_LIMIT
from press.notes.rules import PhraseTable

WORD_RUN = re.compile(r"\w+")
# A run of word characters that starts with a capital: where a name's word can start when
# all of them do (the scan then skips the lower-case words).
CAPITALISED_RUN = re.compile(r"[A-Z](?<!\w[A-Z])\w*")
WORD_CHAR = re.compile(r"\w")


def add_short_mentions(text: str, people: list[Person]) -> None:
    """Add every whole-word occurrence of a word (of 3 letters or more) of a person's name
    that is not already inside one of their mentions ("Lukita" after "Lukita Harjana"),
    in one pass over the text. A word more than SHARED_WORD_LIMIT people share names
    none of them: it cannot say who is meant, and marking it for each would grow with
    the square of the note.

    An occurrence starts where a run of word characters starts, and that run is the
    word's own first run ("Al" of "Al-Azhar"), so only the words with that first run
    are tried there, and only the capitalised runs when every word starts with a capital;
    longer words first (the scan finds them in that order: only the other words' finds
    need a sort)."""
    owners: dict[str, list[Person]] = defaultdict(list)
    for person in people:
        for token in dict.fromkeys(person.name.split()):
            if len(token) >= 3:
                owners[token].append(person)
    usable = [token for token, holders in owners.items() if len(holders) <= SHARED_WORD_LIMIT]
    first_runs = {token: run.group(0) for token in usable if (run := WORD_RUN.match(token))}
    by_run = PhraseTable(list(first_runs), key=first_runs.__getitem__)
    others = [t for t in usable if t not in first_runs]
    found: list[tuple[int, str]] = []
    keys = by_run.keys()
    runs = CAPITALISED_RUN if keys and all("A" <= key[0] <= "Z" for key in keys) else WORD_RUN
    for run in runs.finditer(text) if keys else ():
        if run.group(0) not in keys:
            continue
        for token in by_run.written_at(text, run.start(), run.group(0)):
            if not WORD_CHAR.match(text, run.start() + len(token)):
                found.append((run.start(), token))
    scanned = len(found)
    for token in others:
        found += [(m.start(), token) for m in re.finditer(rf"(?<![\w]){re.escape(token)}(?![\w])", text)]
    if len(found) > scanned:
        found.sort(key=lambda item: (item[0], -len(item[1])))
    cover = {id(p): _Cover(p.mentions) for p in people}
    for start, token in found:
        for person in owners[token]:
            if cover[id(person)].add(start, start + len(token)):
                person.mentions.append((start, start + len(token)))
    for person in people:
        person.mentions.sort()


class _Cover:
    """Whether a position lies inside a person's mentions, asked left to right."""

    def __init__(self, spans):
        self._spans = sorted(spans)
        self._next = 0
        self._end = -1

    def add(self, start: int, end: int) -> bool:
        """If `start` is inside no mention so far, take [start, end) as one; True if taken."""
        while self._next < len(self._spans) and self._spans[self._next][0] <= start:
            self._end = max(self._end, self._spans[self._next][1])
            self._next += 1
        if start < self._end:
            return False
        self._end = max(self._end, end)
        return True
