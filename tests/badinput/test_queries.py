"""Hostile query strings on the public and staff search and the paged lists: never an
error page, never more than the visitor may see, and a notice saying what was done."""
from __future__ import annotations

import html

import pytest

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


def test_sql_syntax_does_not_widen_the_public_search(client):
    everything = client.get("/api/v1/search", query_string={"q": "kota"}).get_json()["total"]
    injected = client.get("/api/v1/search", query_string={"q": "zzzqqq' OR 1=1 --"}).get_json()
    assert injected["total"] == 0 and everything >= 0


def test_script_in_the_query_is_shown_as_text(client):
    body = client.get("/cari", query_string={"q": "<script>alert(1)</script>"}).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


@pytest.mark.parametrize("page", ["-1", "abc", "0", "99999999999999999999999"])
def test_bad_page_numbers_fall_back_to_a_valid_page(client, page):
    response = client.get("/api/v1/search", query_string={"q": "kota", "page": page})
    assert response.status_code == 200
    assert 1 <= response.get_json()["page"] <= 10_000
    assert client.get("/cari", query_string={"q": "kota", "page": page}).status_code == 200
    assert client.get("/arsip", query_string={"page": page}).status_code == 200


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
