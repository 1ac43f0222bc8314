"""Running the user's query: the parsed query (:mod:`press.search.query_language`) turned
into whoosh queries, the matching documents, their ranking, snippets, facets and "did you
mean", as :class:`SearchResult`; :func:`search` is the entry. Imports whoosh and the
sibling modules; no Flask.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Collection
from itertools import islice
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from whoosh import query as wq
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.times import datetime_to_long

from .analysis import NAME_WORDS, iter_tokens, stem
from .document import READ_BY_ALL, unit_token
from .facets import column_values, count_facets, newest_first
from .schema import UNDATED
from .snippets import Terms, highlight, snippet

from .query_language import MAX_CLAUSES, PERSON_PLACE_FIELDS, WORD_FIELDS, Parsed, parse, phrase_query

log = logging.getLogger(__name__)

MAX_PER_PAGE = 100
BM25_LIMIT = 2_000
MAX_PREFIX_TERMS = 2_000

NOTICE_MESSAGES = {
    "unbalanced_quote": "Tanda kutip tidak berpasangan; dicari sebagai kata biasa.",
    "operators_ignored": "AND, OR, NOT dan tanda kurung tidak dipakai; semua kata dicari.",
    "empty_filter": "Filter tanpa nilai diabaikan.",
    "unknown_filter": "Filter tidak dikenal; dicari sebagai kata biasa.",
    "bad_date": "Tanggal tidak dipahami; dicari sebagai kata biasa.",
    "prefix_too_short": "Awalan kata terlalu pendek (minimal 2 huruf) dan diabaikan.",
    "too_long": "Pencarian terlalu panjang dan dipotong.",
    "nothing_to_search": "Tidak ada kata yang bisa dicari.",
    "index_error": "Pencarian gagal; coba kata lain.",
}


@dataclass
class Hit:
    kind: str
    id: Any
    doc_key: str
    title: str
    title_html: str
    snippet: str
    score: float
    date: datetime | None
    url: str
    thumbnail_key: str
    payload: Any


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    page: int
    per_page: int
    facets: dict[str, list[tuple[str, int]]]
    did_you_mean: str | None = None
    notices: list[str] = field(default_factory=list)
    # Facet counts scaled up from a fixed sample of the matches (PostgreSQL, broad queries).
    facets_estimated: bool = False
    # The total scaled up from the same sample, rounded (PostgreSQL, past COUNT_EXACT_LIMIT matches).
    total_estimated: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def notice(self) -> str | None:
        """The notices as one Indonesian sentence for the page, or None."""
        return " ".join(NOTICE_MESSAGES[c] for c in self.notices) or None


def _is_name(reader, word: str) -> bool:
    if word in NAME_WORDS:
        return True
    return any(reader.doc_frequency(f, word) for f in PERSON_PLACE_FIELDS)


def _word_query(reader, word: str, stemming: bool = True) -> wq.Query:
    clauses = [wq.Term(f, word) for f in WORD_FIELDS]
    if stemming and not _is_name(reader, word):
        root = stem(word)
        if root != word:
            clauses.append(wq.Term("text", root, boost=0.8))
        clauses.append(wq.Term("stem", root, boost=0.8))
    return wq.Or(clauses)


def build_query(reader, parsed: Parsed, stemming: bool = True, ranking: bool = False) -> wq.Query | None:
    """The whoosh query for ``parsed`` against ``reader``'s vocabulary; None if it has nothing.

    ``ranking=True`` gives the query that scores (phrases as their words: the ``pairs``
    field that matches them carries no weights)."""
    clauses: list[wq.Query] = []
    for word in dict.fromkeys(parsed.words):
        clauses.append(_word_query(reader, word, stemming))
    for toks in parsed.phrases:
        clauses.append(phrase_query(toks, ranking))
    for prefix in parsed.prefixes:
        clauses.append(wq.Prefix("text", prefix))
    clauses = clauses[:MAX_CLAUSES]
    filters = parsed.filters[:MAX_CLAUSES]
    if not clauses and not filters:
        return None
    q = wq.And(clauses + filters) if clauses else wq.And([wq.Every()] + filters)
    if parsed.excluded:
        excluded = [_word_query(reader, x[1], stemming) if isinstance(x, tuple) else x for x in parsed.excluded[:MAX_CLAUSES]]
        q = wq.AndNot(q, wq.Or(excluded))
    return q


def _within(reader, docnums: set[int], date_range: wq.DateRange) -> set[int]:
    dates = column_values(reader, "date", lambda raw: raw or 0)
    low = datetime_to_long(date_range.startdate) if date_range.startdate else float("-inf")
    high = datetime_to_long(date_range.enddate) if date_range.enddate else float("inf")
    undated = datetime_to_long(UNDATED)
    return {n for n in docnums if low <= dates[n] <= high and dates[n] != undated}


def _block_ids(matcher) -> list[int]:
    if not hasattr(matcher, "_read_ids"):
        return list(matcher.all_ids())
    ids: list[int] = []
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        ids.extend(matcher._ids[matcher._i:])
        matcher._next_block()
    return ids


def _term_docs(reader, fieldname: str, text: str) -> set[int]:
    """Live documents holding a term, read a posting block at a time (not id by id)."""
    docs: set[int] = set()
    for leaf, offset in reader.leaf_readers():
        if (fieldname, text) not in leaf:
            continue
        matcher = leaf.postings(fieldname, text)
        deleted = leaf.deleted_docs_set if isinstance(matcher, FilterMatcher) else ()
        if deleted:
            matcher = matcher.child
        ids = _block_ids(matcher)
        if deleted:
            ids = [n for n in ids if n not in deleted]
        docs.update(ids if not offset else [n + offset for n in ids])
    return docs


def docs_for(searcher, q: wq.Query, memo: dict | None = None) -> set[int]:
    """The live document numbers matching ``q``, with terms read as whole posting lists and
    combined as sets (much faster than walking whoosh's matchers for And/Or of terms).
    ``memo`` shares sub-results between calls for one search."""
    if memo is None:
        memo = {}
    key = repr(q)
    if key not in memo:
        memo[key] = _docs_for(searcher, q, memo)
    return memo[key]


def _docs_for(searcher, q: wq.Query, memo: dict) -> set[int]:
    reader = searcher.reader()
    if isinstance(q, wq.Term):
        return _term_docs(reader, q.fieldname, q.text)
    if isinstance(q, wq.Or):
        return set().union(*(docs_for(searcher, sub, memo) for sub in q.subqueries))
    if isinstance(q, wq.And):
        dates = [sub for sub in q.subqueries if isinstance(sub, wq.DateRange)]
        subs = [sub for sub in q.subqueries if not isinstance(sub, (wq.Every, wq.DateRange))]
        if not subs:
            subs = [wq.Every()]
        sets = sorted((docs_for(searcher, sub, memo) for sub in subs), key=len)
        result = sets[0].intersection(*sets[1:])
        for date_range in dates:
            result = _within(reader, result, date_range)
        return result
    if isinstance(q, wq.DateRange):
        return _within(reader, set(reader.all_doc_ids()), q)
    if isinstance(q, wq.AndNot):
        return docs_for(searcher, q.a, memo) - docs_for(searcher, q.b, memo)
    if isinstance(q, wq.Every):
        return set(reader.all_doc_ids())
    if isinstance(q, wq.Prefix):
        words = islice(reader.expand_prefix(q.fieldname, q.text), MAX_PREFIX_TERMS)
        return set().union(*(_term_docs(reader, q.fieldname, w) for w in words))
    return set(searcher.docs_for_query(q))


def _rank(searcher, parsed: Parsed, stemming: bool, docset: set[int], limit: int, memo: dict) -> list[tuple[int, float]]:
    """The best ``limit`` of ``docset`` as ``(docnum, score)``.

    BM25 (whoosh) when the query's words match at most ``BM25_LIMIT`` documents; whoosh
    scores in pure Python, a few microseconds per matching document, so beyond that
    the order is: every word in the title first, then newest first.
    """
    reader = searcher.reader()
    words = build_query(
        reader, Parsed(words=parsed.words, phrases=parsed.phrases, prefixes=parsed.prefixes), stemming, ranking=True
    )
    if len(docs_for(searcher, words, memo)) <= BM25_LIMIT:
        results = searcher.search(words, limit=limit, filter=docset)
        return [(hit.docnum, hit.score) for hit in results]
    in_title = set(docset)
    for word in [*parsed.words, *(t for toks in parsed.phrases for t in toks)]:
        in_title &= docs_for(searcher, wq.Term("title", word), memo)
    first = newest_first(reader, in_title, limit)
    rest = newest_first(reader, docset - in_title, limit - len(first)) if len(first) < limit else []
    return [(n, 2.0) for n in first] + [(n, 1.0) for n in rest]


def _highlight_terms(reader, parsed: Parsed, stemming: bool) -> Terms:
    exact = set(parsed.words) | {t for toks in parsed.phrases for t in toks}
    stems = {stem(w) for w in parsed.words if stemming and not _is_name(reader, w)}
    return Terms(frozenset(exact), frozenset(stems), tuple(parsed.prefixes))


def _did_you_mean(searcher, parsed: Parsed, query_text: str) -> str | None:
    reader = searcher.reader()
    corrected = query_text
    changed = False
    for raw, word in parsed.word_spans:
        if word.isdigit() or len(word) < 3 or any(reader.doc_frequency(f, word) for f in WORD_FIELDS):
            continue
        if _is_name(reader, word) or reader.doc_frequency("stem", stem(word)):
            continue
        suggestions = searcher.corrector("text").suggest(word, limit=1, maxdist=2, prefix=1)
        if suggestions:
            corrected = re.sub(rf"(?<![\w-]){re.escape(raw)}(?!\w)", suggestions[0], corrected, count=1)
            changed = True
    return corrected if changed else None


def _names_of(stored: dict) -> set[str]:
    return {t for f in PERSON_PLACE_FIELDS for t, _, _ in iter_tokens(stored.get(f) or "")}


def paging(page, per_page) -> tuple[int, int]:
    """The page (1 … 10,000) and page size (1 … ``MAX_PER_PAGE``) asked for, whatever was passed."""
    try:
        page = max(1, min(int(page), 10_000))
    except (TypeError, ValueError):
        page = 1
    try:
        per_page = max(1, min(int(per_page), MAX_PER_PAGE))
    except (TypeError, ValueError):
        per_page = 20
    return page, per_page


def search(
    searcher, query_text: str, *, page=1, per_page=20, order="relevance", facets=True, stemming=True,
    units: Collection[int] | None = None,
) -> SearchResult:
    """Run the user's query on ``searcher``; see the module docstring for the language.

    ``stemming=False`` matches words only as written (the benchmark's yardstick).
    ``units``: only documents every staff member reads and those of these units (``None``:
    every document); such a search offers no "did you mean", whose words could come from
    documents it may not show.
    """
    page, per_page = paging(page, per_page)
    query_text = query_text if isinstance(query_text, str) else ""
    parsed = parse(query_text)
    try:
        return _run(searcher, parsed, query_text, page, per_page, order, facets, stemming, units)
    except Exception:
        log.exception("search failed for %r", query_text[:200])
        parsed.notice("index_error")
        return SearchResult([], 0, page, per_page, {}, None, parsed.notices)


def readable(units: Collection[int]) -> wq.Query:
    """The documents a reader of ``units`` may see (``press.search.document.Document.readers``)."""
    return wq.Or([wq.Term("readers", READ_BY_ALL), *(wq.Term("readers", unit_token(u)) for u in sorted(units))])


def _run(searcher, parsed: Parsed, query_text: str, page, per_page, order, facets, stemming, units=None):
    reader = searcher.reader()
    q = build_query(reader, parsed, stemming)
    if q is None:
        if (query_text or "").strip():
            parsed.notice("nothing_to_search")
            return SearchResult([], 0, page, per_page, {}, None, parsed.notices)
        q = wq.Every()
    if units is not None:
        q = wq.And([q, readable(units)])
    by_date = order == "date" or not parsed.has_text
    memo: dict = {}
    docset = docs_for(searcher, q, memo)
    window = slice((page - 1) * per_page, page * per_page)
    if not docset:
        ranked = []
    elif by_date:
        ranked = [(n, 0.0) for n in newest_first(reader, docset, page * per_page)[window]]
    else:
        ranked = _rank(searcher, parsed, stemming, docset, page * per_page, memo)[window]
    terms_ = _highlight_terms(reader, parsed, stemming)
    hits = []
    for docnum, score in ranked:
        stored = searcher.stored_fields(docnum)
        protected = _names_of(stored)
        hits.append(
            Hit(
                kind=stored["kind"],
                id=stored.get("id"),
                doc_key=stored["doc_key"],
                title=stored.get("title", ""),
                title_html=highlight(stored.get("title", ""), terms_, protected),
                snippet=snippet(stored.get("body", ""), terms_, protected),
                score=float(score or 0.0),
                date=stored.get("date"),
                url=stored.get("url", ""),
                thumbnail_key=stored.get("thumbnail_key", ""),
                payload=stored.get("payload"),
            )
        )
    did_you_mean = _did_you_mean(searcher, parsed, query_text) if parsed.words and units is None else None
    return SearchResult(
        hits=hits,
        total=len(docset),
        page=page,
        per_page=per_page,
        facets=count_facets(reader, docset) if facets else {},
        did_you_mean=did_you_mean,
        notices=parsed.notices,
    )
