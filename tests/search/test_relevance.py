"""The annotated set of ``bench/search_relevance.json`` on each backend: stemming finds what a
journalist wants, and PostgreSQL finds exactly what whoosh finds."""
from __future__ import annotations

import pytest

from bench.support.relevance import annotated, documents, score
from press.search import PgSearchIndex


@pytest.fixture
def annotated_index(index):
    data = annotated()
    index.rebuild(documents(data))
    return index, data


def test_stemmed_search_finds_the_affixed_forms_a_journalist_wants(annotated_index):
    index, data = annotated_index
    stemmed, unstemmed = score(index, data), score(index, data, stemming=False)
    assert stemmed.recall >= 0.9 and stemmed.precision >= 0.9
    assert stemmed.f1 > unstemmed.f1 + 0.15


def test_postgres_finds_the_same_documents_as_whoosh_for_every_annotated_query(whoosh_index, pg_search_url):
    data = annotated()
    pg = PgSearchIndex(pg_search_url)
    try:
        for backend in (whoosh_index, pg):
            backend.rebuild(documents(data))
        for stemming in (True, False):
            assert score(pg, data, stemming=stemming).found == score(whoosh_index, data, stemming=stemming).found
    finally:
        pg.close()
