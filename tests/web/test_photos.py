"""Photo pages: upload (one JSON result per file), gallery, captions, flags, files, access."""
from __future__ import annotations

import io
import re

import exifread
import pytest
from PIL import Image, IptcImagePlugin
from sqlalchemy import select

from press.demo import demo_photo_jpeg
from press.extensions import db
from press.models import Activity, AuditEvent, Media
from press.storage import FileStorage
from tests.conftest import EMAILS, FIXTURES

GPS_PHOTO = FIXTURES / "images" / "67-0_length_string.jpg"  # a phone photo with GPS in its EXIF


def first_activity_id(app) -> int:
    with app.app_context():
        return db.session.scalar(select(Activity.id).order_by(Activity.id).limit(1))


def upload(client, token, activity_id, data: bytes, name: str, **form):
    return client.post(
        f"/staf/kegiatan/{activity_id}/unggah",
        data={"file": (io.BytesIO(data), name), **form},
        headers={"X-CSRFToken": token, "Accept": "application/json", "X-Requested-With": "XMLHttpRequest"},
        content_type="multipart/form-data",
    )


@pytest.fixture
def photographer(auth):
    auth.login("photographer")
    return auth.token()


def test_upload_page_prefills_the_photographers_default_credit(app, client, photographer):
    page = client.get(f"/staf/kegiatan/{first_activity_id(app)}/unggah").get_data(as_text=True)
    assert 'value="Dok. Humas Pemkot Bekasi"' in page
    assert 'name="caption_prefix"' in page and 'multiple' in page and "upload.js" in page


def test_upload_gives_a_json_result_per_file_and_a_duplicate_links_to_the_existing_photo(app, client, photographer):
    activity_id = first_activity_id(app)
    data = (FIXTURES / "images" / "r_canon.jpg").read_bytes()
    first = upload(client, photographer, activity_id, data, "r_canon.jpg", caption_prefix="Kunjungan kerja.",
                   copyright="© 2021 Pemkot Bekasi")
    assert first.status_code == 200
    body = first.get_json()
    assert body["outcome"] == "ingested" and body["file"] == "r_canon.jpg"
    assert body["thumb"] and client.get(body["thumb"]).status_code == 200
    again = upload(client, photographer, activity_id, data, "salinan.jpg").get_json()
    assert again["outcome"] == "duplicate"
    assert again["media_id"] == body["media_id"] and again["url"] == f"/staf/foto/{body['media_id']}"
    assert f"#{body['media_id']}" in again["message"]
    with app.app_context():
        media = db.session.get(Media, body["media_id"])
        assert media.credit == "Dok. Humas Pemkot Bekasi"  # the photographer's default credit
        assert media.caption == "Kunjungan kerja." and media.copyright == "© 2021 Pemkot Bekasi"
        assert db.session.scalar(select(db.func.count()).select_from(Media)) == 1
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "media.ingest")) is not None


def test_wrong_type_is_rejected_with_a_translated_reason_and_nothing_stored(app, client, photographer):
    response = upload(client, photographer, first_activity_id(app), b"%PDF-1.4 not a photo at all", "foto.jpg")
    assert response.status_code == 422
    body = response.get_json()
    assert body["outcome"] == "rejected" and body["label"] == "Ditolak"
    assert body["message"].startswith("Jenis berkas ini bukan foto yang didukung")
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Media)) == 0


def test_rejection_reason_follows_the_users_language(app, client, auth):
    with app.app_context():
        from press.models import User
        user = db.session.scalar(select(User).where(User.email == EMAILS["photographer"]))
        user.locale = "en"
        db.session.commit()
    auth.login("photographer")
    body = upload(client, auth.token(), first_activity_id(app), b"", "kosong.jpg").get_json()
    assert body["outcome"] == "rejected" and body["message"] == "The file is empty."


def test_upload_without_csrf_token_is_refused_and_stores_nothing(app, client, photographer):
    response = client.post(
        f"/staf/kegiatan/{first_activity_id(app)}/unggah",
        data={"file": (io.BytesIO((FIXTURES / "images" / "r_sony.jpg").read_bytes()), "r_sony.jpg")},
        headers={"Accept": "application/json"}, content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert "token" in response.get_json()["message"]
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Media)) == 0


def test_too_large_request_gets_a_clear_json_message_not_a_bare_413(app, client, photographer):
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    big = demo_photo_jpeg(3, size=(3000, 2000))
    assert len(big) > 64 * 1024
    response = upload(client, photographer, first_activity_id(app), big, "besar.jpg")
    assert response.status_code == 413
    body = response.get_json()
    assert "satu kiriman paling banyak" in body["message"]


def test_plain_form_upload_of_many_files_without_javascript_shows_each_result(app, client, photographer):
    activity_id = first_activity_id(app)
    response = client.post(
        f"/staf/kegiatan/{activity_id}/unggah",
        data={"csrf_token": photographer, "file": [
            (io.BytesIO((FIXTURES / "images" / "r_sony.jpg").read_bytes()), "r_sony.jpg"),
            (io.BytesIO((FIXTURES / "broken" / "broken.jpg").read_bytes()), "broken.jpg"),
            (io.BytesIO((FIXTURES / "images" / "Landscape_3.jpg").read_bytes()), "Landscape_3.jpg"),
        ]},
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert page.count('class="upload-row ingested"') == 2 and page.count('class="upload-row rejected"') == 1
    assert "Jenis berkas ini bukan foto yang didukung" in page


def test_writers_cannot_upload(app, client, auth):
    auth.login("writer")
    assert client.get(f"/staf/kegiatan/{first_activity_id(app)}/unggah").status_code == 403
    response = upload(client, auth.token(), first_activity_id(app), b"x", "x.jpg")
    assert response.status_code == 403


def ingest_files(client, token, activity_id, items) -> list[int]:
    ids = []
    for name, data in items:
        body = upload(client, token, activity_id, data, name).get_json()
        assert body["outcome"] == "ingested", body
        ids.append(body["media_id"])
    return ids


def test_gallery_shows_photos_in_taken_at_order_with_facts(app, client, photographer):
    from datetime import datetime

    activity_id = first_activity_id(app)
    late, early, middle = ingest_files(client, photographer, activity_id, [
        ("late.jpg", demo_photo_jpeg(0, taken_at=datetime(2021, 9, 30, 11, 0))),
        ("early.jpg", demo_photo_jpeg(3, taken_at=datetime(2021, 9, 30, 8, 30))),
        ("middle.jpg", demo_photo_jpeg(4, taken_at=datetime(2021, 9, 30, 9, 45))),
    ])
    page = client.get(f"/staf/kegiatan/{activity_id}").get_data(as_text=True)
    order = [int(x) for x in re.findall(r'id="foto-(\d+)"', page)]
    assert order == [early, middle, late]
    assert "Kamis, 30 September 2021 08.30 WIB" in page  # the camera's time and its +07:00 offset
    assert "Canon EOS 80D" in page


def test_near_duplicates_are_grouped_with_the_sharpest_first(app, client, photographer):
    activity_id = first_activity_id(app)
    sharp, blurred, other = ingest_files(client, photographer, activity_id, [
        ("tajam.jpg", demo_photo_jpeg(1, 7)),
        ("buram.jpg", demo_photo_jpeg(1, 7, blur=4)),
        ("lain.jpg", demo_photo_jpeg(3, 4)),
    ])
    page = client.get(f"/staf/kegiatan/{activity_id}").get_data(as_text=True)
    group = page[page.index('class="dup-group"'):]
    group = group[:group.index("</ol>")]
    assert [int(x) for x in re.findall(r'/staf/foto/(\d+)"', group)] == [sharp, blurred]
    assert "Paling tajam" in group
    assert f"/staf/foto/{other}\"" not in group


def read_back(path):
    with open(path, "rb") as handle:
        data = handle.read()
    tags = exifread.process_file(io.BytesIO(data), details=False)
    iptc = IptcImagePlugin.getiptcinfo(Image.open(io.BytesIO(data))) or {}
    return data, tags, iptc


def test_caption_edit_rewrites_the_public_rendition_without_gps(app, client, auth):
    auth.login("photographer")
    ingested = upload(client, auth.token(), first_activity_id(app), GPS_PHOTO.read_bytes(), GPS_PHOTO.name).get_json()
    media_id = ingested["media_id"]
    auth.logout()
    auth.login("writer")
    with app.app_context():
        old_hash = db.session.get(Media, media_id).rendition("web").sha256
    response = client.post(f"/staf/foto/{media_id}/teks", data={
        "csrf_token": auth.token(), "caption": "Wali Kota Bekasi menyambut tamu, Kamis (30/9/2021).",
        "credit": "Dok. Humas Pemkot Bekasi", "copyright": "© 2021 Pemerintah Kota Bekasi",
    })
    assert response.status_code == 302
    with app.app_context():
        media = db.session.get(Media, media_id)
        assert media.gps_lat is not None  # the original had GPS; the database keeps it for staff
        web = media.rendition("web")
        assert web.sha256 != old_hash
        path = FileStorage(app.config["MEDIA_ROOT"]).rendition_path(media.sha256, "web")
    data, tags, iptc = read_back(path)
    assert __import__("hashlib").sha256(data).hexdigest() == web.sha256
    assert str(tags["Image ImageDescription"]) == "Wali Kota Bekasi menyambut tamu, Kamis (30/9/2021)."
    assert iptc[(2, 120)].decode() == "Wali Kota Bekasi menyambut tamu, Kamis (30/9/2021)."
    assert iptc[(2, 110)].decode() == "Dok. Humas Pemkot Bekasi"
    assert iptc[(2, 116)].decode() == "© 2021 Pemerintah Kota Bekasi"
    assert not [name for name in tags if name.startswith("GPS")]
    assert b"Wali Kota Bekasi menyambut tamu" in data  # XMP dc:description too


def test_caption_and_credit_edit_via_json_and_too_long_credit_refused(app, client, photographer):
    media_id, = ingest_files(client, photographer, first_activity_id(app), [("a.jpg", demo_photo_jpeg(2))])
    headers = {"Accept": "application/json", "X-CSRFToken": photographer}
    body = client.post(f"/staf/foto/{media_id}/teks", data={"caption": "Baru", "credit": "Kredit baru"},
                       headers=headers).get_json()
    assert body["ok"] and body["caption"] == "Baru" and body["credit"] == "Kredit baru"
    refused = client.post(f"/staf/foto/{media_id}/teks", data={"credit": "x" * 201}, headers=headers)
    assert refused.status_code == 400 and "200" in refused.get_json()["message"]
    with app.app_context():
        assert db.session.get(Media, media_id).credit == "Kredit baru"


def test_public_is_for_editors_and_highlight_for_writers_too(app, client, auth):
    auth.login("photographer")
    media_id, = ingest_files(client, auth.token(), first_activity_id(app), [("a.jpg", demo_photo_jpeg(2))])
    auth.logout()
    auth.login("writer")
    token = auth.token()
    assert client.post(f"/staf/foto/{media_id}/publik", data={"csrf_token": token, "value": "1"}).status_code == 403
    assert client.post(f"/staf/foto/{media_id}/unggulan", data={"csrf_token": token, "value": "1"}).status_code == 302
    auth.logout()
    auth.login("editor")
    assert client.post(f"/staf/foto/{media_id}/publik", data={"csrf_token": auth.token(), "value": "1"}).status_code == 302
    with app.app_context():
        media = db.session.get(Media, media_id)
        assert media.is_public and media.is_highlight
        web = media.rendition("web").sha256
    auth.logout()
    assert client.get(f"/media/{web}/web.jpg").status_code == 200  # now on the public site


def test_people_in_the_photo_from_those_present(app, client, auth):
    auth.login("photographer")
    activity_id = first_activity_id(app)
    media_id, = ingest_files(client, auth.token(), activity_id, [("a.jpg", demo_photo_jpeg(2))])
    with app.app_context():
        activity = db.session.get(Activity, activity_id)
        person = activity.participants[0].person
        person_id, name = person.id, person.name
    client.post(f"/staf/foto/{media_id}/orang", data={"csrf_token": auth.token(), "person_id": [str(person_id)]})
    page = client.get(f"/staf/foto/{media_id}").get_data(as_text=True)
    assert f"Dalam foto: {name}" in page
    bad = client.post(f"/staf/foto/{media_id}/orang", data={"person_id": ["999999"]},
                      headers={"Accept": "application/json", "X-CSRFToken": auth.token()})
    assert bad.status_code == 400
    with app.app_context():
        assert [p.id for p in db.session.get(Media, media_id).people] == [person_id]


def test_private_photos_and_originals_are_kept_from_those_without_the_role(app, client, auth):
    auth.login("photographer")
    data = (FIXTURES / "images" / "r_canon.jpg").read_bytes()
    body = upload(client, auth.token(), first_activity_id(app), data, "r_canon.jpg").get_json()
    media_id = body["media_id"]
    original = client.get(f"/staf/foto/{media_id}/asli")
    assert original.status_code == 200 and original.data == data
    assert "attachment" in original.headers["Content-Disposition"]
    with app.app_context():
        media = db.session.get(Media, media_id)
        web, sha = media.rendition("web").sha256, media.sha256
    auth.logout()
    # Anonymous: no staff page, rendition or original; the public site does not know the photo.
    for url in (f"/staf/foto/{media_id}", f"/staf/foto/{media_id}/web.jpg", f"/staf/foto/{media_id}/asli"):
        response = client.get(url)
        assert response.status_code == 302 and "/staf/login" in response.headers["Location"]
    assert client.get(f"/media/{web}/web.jpg").status_code == 404
    assert client.get(f"/media/{sha}/web.jpg").status_code == 404
    assert client.get(f"/foto/{media_id}").status_code == 404
    # A writer sees the photo but may not download the original.
    auth.login("writer")
    assert client.get(f"/staf/foto/{media_id}/web.jpg").status_code == 200
    assert client.get(f"/staf/foto/{media_id}/asli").status_code == 403
    assert client.get(f"/staf/foto/{media_id}/nonexistent.jpg").status_code == 404


def test_photo_page_shows_facts_tags_and_the_gps_venue(app, client, auth):
    """A photo taken at a registered venue (GPS within the radius) is tagged with it."""
    auth.login("photographer")
    with app.app_context():
        from press.models import Venue
        aula = db.session.scalar(select(Venue).where(Venue.name == "Aula Nonon Sonthanie"))
        at_aula = (aula.latitude + 0.0002, aula.longitude)
        third = db.session.scalar(select(Activity.id).where(Activity.title == "Peresmian Gedung Baru Puskesmas Jatisampurna"))
    data = demo_photo_jpeg(5, gps=at_aula)
    media_id = upload(client, auth.token(), third, data, "aula.jpg").get_json()["media_id"]
    page = client.get(f"/staf/foto/{media_id}").get_data(as_text=True)
    assert "Aula Nonon Sonthanie" in page and "dari GPS" in page
    assert "Canon EOS 80D" in page and "dari EXIF" in page


def test_a_photo_with_broken_exif_is_kept_and_the_gallery_says_so(app, client, photographer):
    activity_id = first_activity_id(app)
    body = upload(client, photographer, activity_id, (FIXTURES / "broken" / "hopper_bad_exif.jpg").read_bytes(),
                  "hopper_bad_exif.jpg").get_json()
    assert body["outcome"] == "ingested"
    with app.app_context():
        problems = db.session.get(Media, body["media_id"]).exif_problems
    assert problems
    page = client.get(f"/staf/kegiatan/{activity_id}").get_data(as_text=True)
    card = page[page.index(f'id="foto-{body["media_id"]}"'):]
    assert "EXIF tidak lengkap" in card[:3000]
    detail = client.get(body["url"]).get_data(as_text=True)
    assert "Data EXIF yang tidak terbaca" in detail


def test_stored_problems_are_shown_in_the_readers_language(app, client, auth):
    """A photo's EXIF and preview problems are stored as codes and read in Indonesian or English."""
    activity_id = first_activity_id(app)
    auth.login("photographer")
    body = upload(client, auth.token(), activity_id, (FIXTURES / "broken" / "hopper_bad_exif.jpg").read_bytes(),
                  "hopper_bad_exif.jpg").get_json()
    with app.app_context():
        media = db.session.get(Media, body["media_id"])
        assert {p["code"] for p in media.exif_problems} == {"exif_warning"}
        media.problems = [{"code": "colour_profile_unusable", "error": "bad ICC"}]
        db.session.commit()
    card = lambda page: page[page.index(f'id="foto-{body["media_id"]}"'):][:3000]  # noqa: E731
    indonesian = client.get(body["url"]).get_data(as_text=True)
    assert "Peringatan saat membaca EXIF: Corrupt EXIF data" in indonesian
    assert "Profil warna di dalam foto tidak dapat dipakai (bad ICC)" in indonesian
    assert "Peringatan saat membaca EXIF" in card(client.get(f"/staf/kegiatan/{activity_id}").get_data(as_text=True))
    with app.app_context():
        from press.models import User
        db.session.scalar(select(User).where(User.email == EMAILS["photographer"])).locale = "en"
        db.session.commit()
    english = client.get(body["url"]).get_data(as_text=True)
    assert "Warning while reading EXIF: Corrupt EXIF data" in english
    assert "The embedded colour profile could not be used (bad ICC)" in english
    assert "Warning while reading EXIF" in card(client.get(f"/staf/kegiatan/{activity_id}").get_data(as_text=True))
