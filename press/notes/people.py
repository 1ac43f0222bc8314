"""People in a note: title first ("Kepala Bagian Humas Setda Kota Bekasi Sajekti
Rubiyah") or name first ("Tri Adhianto, Wali Kota Bekasi"), honorifics, ranks and degrees
split from the name, later mentions, and speakers named by name or title alone.
Every reader works at a position of the whole text (never on a copy of the rest of it)
and every lookup goes through the register's indexes, so the time grows with the
note's length and no faster. Imports the rules, the items, the register, the places and
the organisation-name reader."""

from __future__ import annotations

import re

from press.notes.items import ActivityContext, Person
from press.notes.organisations import organisation_end
from press.notes.places import find_known_places, find_multiword_places
from press.notes.register import Register, add_short_mentions, same_name
from press.notes.rules import (CAP, INSTITUTIONS, OPEN_HEADS, Rules, alternation, is_unit_word, split_degrees,
                               without_parenthesis)

HEADLINE_WORD = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
UNIT_WORD = re.compile(r"[ \t]+([A-Za-z&][\w&-]*\.?|\d{3,4}(?:/[A-Z][\w-]*)?)")
CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")
SELAKU = re.compile(r"[ \t]+(?:selaku[ \t]+)?")
PLACE_WORD = re.compile(r"[A-Z][a-z][\w'-]*")
NAME_LEAD = re.compile(r"\s*,?\s*")
TWO_NAME_WORDS = re.compile(rf"{CAP} {CAP}")
NAME_WORD = re.compile(rf"({CAP})(?=[\s,.;:)\"”]|$)")
NAME_GAP = re.compile(r" (?=[A-Z])")
DEGREE_WORD = re.compile(r"\s*,?\s*([A-Za-z][A-Za-z.]*)")
NAME_BEFORE = re.compile(rf"({CAP}(?: {CAP}){{0,3}})(?:,\s*[A-Za-z.]+)*,\s*$")
TRAILING_COMMA = re.compile(r",\s*$")


class PeopleFinder:
    """Finds people and keeps track of their mentions.

    `mentions` holds (start, end, person, title) for every place a person is named; a
    title written without a name ("kata Bupati") is kept with person None until a
    speaker attribution resolves it."""

    def __init__(self, text: str, rules: Rules, context: ActivityContext):
        self.text = text
        self.rules = rules
        self.context = context
        self.register = Register(rules.glossary.expand)
        self.people: list[Person] = self.register.people
        self.known_places = find_known_places(text, rules, context)
        self.multiword_places = find_multiword_places(text, rules)
        self.title_organisations: dict[tuple[int, int], str | None] = {}
        self._region_word = re.compile(rf"({alternation(rules.glossary.data['region_words'])})[ \t]+")
        self._compass = re.compile(rf"\s+(?:{alternation(rules.glossary.data['compass_words'])})\b")
        self._holders = [(rules.glossary.expand(held).lower(), name) for held, name in context.title_holders.items()]

    # --- title first: "Kepala Bagian Humas Setda Kota Bekasi Sajekti Rubiyah"
    def find_titled(self) -> None:
        pos = 0
        while True:
            match = self.rules.title.search(self.text, pos)
            if not match:
                return
            if not match["head"][0].isupper():
                pos = match.end()
                continue
            pos = self._read_titled(match)

    def _read_titled(self, match: re.Match) -> int:
        text, rules = self.text, self.rules
        full = rules.glossary.title_forms[match["head"]]
        absorb = full in rules.place_titles
        title_end = self._skip_units(match.end())
        if self._headline_verb_at(title_end):
            return title_end
        organisation, kind, end = self._read_organisation(title_end, absorb)
        if absorb and kind == "place":
            title_end, organisation = end, None
        if full in rules.glossary.data["generic_titles"] and title_end == match.end() and organisation is None:
            return match.end()
        title_text = text[match.start():title_end].strip(" ,")
        person = self._read_name(end)
        if person is None:
            self.register.mention(match.start(), title_end, None, title_text)
            self.title_organisations[(match.start(), title_end)] = organisation
            return max(title_end, match.end())
        name, honorifics, degrees, name_end, name_only, prefix = person
        if self._headline_verb_at(name_only[1]):
            return name_end
        self._add(name, title_text, organisation or prefix, honorifics, degrees, (match.start(), name_end), name_only)
        return name_end

    def _headline_verb_at(self, pos: int) -> bool:
        m = HEADLINE_WORD.match(self.text, pos)
        return bool(m) and m.group(1) in self.rules.glossary.data["headline_verbs"]

    def _skip_units(self, pos: int) -> int:
        """Past the unit words of a title: "Kepala [Bagian Humas]", "Dandim [0709/Kebumen]"."""
        text, rules = self.text, self.rules
        while True:
            m = UNIT_WORD.match(text, pos)
            if not m:
                return pos
            word = m.group(1)
            if word in INSTITUTIONS or (rules.org_head.match(word) and word not in rules.unit_words
                                        and word.rstrip(".") not in rules.org_abbr) \
                    or word in rules.glossary.data["region_words"] \
                    or word in rules.glossary.data["headline_verbs"] or word in self.known_places:
                return pos
            if not (is_unit_word(word, rules) or re.fullmatch(r"\d{3,4}(?:/\S+)?", word)):
                return pos
            if word in ("dan", "&") and not CAPITAL_NEXT.match(text, m.end()):
                return pos
            pos = m.end()

    def _read_organisation(self, pos: int, absorb: bool) -> tuple[str | None, str | None, int]:
        """An institution or region after a title ("Sekretariat Daerah Kota Bekasi",
        "Universitas Indonesia", "Kota Subang"); returns (text, "institution"|"place", end)."""
        text, rules = self.text, self.rules
        lead = SELAKU.match(text, pos)
        if not lead:
            return None, None, pos
        cursor = lead.end()
        head = rules.org_head.match(text, cursor)
        if head:
            head_word = head.group(0)
            end = organisation_end(text, head.end(), rules, open_name=head_word in OPEN_HEADS,
                           place_after=head_word in rules.org_abbr or head_word.endswith(rules.glossary.government_regions),
                           known_places=self.known_places)
            return without_parenthesis(text[cursor:end]).strip(" ,"), "institution", end
        region = self._region_word.match(text, cursor)
        if region:
            place_end = self._read_place_name(region.end())
            if place_end > region.end():
                return text[cursor:place_end], "region", place_end
            return None, None, pos
        word = PLACE_WORD.match(text, cursor)
        if absorb or (word and word.group(0) in self.known_places):
            place_end = self._read_place_name(cursor)
            if place_end > cursor and self._read_name(place_end) is not None:
                return text[cursor:place_end], "place", place_end
        return None, None, pos

    def _read_place_name(self, pos: int) -> int:
        """One capitalised word plus compass words ("Bekasi Utara"), or a known province."""
        text = self.text
        province = self.rules.province.match(text, pos)
        if province:
            return province.end()
        place = self.multiword_places.at(text, pos, bounded=True)
        if place:
            return pos + len(place)
        m = PLACE_WORD.match(text, pos)
        if not m or m.group(0) in self.rules.stop_names or self.rules.rank.match(text, pos) \
                or self.rules.honorific.match(text, pos):
            return pos
        end = m.end()
        while (c := self._compass.match(text, end)):
            end = c.end()
        return end

    def _read_name(self, pos: int):
        """[ranks][honorifics] Name Words [, degrees] at `pos`; None if no name there."""
        text, rules = self.text, self.rules
        cursor = NAME_LEAD.match(text, pos).end()
        honorifics = []
        while True:
            h = rules.rank.match(text, cursor) or rules.honorific.match(text, cursor)
            if not h or (h.group(0).strip() in rules.regional and not TWO_NAME_WORDS.match(text, h.end())):
                break
            honorifics.append(h.group(0).strip())
            cursor = h.end()
        start = cursor
        words = []
        while len(words) < 4:
            w = NAME_WORD.match(text, cursor)
            if not w or w.group(1) in rules.stop_names or (words and split_degrees(w.group(1), rules)):
                break
            if words and (rules.rank.match(text, cursor) or rules.honorific.match(text, cursor)):
                break
            if w.group(1).endswith(".") and len(w.group(1)) > 2:
                break
            words.append(w.group(1))
            cursor = w.end()
            gap = NAME_GAP.match(text, cursor)
            if not gap:
                break
            cursor += 1
        while words and (words[-1].endswith(".") or split_degrees(words[-1], rules)):
            words.pop()
        if words and not honorifics and (rules.rank.match(text, cursor) or rules.honorific.match(text, cursor)):
            inner = self._read_name(cursor)
            if inner:
                return inner[:5] + (text[start:cursor].strip(),)
        if not words or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
            return None
        if len(words) > 1 and words[0] in self.known_places:
            inner = self._read_name(text.index(words[1], start))
            return inner[:5] + (words[0],) if inner else None
        name = " ".join(words)
        name_end = text.index(words[-1], start) + len(words[-1])
        degrees, end = self._read_degrees(name_end)
        return name, honorifics, degrees, end, (start, name_end), None

    def _read_degrees(self, pos: int) -> tuple[list[str], int]:
        text = self.text
        degrees, end = [], pos
        cursor = pos
        while True:
            m = DEGREE_WORD.match(text, cursor)
            if not m:
                break
            found = split_degrees(m.group(1), self.rules)
            if not found:
                break
            degrees += found
            cursor = end = m.end()
        return degrees, end

    def _add(self, name, title, organisation, honorifics, degrees, span, name_span) -> Person:
        existing = self.find_by_name(name)
        if existing:
            existing.title = existing.title or title
            existing.organisation = existing.organisation or organisation
            self.register.title_changed(existing)
            self.register.add_span(existing, span)
            person = existing
        else:
            participant = next((p for p in self.context.participants if same_name(p.name, name)), None)
            if participant and not title:
                title, organisation = participant.title, participant.organisation
            person = self.register.add(Person(name, title, organisation, honorifics, degrees, span, [span]))
        self.register.mention(name_span[0], name_span[1], person, title)
        return person

    # --- name first: "Tri Adhianto, Wali Kota Bekasi"
    def find_name_first(self) -> None:
        named = bytearray(len(self.text) + 1)
        for mention in self.register.live():
            if mention[2] is not None:
                named[mention[0]:mention[1]] = b"\1" * (mention[1] - mention[0])
        for seq, (start, end, person, title) in enumerate(list(self.register.mentions)):
            if person is not None:
                continue
            before_start = max(0, start - 60)
            if not TRAILING_COMMA.search(self.text, before_start, start):
                continue
            m = NAME_BEFORE.search(self.text[before_start:start])
            if not m:
                continue
            parsed = self._read_name(before_start + m.start(1))
            if parsed is None or parsed[3] > start:
                continue
            name, honorifics, degrees, _, name_span, _ = parsed
            if named[name_span[0]]:
                continue
            self.register.drop(seq)
            organisation = self.title_organisations.get((start, end))
            self._add(name, title, organisation, honorifics, degrees, (name_span[0], end), name_span)
            named[name_span[0]:name_span[1]] = b"\1" * (name_span[1] - name_span[0])

    def find_by_name(self, name: str) -> Person | None:
        return self.register.by_name(name)

    def resolve_title(self, title: str, span: tuple[int, int]) -> Person | None:
        """The person holding `title` (written at `span`): from the context, else the one
        person in the text with that title. The span becomes one of their mentions."""
        wanted = self.register.expand(title)
        holder = next((name for held, name in self._holders if held == wanted or wanted.startswith(held)), None)
        if holder:
            honorifics, name = self._split_honorifics(holder)
            return self.find_by_name(name) or self._add(name, title, None, honorifics, [], span, span)
        person = self.register.by_title(wanted)
        if person is not None:
            self.register.add_span(person, span, once=True)
        return person

    def _split_honorifics(self, written: str) -> tuple[list[str], str]:
        """("H. Ruhimat") -> (["H."], "Ruhimat"), for names the context gives."""
        honorifics, pos = [], 0
        while (h := self.rules.rank.match(written, pos) or self.rules.honorific.match(written, pos)):
            honorifics.append(h.group(0).strip())
            pos = h.end()
        return honorifics, written[pos:].strip()

    def resolve_speaker(self, start: int, end: int) -> Person | None:
        """The person named in text[start:end] ("Lukita", "Wali Kota Bekasi Tri Adhianto")."""
        named = self.register.first_in(start, end, named=True)
        if named:
            return named[2]
        titled = self.register.first_in(start, end, named=False)
        if titled:
            return self.resolve_title(titled[3], (titled[0], titled[1]))
        phrase = self.text[start:end]
        words = re.findall(CAP, phrase)
        if not words:
            return None
        known = self.find_by_name(" ".join(words))
        if known:
            self.register.mention(start, end, known, None)
            return known
        title = self.rules.title.match(phrase.strip())
        if title:
            return self.resolve_title(phrase.strip(), (start, end))
        parsed = self._read_name(start)
        if parsed:
            name, honorifics, degrees, name_end, name_span, _ = parsed
            return self._add(name, None, None, honorifics, degrees, (name_span[0], name_end), name_span)
        return None

    def last_before(self, pos: int) -> Person | None:
        return self.register.last_named_by(pos)

    def last_mention_within(self, start: int, end: int) -> tuple[bool, Person | None]:
        """Whether a person or title is named inside [start, end], and the person (or
        the holder of the title) named last."""
        mention = self.register.last_within(start, end)
        if mention is None:
            return False, None
        s, e, person, title = mention
        return True, person or self.resolve_title(title, (s, e))

    def add_short_mentions(self) -> None:
        add_short_mentions(self.text, self.people)

