"""``flask permissions table``, ``flask units tree``, ``flask users create --unit``, and
migration 0009 putting existing accounts into the top unit."""
from __future__ import annotations

import json

from flask_migrate import upgrade
from sqlalchemy import select
from sqlalchemy import text as sql

from press import create_app, permissions
from press.extensions import db
from press.models import Unit, User
from tests.conftest import make_config


def test_permissions_table_prints_every_permission_with_its_roles_and_scope(runner):
    rows = [json.loads(line) for line in runner.invoke(args=["permissions", "table", "--json"]).output.splitlines()]
    assert [row["permission"] for row in rows] == list(permissions.TABLE)
    publish = next(row for row in rows if row["permission"] == "release.publish")
    assert publish["roles"] == {"editor": "all", "admin": "all"}
    text = runner.invoke(args=["permissions", "table"]).output
    assert "activity.edit" in text and "Redaktur unit (unit)" in text


def test_units_tree_shows_the_units_under_their_parents(runner):
    [root] = json.loads(runner.invoke(args=["units", "tree", "--json"]).output)
    assert root["name"] == "Pemerintah Kota Bekasi"
    children = {child["abbreviation"]: child for child in root["children"]}
    assert [c["abbreviation"] for c in children["Dinkes"]["children"]] == ["Puskesmas Pondok Gede"]
    humas = children["Setda"]["children"][0]
    assert humas["central"] is True
    text = runner.invoke(args=["units", "tree"]).output
    assert "    Bagian Humas Sekretariat Daerah Kota Bekasi  [pusat]" in text


def test_users_create_puts_the_account_in_the_unit_named_and_refuses_an_unknown_one(app, runner):
    with app.app_context():
        dinkes = db.session.scalar(select(Unit.id).where(Unit.abbreviation == "Dinkes"))
    made = runner.invoke(args=["users", "create", "--role", "unit_editor", "--unit", str(dinkes),
                               "--password", "kata-sandi-panjang", "kedua@siaran.test"])
    assert made.exit_code == 0 and "(Redaktur unit) in Dinas Kesehatan Kota Bekasi" in made.output
    refused = runner.invoke(args=["users", "create", "--role", "writer", "--unit", "999999",
                                  "--password", "kata-sandi-panjang", "ketiga@siaran.test"])
    assert refused.exit_code != 0 and "Unit 999999 tidak ada" in refused.output
    with app.app_context():
        assert db.session.scalar(select(User.unit_id).where(User.email == "kedua@siaran.test")) == dinkes
        assert db.session.scalar(select(User).where(User.email == "ketiga@siaran.test")) is None


def test_the_migration_puts_every_account_into_a_central_top_unit(tmp_path):
    app = create_app(make_config(tmp_path))
    with app.app_context():
        upgrade(revision="0008")
        for slug in ("dinkes", "kominfo"):
            db.session.execute(sql("INSERT INTO unit (name, slug, updated_at) VALUES (:name, :slug, '2026-01-01')"),
                               {"name": slug.title(), "slug": slug})
        db.session.execute(sql(
            'INSERT INTO "user" (email, name, password_hash, role, unit_id, locale, active, failed_logins, created_at) '
            "VALUES ('a@x.test', 'A', 'x', 'writer', NULL, 'id', true, 0, '2026-01-01'), "
            "('b@x.test', 'B', 'x', 'editor', 1, 'id', true, 0, '2026-01-01')"))
        db.session.commit()
        upgrade(revision="0009")
        # columns of 0009, not the whole model: later migrations add columns to unit
        top = db.session.execute(select(Unit.id, Unit.name, Unit.central).where(Unit.parent_id.is_(None))).one()
        assert (top.name, top.central) == ("Pemerintah Daerah", True)
        assert set(db.session.scalars(select(Unit.parent_id).where(Unit.id != top.id))) == {top.id}
        assert set(db.session.scalars(select(User.unit_id))) == {top.id}
        db.session.remove()
        db.engine.dispose()


def test_a_unit_is_never_hung_under_itself_or_one_of_its_own_units(ctx):
    import pytest

    from press.services import directory

    dinkes = db.session.scalar(select(Unit).where(Unit.abbreviation == "Dinkes"))
    puskesmas = db.session.scalar(select(Unit).where(Unit.parent_id == dinkes.id))
    for parent in (dinkes, puskesmas):
        with pytest.raises(directory.DirectoryError, match="di bawah dirinya sendiri"):
            directory.update_unit(db.session, dinkes, dinkes.name, dinkes.abbreviation, parent_id=parent.id)
    assert dinkes.parent_id != puskesmas.id
