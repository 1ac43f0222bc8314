"""The Indonesian government-PR glossary: titles, ranks, honorifics, degrees,
organisation abbreviations, speech verbs, regions, street and venue words, weekdays, months.

Owns loading the built-in data (`press/notes/data/*.json`: `calendar.json` weekdays and
months, `regions.json` every province, regency and city (built by `tools/build_regions.py`
from the Kemendagri code list), `titles.json` titles of office, `ranks.json` TNI and Polri
ranks and corps, `honorifics.json`, `degrees.json`, `places.json` street and venue words,
`glossary.json` organisations, verbs and the rest; a key lives in one file, and each file's
`_source` says where its words come from) and merging an admin's extra JSON file over it.
The notes extractor and the editorial checks (`press.drafting.checks`) both read these
facts through `Glossary`. Imports only the standard library.

Keys of the built-in data (an extra file uses the same keys, any subset):
  titles {full title: [abbreviations]}, acting_prefixes {"Plt.": "Pelaksana Tugas"},
  acting_written_out [..], place_titles [full titles the place joins: "Wali Kota Bekasi"],
  generic_titles [titles that need a unit or organisation: "Kepala"], province_glued_titles
  {"Wagub": "Wakil Gubernur"} (short forms a province's short form is glued to: "Wagubsu"), ranks [every written rank,
  full and abbreviated], rank_abbreviations {"Letkol": "Letnan Kolonel"}, corps {"Inf": "Infanteri"},
  retired_marks ["Purn."], honorifics [..], regional_honorifics [..], address_forms [..],
  degrees [..], organisations {abbreviation: expansion}, not_organisations [..],
  organisation_heads [..], unit_words [..], not_person_words [never a name on their own, beyond
  the words the other keys hold], headline_verbs [..], speech_verbs {after, reported, fronted, attitude (reported verbs that tell an attitude, no speech):
  [..]}, region_words {word: kind}, region_abbreviations {"Kab.": "Kabupaten"}, provinces [..],
  province_short_forms {"Sumut": "Sumatera Utara"}, province_glued_forms {"su": "Sumatera Utara"}
  (written only glued to an office), regencies_and_cities [{name, kind
  ("kabupaten" | "kota"), province, short [..], spellings [..]}], compass_words [..],
  street_words [..], venue_words [..], named_after_people [words opening a name given after a
  person: "RSUD", "Bandara", "Korem"], pronouns [..], weekdays {canonical: [variants]}
  (Monday first), months {"1": [variants]}.
Mappings are merged key by key (an extra key adds an entry, a known key adds aliases or
replaces an expansion); lists are extended without duplicates.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")
EXPANDED_LIMIT = 20_000
SOURCE_KEY = "_source"


def builtin_data() -> dict:
    """The data files merged into one mapping; a key lives in one file only."""
    data: dict = {}
    for path in sorted(DATA_DIR.glob("*.json")):
        part = json.loads(path.read_text(encoding="utf-8"))
        part.pop(SOURCE_KEY, None)
        shared = set(part) & set(data)
        if shared:
            raise ValueError(f"{path.name} repeats {sorted(shared)}, already in another data file")
        data.update(part)
    return data


def merge(base: dict, extra: dict) -> dict:
    """Return `base` with `extra` merged over it (dicts recursively, lists unioned)."""
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = old + [item for item in value if item not in old]
        else:
            merged[key] = value
    return merged


@dataclass(frozen=True)
class Glossary:
    """The merged glossary data plus the lookups the extractor needs."""

    data: dict

    @cached_property
    def title_forms(self) -> dict[str, str]:
        """Every written form of a title (full or abbreviated) -> its full form."""
        forms = {}
        for full, aliases in self.data["titles"].items():
            forms[full] = full
            for alias in aliases:
                forms[alias] = full
        forms.update(self.glued_province_titles)
        return forms

    @cached_property
    def glued_province_titles(self) -> dict[str, str]:
        """A title's short form with a province's short form glued on ("Gubsu", "Wagubsu",
        "GubKalsel", "Wagubkaltim") -> the title and its province ("Wakil Gubernur Sumatera
        Utara"): one word for one province's office, never a name."""
        provinces = {**self.data["province_short_forms"], **self.data["province_glued_forms"]}
        forms = {}
        for short, full in self.data["province_glued_titles"].items():
            for written, province in provinces.items():
                for glued in (written, written.lower(), written.upper()):
                    forms[short + glued] = f"{full} {province}"
        return forms

    @cached_property
    def rank_forms(self) -> dict[str, str]:
        """Every written rank (full or abbreviated, "Letkol", "AKBP") -> its full rank, with
        the spellings releases also use: a general's "-jen" as "-jend" ("Irjend Pol",
        "Brigjend TNI"), the abbreviation in capitals ("IPTU", "BRIGJEN") and an abbreviation
        dotted before its service ("Irjen. Pol.", "Brigjen. TNI"), as police pages often write it."""
        forms = {rank: rank for rank in self.data["ranks"]}
        forms.update(self.data["rank_abbreviations"])
        for written, full in list(forms.items()):
            head, _, rest = written.partition(" ")
            spellings = [head + "d"] if head.endswith("jen") else []
            spellings += [s.upper() for s in [head] + spellings if len(s) > 3 and " " not in written]
            spellings += [s + "." for s in [head] + spellings[:1] if rest and written in self.data["rank_abbreviations"]]
            for spelling in spellings:
                forms.setdefault(" ".join(filter(None, (spelling, rest))), full)
        return forms

    @cached_property
    def corps(self) -> dict[str, str]:
        """Corps written after a rank ("Inf", "Pnb", the navy's "P" of "(P)") -> its full name."""
        return self.data["corps"]

    @cached_property
    def organisations(self) -> dict[str, str]:
        """Abbreviation -> expansion."""
        return self.data["organisations"]

    @cached_property
    def expansion_to_abbreviation(self) -> dict[str, str]:
        """Expansion (lower case) -> abbreviation; of two spellings ("DPRD", "Dprd") the first listed."""
        found: dict[str, str] = {}
        for abbr, full in self.organisations.items():
            if full.lower() != abbr.lower():
                found.setdefault(full.lower(), abbr)
        return found

    @cached_property
    def honorifics(self) -> list[str]:
        return self.data["honorifics"] + self.data["regional_honorifics"]

    def speech_verbs(self, form: str) -> list[str]:
        """Speech verbs of one form: 'after', 'reported' or 'fronted'."""
        return self.data["speech_verbs"][form]

    @cached_property
    def weekday_names(self) -> tuple[str, ...]:
        """The canonical weekday names, Monday first (``date.weekday()`` indexes them)."""
        return tuple(self.data["weekdays"])

    def region_words_of(self, *kinds: str) -> tuple[str, ...]:
        """The region words of the given kinds ("kota", "kabupaten", ...), in the data's order."""
        return tuple(word for word, kind in self.data["region_words"].items() if kind in kinds)

    @cached_property
    def region_word_abbreviations(self) -> dict[str, str]:
        """Short forms of region words ("Kab.", "Kec.", "Prov.") -> the word they stand for."""
        return {**self.data["region_abbreviations"], **self.data["lower_region_abbreviations"]}

    @cached_property
    def regions(self) -> dict[str, tuple[dict, ...]]:
        """Every written form of a regency or city (name, short form, other spelling: "Musi
        Banyuasin", "Muba") -> the regencies and cities it names ("Bekasi" names a kota and a
        kabupaten), each {name, kind, province, short, spellings}."""
        forms: dict[str, tuple[dict, ...]] = {}
        for entry in self.data["regencies_and_cities"]:
            for form in [entry["name"], *entry.get("short", []), *entry.get("spellings", [])]:
                forms[form] = forms.get(form, ()) + (entry,)
        return forms

    @cached_property
    def region_names(self) -> frozenset[str]:
        """Every province, regency and city name with its short forms and other spellings."""
        return frozenset(self.regions) | set(self.data["provinces"]) | set(self.data["province_short_forms"])

    @cached_property
    def street_words(self) -> tuple[str, ...]:
        """Words that start a street or an address ("Jalan", "Jl.", "Gang", "Komplek", "RT")."""
        return tuple(self.data["street_words"])

    @cached_property
    def not_person_words(self) -> frozenset[str]:
        """Words that are never a person's name on their own: `not_person_words` ("Wakil",
        "Hari", "Iya") and every word the other keys already hold (titles, honorifics and
        forms of address, organisations and their heads, region, street and venue words,
        acting prefixes, pronouns, weekdays and months, the words opening a river's or a
        lake's name)."""
        data = self.data
        words = set(data["not_person_words"]) | set(self.title_forms) | set(self.organisations) \
            | set(data["organisation_heads"]) | set(data["region_words"]) | set(self.honorifics) \
            | set(data["address_forms"]) | set(data["street_words"]) | set(data["venue_words"]) | set(data["natural_features"]) \
            | set(data["pronouns"]) | set(data["acting_prefixes"]) | {p.rstrip(".") for p in data["acting_prefixes"]} \
            | {w.capitalize() for w in self.weekday_forms()} | {w.capitalize() for w in self.month_forms()}
        return frozenset(words)

    @cached_property
    def government_regions(self) -> tuple[str, ...]:
        """"Provinsi", "Kabupaten", "Kota": the regions with their own government, whose
        word ends an organisation's head ("Pemerintah Kota") before the place's name."""
        return self.region_words_of("provinsi", "kabupaten", "kota")

    def weekday_forms(self) -> dict[str, str]:
        """Written weekday (any variant, lower case) -> canonical name."""
        return {v.lower(): day for day, variants in self.data["weekdays"].items() for v in variants}

    def month_forms(self) -> dict[str, int]:
        """Written month (any variant, lower case) -> month number."""
        return {v.lower(): int(n) for n, variants in self.data["months"].items() for v in variants}

    def expand(self, phrase: str) -> str:
        """Expand every known title or organisation abbreviation in `phrase` (remembered:
        the same titles come back note after note; forgotten past EXPANDED_LIMIT)."""
        expanded = self._expanded.get(phrase)
        if expanded is None:
            if len(self._expanded) >= EXPANDED_LIMIT:
                self._expanded.clear()
            expanded = self._expanded[phrase] = self._abbreviation_pattern.sub(
                lambda m: self._abbreviations[m.group(0)], phrase)
        return expanded

    @cached_property
    def _expanded(self) -> dict[str, str]:
        return {}

    @cached_property
    def _abbreviations(self) -> dict[str, str]:
        forms = {form: full for form, full in self.title_forms.items() if form != full}
        forms.update({abbr: full for abbr, full in self.organisations.items() if abbr != full})
        return forms

    @cached_property
    def _abbreviation_pattern(self) -> re.Pattern:
        alternation = "|".join(re.escape(a) for a in sorted(self._abbreviations, key=len, reverse=True))
        return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")


@lru_cache(maxsize=8)
def _load(extra: str | None) -> Glossary:
    data = builtin_data()
    if extra:
        data = merge(data, json.loads(Path(extra).read_text(encoding="utf-8")))
    return Glossary(data)


def load_glossary(extra: str | Path | None = None) -> Glossary:
    """The built-in glossary, with the JSON file at `extra` merged over it if given."""
    return _load(str(extra) if extra else None)
