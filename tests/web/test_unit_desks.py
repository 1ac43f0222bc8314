"""Units with their own people: lists, the staff search and the API show a unit's work in
progress only to that unit, the units above it and the central office; services called
directly refuse another unit's work; the workflow's desks (unit editor, central queue)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from press import permissions
from press.extensions import db
from press.models import Activity, Release, Unit, User
from press.services import activities, indexing, media, media_ingest, notes, releases, workflow
from press.services.activities import ActivityData
from press.storage import FileStorage

DRAFT_SECRET = "draf-rahasia-sosialisasi"  # in the body of Diskominfostandi's demo draft
QUERY = "Diskominfostandi"
KOMINFO_ACTIVITY = "Sosialisasi Keterbukaan Informasi Publik"


def _user(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def _unit(abbreviation: str) -> Unit:
    return db.session.scalar(select(Unit).where(Unit.abbreviation == abbreviation))


def _kominfo_draft() -> Release:
    return db.session.scalar(select(Release).where(Release.body.contains(DRAFT_SECRET)))


@pytest.fixture
def indexed(app):
    with app.app_context():
        indexing.rebuild_all(db.session, app.extensions["search_index"])
        db.session.commit()
    return app


# -- lists, search, API ---------------------------------------------------------------

def test_a_writer_of_one_unit_never_sees_another_units_draft_in_lists_search_or_api(indexed, client, auth):
    auth.login_email("penulis.dinkes@siaran.test")
    pages = {
        "releases": client.get("/staf/siaran/").get_data(as_text=True),
        "queue": client.get("/staf/siaran/alur").get_data(as_text=True),
        "activities": client.get("/staf/kegiatan/").get_data(as_text=True),
        "search": client.get(f"/staf/cari/?q={QUERY}").get_data(as_text=True),
        "api": client.get(f"/api/v1/search?scope=staff&q={QUERY}").get_data(as_text=True),
    }
    for where, page in pages.items():
        assert "Gelar Sosialisasi Keterbukaan" not in page, where
        assert KOMINFO_ACTIVITY not in page, where
    assert "Peresmian Gedung Baru Puskesmas" in pages["activities"], "its own unit's activity is listed"
    assert "Wali Kota Bekasi Resmikan Gedung Baru" in pages["releases"], "its own unit's release in review is listed"
    assert "Pemerintah Kota Bekasi Terima Kunker" in pages["releases"], "published work is read by all staff"
    with indexed.app_context():
        draft_id = _kominfo_draft().id
    assert client.get(f"/staf/siaran/{draft_id}/").status_code == 403


def test_the_central_office_sees_every_units_draft_in_search_and_api(indexed, client, auth):
    auth.login("writer")  # Bagian Humas, the central office
    assert "Gelar Sosialisasi Keterbukaan" in client.get(f"/staf/cari/?q={QUERY}").get_data(as_text=True)
    hits = client.get(f"/api/v1/search?scope=staff&q={QUERY}").get_json()["hits"]
    assert any(h["kind"] == "release" for h in hits)


# -- services called directly ---------------------------------------------------------

def test_services_called_directly_refuse_another_units_work_with_the_reason(app, ctx):
    writer = _user("penulis.dinkes@siaran.test")
    draft = _kominfo_draft()
    kominfo_activity = db.session.scalar(select(Activity).where(Activity.title.startswith(KOMINFO_ACTIVITY)))
    refusals = {
        "save_release": lambda: releases.save_release(
            db.session, draft, title="Diubah", dateline=None, body="x", signature=None,
            expected_version=draft.version, actor=writer),
        "create_draft": lambda: releases.create_draft(db.session, kominfo_activity, writer),
        "submit": lambda: workflow.apply(db.session, draft, "submit", writer),
        "update_activity": lambda: activities.update_activity(db.session, kominfo_activity, ActivityData(
            title="Diubah", kind=kominfo_activity.kind, starts_on=kominfo_activity.starts_on,
            unit_id=kominfo_activity.unit_id), actor=writer),
        "add_note": lambda: notes.add_note(db.session, kominfo_activity, writer, typed_text="Catatan."),
    }
    for verb, call in refusals.items():
        with pytest.raises(Exception) as refused:
            call()
        assert str(refused.value) == permissions.OUTSIDE_UNIT, verb
        db.session.rollback()
    assert _kominfo_draft().title.startswith("Diskominfostandi Gelar")


def test_a_photographer_called_directly_cannot_publish_a_photo(app, ctx):
    from press.models import Media
    from press.services.media import IngestConfig
    from tests.conftest import FIXTURES

    photographer = _user("fotografer.dinkes@siaran.test")
    own = db.session.scalar(select(Activity).where(Activity.unit_id == _unit("Dinkes").id))
    outcome = media_ingest.ingest(db.session, FileStorage(app.config["MEDIA_ROOT"]), FIXTURES / "images" / "r_canon.jpg",
                           "r_canon.jpg", activity=own, uploader=photographer,
                           config=IngestConfig.from_mapping(app.config))
    db.session.commit()
    with pytest.raises(media.MediaError, match="Peran Anda tidak boleh"):
        media.set_flags(db.session, outcome.media, actor=photographer, public=True)
    db.session.rollback()
    assert db.session.get(Media, outcome.media.id).is_public is False
    other = db.session.scalar(select(Activity).where(Activity.unit_id == _unit("Bagian Humas Setda").id))
    with pytest.raises(media.MediaError):
        list(media_ingest.ingest_many(db.session, FileStorage(app.config["MEDIA_ROOT"]), [], activity=other,
                               uploader=photographer, config=IngestConfig.from_mapping(app.config)))


# -- the desks --------------------------------------------------------------------------

def _post_action(client, auth, release_id: int, action: str, **form):
    token = auth.token(f"/staf/siaran/{release_id}/")
    return client.post(f"/staf/siaran/{release_id}/alur", data={"action": action, "csrf_token": token, **form})


def test_unit_writer_to_unit_editor_to_the_central_queue_to_the_central_editor(app, client, auth):
    with app.app_context():
        release = db.session.scalar(select(Release).where(Release.state == "in_review",
                                                          Release.unit_id == _unit("Dinkes").id))
        release_id, title = release.id, release.title
    auth.login("unit_editor")
    _post_action(client, auth, release_id, "approve")
    refused = _post_action(client, auth, release_id, "publish", follow_redirects=True)
    page = client.get(f"/staf/siaran/{release_id}/").get_data(as_text=True)
    assert "menunggu redaktur pusat" in page
    with app.app_context():
        assert db.session.get(Release, release_id).state == "approved"
    auth.logout()
    auth.login("editor")
    queue = client.get("/staf/siaran/alur").get_data(as_text=True)
    central = queue.split('id="central-queue"')[1].split("</section>")[0]
    assert title in central
    _post_action(client, auth, release_id, "publish")
    with app.app_context():
        assert db.session.get(Release, release_id).state == "published"
    assert refused.status_code in (200, 302)


def test_a_unit_the_admin_lets_publish_itself_is_published_by_its_unit_editor(app, ctx):
    dinkes = _unit("Dinkes")
    unit_editor = _user("redaktur.dinkes@siaran.test")
    release = db.session.scalar(select(Release).where(Release.state == "in_review", Release.unit_id == dinkes.id))
    with pytest.raises(workflow.WorkflowError, match="menunggu redaktur pusat"):
        workflow.apply(db.session, release, "publish", unit_editor)
    dinkes.publishes_itself = True
    workflow.apply(db.session, release, "publish", unit_editor)
    assert release.state == "published"


def test_a_unit_without_a_unit_editor_goes_straight_to_the_central_queue(app, ctx):
    draft = _kominfo_draft()
    workflow.apply(db.session, draft, "submit", _user("penulis.kominfo@siaran.test"))
    assert draft in workflow.central_queue(db.session)
    dinkes_review = db.session.scalar(select(Release).where(Release.state == "in_review",
                                                            Release.unit_id == _unit("Dinkes").id))
    assert dinkes_review not in workflow.central_queue(db.session), "Dinkes has its unit editor"
