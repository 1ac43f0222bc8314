"""PostgreSQL's order past the ranking limit, on each of its paths: a phrase's matches with
every word in the title first, newest first, then the rest newest first, and never a
document that holds the words apart, whether the matches are counted or estimated and
whether the newest are found by walking the date index, from the GIN index at once or
month by month, undated documents last. And date
ranges asked of the GIN index by month only when every row carries its month."""
from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest
from sqlalchemy import create_engine, text

from press.search import Document, PgSearchIndex, pg_search, upsert

START = datetime(2021, 1, 1, 8)
_ids = itertools.count(1)


def _doc(n: int, title: str, body: str) -> Document:
    """A document of day ``n`` (the archive spans 14 months); one in 45 undated."""
    date = None if n % 45 == 0 else START + timedelta(days=n)
    return Document(kind="release", id=n, status="published", date=date, title=title, body=body,
                    unit="Dinas Kesehatan")


def _newest_first(docs: list[Document]) -> list[Document]:
    """The order of ``date DESC NULLS LAST, doc_key``."""
    dated = sorted((d for d in docs if d.date), key=lambda d: (-d.date.timestamp(), d.key))
    return dated + sorted((d for d in docs if not d.date), key=lambda d: d.key)


def _archive() -> list[Document]:
    docs = []
    for n in range(1, 401):
        if n % 10 == 0:
            docs.append(_doc(n, f"Rumah Sakit Daerah ke-{n}", "Pelayanan rumah sakit daerah dibuka."))
        elif n % 7 == 0:  # every word in the title, but the phrase nowhere
            docs.append(_doc(n, "Sakit di Rumah", "Warga sakit dirawat di rumah masing-masing."))
        else:
            docs.append(_doc(n, f"Pelayanan Kesehatan ke-{n}", "Antrean rumah sakit umum berkurang."))
    return docs


@pytest.fixture(scope="module")
def ordered_index(pg_search_server):
    name = f"search_order_{next(_ids)}"
    admin = create_engine(pg_search_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    index = PgSearchIndex(pg_search_server.replace("/postgres?", f"/{name}?"), kept_results=0)
    docs = _archive()
    index.apply([upsert(d) for d in docs])
    with index.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE search_documents"))
    yield index, docs
    index.close()
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


PATHS = {
    "counted": {"COUNT_EXACT_LIMIT": 10_000},
    "estimated, walking the dates": {"COUNT_EXACT_LIMIT": 20, "WALK_FACTOR": 0},
    "estimated, from the GIN index": {"COUNT_EXACT_LIMIT": 20, "WALK_FACTOR": 10 ** 9, "MONTHS_SAVING": 10 ** 9},
    "estimated, month by month": {"COUNT_EXACT_LIMIT": 20, "WALK_FACTOR": 10 ** 9, "MONTHS_SAVING": 0},
}


@pytest.mark.parametrize("path", PATHS)
def test_a_phrase_past_the_ranking_limit_puts_title_matches_first_then_newest(ordered_index, monkeypatch, path):
    index, docs = ordered_index
    monkeypatch.setattr(pg_search, "BM25_LIMIT", 10)
    for name, value in PATHS[path].items():
        monkeypatch.setattr(pg_search, name, value)
    newest = _newest_first(docs)
    in_title = [d.key for d in newest if d.id % 10 == 0]
    phrase_only = [d.key for d in newest if d.id % 10 and d.id % 7]
    expected = in_title + phrase_only

    pages = [index.search('"rumah sakit"', public=False, per_page=30, page=p) for p in (1, 2)]
    assert [h.doc_key for h in pages[0].hits + pages[1].hits] == expected[:60]
    assert pages[0].total_estimated == (path != "counted")
    matching = [d.key for d in newest if d.id % 10 == 0 or d.id % 7]
    by_date = index.search('"rumah sakit"', public=False, per_page=30, order="date")
    assert [h.doc_key for h in by_date.hits] == matching[:30]
    last = (len(matching) - 1) // 30  # the oldest, then the undated
    oldest = index.search('"rumah sakit"', public=False, per_page=30, order="date", page=last + 1)
    assert [h.doc_key for h in oldest.hits] == matching[last * 30:]


def test_a_date_range_finds_rows_written_before_months_were_indexed_until_a_rebuild(pg_search_url):
    index = PgSearchIndex(pg_search_url, kept_results=0)
    docs = [_doc(n, f"Banjir ke-{n}", "Banjir melanda.") for n in range(1, 4)]  # January 2021
    index.apply([upsert(d) for d in docs])
    assert {h.doc_key for h in index.search("banjir 2021-01", public=False).hits} == {d.key for d in docs}
    with index.engine.begin() as conn:  # rows as an older Siaran wrote them: no month lexeme
        conn.execute(text("UPDATE search_documents SET tsv = ts_delete(tsv, CAST('m:2021-01' AS text))"))
        conn.execute(text("DELETE FROM search_state WHERE name = 'layout'"))
        conn.execute(text("UPDATE search_state SET version = version + 1"))
    assert {h.doc_key for h in index.search("banjir 2021-01", public=False).hits} == {d.key for d in docs}
    assert index.search("banjir 2021-02", public=False).total == 0

    index.rebuild(docs)
    with index.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM search_documents WHERE tsv @@ CAST(:q AS tsquery)"),
                           {"q": "'m:2021-01'"}) == 3
    assert {h.doc_key for h in index.search("banjir 2021-01", public=False).hits} == {d.key for d in docs}
    index.close()


@pytest.mark.parametrize("query, start, end", [
    ("pelayanan 2021-03", datetime(2021, 3, 1), datetime(2021, 4, 1)),  # whole months: the month lexemes alone
    ("pelayanan 2021-02..2021-04", datetime(2021, 2, 1), datetime(2021, 5, 1)),
    ("pelayanan 2021-03-10..2021-03-12", datetime(2021, 3, 10), datetime(2021, 3, 13)),  # days: the date index too
])
def test_a_date_range_of_whole_months_or_of_days_finds_exactly_its_dated_matches(ordered_index, query, start, end):
    index, docs = ordered_index
    expected = {d.key for d in docs if d.date and start <= d.date < end and (d.id % 10 == 0 or d.id % 7)}
    found = index.search(query, public=False, per_page=100, order="date")
    assert (found.total, {h.doc_key for h in found.hits}) == (len(expected), expected)
