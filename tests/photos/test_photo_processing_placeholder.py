"""A photo whose renditions are still being made shows "sedang diproses" wherever staff see
a thumbnail (gallery, photo page, a release's photos), never an <img> pointing at a
rendition that is not there, and no public page shows it."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import delete

from press.extensions import db
from press.models import Media, Release, ReleasePhoto, Rendition, User
from tests.conftest import EMAILS, Auth
from tests.photos.test_media_processing import ACTIVITY, photo_bytes, run_queued, upload

PLACEHOLDER = "sedang diproses"


def images_of(page: str, media_id: int) -> list[str]:
    """The <img> sources of the page that show this photo's renditions."""
    return [src for src in re.findall(r'<img[^>]*\bsrc="([^"]*)"', page)
            if f"/foto/{media_id}/" in src or src in ("", "None")]


@pytest.fixture
def pending_photo(app, client, auth: Auth, queued_jobs) -> int:
    """A photo uploaded by the photographer whose ``media.process`` job has not run yet,
    marked public and attached to a draft release of its activity."""
    auth.login("photographer")
    media_id = upload(client, auth.token(f"/staf/kegiatan/{ACTIVITY}/unggah"), photo_bytes(7)).get_json()["media_id"]
    auth.logout()
    with app.app_context():
        db.session.execute(db.update(Media).where(Media.id == media_id).values(is_public=True))
        release = Release(slug="uji-sedang-diproses", title="Uji sedang diproses", body="Isi.", state="draft",
                          activity_id=ACTIVITY)
        db.session.add(release)
        db.session.flush()
        db.session.add(ReleasePhoto(release_id=release.id, media_id=media_id, position=0))
        db.session.commit()
    return media_id


def staff_pages(app, media_id: int) -> dict[str, str]:
    with app.app_context():
        release_id = db.session.scalar(db.select(Release.id).where(Release.slug == "uji-sedang-diproses"))
    return {"gallery": f"/staf/kegiatan/{ACTIVITY}", "photo": f"/staf/foto/{media_id}",
            "release": f"/staf/siaran/{release_id}", "release edit": f"/staf/siaran/{release_id}/sunting"}


def test_a_photo_still_processing_shows_the_placeholder_on_every_staff_page(app, client, auth, pending_photo):
    auth.login("editor")
    for name, url in staff_pages(app, pending_photo).items():
        response = client.get(url, follow_redirects=True)
        page = response.get_data(as_text=True)
        assert response.status_code == 200, name
        assert PLACEHOLDER in page, name
        assert images_of(page, pending_photo) == [], name


def test_the_placeholder_is_translated(app, client, auth, pending_photo):
    with app.app_context():
        db.session.execute(db.update(User).where(User.email == EMAILS["editor"]).values(locale="en"))
        db.session.commit()
    auth.login("editor")
    page = client.get(f"/staf/foto/{pending_photo}").get_data(as_text=True)
    assert "being processed" in page and PLACEHOLDER not in page


def test_once_rendered_the_pages_show_the_image_instead(app, client, auth, pending_photo, queued_jobs):
    run_queued(queued_jobs)
    auth.login("editor")
    page = client.get(f"/staf/foto/{pending_photo}").get_data(as_text=True)
    assert PLACEHOLDER not in page
    (src, *_) = images_of(page, pending_photo)
    assert client.get(src).status_code == 200


def test_a_photo_without_renditions_is_on_no_public_page(app, client, pending_photo, queued_jobs):
    run_queued(queued_jobs)
    assert client.get(f"/foto/{pending_photo}").status_code == 200
    with app.app_context():  # its renditions are being made again (e.g. after a restore)
        db.session.execute(delete(Rendition).where(Rendition.media_id == pending_photo))
        db.session.commit()
    assert client.get(f"/foto/{pending_photo}").status_code == 404
    for url in (f"/kegiatan/{ACTIVITY}", "/galeri", "/"):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert images_of(response.get_data(as_text=True), pending_photo) == [], url
        assert f'href="/foto/{pending_photo}"' not in response.get_data(as_text=True), url
