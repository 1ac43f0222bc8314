"""Migration 0012 gives every existing release and activity the default PPID class, setiap saat."""
from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect
from sqlalchemy import text as sql

from press import create_app
from press.extensions import db
from tests.conftest import make_config

ROWS = (
    "INSERT INTO unit (id, name, slug, updated_at) VALUES (1, 'Bagian Humas', 'humas', '2026-01-01')",
    "INSERT INTO activity (id, title, kind, starts_on, unit_id, created_at, updated_at) "
    "VALUES (1, 'Rapat', 'rapat_koordinasi', '2021-09-30', 1, '2026-01-01', '2026-01-01')",
    "INSERT INTO release (id, activity_id, unit_id, slug, title, body, state, version, created_at, updated_at) "
    "VALUES (1, 1, 1, 'rapat', 'Rapat', 'Isi.', 'published', 1, '2026-01-01', '2026-01-01')",
)


def test_existing_releases_and_activities_become_setiap_saat_and_the_downgrade_drops_the_column(tmp_path):
    app = create_app(make_config(tmp_path))
    with app.app_context():
        upgrade(revision="0008")
        for statement in ROWS:
            db.session.execute(sql(statement))
        db.session.commit()
        upgrade(revision="0012")
        for table in ("release", "activity"):
            assert db.session.execute(sql(f'SELECT ppid_class FROM "{table}"')).scalars().all() == ["setiap_saat"]
        db.session.commit()
        downgrade(revision="0008")
        for table in ("release", "activity"):
            assert "ppid_class" not in {c["name"] for c in inspect(db.engine).get_columns(table)}
        assert db.session.execute(sql('SELECT title FROM "release"')).scalars().all() == ["Rapat"]
        db.session.remove()
        db.engine.dispose()
