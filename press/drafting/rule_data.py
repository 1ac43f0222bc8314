"""The rule data of the language checks, read once: ``press/drafting/data/*.json`` (each
file says its sources in ``_source``) and Sastrawi's dictionary of Indonesian roots.

``spelling`` (non-standard form → standard form, with the EYD/KBBI rule; the misspelt
month and weekday names come from the notes' calendar, ``press/notes/data/calendar.json``), ``foreign``
(foreign words → Indonesian equivalents, affixed foreign verbs, terms to italicise),
``prepositions`` (the nouns after the prepositions di and ke), ``exceptions`` (official
names that keep old spellings) and ``precedence`` (ranks of the host region's officials, of the
province's and the centre's, and the offset of another region's).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from press.notes.glossary import load_glossary

DATA_DIR = Path(__file__).with_name("data")


def _load(name: str) -> dict:
    return json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Entry:
    written: str
    standard: str
    rule: str


@dataclass(frozen=True)
class RuleData:
    spelling: dict[str, Entry]
    rules: dict[str, str]
    foreign: dict[str, str]
    italicise: frozenset[str]
    place_nouns: frozenset[str]
    ke_nouns: frozenset[str]
    di_ke_words: frozenset[str]
    verb_roots: frozenset[str]
    """Verb roots that take di- alone, besides those hunspell-id flags (``lexicon.passive_roots``)."""
    noun_compounds: frozenset[str]
    """Compound nouns opening with a verb root ("telepon genggam"): di before them is the preposition."""
    exceptions: tuple[str, ...]
    ranks: tuple[tuple[str, int], ...]
    guest_ranks: tuple[tuple[str, float], ...]
    """Titles of the centre and the province (always from outside the host region), longest first."""
    province_of_host_rank: dict[int, float]
    centre_member_rank: float
    centre_bodies: tuple[str, ...]
    province_offset: float
    other_region_offset: float
    roots: frozenset[str]
    first_words: frozenset[str]
    """First words (lower case) of the phrases of several words: only these start a longer look-up."""
    looked_up: frozenset[str]
    """Every word (lower case) a look-up in the tables can start at: the single-word keys and the
    first words; any other word skips the look-up."""

    def lookup(self, table: dict, text: str):
        """The entry for ``text`` as written, or for its lower case when the entry is written
        in lower case and ``text`` is lower case or capitalised ("Walikota" is found under
        "walikota", "WIB" is not found under "wib")."""
        found = table.get(text)
        if found is None and (text.islower() or (text[:1].isupper() and text[1:].islower())):
            key = text.lower()
            value = table.get(key)
            if value is not None and key == key.lower():
                return value
        return found


def _roots() -> frozenset[str]:
    try:
        path = resources.files("Sastrawi.Stemmer").joinpath("data/kata-dasar.txt")
        return frozenset(w.strip() for w in path.read_text(encoding="utf-8").split() if w.strip())
    except (ModuleNotFoundError, FileNotFoundError):  # the checks still run, without the root rule
        return frozenset()


def _calendar_entries() -> list[dict]:
    """The calendar's misspelt names ("Nopember", "Jum'at"), not its short forms ("Nop", "Agust")."""
    data = load_glossary().data
    entries = []
    for rule, names in (("day", data["weekdays"].items()), ("month", data["months"].values())):
        for item in names:
            canonical, variants = (item[0], item[1]) if rule == "day" else (item[0], item[1:])
            for variant in variants:
                if variant != canonical and len(variant) >= 5 and not canonical.startswith(variant):
                    entries.append({"written": variant, "standard": canonical, "rule": rule})
    return entries


@lru_cache(maxsize=1)
def rule_data() -> RuleData:
    spelling = _load("spelling")
    spelling["entries"] += _calendar_entries()
    foreign = _load("foreign")
    prepositions = _load("prepositions")
    precedence = _load("precedence")
    ranks = [(title, item["rank"]) for item in precedence["ranks"] for title in item["titles"]]
    guests = [(title, item["rank"]) for item in precedence["guests"] for title in item["titles"]]
    phrases = [e["written"] for e in spelling["entries"]] + list(foreign["equivalents"]) + list(foreign["affixed"]) \
        + list(foreign["italicise"])
    return RuleData(
        spelling={e["written"]: Entry(e["written"], e["standard"], e["rule"]) for e in spelling["entries"]},
        rules=spelling["rules"],
        foreign={**foreign["equivalents"], **foreign["affixed"]},
        italicise=frozenset(foreign["italicise"]),
        place_nouns=frozenset(prepositions["place_nouns"]),
        ke_nouns=frozenset(w.lower() for w in prepositions["ke_nouns"]),
        di_ke_words=frozenset(prepositions["words"]),
        verb_roots=frozenset(prepositions["verb_roots"]),
        noun_compounds=frozenset(prepositions["noun_compounds"]),
        exceptions=tuple(_load("exceptions")["names"]),
        ranks=tuple(sorted(ranks, key=lambda pair: -len(pair[0]))),
        guest_ranks=tuple(sorted(guests, key=lambda pair: -len(pair[0]))),
        province_of_host_rank={int(k): v for k, v in precedence["province_of_host_rank"].items()},
        centre_member_rank=precedence["centre_members"]["rank"],
        centre_bodies=tuple(precedence["centre_members"]["bodies"]),
        province_offset=precedence["province_offset"],
        other_region_offset=precedence["other_region_offset"],
        roots=_roots(),
        first_words=frozenset(p.split()[0].lower() for p in phrases if " " in p),
        looked_up=frozenset(p.split()[0].lower() for p in phrases),
    )
