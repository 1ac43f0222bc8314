"""Indirect speech opened by an after-quote verb and its speaker at the head of a sentence:
"Kata Darmawan, kerusakan hutan …", "Masih kata Lubis, surat …", "Lanjut Kapolda Riau, polisi
…", "Di Polsek kata Wakapolda Bali, …". Writers use the tag of a quote ("…, kata X.") in
front of the words it reports, with no quote marks; a few words may lead it ("Masih",
"Apalagi", "Kemudian lanjut"). The speaker must be a person found or the holder of a title
the note names, so a headline such as "Unsoed Tambah Empat Profesor, …" makes no quote.
For the quotes finder; standard library and the people finder only."""

from __future__ import annotations

import re
from typing import Callable

from press.notes.items import Quote
from press.notes.people import PeopleFinder

VERBS = r"[Kk]ata|[Ll]anjut|[Ss]ebut|[Tt]ambah|[Ii]mbuh|[Jj]elas|[Uu]jar|[Tt]utur|[Uu]ngkap|[Tt]erang"
# Up to three leading words, the verb, then the speaker's words up to a comma; not when a
# quote mark opens what follows (a direct quote: the quotes finder reads it).
FRONTED_TAG = re.compile(rf"(?:(?<=[.!?\n][ \t])|(?<=[.!?\n])|(?<!.))(?:[A-Za-z]+[ \t]+){{0,3}}?(?P<verb>{VERBS})[ \t]+"
                         r"(?P<who>[A-Z][^,.\n\"“”]{0,60}?)[ \t]*,(?![ \t]*[\"“”'])[ \t]*")


def fronted_tag_quotes(text: str, people: PeopleFinder, quoted: Callable[[int], bool],
                       clause_end: Callable[[int], int]) -> list[Quote]:
    """The indirect quotes that a tag at a sentence's head opens (see the module's
    docstring); `quoted` tells whether a position is inside quote marks, `clause_end`
    where the clause from a position ends."""
    quotes = []
    for m in FRONTED_TAG.finditer(text):
        if quoted(m.start()):
            continue
        speaker = people.resolve_speaker(m.start("who"), m.end("who")) if _names_someone(people, m) else None
        end = clause_end(m.end())
        body = text[m.end():end].strip(" ,")
        if speaker and len(body.split()) >= 4:
            quotes.append(Quote(speaker.name, m["verb"].lower(), body, (m.end(), end), "indirect", "fronted"))
    return quotes


def _names_someone(people: PeopleFinder, tag: re.Match) -> bool:
    """Whether the tag's speaker words name a person found or a title (the people finder
    would otherwise take any capitalised words for a new person)."""
    start, end = tag.span("who")
    phrase = tag["who"].strip()
    return bool(people.register.first_in(start, end, named=True) or people.register.first_in(start, end, named=False)
                or people.rules.title.match(phrase) or people.find_by_name(phrase)
                or people.find_by_name(phrase.split()[0]))
