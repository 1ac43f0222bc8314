"""One search on PostgreSQL: :class:`PgSearch`, run by :class:`~press.search.pg_index.PgSearchIndex`.

The probes (which queried words are names, which the index knows), the exact total, the
page in relevance order (``ts_rank`` with title words weighted A when the query matches
at most ``BM25_LIMIT`` documents; beyond that every word in the title first, then newest
first, as on whoosh), the hits with the existing snippet code run on the stored text,
facets counted from the matches' facet columns and "did you mean" from ``search_words`` by edit distance
(``fuzzystrmatch``). Up to ``COUNT_EXACT_LIMIT`` matches one pass over their rows gives
the total, the page and the facets. Past it the total and the facets are estimated from
the matches in one hash bucket of the documents (``SAMPLED_BUCKET``, 1 in
``SAMPLE_BUCKETS``), which a partial GIN index of its own finds without reading the whole
posting list of a broad term, and the page is read in date order without sorting every
match (:meth:`PgSearch._newest`: the date index walked, or the GIN index asked for a few
months at a time). Every condition comes from :mod:`press.search.pg_query`,
so each query carries the reader's visibility. Imports SQLAlchemy and the sibling modules.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from itertools import chain

from sqlalchemy import text

from .analysis import NAME_WORDS, name_terms, terms
from .pg_query import (Where, build_where, highlight_terms, months_back, probes, rank_tsquery, title_words,
                       visible)
from .pg_rows import MAX_POSITION, SAMPLE_BUCKETS, SAMPLED_BUCKET, TABLE, lexeme, quoted
from .query import BM25_LIMIT, Hit, SearchResult
from .snippets import highlight, snippet

# Past this many matches the facets are counted on a fixed sample of about FACET_SAMPLE of
# them and scaled up (fetching and counting the facet columns costs about 0.1 ms a row).
FACET_EXACT_LIMIT = 5_000
FACET_SAMPLE = 2_000
# Past this many matches (as the sampled bucket tells) the total is estimated, not counted:
# counting visits every match's row (a broad term at 1,000,000 documents: a second).
COUNT_EXACT_LIMIT = 10_000
SUGGESTIONS = 20
NEWEST = "date DESC NULLS LAST, doc_key"
# Walking the date index reads a row's tsvector (out of line) for each row it passes: 2-20
# times a bitmap's heap row (more when the table outgrows the server's memory).
WALK_FACTOR = 8
# The newest matches are asked of the GIN index month by month when that reads at most a
# quarter of the rows a bitmap of all the candidates would.
MONTHS_SAVING = 4


class PgSearch:
    """One search on one connection: the probes, the total, the page, facets, "did you mean"."""

    def __init__(self, conn, parsed, public: bool, units, stemming: bool, months: bool = False):
        self.conn, self.parsed, self.public, self.units, self.stemming = conn, parsed, public, units, stemming
        self.months = months
        self._table_rows: float | None = None
        self._span: list[str] | None = None
        self.names, self.known = self._probe()

    def _exists(self, queries: list[str]) -> list[bool]:
        """For each ``tsquery``: does a document this search may see match it?"""
        if not queries:
            return []
        where = visible(self.public)
        # A common word is found in the sampled bucket's small index; only a rare one (or
        # none) costs the whole index, whose bitmap is then small.
        return list(self.conn.scalars(text(
            f"SELECT EXISTS (SELECT 1 FROM {TABLE} WHERE {where.sql} AND sample = {SAMPLED_BUCKET} "
            "AND tsv @@ CAST(x.q AS tsquery)) "
            f"OR EXISTS (SELECT 1 FROM {TABLE} WHERE {where.sql} AND tsv @@ CAST(x.q AS tsquery)) "
            "FROM unnest(CAST(:qs AS text[])) WITH ORDINALITY AS x(q, n) ORDER BY x.n"), {**where.params, "qs": queries}))

    def _probe(self) -> tuple[set[str], set[str]]:
        words, name_queries, known_queries = probes(self.parsed)
        found = self._exists(name_queries + known_queries)
        names = {w for w in self.parsed.words if w in NAME_WORDS}
        names |= {w for w, hit in zip(words, found[:len(words)]) if hit}
        known = {w for w, hit in zip(words, found[len(words):]) if hit}
        return names, known

    def run(self, query_text: str, page: int, per_page: int, order: str, facets: bool) -> SearchResult:
        parsed = self.parsed
        where = build_where(parsed, **self._where_args())
        if where is None:
            if query_text.strip():
                parsed.notice("nothing_to_search")
                return SearchResult([], 0, page, per_page, {}, None, parsed.notices)
            where = visible(self.public, self.units)
        sampled = self._facet_rows(where.also(f"sample = {SAMPLED_BUCKET}"))
        total_estimated = len(sampled) * SAMPLE_BUCKETS > COUNT_EXACT_LIMIT
        by_date = order == "date" or not parsed.has_text
        if total_estimated:
            total = _rounded(len(sampled) * SAMPLE_BUCKETS)
            ranked = self._ranked(where, total, page, per_page, by_date)
            counted, estimated = (_counted(sampled, SAMPLE_BUCKETS), True) if facets else ({}, False)
        else:
            # Few matches are ranked in the same pass, each row's tsvector read once.
            ranks = not by_date and len(sampled) * SAMPLE_BUCKETS <= BM25_LIMIT
            matches = self._matches(where, facets, rank_tsquery(parsed, self.names, self.stemming) if ranks else None)
            total = len(matches)
            ranked = self._ranked_matches(matches, page, per_page, by_date)
            counted, estimated = _facets(matches, total) if facets else ({}, False)
        did_you_mean = self._did_you_mean(query_text) if parsed.words and self.units is None else None
        return SearchResult(hits=self._hits(ranked), total=total, page=page, per_page=per_page, facets=counted,
                            did_you_mean=did_you_mean, notices=parsed.notices, facets_estimated=estimated,
                            total_estimated=total_estimated)

    def _where_args(self) -> dict:
        return {"public": self.public, "units": self.units, "names": self.names, "stemming": self.stemming,
                "months": self.months}

    def _matches(self, where: Where, facets: bool, rank: str | None = None) -> list:
        """Every match (few: at most about ``COUNT_EXACT_LIMIT``), newest first, with what
        the total, the page and the facets need: one pass over their rows for all three;
        with ``rank``, each one's ``ts_rank`` too."""
        columns = "kind, unit, CAST(extract(year FROM date) AS int), tags, people" if facets else "NULL, NULL, NULL, NULL, NULL"
        score = "ts_rank(tsv, CAST(:rank AS tsquery), 1)" if rank else "NULL"
        return self.conn.execute(text(
            f"SELECT {columns}, doc_key, sample, title, {score} FROM {TABLE} WHERE {where.sql} ORDER BY {NEWEST}"),
            {**where.params, "rank": rank}).all()

    def _ranked_matches(self, matches: list, page: int, per_page: int, by_date: bool) -> list[tuple[str, float]]:
        """The page among ``matches`` (newest first) in the order :meth:`_ranked` gives."""
        offset = (page - 1) * per_page
        keys = [row[5] for row in matches]
        if by_date:
            return [(k, 0.0) for k in keys[offset:offset + per_page]]
        if len(keys) <= BM25_LIMIT:
            rank = rank_tsquery(self.parsed, self.names, self.stemming)
            if matches and matches[0][8] is not None:
                scores = {row[5]: row[8] for row in matches}
            else:
                scores = dict(self.conn.execute(text(
                    f"SELECT doc_key, ts_rank(tsv, CAST(:rank AS tsquery), 1) FROM {TABLE} WHERE doc_key = ANY(:keys)"),
                    {"rank": rank, "keys": keys}).all()) if rank and keys else {}
            best = sorted(range(len(keys)), key=lambda n: (-scores.get(keys[n], 0.0), n))[offset:offset + per_page]
            return [(keys[n], scores.get(keys[n], 0.0)) for n in best]
        # The title's ``t:`` lexemes are its terms (:mod:`pg_rows`), read here from the title
        # the pass fetched rather than by a second pass over the same rows, and only for as
        # many of the newest as the page needs.
        words, wanted = set(title_words(self.parsed)), page * per_page
        first: list[tuple[str, float]] = []
        rest: list[tuple[str, float]] = []
        for row in matches:
            if words and words <= set(terms(row[7])[:MAX_POSITION]):
                if len(first) < wanted:
                    first.append((row[5], 2.0))
            elif len(rest) < wanted:
                rest.append((row[5], 1.0))
            if len(first) >= wanted:
                break
        return (first + rest)[offset:offset + per_page]

    def _newest(self, where: Where, expected: int, limit: int, offset: int = 0) -> list[tuple[str, float]]:
        """The newest matches of ``where`` (about ``expected`` of them), the cheapest of three
        ways: walking the date index and testing each row (about ``wanted × rows / expected``
        rows, each row's out-of-line ``tsvector`` read), asking the GIN index a few months at
        a time (:meth:`_by_month`: about the rows of those months), or sorting every candidate
        the GIN index gives (the matches; for a phrase, the rows holding all its words)."""
        wanted = limit + offset
        candidates = expected if where.loose is None else self._sampled_count(where.loose)
        months = self._months()
        by_month = max(2 * wanted, candidates / len(months)) if len(months) > 1 else math.inf
        if WALK_FACTOR * wanted * self._rows() <= max(expected, 1) * min(candidates, by_month):
            return self._walked(where, limit, offset)
        if MONTHS_SAVING * by_month <= candidates:
            return self._by_month(where, months, candidates / len(months), limit, offset)
        return self._sorted(where, limit, offset)

    def _walked(self, where: Where, limit: int, offset: int = 0) -> list[tuple[str, float]]:
        """The newest matches found by walking the date index, testing each row. The planner
        may not walk on its own: it takes an AND of words, or a phrase, for rare."""
        self.conn.execute(text("SET LOCAL enable_bitmapscan = off"))
        keys = [(key, 0.0) for key in self.conn.scalars(text(
            f"SELECT doc_key FROM {TABLE} WHERE {where.sql} ORDER BY {NEWEST} LIMIT :limit OFFSET :offset"),
            {**where.params, "limit": limit, "offset": offset})]
        self.conn.execute(text("SET LOCAL enable_bitmapscan = on"))
        return keys

    def _by_month(self, where: Where, months: list[str], per_month: float, limit: int,
                  offset: int = 0) -> list[tuple[str, float]]:
        """The newest matches, the GIN index asked for those of a few months at a time, newest
        months first (every dated row holds its month's lexeme): as many months as should hold
        twice the rows still wanted, twice as many each time after; the undated come last."""
        wanted, found, done, batch = limit + offset, [], 0, 0
        while len(found) < wanted and done < len(months):
            batch = max(2 * batch, math.ceil(2 * (wanted - len(found)) / max(per_month, 1.0)))
            asked = "(" + " | ".join(quoted(lexeme("month", m)) for m in months[done:done + batch]) + ")"
            found += self._sorted(where.within(asked), wanted - len(found))
            done += batch
        if len(found) < wanted:
            found += self._sorted(where.also("date IS NULL"), wanted - len(found))
        return found[offset:]

    def _sorted(self, where: Where, limit: int, offset: int = 0) -> list[tuple[str, float]]:
        """The newest matches, every candidate taken from the GIN index and sorted (the
        planner, which prices ``tsv @@`` on a row at nothing, would walk the dates for a rare
        word too). A phrase is checked (its row's ``tsvector`` read) only on as many of the
        newest candidates as the page needs."""
        if where.loose is None:
            return [(key, 0.0) for key in self.conn.scalars(text(
                f"WITH m AS MATERIALIZED (SELECT doc_key, date FROM {TABLE} WHERE {where.sql}) "
                f"SELECT doc_key FROM m ORDER BY {NEWEST} LIMIT :limit OFFSET :offset"),
                {**where.params, "limit": limit, "offset": offset})]
        # OFFSET 0 keeps the sorted candidates a subquery, read in its order.
        return [(key, 0.0) for key in self.conn.scalars(text(
            f"SELECT c.doc_key FROM (SELECT ctid AS row_id, doc_key, date FROM {TABLE} WHERE {where.loose.sql} "
            f"ORDER BY {NEWEST} OFFSET 0) AS c "
            f"WHERE EXISTS (SELECT 1 FROM {TABLE} WHERE ctid = c.row_id AND {where.sql}) LIMIT :limit OFFSET :offset"),
            {**where.loose.params, **where.params, "limit": limit, "offset": offset})]

    def _months(self) -> list[str]:
        """The months of the dated rows, newest first (only those of the query's date range);
        none when the rows do not all carry their month's lexeme."""
        if self._span is None:
            self._span = []
            if self.months:
                newest, oldest = self.conn.execute(text(
                    f"SELECT (SELECT date FROM {TABLE} WHERE date IS NOT NULL ORDER BY {NEWEST} LIMIT 1), "
                    f"(SELECT date FROM {TABLE} WHERE date IS NOT NULL "
                    "ORDER BY date ASC NULLS FIRST, doc_key DESC LIMIT 1)")).one()
                if newest is not None:
                    self._span = months_back(newest, oldest, self.parsed)
        return self._span

    def _rows(self) -> float:
        """The planner's count of rows in the table (kept by ``ANALYZE``): a cheap estimate."""
        if self._table_rows is None:
            self._table_rows = max(1.0, float(self.conn.scalar(text(
                "SELECT reltuples FROM pg_class WHERE oid = CAST(:t AS regclass)"), {"t": TABLE}) or 1.0))
        return self._table_rows

    def _sampled_count(self, where: Where) -> int:
        """About how many rows ``where`` matches: its matches in the sampled bucket, scaled."""
        return SAMPLE_BUCKETS * self.conn.scalar(text(
            f"SELECT count(*) FROM {TABLE} WHERE {where.sql} AND sample = {SAMPLED_BUCKET}"), where.params)

    def _ranked(self, where: Where, total: int, page: int, per_page: int, by_date: bool) -> list[tuple[str, float]]:
        """The page among many matches (past ``COUNT_EXACT_LIMIT``): newest first, or every
        word in the title first and then newest first, as on whoosh past ``BM25_LIMIT``."""
        offset = (page - 1) * per_page
        if offset >= total:
            return []
        if by_date:
            return self._newest(where, total, per_page, offset)
        title_where = build_where(self.parsed, **self._where_args(), in_title=True) if title_words(self.parsed) else None
        first = []
        if title_where is not None:
            first = [(k, 2.0) for k, _ in self._newest(title_where, self._sampled_count(title_where), page * per_page)]
        rest = []
        if len(first) < page * per_page:
            # The newest matches, less those already first (cheaper than a NOT on every row).
            seen = {k for k, _ in first}
            newest_keys = self._newest(where, total, page * per_page + len(first))
            rest = [(k, 1.0) for k, _ in newest_keys if k not in seen][:page * per_page - len(first)]
        return (first + rest)[offset:offset + per_page]

    def _hits(self, ranked: list[tuple[str, float]]) -> list[Hit]:
        if not ranked:
            return []
        rows = {r.doc_key: r for r in self.conn.execute(text(
            f"SELECT doc_key, kind, title, body, date, people, hit FROM {TABLE} WHERE doc_key = ANY(:keys)"),
            {"keys": [k for k, _ in ranked]})}
        terms = highlight_terms(self.parsed, self.names, self.stemming)
        hits = []
        for key, score in ranked:
            row = rows.get(key)
            if row is None:  # written over since the page was chosen
                continue
            protected = name_terms([*row.people, *row.hit.get("places", [])])
            hits.append(Hit(
                kind=row.kind, id=row.hit.get("id"), doc_key=key, title=row.title,
                title_html=highlight(row.title, terms, protected), snippet=snippet(row.body, terms, protected),
                score=float(score or 0.0), date=row.date, url=row.hit.get("url", ""),
                thumbnail_key=row.hit.get("thumbnail_key", ""), payload=row.hit.get("payload"),
            ))
        return hits

    def _facet_rows(self, where: Where) -> list:
        return self.conn.execute(text(
            f"SELECT kind, unit, CAST(extract(year FROM date) AS int), tags, people FROM {TABLE} WHERE {where.sql}"),
            where.params).all()

    def _did_you_mean(self, query_text: str) -> str | None:
        """Each word found nowhere, as written, by its stem or as a name, replaced by the
        vocabulary's word within two edits that most documents this reader sees hold."""
        corrected, changed = query_text, False
        for raw, word in self.parsed.word_spans:
            if word.isdigit() or len(word) < 3 or word in self.known or word in self.names:
                continue
            candidates = self.conn.execute(text(
                "SELECT word, levenshtein_less_equal(word, :w, 2) AS d FROM search_words "
                "WHERE word LIKE :first AND length(word) BETWEEN :shortest AND :longest AND word <> :w "
                "AND levenshtein_less_equal(word, :w, 2) <= 2 ORDER BY d, word LIMIT :n"),
                {"w": word, "first": _like_prefix(word[0]), "shortest": len(word) - 2, "longest": len(word) + 2,
                 "n": SUGGESTIONS}).all()
            counts = self._counts([quoted(lexeme("text", c.word)) for c in candidates])
            best = max(((n, -c.d, c.word) for c, n in zip(candidates, counts) if n), default=None)
            if best:
                corrected = re.sub(rf"(?<![\w-]){re.escape(raw)}(?!\w)", best[2], corrected, count=1)
                changed = True
        return corrected if changed else None

    def _counts(self, queries: list[str], cap: int = 1000) -> list[int]:
        """For each ``tsquery``: how many documents this search may see match it (at most ``cap``)."""
        if not queries:
            return []
        where = visible(self.public)
        return list(self.conn.scalars(text(
            f"SELECT (SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE {where.sql} AND tsv @@ CAST(x.q AS tsquery) "
            "LIMIT :cap) AS s) FROM unnest(CAST(:qs AS text[])) WITH ORDINALITY AS x(q, n) ORDER BY x.n"),
            {**where.params, "qs": queries, "cap": cap}))


def _facets(matches: list, total: int) -> tuple[dict, bool]:
    """Exact counts up to ``FACET_EXACT_LIMIT`` matches; past it, counts over the matches in
    the first few hash buckets (``sample``, about ``FACET_SAMPLE`` of them), scaled by the
    share of the matches they hold."""
    if total <= FACET_EXACT_LIMIT:
        return _counted(matches, 1.0), False
    buckets = max(1, math.ceil(SAMPLE_BUCKETS * FACET_SAMPLE / total))
    rows = [row for row in matches if row[6] < buckets]
    return _counted(rows, total / len(rows) if rows else 1.0), True


def _counted(rows: list, scale: float, top: int = 10) -> dict[str, list[tuple[str, int]]]:
    """The ``top`` values of each facet among ``rows`` (:meth:`PgSearch._facet_rows`), each
    count multiplied by ``scale``."""
    counters: dict[str, Counter] = {name: Counter() for name in ("kind", "unit", "year", "tag", "person")}
    counters["kind"].update(r[0] for r in rows)
    counters["unit"].update(r[1] for r in rows if r[1])
    counters["year"].update(str(r[2]) for r in rows if r[2] is not None)
    counters["tag"].update(chain.from_iterable(r[3] for r in rows))
    counters["person"].update(chain.from_iterable(r[4] for r in rows))
    result = {}
    for name, counter in counters.items():
        counted = [(value, max(1, round(count * scale))) for value, count in counter.items()]
        if name == "year":
            result[name] = sorted(counted, reverse=True)[:top]
        else:
            result[name] = sorted(counted, key=lambda vc: (-vc[1], vc[0]))[:top]
    return result


def _rounded(n: int) -> int:
    """An estimate to two significant digits: 123,456 as 120,000."""
    digits = max(0, len(str(n)) - 2)
    return round(n, -digits)


def _like_prefix(letter: str) -> str:
    return letter.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
