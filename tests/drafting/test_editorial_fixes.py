"""Fixes in one click: "Terapkan" per finding and "Terapkan semua" per check saved as a
revision, "Biarkan" remembered per release by (check, text, occurrence); the register's
titles in the editor; ``releases check`` with replacements and ``releases fix``."""
from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from press.extensions import db
from press.models import AuditEvent, CheckDismissal, Release
from press.services import people
from tests.conftest import SHARED

from .test_drafting_pages import create_draft

BODY = ("Kegiatan dimulai pukul 09:30 WIB. Materi diunggah ke website dinas dan diskusi digelar online.\n\n"
        "Peserta mengakses website itu dari rumah.")


def save(app, client, auth, release_id: int, body: str = BODY, version: int = 1, signature: str = "(Adv Humas)"):
    form = {"csrf_token": auth.token(), "title": "Diskominfo Gelar Lokakarya", "dateline": "BEKASI –",
            "signature": signature, "body": body, "version": str(version), "action": "save"}
    assert client.post(f"/staf/siaran/{release_id}/sunting", data=form).status_code == 302


def release(app, release_id: int) -> Release:
    with app.app_context():
        item = db.session.get(Release, release_id)
        db.session.expunge(item)
        return item


def post(client, auth, release_id: int, action: str, **form):
    return client.post(f"/staf/siaran/{release_id}/{action}", data={"csrf_token": auth.token(), **form})


def test_the_editor_shows_apply_and_leave_per_finding_and_apply_all_per_check(app, client, auth):
    release_id = create_draft(app, client, auth)
    save(app, client, auth, release_id)
    page = client.get(f"/staf/siaran/{release_id}/sunting").get_data(as_text=True)
    assert page.count(">Terapkan</button>") == 4  # 09:30, website twice, online
    assert "Biarkan" in page and "Terapkan semua: Kata asing" in page and "Terapkan semua: Penulisan jam" in page
    assert 'name="text" value="website"' in page and 'name="occurrence" value="1"' in page


def test_apply_one_finding_saves_a_revision(app, client, auth):
    release_id = create_draft(app, client, auth)
    save(app, client, auth, release_id)
    response = post(client, auth, release_id, "terapkan", check="foreign", text="website", occurrence="1", version="2")
    assert response.status_code == 302
    saved = release(app, release_id)
    assert saved.version == 3
    assert saved.body == BODY.replace("mengakses website", "mengakses situs web")
    with app.app_context():
        assert db.session.scalar(select(AuditEvent.data).where(AuditEvent.action == "release.save")
                                 .order_by(AuditEvent.id.desc()))["revision"] == 3


def test_apply_all_of_one_check(app, client, auth):
    release_id = create_draft(app, client, auth)
    save(app, client, auth, release_id)
    assert post(client, auth, release_id, "terapkan-semua", check="foreign", version="2").status_code == 302
    saved = release(app, release_id)
    assert "website" not in saved.body and "online" not in saved.body and "09:30" in saved.body
    assert saved.body.count("situs web") == 2 and "digelar daring" in saved.body
    with app.app_context():
        assert db.session.get(Release, release_id).revisions[-1].comment == "Terapkan: foreign"


def test_apply_on_a_stale_version_changes_nothing(app, client, auth):
    release_id = create_draft(app, client, auth)
    save(app, client, auth, release_id)
    response = post(client, auth, release_id, "terapkan-semua", check="foreign", version="1")
    assert response.status_code == 302
    assert release(app, release_id).body == BODY
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "sudah diubah orang lain" in page


def test_bad_apply_and_leave_forms_are_refused_with_a_reason(app, client, auth):
    release_id = create_draft(app, client, auth)
    save(app, client, auth, release_id)
    for action, form in (("terapkan", {"check": "foreign", "text": "website", "occurrence": "x", "version": "2"}),
                         ("terapkan", {"check": "nope", "text": "website", "occurrence": "0", "version": "2"}),
                         ("terapkan-semua", {"check": "foreign"}),
                         ("biarkan", {"check": "foreign", "text": "tidak ada", "occurrence": "0"})):
        response = post(client, auth, release_id, action, **form)
        assert response.status_code == 302
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        assert "muat ulang halaman" in page
    assert release(app, release_id).version == 2
    auth.logout()
    auth.login("photographer")
    assert post(client, auth, release_id, "biarkan", check="foreign", text="website", occurrence="0").status_code == 403


def test_leave_is_remembered_by_check_text_and_occurrence_across_edits(app, client, auth):
    release_id = create_draft(app, client, auth)
    save(app, client, auth, release_id)
    assert post(client, auth, release_id, "biarkan", check="foreign", text="website", occurrence="0").status_code == 302
    page = client.get(f"/staf/siaran/{release_id}/sunting").get_data(as_text=True)
    assert 'name="text" value="website"' in page and page.count('name="text" value="website"') == 2  # the second: apply, leave
    # An edit elsewhere in the text keeps the choice.
    save(app, client, auth, release_id, body="Paragraf baru di awal.\n\n" + BODY, version=2)
    with app.app_context():
        from press.services import release_checks
        item = db.session.get(Release, release_id)
        left = [(f.code, f.text, k[2]) for f, k in release_checks.open_findings(db.session, item) if f.code == "foreign"]
        assert left == [("foreign", "online", 0), ("foreign", "website", 1)]
        assert db.session.scalar(select(CheckDismissal.text).where(CheckDismissal.release_id == release_id)) == "website"
    # "Terapkan semua" leaves the finding the editor left.
    post(client, auth, release_id, "terapkan-semua", check="foreign", version="3")
    body = release(app, release_id).body
    assert body.count("website") == 1 and body.index("website") < body.index("situs web")


def test_the_register_title_check_in_the_editor(app, client, auth):
    release_id = create_draft(app, client, auth)
    with app.app_context():
        person = people.get_or_create_person(db.session, "Dani Ramdan")
        people.add_position(db.session, person, "Bupati", acting="Pj.", starts_on=date(2021, 5, 22))
        db.session.commit()
    save(app, client, auth, release_id, body="Bupati Bekasi Dani Ramdan membuka acara.")
    page = client.get(f"/staf/siaran/{release_id}/sunting").get_data(as_text=True)
    assert "hanya sebagai Pj." in page and 'title="Ganti dengan “Pj. Bupati”"' in page


def test_cli_check_gives_replacements_and_fix_writes_them(app, runner, tmp_path):
    result = runner.invoke(args=["releases", "check", str(SHARED / "example-release.txt"), "--json"])
    findings = [json.loads(line) for line in result.output.splitlines()]
    by_text = {f["text"]: f for f in findings if f["check"] == "foreign"}
    assert by_text["website"]["replacement"] == "situs web" and by_text["sharing"]["replacement"] is None
    assert all("replacement" in f for f in findings)

    source = tmp_path / "siaran.txt"
    source.write_text("Walikota membuka acara pukul 14:30 WIB di website resmi.", encoding="utf-8")
    out = tmp_path / "bersih.txt"
    result = runner.invoke(args=["releases", "fix", str(source), "--check", "foreign", "--check", "time_format",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == "Walikota membuka acara pukul 14.30 WIB di situs web resmi."
    result = runner.invoke(args=["releases", "fix", str(source)])
    assert result.output.startswith("Wali Kota membuka acara pukul 14.30 WIB di situs web resmi.")
    assert runner.invoke(args=["releases", "fix", str(source), "--check", "nope"]).exit_code != 0
