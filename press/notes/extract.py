"""Extraction from a cleaned note: people (title, organisation, honorifics, degrees,
later mentions), organisations, places, dates and quotes with their speakers.

Owns `extract()`, which runs the finders (people, organisations, places, dates, quotes);
the words come from the glossary, no NLP model. Every item carries a
character span `[start, end)` into the text it was given.

Conventions (the tests and the benchmark follow them):
- a person's `title` is the function as written, with its unit ("Kepala Bagian Humas",
  "Kepala Diskominfo"); for regional heads and Forkopimda the place joins the title
  ("Wali Kota Bekasi", "Kapolres Subang"); `organisation` is the institution or region
  that follows ("Sekretariat Daerah Kota Bekasi", "Kota Subang");
- ranks and their corps (["Letkol", "Inf"], ["AKBP"]) are kept in `ranks`, apart from
  the personal `honorifics`; a quote's `form` is "direct" or "indirect", `placement`
  where its speaker stands;
- places are explicit region phrases ("Kota Bekasi"; provinces by their bare name,
  "Jawa Barat"), never the place inside a head's title ("Wali Kota Bekasi"), and venues
  ("Aula …", "Gedung …");
- a quote's `span` covers its quotation marks; a reported quote's span is its clause.
Imports the notes modules and the standard library only.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from press.notes.body_names import trim_body_words
from press.notes.dates import find_dates
from press.notes.glossary import Glossary, load_glossary
from press.notes.items import ActivityContext, Extraction, Organisation, Participant, Person, Place, Quote
from press.notes.organisations import find_organisations
from press.notes.people import PeopleFinder
from press.notes.places import find_places
from press.notes.post_short_forms import drop_post_short_forms
from press.notes.quotes import QuoteFinder
from press.notes.rules import rules_for

__all__ = ["ActivityContext", "Extraction", "Organisation", "Participant", "Person", "Place", "Quote", "extract"]


def extract(text: str, context: ActivityContext | None = None, glossary: Glossary | None = None,
            *, whole: bool = True) -> Extraction:
    """Extract people, organisations, places, dates and quotes from `text`; with `whole`
    False only the people and the quotes (what the drafting checks read: the finders of
    organisations, places and dates cost a fifth of the time and feed neither)."""
    with _collector_paused():
        return _extract(text, context, glossary, whole)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector held while one note is read, then let run again as it was.
    Reading makes many small objects that live until the end (mentions, readings, people),
    and the collector, triggered by their count, walked them and every object of the process
    again and again: a tenth of the time of a long note ("people", 8,000 titled people: 263
    young and 2 full collections in one reading, 0.2 s of 1.7-1.9). The note's own cycles
    are collected once reading ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _extract(text: str, context: ActivityContext | None, glossary: Glossary | None, whole: bool) -> Extraction:
    rules = rules_for(glossary or load_glossary())
    context = context or ActivityContext()
    people = PeopleFinder(text, rules, context)
    people.find_titled()
    people.find_name_first()
    people.find_introduced()
    people.find_listed()
    trim_body_words(text, people.people, people.register, rules)
    organisations = find_organisations(text, rules, people.known_places) if whole else []
    places = find_places(text, rules, people.multiword_places) if whole else []
    dates = find_dates(text, context.date, rules.glossary) if whole else []
    quotes = QuoteFinder(text, rules, people).find()
    lengthened = people.register.settle_slips(text)
    lengthened.update(people.register.lengthen_one_word_names(text, people.designations.names.at))
    for quote in quotes:
        quote.speaker = lengthened.get(quote.speaker, quote.speaker)
    drop_post_short_forms(text, people.people, quotes, rules)
    people.add_short_mentions()
    return Extraction(people.people, organisations, places, dates, quotes)
