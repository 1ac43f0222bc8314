"""Places in a note: region phrases (Kota, Kabupaten, Provinsi, Kecamatan, Kelurahan,
Desa), provinces by name, regencies and cities by any name the data gives them (one that
names both a kota and a kabupaten, such as "Bekasi", only after its region word), and venues (Aula, Gedung, Pendopo, Balai, Ruang Rapat …); and
the place names the text itself establishes, which the people and organisation readers
use ("Kabupaten Garut" makes "Garut" a place; "Desa Pantai Bahagia, Kecamatan …" makes
"Pantai Bahagia" one). Every finder reads the text a bounded number of times: the
multi-word names are looked up by their first word, never tried one by one at each
position. Imports the rules and the items."""

from __future__ import annotations

import re
from collections import defaultdict

from press.notes.items import ActivityContext, Place
from press.notes.rules import WORD_OR_HYPHEN, PhraseTable, Rules, alternation, bounded_alternation

PLACE_WORD = re.compile(r"[A-Z][a-z][\w'-]*")
GAP = re.compile(r"[ \t]+")
# Where a capitalised word may start (no letter or digit before it), and the rest of it.
WORD_START = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]")
WORD_REST = re.compile(r"[\w'-]*")
ONE_WORD_NAME = r"[A-Z][a-z][\w'-]*"
NAME = rf"{ONE_WORD_NAME}(?:[ \t]+{ONE_WORD_NAME}){{1,2}}"
# A district's, village's or ward's name: up to three capitalised words that end the run
# of capitals ("Desa Sungai Payang,", "Kecamatan Idi Rayeuk dan"); a longer run may carry
# a person's name after the place, and then only the first word is taken.
LOCAL_KINDS = {"kecamatan", "desa", "kelurahan"}
CAPITALISED_RUN = re.compile(rf"{ONE_WORD_NAME}(?:[ \t]+{ONE_WORD_NAME}){{0,2}}(?![ \t]+[A-Z(])(?![\w'-])")


class MultiwordPlaces:
    """Place names of two or three words, looked up by their first word."""

    def __init__(self, names):
        self._table = PhraseTable(set(names), key=lambda name: name.split()[0])

    def at(self, text: str, pos: int, bounded: bool = False) -> str | None:
        """The longest name written at `pos` (followed by a non-alphanumeric character
        when `bounded`), or None."""
        first = PLACE_WORD.match(text, pos) if self._table else None
        if not first or first.group(0) not in self._table:
            return None
        for name in self._table.written_at(text, pos, first.group(0)):
            if not (bounded and text[pos + len(name):pos + len(name) + 1].isalnum()):
                return name
        return None


# A one-word dateline in capitals opening a line ("MARTAPURA – …", "DENPASAR, OUTLET –"):
# the town the release was written in, a place wherever the note writes it.
DATELINE_WORD = re.compile(r"^([A-Z]{4,})(?=[ \t]*(?:,|\(|[–—-]))", re.M)


def find_known_places(text: str, rules: Rules, context: ActivityContext) -> set[str]:
    """Bare place names the text itself establishes ("Kabupaten Garut" -> Garut, "Polsek
    Sonder" -> Sonder, a one-word dateline in capitals); not the name after a region word
    that ends a title ("Wali Kota X", "Sekretaris Kabupaten X")."""
    found = {m.group(1) for m in rules.pattern("region-word-name", lambda: bounded_alternation(
        rules.glossary.data["region_words"], not_after=("Wali ", "Sekretaris ")) + r"[ \t]+([A-Z][a-z][\w'-]*)").finditer(text)}
    if context.region:
        found.add(context.region.split()[-1])
    found.update(m.group(1).capitalize() for m in DATELINE_WORD.finditer(text))
    found.update(rules.pattern("territorial-unit-place", lambda: bounded_alternation(
        rules.glossary.data["territorial_units"]) + r"[ \t]+([A-Z][a-z][\w'-]*)").findall(text))
    return found - rules.stop_names - rules.unit_words - _one_word_openers(rules)


def _one_word_openers(rules: Rules) -> set[str]:
    """The noble names that open a person's name, as one word ("Andi", "Teuku"): "Kepala Desa
    Andi Muhammad …" names the head, not a village called Andi."""
    return {opener for opener in rules.glossary.data["name_openers"] if " " not in opener}


def find_multiword_places(text: str, rules: Rules) -> MultiwordPlaces:
    """Place names of two or three words the text establishes: written before another
    region ("Desa Pantai Bahagia, Kecamatan …") or after a region word twice."""
    words = rules.glossary.data["region_words"]
    listed = rules.pattern("listed-region", lambda: rf"{bounded_alternation(words)}[ \t]+({NAME}),[ \t]*(?:{alternation(words)})\b"
                           ).findall(text)
    after_region = set(rules.pattern("after-region", lambda: rf"{bounded_alternation(words)}[ \t]+({NAME})(?![ \t]*[A-Z\w])")
                       .findall(text))
    found = set(listed) | written_twice(text, after_region)
    return MultiwordPlaces(n for n in found if not set(n.split()) & rules.stop_names and not _region_then_name(n, rules))


def _region_then_name(phrase: str, rules: Rules) -> bool:
    """Whether `phrase` is a listed region followed by other words than compass words
    ("Sulteng Arifin Tandiawan" of "Kepala Badan Kesbangpol Provinsi Sulteng Arifin
    Tandiawan" written twice): the region and a person's name, not one place."""
    first, *rest = phrase.split()
    return first in rules.region_names and not set(rest) & set(rules.glossary.data["compass_words"])


def written_twice(text: str, names: set[str]) -> set[str]:
    """The names (two or three capitalised words) that occur at least twice as whole
    words, counted the way `re.findall` counts (no overlap), in one pass over the text.

    An occurrence starts where a word starts; its first word is that whole word, so the
    names to try at a position are those with the same first word, and the places they
    can end are the ends of the next two words or a hyphen or apostrophe inside them.
    The first words are found as a regular expression of them would find them (a word
    after a hyphen too, none inside a first word found), by precompiled patterns.
    """
    by_first: dict[str, set[str]] = defaultdict(set)
    lengths: dict[str, set[int]] = defaultdict(set)
    for name in names:
        by_first[name.split()[0]].add(name)
        lengths[name.split()[0]].add(len(name))
    counts: dict[str, int] = defaultdict(int)
    last_end: dict[str, int] = {}
    taken = 0
    for start in WORD_START.finditer(text) if by_first else ():
        p = start.start()
        cursor = WORD_REST.match(text, start.end()).end()
        first = text[p:cursor]
        if p < taken or first not in by_first:
            continue
        taken = cursor
        for _ in range(2):
            gap = GAP.match(text, cursor)
            word = gap and PLACE_WORD.match(text, gap.end())
            if not word:
                break
            cuts = [i for i in range(2, len(word.group(0))) if word.group(0)[i] in "'-"] + [len(word.group(0))]
            for cut in cuts:
                end = word.start() + cut
                if end - p not in lengths[first] or text[p:end] not in by_first[first]:
                    continue
                name = text[p:end]
                if p >= last_end.get(name, 0):
                    counts[name] += 1
                    last_end[name] = end
            cursor = word.end()
    return {name for name, count in counts.items() if count > 1}


def find_places(text: str, rules: Rules, multiword: MultiwordPlaces | None = None) -> list[Place]:
    data = rules.glossary.data
    multiword = multiword or MultiwordPlaces(())
    found: dict[tuple[str, str], Place] = {}
    for word, start, name_start, name in _region_phrases(text, rules, multiword):
        if re.search(r"(?:Wali|Walikota|Wakil)\s*$", text[max(0, start - 12):start]):
            continue
        if word == "Provinsi":
            province = _province_at(text, name_start, data["provinces"])
            name = province or name
            place = Place(name, "provinsi", (name_start, name_start + len(name)))
        elif name.split()[0] in data["region_words"] or name.split()[0] in ("Atau", "Yang"):
            continue
        else:
            place = Place(f"{word} {name}", data["region_words"][word], (start, name_start + len(name)))
        found.setdefault((place.name, place.kind), place)
    provinces = rules.pattern("province-anywhere", lambda: rf"{bounded_alternation(data['provinces'])}(?![\w])")
    for m in sorted(provinces.finditer(text), key=lambda m: data["provinces"].index(m.group(0))):
        found.setdefault((m.group(0), "provinsi"), Place(m.group(0), "provinsi", (m.start(), m.end())))
    covered = bytearray(len(text) + 1)
    named = set()
    for place in found.values():
        covered[place.span[0]:place.span[1]] = b"\1" * (place.span[1] - place.span[0])
        first, _, rest = place.name.partition(" ")
        named.add(rest if first in data["region_words"] else place.name)
    regions = rules.pattern("region-anywhere", lambda: rf"{bounded_alternation(rules.glossary.regions, WORD_OR_HYPHEN)}(?![\w-])")
    for m in regions.finditer(text):
        entries = rules.glossary.regions[m.group(0)]
        if covered[m.start()] or m.group(0) in named or len({entry["kind"] for entry in entries}) > 1:
            continue
        kind = entries[0]["kind"]
        found.setdefault((m.group(0), kind), Place(m.group(0), kind, (m.start(), m.end())))
    venues = rules.pattern("venue", lambda: rf"{bounded_alternation(data['venue_words'])}"
                                           rf"(?:[ \t]+(?:[A-Z][\w'-]*|\d+)){{1,6}}")
    for m in venues.finditer(text):
        name = m.group(0)
        if name.split()[-1] in rules.stop_names and len(name.split()) == 2:
            continue
        found.setdefault((name, "venue"), Place(name, "venue", (m.start(), m.start() + len(name))))
    return sorted(found.values(), key=lambda p: p.span)


def _region_phrases(text: str, rules: Rules, multiword: MultiwordPlaces):
    """(region word, start, name start, name) of each "Kota Bekasi Utara", left to right
    without overlap: the name is the longest multi-word place written there, else one
    capitalised word and its compass words; a region word with no name after it tries
    the next shorter region word at the same place, as a regular-expression alternation
    would."""
    data = rules.glossary.data
    region_words = sorted(set(data["region_words"]), key=len, reverse=True)
    any_region = rules.pattern("any-region", lambda: rf"{bounded_alternation(region_words)}[ \t]+")
    each_region = [rules.pattern(f"region:{w}", lambda: rf"(?<![\w])({re.escape(w)})[ \t]+") for w in region_words]
    one_word = rules.pattern("one-word-place", lambda: rf"{ONE_WORD_NAME}(?:[ \t]+(?:{alternation(data['compass_words'])})\b)*")
    pos = 0
    while (candidate := any_region.search(text, pos)):
        for pattern in each_region:
            region = pattern.match(text, candidate.start())
            if not region:
                continue
            name = multiword.at(text, region.end()) or listed_region_at(text, region.end(), rules)
            if name is None and data["region_words"][region.group(1)] in LOCAL_KINDS:
                run = CAPITALISED_RUN.match(text, region.end())
                name = run.group(0) if run and not set(run.group(0).split()) & rules.stop_names else None
            if name is None:
                word = one_word.match(text, region.end())
                name = word.group(0) if word else None
            if name is not None:
                yield region.group(1), candidate.start(), region.end(), name
                pos = region.end() + len(name)
                break
        else:
            pos = candidate.start() + 1


def listed_region_at(text: str, pos: int, rules: Rules) -> str | None:
    """A regency or city of several words the data lists, written at `pos` ("Kutai
    Kartanegara" after "Kabupaten"), else None."""
    first = PLACE_WORD.match(text, pos)
    if not first:
        return None
    for phrase in rules.region_phrases.written_at(text, pos, first.group(0)):
        if not text[pos + len(phrase):pos + len(phrase) + 1].isalnum():
            return phrase
    return None


def _province_at(text: str, pos: int, provinces: list[str]) -> str | None:
    for province in sorted(provinces, key=len, reverse=True):
        if text.startswith(province, pos):
            return province
    return None
