"""Hostile and wrong URLs: traversal in media and rendition paths, unknown and
non-numeric ids. The visitor gets the "page not found" page (JSON under /api/), never a
file from outside the store, never a private photo, never a stack trace."""
from __future__ import annotations

import pytest

NOT_FOUND = "Halaman tidak ditemukan"

TRAVERSALS = [
    "/media/..%2F..%2Fetc%2Fpasswd/web.jpg",
    "/media/" + "a" * 64 + "/..%2F..%2F..%2Fetc%2Fpasswd.jpg",
    "/media/" + "0" * 64 + "/..%2F..%2Fsiaran.db.jpg",
    "/media/../../etc/passwd",
    "/static/..%2F..%2Fpress%2Fconfig.py",
    "/static/../press/config.py",
    "/siaran/..%2F..%2Fetc%2Fpasswd",
    "/tag/topik/..%2F..%2Fetc",
    "/unit/..%2F..%2F",
]


@pytest.mark.parametrize("url", TRAVERSALS)
def test_traversal_in_a_path_is_not_found(client, url):
    response = client.get(url)
    assert response.status_code == 404
    body = response.get_data(as_text=True)
    assert NOT_FOUND in body
    assert "root:" not in body and "SECRET" not in body and "Traceback" not in body


HUGE = "99999999999999999999"  # 20 digits: more than a 64-bit integer holds
ABOVE_MAX = str(2**31)  # one more than the largest id (PostgreSQL's INTEGER)

UNKNOWN = ["/foto/999999", "/foto/abc", "/foto/-1", "/kegiatan/999999", "/kegiatan/1e3", "/siaran/999999",
           "/siaran/tidak-ada", "/orang/tidak-ada", "/unit/%00", "/arsip/99999/13", "/arsip/abc",
           # ids no row can have: beyond PostgreSQL's INTEGER, zero, a digit of another script
           f"/siaran/{HUGE}", f"/siaran/{ABOVE_MAX}", "/siaran/0", "/siaran/²", f"/foto/{HUGE}", "/foto/0",
           f"/kegiatan/{HUGE}", f"/kegiatan/{ABOVE_MAX}", "/kegiatan/0"]


@pytest.mark.parametrize("url", UNKNOWN)
def test_unknown_or_non_numeric_ids_on_the_site_are_not_found(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert NOT_FOUND in response.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/api/v1/photos/abc", "/api/v1/photos/999999", "/api/v1/releases/999999",
                                 "/api/v1/releases/..%2F..%2Fetc", f"/api/v1/photos/{HUGE}", f"/api/v1/releases/{HUGE}",
                                 "/api/v1/photos/0", "/api/v1/releases/0", "/api/v1/releases/-3"])
def test_unknown_ids_in_the_api_are_json_not_found(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.get_json()["status"] == 404


@pytest.mark.parametrize("url", ["/staf/kegiatan/999999", "/staf/kegiatan/abc", "/staf/kegiatan/999999/ubah",
                                 "/staf/siaran/999999/riwayat", "/staf/admin/pengguna/999999",
                                 f"/staf/kegiatan/{HUGE}", f"/staf/kegiatan/{HUGE}/ubah", f"/staf/siaran/{HUGE}/",
                                 f"/staf/siaran/{HUGE}/riwayat", f"/staf/siaran/{HUGE}/pratinjau",
                                 f"/staf/siaran/{HUGE}/docx", f"/staf/foto/{HUGE}", f"/staf/foto/{HUGE}/web.jpg",
                                 f"/staf/catatan/{HUGE}", f"/staf/admin/pengguna/{HUGE}", f"/staf/admin/unit/{HUGE}",
                                 f"/staf/admin/tempat/{ABOVE_MAX}", "/staf/kegiatan/0", "/staf/siaran/0/"])
def test_unknown_or_non_numeric_ids_on_staff_pages_are_not_found(client, auth, url):
    auth.login("admin")
    response = client.get(url)
    assert response.status_code == 404
    assert NOT_FOUND in response.get_data(as_text=True)


def test_a_real_rendition_key_with_another_variant_name_is_not_found(app, client):
    from tests.web.publishing_fixtures import build_site

    with app.app_context():
        site = build_site(app)
        private = site.private_photos[0]
        key = private.sha256
        web = private.rendition("web")
    for variant in ("web", "thumb", "original", "..%2Foriginal", "web.jpg%00"):
        response = client.get(f"/media/{key}/{variant}.jpg")
        assert response.status_code == 404, variant
    assert client.get(f"/media/{web.sha256}/web.jpg").status_code == 404  # private photo by rendition hash
