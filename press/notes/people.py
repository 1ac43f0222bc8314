"""People in a note: title first ("Kepala Bagian Humas Setda Kota Bekasi Sajekti
Rubiyah") or name first ("Tri Adhianto, Wali Kota Bekasi"), honorifics, ranks and degrees
split from the name, later mentions, and speakers named by name or title alone.
Imports the rules, the items and the organisation-name reader."""

from __future__ import annotations

import re

from press.notes.items import ActivityContext, Person
from press.notes.organisations import organisation_end
from press.notes.rules import (CAP, INSTITUTIONS, OPEN_HEADS, Rules, alternation, is_unit_word, split_degrees,
                               without_parenthesis)


class PeopleFinder:
    """Finds people and keeps track of their mentions.

    `mentions` holds (start, end, person, title) for every place a person is named; a
    title written without a name ("kata Bupati") is kept with person None until a
    speaker attribution resolves it."""

    def __init__(self, text: str, rules: Rules, context: ActivityContext):
        self.text = text
        self.rules = rules
        self.context = context
        self.people: list[Person] = []
        self.known_places = find_known_places(text, rules, context)
        self.multiword_places = find_multiword_places(text, rules)
        self.title_organisations: dict[tuple[int, int], str | None] = {}
        self.mentions: list[tuple[int, int, Person | None, str | None]] = []

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
            self.mentions.append((match.start(), title_end, None, title_text))
            self.title_organisations[(match.start(), title_end)] = organisation
            return max(title_end, match.end())
        name, honorifics, degrees, name_end, name_only, prefix = person
        if self._headline_verb_at(name_only[1]):
            return name_end
        self._add(name, title_text, organisation or prefix, honorifics, degrees, (match.start(), name_end), name_only)
        return name_end

    def _headline_verb_at(self, pos: int) -> bool:
        m = re.match(r"[ \t]+([A-Z][a-z]+)\b", self.text[pos:])
        return bool(m) and m.group(1) in self.rules.glossary.data["headline_verbs"]

    def _skip_units(self, pos: int) -> int:
        """Past the unit words of a title: "Kepala [Bagian Humas]", "Dandim [0709/Kebumen]"."""
        text, rules = self.text, self.rules
        while True:
            m = re.match(r"[ \t]+([A-Za-z&][\w&-]*\.?|\d{3,4}(?:/[A-Z][\w-]*)?)", text[pos:])
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
            if word in ("dan", "&") and not re.match(r"[ \t]+[A-Z]", text[pos + m.end():]):
                return pos
            pos += m.end()

    def _read_organisation(self, pos: int, absorb: bool) -> tuple[str | None, str | None, int]:
        """An institution or region after a title ("Sekretariat Daerah Kota Bekasi",
        "Universitas Indonesia", "Kota Subang"); returns (text, "institution"|"place", end)."""
        text, rules = self.text, self.rules
        lead = re.match(r"[ \t]+(?:selaku[ \t]+)?", text[pos:])
        if not lead:
            return None, None, pos
        cursor = pos + lead.end()
        head = rules.org_head.match(text, cursor)
        if head:
            head_word = head.group(0)
            end = organisation_end(text, head.end(), rules, open_name=head_word in OPEN_HEADS,
                           place_after=head_word in rules.org_abbr or head_word.endswith(("Kota", "Kabupaten", "Provinsi")),
                           known_places=self.known_places)
            return without_parenthesis(text[cursor:end]).strip(" ,"), "institution", end
        region = re.match(rf"({alternation(rules.glossary.data['region_words'])})[ \t]+", text[cursor:])
        if region:
            place_end = self._read_place_name(cursor + region.end())
            if place_end > cursor + region.end():
                return text[cursor:place_end], "region", place_end
            return None, None, pos
        word = re.match(r"[A-Z][a-z][\w'-]*", text[cursor:])
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
        for place in self.multiword_places:
            if text.startswith(place, pos) and not text[pos + len(place):pos + len(place) + 1].isalnum():
                return pos + len(place)
        m = re.match(r"[A-Z][a-z][\w'-]*", text[pos:])
        if not m or m.group(0) in self.rules.stop_names or self.rules.rank.match(text, pos) \
                or self.rules.honorific.match(text, pos):
            return pos
        end = pos + m.end()
        compass = alternation(self.rules.glossary.data["compass_words"])
        while (c := re.match(rf"\s+(?:{compass})\b", text[end:])):
            end += c.end()
        return end

    def _read_name(self, pos: int):
        """[ranks][honorifics] Name Words [, degrees] at `pos`; None if no name there."""
        text, rules = self.text, self.rules
        m = re.match(r"\s*,?\s*", text[pos:])
        cursor = pos + m.end()
        honorifics = []
        while True:
            h = rules.rank.match(text, cursor) or rules.honorific.match(text, cursor)
            if not h or (h.group(0).strip() in rules.regional and not re.match(rf"{CAP} {CAP}", text[h.end():])):
                break
            honorifics.append(h.group(0).strip())
            cursor = h.end()
        start = cursor
        words = []
        while len(words) < 4:
            w = re.match(rf"({CAP})(?=[\s,.;:)\"”]|$)", text[cursor:])
            if not w or w.group(1) in rules.stop_names or (words and split_degrees(w.group(1), rules)):
                break
            if words and (rules.rank.match(text, cursor) or rules.honorific.match(text, cursor)):
                break
            if w.group(1).endswith(".") and len(w.group(1)) > 2:
                break
            words.append(w.group(1))
            cursor += w.end()
            gap = re.match(r" (?=[A-Z])", text[cursor:])
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
            m = re.match(r"\s*,?\s*([A-Za-z][A-Za-z.]*)", text[cursor:])
            if not m:
                break
            found = split_degrees(m.group(1), self.rules)
            if not found:
                break
            degrees += found
            cursor += m.end()
            end = cursor
        return degrees, end

    def _add(self, name, title, organisation, honorifics, degrees, span, name_span) -> Person:
        existing = self.find_by_name(name)
        if existing:
            existing.title = existing.title or title
            existing.organisation = existing.organisation or organisation
            existing.mentions.append(span)
            person = existing
        else:
            participant = next((p for p in self.context.participants if same_name(p.name, name)), None)
            if participant and not title:
                title, organisation = participant.title, participant.organisation
            person = Person(name, title, organisation, honorifics, degrees, span, [span])
            self.people.append(person)
        self.mentions.append((name_span[0], name_span[1], person, title))
        return person

    # --- name first: "Tri Adhianto, Wali Kota Bekasi"
    def find_name_first(self) -> None:
        for start, end, person, title in list(self.mentions):
            if person is not None:
                continue
            before = self.text[max(0, start - 60):start]
            m = re.search(rf"({CAP}(?: {CAP}){{0,3}})(?:,\s*[A-Za-z.]+)*,\s*$", before)
            if not m:
                continue
            offset = start - len(before)
            parsed = self._read_name(offset + m.start(1))
            if parsed is None or parsed[3] > start:
                continue
            name, honorifics, degrees, _, name_span, _ = parsed
            if any(s <= name_span[0] < e for s, e, p, _ in self.mentions if p is not None):
                continue
            self.mentions.remove((start, end, person, title))
            organisation = self.title_organisations.get((start, end))
            self._add(name, title, organisation, honorifics, degrees, (name_span[0], end), name_span)

    def find_by_name(self, name: str) -> Person | None:
        exact = [p for p in self.people if same_name(p.name, name)]
        if exact:
            return exact[0]
        tokens = set(name.split())
        partial = [p for p in self.people if tokens and tokens <= set(p.name.split())]
        if len(partial) > 1:
            partial = [p for p in partial if p.name.split()[0] == name.split()[0]]
        return partial[0] if len(partial) == 1 else None

    def resolve_title(self, title: str, span: tuple[int, int]) -> Person | None:
        """The person holding `title` (written at `span`): from the context, else the one
        person in the text with that title. The span becomes one of their mentions."""
        expand = self.rules.glossary.expand
        wanted = expand(title).lower()
        holder = next((name for held, name in self.context.title_holders.items()
                       if expand(held).lower() == wanted or wanted.startswith(expand(held).lower())), None)
        if holder:
            honorifics, name = self._split_honorifics(holder)
            return self.find_by_name(name) or self._add(name, title, None, honorifics, [], span, span)
        candidates = [p for p in self.people if p.title and (expand(p.title).lower() == wanted
                                                             or expand(p.title).lower().startswith(wanted + " "))]
        if len(candidates) != 1:
            return None
        if span not in candidates[0].mentions:
            candidates[0].mentions.append(span)
        return candidates[0]

    def _split_honorifics(self, written: str) -> tuple[list[str], str]:
        """("H. Ruhimat") -> (["H."], "Ruhimat"), for names the context gives."""
        honorifics, pos = [], 0
        while (h := self.rules.rank.match(written, pos) or self.rules.honorific.match(written, pos)):
            honorifics.append(h.group(0).strip())
            pos = h.end()
        return honorifics, written[pos:].strip()

    def resolve_speaker(self, start: int, end: int) -> Person | None:
        """The person named in text[start:end] ("Lukita", "Wali Kota Bekasi Tri Adhianto")."""
        for s, e, person, title in self.mentions:
            if start <= s < end and person is not None:
                return person
        for s, e, person, title in self.mentions:
            if start <= s < end and person is None and title:
                return self.resolve_title(title, (s, e))
        phrase = self.text[start:end]
        words = re.findall(CAP, phrase)
        if not words:
            return None
        known = self.find_by_name(" ".join(words))
        if known:
            self.mentions.append((start, end, known, None))
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
        people = [(e, p) for s, e, p, _ in self.mentions if p is not None and e <= pos]
        return max(people, key=lambda item: item[0])[1] if people else None

    def add_short_mentions(self) -> None:
        for person in self.people:
            for token in set(person.name.split()):
                if len(token) < 3:
                    continue
                for m in re.finditer(rf"(?<![\w]){re.escape(token)}(?![\w])", self.text):
                    if not any(s <= m.start() < e for s, e in person.mentions):
                        person.mentions.append((m.start(), m.end()))
            person.mentions.sort()


def find_known_places(text: str, rules: Rules, context: ActivityContext) -> set[str]:
    """Bare place names the text itself establishes ("Kabupaten Garut" -> Garut)."""
    words = alternation(rules.glossary.data["region_words"])
    found = {m.group(1) for m in re.finditer(rf"\b(?:{words})[ \t]+([A-Z][a-z][\w'-]*)", text)}
    if context.region:
        found.add(context.region.split()[-1])
    return found - rules.stop_names


def find_multiword_places(text: str, rules: Rules) -> list[str]:
    """Place names of two or three words the text establishes: written before another
    region ("Desa Pantai Bahagia, Kecamatan …") or after a region word twice."""
    words = alternation(rules.glossary.data["region_words"])
    name = r"[A-Z][a-z][\w'-]*(?:[ \t]+[A-Z][a-z][\w'-]*){1,2}"
    listed = re.findall(rf"\b(?:{words})[ \t]+({name}),[ \t]*(?:{words})\b", text)
    after_region = re.findall(rf"\b(?:{words})[ \t]+({name})(?![ \t]*[A-Z\w])", text)
    found = set(listed) | {n for n in after_region if len(re.findall(rf"(?<!\w){re.escape(n)}(?!\w)", text)) > 1}
    return sorted((n for n in found if not set(n.split()) & rules.stop_names), key=len, reverse=True)


def same_name(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())
