"""Ordinary values out of range: ids beyond 64 bits, zero and negative ids, years 0 and
10000, a ``next`` with a newline, an embargo in year 1 or 9999, a date filter on the last
day a calendar holds, a template that calls itself. Each gets a clear 4xx (404 for what
cannot exist, 400 or the form again with the reason), never an error page."""
from __future__ import annotations

import html
import logging
from datetime import datetime

import pytest
from sqlalchemy import select

from press.extensions import db
from press.models import Activity, Media, Person, Release
from press.search import Document, SearchIndex, upsert

from tests.conftest import EMAILS, FIXTURES, PASSWORDS
from tests.web.publishing_fixtures import add_photo

NOT_FOUND = "Halaman tidak ditemukan"
HUGE = "99999999999999999999"  # 20 digits: more than a 64-bit integer holds


@pytest.fixture
def errors_logged(caplog):
    """The ERROR records logged while the test ran (a traceback in the log is a failure too)."""
    caplog.set_level(logging.ERROR)
    return lambda: [r for r in caplog.records if r.levelno >= logging.ERROR]


def _first(app, model, *where):
    with app.app_context():
        return db.session.scalar(select(model.id).where(*where).order_by(model.id).limit(1))


# -- ids in the path (GETs: tests/badinput/test_urls.py) ------------------------------

def test_a_post_to_an_id_that_cannot_exist_is_not_found(client, auth):
    auth.login("editor")
    response = client.post(f"/staf/siaran/{HUGE}/alur", data={"csrf_token": auth.token(), "action": "approve"})
    assert response.status_code == 404


# -- numbers in query strings and forms -----------------------------------------------

@pytest.mark.parametrize("url", ["/api/v1/photos", "/api/v1/releases"])
def test_a_page_beyond_64_bits_in_the_api_is_the_last_page_there_can_be(client, url):
    response = client.get(url, query_string={"page": HUGE, "per_page": HUGE})
    assert response.status_code == 200
    body = response.get_json()
    assert body["page"] == 10_000 and body["per_page"] == 100 and body["items"] == []


def test_a_photo_filter_that_is_not_an_activity_id_is_refused_with_the_reason(client):
    response = client.get("/api/v1/photos", query_string={"activity_id": HUGE})
    assert response.status_code == 400
    assert "activity_id" in response.get_json()["error"]


def test_a_staff_list_with_a_huge_unit_filter_and_page_still_renders(client, auth):
    auth.login("admin")
    response = client.get("/staf/kegiatan/", query_string={"unit": HUGE, "page": HUGE})
    assert response.status_code == 200
    assert client.get("/staf/admin/audit", query_string={"page": HUGE}).status_code == 200


@pytest.mark.parametrize("media_id", [HUGE, "0", "-4", "²"])
def test_attaching_a_photo_id_that_cannot_exist_says_so_and_changes_nothing(app, client, auth, media_id):
    rid = _first(app, Release, Release.state == "draft")
    with app.app_context():
        before = len(db.session.get(Release, rid).photos)
    auth.login("writer")
    response = client.post(f"/staf/siaran/{rid}/foto", data={"csrf_token": auth.token(), "media_id": media_id},
                           follow_redirects=True)
    assert response.status_code == 200
    assert "Pilih foto dari galeri kegiatan siaran ini." in html.unescape(response.get_data(as_text=True))
    with app.app_context():
        assert len(db.session.get(Release, rid).photos) == before


@pytest.mark.parametrize("person_id", [HUGE, "²", "-1"])
def test_tagging_a_person_id_that_cannot_exist_says_so_and_keeps_the_people(app, client, auth, person_id):
    with app.app_context():
        activity_id = db.session.scalar(select(Activity.id).order_by(Activity.id).limit(1))
        media_id = add_photo(app, FIXTURES / "images/sample1.jpg", activity_id=activity_id, caption="Foto").id
        db.session.commit()
    real = _first(app, Person)
    auth.login("editor")
    response = client.post(f"/staf/foto/{media_id}/orang", data={"csrf_token": auth.token(), "person_id": [str(real), person_id]},
                           headers={"X-Requested-With": "XMLHttpRequest"})
    assert response.status_code == 400
    assert response.get_json()["message"] == "Orang yang dipilih tidak ada di daftar."
    with app.app_context():
        assert real not in [p.id for p in db.session.get(Media, media_id).people]


def test_a_release_version_beyond_64_bits_is_refused_and_the_text_kept(app, client, auth):
    rid = _first(app, Release, Release.state == "draft")
    auth.login("writer")
    token = auth.token(f"/staf/siaran/{rid}/sunting")
    response = client.post(f"/staf/siaran/{rid}/sunting", data={
        "csrf_token": token, "version": HUGE, "title": "Judul yang diketik", "body": "Isi.", "dateline": "", "signature": ""})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "muat ulang halaman penyunting" in page and "Judul yang diketik" in page


# -- archive years and months ---------------------------------------------------------

@pytest.mark.parametrize("url", ["/arsip/0", "/arsip/10000", f"/arsip/{HUGE}", "/arsip/0/1", "/arsip/10000/1",
                                 "/arsip/1/1", "/arsip/9999/12", "/arsip/2021/0", "/arsip/2021/13", f"/arsip/2021/{HUGE}"])
def test_an_archive_year_or_month_out_of_range_is_not_found(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert NOT_FOUND in response.get_data(as_text=True)


# -- the page after login -------------------------------------------------------------

@pytest.mark.parametrize("target", ["/staf\n", "/staf/kegiatan/\r\nSet-Cookie: x=1", "/\t/evil.example", "/\\evil.example"])
def test_a_next_with_a_control_character_or_backslash_lands_on_the_staff_home(client, auth, target):
    token = auth.token()
    response = client.post("/staf/login", query_string={"next": target},
                           data={"email": EMAILS["writer"], "password": PASSWORDS["writer"], "csrf_token": token})
    assert response.status_code == 302
    assert response.headers["Location"] == "/staf/kegiatan/"
    # already signed in, the login page redirects the same way
    again = client.get("/staf/login", query_string={"next": target})
    assert again.status_code == 302 and again.headers["Location"] == "/staf/kegiatan/"


def test_a_language_switch_with_a_newline_in_next_goes_home(client):
    response = client.get("/bahasa/en", query_string={"next": "/arsip\n"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


# -- embargo times --------------------------------------------------------------------

@pytest.mark.parametrize("at, reason", [
    ("0001-01-01T00:00", "Waktu embargo harus di masa depan."),
    ("9999-12-31T23:59", "Waktu embargo paling jauh 2 tahun dari sekarang."),
])
def test_an_embargo_in_year_1_or_9999_is_refused_with_the_reason(app, client, auth, at, reason):
    rid = _first(app, Release, Release.state == "approved")
    auth.login("editor")
    response = client.post(f"/staf/siaran/{rid}/alur", data={"csrf_token": auth.token(), "action": "schedule", "at": at},
                           follow_redirects=True)
    assert response.status_code == 200
    assert reason in html.unescape(response.get_data(as_text=True))
    with app.app_context():
        release = db.session.get(Release, rid)
        assert release.state == "approved" and release.embargo_at is None
    assert client.get(f"/staf/siaran/{rid}/").status_code == 200


# -- date filters in search ------------------------------------------------------------

DAYS = {"last_day": "9999-12-31", "first_day": "0001-01-01", "no_such_day": "2021-02-30"}


@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("where", ["public", "staff", "api"])
def test_a_date_filter_at_the_ends_of_the_calendar_is_searched_not_an_error(client, auth, errors_logged, where, day):
    query = {"q": f"tanggal:{DAYS[day]}"}
    if where == "staff":
        auth.login("writer")
        response = client.get("/staf/cari/", query_string=query)
    else:
        response = client.get("/cari" if where == "public" else "/api/v1/search", query_string=query)
    assert response.status_code == 200
    text = html.unescape(response.get_data(as_text=True))
    assert "Pencarian gagal" not in text  # the index_error notice
    assert ("Tanggal yang tidak dipahami dicari sebagai kata." in text) == (day == "no_such_day")
    if where == "api":
        assert response.get_json()["total"] == 0
    assert errors_logged() == []


def test_an_index_without_documents_answers_a_search_with_nothing_not_a_failure(tmp_path):
    result = SearchIndex(tmp_path / "search").search("kunjungan tanggal:..2021", public=True)
    assert result.total == 0 and result.notices == []


def test_a_date_filter_never_finds_an_undated_document(tmp_path):
    index = SearchIndex(tmp_path / "search")
    index.apply([upsert(Document(kind="photo", id=1, title="kunjungan bertanggal", status="public",
                                 date=datetime(2021, 9, 30))),
                 upsert(Document(kind="photo", id=2, title="kunjungan tanpa tanggal", status="public", date=None))])
    assert index.search("kunjungan", public=True).total == 2
    for bounds in ("..2020-12-31", "0001-01-01..2021-01-01", "1970", "1970-01-01"):
        assert index.search(f"kunjungan tanggal:{bounds}", public=True).total == 0, bounds
    assert [h.doc_key for h in index.search("kunjungan tanggal:2021", public=True).hits] == ["photo:1"]


# -- an admin's template that calls itself ---------------------------------------------

BLOCKS = "{% block headline %}Judul{% endblock %}\n{% block lead %}Teras.{% endblock %}\n"
RECURSIVE = {
    "macro_calls_itself": "{% macro ulang(n) %}{{ ulang(n) }}{% endmacro %}\n" + BLOCKS
                          + "{% block body %}{{ ulang(1) }}{% endblock %}",
    "block_renders_itself": BLOCKS + "{% block body %}{{ self.body() }}{% endblock %}",
    "recursive_loop": BLOCKS + "{% block body %}{% for x in [[1]] recursive %}{{ loop([x]) }}{% endfor %}{% endblock %}",
    "nested_too_deep": BLOCKS + "{% block body %}" + "{% if true %}" * 3000 + "{% endif %}" * 3000 + "{% endblock %}",
}
TOO_DEEP = "Templat memanggil dirinya sendiri tanpa henti"


@pytest.mark.parametrize("name", RECURSIVE)
def test_a_template_that_calls_itself_is_previewed_as_a_problem(client, auth, name):
    auth.login("admin")
    token = auth.token("/staf/siaran/templat/audiensi")
    response = client.post("/staf/siaran/templat/audiensi",
                           data={"csrf_token": token, "action": "preview", "source": RECURSIVE[name]})
    assert response.status_code in (200, 400)
    assert TOO_DEEP in html.unescape(response.get_data(as_text=True))


def test_a_saved_template_that_calls_itself_never_breaks_a_draft(app, client, auth):
    with app.app_context():
        activity_id = db.session.scalar(select(Activity.id).order_by(Activity.id).limit(1))
        kind = db.session.get(Activity, activity_id).kind
        drafts = db.session.scalar(select(db.func.count(Release.id)))
    auth.login("admin")
    token = auth.token(f"/staf/siaran/templat/{kind}")
    saved = client.post(f"/staf/siaran/templat/{kind}", data={
        "csrf_token": token, "action": "save", "source": RECURSIVE["macro_calls_itself"]})
    assert saved.status_code in (200, 400)
    assert TOO_DEEP in html.unescape(saved.get_data(as_text=True))
    response = client.post(f"/staf/siaran/dari-kegiatan/{activity_id}", data={"csrf_token": token}, follow_redirects=True)
    assert response.status_code == 200
    assert TOO_DEEP in html.unescape(response.get_data(as_text=True))
    with app.app_context():
        assert db.session.scalar(select(db.func.count(Release.id))) == drafts  # no broken draft


@pytest.mark.parametrize("expression", ["9 ** 99999", "'x' * 2000000"])
def test_a_template_expression_too_big_to_compute_is_refused(client, auth, expression):
    auth.login("admin")
    token = auth.token("/staf/siaran/templat/audiensi")
    response = client.post("/staf/siaran/templat/audiensi", data={
        "csrf_token": token, "action": "preview", "source": BLOCKS + "{% block body %}{{ " + expression + " }}{% endblock %}"})
    assert "Templat gagal" in html.unescape(response.get_data(as_text=True))
