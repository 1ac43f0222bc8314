"""The public site's pages, what a journalist sees on each: a release (its OpenGraph and
NewsArticle data, its photos, its marks), a retracted one, a photo, the feeds and sitemap, the
archives and the API, conditional GETs, renditions without GPS, the English interface."""
from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

import feedparser
from PIL import Image

from press.extensions import db
from press.models import Release

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def test_release_page_has_opengraph_and_newsarticle_json_ld(client, site):
    page = client.get(f"/siaran/{site.published.slug}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert f'<meta property="og:title" content="{site.published.title}">' in html
    assert 'property="og:image" content="http://localhost/media/' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    [raw] = LD_JSON.findall(html)
    article = json.loads(raw)
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == site.published.title
    assert article["datePublished"].startswith("2021-09-30T07:30")
    assert article["author"]["name"]
    assert article["image"] and article["image"][0].startswith("http://localhost/media/")
    # Photo with caption as alt text and credit, a download link to the web rendition, the signature.
    assert 'alt="Kepala Bagian Humas menerima rombongan PPID Kabupaten Subang"' in html
    assert "Dok. Humas Pemkot Bekasi" in html
    assert re.search(r'href="/media/[0-9a-f]{64}/web\.jpg" download=', html)
    assert "(Adv Humas)" in html and "BEKASI" in html
    headings = [int(h) for h in re.findall(r"<h([1-6])[\s>]", html)]
    assert headings[0] == 1 and all(b - a <= 1 for a, b in zip(headings, headings[1:]))
    assert 'href="#main"' in html


def test_a_retracted_release_answers_410_with_its_notice_only(client, site):
    retracted = site.hidden["retracted"]
    page = client.get(f"/siaran/{retracted.slug}")
    html = page.get_data(as_text=True)
    assert page.status_code == 410
    assert retracted.title in html and "jadwal vaksinasi keliling yang dimuat keliru" in html
    assert site.secrets["retracted body"] not in html
    assert retracted.title not in client.get("/").get_data(as_text=True)
    api = client.get(f"/api/v1/releases/{retracted.slug}")
    assert api.status_code == 410 and "keliru" in api.get_json()["retraction_notice"]


def test_pages_answer_conditional_gets_with_304(client, site):
    url = f"/siaran/{site.published.slug}"
    first = client.get(url)
    assert first.headers["ETag"] and first.headers["Last-Modified"]
    assert "Set-Cookie" not in first.headers
    assert client.get(url, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"something-else"'}).status_code == 200
    for path in ("/", "/feed.xml", "/sitemap.xml"):
        answer = client.get(path)
        assert client.get(path, headers={"If-None-Match": answer.headers["ETag"]}).status_code == 304


def test_renditions_are_served_at_their_content_hash_and_carry_no_gps(client, site, app):
    lead = site.public_photos[0]
    assert lead.gps_lat is not None, "the fixture has GPS in its original"
    web = next(r for r in lead.renditions if r.variant == "web")
    answer = client.get(f"/media/{web.sha256}/web.jpg")
    assert answer.status_code == 200 and answer.mimetype == "image/jpeg"
    assert answer.headers["Cache-Control"] == "public, max-age=86400"
    with Image.open(io.BytesIO(answer.get_data())) as image:
        assert 34853 not in image.getexif()  # GPSInfo
    assert client.get(f"/media/{lead.sha256}/web.jpg").status_code == 404, "the original key serves nothing"
    assert client.get(f"/media/{web.sha256}/thumb.jpg").status_code == 404


def test_photo_page_has_caption_credit_time_and_download(client, site):
    extra = site.public_photos[1]
    html = client.get(f"/foto/{extra.id}").get_data(as_text=True)
    assert "Suasana diskusi di ruang rapat Bagian Humas" in html
    assert "Dok. Humas Pemkot Bekasi" in html
    assert "Diambil" in html
    assert re.search(r'href="/media/[0-9a-f]{64}/web\.jpg" download=', html)
    assert f'href="/kegiatan/{extra.activity_id}"' in client.get("/galeri").get_data(as_text=True)
    gallery = client.get(f"/kegiatan/{extra.activity_id}").get_data(as_text=True)
    assert f'href="/foto/{extra.id}"' in gallery and f'href="/foto/{site.public_photos[0].id}"' in gallery


def test_feeds_and_sitemap_parse_with_the_published_entries(client, site):
    for path in ("/feed.xml", "/atom.xml"):
        feed = feedparser.parse(client.get(path).get_data())
        assert not feed.bozo, feed.get("bozo_exception")
        assert [e.title for e in feed.entries] == [site.published.title]
        assert feed.entries[0].link == f"http://localhost/siaran/{site.published.slug}"
    atom = feedparser.parse(client.get("/atom.xml").get_data())
    assert "mempublikasikan setiap kegiatan Pimpinan" in atom.entries[0].content[0].value  # the whole text, not a summary
    unit = client.get(f"/unit/{site.published.unit.slug}/feed.xml")
    assert feedparser.parse(unit.get_data()).entries[0].title == site.published.title
    root = ET.fromstring(client.get("/sitemap.xml").get_data())
    locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert f"http://localhost/siaran/{site.published.slug}" in locs
    assert "http://localhost/" in locs
    assert not any(r.slug in loc for r in site.hidden.values() for loc in locs)


def test_archives_by_month_unit_person_and_the_api(client, site):
    assert site.published.title in client.get("/arsip/2021/9").get_data(as_text=True)
    assert client.get("/arsip/2021/8").status_code == 404
    assert site.published.title in client.get("/arsip/2021").get_data(as_text=True)
    assert site.published.title in client.get(f"/unit/{site.published.unit.slug}").get_data(as_text=True)
    assert site.published.title in client.get("/orang/sajekti-rubiyah").get_data(as_text=True)
    listing = client.get("/api/v1/releases?per_page=1").get_json()
    assert listing["total"] == 1 and listing["items"][0]["slug"] == site.published.slug
    one = client.get(f"/api/v1/releases/{site.published.id}").get_json()
    assert one["title"] == site.published.title and one["photos"][0]["credit"] == "Dok. Humas Pemkot Bekasi"
    photos = client.get("/api/v1/photos").get_json()
    assert {p["id"] for p in photos["items"]} == {m.id for m in site.public_photos}


def test_english_visitors_get_the_english_interface(client, site):
    client.get("/bahasa/en?next=/")
    html = client.get("/").get_data(as_text=True)
    assert "Latest releases" in html and '<html lang="en">' in html


def test_the_month_archive_follows_the_jakarta_calendar(app, client, site):
    with app.app_context():
        release = db.session.get(Release, site.published.id)
        release.published_at = datetime(2021, 9, 30, 18, 30, tzinfo=timezone.utc)  # 1 October, 01.30 WIB
        release.updated_at = datetime.now(timezone.utc)
        db.session.commit()
    assert site.published.title in client.get("/arsip/2021/10").get_data(as_text=True)
    assert client.get("/arsip/2021/9").status_code == 404


def test_bold_and_italic_marks_become_markup_and_html_stays_escaped(app, client, site):
    with app.app_context():
        release = db.session.get(Release, site.published.id)
        release.body = "Wali Kota menyebut **Kota Bekasi** sebagai *rujukan* <script>x</script>.\n" + release.body
        release.updated_at = datetime.now(timezone.utc)
        db.session.commit()
    html = client.get(f"/siaran/{site.published.slug}").get_data(as_text=True)
    assert "<strong>Kota Bekasi</strong>" in html and "<em>rujukan</em>" in html
    assert "<script>x</script>" not in html and "&lt;script&gt;" in html
    assert "**" not in client.get("/feed.xml").get_data(as_text=True)
