"""The query language: what the user typed, understood (:class:`Parsed`, :func:`parse`).

Words, "phrases", ``-exclusions``, ``prefix*``, field filters with Indonesian and English
names, date ranges. The text is parsed here, never by whoosh's QueryParser, and nothing
the user types can raise: what cannot be understood is searched as plain words and
reported in ``notices``. Running the parsed query is :mod:`press.search.query`.

Filters: ``orang:``/``person:``, ``tempat:``/``place:``, ``organisasi:``/``org:``,
``unit:``/``opd:``, ``jenis:``/``kind:`` (document kind — kegiatan/activity,
siaran/release, foto/photo, catatan/note — or else the activity kind, e.g.
``jenis:peresmian``), ``tag:``, ``judul:``/``title:``, ``tanggal:``/``date:``/
``tahun:``/``year:``. Dates: ``2021``, ``2021-09``, ``2021-09-30`` or ``A..B`` of those
after a date filter; ``2021-09``, ``2021-09-30`` and ``A..B`` also alone.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import datetime, time

from whoosh import query as wq

from .analysis import iter_tokens, terms
from .schema import pair_term

MAX_QUERY_CHARS = 500
MAX_CLAUSES = 24

FIELD_ALIASES = {
    "orang": "people", "person": "people", "people": "people", "tokoh": "people",
    "tempat": "places", "place": "places", "lokasi": "places", "location": "places",
    "organisasi": "organisations", "org": "organisations", "organisation": "organisations",
    "organization": "organisations", "instansi": "organisations",
    "unit": "unit", "opd": "unit",
    "jenis": "kind", "kind": "kind", "tipe": "kind", "type": "kind",
    "tag": "tags", "label": "tags",
    "judul": "title", "title": "title",
    "tanggal": "date", "date": "date", "tahun": "date", "year": "date",
}
KIND_ALIASES = {
    "kegiatan": "activity", "activity": "activity", "aktivitas": "activity",
    "siaran": "release", "rilis": "release", "release": "release", "berita": "release",
    "foto": "photo", "photo": "photo", "gambar": "photo",
    "catatan": "note", "note": "note", "notes": "note",
}
WORD_FIELDS = ("title", "text")
PERSON_PLACE_FIELDS = ("people", "places")
OPERATORS = {"AND", "OR", "NOT", "&&", "||", "!", "(", ")", "[", "]", "{", "}", "^", "~", "+", "TO"}

_PART = re.compile(r'(?P<neg>-)?(?:(?P<field>[^\W\d_]\w*):)?(?:"(?P<phrase>[^"]*)"|(?P<word>[^\s"]+))?')
_DAY = r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?"
_DATE_RANGE = re.compile(rf"^({_DAY})(?:\.\.({_DAY})?)?$|^\.\.({_DAY})$")
_BARE_DATE = re.compile(rf"^\d{{4}}-\d{{1,2}}(?:-\d{{1,2}})?$|^{_DAY}\.\.(?:{_DAY})?$|^\.\.{_DAY}$")


@dataclass
class Parsed:
    """A user's query, understood."""

    words: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)
    excluded: list[wq.Query] = field(default_factory=list)
    filters: list[wq.Query] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    word_spans: list[tuple[str, str]] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return bool(self.words or self.phrases or self.prefixes)

    def notice(self, code: str) -> None:
        if code not in self.notices:
            self.notices.append(code)


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _day_bounds(text: str) -> tuple[datetime, datetime]:
    parts = [int(p) for p in text.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return datetime(year, 1, 1), datetime(year, 12, 31, 23, 59, 59, 999999)
    month = parts[1]
    if len(parts) == 2:
        return datetime(year, month, 1), datetime(year, month, _month_end(year, month), 23, 59, 59, 999999)
    start = datetime(year, month, parts[2])
    return start, datetime.combine(start.date(), time.max)


def parse_date_range(text: str) -> tuple[datetime | None, datetime | None] | None:
    """``2021``, ``2021-09``, ``2021-09-30``, ``A..B``, ``A..``, ``..B`` to bounds; None if not a date."""
    m = _DATE_RANGE.match(text)
    if not m:
        return None
    try:
        if m.group(3):
            return None, _day_bounds(m.group(3))[1]
        start = _day_bounds(m.group(1))[0]
        if ".." not in text:
            return start, _day_bounds(m.group(1))[1]
        return start, _day_bounds(m.group(2))[1] if m.group(2) else None
    except ValueError:
        return None


def _tokens_filter(fieldname: str, value: str) -> wq.Query | None:
    toks = [t for t, _, _ in iter_tokens(value)]
    if not toks:
        return None
    if len(toks) == 1:
        return wq.Term(fieldname, toks[0])
    return wq.Phrase(fieldname, toks)


def _filter(parsed: Parsed, fieldname: str, value: str) -> wq.Query | None:
    if fieldname == "date":
        bounds = parse_date_range(value)
        if bounds is None:
            parsed.notice("bad_date")
            return None
        return wq.DateRange("date", bounds[0], bounds[1])
    if fieldname == "kind":
        kind = KIND_ALIASES.get(value.lower())
        if kind:
            return wq.Term("kind", kind)
        return _tokens_filter("activity_kind", value)
    if fieldname == "title":
        toks = terms(value)
        return None if not toks else wq.And([wq.Term("title", t) for t in toks])
    return _tokens_filter(fieldname, value)


def _add_words(parsed: Parsed, raw: str, negate: bool) -> None:
    core = raw.strip("*") if raw.endswith("*") else raw
    if raw.endswith("*") and core and not core.endswith("*"):
        toks = [t for t, _, _ in iter_tokens(core)]
        if len(toks) == 1 and len(toks[0]) >= 2:
            if negate:
                parsed.excluded.append(wq.Prefix("text", toks[0]))
            else:
                parsed.prefixes.append(toks[0])
            return
        if toks:
            parsed.notice("prefix_too_short")
            return
    if raw in OPERATORS:
        parsed.notice("operators_ignored")
        return
    for tok in terms(raw):
        if negate:
            parsed.excluded.append(("word", tok))
        else:
            parsed.words.append(tok)
            parsed.word_spans.append((raw, tok))


def filter_term(word: str, value: str) -> str:
    """``word:value`` as :func:`parse` reads it back: the value in quotes when it holds a space
    or a colon (quotes inside it dropped); with an empty ``word``, the value alone."""
    value = value.replace('"', " ").strip()
    if re.search(r"\s|:", value):
        value = f'"{value}"'
    return f"{word}:{value}" if word else value


def parse(text: str) -> Parsed:
    """Understand the user's query; never raises."""
    parsed = Parsed()
    text = (text or "").replace("“", '"').replace("”", '"').replace("„", '"')
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        parsed.notice("too_long")
    if text.count('"') % 2:
        idx = text.rfind('"')
        text = text[:idx] + " " + text[idx + 1:]
        parsed.notice("unbalanced_quote")
    if any(ch in text for ch in "()[]{}") or re.search(r"\b(AND|OR|NOT)\b|&&|\|\|", text):
        parsed.notice("operators_ignored")
    pos = 0
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        m = _PART.match(text, pos)
        if not m or m.end() == pos:
            pos += 1
            continue
        pos = m.end()
        negate = bool(m.group("neg"))
        fname, phrase, word = m.group("field"), m.group("phrase"), m.group("word")
        if fname is not None:
            target = FIELD_ALIASES.get(fname.lower())
            value = phrase if phrase is not None else word
            if target is None:
                parsed.notice("unknown_filter")
                _add_words(parsed, fname, negate)
                if value:
                    _add_words(parsed, value, negate)
                continue
            if not value or not value.strip():
                parsed.notice("empty_filter")
                continue
            q = _filter(parsed, target, value)
            if q is None:
                if "bad_date" in parsed.notices:
                    _add_words(parsed, value, negate)
                continue
            (parsed.excluded if negate else parsed.filters).append(q)
            continue
        if phrase is not None:
            toks = terms(phrase)
            if len(toks) == 1:
                (parsed.excluded.append(("word", toks[0])) if negate else parsed.phrases.append(toks))
            elif toks:
                (parsed.excluded.append(phrase_query(toks)) if negate else parsed.phrases.append(toks))
            continue
        if word is None:
            continue
        if not negate and _BARE_DATE.match(word):
            bounds = parse_date_range(word)
            if bounds is not None:
                parsed.filters.append(wq.DateRange("date", bounds[0], bounds[1]))
                continue
        _add_words(parsed, word, negate)
    return parsed


def phrase_query(toks: list[str], ranking: bool = False) -> wq.Query:
    """The words in this order: each pair of neighbours (``ranking``: every word anywhere)."""
    if len(toks) == 1:
        return wq.Or([wq.Term(f, toks[0]) for f in WORD_FIELDS])
    if ranking:
        return wq.And([wq.Or([wq.Term(f, t) for f in WORD_FIELDS]) for t in toks])
    return wq.And([wq.Term("pairs", pair_term(a, b)) for a, b in zip(toks, toks[1:])])
