"""Extraction from a cleaned note: people (title, organisation, honorifics, degrees,
later mentions), organisations, places, dates and quotes with their speakers.

Owns the rules; the words come from the glossary. No NLP model. Every item carries a
character span `[start, end)` into the text it was given.

Conventions (the tests and the benchmark follow them):
- a person's `title` is the function as written, with its unit ("Kepala Bagian Humas",
  "Kepala Diskominfo"); for regional heads and Forkopimda the place joins the title
  ("Wali Kota Bekasi", "Kapolres Subang"); `organisation` is the institution or region
  that follows ("Sekretariat Daerah Kota Bekasi", "Kota Subang");
- ranks (AKBP, Letkol Inf) are kept in `honorifics`, before the personal ones;
- places are explicit region phrases ("Kota Bekasi"; provinces by their bare name,
  "Jawa Barat"), never the place inside a head's title ("Wali Kota Bekasi"), and venues
  ("Aula …", "Gedung …");
- a quote's `span` covers its quotation marks; a reported quote's span is its clause.
Imports the glossary, the dates module and the standard library only.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from press.notes.dates import FoundDate, find_dates
from press.notes.glossary import Glossary, load_glossary

INSTITUTIONS = {"Sekretariat", "Pemerintah", "Setda", "Setdako", "Setdakab", "Pemkot", "Pemko", "Pemkab", "Pemprov",
                "Pemda"}
CAP = r"(?:[A-Z][A-Za-z'’`-]*[a-z][A-Za-z'’-]*|[A-Z]{2,}|[A-Z]\.)"
WORD = re.compile(r"[A-Za-z][A-Za-z'’`.-]*|\d+(?:/\w+)?|[,;:()]")
OPEN_MARKS = "\"“”"
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“(]|\s*$)|\n")


@dataclass(frozen=True)
class Participant:
    """A participant the activity already knows about."""

    name: str
    title: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class ActivityContext:
    """What the activity says, used to complete the note: its date supplies missing
    years, its participants complete bare names, `title_holders` maps a title as
    written ("Bupati", "Wali Kota Bekasi") to the full name of who holds it."""

    date: date | None = None
    region: str | None = None
    participants: tuple[Participant, ...] = ()
    title_holders: dict[str, str] = field(default_factory=dict)


@dataclass
class Person:
    name: str
    title: str | None
    organisation: str | None
    honorifics: list[str]
    degrees: list[str]
    span: tuple[int, int]
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Organisation:
    name: str
    abbreviation: str | None
    expansion: str | None
    span: tuple[int, int]
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Place:
    name: str
    kind: str
    span: tuple[int, int]


@dataclass
class Quote:
    speaker: str | None
    verb: str | None
    text: str
    span: tuple[int, int]
    form: str


@dataclass
class Extraction:
    people: list[Person]
    organisations: list[Organisation]
    places: list[Place]
    dates: list[FoundDate]
    quotes: list[Quote]

    def as_dict(self) -> dict:
        """The JSON shape: people, organisations, places, dates, quotes (spans as lists)."""
        def plain(item) -> dict:
            out = asdict(item) if not isinstance(item, FoundDate) else item.as_dict()
            return {k: _listify(v) for k, v in out.items()}
        return {kind: [plain(item) for item in getattr(self, kind)]
                for kind in ("people", "organisations", "places", "dates", "quotes")}


def _listify(value):
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, list):
        return [_listify(v) for v in value]
    return value


def extract(text: str, context: ActivityContext | None = None, glossary: Glossary | None = None) -> Extraction:
    """Extract people, organisations, places, dates and quotes from `text`."""
    rules = _rules(glossary or load_glossary())
    context = context or ActivityContext()
    people = _People(text, rules, context)
    people.find_titled()
    people.find_name_first()
    organisations = _find_organisations(text, rules, people.known_places)
    places = _find_places(text, rules, people.multiword_places)
    dates = find_dates(text, context.date, rules.glossary)
    quotes = _Quotes(text, rules, people).find()
    people.add_short_mentions()
    return Extraction(people.people, organisations, places, dates, quotes)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass
class _Rules:
    """Compiled patterns built once per glossary."""

    glossary: Glossary
    title: re.Pattern
    honorific: re.Pattern
    rank: re.Pattern
    degree_keys: set
    unit_words: set
    org_abbr: set
    region_word: re.Pattern
    place_titles: set
    after_verb: re.Pattern
    after_words: str
    reported_verb: re.Pattern
    fronted: re.Pattern
    stop_names: set
    org_head: re.Pattern
    regional: set
    expansion: re.Pattern
    expansion_abbr: dict
    province: re.Pattern


_RULES_CACHE: dict[int, _Rules] = {}


def _rules(glossary: Glossary) -> _Rules:
    cached = _RULES_CACHE.get(id(glossary))
    if cached and cached.glossary is glossary:
        return cached
    data = glossary.data
    acting = _alt([p.rstrip(".") for p in data["acting_prefixes"]] + data["acting_written_out"])
    title = re.compile(rf"(?<![\w.])(?:(?P<acting>{acting})\.?\s+)?(?P<head>{_alt(glossary.title_forms)})(?![\w])")
    honorific = re.compile(rf"(?<![\w.])(?:{_alt(glossary.honorifics)})(?:(?<=\.)|(?=\s))\s*")
    rank = re.compile(rf"(?<![\w.])(?:{_alt(data['ranks'])})(?=\s)\s*")
    degree_keys = {d.replace(".", "").upper() for d in data["degrees"]}
    usable = set(glossary.organisations) - set(data["not_organisations"])
    expansions = {full: abbr for abbr, full in glossary.organisations.items() if abbr in usable and full != abbr}
    stop = set(glossary.title_forms) | set(glossary.organisations) | set(data["region_words"]) \
        | set(glossary.weekday_forms()) | {w.capitalize() for w in glossary.month_forms()} \
        | {v.capitalize() for form in ("after", "reported") for v in glossary.speech_verbs(form)} \
        | set(data["speech_verbs"]["fronted"]) | set(data["headline_verbs"]) | set(data["venue_words"]) \
        | set(data["organisation_heads"]) | {"Turut", "Hadir", "Dalam", "Selain", "Sementara", "Menurut",
                                                  "Pada", "Di", "Dan", "Serta", "Beserta", "Para", "Kegiatan",
                                                  "Acara", "Ia", "Dia", "Beliau", "Kami", "Kita", "Saya", "Ini",
                                                  "Itu", "Hal", "Jajaran", "Undangan", "Selaku", "Usai", "Setelah"}
    return _RULES_CACHE.setdefault(id(glossary), _Rules(
        glossary=glossary,
        title=title,
        honorific=honorific,
        rank=rank,
        degree_keys=degree_keys,
        unit_words=set(data["unit_words"]),
        org_abbr=set(glossary.organisations) - set(data["not_organisations"]),
        region_word=re.compile(rf"\b({_alt(data['region_words'])})\s+(?=[A-Z])"),
        place_titles={t for t in data["place_titles"]},
        after_verb=re.compile(rf"\s*[,.]?\s*(?P<verb>{_alt(glossary.speech_verbs('after'))})\b"),
        after_words=_alt(glossary.speech_verbs("after")),
        reported_verb=re.compile(rf"\b(?P<verb>{_alt(glossary.speech_verbs('reported'))})\b"),
        fronted=re.compile(rf"\b(?P<verb>{_alt(glossary.speech_verbs('fronted'))})\s+"),
        stop_names=stop,
        org_head=re.compile(rf"(?:{_alt(set(data['organisation_heads']) | (set(glossary.organisations) - set(data['not_organisations'])))})(?![\w-])"),
        regional=set(data["regional_honorifics"]),
        expansion=re.compile(rf"(?<![\w])(?:{_alt(expansions)})(?![\w])"),
        expansion_abbr=expansions,
        province=re.compile(rf"(?:{_alt(data['provinces'])})(?![\w])"),
    ))


def _is_unit_word(word: str, rules: _Rules) -> bool:
    bare = word.strip(",.")
    if bare in rules.unit_words or bare in rules.org_abbr or bare in ("dan", "&", "I", "II", "III", "IV") \
            or re.fullmatch(r"[A-Z0-9]{2,}", bare):
        return True
    return bool(re.fullmatch(r"(?:Pe|Pem|Pen|Peng|Peny|Per|Ke)[a-z]{3,}an|Di[sn][a-z]{3,}|[A-Z][a-z]+(?:asi|isasi|tik)", bare))


def _is_degree(token: str, rules: _Rules) -> list[str] | None:
    """Split a degree token ("S.Sos.", "SH.MH", "MM") into degrees, or None."""
    bare = token.strip(",")
    if not bare or not (("." in bare) or bare.isupper() or re.fullmatch(r"[SM][A-Z][a-z]+|A\.?Md", bare)):
        return None
    key = bare.replace(".", "").upper()
    out, i = [], 0
    while i < len(key):
        for size in range(min(6, len(key) - i), 0, -1):
            if key[i:i + size] in rules.degree_keys:
                out.append(key[i:i + size])
                i += size
                break
        else:
            return None
    return [bare] if len(out) == 1 else out


class _People:
    """Finds people and keeps track of their mentions."""

    def __init__(self, text: str, rules: _Rules, context: ActivityContext):
        self.text = text
        self.rules = rules
        self.context = context
        self.people: list[Person] = []
        self.known_places = _known_places(text, rules, context)
        self.multiword_places = _multiword_places(text, rules)
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
            if not (_is_unit_word(word, rules) or re.fullmatch(r"\d{3,4}(?:/\S+)?", word)):
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
            end = _org_end(text, head.end(), rules, open_name=head_word in _OPEN_HEADS,
                           place_after=head_word in rules.org_abbr or head_word.endswith(("Kota", "Kabupaten", "Provinsi")),
                           known_places=self.known_places)
            return _without_parenthesis(text[cursor:end]).strip(" ,"), "institution", end
        region = re.match(rf"({_alt(rules.glossary.data['region_words'])})[ \t]+", text[cursor:])
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
        compass = _alt(self.rules.glossary.data["compass_words"])
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
            if not w or w.group(1) in rules.stop_names or (words and _is_degree(w.group(1), rules)):
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
        while words and (words[-1].endswith(".") or _is_degree(words[-1], rules)):
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
            found = _is_degree(m.group(1), self.rules)
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
            participant = next((p for p in self.context.participants if _same_name(p.name, name)), None)
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
        exact = [p for p in self.people if _same_name(p.name, name)]
        if exact:
            return exact[0]
        tokens = set(name.split())
        partial = [p for p in self.people if tokens and tokens <= set(p.name.split())]
        if len(partial) > 1:
            partial = [p for p in partial if p.name.split()[0] == name.split()[0]]
        return partial[0] if len(partial) == 1 else None

    def resolve_title(self, title: str) -> Person | None:
        """The person holding `title`: from the context, else the one person in the
        text with that title."""
        expand = self.rules.glossary.expand
        wanted = expand(title).lower()
        for held, holder in self.context.title_holders.items():
            if expand(held).lower() == wanted or wanted.startswith(expand(held).lower()):
                return self.find_by_name(holder) or self._add(holder, held, None, [], [], (0, 0), (0, 0))
        candidates = [p for p in self.people if p.title and (expand(p.title).lower() == wanted
                                                             or expand(p.title).lower().startswith(wanted + " "))]
        return candidates[0] if len(candidates) == 1 else None

    def resolve_speaker(self, start: int, end: int) -> Person | None:
        """The person named in text[start:end] ("Lukita", "Wali Kota Bekasi Tri Adhianto")."""
        for s, e, person, title in self.mentions:
            if start <= s < end and person is not None:
                return person
        for s, e, person, title in self.mentions:
            if start <= s < end and person is None and title:
                return self.resolve_title(title)
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
            return self.resolve_title(phrase.strip())
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


def _known_places(text: str, rules: _Rules, context: ActivityContext) -> set[str]:
    """Bare place names the text itself establishes ("Kabupaten Garut" -> Garut)."""
    words = _alt(rules.glossary.data["region_words"])
    found = {m.group(1) for m in re.finditer(rf"\b(?:{words})[ \t]+([A-Z][a-z][\w'-]*)", text)}
    if context.region:
        found.add(context.region.split()[-1])
    return found - rules.stop_names


def _multiword_places(text: str, rules: _Rules) -> list[str]:
    """Place names of two or three words the text establishes: written before another
    region ("Desa Pantai Bahagia, Kecamatan …") or after a region word twice."""
    words = _alt(rules.glossary.data["region_words"])
    name = r"[A-Z][a-z][\w'-]*(?:[ \t]+[A-Z][a-z][\w'-]*){1,2}"
    listed = re.findall(rf"\b(?:{words})[ \t]+({name}),[ \t]*(?:{words})\b", text)
    after_region = re.findall(rf"\b(?:{words})[ \t]+({name})(?![ \t]*[A-Z\w])", text)
    found = set(listed) | {n for n in after_region if len(re.findall(rf"(?<!\w){re.escape(n)}(?!\w)", text)) > 1}
    return sorted((n for n in found if not set(n.split()) & rules.stop_names), key=len, reverse=True)


def _without_parenthesis(name: str) -> str:
    return re.sub(r"[ \t]*\([^)]*\)", "", name)


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


class _Quotes:
    """Finds quotations and attributes them."""

    def __init__(self, text: str, rules: _Rules, people: _People):
        self.text = text
        self.rules = rules
        self.people = people

    def find(self) -> list[Quote]:
        segments = self._segments()
        quotes = self._reported(segments)
        inherited: Person | None = None
        for index, (start, end, inner) in enumerate(segments):
            quote = self._attribute(start, end, inner, inherited)
            inherited = None
            if quote.form == "interposed" and quote.speaker and index + 1 < len(segments):
                if re.fullmatch(r"[^.\n]*,\s*", self.text[end:segments[index + 1][0]]):
                    inherited = self.people.find_by_name(quote.speaker)
            quotes.append(quote)
        return sorted(quotes, key=lambda q: q.span)

    def _segments(self) -> list[tuple[int, int, str]]:
        """(start, end, inner text) of each quotation, joined across paragraphs when a
        paragraph leaves a quote open and the next one opens with a quote mark."""
        text = self.text
        segments, open_at, parts = [], None, []
        paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        for p_index, (p_start, p_end) in enumerate(paragraphs):
            cursor = p_start
            if open_at is not None:
                if text[p_start] in OPEN_MARKS:
                    cursor = p_start + 1
                else:
                    open_at, parts = None, []
            part_start = cursor
            for i in range(cursor, p_end):
                char = text[i]
                if char not in OPEN_MARKS:
                    continue
                if open_at is None:
                    if char == "”" and i > p_start and not text[i - 1].isspace():
                        continue
                    open_at, part_start, parts = i, i + 1, []
                elif char != "“" or text[i - 1].isspace() is False:
                    parts.append(text[part_start:i])
                    segments.append((open_at, i + 1, " ".join(p.strip() for p in parts)))
                    open_at = None
            if open_at is not None:
                parts.append(text[part_start:p_end])
                if p_index + 1 == len(paragraphs):
                    segments.append((open_at, p_end, " ".join(p.strip() for p in parts)))
        return [(s, e, inner.strip(" ,")) for s, e, inner in segments if len(inner) > 15]

    def _attribute(self, start: int, end: int, inner: str, inherited: Person | None) -> Quote:
        people, text = self.people, self.text
        after = self.rules.after_verb.match(text, end)
        if after:
            verb = after["verb"]
            who_start = after.end()
            who_end = self._phrase_end(who_start)
            speaker = None
            if verb.endswith("nya") or not text[who_start:who_end].strip():
                speaker = inherited or self._fronted_speaker(start) or self._named_before(start) \
                    or people.last_before(start)
            else:
                speaker = people.resolve_speaker(who_start, who_end) or inherited
            interposed = re.match(r"[^.\n\"“”]*,\s*[\"“]", text[who_start:])
            return Quote(speaker.name if speaker else None, verb.removesuffix("nya"), inner, (start, end),
                         "interposed" if interposed else "after")
        inside = re.search(rf",\s*(?P<verb>{self.rules.after_words})\s+(?P<who>[^,]+),", inner)
        if inside:
            who_start = text.find(inside["who"], start)
            speaker = people.resolve_speaker(who_start, who_start + len(inside["who"]))
            return Quote(speaker.name if speaker else None, inside["verb"], inner, (start, end), "interposed")
        if inherited:
            return Quote(inherited.name, None, inner, (start, end), "interposed")
        fronted = self._fronted(start)
        if fronted:
            speaker, verb = fronted
            return Quote(speaker.name if speaker else None, verb, inner, (start, end), "fronted")
        return Quote(None, None, inner, (start, end), "after")

    def _phrase_end(self, pos: int) -> int:
        m = re.search(r"[.;\n\"“”(]|,\s*(?:[a-z]|[\"“])|$", self.text[pos:])
        return pos + m.start()

    def _sentence_start(self, pos: int) -> int:
        starts = [m.end() for m in SENTENCE_END.finditer(self.text, 0, pos)]
        return starts[-1] if starts else 0

    def _fronted(self, quote_start: int):
        """Speaker and verb introducing a quote: "Dalam sambutannya X mengatakan", "Menurut X,"."""
        text = self.text
        lead_start = self._sentence_start(quote_start)
        lead = text[lead_start:quote_start]
        verb = None
        for m in self.rules.reported_verb.finditer(lead):
            verb = m
        if verb and not text[lead_start + verb.end():quote_start].strip(" ,:bahwa"):
            speaker = self._speaker_before(lead_start, lead_start + verb.start())
            return speaker, verb["verb"]
        front = self.rules.fronted.search(lead)
        if front:
            who_start = lead_start + front.end()
            who_end = who_start + (lead[front.end():].find(",") % (len(lead) + 1))
            speaker = self.people.resolve_speaker(who_start, min(who_end, quote_start))
            return speaker, front["verb"]
        return None

    def _named_before(self, pos: int) -> Person | None:
        """The last person named in the paragraph before `pos`: a known name, or a name
        introduced with a personal honorific ("Seorang pedagang, Ibu Yusnidar, …")."""
        start = self.text.rfind("\n", 0, pos) + 1
        found, found_at = None, -1
        for m in re.finditer(rf"{CAP}(?: {CAP}){{0,3}}", self.text[start:pos]):
            person = self.people.find_by_name(m.group(0))
            if person:
                found, found_at = person, m.start()
        for m in re.finditer(rf"\b(?:Ibu|Bapak|Pak|Bu|Sdr\.|Sdri\.)[ \t]+{CAP}(?: {CAP}){{0,3}}", self.text[start:pos]):
            if m.start() > found_at:
                found = self.people.resolve_speaker(start + m.start(), start + m.end()) or found
        return found

    def _fronted_speaker(self, quote_start: int) -> Person | None:
        fronted = self._fronted(quote_start)
        return fronted[0] if fronted else None

    def _speaker_before(self, start: int, verb_start: int) -> Person | None:
        span_text = self.text[start:verb_start]
        if re.search(r"\b(?:Ia|ia|Dia|dia|Beliau|beliau)\s*$", span_text):
            return self.people.last_before(start)
        mentions = [(s, e, p, t) for s, e, p, t in self.people.mentions if start <= s and e <= verb_start + 1]
        if mentions:
            s, e, person, title = max(mentions, key=lambda m: m[1])
            return person or self.people.resolve_title(title)
        words = re.search(rf"({CAP}(?: {CAP}){{0,3}})\s*,?\s*$", span_text)
        if words:
            return self.people.resolve_speaker(start + words.start(1), start + words.end(1))
        return None

    def _reported(self, segments) -> list[Quote]:
        """Indirect speech: "X menjelaskan bahwa …", "Menurut X, …" outside quotation marks."""
        text, quotes = self.text, []
        quoted = [(s, e) for s, e, _ in segments]
        for m in self.rules.reported_verb.finditer(text):
            if any(s <= m.start() < e for s, e in quoted):
                continue
            clause = re.match(r"\s*[,:]?\s*(?:bahwa(?:sanya)?\s+)?", text[m.end():])
            clause_start = m.end() + clause.end()
            if clause_start >= len(text) or text[clause_start] in OPEN_MARKS:
                continue
            clause_end = self._clause_end(clause_start)
            lead_start = self._sentence_start(m.start())
            speaker = self._speaker_before(lead_start, m.start())
            body = text[clause_start:clause_end].strip(" ,")
            if speaker and len(body.split()) >= 4:
                quotes.append(Quote(speaker.name, m["verb"], body, (clause_start, clause_end), "reported"))
        for m in self.rules.fronted.finditer(text):
            if any(s <= m.start() < e for s, e in quoted) or m["verb"] != "Menurut":
                continue
            comma = text.find(",", m.end())
            if comma < 0 or "\n" in text[m.end():comma] or text[comma + 1:comma + 3].strip()[:1] in OPEN_MARKS:
                continue
            speaker = self.people.resolve_speaker(m.end(), comma)
            clause_end = self._clause_end(comma + 1)
            if speaker:
                quotes.append(Quote(speaker.name, m["verb"], text[comma + 1:clause_end].strip(), (comma + 1, clause_end),
                                    "fronted"))
        return quotes

    def _clause_end(self, pos: int) -> int:
        m = re.search(r"[.!?](?=\s+[A-Z\"“(]|\s*$)|\n|,?\s*[\"“]", self.text[pos:])
        return pos + (m.start() if m else len(self.text) - pos)


CLOSING_TAG = re.compile(r"\((?:adv\b|humas\b|hms\b)[^)\n]{0,40}\)", re.I)


def _find_organisations(text: str, rules: _Rules, known_places: set[str]) -> list[Organisation]:
    """Named institutions ("Dinas Kesehatan Kota Bekasi", "Pemkab Subang") and glossary
    abbreviations; one entry per organisation, later mentions folded in."""
    glossary = rules.glossary
    found: dict[str, Organisation] = {}
    abbreviations = rules.org_abbr
    heads = _alt(set(glossary.data["organisation_heads"]) | abbreviations)
    expansions = glossary.expansion_to_abbreviation
    tags = [(m.start(), m.end()) for m in CLOSING_TAG.finditer(text)]
    spans: list[tuple[int, int]] = []
    for m in re.finditer(rf"(?<![\w-])(?:{heads})(?![\w-])", text):
        if _inside(m, spans) or _inside(m, tags):
            continue
        head = m.group(0)
        is_abbr = head in abbreviations
        end = _org_end(text, m.end(), rules, open_name=head in _OPEN_HEADS,
                       place_after=is_abbr or head.endswith(("Kota", "Kabupaten", "Provinsi")), known_places=known_places)
        name = _without_parenthesis(text[m.start():end]).strip(" ,")
        inner = re.search(r"\(([A-Z][A-Za-z ]{1,15})\)", text[m.start():end])
        if inner and inner.group(1) in abbreviations and not is_abbr:
            head, is_abbr = inner.group(1), True
        if name == head and not is_abbr:
            continue
        if any(name.startswith(n) for n in glossary.data["not_organisations"]):
            continue
        key = _org_key(name, glossary)
        abbreviation = head if is_abbr else (expansions.get(key) or expansions.get(glossary.expand(name).lower()))
        _remember(found, key, name, abbreviation, glossary.organisations.get(abbreviation or ""), (m.start(), end))
        spans.append((m.start(), end))
    for m in rules.expansion.finditer(text):
        if _inside(m, spans):
            continue
        abbr = rules.expansion_abbr[m.group(0)]
        _remember(found, m.group(0).lower(), m.group(0), abbr, m.group(0), (m.start(), m.end()))
    return _fold_regionless(sorted(found.values(), key=lambda o: o.span), glossary)


def _fold_regionless(organisations: list[Organisation], glossary: Glossary) -> list[Organisation]:
    """Fold "Dinkes" into "Dinas Kesehatan Kabupaten Subang" when that is the only
    organisation it can be."""
    kept = []
    for org in organisations:
        key = _org_key(org.name, glossary)
        fuller = [o for o in organisations if o is not org and _org_key(o.name, glossary).startswith(key + " ")]
        if len(fuller) == 1:
            target = fuller[0]
            target.mentions = sorted(target.mentions + org.mentions)
            target.abbreviation = target.abbreviation or org.abbreviation
            target.expansion = target.expansion or org.expansion or glossary.organisations.get(org.abbreviation or "")
            continue
        kept.append(org)
    return kept


def _inside(match: re.Match, spans: list[tuple[int, int]]) -> bool:
    return any(s <= match.start() and match.end() <= e for s, e in spans)


_OPEN_HEADS = {"Universitas", "Institut", "Politeknik", "Yayasan", "PT", "Bank", "Komunitas", "Paguyuban", "Forum",
               "Ikatan", "Persatuan", "Asosiasi", "Himpunan", "Koperasi", "Sekolah", "Rumah Sakit", "Perumda"}


def _org_end(text: str, pos: int, rules: _Rules, open_name: bool, place_after: bool = False,
             known_places: set[str] = frozenset()) -> int:
    """Where an organisation name that starts with a head ("Dinas", "Pemkab") ends."""
    end = pos
    region_seen = False
    data = rules.glossary.data
    compass = _alt(data["compass_words"])
    while True:
        paren = re.match(r"[ \t]*\([A-Z][A-Za-z ]{1,15}\)", text[end:])
        if paren and not region_seen:
            end += paren.end()
            continue
        m = re.match(r"[ \t]+([A-Za-z&][\w&-]*|\d+(?:/[A-Z][\w-]*)?)", text[end:])
        if not m or rules.honorific.match(text, end + m.start(1)) or rules.rank.match(text, end + m.start(1)):
            return end
        word = m.group(1)
        if word in data["region_words"] and not region_seen:
            place = re.match(r"[ \t]+[A-Z][a-z][\w'-]*", text[end + m.end():])
            if not place:
                return end
            end += m.end() + place.end()
            while (c := re.match(rf"[ \t]+(?:{compass})\b", text[end:])):
                end += c.end()
            region_seen = True
            continue
        if region_seen or word in ("Sekretariat", "Pemerintah", "Bagian", "Dinas", "Badan", "Setda") \
                or word in data["headline_verbs"]:
            return end
        if place_after and word[0].isupper() and word in rules.unit_words and word not in data["region_words"]:
            end += m.end()
            continue
        if place_after:
            if re.fullmatch(r"\d{3,4}(?:/\S+)?", word) or word in known_places:
                end += m.end()
                while (c := re.match(rf"[ \t]+(?:{compass})\b", text[end:])):
                    end += c.end()
                region_seen = True
                continue
            return end
        if word in ("dan", "&") and re.match(r"[ \t]+[A-Z]", text[end + m.end():]):
            end += m.end()
            continue
        if word in known_places:
            end += m.end()
            region_seen = True
            continue
        if not (word[0].isupper() and (open_name or _is_unit_word(word, rules))) \
                or word in rules.glossary.data["headline_verbs"] or word in rules.glossary.title_forms:
            return end
        end += m.end()


def _org_key(name: str, glossary: Glossary) -> str:
    """Comparison key: abbreviations expanded, region words dropped ("Diskominfo Garut"
    = "Dinas Komunikasi dan Informatika Kabupaten Garut")."""
    words = glossary.expand(name).lower().split()
    regions = {w.lower() for w in glossary.data["region_words"]}
    return " ".join(w for w in words if w not in regions)


def _remember(found: dict, key: str, name: str, abbreviation, expansion, span) -> None:
    existing = found.get(key)
    if existing:
        existing.mentions.append(span)
        if len(name.split()) > len(existing.name.split()):
            existing.name = name
        existing.abbreviation = existing.abbreviation or abbreviation
        existing.expansion = existing.expansion or expansion
        if span[0] < existing.span[0]:
            existing.span = span
        return
    found[key] = Organisation(name, abbreviation, expansion, span, [span])


def _find_places(text: str, rules: _Rules, multiword: list[str] = ()) -> list[Place]:
    data = rules.glossary.data
    found: dict[tuple[str, str], Place] = {}
    compass = _alt(data["compass_words"])
    names = "|".join([re.escape(n) for n in multiword] + [rf"[A-Z][a-z][\w'-]*(?:[ \t]+(?:{compass})\b)*"])
    for m in re.finditer(rf"(?<![\w])({_alt(data['region_words'])})[ \t]+({names})", text):
        if re.search(r"(?:Wali|Walikota|Wakil)\s*$", text[max(0, m.start() - 12):m.start()]):
            continue
        word, name = m.group(1), m.group(2)
        if word == "Provinsi":
            province = _province_at(text, m.start(2), data["provinces"])
            name = province or name
            place = Place(name, "provinsi", (m.start(2), m.start(2) + len(name)))
        elif name.split()[0] in data["region_words"] or name.split()[0] in ("Atau", "Yang"):
            continue
        else:
            place = Place(f"{word} {name}", data["region_words"][word], (m.start(), m.end()))
        found.setdefault((place.name, place.kind), place)
    for province in data["provinces"]:
        for m in re.finditer(rf"(?<![\w]){re.escape(province)}(?![\w])", text):
            found.setdefault((province, "provinsi"), Place(province, "provinsi", (m.start(), m.end())))
    venue_words = _alt(data["venue_words"])
    for m in re.finditer(rf"(?<![\w])(?:{venue_words})(?:[ \t]+(?:[A-Z][\w'-]*|\d+)){{1,6}}", text):
        name = m.group(0)
        if name.split()[-1] in rules.stop_names and len(name.split()) == 2:
            continue
        found.setdefault((name, "venue"), Place(name, "venue", (m.start(), m.start() + len(name))))
    return sorted(found.values(), key=lambda p: p.span)


def _province_at(text: str, pos: int, provinces: list[str]) -> str | None:
    for province in sorted(provinces, key=len, reverse=True):
        if text.startswith(province, pos):
            return province
    return None
