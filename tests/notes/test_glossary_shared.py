"""The admin's glossary lives in the database: a node saving it and another node on the
same database reading it see the same glossary at once, and migration 0022 copies an
office's old ``instance/glossary.json`` into the table so nothing is lost."""
from __future__ import annotations

import json

from flask_migrate import upgrade
from sqlalchemy import select
from sqlalchemy import text as sql

from press import create_app
from press.extensions import db
from press.models import User
from press.services import glossary as glossaries
from tests.conftest import EMAILS, make_config

DISPARBUD = {"organisations": {"Disbudpora": "Dinas Kebudayaan, Pemuda dan Olahraga"}}


def admin() -> User:
    return db.session.scalar(select(User).where(User.email == EMAILS["admin"]))


def test_a_glossary_saved_on_one_node_is_used_by_another_node_at_once(app, tmp_path):
    other_instance = tmp_path / "node-b"
    other_instance.mkdir()
    node_b = create_app(make_config(other_instance, DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"]))
    with node_b.app_context():  # node B builds (and caches) the glossary before the change
        assert "Disbudpora" not in glossaries.glossary_for(db.session).organisations
        db.session.remove()
    with app.app_context():
        glossaries.save_glossary_extra(db.session, json.dumps(DISPARBUD), admin())
        db.session.commit()
    with node_b.app_context():
        assert glossaries.glossary_for(db.session).expand("Disbudpora") == "Dinas Kebudayaan, Pemuda dan Olahraga"
        db.session.remove()
    with app.app_context():
        glossaries.save_glossary_extra(db.session, "{}", admin())
        db.session.commit()
    with node_b.app_context():
        assert "Disbudpora" not in glossaries.glossary_for(db.session).organisations
        db.session.remove()
        db.engine.dispose()


def test_saving_keeps_the_admins_order_and_the_page_shows_it_back(ctx):
    text = json.dumps({"titles": {"Kepala Dinas Pariwisata": ["Kadispar"]}, **DISPARBUD}, ensure_ascii=False)
    glossaries.save_glossary_extra(db.session, text, admin())
    assert list(json.loads(glossaries.read_glossary_extra(db.session))) == ["titles", "organisations"]


def test_the_migration_copies_the_old_instance_file_into_the_table(tmp_path):
    (tmp_path / "glossary.json").write_text(json.dumps(DISPARBUD), encoding="utf-8")
    app = create_app(make_config(tmp_path))
    with app.app_context():
        upgrade(revision="0022")
        assert glossaries.extra_data(db.session) == DISPARBUD
        assert glossaries.glossary_for(db.session).expand("Disbudpora") == "Dinas Kebudayaan, Pemuda dan Olahraga"
        db.session.remove()
        db.engine.dispose()


def test_the_migration_leaves_a_broken_old_file_out_and_still_upgrades(tmp_path):
    (tmp_path / "glossary.json").write_text('{"organisations": ', encoding="utf-8")
    app = create_app(make_config(tmp_path))
    with app.app_context():
        upgrade(revision="0022")
        assert db.session.execute(sql("SELECT count(*) FROM glossary_entry")).scalar() == 0
        assert glossaries.read_glossary_extra(db.session) == "{}\n"
        db.session.remove()
        db.engine.dispose()
