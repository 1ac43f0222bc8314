"""Fixtures for the search core: an index in ``tmp_path`` and a document factory."""
from __future__ import annotations

from datetime import datetime

import pytest

from press.search import Document, SearchIndex, upsert


@pytest.fixture
def index(tmp_path):
    ix = SearchIndex(tmp_path / "search")
    yield ix
    ix.close()


@pytest.fixture
def make_doc():
    """``make_doc(kind, id, title, body, **fields)`` with a published status by default."""

    def make(kind="release", id=1, title="", body="", **fields):
        fields.setdefault("status", {"release": "published", "photo": "public"}.get(kind, ""))
        fields.setdefault("date", datetime(2021, 9, 30, 9, 0))
        return Document(kind=kind, id=id, title=title, body=body, **fields)

    return make


@pytest.fixture
def add(index):
    """``add(*documents)``: upsert them and return the index."""

    def add_(*documents):
        index.apply([upsert(d) for d in documents])
        return index

    return add_


def result_keys(result):
    return [hit.doc_key for hit in result.hits]


@pytest.fixture
def keys():
    """``keys(result)``: the doc keys of a result's hits, in order."""
    return result_keys
