"""The workflow form's texts (a correction's title and body, its "Diperbarui" note, a
retraction notice, a note sent back) are held to the editor's limits, with the editor's
messages; a refused correction changes nothing and is shown back as typed."""
from __future__ import annotations

import html

import pytest
from sqlalchemy import func, select

from press.extensions import db
from press.models import AuditEvent, Release, Revision, User


def first(app, state: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Release.id).where(Release.state == state).order_by(Release.id).limit(1))


def snapshot(app, rid: int) -> tuple:
    with app.app_context():
        release = db.session.get(Release, rid)
        revisions = db.session.scalar(select(func.count()).select_from(Revision).where(Revision.release_id == rid))
        events = db.session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.object_type == "release", AuditEvent.object_id == rid))
        return (release.state, release.title, release.body, release.version, release.correction_note,
                release.retraction_notice, revisions, events)


def correct(client, auth, app, rid: int, **fields):
    with app.app_context():
        release = db.session.get(Release, rid)
        data = {"title": release.title, "body": release.body, "note": "Nama jabatan diperbaiki.",
                "version": str(release.version)}
    data.update(fields)
    return client.post(f"/staf/siaran/{rid}/alur", data={"csrf_token": auth.token(), "action": "correct", **data})


@pytest.mark.parametrize(("field", "value", "message"), [
    ("body", "Paragraf koreksi yang panjang sekali. " * 2700 + "PENANDA-AKHIR",
     "Isi siaran terlalu panjang: paling banyak 100000 huruf."),
    ("title", "Judul " * 51 + "PENANDA-AKHIR", "Judul terlalu panjang: paling banyak 300 huruf."),
    ("note", "Catatan " * 63 + "PENANDA-AKHIR", "Catatan “Diperbarui” terlalu panjang: paling banyak 500 huruf."),
], ids=["body_over_100000", "title_over_300", "note_over_500"])
def test_a_correction_over_the_editors_limits_is_refused_changes_nothing_and_is_shown_back(
        app, client, auth, field, value, message):
    rid = first(app, "published")
    before = snapshot(app, rid)
    auth.login("editor")
    response = correct(client, auth, app, rid, **{field: value})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert message in page
    assert "PENANDA-AKHIR" in page  # what was typed is on the page again, nothing lost
    assert snapshot(app, rid) == before
    with app.app_context():
        slug = db.session.get(Release, rid).slug
    assert "PENANDA-AKHIR" not in client.get(f"/siaran/{slug}").get_data(as_text=True)


def test_a_correction_at_the_limit_is_published(app, client, auth):
    rid = first(app, "published")
    auth.login("editor")
    body = ("x" * 99_990) + " PENANDA."
    assert len(body) <= 100_000
    response = correct(client, auth, app, rid, body=body)
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Release, rid).body == body


@pytest.mark.parametrize(("state", "action", "field", "limit", "label"), [
    ("published", "retract", "notice", 2000, "Pemberitahuan penarikan"),
    ("in_review", "send_back", "comment", 500, "Catatan"),
], ids=["retraction_notice", "send_back_comment"])
def test_a_workflow_note_over_its_limit_is_refused_with_the_limit(app, client, auth, state, action, field, limit, label):
    rid = first(app, state)
    before = snapshot(app, rid)
    auth.login("editor")
    response = client.post(f"/staf/siaran/{rid}/alur", data={
        "csrf_token": auth.token(), "action": action, field: "a" * (limit + 1)}, follow_redirects=True)
    assert f"{label} terlalu panjang: paling banyak {limit} huruf." in html.unescape(response.get_data(as_text=True))
    assert snapshot(app, rid) == before


def test_the_editor_refuses_a_revision_comment_over_its_limit_and_keeps_the_text(app, client, auth):
    rid = first(app, "draft")
    before = snapshot(app, rid)
    auth.login("writer")
    with app.app_context():
        release = db.session.get(Release, rid)
        form = {"title": release.title, "body": release.body + "\n\nParagraf baru PENANDA.", "version": str(release.version)}
    response = client.post(f"/staf/siaran/{rid}/sunting", data={
        "csrf_token": auth.token(f"/staf/siaran/{rid}/sunting"), "comment": "k" * 501, **form})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert "Catatan terlalu panjang: paling banyak 500 huruf." in page and "Paragraf baru PENANDA." in page
    assert snapshot(app, rid) == before


def test_a_part_over_its_limit_is_named_in_the_readers_language(app, client, auth):
    rid = first(app, "published")
    with app.app_context():
        db.session.scalar(select(User).where(User.role == "editor")).locale = "en"
        db.session.commit()
    auth.login("editor")
    response = client.post(f"/staf/siaran/{rid}/alur", data={
        "csrf_token": auth.token(), "action": "retract", "notice": "a" * 2001}, follow_redirects=True)
    page = html.unescape(response.get_data(as_text=True))
    assert "The retraction notice is too long: at most 2000 characters." in page
    assert "Pemberitahuan penarikan" not in page
