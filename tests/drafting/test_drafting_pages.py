"""The release pages: draft button, editor, stale save, checks, preview, revisions, exports,
templates; the CLI commands."""
from __future__ import annotations

import io
import json
import re
import zipfile

from docx import Document
from sqlalchemy import select

from press.extensions import db
from press.models import Activity, Release
from tests.conftest import SHARED

from .conftest import add_photo, make_activity


def activity_id(app, kind="kunjungan_kerja") -> int:
    with app.app_context():
        return db.session.scalar(select(Activity.id).where(Activity.kind == kind).order_by(Activity.id))


def create_draft(app, client, auth, role="writer") -> int:
    auth.login(role)
    response = client.post(f"/staf/siaran/dari-kegiatan/{activity_id(app)}", data={"csrf_token": auth.token()})
    assert response.status_code == 302
    return int(re.search(r"/staf/siaran/(\d+)/sunting", response.headers["Location"]).group(1))


def test_activity_page_has_the_draft_button_for_writers_not_photographers(app, client, auth):
    auth.login("writer")
    page = client.get(f"/staf/kegiatan/{activity_id(app)}").get_data(as_text=True)
    assert "Buat draf siaran" in page and 'id="siaran"' in page
    auth.logout()
    auth.login("photographer")
    page = client.get(f"/staf/kegiatan/{activity_id(app)}").get_data(as_text=True)
    assert 'id="siaran"' in page and "Buat draf siaran" not in page
    assert client.post(f"/staf/siaran/dari-kegiatan/{activity_id(app)}",
                       data={"csrf_token": auth.token()}).status_code == 403


def test_draft_button_lists_missing_fields_and_opens_the_editor(app, client, auth):
    release_id = create_draft(app, client, auth)
    page = client.get(f"/staf/siaran/{release_id}/sunting").get_data(as_text=True)
    assert "kutipan (terima kutipan di catatan kegiatan)" in page  # the demo activity has no accepted quotes
    assert "Terima Kunker PPID Utama Kabupaten Subang" in page
    assert "Pemeriksaan" in page


def test_save_then_a_stale_save_is_refused_and_its_text_shown_back(app, client, auth):
    release_id = create_draft(app, client, auth)
    form = {"csrf_token": auth.token(), "title": "Judul baru", "dateline": "BEKASI –", "signature": "(Adv Humas)",
            "body": "Paragraf pertama yang **penting**.", "version": "1", "action": "save"}
    assert client.post(f"/staf/siaran/{release_id}/sunting", data=form).status_code == 302
    stale = dict(form, body="Teks yang ditulis di tab lain, masih versi satu.")
    response = client.post(f"/staf/siaran/{release_id}/sunting", data=stale)
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Teks yang ditulis di tab lain, masih versi satu." in page
    assert "sudah disimpan orang lain" in page
    assert 'name="version" value="2"' in page
    with app.app_context():
        release = db.session.get(Release, release_id)
        assert release.body == "Paragraf pertama yang **penting**." and release.version == 2


def test_check_without_saving_shows_findings_on_the_typed_text(app, client, auth):
    release_id = create_draft(app, client, auth)
    form = {"csrf_token": auth.token(), "title": "Judul", "dateline": "", "signature": "",
            "body": "Acara berlangsung Jumat, (30/9/2021) di Kota Subang dan Kabupaten Subang.", "version": "1",
            "action": "check"}
    page = client.post(f"/staf/siaran/{release_id}/sunting", data=form).get_data(as_text=True)
    assert "Hari tidak cocok dengan tanggal" in page
    assert "<mark>Kota Subang</mark>" in page or "<mark>Kabupaten Subang</mark>" in page
    with app.app_context():
        assert db.session.get(Release, release_id).version == 1


def test_preview_is_the_public_article_with_safe_formatting(app, client, auth):
    release_id = create_draft(app, client, auth)
    form = {"csrf_token": auth.token(), "title": "Judul", "dateline": "BEKASI –", "signature": "(Adv Humas)",
            "body": "Ada **tebal**, *miring* dan <script>alert(1)</script>.", "version": "1", "action": "save"}
    client.post(f"/staf/siaran/{release_id}/sunting", data=form)
    page = client.get(f"/staf/siaran/{release_id}/pratinjau").get_data(as_text=True)
    assert 'class="release-article"' in page
    assert "<strong>tebal</strong>" in page and "<em>miring</em>" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert '<span class="dateline">BEKASI –</span>' in page


def test_revisions_page_marks_changes(app, client, auth):
    release_id = create_draft(app, client, auth)
    with app.app_context():
        body = db.session.get(Release, release_id).body
    form = {"csrf_token": auth.token(), "title": "Judul", "dateline": "BEKASI –", "signature": "(Adv Humas)",
            "body": body.replace("menerima", "menyambut"), "version": "1", "action": "save"}
    client.post(f"/staf/siaran/{release_id}/sunting", data=form)
    page = client.get(f"/staf/siaran/{release_id}/revisi?a=1&b=2").get_data(as_text=True)
    assert "<del>menerima</del>" in page and "<ins>menyambut</ins>" in page


def test_photos_from_the_editor(app, client, auth):
    with app.app_context():
        activity = make_activity("audiensi")
        media = add_photo(app, activity, 77, caption="Audiensi")
        db.session.commit()
        aid, mid = activity.id, media.id
    auth.login("writer")
    response = client.post(f"/staf/siaran/dari-kegiatan/{aid}", data={"csrf_token": auth.token()})
    release_id = int(re.search(r"/(\d+)/sunting", response.headers["Location"]).group(1))
    with app.app_context():
        release = db.session.get(Release, release_id)
        photo_id = release.photos[0].id
        assert release.photos[0].media_id == mid
    token = auth.token()
    client.post(f"/staf/siaran/{release_id}/foto/{photo_id}/keterangan", data={"csrf_token": token, "caption": "Baru"})
    client.post(f"/staf/siaran/{release_id}/foto/{photo_id}/lepas", data={"csrf_token": token})
    with app.app_context():
        assert db.session.get(Release, release_id).photos == []
    client.post(f"/staf/siaran/{release_id}/foto", data={"csrf_token": token, "media_id": str(mid)})
    response = client.post(f"/staf/siaran/{release_id}/foto", data={"csrf_token": token, "media_id": "999999"})
    assert response.status_code == 302
    page = client.get(f"/staf/siaran/{release_id}/sunting").get_data(as_text=True)
    assert "Pilih foto dari galeri kegiatan siaran ini." in page
    with app.app_context():
        assert [p.media_id for p in db.session.get(Release, release_id).photos] == [mid]


def test_exports_download_for_every_staff_role(app, client, auth):
    release_id = create_draft(app, client, auth)
    auth.logout()
    auth.login("photographer")
    response = client.get(f"/staf/siaran/{release_id}/docx")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    Document(io.BytesIO(response.data))
    kit = client.get(f"/staf/siaran/{release_id}/kit")
    assert "captions.txt" in zipfile.ZipFile(io.BytesIO(kit.data)).namelist()
    assert client.get(f"/staf/siaran/{release_id}/sunting").status_code == 403
    auth.logout()
    assert client.get(f"/staf/siaran/{release_id}/docx").status_code == 302


def test_admin_edits_a_template_with_preview_and_line_numbered_errors(app, client, auth):
    auth.login("admin")
    page = client.get("/staf/siaran/templat/kunjungan_kerja").get_data(as_text=True)
    assert "Terima Kunker" in page and "Pratinjau" in page
    broken = "{% block headline %}Judul{% endblock %}\n{% block lead %}\n{{ host.name }\n{% endblock %}{% block body %}{% endblock %}"
    response = client.post("/staf/siaran/templat/kunjungan_kerja",
                           data={"csrf_token": auth.token(), "source": broken, "action": "save"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Baris 3" in page and "Kesalahan tulis templat" in page
    good = "{% block headline %}Sambut {{ activity.guest_body }}{% endblock %}{% block lead %}{{ host.mention }} hadir.{% endblock %}{% block body %}{% endblock %}"
    response = client.post("/staf/siaran/templat/kunjungan_kerja",
                           data={"csrf_token": auth.token(), "source": good, "action": "save",
                                 "activity_id": str(activity_id(app))})
    assert "Sambut PPID Utama Kabupaten Subang" in response.get_data(as_text=True)
    auth.logout()
    release_id = create_draft(app, client, auth)
    with app.app_context():
        assert db.session.get(Release, release_id).title == "Sambut PPID Utama Kabupaten Subang"
    assert client.get("/staf/siaran/templat/kunjungan_kerja").status_code == 403


def test_list_filters_by_state(app, client, auth):
    auth.login("editor")
    page = client.get("/staf/siaran/?status=published").get_data(as_text=True)
    assert "Pemerintah Kota Bekasi Terima Kunker PPID Utama Kabupaten Subang" in page
    page = client.get("/staf/siaran/?status=draft").get_data(as_text=True)
    assert "Pemerintah Kota Bekasi Terima Kunker PPID Utama Kabupaten Subang" not in page


def test_cli_draft_check_export(app, runner, tmp_path):
    result = runner.invoke(args=["releases", "draft", "--activity", str(activity_id(app)), "--json"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.output)
    assert {"id", "title", "dateline", "body", "signature", "photos", "checks"} <= set(row)
    assert "Terima Kunker" in row["title"] and row["missing"] == ["quotes"]

    result = runner.invoke(args=["releases", "check", str(SHARED / "example-release.txt"), "--json"])
    findings = [json.loads(line) for line in result.output.splitlines()]
    region = next(f for f in findings if f["check"] == "region_two_ways")
    assert region["text"] == "Kota Subang" and set(region) >= {"check", "message", "span", "text"}

    docx_path, kit_path = tmp_path / "s.docx", tmp_path / "s.zip"
    result = runner.invoke(args=["releases", "export", str(row["id"]), "--docx", str(docx_path), "--kit", str(kit_path)])
    assert result.exit_code == 0, result.output
    assert Document(str(docx_path)).paragraphs[0].text == row["title"]
    assert zipfile.ZipFile(kit_path).namelist()[0].endswith(".docx")
    assert runner.invoke(args=["releases", "export", "99999", "--docx", str(docx_path)]).exit_code != 0
