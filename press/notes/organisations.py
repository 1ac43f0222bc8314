"""Organisations in a note: named institutions ("Dinas Kesehatan Kota Bekasi", "Pemkab
Subang") and glossary abbreviations with their expansions, one entry per organisation.
One pass over the heads; a head inside an organisation already read is told by the
furthest end read so far, not by a look at every earlier one. Imports the glossary, the
rules, the items and the places (a region's name of several words)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from press.notes.glossary import Glossary
from press.notes.items import Organisation
from press.notes.places import listed_region_at
from press.notes.rules import OPEN_HEADS, WORD_OR_HYPHEN, Rules, bounded_alternation, is_unit_word, without_parenthesis

CLOSING_TAG = re.compile(r"\((?:adv\b|humas\b|hms\b)[^)\n]{0,40}\)", re.I)
PAREN_ABBREVIATION = re.compile(r"[ \t]*\([A-Z][A-Za-z ]{1,15}\)")
NEXT_WORD = re.compile(r"[ \t]+([A-Za-z&][\w&-]*|\d+(?:/[A-Z][\w-]*)?)")
# The place a region word names: a capitalised word or a short form in capitals ("Provinsi NTB", "Kabupaten OKI").
PLACE_AFTER_REGION = re.compile(r"[ \t]+(?:[A-Z][a-z][\w'-]*|[A-Z]{2,4}(?![\w-]))")
CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")


def find_organisations(text: str, rules: Rules, known_places: set[str]) -> list[Organisation]:
    """Named institutions ("Dinas Kesehatan Kota Bekasi", "Pemkab Subang") and glossary
    abbreviations; one entry per organisation, later mentions folded in."""
    glossary = rules.glossary
    found: dict[str, Organisation] = {}
    abbreviations = rules.org_abbr
    heads = rules.pattern("organisation-head", lambda: rf"{bounded_alternation(set(glossary.data['organisation_heads']) | abbreviations, WORD_OR_HYPHEN)}(?![\w-])")
    expansions = glossary.expansion_to_abbreviation
    tags = [(m.start(), m.end()) for m in CLOSING_TAG.finditer(text)]
    tag_starts = [s for s, _ in tags]
    spans: list[tuple[int, int]] = []
    furthest = -1
    for m in heads.finditer(text):
        if m.end() <= furthest or _in_tag(m, tags, tag_starts):
            continue
        head = m.group(0)
        is_abbr = head in abbreviations
        end = organisation_end(text, m.end(), rules, open_name=head in OPEN_HEADS,
                       place_after=is_abbr or head.endswith(glossary.government_regions), known_places=known_places)
        name = without_parenthesis(text[m.start():end]).strip(" ,")
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
        furthest = max(furthest, end)
    read, furthest = 0, -1
    for m in rules.expansion.finditer(text):
        while read < len(spans) and spans[read][0] <= m.start():
            furthest = max(furthest, spans[read][1])
            read += 1
        if m.end() <= furthest:
            continue
        abbr = rules.expansion_abbr[m.group(0)]
        _remember(found, m.group(0).lower(), m.group(0), abbr, m.group(0), (m.start(), m.end()))
    return _fold_regionless(sorted(found.values(), key=lambda o: o.span), glossary)


def _in_tag(m: re.Match, tags: list[tuple[int, int]], starts: list[int]) -> bool:
    at = bisect_right(starts, m.start())
    return bool(at) and m.end() <= tags[at - 1][1]


def _fold_regionless(organisations: list[Organisation], glossary: Glossary) -> list[Organisation]:
    """Fold "Dinkes" into "Dinas Kesehatan Kabupaten Subang" when that is the only
    organisation it can be (the fuller names are found by prefix in the sorted keys)."""
    keys = [_org_key(org.name, glossary) for org in organisations]
    ordered = sorted((key, index) for index, key in enumerate(keys))
    kept = []
    for org, key in zip(organisations, keys):
        low = bisect_left(ordered, (key + " ", -1))
        high = bisect_left(ordered, (key + "!", -1))
        if high - low == 1:
            target = organisations[ordered[low][1]]
            target.mentions = sorted(target.mentions + org.mentions)
            target.abbreviation = target.abbreviation or org.abbreviation
            target.expansion = target.expansion or org.expansion or glossary.organisations.get(org.abbreviation or "")
            continue
        kept.append(org)
    return kept


def organisation_end(text: str, pos: int, rules: Rules, open_name: bool, place_after: bool = False,
             known_places: set[str] = frozenset()) -> int:
    """Where an organisation name that starts with a head ("Dinas", "Pemkab") ends; a
    regency, city or province of several words the data lists ends it ("Setdakab Tanah
    Bumbu"), save for the one-word place of a branch after it ("Bank NTT Cabang Kalabahi")."""
    end = pos
    region_seen = False
    data = rules.glossary.data
    compass = rules.compass_after
    while True:
        paren = PAREN_ABBREVIATION.match(text, end)
        if paren and not region_seen:
            end = paren.end()
            continue
        m = NEXT_WORD.match(text, end)
        if not m or rules.honorific.match(text, m.start(1)) or rules.rank.match(text, m.start(1)):
            return end
        word = m.group(1)
        if word in data["region_words"] and not region_seen:
            place = PLACE_AFTER_REGION.match(text, m.end())
            if not place:
                return end
            end = place.end()
            while (c := compass.match(text, end)):
                end = c.end()
            region_seen = True
            continue
        listed = None if region_seen else listed_region_at(text, m.start(1), rules)
        if listed:
            end = m.start(1) + len(listed)
            region_seen = True
            continue
        if region_seen and word == "Cabang" and (branch := PLACE_AFTER_REGION.match(text, m.end())):
            end = branch.end()
            continue
        if region_seen or word in ("Sekretariat", "Pemerintah", "Bagian", "Dinas", "Badan", "Setda") \
                or word in data["headline_verbs"]:
            return end
        if place_after and word[0].isupper() and word in rules.unit_words and word not in data["region_words"]:
            end = m.end()
            continue
        if place_after:
            if re.fullmatch(r"\d{3,4}(?:/\S+)?", word) or word in known_places:
                end = m.end()
                while (c := compass.match(text, end)):
                    end = c.end()
                region_seen = True
                continue
            return end
        if word in ("dan", "&") and CAPITAL_NEXT.match(text, m.end()):
            end = m.end()
            continue
        if word in known_places:
            end = m.end()
            region_seen = True
            continue
        if not (word[0].isupper() and (open_name or is_unit_word(word, rules))) \
                or word in rules.words("headline_verbs") or (word in rules.glossary.title_forms and word not in rules.unit_words):
            return end
        end = m.end()


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



# "Universitas Musamus (Unmus)": an organisation head, up to five capitalised words, and
# the short form in brackets.
# A short form in brackets, and how far before it the region word defining it may stand
# (the scan starts on the bracket, a literal).
SHORT_FORM_IN_BRACKETS = re.compile(r"\(([A-Z][A-Za-z]{1,11})\)")
SHORT_FORM_REACH = 200
DEFINED_SHORT_FORM = re.compile(r"((?:[ \t]+[A-Z][\w&-]*){1,5})[ \t]*\(([A-Z][A-Za-z]{1,11})\)")


def defined_short_forms(text: str, rules: Rules) -> set[str]:
    """Short forms the note defines for an organisation it writes out ("Universitas
    Musamus (Unmus)", "Perjanjian Kerja Sama (PKS)"): never a person's name on their own
    later in the note ("Rektor Unmus, Dr. X"), or for a region ("Kabupaten Sumba Timur
    (Sumtim)": "Selain Bupati Sumtim, …")."""
    found = set()
    for head in rules.org_head.finditer(text):
        defined = DEFINED_SHORT_FORM.match(text, head.end())
        if defined:
            found.add(defined.group(2))
    for short in SHORT_FORM_IN_BRACKETS.finditer(text):
        for region in rules.region_word.finditer(text, max(0, short.start() - SHORT_FORM_REACH), short.start()):
            defined = DEFINED_SHORT_FORM.match(text, region.end(1))
            if defined and defined.end() == short.end():
                found.add(defined.group(2))
    return found
