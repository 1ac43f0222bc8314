"""What the journalists' API answers, value by value: paging that reaches every public photo
once, a release with its lead photo, captions and renditions as stored, a retraction's notice.
(The OpenAPI test checks the answers' shapes; this one their content.) Every test only reads,
so the module shares one application and its site with the OpenAPI test (``api_site``)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from press.extensions import db
from press.models import Licence, Media, Release, ReleasePhoto, Rendition, Unit
from press.web.api_public import photo_json, release_json


@pytest.fixture(scope="module")
def app(api_site):
    return api_site[0]


@pytest.fixture(scope="module")
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def site(api_site):
    built = api_site[1]
    return {"published": built.published.id, "lead": built.public_photos[0].id,
            "public": {m.id for m in built.public_photos}, "retracted": built.hidden["retracted"].id,
            "activity": built.published.activity_id}


def walk(client, url: str) -> list[dict]:
    pages = []
    while url:
        answer = client.get(url)
        assert answer.status_code == 200, url
        pages.append(answer.get_json())
        url = pages[-1]["next"]
    return pages


def test_paging_one_photo_at_a_time_reaches_every_public_photo_once(client, site):
    pages = walk(client, "/api/v1/photos?per_page=1")
    assert [len(page["items"]) for page in pages] == [1] * len(site["public"])
    assert sorted(item["id"] for page in pages for item in page["items"]) == sorted(site["public"])
    assert [(page["page"], page["per_page"], page["total"]) for page in pages] == [
        (number, 1, len(site["public"])) for number in range(1, len(site["public"]) + 1)]


def test_the_photos_of_one_activity_page_without_a_total_and_keep_the_activity(client, site):
    pages = walk(client, f"/api/v1/photos?per_page=1&activity_id={site['activity']}")
    assert len(pages) == len(site["public"]) and all(page["total"] is None for page in pages)
    assert f"activity_id={site['activity']}" in pages[0]["next"]
    assert {item["activity_id"] for page in pages for item in page["items"]} == {site["activity"]}


def test_one_page_holds_everything_and_says_there_is_no_next(client, site):
    body = client.get("/api/v1/photos").get_json()
    assert (body["page"], body["per_page"], body["next"]) == (1, 20, None)
    releases = client.get("/api/v1/releases").get_json()
    assert [item["id"] for item in releases["items"]] == [site["published"]]
    assert (releases["total"], releases["next"]) == (1, None)


def test_the_last_full_page_has_no_next_and_the_page_after_is_empty(client, site):
    body = client.get("/api/v1/releases?per_page=1&page=1").get_json()
    assert body["next"] is None
    assert client.get("/api/v1/releases?per_page=1&page=2").get_json()["items"] == []


def test_a_release_answers_its_text_lead_photo_and_photos_as_stored(app, client, site):
    body = client.get(f"/api/v1/releases/{site['published']}").get_json()
    with app.app_context():
        release = db.session.get(Release, site["published"])
        lead = db.session.get(Media, site["lead"])
        renditions = {r.variant: r for r in db.session.scalars(select(Rendition).where(Rendition.media_id == lead.id))}
        expected = {"id": release.id, "slug": release.slug, "title": release.title, "dateline": release.dateline,
                    "body": release.body, "signature": release.signature, "activity_id": release.activity_id,
                    "unit": {"name": release.unit.name, "slug": release.unit.slug},
                    "correction_note": release.correction_note, "corrected_at": None,
                    "published_at": release.published_at.isoformat()}
        caption, credit = lead.caption, lead.credit
        taken_at = lead.taken_at.isoformat() if lead.taken_at else None
    assert {key: body[key] for key in expected} == expected
    assert body["url"].startswith("http") and body["url"].endswith(expected["slug"])
    assert body["summary"]
    assert body["lead_photo"]["id"] == site["lead"]
    assert [photo["id"] for photo in body["photos"]] == [site["lead"]]
    photo = body["photos"][0]
    assert (photo["caption"], photo["credit"], photo["taken_at"]) == (caption, credit, taken_at)
    assert set(photo["renditions"]) == set(renditions)
    for variant, shown in photo["renditions"].items():
        stored = renditions[variant]
        assert (shown["width"], shown["height"], shown["bytes"], shown["sha256"]) == (
            stored.width, stored.height, stored.bytes, stored.sha256)
        assert stored.sha256 in shown["url"] and shown["url"].startswith("http")


def test_a_retracted_release_answers_410_with_its_notice(app, client, site):
    with app.app_context():
        release = db.session.get(Release, site["retracted"])
        notice, title = release.retraction_notice, release.title
        retracted_at = release.retracted_at.isoformat() if release.retracted_at else None
    answer = client.get(f"/api/v1/releases/{site['retracted']}")
    body = answer.get_json()
    assert answer.status_code == 410 and body["status"] == 410
    assert (body["retraction_notice"], body["retracted_at"]) == (notice, retracted_at)
    assert body["title"] == title
    assert body["error"]


@pytest.mark.parametrize("path", ["/api/v1/releases/999999", "/api/v1/photos/999999"])
def test_what_does_not_exist_is_a_404_in_the_api_error_shape(client, site, path):
    answer = client.get(path)
    assert answer.status_code == 404 and answer.get_json()["status"] == 404 and answer.get_json()["error"]


@pytest.mark.parametrize("value", ["abc", "-3", "1.5"])
def test_an_activity_that_is_not_a_number_is_refused_with_the_reason(client, site, value):
    answer = client.get(f"/api/v1/photos?activity_id={value}")
    assert answer.status_code == 400 and "activity_id" in answer.get_json()["error"]


def test_per_page_is_capped_at_a_hundred_and_the_cap_is_said(client, site):
    for path in ("/api/v1/photos?per_page=500", "/api/v1/releases?per_page=500"):
        body = client.get(path).get_json()
        assert body["per_page"] == 100, path


def test_a_photos_item_carries_its_licence_and_its_absolute_page(app, client, site):
    photo = client.get(f"/api/v1/photos/{site['lead']}").get_json()
    assert photo["url"].startswith("http://") and photo["url"].endswith(f"/foto/{site['lead']}")
    assert photo["licence"] is None  # the fixture's photos have none
    with app.test_request_context():
        licensed = Media(id=987654, caption="Foto berlisensi", credit="Humas", licence=Licence(
            code="cc-by-4.0", name="CC BY 4.0", url="https://creativecommons.org/licenses/by/4.0/"),
            restrictions="Tidak untuk iklan")
        restricted = Media(id=987655, caption="Foto terbatas", restrictions="Hanya untuk berita")
        assert photo_json(licensed)["licence"] == {
            "code": "cc-by-4.0", "name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/",
            "restrictions": "Tidak untuk iklan"}
        assert photo_json(restricted)["licence"] == {"code": None, "name": None, "url": None,
                                                     "restrictions": "Hanya untuk berita"}
        assert photo_json(licensed, "Keterangan di siaran")["caption"] == "Keterangan di siaran"


def _shown_photo(media_id: int, caption: str) -> Media:
    return Media(id=media_id, caption=caption, status="ok", renditions=[
        Rendition(variant="web", sha256=f"{media_id:064d}", path="x", width=800, height=533, bytes=9000)])


def test_a_release_without_a_unit_or_photos_and_a_corrected_one_with_captions_of_its_own(app):
    """Releases as the API lists them, written out here: one published without a unit or a
    photo (an office's first releases), one corrected whose photos carry captions of their own."""
    published = datetime(2026, 11, 2, 3, 0, tzinfo=timezone.utc)
    corrected = datetime(2026, 11, 3, 4, 30, tzinfo=timezone.utc)
    with app.test_request_context():
        bare = Release(id=876543, slug="siaran-tanpa-unit", title="Siaran tanpa unit", body="Isi.", state="published",
                       ppid_class="setiap_saat", published_at=published)
        body = release_json(bare, full=True)
        assert (body["unit"], body["lead_photo"], body["photos"], body["corrected_at"]) == (None, None, [], None)
        assert body["published_at"] == "2026-11-02T03:00:00+00:00"

        fixed = Release(id=876544, slug="siaran-diralat", title="Siaran diralat", body="Isi.", state="published",
                        ppid_class="setiap_saat", published_at=published, corrected_at=corrected,
                        correction_note="Nama pejabat diperbaiki.", unit=Unit(name="Bagian Humas", slug="humas"))
        fixed.photos = [ReleasePhoto(media=_shown_photo(876545, "Keterangan foto sendiri"), position=0,
                                     caption="Keterangan di siaran"),
                        ReleasePhoto(media=_shown_photo(876546, "Foto kedua"), position=1)]
        body = release_json(fixed, full=True)
        assert body["corrected_at"] == "2026-11-03T04:30:00+00:00"
        assert body["correction_note"] == "Nama pejabat diperbaiki."
        assert body["unit"] == {"name": "Bagian Humas", "slug": "humas"}
        assert [(p["id"], p["caption"]) for p in body["photos"]] == [(876545, "Keterangan di siaran"),
                                                                      (876546, "Foto kedua")]
        assert body["lead_photo"]["id"] == 876545
