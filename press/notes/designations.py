"""What follows a title before its holder's name: unit words ("Kepala [Bagian Humas]",
"Dandim [0709/Kebumen]", parenthesised short forms, listed units "Bidang Ekonomi,
Keuangan, dan Pembangunan"), an institution ("Sekretariat Daerah Kota Bekasi") or a
place ("Bupati [Sleman]", "Sekda [Muba]"); the regions the data lists ("Musi
Banyuasin", "Muba") and those the text establishes are places, never names.
Imports the rules, the names reader and the organisation-name reader."""

from __future__ import annotations

import re

from press.notes.name_reader import NameReader
from press.notes.organisations import organisation_end
from press.notes.places import MultiwordPlaces
from press.notes.rules import INSTITUTIONS, OPEN_HEADS, Rules, alternation, is_unit_word

BODY_AS_PLACE = re.compile(r"\b(?:[Kk]antor|[Gg]edung|[Rr]edaksi|di|ke)[ \t]+(?=[A-Z])")
HEADLINE_WORD = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
# A unit's word or number: "Humas", "0709/Kebumen", "1503-03/Dobo", "0815/06", "1813/cibiru", "RW 02".
UNIT_NUMBER = r"\d{2,4}(?:[-/]\d{2}(?!\d))?(?:/[ ]?[A-Za-z][\w-]*)?"
UNIT_NUMBER_WORD = re.compile(UNIT_NUMBER)
UNIT_WORD = re.compile(rf"[ \t]+([A-Za-z&][\w&-]*\.?|{UNIT_NUMBER})")
# A unit's one-digit number before a capitalised word: "Asisten 2 Setda Belu", "MTs Negeri 2 Mesuji".
UNIT_DIGIT = re.compile(r"[ \t]+\d(?=[ \t]+[A-Z])")
ROMAN_SLASH = re.compile(r"[ \t]+[IVX]*/")
ALSO_BEFORE = re.compile(r"[ \t]+(?:yang[ \t]+juga|yang[ \t]+sekaligus|sekaligus)[ \t]+$")
PROVINCE_COMMA = re.compile(r"[ \t]*,[ \t]*")
# Heads of a province, regency or city: their region is one the data lists, so a word
# after them that is not one of those starts the holder's name ("Wakil Bupati Oktavianus ...").
REGION_HEADS = {"Bupati", "Wakil Bupati", "Wali Kota", "Wakil Wali Kota", "Gubernur", "Wakil Gubernur"}
FIELD = re.compile(r"[ \t]+Bidang\b")
JOINED_UNIT = re.compile(r"[ \t]+dan[ \t]+([A-Z][a-z]+)")
LISTED_UNIT = re.compile(r",[ \t]+(?:dan[ \t]+)?([A-Z][\w]+)")
CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")
SELAKU = re.compile(r"[ \t]+(?:selaku[ \t]+)?")
PLACE_WORD = re.compile(r"[A-Z][a-z][\w'-]*")
CAPITALISED = re.compile(r"[A-Z][A-Za-z]+")
# The name after a river's or a lake's word: "Sungai [Tarab]".
NEXT_PLACE_WORD = re.compile(r" [A-Z][a-z][\w'-]*")
# A numbered unit: "Bakorwil II", "Kodam XIV", "Wilayah III".
ROMAN = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XI?V|XVI{0,3})")
PARENTHESIS = re.compile(r"[ \t]*\([^()\n]{1,40}\)")
# A run of capitalised words after a place title: its place and then its holder's name.
RUN_WORD = re.compile(r"[A-Z][a-z][\w'-]*")
RUN_LIMIT = 7
LAST_WORD = re.compile(r"(\w[\w.-]*)\W*\Z")
SHORT_FORM = re.compile(r"[A-Z]{2,6}")
# One word of letters and then a comma: the name read there, unless the word is an honorific or
# a rank ending in the comma ("Drs, Budi Santoso"), is that one word or nothing.
ONE_WORD_THEN_COMMA = re.compile(r"[ \t]+([A-Za-z'’-]+)(?:,|[ \t]+(dan|serta|atau)[ \t])")
# How many other places a capitalised word is written at that the place run reads.
SEEN_LIMIT = 64


class Designations:
    """Reads designations in one text; `places` are the names that are places there
    (the data's regions and those the text establishes)."""

    def __init__(self, text: str, rules: Rules, places: set[str], multiword_places: MultiwordPlaces):
        self.text = text
        self.rules = rules
        self.places = places
        self.multiword_places = multiword_places
        self.names = NameReader(text, rules, places)
        self._region_word = rules.pattern("region-word", lambda: rf"({alternation([*rules.glossary.data['region_words'], *rules.glossary.region_word_abbreviations])})[ \t]+")
        self._compass = rules.pattern("compass", lambda: rf"\s+(?:{alternation(rules.glossary.data['compass_words'])})\b")
        self._starts: dict[str, list[int]] | None = None
        self._apart: dict[tuple[str, str], bool] = {}
        self._bodies: dict[str, list[int]] | None = None
        self._region_ends: dict[int, int | None] = {}

    def _read_name(self, pos: int):
        return self.names.at(pos)

    def region_word_after(self, pos: int) -> bool:
        """Whether a region word follows `pos` with no comma ("Kades Pasir Wan Salim
        Kecamatan Mempawah Timur"): the words before it after a place title are the
        village, not its head."""
        return self.text[pos:pos + 1] == " " and self._region_word.match(self.text, pos + 1) is not None

    def headline_verb_at(self, pos: int) -> bool:
        m = HEADLINE_WORD.match(self.text, pos)
        return bool(m) and m.group(1) in self.rules.words("headline_verbs")

    def skip_units(self, pos: int) -> int:
        """Past the unit words of a title: "Kepala [Bagian Humas]", "Dandim [0709/Kebumen]"."""
        text, rules = self.text, self.rules
        start = pos
        while True:
            paren = PARENTHESIS.match(text, pos)
            listed = LISTED_UNIT.match(text, pos) if pos > start else None
            if paren or (listed and is_unit_word(listed.group(1), rules) and listed.group(1) not in INSTITUTIONS):
                pos = (paren or listed).end()
                continue
            command = ROMAN_SLASH.match(text, pos) and self._kodam_number(pos)
            if command:
                pos = command.end()
                continue
            m = UNIT_WORD.match(text, pos)
            if not m:
                # UNIT_WORD reads no one-digit number, so one can stand only where it read nothing.
                digit = UNIT_DIGIT.match(text, pos)
                if digit:
                    pos = digit.end()
                    continue
                return pos
            if rules.rank.match(text, m.start(1)) or rules.opens_name(text, m.start(1)):
                return pos
            word = m.group(1)
            if word in INSTITUTIONS or (rules.org_head.match(word) and word not in rules.unit_words
                                        and word.rstrip(".") not in rules.org_abbr) \
                    or (word in rules.words("region_words") and not PARENTHESIS.match(text, m.end())) \
                    or word in rules.words("headline_verbs") or word in self.places \
                    or (word[0].isupper() and self.region_at(m.start(1))):
                return pos
            following = UNIT_WORD.match(text, m.end())
            inner_title = rules.title.match(text, m.start(1))
            if inner_title and FIELD.match(text, inner_title.end()):
                pos = inner_title.end()
                continue
            if word == "I" and following and following.group(1)[0].isupper() \
                    and not is_unit_word(following.group(1), rules) \
                    and f"I {following.group(1)}" in rules.words("name_openers") \
                    and not rules.opens_name(text, following.start(1)) and not rules.rank.match(text, following.start(1)):
                return pos
            joined = JOINED_UNIT.match(text, m.end())
            if word == "pada" and following and self._opens_organisation(following.group(1).split("-")[0]):
                pos = m.end()
                continue
            if not (is_unit_word(word, rules) or (word[0].isupper() and following and ROMAN.fullmatch(following.group(1)))
                    or (word.isalpha() and word.islower() and not word.startswith(("di", "me", "ber", "ter", "ke"))
                        and self._capitalised_title_before(start)
                        and (is_unit_word(word.capitalize(), rules) or rules.org_head.fullmatch(word.capitalize())))
                    or UNIT_NUMBER_WORD.fullmatch(word)
                    or (word[0].isupper() and joined and is_unit_word(joined.group(1), rules))
                    or word.upper() in rules.abbreviation_keys or word in rules.not_person_words
                    or (word[0].isupper() and following and self._opens_organisation(following.group(1)))):
                return pos
            if word in ("dan", "&") and (not CAPITAL_NEXT.match(text, m.end()) or self._second_office(m.end())
                                         or rules.rank.match(text, m.end() + 1)):
                return pos
            if word in rules.street_words:
                after = UNIT_WORD.match(text, m.end())
                if after and after.group(1)[0].isupper() and not is_unit_word(after.group(1), rules):
                    return pos
            pos = m.end()

    def first_office_before(self, pos: int, register):
        """The mention of a title with no name ending right before "yang juga" (or
        "sekaligus") that precedes the title at `pos` ("Ketua panitia yang juga Kepala Dinas
        DPMG Abdya, Drs. X"): the holder's first office is their title, as releases name
        the role of the day first. None when the text is not written so."""
        also = ALSO_BEFORE.search(self.text, max(0, pos - 30), pos)
        mention = also and register.last_within(max(0, also.start() - 120), also.start())
        return mention if mention and mention[2] is None and mention[3] and mention[1] == also.start() else None

    def _second_office(self, pos: int) -> bool:
        """Whether a second office follows "dan" at `pos` ("Wakil Bupati dan Sekda Abdya, Drs.
        H. X", "Kepala Kampung dan Ketua LMA Sarmi, Bapak X"): the first title ends before
        "dan" and a name after the unit is the second office's ("Ketua dan Anggota DPRD"
        share their unit: no second office)."""
        office = self.rules.title.match(self.text, pos + 1)
        return bool(office) and office["head"][0].isupper() and office.group(0) != "Anggota"

    def _kodam_number(self, pos: int) -> re.Match | None:
        """A Kodam's Roman number and its name or short form at `pos` ("I/BB", "XVIII/
        Kasuari", "I/Bukit Barisan": the name whole, from the list of Kodam names)."""
        return self.rules.pattern("kodam-number", lambda: r"[ \t]+(?:X{0,2}(?:IX|IV|V?I{0,3}))/[ ]?(?:(?:" + alternation(
            self.rules.glossary.data["military_command_names"]) + r")(?![\w-])|[A-Z][\w-]*)").match(self.text, pos)

    def _capitalised_title_before(self, pos: int) -> bool:
        """Whether the title ending at `pos` is written with a capital: its unit may then
        follow in lower case ("Ketua kelompok tani", "Ketua panitia"), while a title in
        lower case is already a loose reading."""
        last = LAST_WORD.search(self.text, max(0, pos - 40), pos)
        return bool(last) and last.group(1)[0].isupper()

    def _opens_organisation(self, word: str) -> bool:
        """Whether `word` starts an institution or a region ("Polresta", "Kecamatan")."""
        rules = self.rules
        return word in INSTITUTIONS or word in rules.words("region_words") \
            or (bool(rules.org_head.fullmatch(word)) and word not in rules.unit_words)

    def read_organisation(self, pos: int, absorb: bool, region_head: bool = False) -> tuple[str | None, str | None, int]:
        """An institution or region after a title ("Sekretariat Daerah Kota Bekasi",
        "Universitas Indonesia", "Kota Subang"); returns (text, "institution"|"place", end).
        A place title (`absorb`) takes an unknown word as its place when a name of two
        words follows, unless it heads a regency, city or province (`region_head`)."""
        text, rules = self.text, self.rules
        lead = SELAKU.match(text, pos)
        if not lead:
            return None, None, pos
        cursor = lead.end()
        head = rules.expansion.match(text, cursor) or rules.org_head.match(text, cursor)
        if head:
            head_word = head.group(0)
            end = organisation_end(text, head.end(), rules, open_name=head_word in OPEN_HEADS,
                           place_after=head_word in rules.org_abbr or head_word.endswith(rules.glossary.government_regions),
                           known_places=self.places)
            return text[cursor:end].strip(" ,"), "institution", end
        region = self._region_word.match(text, cursor)
        if region:
            paren = PARENTHESIS.match(text, region.end())
            place_start = paren.end() + 1 if paren and text[paren.end():paren.end() + 1] == " " else region.end()
            place_end = self._read_place_name(place_start)
            if place_end > place_start and place_start != region.end():
                return text[cursor:place_end], "region", place_end
            if place_end > region.end():
                return text[cursor:place_end], "region", place_end
            return None, None, pos
        written = absorb and not region_head and PLACE_WORD.match(text, cursor) and self._place_written_elsewhere(cursor)
        if written:
            return text[cursor:written], "place", written
        known = self.region_at(cursor)
        if known:
            return text[cursor:known], "place", known
        unit_and_region = self._unit_then_region(cursor)
        if unit_and_region:
            return text[cursor:unit_and_region], "institution", unit_and_region
        if absorb and not region_head and PLACE_WORD.match(text, cursor):
            place_end = self._read_place_name(cursor)
            after = self._read_name(place_end) if place_end > cursor and not self._one_word_after(cursor, place_end) else None
            if after is not None and len(after.name.split()[0].rstrip(".")) > 2 \
                    and (" " in after.name or " " in text[cursor:place_end]):
                return text[cursor:place_end], "place", place_end
        return None, None, pos

    def _one_word_after(self, place_start: int, place_end: int) -> bool:
        """Whether the place read from `place_start` is one word and one word and a comma, or
        "dan", "serta" or "atau", follow it ("Camat Hayoran Kuzeran, …", "Camat Ahmad Ban dan
        Ahmad"): the place then holds no name of two words after it (a name reads on past a
        space only to a capital or a word inside names), and that name need not be read (the
        "people" long note read every name twice for it, "shared-first-name" three times)."""
        text, rules = self.text, self.rules
        word = ONE_WORD_THEN_COMMA.match(text, place_end)
        return bool(word) and " " not in text[place_start:place_end] \
            and not rules.rank.match(text, word.start(1)) and not rules.honorific.match(text, word.start(1)) \
            and word.group(2) not in rules.words("inside_name")

    def _place_written_elsewhere(self, pos: int) -> int | None:
        """The end of a place of several words after a place title, when a name follows it
        in one run of capitalised words: the place ends before a parenthesised short form
        ("Camat Mandiangin Koto Selayan (MKS) Yuliarni", the short form kept), or it is the
        longest start of the run the note also writes elsewhere followed by another word
        ("Lurah Koto Baru Balai Janggo Rinaldi" beside "Kelurahan Koto Baru Balai Janggo,").
        Else None, and the one-word place reading holds (so a start of one word is not looked
        up: found or not, the answer is that reading)."""
        text = self.text
        words = []
        for word in RUN_WORD.finditer(text, pos):
            if word.start() != (words[-1][1] + 1 if words else pos) or len(words) == RUN_LIMIT:
                break
            if self.rules.rank.match(text, word.start()) or self.rules.opens_name(text, word.start()):
                break
            words.append(word.span())
        if not words:
            return None
        paren = PARENTHESIS.match(text, words[-1][1])
        if paren and len(words) >= 2 and SHORT_FORM.fullmatch(paren.group(0).strip(" \t()")) \
                and PLACE_WORD.match(text, paren.end() + 1) and text[paren.end():paren.end() + 1] == " ":
            return paren.end()
        for count in range(len(words) - 1, 1, -1):
            if self._written_apart(text[pos:words[count - 1][1]], text[words[count][0]:words[count][1]], pos):
                return words[count - 1][1]
        return None

    def _written_apart(self, place: str, following: str, here: int) -> bool:
        """Whether `place` stands elsewhere in the text as whole words, not followed by
        `following` (looked up through an index of where each capitalised word starts,
        at most SEEN_LIMIT occurrences; asked once per place and word)."""
        key = (place, following)
        if key not in self._apart:
            if self._starts is None:
                self._starts = {}
                for word in PLACE_WORD.finditer(self.text):
                    self._starts.setdefault(word.group(0), []).append(word.start())
            found = False
            for start in self._starts.get(place.split(" ", 1)[0], ())[:SEEN_LIMIT]:
                end = start + len(place)
                if start != here and self.text.startswith(place, start) and not self.text[end:end + 1].isalnum() \
                        and not self.text.startswith(" " + following, end) \
                        and not self.text[start - 1:start].isalnum():
                    found = True
                    break
            self._apart[key] = found
        return self._apart[key]

    def body_before_name(self, written) -> int | None:
        """Where the holder's name starts when the first one or two words read as a name of
        four words or more after a title are a body the note also writes on their own
        ("Pemimpin Perusahaan Sepucuk Pos Rusdi Hanafiah" beside "kantor Sepucuk Pos,", a
        body written as a place: after "kantor", "gedung", "redaksi", "di" or "ke"):
        those words end the designation. None when the name holds no such words."""
        words = written.name.split(" ")
        if written.honorifics or written.ranks or len(words) < 4:
            return None
        start = written.name_span[0]
        for count in (2, 1):
            body = " ".join(words[:count])
            if self.text.startswith(body, start) and any(
                    at != start and self.text.startswith(body, at) and not self.text.startswith(" " + words[count], at + len(body))
                    and not self.text[at + len(body):at + len(body) + 1].isalnum() for at in self._bodies_at(words[0])):
                return start + len(body) + 1
        return None

    def _bodies_at(self, word: str) -> list[int]:
        """Where a capitalised word follows "kantor", "gedung", "redaksi", "di" or "ke" and is
        `word` (an index built once, at most SEEN_LIMIT places a word)."""
        if self._bodies is None:
            self._bodies = {}
            for m in BODY_AS_PLACE.finditer(self.text):
                first = PLACE_WORD.match(self.text, m.end())
                if first:
                    self._bodies.setdefault(first.group(0), []).append(m.end())
        return self._bodies.get(word, [])[:SEEN_LIMIT]

    def _unit_then_region(self, pos: int) -> int | None:
        """The end of one or two capitalised words and a known region after them
        ("Setkab Kukar", "Sudin PPKUKM Jakarta Timur") when a name follows: a unit of
        that region, not a name."""
        cursor = pos
        for _ in range(2):
            word = UNIT_WORD.match(self.text, cursor)
            if not word or not word.group(1)[0].isupper() or word.group(1) in self.rules.stop_names:
                return None
            region_end = self.region_at(word.end() + 1) if self.text[word.end():word.end() + 1] == " " else None
            if region_end and self._read_name(region_end) is not None:
                return region_end
            cursor = word.end()
        return None

    def region_at(self, pos: int) -> int | None:
        """The end of a region's name written at `pos`, if the data or the text knows it
        ("Musi Banyuasin", "Muba", "Bekasi Utara"), else None (remembered per position: the
        unit words, the organisation and the place after a title ask it at the same word)."""
        if pos not in self._region_ends:
            self._region_ends[pos] = self._region_end(pos)
        return self._region_ends[pos]

    def _region_end(self, pos: int) -> int | None:
        text = self.text
        first = PLACE_WORD.match(text, pos) or CAPITALISED.match(text, pos)
        if not first:
            return None
        phrases = self.rules.region_phrases
        for phrase in phrases.written_at(text, pos, first.group(0)) if first.group(0) in phrases else ():
            if not text[pos + len(phrase):pos + len(phrase) + 1].isalnum():
                return pos + len(phrase)
        established = self.multiword_places.at(text, pos, bounded=True)
        if established:
            return pos + len(established)
        if first.group(0) not in self.places:
            return None
        end = first.end()
        while (c := self._compass.match(text, end)):
            end = c.end()
        return end

    def after_province(self, pos: int) -> int | None:
        """Where a name starts after a province or a region set off by commas at `pos` (",
        Kalimantan Timur, " of "Bupati Paser, Kalimantan Timur, Rusli"; ", Kecamatan
        Campalagian, " of "Kepala Desa Lapeo, Kecamatan Campalagian, Syamsuddin"), else None."""
        comma = PROVINCE_COMMA.match(self.text, pos)
        province = comma and self.rules.province.match(self.text, comma.end())
        region = comma and not province and self._region_word.match(self.text, comma.end())
        end = province.end() if province else self._read_place_name(region.end()) if region else None
        after = end and end > comma.end() and PROVINCE_COMMA.match(self.text, end)
        return after.end() if after else None

    def _read_place_name(self, pos: int) -> int:
        """One capitalised word plus compass words ("Bekasi Utara"), a river's or a lake's
        word and the name after it ("Sungai Tarab"), or a known province
        unless a listed regency starts with it ("Maluku Tengah", "Aceh Besar")."""
        text = self.text
        province = self.rules.province.match(text, pos)
        if province:
            return max(province.end(), self.region_at(pos) or 0)
        place = self.multiword_places.at(text, pos, bounded=True)
        if place:
            return pos + len(place)
        region = self.region_at(pos)
        if region:
            return region
        m = PLACE_WORD.match(text, pos)
        feature = m and m.group(0) in self.rules.words("natural_features") and NEXT_PLACE_WORD.match(text, m.end())
        if feature:
            return feature.end()
        if not m or m.group(0) in self.rules.stop_names or self.rules.rank.match(text, pos) \
                or self.rules.opens_name(text, pos):
            return pos
        end = m.end()
        while (c := self._compass.match(text, end)):
            end = c.end()
        return end
