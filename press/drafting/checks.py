"""Editorial checks on a release text: each finding names the span and how to fix it.

``check_release(body, ...)`` runs every check and returns :class:`Finding` objects in
text order (photo findings last). A finding's ``message`` and ``hint`` are Indonesian
msgids with ``params`` (the web layer translates them; the CLI prints them as they are);
``span`` is ``(start, end)`` into ``body`` (``None`` for a photo). The finding type is in
``finding.py``; the checks that read the glossary in ``glossary_checks.py``, those on the
text's shape in ``text_checks.py``.

The checks (``code``):

``weekday``        the weekday written does not match the date (``press.notes.dates``);
``date_far``       a date more than ``far_days`` from the activity's;
``name_two_ways``  a person's name, a title or an organisation written two ways
                   ("Walikota" and "Wali Kota", "Diskominfo" and "Dinas Kominfo",
                   "Sajekti Rubiyah" and "Sajekti Rubiah");
``region_two_ways`` one place named both "Kota X" and "Kabupaten X", or "Kota X" where X
                   is only a kabupaten ("Kota Sleman"; the glossary's complete list of
                   regencies and cities tells);
``quote_no_speaker`` a quotation nobody is credited with (``press.notes`` quote finder);
``short_name_first`` a speaker quoted by a short name ("ujar Lukita") before the full
                   name has appeared;
``mojibake``       text garbled by a wrong encoding ("Â", "â€™"; ``press.notes.cleaning``);
``quotes_unbalanced`` a paragraph with an odd number of quotation marks;
``paragraph_long`` a paragraph over ``paragraph_limit`` words;
``photo_caption``, ``photo_credit`` an attached photo without a caption or a credit;
``placeholder``    a "[…]" the draft left where the activity lacked a fact (in the body or
                   the headline).

Imports the glossary (``press.notes.glossary``), the three modules above and the standard library.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

from press.notes.glossary import Glossary, load_glossary

from .finding import CODES, Finding
from .glossary_checks import check_dates, check_names, check_quotes, check_regions
from .text_checks import (
    check_headline,
    check_mojibake,
    check_paragraphs,
    check_photos,
    check_placeholders,
    check_quote_marks,
)

PARAGRAPH_WORD_LIMIT = 120
FAR_DAYS = 7


def check_release(
    body: str,
    *,
    title: str | None = None,
    activity_date: date | None = None,
    people: list[str] = (),
    photos: list[dict] = (),
    proper_names: list[str] = (),
    paragraph_limit: int = PARAGRAPH_WORD_LIMIT,
    far_days: int = FAR_DAYS,
    glossary: Glossary | None = None,
) -> list[Finding]:
    """Every check on ``body`` and the headline ``title`` (``people``: known full names;
    ``photos``: dicts with ``caption`` and ``credit``; ``proper_names``: names written as
    their owner writes them, such as the venue's): headline findings first, then the
    body's in text order, photo findings last."""
    glossary = glossary or load_glossary()
    body = body or ""
    people = [p for p in people if p]
    found = (
        check_dates(body, activity_date, far_days, glossary)
        + check_names(body, people, glossary, proper_names)
        + check_regions(body, glossary)
        + check_quotes(body, people, glossary)
        + check_mojibake(body)
        + check_quote_marks(body)
        + check_paragraphs(body, paragraph_limit)
        + check_placeholders(body)
    )
    found.sort(key=lambda f: (f.span or (len(body), 0), CODES.index(f.code)))
    return check_headline(title) + found + check_photos(photos)


def summary(findings: list[Finding]) -> Counter:
    return Counter(f.code for f in findings)
