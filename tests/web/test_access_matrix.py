"""Every staff route × anonymous and each role → redirect to login, 403 or success.

The matrix is built from the URL map and the roles each view declares with
``roles_required``, so a new route is covered without editing this test; a route
outside the public blueprints that declares no roles fails the test.
"""
from __future__ import annotations

import pytest
from sqlalchemy import select

from press.extensions import db
from press.models import ROLES, Activity, Note, Release, ReleasePhoto, Unit, User, Venue

from tests.conftest import FIXTURES

PUBLIC_BLUEPRINTS = {"site", "agenda", "auth", "api", "site_search", "feeds", "api_releases", "api_docs", "ppid_site", None}


def staff_rules(app):
    for rule in app.url_map.iter_rules():
        blueprint = rule.endpoint.rsplit(".", 1)[0] if "." in rule.endpoint else None
        if rule.endpoint == "static" or blueprint in PUBLIC_BLUEPRINTS:
            continue
        yield rule


def url_values(app) -> dict:
    """A real object for every URL parameter name the staff routes use."""
    return {
        "activity_id": db.session.scalar(select(Activity.id).limit(1)),
        "user_id": db.session.scalar(select(User.id).where(User.role == "writer")),
        "unit_id": db.session.scalar(select(Unit.id).limit(1)),
        "venue_id": db.session.scalar(select(Venue.id).limit(1)),
        "release_id": db.session.scalar(select(Release.id).where(Release.state == "draft").limit(1)),
        "note_id": _a_note_id(),
        "media_id": _a_media_id(app),
        "variant": "thumb",
        "kind": "kunjungan_kerja",
        "photo_id": db.session.scalar(select(ReleasePhoto.id).limit(1)) or 1,
        "correction_id": _a_correction_id(),
    }


def _a_correction_id() -> int:
    """The demo has no remembered corrections: remember one title fix for the note's activity."""
    from press.models import NoteCorrection

    note = db.session.get(Note, _a_note_id())
    correction = NoteCorrection(activity_id=note.activity_id, note_id=note.id, kind="title",
                                source_name="Ahmad Suryana", wrong="Walikota", right="Kabag Tapem")
    db.session.add(correction)
    db.session.commit()
    return correction.id


def _a_note_id() -> int:
    """The demo has no notes: store one typed note on the first activity."""
    note_id = db.session.scalar(select(Note.id).limit(1))
    if note_id is None:
        note = Note(activity_id=db.session.scalar(select(Activity.id).limit(1)), source="typed",
                    text="Wali Kota Bekasi membuka acara.", cleaning={}, extraction={}, accepted={})
        db.session.add(note)
        db.session.commit()
        note_id = note.id
    return note_id


def _a_media_id(app) -> int:
    """The demo has no photos in the test store: ingest one fixture into the first activity."""
    from press.services import media as media_service
    from press.storage import FileStorage

    activity = db.session.scalar(select(Activity).order_by(Activity.id).limit(1))
    photographer = db.session.scalar(select(User).where(User.role == "photographer"))
    outcome = media_service.ingest(
        db.session, FileStorage(app.config["MEDIA_ROOT"]), FIXTURES / "images" / "r_canon.jpg", "r_canon.jpg",
        activity=activity, uploader=photographer, config=media_service.IngestConfig.from_mapping(app.config))
    db.session.commit()
    return outcome.media.id


def build(rule, values) -> str:
    missing = set(rule.arguments) - set(values)
    assert not missing, f"{rule.endpoint}: add a value for {sorted(missing)} to url_values()"
    return rule.build({name: values[name] for name in rule.arguments})[1]


def test_every_staff_route_declares_its_roles(app):
    undeclared = [r.endpoint for r in staff_rules(app) if not hasattr(app.view_functions[r.endpoint], "allowed_roles")]
    assert undeclared == []


def test_staff_routes_exist(app):
    assert len(list(staff_rules(app))) >= 10


@pytest.mark.parametrize("who", ["anonymous", *ROLES])
def test_access_matrix(app, client, auth, who):
    with app.app_context():
        values = url_values(app)
    if who != "anonymous":
        assert auth.login(who).status_code == 302
    token = auth.token()
    failures = []
    for rule in staff_rules(app):
        url = build(rule, values)
        allowed = app.view_functions[rule.endpoint].allowed_roles
        method = "GET" if "GET" in rule.methods else "POST"
        response = client.open(url, method=method, data={"csrf_token": token} if method == "POST" else None)
        if who == "anonymous":
            ok = response.status_code == 302 and "/staf/login" in response.headers["Location"]
            expected = "redirect to login"
        elif who in allowed:
            ok = response.status_code in ((200, 302) if method == "GET" else (200, 302, 400, 409))
            ok = ok and "/staf/login" not in response.headers.get("Location", "")
            expected = "success"
        else:
            ok = response.status_code == 403
            expected = "403"
        if not ok:
            failures.append(f"{method} {url} as {who}: got {response.status_code}, expected {expected}")
    assert failures == []
