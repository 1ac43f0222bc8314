"""The one builder of PostgreSQL search queries: a parsed query (:mod:`query_language`) as a
``tsquery`` plus SQL conditions on ``search_documents``, always behind the visibility filter.

Owns :class:`Where` and :func:`visible`, the only places the ``public`` and ``readers``
columns are read: a public search (``public=True``) can only ever see rows whose
``public`` column is true, whatever the caller asks, and a staff reader limited to
``units`` only rows every staff member reads or those units' rows. Imports the sibling
``analysis``, ``document``, ``pg_rows``, ``query_language`` and ``snippets`` modules.

The words mean what they mean on whoosh (:mod:`press.search.query`): a word matches as
written or, unless it is a name, by its Sastrawi stem (``'w:kunjungan' | 'w:kunjung' |
's:kunjung'``); a phrase is its words at neighbouring positions (``<->``), stop words
dropped on both sides as in the index; a prefix is ``:*``; filters are their field's
lexemes; date ranges and exclusions of dates are SQL conditions on ``date``.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from whoosh import query as wq

from .analysis import NAME_WORDS, stem
from .document import READ_BY_ALL, unit_token
from .pg_rows import lexeme, month_of, quoted
from .query_language import MAX_CLAUSES, Parsed
from .snippets import Terms


@dataclass
class Where:
    """A boolean SQL condition on ``search_documents`` and its bound parameters.

    ``loose``, when the condition holds a phrase, is the same condition with each phrase
    relaxed to all its words and each excluded phrase left out: every row it matches may
    match, and the GIN index answers it without reading a row's ``tsvector``, which
    checking ``<->`` does (see :meth:`press.search.pg_search.PgSearch._newest`)."""

    sql: str
    params: dict = field(default_factory=dict)
    loose: "Where | None" = None
    # The parameter holding the condition's ``tsquery`` (the GIN index's part), if any.
    tsquery: str | None = None

    def also(self, sql: str, **params) -> "Where":
        loose = self.loose.also(sql, **params) if self.loose else None
        return Where(f"{self.sql} AND {sql}", {**self.params, **params}, loose, self.tsquery)

    def within(self, tsquery: str) -> "Where":
        """The same rows less those not matching ``tsquery`` too, asked in the same ``tsquery``
        so that the GIN index answers both at once (a second ``tsv @@`` could be tested by
        reading each row's out-of-line ``tsvector``)."""
        loose = self.loose.within(tsquery) if self.loose else None
        if self.tsquery is None:
            return Where(f"{self.sql} AND tsv @@ CAST(:within AS tsquery)", {**self.params, "within": tsquery},
                         loose, "within")
        return Where(self.sql, {**self.params, self.tsquery: f"({self.params[self.tsquery]}) & {tsquery}"},
                     loose, self.tsquery)

    @property
    def candidates(self) -> "Where":
        """What the GIN index answers exactly: ``loose`` when there is a phrase, else this."""
        return self.loose or self


def visible(public: bool, units: Collection[int] | None = None) -> Where:
    """What a search may see: public rows only for the public; for a staff reader of
    ``units``, what all staff read and those units' rows; everything for ``units=None``."""
    parts, params = ["TRUE"], {}
    if public:
        parts.append("public")
    if units is not None:
        parts.append("readers = ANY(CAST(:readers AS text[]))")
        params["readers"] = [READ_BY_ALL, *(unit_token(u) for u in sorted(units))]
    return Where(" AND ".join(parts), params)


def _any(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def word_tsquery(word: str, stemmed: bool) -> str:
    """One word as written, and by its stem when ``stemmed`` (whoosh's ``_word_query``)."""
    parts = [quoted(lexeme("text", word))]
    if stemmed:
        root = stem(word)
        if root != word:
            parts.append(quoted(lexeme("text", root)))
        parts.append(quoted(lexeme("stem", root)))
    return _any(parts)


def phrase_tsquery(field_name: str, toks: list[str], loose: bool = False) -> str:
    """The words at neighbouring positions; with ``loose``, anywhere in the document."""
    return "(" + (" & " if loose else " <-> ").join(quoted(lexeme(field_name, t)) for t in toks) + ")"


def node_tsquery(node, loose: bool = False) -> str:
    """A text node of the parser's query objects (filters, exclusions) as ``tsquery`` text;
    with ``loose``, its phrases relaxed (:func:`phrase_tsquery`)."""
    if isinstance(node, wq.Term):
        if node.fieldname == "pairs":
            return phrase_tsquery("text", node.text.split("+", 1), loose)
        return quoted(lexeme(node.fieldname, node.text))
    if isinstance(node, wq.Phrase):
        return phrase_tsquery(node.fieldname, list(node.words), loose)
    if isinstance(node, wq.Prefix):
        return quoted(lexeme(node.fieldname, node.text)) + ":*"
    if isinstance(node, (wq.And, wq.Or)):
        joiner = " & " if isinstance(node, wq.And) else " | "
        return "(" + joiner.join(node_tsquery(sub, loose) for sub in node.subqueries) + ")"
    raise ValueError(f"no tsquery for {node!r}")


class _Params:
    def __init__(self, prefix: str = "q"):
        self.prefix = prefix
        self.values: dict = {}

    def add(self, value) -> str:
        name = f"{self.prefix}{len(self.values)}"
        self.values[name] = value
        return f":{name}"


# A date range spanning more months than this is left to the date index alone.
MONTHS_IN_QUERY = 24


def months_tsquery(node: wq.DateRange) -> str | None:
    """The month lexemes of every month a bounded range touches: a condition the GIN index
    answers together with the words (the rows in the range hold one of them; the SQL on
    ``date`` stays the exact test)."""
    if node.startdate is None or node.enddate is None or node.enddate < node.startdate:
        return None
    year, month = node.startdate.year, node.startdate.month
    months = []
    while (year, month) <= (node.enddate.year, node.enddate.month):
        if len(months) == MONTHS_IN_QUERY:
            return None
        months.append(quoted(lexeme("month", month_of(datetime(year, month, 1)))))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return _any(months)


def months_back(newest: datetime, oldest: datetime, parsed: Parsed | None = None) -> list[str]:
    """The month tokens from ``newest``'s back to ``oldest``'s (``2021-09``, ``2021-08``, …),
    only those every date range ``parsed`` asks for touches."""
    for node in parsed.filters if parsed is not None else ():
        if isinstance(node, wq.DateRange):
            newest = min(newest, node.enddate or newest)
            oldest = max(oldest, node.startdate or oldest)
    year, month, months = newest.year, newest.month, []
    while (year, month) >= (oldest.year, oldest.month):
        months.append(month_of(datetime(year, month, 1)))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months


def _date_sql(node: wq.DateRange, params: _Params, indexed: bool = True) -> str:
    """The exact test of a date range; with ``indexed`` false, in a form the date index
    cannot answer (``date + interval '0'``): when the range's month lexemes already say it,
    the planner would otherwise AND the GIN bitmap with one of every row in the range
    (41,000 entries read for three months at 1,000,000 documents) to drop none."""
    column = "date" if indexed else "(date + interval '0')"
    parts = ["date IS NOT NULL"]
    if node.startdate is not None:
        parts.append(f"{column} >= {params.add(node.startdate)}")
    if node.enddate is not None:
        parts.append(f"{column} <= {params.add(node.enddate)}")
    return "(" + " AND ".join(parts) + ")"


def whole_months(node: wq.DateRange) -> bool:
    """Does the range start on a month's first moment and end on a month's last (``2021-09``,
    ``2021``, ``2020-01-01..2020-03-31``), so that its month lexemes match exactly its rows?"""
    start, end = node.startdate, node.enddate
    if start is None or end is None:
        return False
    after = end + timedelta(microseconds=1)
    return all((moment.day, moment.time()) == (1, datetime.min.time()) for moment in (start, after))


def text_clauses(parsed: Parsed, names: Collection[str], stemming: bool, loose: bool = False) -> list[str]:
    """The words, phrases and prefixes, each as ``tsquery`` text (whoosh's clauses, capped alike)."""
    clauses = [word_tsquery(w, stemming and w not in names) for w in dict.fromkeys(parsed.words)]
    for toks in parsed.phrases:
        clauses.append(quoted(lexeme("text", toks[0])) if len(toks) == 1 else phrase_tsquery("text", toks, loose))
    clauses += [quoted(lexeme("text", p)) + ":*" for p in parsed.prefixes]
    return clauses[:MAX_CLAUSES]


def build_where(parsed: Parsed, *, public: bool, units: Collection[int] | None, names: Collection[str],
                stemming: bool = True, months: bool = False, in_title: bool = False) -> Where | None:
    """The rows matching ``parsed`` that this reader may see; None when it asks for nothing.
    Its ``loose`` twin when ``parsed`` holds a phrase (:class:`Where`). ``months``: every
    row carries its month lexeme (``LAYOUT``), so a date range asks the GIN index too.
    ``in_title``: only those holding every queried word in the title (:func:`title_tsquery`),
    in the same ``tsquery``, so that a row's ``tsvector`` is read once to test both."""
    where = _where(parsed, public, units, names, stemming, months, in_title, loose=False)
    if where is not None and any("<->" in value for value in where.params.values() if isinstance(value, str)):
        where.loose = _where(parsed, public, units, names, stemming, months, in_title, loose=True)
    return where


def _where(parsed: Parsed, public: bool, units: Collection[int] | None, names: Collection[str], stemming: bool,
           months: bool, in_title: bool, loose: bool) -> Where | None:
    clauses = text_clauses(parsed, names, stemming, loose)
    title = title_tsquery(parsed) if in_title else None
    if title:
        clauses.append(title)
    filters = parsed.filters[:MAX_CLAUSES]
    if not clauses and not filters:
        return None
    params = _Params("l" if loose else "q")
    text = list(clauses)
    sql: list[str] = []
    for node in filters:
        if isinstance(node, wq.DateRange):
            in_months = months_tsquery(node) if months else None
            sql.append(_date_sql(node, params, indexed=not (in_months and whole_months(node))))
            if in_months:
                text.append(in_months)
        else:
            text.append(node_tsquery(node, loose))
    for node in parsed.excluded[:MAX_CLAUSES]:
        if isinstance(node, tuple):
            text.append("!" + word_tsquery(node[1], stemming and node[1] not in names))
        elif isinstance(node, wq.DateRange):
            sql.append(f"NOT {_date_sql(node, params)}")
        else:
            negated = "!" + node_tsquery(node)
            if not (loose and "<->" in negated):
                text.append(negated)
    name = None
    if text:
        name = params.add(" & ".join(text))
        sql.insert(0, f"tsv @@ CAST({name} AS tsquery)")
    where = visible(public, units).also(" AND ".join(sql), **params.values)
    where.tsquery = name[1:] if name else None
    return where


def rank_tsquery(parsed: Parsed, names: Collection[str], stemming: bool) -> str | None:
    """What scores a row: every queried word in the title (weight A) or anywhere, and its stem."""
    parts: list[str] = []
    for word in dict.fromkeys([*parsed.words, *(t for toks in parsed.phrases for t in toks)]):
        parts += [quoted(lexeme("title", word)), word_tsquery(word, stemming and word not in names)]
    for prefix in parsed.prefixes:
        parts += [quoted(lexeme("title", prefix)) + ":*", quoted(lexeme("text", prefix)) + ":*"]
    return " | ".join(parts) or None


def title_words(parsed: Parsed) -> list[str]:
    """The queried words a title must hold all of to come first in a broad query's order."""
    return list(dict.fromkeys([*parsed.words, *(t for toks in parsed.phrases for t in toks)]))


def title_tsquery(parsed: Parsed) -> str | None:
    """Every queried word in the title (its ``t:`` lexemes): :func:`title_words` in SQL."""
    return " & ".join(quoted(lexeme("title", w)) for w in title_words(parsed)) or None


def probes(parsed: Parsed) -> tuple[list[str], list[str], list[str]]:
    """For each queried word that may be a name: ``(word, name probe, vocabulary probe)``:
    the ``tsquery`` finding it among people and places, and the one finding it or its stem."""
    words = [w for w in dict.fromkeys(parsed.words) if w not in NAME_WORDS]
    names = [_any([quoted(lexeme("people", w)), quoted(lexeme("places", w))]) for w in words]
    known = [_any([quoted(lexeme("text", w)), quoted(lexeme("stem", stem(w)))]) for w in words]
    return words, names, known


def highlight_terms(parsed: Parsed, names: Collection[str], stemming: bool) -> Terms:
    exact = set(parsed.words) | {t for toks in parsed.phrases for t in toks}
    stems = {stem(w) for w in parsed.words if stemming and w not in names}
    return Terms(frozenset(exact), frozenset(stems), tuple(parsed.prefixes))
