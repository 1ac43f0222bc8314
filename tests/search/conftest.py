"""Fixtures for the search core: an index on each backend and a document factory.

``index`` is parametrised: every test that takes it (or ``add``) runs on whoosh in
``tmp_path`` and on PostgreSQL, a database of its own on the session's throw-away server
(``tests/pg_server.py``). ``whoosh_index`` is for the tests of whoosh's own machinery.
"""
from __future__ import annotations

import itertools
from datetime import datetime

import pytest
from sqlalchemy import create_engine, text

from press.search import Document, PgSearchIndex, SearchIndex, upsert
from tests.pg_server import throwaway_server

BACKENDS = ("whoosh", "postgres")
_databases = itertools.count(1)


def pytest_collection_modifyitems(config, items):
    """The tests that start the PostgreSQL server carry the ``postgres`` marker (``make test-fast``
    leaves them out): those on the PostgreSQL side of ``index`` and those asking for a database."""
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if params.get("index") == "postgres" or "pg_search_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def pg_search_server():
    """The URL of a throw-away PostgreSQL server's ``postgres`` database, for the whole session."""
    with throwaway_server(max_connections=50) as url:
        yield url


@pytest.fixture
def pg_search_url(pg_search_server):
    """The URL of a new, empty database on the session's server; dropped afterwards."""
    name = f"search_{next(_databases)}"
    admin = create_engine(pg_search_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    yield pg_search_server.replace("/postgres?", f"/{name}?")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture
def whoosh_index(tmp_path):
    ix = SearchIndex(tmp_path / "search")
    yield ix
    ix.close()


@pytest.fixture(params=BACKENDS)
def index(request, tmp_path):
    if request.param == "whoosh":
        ix = SearchIndex(tmp_path / "search")
    else:
        ix = PgSearchIndex(request.getfixturevalue("pg_search_url"))
    yield ix
    ix.close()


def store_url(index) -> str:
    """What ``open_index`` takes to open another handle on the same index (another process's)."""
    return str(index.root) if isinstance(index, SearchIndex) else index.url


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
