"""The office's policy, written by hand and checked over HTTP, so the permission table
(``press.permissions``) cannot drift from it unseen: the access matrix follows the table,
this follows what the office decided."""
from __future__ import annotations

from sqlalchemy import select

from press.extensions import db
from press.models import Activity, Release, Unit

STAFF_PAGES = ("/staf/", "/staf/kegiatan/", "/staf/siaran/", "/staf/siaran/alur", "/staf/cari/", "/staf/admin/pengguna")


def _release(app, state: str, unit: str | None = None) -> int:
    with app.app_context():
        query = select(Release.id).where(Release.state == state)
        if unit:
            query = query.where(Release.unit_id == select(Unit.id).where(Unit.abbreviation == unit).scalar_subquery())
        return db.session.scalar(query.order_by(Release.id))


def _state(app, release_id: int) -> str:
    with app.app_context():
        return db.session.get(Release, release_id).state


def _act(client, auth, release_id: int, action: str):
    token = auth.token(f"/staf/siaran/{release_id}/")
    return client.post(f"/staf/siaran/{release_id}/alur", data={"action": action, "csrf_token": token})


def test_anonymous_never_reaches_a_staff_page(client):
    for path in STAFF_PAGES:
        answer = client.get(path)
        assert answer.status_code == 302 and "/staf/login" in answer.headers["Location"], path


def test_a_writer_never_publishes_approves_or_retracts(app, client, auth):
    auth.login("writer")  # the central office's writer: every unit in reach
    for state, action in (("approved", "publish"), ("in_review", "approve"), ("published", "retract")):
        release_id = _release(app, state)
        _act(client, auth, release_id, action)
        assert _state(app, release_id) == state, action


def test_a_photographer_never_submits_and_never_makes_a_photo_public(app, client, auth):
    auth.login("photographer")
    draft = _release(app, "draft")
    assert _act(client, auth, draft, "submit").status_code == 403
    assert _state(app, draft) == "draft"
    with app.app_context():
        activity = db.session.scalar(select(Activity.id).order_by(Activity.id))
    token = auth.token(f"/staf/kegiatan/{activity}")
    assert client.post("/staf/foto/1/publik", data={"value": "1", "csrf_token": token}).status_code == 403


def test_a_unit_editor_approves_in_its_unit_but_never_publishes_for_the_central_office(app, client, auth):
    auth.login("unit_editor")
    own = _release(app, "in_review", "Dinkes")
    _act(client, auth, own, "publish")
    assert _state(app, own) == "in_review"
    _act(client, auth, own, "approve")
    assert _state(app, own) == "approved"
    approved_elsewhere = _release(app, "approved", "Bagian Humas Setda")
    assert _act(client, auth, approved_elsewhere, "publish").status_code == 403
    assert _state(app, approved_elsewhere) == "approved"


def test_only_the_admin_manages_accounts_units_templates_and_the_glossary(client, auth):
    admin_pages = ("/staf/admin/pengguna", "/staf/admin/unit", "/staf/siaran/templat", "/staf/admin/glosarium")
    for role in ("editor", "unit_editor", "writer", "photographer"):
        auth.login(role)
        for path in admin_pages:
            assert client.get(path).status_code == 403, (role, path)
        auth.logout()
    auth.login("admin")
    assert all(client.get(path).status_code == 200 for path in admin_pages)


def test_the_central_editor_publishes_for_every_unit(app, client, auth):
    auth.login("editor")
    approved = _release(app, "approved")
    _act(client, auth, approved, "publish")
    assert _state(app, approved) == "published"
