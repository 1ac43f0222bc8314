"""Security headers on every answer: public, staff, API, error pages, static files and the
page cache's replays; staff pages never stored; HSTS only in production."""
from __future__ import annotations


import pytest

from press import create_app
from tests import databases
from tests.conftest import make_config

POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
          "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


def assert_secured(response, *, staff: bool):
    headers = response.headers
    assert headers.get("Content-Security-Policy") == POLICY, response.request.path
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers.get("X-Content-Type-Options") == "nosniff"
    assert headers.get("X-Frame-Options") == "DENY"
    assert headers.get("Referrer-Policy") == ("same-origin" if staff else "strict-origin-when-cross-origin")
    assert "camera=()" in headers.get("Permissions-Policy", "")
    assert "Strict-Transport-Security" not in headers


@pytest.mark.parametrize("path", ["/", "/arsip", "/galeri", "/feed.xml", "/sitemap.xml", "/cari?q=bekasi"])
def test_public_pages_carry_the_headers_and_keep_their_caching(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_secured(response, staff=False)
    assert response.headers.get("Cache-Control") != "no-store"
    if path != "/cari?q=bekasi":
        assert response.headers["ETag"]


@pytest.mark.parametrize("path", ["/api/v1/releases", "/api/v1/photos", "/api/v1/search?q=bekasi"])
def test_the_api_carries_the_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200 and response.is_json
    assert_secured(response, staff=False)


def test_static_files_carry_nosniff_and_the_policy(client):
    response = client.get("/static/confirm.js")
    assert response.status_code == 200
    assert_secured(response, staff=False)


@pytest.mark.parametrize("path", ["/staf/login", "/staf/kegiatan/"])
def test_staff_pages_are_never_stored_even_before_login(client, path):
    response = client.get(path)  # the login page, and the redirect to it
    assert response.status_code in (200, 302)
    assert response.headers["Cache-Control"] == "no-store"
    assert_secured(response, staff=True)


@pytest.mark.parametrize("path", ["/staf/kegiatan/", "/staf/siaran/", "/staf/cari?q=bekasi", "/staf/profil"])
def test_signed_in_staff_pages_are_never_stored(client, auth, path):
    auth.login("writer")
    response = client.get(path, follow_redirects=True)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert_secured(response, staff=True)


def test_error_pages_carry_the_headers(client, auth):
    assert_secured(client.get("/siaran/tidak-ada"), staff=False)
    assert_secured(client.get("/api/v1/photos/999999"), staff=False)
    refused = client.post("/staf/login", data={"email": "a"})  # no CSRF token: 400
    assert refused.status_code == 400
    assert_secured(refused, staff=True)
    assert refused.headers["Cache-Control"] == "no-store"
    auth.login("photographer")
    forbidden = client.get("/staf/admin/pengguna")
    assert forbidden.status_code == 403
    assert_secured(forbidden, staff=True)
    assert forbidden.headers["Cache-Control"] == "no-store"


def test_the_page_cache_replays_the_headers_with_pages_and_304s(app, client):
    reached_flask = []
    cache = app.wsgi_app
    inner = cache.wsgi_app

    def counting(environ, start_response):
        reached_flask.append(environ["PATH_INFO"])
        return inner(environ, start_response)

    cache.wsgi_app = counting
    first = client.get("/arsip")
    assert reached_flask == ["/arsip"]
    cached = client.get("/arsip")
    revalidated = client.get("/arsip", headers={"If-None-Match": first.headers["ETag"]})
    assert reached_flask == ["/arsip"], "the second and third answers should come from the page cache"
    assert cached.status_code == 200 and cached.get_data() == first.get_data()
    assert revalidated.status_code == 304
    assert_secured(cached, staff=False)
    assert_secured(revalidated, staff=False)
    assert cached.headers["Cache-Control"] == first.headers["Cache-Control"]


def _app(tmp_path, migrated_db, env):
    tmp_path.mkdir()
    databases.copy_demo(migrated_db, tmp_path)
    return create_app(make_config(tmp_path, ENV=env, SECRET_KEY="k" * 64))


def test_hsts_only_in_production(tmp_path, migrated_db):
    production = _app(tmp_path / "production", migrated_db, "production").test_client()
    for path in ["/", "/staf/login", "/api/v1/releases", "/siaran/tidak-ada"]:
        assert production.get(path).headers.get("Strict-Transport-Security") == "max-age=31536000", path
    development = _app(tmp_path / "development", migrated_db, "development").test_client()
    assert "Strict-Transport-Security" not in development.get("/").headers
    assert "Strict-Transport-Security" not in development.get("/staf/login").headers
