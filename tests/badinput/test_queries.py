"""Hostile query strings on the public and staff search and the paged lists: never an
error page, never more than the visitor may see, and a notice saying what was done."""
from __future__ import annotations

import html

import pytest
from sqlalchemy import select

from press.extensions import db
from press.models import Release
from press.services import indexing

QUERIES = {
    "sql": ("' OR 1=1 --", "AND, OR, NOT dan tanda kurung tidak dipakai"),
    "whoosh_syntax": ("AND OR NOT (", "AND, OR, NOT dan tanda kurung tidak dipakai"),
    "star": ("*", "Tidak ada kata yang bisa dicari."),
    "unclosed_quote": ('"kunjungan kerja', "Tanda kutip tidak berpasangan"),
    "ten_thousand_chars": ("kunjungan " * 1000, "Pencarian terlalu panjang dan dipotong."),
}


@pytest.mark.parametrize("name", QUERIES)
def test_public_search_answers_hostile_text_with_a_notice(client, name):
    text, notice = QUERIES[name]
    response = client.get("/cari", query_string={"q": text})
    assert response.status_code == 200
    assert notice in html.unescape(response.get_data(as_text=True))


@pytest.mark.parametrize("name", QUERIES)
def test_search_api_answers_hostile_text_with_a_notice(client, name):
    text, notice = QUERIES[name]
    response = client.get("/api/v1/search", query_string={"q": text})
    assert response.status_code == 200
    body = response.get_json()
    assert any(notice in n["message"] for n in body["notices"])
    assert all(hit["kind"] in ("release", "photo") for hit in body["hits"])  # public kinds only


@pytest.mark.parametrize("name", QUERIES)
def test_staff_search_answers_hostile_text_with_a_notice(client, auth, name):
    auth.login("writer")
    text, notice = QUERIES[name]
    response = client.get("/staf/cari/", query_string={"q": text})
    assert response.status_code == 200
    assert notice in html.unescape(response.get_data(as_text=True))


def test_sql_syntax_does_not_widen_the_public_search(client, indexed):
    everything = client.get("/api/v1/search", query_string={"q": "kota"}).get_json()
    assert everything["total"] >= 1 and indexed.id in [hit["id"] for hit in everything["hits"]]
    injected = client.get("/api/v1/search", query_string={"q": "zzzqqq' OR 1=1 --"}).get_json()
    assert (injected["total"], injected["hits"]) == (0, [])
    page = client.get("/cari", query_string={"q": "zzzqqq' OR 1=1 --"}).get_data(as_text=True)
    assert f'href="/siaran/{indexed.slug}"' not in page


def test_script_in_the_query_is_shown_as_text(client):
    body = client.get("/cari", query_string={"q": "<script>alert(1)</script>"}).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


@pytest.fixture
def indexed(app):
    """The demo's releases, activities and photos in the search index, as ``flask setup`` leaves them."""
    with app.app_context():
        indexing.rebuild_all(db.session, app.extensions["search_index"])
        return db.session.scalar(select(Release).where(Release.state == "published"))


@pytest.mark.parametrize("page", ["-1", "abc", "0", "99999999999999999999999"])
def test_bad_page_numbers_fall_back_to_a_valid_page(client, indexed, page):
    response = client.get("/api/v1/search", query_string={"q": "kota", "page": page})
    assert response.status_code == 200
    found = response.get_json()
    first = page != "99999999999999999999999"
    assert found["page"] == (1 if first else 10_000)
    assert [hit["id"] for hit in found["hits"] if hit["kind"] == "release"] == ([indexed.id] if first else [])
    public_page = client.get("/cari", query_string={"q": "kota", "page": page})
    assert public_page.status_code == 200
    assert (f'href="/siaran/{indexed.slug}"' in public_page.get_data(as_text=True)) == first
    archive = client.get("/arsip", query_string={"page": page})
    assert archive.status_code == 200
    assert archive.get_data() == client.get("/arsip").get_data(), "the archive is shown as without the page"


@pytest.mark.parametrize("raw", ["%ff%fe", "%ED%B3%BF", "kunj%C3ungan"], ids=["invalid_utf8", "lone_surrogate", "cut_sequence"])
def test_broken_unicode_in_the_query_is_searched_as_text(client, raw):
    page = client.get(f"/cari?q={raw}")
    assert page.status_code == 200
    api = client.get(f"/api/v1/search?q={raw}")
    assert api.status_code == 200 and api.get_json()["hits"] == []


def test_a_bad_date_filter_is_searched_as_words_with_a_notice(client):
    response = client.get("/api/v1/search", query_string={"q": "kota tanggal:2026-13-45"})
    assert response.status_code == 200
    assert any(n["code"] == "bad_date" for n in response.get_json()["notices"])


def test_bad_date_bounds_in_the_form_are_dropped(client):
    response = client.get("/api/v1/search", query_string={"q": "kota", "dari": "2026-13-45", "sampai": "kemarin"})
    plain = client.get("/api/v1/search", query_string={"q": "kota"})
    assert response.status_code == 200
    assert response.get_json()["total"] == plain.get_json()["total"]
