"""PostgreSQL search past its counting limit: broad queries estimated from the sampled bucket."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from press.search import PgSearchIndex, pg_search, upsert

DOCS = 1_280  # 20 documents in the sampled bucket, one in 64 on average
RARE = 12


@pytest.fixture(scope="module")
def archive_docs():
    from datetime import datetime

    from press.search import Document

    return [Document(kind="release", id=i, status="published", date=datetime(2020 + i % 4, 1 + i % 12, 1),
                     title=f"Kegiatan ke-{i}", unit=["Dinas Sosial", "BPBD"][i % 2],
                     body="Kegiatan warga " + ("jembatan gantung" if i < RARE else "kerja bakti"))
            for i in range(DOCS)]


@pytest.fixture
def limited(monkeypatch):
    """A counting limit small enough for a test archive (1,280 matches stand for a million's)."""
    monkeypatch.setattr(pg_search, "COUNT_EXACT_LIMIT", 200)


def test_a_broad_query_past_the_limit_gives_an_estimated_total_and_facets_a_rebuild_keeps(
        pg_search_url, archive_docs, limited):
    index = PgSearchIndex(pg_search_url, kept_results=0)
    index.apply([upsert(d) for d in archive_docs])
    broad = index.search("kegiatan", public=False, per_page=20)
    assert broad.total_estimated and broad.facets_estimated
    assert 0.6 * DOCS <= broad.total <= 1.4 * DOCS
    assert len(broad.hits) == 20
    units = dict(broad.facets["unit"])
    assert set(units) == {"Dinas Sosial", "BPBD"} and 0.3 * DOCS <= units["BPBD"] <= 0.7 * DOCS
    rare = index.search("jembatan", public=False, per_page=20)
    assert (rare.total, rare.total_estimated, rare.facets_estimated) == (RARE, False, False)
    assert sorted(h.doc_key for h in rare.hits) == sorted(f"release:{i}" for i in range(RARE))

    index.rebuild(archive_docs)
    index.rebuild(archive_docs)  # the second swap finds every index the first one renamed
    with index.engine.connect() as conn:
        names = set(conn.scalars(text("SELECT indexname FROM pg_indexes WHERE tablename = 'search_documents'")))
    assert names == {f"search_documents_{n}" for n in ("pkey", "tsv", "date", "sample", "sampled_tsv")}
    again = index.search("kegiatan", public=False, per_page=20)
    assert (again.total, again.facets) == (broad.total, broad.facets)
    index.close()


def test_the_search_page_and_the_api_say_the_total_is_an_estimate(app, client, pg_search_url, archive_docs,
                                                                  limited):
    index = PgSearchIndex(pg_search_url, kept_results=0)
    index.apply([upsert(d) for d in archive_docs])
    app.extensions["search_index"] = index
    answer = client.get("/api/v1/search?q=kegiatan").get_json()
    assert answer["total_estimated"] is True and answer["facets_estimated"] is True
    assert f"sekitar {answer['total']} hasil" in client.get("/cari?q=kegiatan").get_data(as_text=True)
    exact = client.get("/api/v1/search?q=jembatan").get_json()
    assert (exact["total"], exact["total_estimated"]) == (RARE, False)
    assert f"{RARE} hasil" in client.get("/cari?q=jembatan").get_data(as_text=True)
    index.close()
