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
                   the headline);
``spelling``, ``di_prefix``, ``foreign``, ``time_format``, ``number_format``
                   the language: EYD V and KBBI forms, the prefix di-/ke- against the
                   prepositions, foreign words (``language_checks.py``; inside quotes a
                   foreign word is only a hint; slips no list holds, read by their shape
                   in ``word_checks.py``, ``typos.py`` and ``affix_rules.py``, foreign words
                   in ``foreign_words.py``; compounds, se- and
                   reduplications by their shape in ``compound_checks.py``), "pukul 14.30 WIB",
                   "13.07–14.15" (not "10.00 sampai 12.00") (``time_checks.py``), "Rp1.000.000",
                   "2,5 persen", "ke-3", "ketujuh" (``number_checks.py``; "pukul 06.06 pagi", "Waktu Papua",
                   "10ribu" in ``figure_checks.py``);
``title_register`` a title the people register says the person did not hold on the
                   activity's date, or held only as Plt./Pj./Plh. (``register_checks.py``);
``precedence``     a "Turut hadir" list out of the order of precedence (guests of the
                   centre, the province and other regions placed too; ``precedence.py``);
``headline_shape``, ``dateline``, ``adv_label`` the genre: the headline's shape, the
                   dateline's capitals and dash, the advertorial's closing label
                   (``genre_checks.py``).

Every finding names its ``field`` ("title", "dateline", "body", "signature") and, where
the fix is mechanical, its ``replacement``; ``finding.apply_fixes`` writes them in.
Names (``people``, ``proper_names``, the register's, the people the notes extractor reads in the
body, a name after an honorific or a title and a unit's code after a slash (``person_names.py``),
and the official names of ``data/exceptions.json``) are never corrected.

Imports the glossary (``press.notes.glossary``), the modules above and the standard library.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from press.notes import extract
from press.notes.glossary import Glossary, load_glossary

from .finding import CODES, FIELDS, Finding
from .genre_checks import check_body_dateline, check_dateline, check_label, check_title_shape
from .glossary_checks import check_dates, check_names, check_quotes, check_regions
from .language_checks import check_language, name_spans, quote_spans
from .precedence import check_precedence
from .register_checks import check_titles
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
    dateline: str | None = None,
    signature: str | None = None,
    label: str | None = None,
    register=(),
) -> list[Finding]:
    """Every check on ``body`` and the headline ``title`` (``people``: known full names;
    ``photos``: dicts with ``caption`` and ``credit``; ``proper_names``: names written as
    their owner writes them, such as the venue's; ``dateline`` and ``signature``: the
    release's fields, ``None`` when the dateline is in the body and there is no separate
    signature; ``label``: the advertorial label the release must close with; ``register``:
    the people register's persons, ``press.models.Person`` with their positions): headline findings first, then the dateline's, the
    body's in text order, the signature's, photo findings last."""
    glossary = glossary or load_glossary()
    body = body or ""
    people = [p for p in people if p]
    extracted = _extracted(body, glossary)
    read = sorted({person.name for person in extracted.people if " " in person.name}) if extracted else []
    names = people + [n for n in proper_names if n] + sorted({person.name for person in register}) + read
    protected = name_spans(body, names)
    found = (
        check_dates(body, activity_date, far_days, glossary)
        + check_names(body, people, glossary, proper_names, extracted)
        + check_regions(body, glossary)
        + check_quotes(body, people, glossary, extracted)
        + check_mojibake(body)
        + check_quote_marks(body)
        + check_paragraphs(body, paragraph_limit)
        + check_placeholders(body)
        + check_language(body, protected, quote_spans(body))
        + check_titles(body, register, activity_date, glossary.title_forms)
        + check_precedence(body, dateline)
        + (check_body_dateline(body) if dateline is None else [])
        + check_label(body, signature, label)
    )
    found.sort(key=lambda f: (FIELDS.index(f.field), f.span or (len(body), 0), CODES.index(f.code)))
    headline = check_headline(title) + check_title_shape(title) + [
        replace(f, field="title") for f in check_language(title or "", name_spans(title or "", names), [])]
    return headline + check_dateline(dateline) + found + check_photos(photos)


def _extracted(body: str, glossary: Glossary):
    """The notes extractor's reading of the body (its people and quotes), once for the name and
    quote checks (None when it fails: it is a heuristic, and a failure must not stop the other
    checks)."""
    try:
        return extract(body, glossary=glossary, whole=False)
    except Exception:
        return None


def summary(findings: list[Finding]) -> Counter:
    return Counter(f.code for f in findings)
