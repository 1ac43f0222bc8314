"""The public site as a whole: nothing unpublished ever reaches a public URL, the feeds, the API,
the search or the static export; an embargo ends through the clock's job; cached pages follow
each change at once. What each page shows is ``test_public_pages.py``'s."""
from __future__ import annotations

import json
import re
from collections import deque
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from press import job_queue
from press.cli.site import internal_links
from press.extensions import db
from press.models import Media, Release, User
from press.services import indexing
from press.services import media as media_service
from press.services import workflow
from press.storage import FileStorage
from tests.web.test_journalists import sign_in

ABSOLUTE = re.compile(r"https?://localhost(/[^\s<>\"']*)")
START = ["/", "/arsip", "/feed.xml", "/atom.xml", "/sitemap.xml", "/api/v1/releases", "/api/v1/photos",
         "/ppid/daftar-informasi"]


def crawl(client, start=START) -> dict[str, tuple[int, bytes]]:
    """Every URL the public site links to (pages, feeds, sitemap, API, renditions)."""
    seen, queue, answers = set(start), deque(start), {}
    while queue:
        path = queue.popleft()
        response = client.get(path)
        body = response.get_data()
        answers[path] = (response.status_code, body)
        if response.status_code != 200 or response.mimetype.startswith(("image/", "application/zip", "application/pdf")):
            continue
        text = body.decode("utf-8")
        links = internal_links(text) if response.mimetype == "text/html" else []
        links += [m.split("#")[0] for m in ABSOLUTE.findall(text)]
        for link in links:
            if link.startswith(("/staf", "/static", "/bahasa", "/wartawan")) or link in seen:
                continue
            seen.add(link)
            queue.append(link)
    return answers


def same_page(html: str, ref: str) -> str:
    """The page without what differs by request (the CSRF token, the path asked for)."""
    return re.sub(r'(content|value)="[^"]*\.[^"]*\.[^"]*"', "", html).replace(f"/siaran/{ref}", "REF")


def test_nothing_unpublished_reaches_any_public_url(client, flagged_site, app):
    """Crawled by an approved journalist, signed in and reading the embargoed release on the
    private page, beside an anonymous visitor: neither finds anything unpublished on a public URL."""
    site = flagged_site
    unpublished = [*site.hidden.values(), *site.excluded]
    for release in unpublished:
        site.secrets[f"{release.state} slug {release.id}"] = release.slug
    words = {release.id: unique_words(release, site.published) for release in unpublished}
    index = app.extensions["search_index"]
    with app.app_context():
        indexing.rebuild_all(db.session, index)
        for release in unpublished:  # the staff index holds each, found by its own words
            assert words[release.id], release.title
            assert f"release:{release.id}" in [h.doc_key for h in index.search(words[release.id][0], public=False).hits]
    journalist = app.test_client()
    assert sign_in(journalist).status_code == 302
    scheduled = site.hidden["scheduled"]
    private_page = journalist.get(f"/wartawan/embargo/{scheduled.id}")
    assert private_page.status_code == 200 and scheduled.title in private_page.get_data(as_text=True)
    for visitor in (journalist, client, journalist):
        _nothing_unpublished_reaches(visitor, site)
    for visitor in (journalist, client):
        _nothing_unpublished_is_found(visitor, site, words)


def unique_words(release: Release, published: Release) -> list[str]:
    """Words of ``release``'s title that the published release nowhere uses (at most three)."""
    seen = set(re.findall(r"\w+", f"{published.title} {published.body}".lower()))
    return [w for w in re.findall(r"\w+", release.title.lower()) if len(w) >= 5 and w not in seen][:3]


def _nothing_unpublished_is_found(client, site, words):
    """Searched by its slug and its own words, an unpublished release is not among the hits,
    while the published one is found by its own."""
    published_words = unique_words(site.published, site.hidden["draft"])
    for url in (f"/cari?q={published_words[0]}", f"/api/v1/search?q={published_words[0]}"):
        assert f"/siaran/{site.published.slug}" in client.get(url).get_data(as_text=True), url
    for release in [*site.hidden.values(), *site.excluded]:
        for query in (release.slug, *words[release.id]):
            for url in (f"/cari?q={query}", f"/api/v1/search?q={query}"):
                text = client.get(url).get_data(as_text=True)
                assert release.slug not in text.replace(query, ""), f"{release.state} {release.id} found by {url}"
                if release.state != "retracted":
                    assert release.title not in text, f"{release.state} {release.id} found by {url}"


def _nothing_unpublished_reaches(client, site):
    answers = crawl(client)
    assert any(path.startswith("/media/") for path in answers), "renditions were crawled"
    assert any(path.startswith("/foto/") for path in answers)
    assert any(path.startswith("/unit/") and path.endswith("feed.xml") for path in answers)
    for toolkit in ("/kit.zip", "/siaran.pdf", "/cetak.jpg"):  # the journalist's toolkit is walked too
        assert any(path.endswith(toolkit) for path in answers), toolkit
    for path, (status, body) in answers.items():
        text = body.decode("utf-8", "replace") if not path.startswith("/media/") else ""
        for label, secret in site.secrets.items():
            assert secret not in text and secret not in path, f"{label} leaks on {path}"
    # Asking for them directly: unpublished releases look exactly like releases that never existed.
    missing = client.get("/siaran/tidak-pernah-ada")
    assert missing.status_code == 404
    missing_page = same_page(missing.get_data(as_text=True), "tidak-pernah-ada")
    for state, release in site.hidden.items():
        for ref in (release.slug, str(release.id)):
            page = client.get(f"/siaran/{ref}")
            api = client.get(f"/api/v1/releases/{ref}")
            for toolkit in ("kit.zip", "siaran.pdf"):
                assert client.get(f"/siaran/{ref}/{toolkit}").status_code == 404
            if state == "retracted":
                assert page.status_code == api.status_code == 410
                assert site.secrets["retracted body"] not in page.get_data(as_text=True)
                continue
            assert page.status_code == 404
            assert same_page(page.get_data(as_text=True), ref) == missing_page
            assert api.status_code == 404
    for media in site.private_photos:
        assert client.get(f"/foto/{media.id}").status_code == 404
        assert client.get(f"/api/v1/photos/{media.id}").status_code == 404
        assert client.get(f"/foto/{media.id}/cetak.jpg").status_code == 404
        for rendition in media.renditions:
            assert client.get(f"/media/{rendition.sha256}/{rendition.variant}.jpg").status_code == 404
    # Exempt information (PPID dikecualikan), retracted when it was marked: its notice answers, not its title.
    assert "/ppid/daftar-informasi.csv" in answers
    for release in site.excluded:
        for ref in (release.slug, str(release.id)):
            page, api = client.get(f"/siaran/{ref}"), client.get(f"/api/v1/releases/{ref}")
            assert page.status_code == api.status_code == 410
            assert release.retraction_notice.split(".")[0] in page.get_data(as_text=True)
            assert api.get_json()["title"] is None
            assert release.title not in page.get_data(as_text=True) + api.get_data(as_text=True)
    for secret in ("embargo-rahasia-lomba", "draf-rahasia-sosialisasi", "Puskesmas Jatisampurna",
                   "dikecualikan-rahasia-asesmen", "asesmen"):
        for url in (f"/cari?q={secret}", f"/api/v1/search?q={secret}"):
            answer = client.get(url)
            assert "rahasia" not in answer.get_data(as_text=True).replace(secret, "")
            assert site.hidden["in_review"].title not in answer.get_data(as_text=True)
            assert all(release.title not in answer.get_data(as_text=True) for release in site.excluded)
    for url in ("/cari?q=tampil", "/api/v1/search?q=tampil", "/cari?q=foto", "/api/v1/search?q=foto"):
        assert "FOTO-SENSITIF" not in client.get(url).get_data(as_text=True), url


def test_the_static_export_has_every_published_release_and_nothing_else(runner, flagged_site, tmp_path):
    site = flagged_site
    folder = tmp_path / "situs"
    result = runner.invoke(args=["site", "export", str(folder), "--base-url", "https://humas.example.go.id"])
    assert result.exit_code == 0, result.output
    assert (folder / "siaran" / site.published.slug / "index.html").is_file()
    for release in site.hidden.values():
        assert not (folder / "siaran" / release.slug).exists()
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert any(p.suffix == ".jpg" for p in files) and (folder / "feed.xml").is_file() and (folder / "sitemap.xml").is_file()
    broken = []
    for page in (p for p in files if p.suffix in (".html", ".xml")):
        text = page.read_text("utf-8")
        for label, secret in site.secrets.items():
            assert secret not in text, f"{label} leaks in {page.relative_to(folder)}"
        if page.suffix != ".html":
            continue
        for link in re.findall(r'(?:href|src)="([^"]+)"', text):
            if link.startswith(("http:", "https:", "mailto:", "tel:", "#")):
                continue
            assert not link.startswith("/"), f"absolute link {link} in {page.relative_to(folder)}"
            target = (page.parent / link.split("#")[0]).resolve()
            if not target.is_file():
                broken.append(f"{page.relative_to(folder)} -> {link}")
    assert broken == []
    assert "https://humas.example.go.id/siaran/" + site.published.slug in (folder / "sitemap.xml").read_text()
    # A release retracted since the last export disappears from the next one.
    with runner.app.app_context():
        release = db.session.get(Release, site.published.id)
        editor = db.session.scalar(select(User).where(User.role == "editor"))
        workflow.apply(db.session, release, "retract", editor, notice="Ditarik untuk uji.")
        db.session.commit()
    assert runner.invoke(args=["site", "export", str(folder)]).exit_code == 0
    assert not (folder / "siaran" / site.published.slug).exists()


def _make_scheduled_due(app, site) -> Release:
    with app.app_context():
        release = db.session.get(Release, site.hidden["scheduled"].id)
        release.embargo_at = datetime.now(timezone.utc) - timedelta(seconds=1)
        db.session.commit()
        return release


def test_an_embargoed_release_appears_after_its_time_through_publish_due(app, client, runner, site):
    scheduled = site.hidden["scheduled"]
    before = crawl(client, ["/", "/feed.xml", "/sitemap.xml", "/api/v1/releases"])
    assert not any(scheduled.title in body.decode("utf-8", "replace") for _s, body in before.values())
    assert client.get(f"/siaran/{scheduled.slug}").status_code == 404
    _make_scheduled_due(app, site)
    assert client.get(f"/siaran/{scheduled.slug}").status_code == 404, "the embargo clock has not run yet"
    result = runner.invoke(args=["publish-due", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["id"] == scheduled.id
    assert runner.invoke(args=["publish-due", "--json"]).output == ""
    assert client.get(f"/siaran/{scheduled.slug}").status_code == 200
    assert scheduled.title in client.get("/feed.xml").get_data(as_text=True)
    assert scheduled.slug in client.get("/sitemap.xml").get_data(as_text=True)
    assert scheduled.title in client.get("/").get_data(as_text=True)


def test_a_page_request_leaves_the_embargo_clock_to_its_job(app, client, site):
    scheduled = site.hidden["scheduled"]
    app.config["PUBLISH_CHECK_SECONDS"] = 0
    _make_scheduled_due(app, site)
    assert scheduled.title not in client.get("/").get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Release, scheduled.id).state == "scheduled"
    job_queue.queue_of(app).enqueue("release.publish-due")
    assert scheduled.title in client.get("/").get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Release, scheduled.id).state == "published"


def test_cached_pages_follow_a_retraction_at_once(app, client, site):
    url = f"/siaran/{site.published.slug}"
    first = client.get(url)
    again = client.get(url)
    assert again.get_data() == first.get_data() and again.headers["ETag"] == first.headers["ETag"]
    assert client.get(url, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    with app.app_context():
        editor = db.session.scalar(select(User).where(User.role == "editor"))
        workflow.apply(db.session, db.session.get(Release, site.published.id), "retract", editor, notice="Uji tarik.")
        db.session.commit()
    assert client.get(url, headers={"If-None-Match": first.headers["ETag"]}).status_code == 410
    assert site.published.title not in client.get("/").get_data(as_text=True)
    assert site.published.title not in client.get("/feed.xml").get_data(as_text=True)


def test_a_forged_host_never_shapes_the_page_other_visitors_get(client, site):
    url = f"/siaran/{site.published.slug}"
    forged = client.get(url, headers={"Host": "penipu.example"}).get_data(as_text=True)
    assert "http://penipu.example/siaran/" in forged
    honest = client.get(url).get_data(as_text=True)
    assert "penipu.example" not in honest


def test_a_rewritten_caption_reaches_cached_pages_under_a_new_rendition_url(app, client, site):
    extra = site.public_photos[1]
    old_web = next(r for r in extra.renditions if r.variant == "web").sha256
    assert "Suasana diskusi" in client.get(f"/foto/{extra.id}").get_data(as_text=True)
    with app.app_context():
        media = db.session.get(Media, extra.id)
        media_service.update_text(db.session, FileStorage(app.config["MEDIA_ROOT"]), media, actor=None,
                                  caption="Peserta kunjungan berfoto bersama", credit=media.credit, copyright=None)
        db.session.commit()
        new_web = next(r for r in media.renditions if r.variant == "web").sha256
    page = client.get(f"/foto/{extra.id}").get_data(as_text=True)
    assert "Peserta kunjungan berfoto bersama" in page and "Suasana diskusi" not in page
    assert new_web != old_web and f"/media/{new_web}/web.jpg" in page
    assert client.get(f"/media/{old_web}/web.jpg").status_code == 404
    assert client.get(f"/media/{new_web}/web.jpg").status_code == 200