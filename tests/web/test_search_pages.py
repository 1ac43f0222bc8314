"""Search pages, API and CLI: what staff and journalists see, through the database queue."""
from __future__ import annotations

import json
import shutil
from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from press.extensions import db
from press.models import Media, Release, Rendition, Unit
from press.services import indexing

HOSTILE = ['"wali kota', "*", "orang:", "kunjungan " * 1000, "AND OR NOT (", 'tempat: "" -', "tanggal:2021-13..x"]


def add_release(app, title, body, *, state="published", activity_id=1, n=None):
    with app.app_context():
        release = Release(
            activity_id=activity_id, title=title, body=body, state=state,
            slug=f"{title.lower().replace(' ', '-')}-{n or 0}", dateline="Bekasi, 30 September 2021",
            published_at=datetime(2021, 9, 30, 5, tzinfo=timezone.utc) if state == "published" else None,
        )
        db.session.add(release)
        db.session.flush()
        indexing.enqueue_index(db.session, "release", release.id)
        db.session.commit()
        return release.id


@pytest.fixture
def archive(app):
    """The demo data indexed, plus a published release, a draft and a retracted release
    (each with words no demo text has), added through the queue."""
    with app.app_context():
        indexing.rebuild_all(db.session, app.extensions["search_index"])
    ids = {
        "published": add_release(app, "Kabag Humas Terima Kunjungan Delegasi Xenopolis",
                                 "Bagian Humas menerima kunjungan kerja delegasi Xenopolis."),
        "draft": add_release(app, "Draf Peresmian Puskesmas Rahasiadraf", "Gedung ini rahasiadraf sampai diresmikan.",
                             state="draft", activity_id=3),
        "retracted": add_release(app, "Siaran Ditarik", "Isi yang ditarik memuat tarikanunik.", state="retracted"),
    }
    return ids


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_public_search_finds_a_published_release_by_another_form_of_the_word(client, archive):
    html = page(client, "/cari?q=berkunjung+xenopolis")
    assert "Kabag Humas Terima <mark>Kunjungan</mark> Delegasi <mark>Xenopolis</mark>" in html
    assert "<mark>kunjungan</mark> kerja" in html
    assert "1 hasil" in html
    assert "Kabag Humas Terima" in page(client, "/cari?q=berkunjung")


def test_public_search_never_shows_drafts_retracted_releases_activities_or_notes(client, archive):
    for word in ("rahasiadraf", "tarikanunik", "Rapat+Penanganan+Stunting"):
        html = page(client, f"/cari?q={word}")
        assert "0 hasil" in html and "Tidak ada yang cocok" in html
    html = page(client, "/cari?q=kunjungan+PPID+Subang")
    assert "Kunjungan Kerja PPID Utama Kabupaten Subang</a>" not in html, "an activity is staff-only"


def test_staff_search_shows_every_state_with_facets_and_snippets(client, auth, archive):
    auth.login("photographer")
    html = page(client, "/staf/cari/?q=kunjungan+subang")
    assert "<mark>Kunjungan</mark> Kerja PPID Utama Kabupaten <mark>Subang</mark>" in html
    assert 'href="/staf/kegiatan/1"' in html
    for facet in ("Jenis", "Unit", "Tahun", "Orang"):
        assert f"<h2>{facet}</h2>" in html
    assert "q=kunjungan+subang+jenis:kegiatan" in html and "Sajekti Rubiyah" in html
    html = page(client, "/staf/cari/?q=rahasiadraf")
    assert "1 hasil" in html and "Draf</span>" in html and "<mark>rahasiadraf</mark>" in html


def test_a_facet_link_narrows_the_results(client, auth, archive):
    auth.login("writer")
    html = page(client, "/staf/cari/?q=kunjungan+xenopolis+jenis:siaran")
    assert "1 hasil" in html and "Kabag Humas Terima" in html
    assert '<span class="active">Siaran pers</span>' in html


def test_the_staff_page_asks_for_login(client):
    response = client.get("/staf/cari/?q=kunjungan")
    assert response.status_code == 302 and "/staf/login" in response.headers["Location"]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_a_page_with_a_notice(client, archive, query):
    html = page(client, "/cari?" + _qs(query))
    assert 'class="flash flash-warning notice"' in html


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_json_with_a_notice(client, archive, query):
    response = client.get("/api/v1/search?" + _qs(query))
    assert response.status_code == 200
    assert response.get_json()["notices"]


def test_a_syntax_problem_says_it_was_searched_as_plain_words(client, archive):
    html = page(client, "/cari?" + _qs('"kunjungan xenopolis'))
    assert "dicari sebagai kata biasa" in html and "Tanda kutip tidak berpasangan" in html
    assert "1 hasil" in html


def _qs(query: str) -> str:
    from urllib.parse import urlencode
    return urlencode({"q": query})


def test_did_you_mean_links_to_the_corrected_search(client, archive):
    html = page(client, "/cari?q=xenopolos")
    assert "Mungkin maksud Anda:" in html and 'href="/cari?q=xenopolis"' in html


def test_date_order_paging_and_date_fields(app, client, archive):
    for n in range(25):
        add_release(app, f"Siaran Berkala {n}", "Laporan berkala bulanan.", n=n + 1)
    html = page(client, "/cari?q=berkala")
    assert "25 hasil" in html and "Halaman 1 dari 2" in html and "page=2" in html
    assert "order=date" in html
    html = page(client, "/cari?q=berkala&order=date&page=2")
    assert "Halaman 2 dari 2" in html and html.count('class="hit hit-release"') == 5
    assert "25 hasil" in page(client, "/cari?q=berkala&dari=2021-09-01&sampai=2021-09-30")
    assert "0 hasil" in page(client, "/cari?q=berkala&dari=2022-01-01")


def test_api_visibility_follows_the_page_that_asks(client, auth, archive):
    anonymous = client.get("/api/v1/search?q=rahasiadraf").get_json()
    assert anonymous["scope"] == "public" and anonymous["total"] == 0
    refused = client.get("/api/v1/search?q=rahasiadraf&scope=staff")
    assert refused.status_code == 401 and refused.get_json()["error"]
    auth.login("writer")
    assert client.get("/api/v1/search?q=rahasiadraf").get_json()["total"] == 0
    staff = client.get("/api/v1/search?q=rahasiadraf&scope=staff").get_json()
    assert staff["total"] == 1 and staff["hits"][0]["kind"] == "release" and staff["hits"][0]["state"] == "draft"


def test_api_answers_hits_facets_and_pages(client, archive):
    data = client.get("/api/v1/search?q=xenopolis&order=date&page=1").get_json()
    assert data["total"] == 1 and data["pages"] == 1 and data["order"] == "date"
    hit = data["hits"][0]
    assert hit["kind"] == "release" and "<mark>" in hit["snippet"] and hit["date"].startswith("2021-09-30")
    assert {"kind", "unit", "year", "tag", "person"} <= set(data["facets"])
    assert {"value": "release", "count": 1} in data["facets"]["kind"]


def test_a_change_made_through_a_page_is_indexed_after_the_response(app, client, auth):
    with app.app_context():
        unit_id = db.session.scalar(select(Unit.id).where(Unit.abbreviation == "Dinkes"))
    auth.login("writer")
    response = client.post("/staf/kegiatan/baru", data={
        "csrf_token": auth.token("/staf/kegiatan/baru"), "title": "Rapat Penanganan Leptospirosis",
        "kind": "rapat_koordinasi", "starts_on": "2022-01-20", "unit_id": unit_id, "venue_id": 0,
    })
    assert response.status_code == 302
    index = app.extensions["search_index"]
    response.close()  # what the WSGI server does once the response is sent
    with app.app_context():
        assert indexing.queue_length(db.session) == 0
    assert index.search("leptospirosis", public=False).total == 1


def test_cli_check_reports_a_deleted_index_and_sync_repairs_it(app, runner, archive):
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    shutil.rmtree(app.config["INDEX_ROOT"])
    result = runner.invoke(args=["search", "check", "--json"])
    assert result.exit_code == 1
    drift = json.loads(result.output)
    assert not drift["ok"] and "activity:1" in drift["missing_staff"]
    assert f"release:{archive['published']}" in drift["missing_public"]
    result = runner.invoke(args=["search", "sync", "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["repaired"] >= 6
    assert runner.invoke(args=["search", "check"]).exit_code == 0


def test_cli_rebuild_repairs_and_gives_the_same_results(app, runner, archive):
    before = json.loads(runner.invoke(args=["search", "query", "kunjungan", "--json"]).output)
    with app.app_context():
        count = indexing.count_documents(db.session)
    shutil.rmtree(app.config["INDEX_ROOT"])
    result = runner.invoke(args=["search", "rebuild"])
    assert result.exit_code == 0, result.output
    assert f"rebuilt: {count} documents" in result.output
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    after = json.loads(runner.invoke(args=["search", "query", "kunjungan", "--json"]).output)
    assert [(h["kind"], h["id"]) for h in after["hits"]] == [(h["kind"], h["id"]) for h in before["hits"]]
    assert after["facets"] == before["facets"]


def test_cli_rebuild_interrupted_half_way_leaves_the_old_index_answering(app, runner, archive, monkeypatch):
    assert runner.invoke(args=["search", "rebuild"]).exit_code == 0
    staff = json.loads(runner.invoke(args=["search", "query", "kunjungan", "--json"]).output)["total"]
    public = json.loads(runner.invoke(args=["search", "query", "kunjungan", "--public", "--json"]).output)["total"]
    assert staff > public >= 1
    real = indexing.all_documents

    def half_then_fail(session, chunk=200):
        for n, doc in enumerate(real(session, chunk)):
            if n == 3:
                raise RuntimeError("database connection lost")
            yield doc

    monkeypatch.setattr(indexing, "all_documents", half_then_fail)
    result = runner.invoke(args=["search", "rebuild"])
    assert result.exit_code != 0
    assert json.loads(runner.invoke(args=["search", "query", "kunjungan", "--json"]).output)["total"] == staff
    assert json.loads(runner.invoke(args=["search", "query", "kunjungan", "--public", "--json"]).output)["total"] == public


def test_cli_query_prints_hits_and_facets(runner, archive):
    result = runner.invoke(args=["search", "query", "berkunjung xenopolis", "--public", "--limit", "5"])
    assert result.exit_code == 0
    assert "1 hits (public index)" in result.output and "Kabag Humas Terima Kunjungan Delegasi Xenopolis" in result.output
    assert "kind: release (1)" in result.output
    data = json.loads(runner.invoke(args=["search", "query", "rahasiadraf", "--json"]).output)
    assert data["index"] == "staff" and data["hits"][0]["title"] == "Draf Peresmian Puskesmas Rahasiadraf"
    assert set(data["hits"][0]) >= {"kind", "id", "title", "score", "snippet"}


def test_public_hits_link_to_the_public_release_and_photo_pages(app, client, archive):
    with app.app_context():
        slug = db.session.get(Release, archive["published"]).slug
        media = Media(sha256="d" * 64, activity_id=1, mime="image/jpeg", bytes=1000, width=4000, height=3000,
                      caption="Delegasi Xenopolis berfoto bersama", is_public=True)
        media.renditions.append(Rendition(variant="thumb", sha256="e" * 64, path="x/thumb.jpg", width=400,
                                          height=300, bytes=100))
        db.session.add(media)
        db.session.flush()
        indexing.enqueue_index(db.session, "media", media.id)
        db.session.commit()
        media_id = media.id
    html = page(client, "/cari?q=xenopolis")
    assert "2 hasil" in html
    assert f'href="/siaran/{slug}"' in html
    assert f'href="/foto/{media_id}"' in html
    assert f'src="/media/{"e" * 64}/thumb.jpg"' in html


def test_setup_leaves_the_index_built(app, runner):
    shutil.rmtree(app.config["INDEX_ROOT"], ignore_errors=True)
    result = runner.invoke(args=["setup"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    data = json.loads(runner.invoke(args=["search", "query", "puskesmas", "--json"]).output)
    assert ("activity", 3) in {(h["kind"], h["id"]) for h in data["hits"]}


def test_a_damaged_index_gives_a_page_with_a_notice_not_an_error(app, client, archive):
    import os
    current = os.path.realpath(os.path.join(app.config["INDEX_ROOT"], "current"))
    shutil.rmtree(os.path.join(current, "public"))
    html = page(client, "/cari?q=xenopolis")
    assert "Pencarian gagal" in html and "0 hasil" in html
    response = client.get("/api/v1/search?q=xenopolis")
    assert response.status_code == 200 and response.get_json()["notices"][0]["code"] == "index_error"


def test_staff_photo_hits_show_a_thumbnail_and_link_to_the_photo_page(app, client, auth, archive):
    with app.app_context():
        media = Media(sha256="f" * 64, activity_id=1, mime="image/jpeg", bytes=1000, width=4000, height=3000,
                      caption="Penyerahan plakat zirkonia kepada tamu", is_public=False)
        media.renditions.append(Rendition(variant="thumb", sha256="1" * 64, path="x/thumb.jpg", width=400,
                                          height=300, bytes=100))
        db.session.add(media)
        db.session.flush()
        indexing.enqueue_index(db.session, "photo", media.id)
        db.session.commit()
        media_id = media.id
    auth.login("editor")
    html = page(client, "/staf/cari/?q=zirkonia")
    assert "1 hasil" in html and "Internal</span>" in html
    assert f'href="/staf/foto/{media_id}"' in html
    assert f'src="/staf/foto/{media_id}/thumb.jpg?v={"1" * 12}"' in html
    assert "0 hasil" in page(client, "/cari?q=zirkonia")


def test_the_thumbnails_of_many_photo_hits_are_read_in_one_go(app, client, archive):
    """A page of photo hits reads the photos and their renditions together, not two
    queries per hit, so a page of twenty photos costs what a page of two does."""
    from sqlalchemy import event

    with app.app_context():
        for n in range(6):
            media = Media(sha256=f"{n:064x}", activity_id=1, mime="image/jpeg", bytes=1000, width=4000,
                          height=3000, caption=f"Foto zebrasilang nomor {n}", is_public=True)
            media.renditions.append(Rendition(variant="thumb", sha256=f"{n + 100:064x}", path="x/thumb.jpg",
                                              width=400, height=300, bytes=100))
            db.session.add(media)
            db.session.flush()
            indexing.enqueue_index(db.session, "media", media.id)
        db.session.commit()
        engine = db.engine
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        html = page(client, "/cari?q=zebrasilang")
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert "6 hasil" in html and html.count('class="hit-thumb"') == 6
    renditions = [s for s in statements if "FROM rendition" in s and "rendition.media_id" in s]
    assert len(renditions) == 1, renditions
