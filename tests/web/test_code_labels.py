"""Every code of ``press.codes`` has its label in Indonesian and English (``press/web/labels.py``),
and the pages name codes by those labels in the reader's language."""
from __future__ import annotations

import inspect
from enum import StrEnum

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from press import codes
from press.demo import demo_photo_jpeg
from press.extensions import db
from press.models import Activity, Media, Release, User
from press.web import labels
from tests.conftest import EMAILS
from tests.web.test_photos import first_activity_id, upload

ENUMS = [value for _name, value in inspect.getmembers(codes, inspect.isclass)
         if issubclass(value, StrEnum) and value is not StrEnum]
MEMBERS = [member for enum in ENUMS for member in enum]
# Labels that are the same word in both languages.
SAME_IN_ENGLISH = {codes.Role.ADMIN, codes.OutletKind.RADIO}


def test_the_codes_module_holds_the_enums_the_labels_cover():
    assert {e.__name__ for e in ENUMS} >= {"Role", "ReleaseState", "WorkflowAction", "MediaStatus", "ActivityKind", "ExtractionState"}
    assert set(labels.LABELS) == set(ENUMS)


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_code_has_a_label_in_indonesian_and_in_english(app, member):
    with app.test_request_context():
        with force_locale("id"):
            indonesian = str(labels.label(member))
        with force_locale("en"):
            english = str(labels.label(member))
    assert indonesian.strip() and english.strip()
    assert indonesian != member.value  # a word for people, not the stored code
    if member in SAME_IN_ENGLISH:
        assert english == indonesian
    else:
        assert english != indonesian, f"{member!r} has no English label"


def _as_english(app, role: str) -> None:
    with app.app_context():
        db.session.scalar(select(User).where(User.email == EMAILS[role])).locale = "en"
        db.session.commit()


def test_a_refused_action_names_the_releases_state_in_the_readers_language(app, client, auth):
    with app.app_context():
        rid = db.session.scalar(select(Release.id).where(Release.state == "draft").limit(1))
    _as_english(app, "editor")
    auth.login("editor")
    page = client.post(f"/staf/siaran/{rid}/alur", data={"csrf_token": auth.token(), "action": "publish"},
                       follow_redirects=True).get_data(as_text=True)
    assert "This release is Draft; that action does not apply now." in page


def test_an_approved_release_refused_for_editing_is_named_in_the_readers_language(app, client, auth):
    with app.app_context():
        release = db.session.scalar(select(Release).where(Release.state == "approved").limit(1))
        rid, version = release.id, release.version
    _as_english(app, "editor")
    auth.login("editor")
    page = client.post(f"/staf/siaran/{rid}/sunting", data={
        "csrf_token": auth.token(), "action": "save", "title": "Judul", "dateline": "BEKASI –",
        "body": "Isi.", "signature": "(Adv Humas)", "version": version,
    }, follow_redirects=True).get_data(as_text=True)
    assert "A release that is Approved cannot be edited" in page


def test_a_photo_whose_original_is_missing_says_so_in_the_gallery(app, client, auth):
    auth.login("photographer")
    activity_id = first_activity_id(app)
    body = upload(client, auth.token(), activity_id, demo_photo_jpeg(0), "rapat.jpg").get_json()
    with app.app_context():
        db.session.get(Media, body["media_id"]).status = codes.MediaStatus.MISSING
        db.session.commit()
    page = client.get(f"/staf/kegiatan/{activity_id}").get_data(as_text=True)
    assert "Berkas asli hilang" in page and "Tanpa pratinjau" not in page
    _as_english(app, "photographer")
    page = client.get(f"/staf/kegiatan/{activity_id}").get_data(as_text=True)
    assert "Original missing" in page


def test_every_activity_kind_is_offered_by_its_label(app, client, auth):
    auth.login("writer")
    page = client.get("/staf/kegiatan/baru").get_data(as_text=True)
    with app.test_request_context(), force_locale("id"):
        for kind in codes.ActivityKind:
            assert f'value="{kind.value}"' in page and str(labels.label(kind)) in page
    with app.app_context():
        assert {a.kind for a in db.session.scalars(select(Activity))} <= set(codes.ActivityKind)
