"""People that are a post: a title written out as if it were a name ("Camat, Imum Mukim dan
warga") or an honorific with no name ("Ida Pedanda"), and one-word "people" that are the short form of a post or a unit ("Kadisops",
"Kabasarnas", "Palaksa", "Pala"): releases call an official by such a word in tags ("tegas
Kabasarnas.") and headlines, and nobody is named by it. A general test rather than a list, since every
command, office and agency coins its own: a word is such a short form when the note shows it
as one, in any of these ways:

- it is a title's short form glued to a unit's ("Ka" + "Basarnas", "Kadis" + "Ops"), read from
  the data files' one-word titles and organisation abbreviations;
- the note defines it in brackets after a phrase of capitalised words ("Perwira Pelaksana
  (Palaksa)", "Kepala-Kepala Lingkungan (Pala)"), as it defines an organisation's short form;
- the note writes it before a unit's abbreviation, where a title stands ("Kadisops Lanud
  Muljono, Letkol …": a name is not followed by its holder's command);
- the note writes it after a word that counts or gathers ("setiap Pala", "para Kabalai"),
  which no name takes.

A word the note also writes as part of a longer name is a name."""

from __future__ import annotations

import re

from press.notes.items import Person, Quote
from press.notes.rules import Rules

WORD = re.compile(r"[A-Z][a-z]{3,}")
TITLE_SHORT_MAX = 6
UNIT_MIN = 3
DEFINED = re.compile(r"(?<![\w-])[A-Z][\w-]+(?:[ \t]+(?:dan[ \t]+)?[A-Z][\w-]+){1,8}[ \t]+\(([A-Z][a-z]{3,})\)")
COUNTED = re.compile(r"(?<![\w-])(?:setiap|tiap|para|seluruh|semua|masing-masing)[ \t]+([A-Z][a-z]{3,})(?![\w-])")
BEFORE_UNIT = re.compile(r"(?<![\w-])([A-Z][a-z]{3,})[ \t]+(?=([A-Z][\w-]*))")
GLUED_HEADS = {"Ka": "Kepala", "Wa": "Wakil"}
HOLDER_RUN = re.compile(r"(?:[ \t]*,?[ \t]+(?:[A-Z][\w.-]*|\([A-Z]\))){0,12}[ \t]*,?[ \t]*")


def _titles_and_units(rules: Rules) -> tuple[list[str], set[str]]:
    """The one-word titles short enough to be glued to a unit, and the units (organisations'
    short forms, unit words and the one-word heads of a body such as "Balai", in lower case),
    made once for each set of rules."""
    def build() -> tuple[list[str], set[str]]:
        forms = rules.glossary.title_forms
        titles = [t for t in forms if " " not in t and t.isalpha() and len(t) <= TITLE_SHORT_MAX] + list(GLUED_HEADS)
        heads = {h for h in rules.glossary.data["organisation_heads"] if " " not in h}
        return titles, {u.casefold() for u in rules.org_abbr | rules.unit_words | heads}

    return rules.made("post-short-forms", build)


def _glued_title_and_unit(word: str, rules: Rules) -> tuple[str, str] | None:
    """The title written out and the unit of a title's short form glued to a unit's
    ("Kepala", "Basarnas" of "Kabasarnas"), or None."""
    forms = rules.glossary.title_forms
    titles, units = _titles_and_units(rules)
    return next(((forms.get(title) or GLUED_HEADS[title], word[len(title):].casefold()) for title in titles
                 if word.startswith(title) and len(word) - len(title) >= UNIT_MIN
                 and word[len(title):].casefold() in units), None)


def _words(title: str) -> set[str]:
    return {w.strip("(),").casefold() for w in title.split()}


def _holder(word: str, text: str, people: list[Person], rules: Rules) -> Person | None:
    """The one person the note gives that post: their title holds the word, or the unit glued
    in it; else the one named right after the word, past capitalised words, ranks and commas
    ("Kadisops Lanud Muljono, Letkol Pnb Bayu …")."""
    glued = _glued_title_and_unit(word, rules)
    if glued:
        head, unit = glued
        written_out = next((full.casefold() for abbr, full in rules.glossary.organisations.items()
                            if abbr.casefold() == unit), unit)
        titled = [p for p in people if p.title and p.title.casefold().startswith(head.casefold() + " ")
                  and (unit in _words(p.title) or written_out in " ".join(filter(None, (p.title, p.organisation))).casefold())]
    else:
        titled = [p for p in people if p.title and word.casefold() in _words(p.title)]
    if len(titled) == 1:
        return titled[0]
    after = set()
    for found in re.finditer(rf"(?<![\w-]){re.escape(word)}(?=[ \t])", text):
        run = HOLDER_RUN.match(text, found.end())
        after |= {id(p) for p in people if " " in p.name
                  and any(found.end() < start <= run.end() for start, _ in p.mentions + [p.span])}
    named = [p for p in people if id(p) in after]
    return named[0] if len(named) == 1 else None


def shown_as_short_forms(text: str, rules: Rules) -> set[str]:
    """The words the note defines in brackets, counts, or writes before a unit's abbreviation
    (see the module's docstring)."""
    shown = {m.group(1) for m in DEFINED.finditer(text)} | {m.group(1) for m in COUNTED.finditer(text)}
    shown.update(m.group(1) for m in BEFORE_UNIT.finditer(text) if m.group(2) in rules.org_abbr)
    return shown


def drop_post_short_forms(text: str, people: list[Person], quotes: list[Quote], rules: Rules) -> None:
    """Take out of `people` every one whose whole name is a title written out ("Imum Mukim",
    "Pemangku Adat": a post, whatever honorific stands before it) or an honorific with no name
    after it ("dipuput Ida Pedanda dari Griya Sibang"), and every one-word person,
    with no rank, degree or honorific but a word of address ("Pak Kabalai"), whose word is the
    short form of a post or a unit and no word of a longer name; their quotes go to the holder of that post when the note names one,
    else to nobody."""
    honorifics = set(rules.glossary.honorifics) | set(rules.glossary.data["regional_honorifics"])
    titles = [p for p in people if (" " in p.name and p.name in rules.title_full) or p.name in honorifics]
    address = set(rules.glossary.data["address_forms"])
    alone = [p for p in people if " " not in p.name and WORD.fullmatch(p.name) and set(p.honorifics) <= address
             and not p.ranks and not p.degrees]
    if not alone and not titles:
        return
    in_names = {word for p in people if " " in p.name for word in p.name.split()}
    shown = shown_as_short_forms(text, rules) if alone else set()
    dropped = titles + [p for p in alone if p.name not in in_names
                        and (p.name in shown or _glued_title_and_unit(p.name, rules))]
    holders = {}
    for person in dropped:
        people.remove(person)
    for person in dropped:
        holder = _holder(person.name, text, people, rules) if " " not in person.name else _titled(person.name, people)
        holders[person.name] = holder.name if holder else None
    for quote in quotes:
        if quote.speaker in holders:
            quote.speaker = holders[quote.speaker]


def _titled(title: str, people: list[Person]) -> Person | None:
    """The one person whose title holds `title` written out."""
    held = [p for p in people if p.title and f" {title.casefold()} " in f" {p.title.casefold()} "]
    return held[0] if len(held) == 1 else None
