"""The people a note names and where it names them, with the lookups the people and
quote finders make: by name, by title, and by position. Each lookup goes through an
index (a dictionary, a word tree or a sorted list) instead of a pass over everyone found
so far, so a note naming thousands of people is read in time proportional to its length.
Imports the items, the rules and the name comparisons of `name_match`."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from press.notes.items import Person
from press.notes.name_match import (SHARED_WORD_LIMIT, count_initials, initialled_alike, initialled_start, name_words,
                                    normal_name, one_slip_apart)
from press.notes.rules import without_parenthesis

Mention = tuple[int, int, "Person | None", "str | None"]


@dataclass
class _TitleNode:
    """One word of a title tree: how many people hold this title or a longer one that
    starts with it, and the first of them."""

    count: int = 0
    first: Person | None = None
    children: dict = field(default_factory=dict)

CAPITALISED_BEFORE_CAPITAL = re.compile(r"(?<![\w.-])[A-Z][\w'’-]*(?= [A-Z])")


class Register:
    """People in the order found, and `mentions`: (start, end, person, title) for every
    place a person is named, in the order found; a title written without a name has
    person None. `expand` turns a title into its comparison form (abbreviations written
    out); `acting` maps the acting prefixes to their written-out form ("Plh." ->
    "Pelaksana Harian"), so that "Plh. Sekda" names the Pelaksana Harian Sekretaris Daerah;
    the commander of a command is the commander of its area ("Komandan Kodim" is the
    Dandim, the Komandan Distrik Militer)."""

    def __init__(self, expand, acting: dict[str, str] | None = None):
        self._expand_title = expand
        self._acting = {form.lower(): full.lower() for prefix, full in (acting or {}).items()
                        for form in (prefix, prefix.rstrip("."))}
        self._expanded: dict[str, str] = {}
        self.people: list[Person] = []
        self._exact: dict[str, Person] = {}
        self._found: dict[str, Person | None] = {}
        self._by_token: dict[str, list[Person]] = defaultdict(list)
        self.name_words: dict[int, set[str]] = {}
        self._slipped: list[tuple[Person, str]] = []
        # Everyone given another name since found (`lengthen`), for the indexes kept by name.
        self.renamed: list[Person] = []
        self._titles = _TitleNode()
        self._titled: set[int] = set()
        self._spans: dict[int, set] = {}
        self.mentions: list[Mention | None] = []
        self._starts: list[tuple[int, int]] | None = []
        self._ends: list[tuple[int, int]] = []

    def expand(self, title: str) -> str:
        """`title` with its abbreviations written out, lower case (remembered); a short form
        written out into words that hold another ("Danlanal": "Komandan Pangkalan TNI AL") is
        written out once more, as the long form was ("Komandan Pangkalan TNI AL (Danlanal)")."""
        if title not in self._expanded:
            once = self._expand_title(title)
            expanded = (self._expand_title(once) if once != title else once).lower().replace("komandan komando ", "komandan ")
            first, _, rest = expanded.partition(" ")
            self._expanded[title] = f"{self._acting[first]} {rest}" if rest and first in self._acting else expanded
        return self._expanded[title]

    # -- people ---------------------------------------------------------------------
    def alias(self, alias: str, person: Person) -> None:
        """Let `alias` ("ATS", "Andi Asse") name `person` too."""
        self._exact.setdefault(normal_name(alias), person)
        self._found.clear()

    def add(self, person: Person) -> Person:
        self.people.append(person)
        self._found.clear()
        self._exact.setdefault(normal_name(person.name), person)
        tokens = name_words(person.name)
        self.name_words[id(person)] = tokens
        for token in tokens:
            self._by_token[token].append(person)
        self._spans[id(person)] = set(person.mentions)
        self.title_changed(person)
        return person

    def title_changed(self, person: Person) -> None:
        """Index `person` under their title once they have one, its parenthesised short
        forms left out ("Pelaksana Harian (Plh) Sekretaris Daerah (Sekda)" is found as
        "Plh. Sekda")."""
        if not person.title or id(person) in self._titled:
            return
        self._titled.add(id(person))
        node = self._titles
        for word in [None] + self.expand(without_parenthesis(person.title)).split(" "):
            if word is not None:
                node = node.children.setdefault(word, _TitleNode())
            node.count += 1
            node.first = node.first or person

    def add_span(self, person: Person, span: tuple[int, int], once: bool = False) -> None:
        """Add `span` to the person's mentions (unless already there, when `once`)."""
        spans = self._spans[id(person)]
        if once and span in spans:
            return
        spans.add(span)
        person.mentions.append(span)

    def by_name(self, name: str) -> Person | None:
        """The person of that name (case and spacing aside), else the one person whose
        name holds all its words (of several, the one with the same first word, then the
        one holding them in a row: "Andi Baso" for Andi Baso Tenriajeng, not Andi Nurlina Baso)."""
        if name not in self._found:
            self._found[name] = self._by_name(name)
        return self._found[name]

    def _by_name(self, name: str) -> Person | None:
        exact = self._exact.get(normal_name(name))
        if exact is not None:
            return exact
        tokens = set(name.split())
        if not tokens:
            return None
        fewest = None
        for token in tokens:
            holders = self._by_token.get(token, ())
            if not holders:
                return None
            if fewest is None or len(holders) < len(fewest):
                fewest = holders
        partial = [p for p in fewest if tokens <= self.name_words[id(p)]]
        if len(partial) > 1:
            partial = [p for p in partial if p.name.split()[0] == name.split()[0]]
        if len(partial) > 1:
            partial = [p for p in partial if f" {normal_name(name)} " in f" {normal_name(p.name)} "]
        return partial[0] if len(partial) == 1 else None

    def knows_word(self, word: str) -> bool:
        """Whether `word` is a word of someone's name."""
        return word in self._by_token

    def holders_of_word(self, word: str) -> tuple[Person, ...]:
        """The people whose name has the word `word`."""
        return tuple(self._by_token.get(word, ()))

    def shorter_name_of(self, name: str) -> Person | None:
        """The person found first under the first words of `name` ("Kombes Pol Jeki" in
        a headline, "Jeki Rahmat Mustika" in the body), longest first, else None."""
        words = name.split()
        for size in range(len(words) - 1, 0, -1):
            person = self._exact.get(normal_name(" ".join(words[:size])))
            if person is not None and normal_name(person.name) == normal_name(" ".join(words[:size])):
                return person
        return None

    def initialled_form_of(self, name: str) -> Person | None:
        """The one person whose name is `name` with some words written as initials, or
        written out where `name` has initials ("Fransiskus X. Owom" and "Fransiskus
        Xaverius Owom", "L. M. Hasbi" and "Lalu Muhammad Hasbi"), or its first words so
        written ("L. Sahnan" for Lalu Sahnan Ariadi); the person takes the form with more
        words written out. Else None."""
        words = name.split()
        if len(words) < 2:
            return None
        found = [p for p in self._by_token.get(words[-1], ()) if initialled_alike(p.name.split(), words)
                 or initialled_start(p.name.split(), words)]
        if len(found) != 1:
            return None
        person = found[0]
        if len(words) == len(person.name.split()) and count_initials(words) < count_initials(person.name.split()):
            self.lengthen(person, name)
        return person

    def misspelt_form_of(self, name: str) -> Person | None:
        """The one person whose name is `name` but for one letter in one word of five
        letters or more ("Rizal Kurniad" and "Rizal Kurniadi", "Lamanepa" and "Lamanipa"):
        a slip of the writer's, remembered for `settle_slips`. The other words are the
        same, so the candidates are those sharing a word (a word more than
        SHARED_WORD_LIMIT people share is passed over: the work stays linear). Else None."""
        words = name.split()
        if len(words) < 2:
            return None
        sharing = [self._by_token.get(word, ()) for word in words]
        candidates = {id(p): p for holders in sharing if len(holders) <= SHARED_WORD_LIMIT for p in holders}
        found = [p for p in candidates.values() if one_slip_apart(p.name.split(), words)]
        if len(found) != 1:
            return None
        self._slipped.append((found[0], name))
        return found[0]

    def settle_slips(self, text: str) -> dict[str, str]:
        """Give each person found under two spellings the one the text writes more often
        (the first found when as often), counted in one pass. Returns {old name: new}."""
        if not self._slipped:
            return {}
        forms = {form for person, other in self._slipped for form in (person.name, other)}
        spelt = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
        written = Counter(m.group(0) for m in re.finditer(rf"(?<![\w.])(?:{spelt})(?![\w])", text))
        given = {}
        for person, other in self._slipped:
            if written[other] > written[person.name]:
                given[person.name] = other
                self.lengthen(person, other)
        return given

    def lengthen(self, person: Person, name: str) -> None:
        """Give `person`, found under a shorter form, the full `name`."""
        person.name = name
        self.renamed.append(person)
        self._found.clear()
        self._exact.setdefault(normal_name(name), person)
        for token in name_words(name) - self.name_words[id(person)]:
            self._by_token[token].append(person)
        self.name_words[id(person)] = name_words(name)

    def lengthen_one_word_names(self, text: str, read_name) -> dict[str, str]:
        """Give a person found under one word ("Bupati Zulkarnain") the full name the note
        writes elsewhere ("melantik Zulkarnain Hasibuan dan …"): the longer name
        `read_name(pos)` reads where the word starts a name, the one written most often
        (the first of those written as often), when nobody else bears it. One pass over
        the text. Returns the names given: {one word: full name}."""
        short = {p.name: p for p in self.people if " " not in p.name and p.name[:1].isupper()}
        written: dict[str, Counter] = defaultdict(Counter)
        for m in CAPITALISED_BEFORE_CAPITAL.finditer(text) if short else ():
            person = short.get(m.group(0))
            found = read_name(m.start()) if person else None
            if found and found.name_span[0] == m.start() and found.name.startswith(person.name + " ") \
                    and not found.prefix and self._exact.get(normal_name(found.name), person) is person:
                written[person.name][found.name] += 1
        given = {}
        for name, counts in written.items():
            given[name] = counts.most_common(1)[0][0]
            holder = self.by_name(given[name])
            if holder is not None and holder is not short[name]:
                given[name] = holder.name
                self._merge(short[name], holder)
            else:
                self.lengthen(short[name], given[name])
        return given

    def _merge(self, person: Person, into: Person) -> None:
        """Make `person`, found under one word, the person `into` whose longer name holds
        the full name the note writes ("Syahrul Anwar" in Teuku Syahrul Anwar)."""
        for span in person.mentions:
            self.add_span(into, span, once=True)
        self.people.remove(person)
        for token in self.name_words.pop(id(person)):
            self._by_token[token].remove(person)
        for key in [key for key, known in self._exact.items() if known is person]:
            self._exact[key] = into
        self._found.clear()

    def by_title(self, wanted: str) -> Person | None:
        """The one person whose expanded title is `wanted` or starts with it and a space."""
        node = self._titles
        for word in wanted.split(" "):
            node = node.children.get(word)
            if node is None:
                return None
        return node.first if node.count == 1 else None

    # -- mentions -------------------------------------------------------------------
    def mention(self, start: int, end: int, person: Person | None, title: str | None) -> None:
        seq = len(self.mentions)
        self.mentions.append((start, end, person, title))
        if self._starts is not None:
            insort(self._starts, (start, seq))
            if person is not None:
                insort(self._ends, (end, seq))

    def drop(self, seq: int) -> None:
        """Forget the mention found `seq`-th (the position index is rebuilt when next used)."""
        self.mentions[seq] = None
        self._starts = None

    def _index(self) -> list[tuple[int, int]]:
        if self._starts is None:
            live = [(seq, m) for seq, m in enumerate(self.mentions) if m is not None]
            self._starts = sorted((m[0], seq) for seq, m in live)
            self._ends = sorted((m[1], seq) for seq, m in live if m[2] is not None)
        return self._starts

    def live(self) -> list[Mention]:
        return [m for m in self.mentions if m is not None]

    def starting_in(self, start: int, end: int) -> list[tuple[int, Mention]]:
        """(order found, mention) of the mentions starting in [start, end)."""
        starts = self._index()
        first = bisect_left(starts, (start, -1))
        last = bisect_left(starts, (end, -1))
        return [(seq, self.mentions[seq]) for _, seq in starts[first:last]]

    def first_in(self, start: int, end: int, named: bool) -> Mention | None:
        """The first mention found that starts in [start, end): of a person when `named`,
        else of a title alone."""
        found = [(seq, m) for seq, m in self.starting_in(start, end)
                 if (m[2] is not None if named else m[2] is None and m[3])]
        return min(found)[1] if found else None

    def last_named_by(self, pos: int) -> Person | None:
        """The person of the mention ending last at or before `pos` (the first found of
        those ending there)."""
        self._index()
        at = bisect_right(self._ends, (pos, float("inf")))
        if not at:
            return None
        end = self._ends[at - 1][0]
        return self.mentions[self._ends[bisect_left(self._ends, (end, -1))][1]][2]

    def last_within(self, start: int, end: int) -> Mention | None:
        """Of the mentions inside [start, end], the one ending last (first found of those)."""
        inside = [(-m[1], seq, m) for seq, m in self.starting_in(start, end + 1) if m[1] <= end]
        return min(inside)[2] if inside else None
