"""The photo desk on the web: bulk edit from the gallery and its undo, licences on the public
photo page, the API and the kit, an internal licence never public (every new URL walked),
collections (staff pages; a public one's page, feed and ZIP with public photos only)."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from sqlalchemy import select

from press.extensions import db
from press.models import Activity, BulkEdit, Media, User
from press.photos.public_meta import read_public_meta
from press.services import collections, licences
from press.services import media as media_service
from press.services import media_ingest
from press.storage import FileStorage
from tests.photos.test_bulk_edit import small_jpeg

SECRET = "rahasia-internal-lisensi"


@pytest.fixture
def desk(app):
    """Four photos of the first activity: two public (one CC BY 4.0), one internal-licensed
    whose caption holds a secret, one private; a public collection of all four."""
    with app.app_context():
        activity = db.session.scalar(select(Activity).order_by(Activity.id))
        user = db.session.scalar(select(User).where(User.role == "photographer"))
        store = FileStorage(app.config["MEDIA_ROOT"])
        config = media_service.IngestConfig.from_mapping(app.config)
        files = [media_ingest.PhotoFile(f"d{n}.jpg", small_jpeg(500 + n)) for n in range(4)]
        made = []
        for outcome in media_ingest.ingest_many(db.session, store, files, activity=activity, uploader=user,
                                                config=config):
            db.session.commit()
            made.append(outcome.media)
        open_, licensed, internal, private = made
        open_.caption, open_.is_public = "Foto terbuka", True
        licensed.caption, licensed.is_public = "Foto berlisensi", True
        licensed.licence, licensed.restrictions = licences.by_code(db.session, "cc-by-4.0"), "Tidak untuk iklan"
        internal.caption, internal.is_public = f"Foto {SECRET}", True
        internal.licence = licences.by_code(db.session, "internal")
        private.caption = f"Foto pribadi {SECRET}"
        collection = collections.save(db.session, None, name="HUT Kota ke-28", public_=True)
        collections.add_photos(db.session, None, collection, [internal.id, private.id, licensed.id, open_.id])
        collections.save(db.session, None, name=collection.name, public_=True, cover_id=internal.id,
                         collection=collection)
        db.session.commit()
        return {"activity": activity.id, "open": open_.id, "licensed": licensed.id, "internal": internal.id,
                "private": private.id, "slug": collection.slug, "collection": collection.id}


def test_the_licence_is_on_the_public_photo_page_the_api_and_the_kit_captions(client, desk):
    page = client.get(f"/foto/{desk['licensed']}").get_data(as_text=True)
    assert 'rel="license">CC BY 4.0</a>' in page and "Tidak untuk iklan" in page
    api = client.get(f"/api/v1/photos/{desk['licensed']}").get_json()
    assert api["licence"] == {"code": "cc-by-4.0", "name": "CC BY 4.0", "restrictions": "Tidak untuk iklan",
                              "url": "https://creativecommons.org/licenses/by/4.0/"}
    assert client.get(f"/api/v1/photos/{desk['open']}").get_json()["licence"] is None
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"/galeri/koleksi/{desk['slug']}.zip").data))
    lines = archive.read("captions.txt").decode("utf-8").splitlines()
    assert any("Foto berlisensi" in line and "\tLisensi: CC BY 4.0. Tidak untuk iklan.\t" in line for line in lines)


def test_an_internal_licence_is_never_public_on_any_new_url(client, desk):
    assert client.get(f"/foto/{desk['internal']}").status_code == 404
    assert client.get(f"/api/v1/photos/{desk['internal']}").status_code == 404
    urls = ["/galeri", f"/galeri/koleksi/{desk['slug']}", f"/galeri/koleksi/{desk['slug']}/feed.xml",
            f"/galeri/koleksi/{desk['slug']}.zip", "/api/v1/photos", "/feed.xml", "/sitemap.xml"]
    seen = set()
    while urls:
        url = urls.pop()
        if url in seen:
            continue
        seen.add(url)
        answer = client.get(url)
        assert answer.status_code == 200, url
        body = answer.get_data()
        if url.endswith(".zip"):
            archive = zipfile.ZipFile(io.BytesIO(body))
            assert len([n for n in archive.namelist() if n.endswith(".jpg")]) == 2
            body = b"".join(archive.read(n) for n in archive.namelist())
        assert SECRET.encode() not in body, url
        if answer.mimetype == "text/html":
            urls += [link for link in re.findall(r'(?:href|src)="(/(?:galeri|foto|media)[^"]*)"', body.decode())]
    with client.application.app_context():
        internal = db.session.get(Media, desk["internal"])
        for rendition in internal.renditions:
            assert client.get(f"/media/{rendition.sha256}/{rendition.variant}.jpg").status_code == 404


def test_a_collection_not_public_has_no_page(client, auth, desk):
    auth.login("editor")
    token = auth.token()
    answer = client.post(f"/staf/koleksi/{desk['collection']}", data={"csrf_token": token, "name": "HUT Kota ke-28"})
    assert answer.status_code == 302
    auth.logout()
    for suffix in ("", "/feed.xml", ".zip"):
        assert client.get(f"/galeri/koleksi/{desk['slug']}{suffix}").status_code == 404


def test_the_public_collection_shows_its_public_cover_and_photos_in_order(client, auth, desk):
    auth.login("editor")
    token = auth.token()
    moved = client.post(f"/staf/koleksi/{desk['collection']}/urutan",
                        data={"csrf_token": token, "media_id": desk["open"], "action": "up"})
    assert moved.status_code == 302
    auth.logout()
    page = client.get(f"/galeri/koleksi/{desk['slug']}").get_data(as_text=True)
    order = [int(n) for n in re.findall(r'href="/foto/(\d+)"', page)]
    assert order == [desk["open"], desk["licensed"]]  # the internal cover is not shown: the first public one is
    assert "HUT Kota ke-28" in client.get("/galeri").get_data(as_text=True)


def test_bulk_caption_from_the_gallery_then_undo_from_the_history(app, client, auth, desk):
    auth.login("editor")
    token = auth.token()
    ids = [desk["open"], desk["licensed"], desk["private"]]
    answer = client.post(f"/staf/kegiatan/{desk['activity']}/foto/massal",
                         data={"csrf_token": token, "media_id": [str(i) for i in ids], "caption": "HUT Kota:",
                               "caption_mode": "prefix", "licence": "media-kredit"})
    assert answer.status_code == 302
    page = client.get(f"/staf/kegiatan/{desk['activity']}").get_data(as_text=True)
    assert "HUT Kota: Foto terbuka" in page and "Riwayat ubah massal" in page
    with app.app_context():
        edit = db.session.scalar(select(BulkEdit))
        media = db.session.get(Media, desk["open"])
        store = FileStorage(app.config["MEDIA_ROOT"])
        with store.open_rendition(media.sha256, "web") as handle:
            meta = read_public_meta(handle.read())
        assert meta["xmp"]["caption"] == "HUT Kota: Foto terbuka"
        assert meta["iptc"]["usage_terms"] == "Boleh dipakai media dengan kredit."
    status = client.get(f"/staf/kegiatan/{desk['activity']}/foto/massal/{edit.id}").get_json()
    assert status == {"id": edit.id, "state": "applied", "done": 3, "total": 3}
    undone = client.post(f"/staf/kegiatan/{desk['activity']}/foto/massal/{edit.id}/batal", data={"csrf_token": token})
    assert undone.status_code == 302
    with app.app_context():
        assert db.session.get(Media, desk["open"]).caption == "Foto terbuka"
        assert db.session.get(Media, desk["licensed"]).licence.code == "cc-by-4.0"


def test_bulk_form_refuses_bad_input_with_the_reason(client, auth, desk):
    auth.login("editor")
    token = auth.token()
    url = f"/staf/kegiatan/{desk['activity']}/foto/massal"
    for data, reason in (({"credit": "X"}, "Pilih setidaknya satu foto"),
                         ({"media_id": str(desk["open"])}, "Tidak ada yang diubah"),
                         ({"media_id": str(desk["open"]), "public": "maybe"}, "Pilihan tidak dikenal"),
                         ({"media_id": "x1", "credit": "X"}, "Nomor foto tidak sah")):
        answer = client.post(url, data={"csrf_token": token, **data})
        assert answer.status_code == 400
        assert reason in answer.get_data(as_text=True)
    missing = client.post(url, data={"csrf_token": token, "media_id": "999999999", "credit": "X"},
                          follow_redirects=True).get_data(as_text=True)
    assert "Foto 999999999 tidak ada." in missing


def test_a_licence_code_must_be_well_formed(client, auth):
    auth.login("admin")
    token = auth.token()
    answer = client.post("/staf/admin/lisensi", data={"csrf_token": token, "code": "Bad Code!", "name": "X"})
    assert answer.status_code == 400 and "Kode lisensi" in answer.get_data(as_text=True)
    ok = client.post("/staf/admin/lisensi", data={"csrf_token": token, "code": "cc-by-sa-4.0", "name": "CC BY-SA 4.0",
                                                  "url": "https://creativecommons.org/licenses/by-sa/4.0/"})
    assert ok.status_code == 302 and "CC BY-SA 4.0" in client.get("/staf/admin/lisensi").get_data(as_text=True)
