"""Staff side of the workflow: buttons by role, the POST that applies them, the history, the CLI."""
from __future__ import annotations

import json
import re
from datetime import date

from sqlalchemy import select

from press.extensions import db
from press.models import AuditEvent, Release

NEXT_YEAR = date.today().year + 1  # embargoes are refused more than two years ahead


def release_id(app, state: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Release.id).where(Release.state == state).limit(1))


def state_of(app, rid: int) -> str:
    with app.app_context():
        return db.session.get(Release, rid).state


def test_a_writer_submits_and_sees_only_the_submit_button(app, client, auth):
    rid = release_id(app, "draft")
    auth.login("writer")
    page = client.get(f"/staf/siaran/{rid}/riwayat").get_data(as_text=True)
    assert 'value="submit"' in page and 'value="approve"' not in page and 'value="publish"' not in page
    answer = client.post(f"/staf/siaran/{rid}/alur", data={"csrf_token": auth.token(), "action": "submit"})
    assert answer.status_code == 302
    assert state_of(app, rid) == "in_review"
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert "Ditinjau" in page and "Wulan Penulis" in page  # the history names who did it


def test_a_writer_cannot_publish_and_loses_nothing(app, client, auth):
    rid = release_id(app, "in_review")
    auth.login("writer")
    answer = client.post(f"/staf/siaran/{rid}/alur", data={"csrf_token": auth.token(), "action": "publish"},
                         follow_redirects=True)
    assert "Peran Anda tidak boleh" in answer.get_data(as_text=True)
    assert state_of(app, rid) == "in_review"


def test_an_editor_sends_back_with_a_comment_shown_in_the_history(app, client, auth):
    rid = release_id(app, "in_review")
    auth.login("editor")
    empty = client.post(f"/staf/siaran/{rid}/alur", data={"csrf_token": auth.token(), "action": "send_back"},
                        follow_redirects=True)
    assert "Tulis catatan untuk penulis" in empty.get_data(as_text=True)
    client.post(f"/staf/siaran/{rid}/alur", data={
        "csrf_token": auth.token(), "action": "send_back", "comment": "Konfirmasi ulang gelar narasumber."})
    assert state_of(app, rid) == "draft"
    page = client.get(f"/staf/siaran/{rid}/riwayat").get_data(as_text=True)
    assert "Konfirmasi ulang gelar narasumber." in page and "Rina Redaktur" in page


def test_an_editor_schedules_with_a_wib_time_and_the_page_says_when(app, client, auth):
    rid = release_id(app, "approved")
    auth.login("editor")
    past = client.post(f"/staf/siaran/{rid}/alur", data={
        "csrf_token": auth.token(), "action": "schedule", "at": "2020-01-01T09:00"}, follow_redirects=True)
    assert "masa depan" in past.get_data(as_text=True)
    client.post(f"/staf/siaran/{rid}/alur", data={
        "csrf_token": auth.token(), "action": "schedule", "at": f"{NEXT_YEAR}-10-01T09:00"})
    assert state_of(app, rid) == "scheduled"
    page = client.get(f"/staf/siaran/{rid}/riwayat").get_data(as_text=True)
    assert page.count(f"1 Oktober {NEXT_YEAR} 09.00 WIB") == 2  # the state line and the history


def test_an_editor_publishes_a_correction_with_its_note(app, client, auth):
    rid = release_id(app, "published")
    auth.login("editor")
    with app.app_context():
        release = db.session.get(Release, rid)
        title, slug, version = release.title, release.slug, release.version
    client.post(f"/staf/siaran/{rid}/alur", data={
        "csrf_token": auth.token(), "action": "correct", "version": str(version), "title": title,
        "body": "Isi yang dikoreksi: Kepala Diskominfo Kabupaten Subang.", "note": "Sebutan Kabupaten Subang diperbaiki."})
    public = client.get(f"/siaran/{slug}").get_data(as_text=True)
    assert "Diperbarui" in public and "Sebutan Kabupaten Subang diperbaiki." in public
    assert "Isi yang dikoreksi" in public
    stale = client.post(f"/staf/siaran/{rid}/alur", data={
        "csrf_token": auth.token(), "action": "correct", "version": str(version), "title": title,
        "body": "Versi lama.", "note": "x"}, follow_redirects=True)
    assert "sudah diubah orang lain" in stale.get_data(as_text=True)


def test_cli_transition_acts_as_the_named_user(app, runner):
    rid = release_id(app, "in_review")
    refused = runner.invoke(args=["releases", "transition", str(rid), "approve", "--as", "penulis@siaran.test"])
    assert refused.exit_code != 0 and "Peran Anda" in refused.output
    done = runner.invoke(args=["releases", "transition", str(rid), "approve", "--as", "redaktur@siaran.test", "--json"])
    assert done.exit_code == 0, done.output
    row = json.loads(done.output)
    assert (row["from"], row["state"]) == ("in_review", "approved")
    scheduled = runner.invoke(args=["releases", "transition", str(rid), "schedule", "--as", "redaktur@siaran.test",
                                    "--at", f"{NEXT_YEAR}-01-02T08:00"])
    assert scheduled.exit_code == 0, scheduled.output
    listed = [json.loads(line) for line in runner.invoke(args=["releases", "list", "--state", "scheduled", "--json"]).output.splitlines()]
    assert rid in [r["id"] for r in listed]
    assert next(r for r in listed if r["id"] == rid)["embargo_at"] == f"{NEXT_YEAR}-01-02T01:00:00+00:00"
    with app.app_context():
        actions = db.session.scalars(select(AuditEvent.action).where(
            AuditEvent.object_type == "release", AuditEvent.object_id == rid)).all()
    assert actions[-2:] == ["release.approve", "release.schedule"]


def test_the_staff_release_page_can_include_the_partials(app, client, auth):
    rid = release_id(app, "published")
    auth.login("photographer")
    page = client.get(f"/staf/siaran/{rid}/riwayat").get_data(as_text=True)
    assert "Riwayat" in page and "Tidak ada tindakan yang bisa Anda lakukan" in page
    assert client.post(f"/staf/siaran/{rid}/alur", data={"csrf_token": auth.token(), "action": "retract"}).status_code == 403


def test_the_queue_shows_what_waits_for_review_and_the_embargo_time(app, client, auth):
    auth.login("editor")
    page = client.get("/staf/siaran/alur").get_data(as_text=True)
    with app.app_context():
        waiting = db.session.scalar(select(Release).where(Release.state == "in_review"))
        scheduled = db.session.scalar(select(Release).where(Release.state == "scheduled"))
        assert waiting.title in page and scheduled.title in page
        assert re.search(rf'href="/staf/siaran/{waiting.id}[/"]', page)  # its release page
    assert "terbit otomatis" in page
    assert 'href="/staf/siaran/alur"' in page  # in the staff navigation
