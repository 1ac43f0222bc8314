"""An index built before a field was added (the staff readers' ``readers``) is found out of
date, so ``flask setup`` rebuilds it instead of searching an index every unit filter misses."""
from __future__ import annotations

from whoosh import fields

from press.search import index as index_module
from press.search.index import SearchIndex


def test_an_index_of_an_older_schema_is_not_current(tmp_path, monkeypatch):
    today = index_module.build_schema

    def older_schema() -> fields.Schema:
        schema = today()
        schema.remove("readers")
        return schema

    monkeypatch.setattr(index_module, "build_schema", older_schema)
    old = SearchIndex(str(tmp_path / "old"))
    old.searcher(False)
    monkeypatch.setattr(index_module, "build_schema", today)
    assert SearchIndex(str(tmp_path / "old")).schema_is_current() is False
    assert SearchIndex(str(tmp_path / "new")).schema_is_current() is True
