"""Every link Siaran gives opens: search hits, history entries, feeds and the API.

The demo data (with its photos and a writer's note) is indexed, then every link of every
hit of the staff and public search, of every release history and audit entry, and of
every feed, the sitemap and the API is followed as the role that sees it: each answers
200 (a note hit opens the note, not a POST-only review route).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from press import create_app
from press.demo import load_demo_photos
from press.extensions import db
from press.models import Activity, Media, Release, ReleasePhoto, User
from press.services import indexing, notes, release_photos, tags
from press.services.media import IngestConfig
from press.storage import FileStorage
from press.web import links
from press.codes import Role

from tests import databases
from tests.conftest import make_config

NOTE_TEXT = ("Catatan rapat: Kepala Bagian Humas Sajekti Rubiyah menerima kunjungan kerja PPID Utama "
             "Kabupaten Subang di Ruang Rapat Bagian Humas Setda Kota Bekasi.")
# Every kind in the index falls in one of these (the demo's documents are all of 2021).
EVERYTHING = "?dari=2000-01-01&sampai=2099-12-31&q="
KIND_QUERIES = ("jenis:kegiatan", "jenis:siaran", "jenis:foto", "jenis:catatan")
SIZES = {"thumb": 200, "web": 400}
HIT = re.compile(r'<li class="hit hit-(\w+)">(.*?)</li>', re.S)
LINK = re.compile(r'(?:href|src)="([^"]+)"')


@pytest.fixture(scope="session")
def indexed_folder(tmp_path_factory, migrated_db):
    """An instance folder holding the demo data with its photos, a writer's note on the example
    activity and a topic on the published release, all indexed: made once per test process
    (about three seconds of CPU, most of it the photos' renditions); each test asking for
    ``indexed`` gets an application on its own copy of it (``app`` in ``tests/web/conftest.py``)."""
    folder = tmp_path_factory.mktemp("indexed")
    databases.copy_demo(migrated_db, folder)
    app = create_app(make_config(folder))
    with app.app_context():
        load_demo_photos(db.session, FileStorage(app.config["MEDIA_ROOT"]), IngestConfig(SIZES, max_bytes=2**25))
        example = db.session.scalar(select(Activity).where(Activity.title.like("Kunjungan Kerja PPID%")))
        writer = db.session.scalar(select(User).where(User.role == "writer"))
        notes.add_note(db.session, example, writer, typed_text=NOTE_TEXT)
        published = db.session.scalar(select(Release).where(Release.state == "published"))
        tags.attach_tags(db.session, "release", published.id, [("topic", "Keterbukaan informasi", "manual")])
        db.session.commit()
        indexing.rebuild_all(db.session, app.extensions["search_index"])
        db.session.commit()
    with app.app_context():
        db.engine.dispose()
    assert not (folder / "siaran.db-wal").exists(), "the database must be whole in its file to be copied"
    yield folder
    databases.drop_under(folder)


@pytest.fixture
def indexed(app, indexed_folder):
    """The application on its own copy of ``indexed_folder``: the demo data with its photos, a
    writer's note on the example activity and a topic on the published release, all indexed."""
    return app


def local(url: str) -> str:
    parts = urlsplit(url.replace("&amp;", "&"))
    return parts.path + (f"?{parts.query}" if parts.query else "")


def follow(client, urls, who: str) -> None:
    for url in sorted(set(urls)):
        response = client.get(local(url))
        assert response.status_code == 200, f"{who}: {url} answered {response.status_code}"


def hit_links(html: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for kind, body in HIT.findall(html):
        found.setdefault(kind, []).extend(LINK.findall(body))
    return found


def test_every_link_of_every_staff_search_hit_opens_for_every_staff_role(indexed, client, auth):
    for role in (Role.ADMIN, Role.EDITOR, Role.WRITER, Role.PHOTOGRAPHER):  # the central office's: every kind
        auth.login(role)
        kinds: dict[str, list[str]] = {}
        for query in KIND_QUERIES:
            html = client.get(f"/staf/cari/{EVERYTHING}{query}").get_data(as_text=True)
            for kind, urls in hit_links(html).items():
                kinds.setdefault(kind, []).extend(urls)
        assert set(kinds) == {"activity", "release", "photo", "note"}, role
        assert all(kinds.values()), f"{role}: a kind of hit without a link: {kinds}"
        follow(client, [u for urls in kinds.values() for u in urls], role)
        api = client.get(f"/api/v1/search{EVERYTHING}&scope=staff&per_page=100").get_json()
        assert {h["kind"] for h in api["hits"]} == {"activity", "release", "photo", "note"}
        follow(client, [h[key] for h in api["hits"] for key in ("url", "thumbnail_url") if h[key]], f"{role} API")
        auth.logout()


def test_a_note_hit_opens_the_note(indexed, client, auth):
    auth.login("writer")
    html = client.get("/staf/cari/?q=jenis:catatan+Subang").get_data(as_text=True)
    [link] = hit_links(html)["note"]
    page = client.get(link)
    assert page.status_code == 200
    assert "Subang" in page.get_data(as_text=True) and link.startswith("/staf/catatan/")


def test_every_link_of_every_public_search_hit_opens_for_a_visitor(indexed, client):
    kinds: dict[str, list[str]] = {}
    for query in ("jenis:siaran", "jenis:foto"):
        html = client.get(f"/cari{EVERYTHING}{query}").get_data(as_text=True)
        for kind, urls in hit_links(html).items():
            kinds.setdefault(kind, []).extend(urls)
    assert set(kinds) == {"release", "photo"}
    follow(client, [u for urls in kinds.values() for u in urls], "visitor")
    api = client.get(f"/api/v1/search{EVERYTHING}&per_page=100").get_json()
    assert {h["kind"] for h in api["hits"]} == {"release", "photo"}
    follow(client, [h[key] for h in api["hits"] for key in ("url", "thumbnail_url") if h[key]], "visitor API")


def test_every_link_of_every_history_entry_opens(indexed, client, auth):
    with indexed.app_context():
        # The first of each by id: PostgreSQL returns unordered rows in no fixed order (its
        # first photo may be the demo's internal-only one, which may not be attached).
        photo = db.session.scalar(select(Media).order_by(Media.id))
        draft = db.session.scalar(select(Release).where(Release.state == "draft").order_by(Release.id))
        draft.activity_id = photo.activity_id  # the demo photos are the example activity's
        release_photos.attach_photo(db.session, draft, photo, db.session.scalar(select(User).where(User.role == "writer").order_by(User.id)))
        db.session.commit()
        histories = [f"/staf/siaran/{r}/riwayat" for r in db.session.scalars(select(Release.id))]
    for role, pages in [(role, histories) for role in ("writer", "editor", "photographer")] + [("admin", ["/staf/admin/audit"])]:
        auth.login(role)
        urls = []
        for page in pages:
            html = client.get(page).get_data(as_text=True)
            entries = re.findall(r'<ol class="history-list">.*?</ol>|<tbody>.*?</tbody>', html, re.S)
            urls += [url for entry in entries for url in LINK.findall(entry)]
        assert any(url.startswith("/staf/foto/") for url in urls), f"{role}: no history entry links its photo"
        follow(client, urls, role)
        auth.logout()


def json_urls(value) -> list[str]:
    if isinstance(value, dict):
        return [u for key, item in value.items() for u in ([item] if key in ("url", "next") and item else json_urls(item))]
    if isinstance(value, list):
        return [u for item in value for u in json_urls(item)]
    return []


def test_every_link_of_the_feeds_sitemap_and_api_opens_for_a_visitor(indexed, client):
    with indexed.app_context():
        release = db.session.scalar(select(Release).where(Release.state == "published"))
        photo = db.session.scalar(select(Media).where(Media.is_public.is_(True)))
        db.session.add(ReleasePhoto(release_id=release.id, media_id=photo.id, position=0))
        db.session.commit()
        unit = release.unit.slug
    urls = []
    for feed in ("/feed.xml", "/atom.xml", f"/unit/{unit}/feed.xml", f"/unit/{unit}/atom.xml", "/sitemap.xml"):
        body = client.get(feed).get_data(as_text=True)
        urls += re.findall(r"<(?:link|loc|guid)[^>]*>(https?://[^<]+)</", body)
        urls += re.findall(r'(?:href|url)="(https?://[^"]+)"', body)
    listed = client.get("/api/v1/releases?per_page=100").get_json()
    answers = [listed, client.get("/api/v1/photos?per_page=1").get_json()]
    answers += [client.get(f"/api/v1/releases/{item['id']}").get_json() for item in listed["items"]]
    urls += [url for answer in answers for url in json_urls(answer)]
    for part in ("/siaran/", "/foto/", "/media/", "/unit/", "/orang/", "/tag/", "/kegiatan/", "/api/v1/photos?"):
        assert any(part in url for url in urls), part
    follow(client, urls, "visitor")


def test_every_registered_kind_opens_for_staff_and_where_public_for_the_public(indexed, client, auth):
    with indexed.app_context(), indexed.test_request_context():
        rows = {kind.name: db.session.scalars(select(kind.model)).all() for kind in links.kinds()}
        staff = {name: [links.staff_url(name, row) for row in found[:3]] for name, found in rows.items()}
        public = {name: [links.public_url(name, row) for row in found] for name, found in rows.items()
                  if links.kind_of(name).public}
    auth.login("admin")
    for name, urls in staff.items():
        assert urls, f"the demo has no {name}"
        follow(client, urls, f"staff {name}")
    visitor = indexed.test_client()
    for name, urls in public.items():
        statuses = {url: visitor.get(url).status_code for url in urls}
        assert set(statuses.values()) <= {200, 404, 410}, statuses
        assert 200 in statuses.values(), f"no public {name} page opens: {statuses}"


def test_a_feature_registers_its_kind_with_one_call(app, monkeypatch):
    monkeypatch.setattr(links, "_KINDS", dict(links._KINDS))
    monkeypatch.setattr(links, "_ALIASES", dict(links._ALIASES))
    links.register("example_kind", Activity, staff=("activities.view", "activity_id"), aliases=("example_entry",))
    with app.test_request_context():
        assert links.staff_url("example_entry", 1) == "/staf/kegiatan/1"
        assert links.public_url("example_kind", 1) is None
        with pytest.raises(ValueError):
            links.register("example_kind", Activity, staff=("activities.view", "activity_id"))
        with pytest.raises(links.UnknownKind):
            links.staff_url("exmple_kind", 1)
