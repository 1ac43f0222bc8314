"""Migration 0010 gives every activity a state: those that took place before today are
``selesai``, today's and later ones ``direncanakan``; the downgrade drops the planning."""
from __future__ import annotations

from datetime import timedelta

from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text as sql

from press import create_app
from press.dates import office_today
from press.extensions import db
from tests.conftest import make_config


def test_past_activities_become_done_and_later_ones_planned(tmp_path):
    app = create_app(make_config(tmp_path))
    days = {"lalu": date_text(-400), "besok": date_text(1)}
    with app.app_context():
        upgrade(revision="0008")
        db.session.execute(sql("INSERT INTO unit (id, name, slug, updated_at) VALUES (1, 'Humas', 'humas', '2026-01-01')"))
        for title, day in days.items():
            db.session.execute(sql("INSERT INTO activity (title, kind, starts_on, unit_id, created_at, updated_at) "
                                   "VALUES (:title, 'rapat_koordinasi', :day, 1, '2026-01-01', '2026-01-01')"),
                               {"title": title, "day": day})
        db.session.commit()
        upgrade(revision="0010")
        states = dict(db.session.execute(sql("SELECT title, state FROM activity")).all())
        assert states == {"lalu": "selesai", "besok": "direncanakan"}
        db.session.commit()
        downgrade(revision="0008")
        tables = inspect(db.engine).get_table_names()
        assert "assignment" not in tables and "notification" not in tables
        assert "state" not in {c["name"] for c in inspect(db.engine).get_columns("activity")}
        db.session.remove()
        db.engine.dispose()


def date_text(days: int) -> str:
    return (office_today() + timedelta(days=days)).isoformat()
