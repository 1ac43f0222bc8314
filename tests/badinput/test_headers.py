"""Hostile request headers: a bogus Accept-Language, a huge Content-Length, the wrong
Content-Type. The site keeps answering in Indonesian or refuses with a page that says why."""
from __future__ import annotations

import pytest

from press import create_app
from tests import databases
from tests.conftest import make_config


@pytest.mark.parametrize("value", ["xx-YY;q=abc, ;;;, *;q=2", "id," * 5000, "\u00e9\u00e8;q=1", "en-US;q=-5, id;q=NaN"],
                         ids=["garbage", "huge", "latin1", "negative_q"])
def test_a_bogus_accept_language_gets_the_indonesian_site(client, value):
    response = client.get("/", headers={"Accept-Language": value.encode("utf-8").decode("latin-1")})
    assert response.status_code == 200
    assert 'lang="id"' in response.get_data(as_text=True)


def test_a_huge_content_length_is_refused_before_reading(client):
    response = client.post("/staf/login", data=b"x", content_type="application/x-www-form-urlencoded",
                           environ_overrides={"CONTENT_LENGTH": str(10**12)})
    assert response.status_code == 413
    assert "padahal satu kiriman paling banyak 200 MB untuk semua berkasnya bersama-sama" in response.get_data(as_text=True)


def test_a_body_over_the_limit_is_refused_with_the_limit(tmp_path, migrated_db):
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path, MAX_UPLOAD_MB=1, MAX_REQUEST_MB=1))
    response = app.test_client().post("/staf/login", data={"email": "x" * (2 * 1024 * 1024)})
    assert response.status_code == 413
    assert "Kiriman ini 2 MB, padahal satu kiriman paling banyak 1 MB" in response.get_data(as_text=True)


@pytest.mark.parametrize("content_type", ["application/json", "text/plain", "multipart/form-data; boundary=",
                                          "application/x-www-form-urlencoded; charset=utf-16"])
def test_a_form_post_with_the_wrong_content_type_is_refused_nothing_changes(client, auth, content_type):
    response = client.post("/staf/login", data=b'{"email": "a"}', content_type=content_type)
    assert response.status_code == 400
    assert "Formulir kedaluwarsa atau tidak sah" in response.get_data(as_text=True)


def test_an_api_request_asking_for_xml_still_gets_json_errors(client):
    response = client.get("/api/v1/photos/999999", headers={"Accept": "application/xml"})
    assert response.status_code == 404 and response.is_json
