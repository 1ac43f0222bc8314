"""``flask migrate-to`` on one machine (SQLite and folders, in process): a whole move, and
the targets it refuses with a message saying why. The move killed half way, onto
PostgreSQL and an object store, is ``tests/faults/test_migrate_to_killed.py``."""
from __future__ import annotations

import json
import sqlite3

from sqlalchemy import create_engine, func, inspect, select

from press.models import Activity, Release


def test_a_move_to_sqlite_and_folders_copies_the_instance_and_a_second_run_is_refused(runner, app, tmp_path):
    target = f"sqlite:///{tmp_path / 'new.db'}"
    args = ["migrate-to", "--database", target, "--media", f"file://{tmp_path / 'new-media'}",
            "--search", str(tmp_path / "new-search"), "--batch", "7", "--json"]
    result = runner.invoke(args=args, env={"LANGUAGE": "en"})
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.strip().splitlines() if line.startswith("{")]
    summary = lines[-1]
    assert summary["done"] and not summary["resumed"] and summary["rows"] > 100
    assert summary["documents"] > 0 and summary["checked_tables"] == len(summary["tables"])
    assert any(event.get("step") == "tables" for event in lines[:-1])
    copied = create_engine(target)
    with copied.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(Release)) == 7
        assert connection.scalar(select(Activity.title).where(Activity.kind == "kunjungan_kerja")) \
            == "Kunjungan Kerja PPID Utama Kabupaten Subang"
    assert "siaran_move" not in inspect(copied).get_table_names()
    copied.dispose()

    again = runner.invoke(args=args, env={"LANGUAGE": "en"})
    assert again.exit_code == 1
    assert "is not empty" in again.output and "if a move to it has finished, that database is ready" in again.output


def test_a_database_holding_other_tables_is_refused_and_left_untouched(runner, tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER)")
        connection.execute("INSERT INTO invoices VALUES (1, 500)")
    result = runner.invoke(args=["migrate-to", "--database", f"sqlite:///{path}", "--search", str(tmp_path / "s")],
                           env={"LANGUAGE": "en"})
    assert result.exit_code == 1
    assert "The target database is not empty (1 tables, among them invoices)" in result.output
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall() == [("invoices",)]


def test_the_instance_own_database_or_a_sqlite_target_without_search_is_refused(runner, app):
    own = runner.invoke(args=["migrate-to", "--database", app.config["SQLALCHEMY_DATABASE_URI"], "--search", "/tmp/x"],
                        env={"LANGUAGE": "en"})
    assert own.exit_code == 1 and "is this instance's own database" in own.output
    no_search = runner.invoke(args=["migrate-to", "--database", "sqlite:////tmp/elsewhere.db"])
    assert no_search.exit_code == 2 and "give --search" in no_search.output
    for url in ("nonsense://host/db", "not a url"):
        bad = runner.invoke(args=["migrate-to", "--database", url, "--search", "/tmp/x"])
        assert bad.exit_code == 2 and "--database" in bad.output and "Traceback" not in bad.output
