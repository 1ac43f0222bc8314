"""PRESS_SEARCH_URL chooses the backend; PostgreSQL's tables come from the migration or the backend."""
from __future__ import annotations

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from press import create_app
from press.config import search_url
from press.extensions import db
from press.search import PgSearchIndex, SearchIndex, SearchUrlError, open_index, upsert
from press.search.pg_rows import SEARCH_TABLES

from tests.conftest import make_config


def test_a_folder_or_file_url_is_whoosh_and_postgresql_is_postgres(tmp_path):
    assert isinstance(open_index(str(tmp_path / "a")), SearchIndex)
    assert open_index(f"file://{tmp_path}/b").root == f"{tmp_path}/b"
    assert open_index(f"whoosh://{tmp_path}/c").root == f"{tmp_path}/c"
    pg = open_index("postgresql://siaran@/siaran?host=/tmp")
    assert isinstance(pg, PgSearchIndex) and pg.url.startswith("postgresql+psycopg://")
    pg.close()


def test_an_unknown_scheme_is_refused_with_what_to_write():
    with pytest.raises(SearchUrlError, match="postgresql://"):
        open_index("s3://bucket/search")


def test_index_root_stays_the_default_whoosh_folder(tmp_path):
    app = create_app(make_config(tmp_path))
    assert search_url(app.config) == str(tmp_path / "search")
    assert isinstance(app.extensions["search_index"], SearchIndex)


def test_the_app_searches_postgresql_when_search_url_names_it(tmp_path, pg_search_url, make_doc):
    app = create_app(make_config(tmp_path, SEARCH_URL=pg_search_url))
    index = app.extensions["search_index"]
    assert isinstance(index, PgSearchIndex)
    index.apply([upsert(make_doc(id=1, body="Peresmian jembatan gantung."))])
    assert [h.doc_key for h in index.search("jembatan", public=True).hits] == ["release:1"]
    index.close()


def test_the_migration_makes_the_tables_the_backend_writes_and_removes_them(tmp_path, pg_search_url, make_doc):
    app = create_app(make_config(tmp_path, DATABASE_URL=pg_search_url, SQLALCHEMY_DATABASE_URI=pg_search_url))
    with app.app_context():
        upgrade()
        assert {"search_documents", "search_words", "search_state"} <= set(inspect(db.engine).get_table_names())
        assert "search_documents_sampled_tsv" in {i["name"] for i in inspect(db.engine).get_indexes("search_documents")}
        index = PgSearchIndex(pg_search_url)
        assert index.schema_is_current()
        index.apply([upsert(make_doc(id=1, title="Rapat koordinasi banjir"))])
        assert index.search("banjir", public=False).total == 1
        index.close()
        db.session.remove()
        downgrade(revision="0020")
        assert not set(SEARCH_TABLES) & set(inspect(db.engine).get_table_names())
        db.engine.dispose()
