"""Migration 0007 moves the ranks that sat in ``person.honorifics`` into ``person.ranks``
(recognised by the glossary's rank list), and its downgrade puts them back in front."""
from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import text as sql

from press import create_app
from press.extensions import db
from tests.conftest import make_config

ROWS = {  # slug: honorifics before the migration
    "bambang": "Letkol Inf H.",
    "dedi": "AKBP",
    "siti": "Hj.",
    "tanpa": None,
}


def test_the_upgrade_moves_ranks_out_of_honorifics_and_the_downgrade_puts_them_back(tmp_path):
    app = create_app(make_config(tmp_path))
    with app.app_context():
        upgrade(revision="0006")
        for slug, honorifics in ROWS.items():
            db.session.execute(sql("INSERT INTO person (name, honorifics, slug, created_at, updated_at) "
                                   "VALUES (:name, :honorifics, :slug, '2026-01-01', '2026-01-01')"),
                               {"name": slug.title(), "honorifics": honorifics, "slug": slug})
        db.session.commit()
        upgrade(revision="0007")
        moved = {slug: (ranks, honorifics) for slug, ranks, honorifics in
                 db.session.execute(sql("SELECT slug, ranks, honorifics FROM person"))}
        assert moved == {"bambang": ("Letkol Inf", "H."), "dedi": ("AKBP", None), "siti": (None, "Hj."),
                         "tanpa": (None, None)}
        db.session.commit()
        downgrade(revision="0006")
        back = dict(db.session.execute(sql("SELECT slug, honorifics FROM person")).all())
        assert back == ROWS
        db.session.remove()
        db.engine.dispose()


def test_the_formal_name_writes_ranks_honorifics_name_and_degrees():
    from press.models import Person

    person = Person(name="Bambang Sutrisno", ranks="Letkol Kav", honorifics="H.", degrees="S.Sos., M.Si")
    assert person.full_name == "Letkol Kav H. Bambang Sutrisno, S.Sos., M.Si"
