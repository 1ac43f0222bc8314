"""Where a person's name stands in a paragraph: the capitalised words after an honorific
("Bapak Darman Syah", "H. Darman Syah") or after a title of office and the words of its unit
("Bupati Darman Syah", "Jubir Bapemperda DPRD Rohil, Darman Syah" is the notes extractor's, passed
in by ``check_release``). The language checks never correct a word there: a name keeps its
owner's spelling, and "Syah" in a name is no loan spelling of sah. The title and unit words before
the name (the glossary's official words, the spelling data's forms such as "Walikota") are not
part of it and stay checked; after a title only the name's second and later words are taken, since
the first may be a place ("Bupati Purwkarta").
"""
from __future__ import annotations

import re
from functools import lru_cache

from .finding import line_at

NEXT_WORD = re.compile(r"[ ]+([A-Z][\w'’-]*\.?)")


@lru_cache(maxsize=1)
def _openers() -> tuple[re.Pattern, frozenset[str], frozenset[str]]:
    """The honorifics and titles a name follows, the titles apart, and the words that are no
    name's: the spelling data's forms whose standard is a word of an office, a unit, a region or
    a rank ("Walikota", "Propinsi", "Mayjend"), the ranks, and the bound forms ("Sub")."""
    from press.notes.glossary import load_glossary
    from press.notes.rules import bounded_alternation

    from .lexicon import office_words, official_words
    from .rule_data import rule_data
    glossary = load_glossary()
    ranks = {word.lower() for form in glossary.rank_forms for word in form.split()}
    official = {word for words in official_words().values() for word in words} | office_words() | ranks
    spelling = rule_data().spelling
    not_names = frozenset(key.lower() for key, entry in spelling.items()
                          if any(word.lower() in official for word in entry.standard.split())) \
        | ranks | frozenset("sub non antar pasca pra".split())
    titles = frozenset(word.capitalize() for word in office_words())
    words = set(glossary.honorifics) | titles
    return re.compile("(" + bounded_alternation(words, before=r"[\w.]") + r")(?= [A-Z])"), titles, not_names


def _title_or_unit(word: str, not_names) -> bool:
    from .lexicon import office_words, official_words
    lower = word.rstrip(".").lower()
    return lower in official_words().get(lower[:1], ()) or lower in office_words() or lower in not_names \
        or word.isupper() and len(word) > 1


def _heading(body: str, start: int) -> bool:
    """A line whose words are mostly capitalised (a headline in title case): no name is read there."""
    words = re.findall(r"[^\W\d_]+", line_at(body, start))
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) * 4 >= len(words) * 3


def person_name_spans(body: str) -> list[tuple[int, int]]:
    """The spans of the name words after an honorific or a title of office."""
    opener, titles, not_names = _openers()
    spans = []
    for match in opener.finditer(body):
        if _heading(body, match.start()):
            continue
        words, position = [], match.end()
        while (word := NEXT_WORD.match(body, position)) is not None and not re.match(r" \d", body[word.end():]):
            words.append(word)
            position = word.end()
            if word.group(1).endswith("."):
                break
        leading = 0
        while leading < len(words) and _title_or_unit(words[leading].group(1), not_names):
            leading += 1
        name = words[leading:]
        stop = next((i for i, word in enumerate(name) if _title_or_unit(word.group(1), not_names)), len(name))
        name = name[1:stop] if match.group(1) in titles else name[:stop]
        spans += [word.span(1) for word in name]
    return spans


#: A unit's code after a figure and a slash ("Kodim 1015/Spt", "Nomor 800/Kep"): a name, not a word.
UNIT_CODE = re.compile(r"(?<=\d/)[A-Z][A-Za-z]*(?:[./-][A-Za-z]+)*")


def unit_code_spans(body: str) -> list[tuple[int, int]]:
    return [match.span() for match in UNIT_CODE.finditer(body)] if "/" in body else []
