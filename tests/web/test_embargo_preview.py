"""A scheduled release opened to journalists: seen by approved journalists only, with its
banner and photos marked EMBARGO, every view and download logged on its history; public
after the embargo clock published it."""
from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from press.codes import EmbargoAudience, WorkflowAction
from press.extensions import db
from press.models import EmbargoOpening, EmbargoView, Journalist, Outlet, Release, User
from press.services import consent, embargo, journalists, workflow

from tests.conftest import csrf_token
from tests.web.test_journalists import APPROVED_EMAIL, PENDING_EMAIL, PENDING_PASSWORD, sign_in

BANNER = "EMBARGO hingga Kamis, 30 September 2021 14.30 WIB"


def _scheduled(app, site) -> Release:
    with app.app_context():
        release = db.session.get(Release, site.hidden["scheduled"].id)
        release.embargo_at = datetime(2021, 9, 30, 7, 30, tzinfo=timezone.utc)
        db.session.commit()
        assert embargo.opening_of(db.session, release) is not None, "the demo opens its scheduled release"
        return release


def test_an_approved_journalist_reads_it_with_the_banner_and_each_look_is_logged(app, client, auth, site):
    release = _scheduled(app, site)
    assert sign_in(client).status_code == 302
    listing = client.get("/wartawan/")
    assert release.title in listing.get_data(as_text=True) and BANNER in listing.get_data(as_text=True)
    page = client.get(f"/wartawan/embargo/{release.id}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and BANNER in html and release.title in html
    assert page.headers["Cache-Control"] == "private, no-store"
    with app.app_context():
        stored = db.session.get(Release, release.id)
        media = stored.photos[0].media
        web = media.rendition("web")
        original = Path(app.config["MEDIA_ROOT"], *web.path.split("/")).read_bytes()
    assert web.sha256 not in html and "/media/" not in html, "no store address of an embargoed photo"
    shown = client.get(f"/wartawan/embargo/{release.id}/foto/{media.id}.jpg")
    assert shown.status_code == 200 and shown.mimetype == "image/jpeg"
    assert shown.headers["Cache-Control"] == "private, no-store"
    assert shown.get_data() != original
    marked, plain = Image.open(io.BytesIO(shown.get_data())), Image.open(io.BytesIO(original))
    assert marked.size == plain.size
    middle = (marked.width // 2 - marked.width // 4, marked.height // 2 - 10, marked.width // 2 + marked.width // 4,
              marked.height // 2 + 10)
    assert marked.convert("L").crop(middle).getextrema() != plain.convert("L").crop(middle).getextrema()
    download = client.get(f"/wartawan/embargo/{release.id}/foto/{media.id}.jpg?unduh=1")
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert "EMBARGO" in download.headers["Content-Disposition"]
    with app.app_context():
        views = [(v.journalist.email, v.action, v.media_id) for v in
                 db.session.scalars(select(EmbargoView).where(EmbargoView.release_id == release.id))]
    assert views == [(APPROVED_EMAIL, "view", None), (APPROVED_EMAIL, "download", media.id)]
    auth.login("editor")
    history = client.get(f"/staf/siaran/{release.id}/").get_data(as_text=True)
    assert "Wahyu Wartawan" in history and "mengunduh foto" in history and "membaca siaran" in history


def test_nobody_else_sees_it(app, client, auth, site):
    release = _scheduled(app, site)
    url = f"/wartawan/embargo/{release.id}"
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/wartawan/masuk" in anonymous.headers["Location"]
    assert sign_in(client, PENDING_EMAIL, PENDING_PASSWORD).status_code == 401
    assert client.get(url).status_code == 302
    auth.login("editor")
    assert client.get(url).status_code == 302, "a staff session is no journalist's"
    auth.logout()
    sign_in(client)
    missing = client.get("/wartawan/embargo/999999")
    with app.app_context():
        draft = db.session.scalar(select(Release.id).where(Release.state == "draft"))
        editor_release = db.session.get(Release, release.id)
        opening = embargo.opening_of(db.session, editor_release)
        opening.audience = EmbargoAudience.VERIFIED
        radio = db.session.scalar(select(Outlet).where(Outlet.verified.is_(False)))
        db.session.scalar(select(Journalist).where(Journalist.email == APPROVED_EMAIL)).outlet_id = radio.id
        db.session.commit()
    assert missing.status_code == 404
    assert client.get(f"/wartawan/embargo/{draft}").status_code == 404
    assert client.get(url).status_code == 404, "only verified outlets: this journalist's is not"
    assert release.title not in client.get("/wartawan/").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(EmbargoView)) is None


def test_editors_open_only_scheduled_releases_and_writers_never(app, client, auth, site):
    release = _scheduled(app, site)
    with app.app_context():
        draft = db.session.scalar(select(Release.id).where(Release.state == "draft"))
    auth.login("editor")
    token = auth.token(f"/staf/siaran/{release.id}/")
    page = client.get(f"/staf/siaran/{release.id}/").get_data(as_text=True)
    assert "Pratinjau wartawan" in page and "Dibuka untuk" in page
    refused = client.post(f"/staf/siaran/{draft}/wartawan", data={"audience": "all", "open": "1", "csrf_token": token},
                          follow_redirects=True)
    assert "Hanya siaran yang dijadwalkan" in refused.get_data(as_text=True)
    closed = client.post(f"/staf/siaran/{release.id}/wartawan", data={"audience": "all", "close": "1",
                                                                      "csrf_token": token})
    assert closed.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(EmbargoOpening)) is None
    client.post(f"/staf/siaran/{release.id}/wartawan", data={"audience": "verified", "open": "1", "csrf_token": token})
    with app.app_context():
        assert db.session.scalar(select(EmbargoOpening.audience)) == "verified"
    history = client.get(f"/staf/siaran/{release.id}/riwayat").get_data(as_text=True)
    assert "Dibuka untuk wartawan sebelum embargo" in history and "Ditutup lagi untuk wartawan" in history
    auth.logout()
    auth.login("writer")
    token = auth.token(f"/staf/siaran/{release.id}/")
    assert client.post(f"/staf/siaran/{release.id}/wartawan", data={"audience": "all", "close": "1",
                                                                    "csrf_token": token}).status_code == 403


def test_after_publish_due_it_is_public_and_the_preview_leads_there(app, client, runner, site):
    release = _scheduled(app, site)
    sign_in(client)
    assert client.get(f"/wartawan/embargo/{release.id}").status_code == 200
    visitor = app.test_client()
    assert visitor.get(f"/siaran/{release.slug}").status_code == 404
    assert runner.invoke(args=["publish-due"]).exit_code == 0
    assert visitor.get(f"/siaran/{release.slug}").status_code == 200
    moved = client.get(f"/wartawan/embargo/{release.id}")
    assert moved.status_code == 302 and moved.headers["Location"].endswith(f"/siaran/{release.slug}")
    assert release.title not in client.get("/wartawan/").get_data(as_text=True)


def test_a_release_taken_off_the_schedule_is_no_longer_open_when_scheduled_again(app, client, site):
    release = _scheduled(app, site)
    sign_in(client)
    assert client.get(f"/wartawan/embargo/{release.id}").status_code == 200
    with app.app_context():
        stored = db.session.get(Release, release.id)
        editor = db.session.scalar(select(User).where(User.email == "redaktur@siaran.test"))
        workflow.apply(db.session, stored, WorkflowAction.UNSCHEDULE, editor)
        db.session.commit()
        assert embargo.opening_of(db.session, stored) is None
        workflow.apply(db.session, stored, WorkflowAction.SCHEDULE, editor,
                       at=datetime.now(timezone.utc) + timedelta(days=30))
        db.session.commit()
        assert stored.state == "scheduled"
    assert client.get(f"/wartawan/embargo/{release.id}").status_code == 404
    assert release.title not in client.get("/wartawan/").get_data(as_text=True)


def test_a_rejected_journalist_loses_the_preview_at_once(app, client, site):
    release = _scheduled(app, site)
    sign_in(client)
    assert client.get(f"/wartawan/embargo/{release.id}").status_code == 200
    with app.app_context():
        journalist = db.session.scalar(select(Journalist).where(Journalist.email == APPROVED_EMAIL))
        journalists.reject(db.session, journalist, None, "Kartu pers dicabut.")
        db.session.commit()
    assert client.get(f"/wartawan/embargo/{release.id}").status_code == 302
    assert csrf_token(client, "/wartawan/masuk")


def test_the_preview_shows_only_the_photos_the_public_rule_would_show_once_published(app, client, site):
    """Journalists are outside the office: a photo flagged as a sensitive subject with no consent
    stays out of the embargoed preview, as it would stay off the public release page."""
    release = _scheduled(app, site)
    with app.app_context():
        stored = db.session.get(Release, release.id)
        media = stored.photos[0].media
        media_id = media.id
        consent.set_subject(db.session, media, "anak", actor=None)
        db.session.commit()
    sign_in(client)
    page = client.get(f"/wartawan/embargo/{release.id}").get_data(as_text=True)
    assert release.title in page
    assert f"/foto/{media_id}.jpg" not in page
    assert client.get(f"/wartawan/embargo/{release.id}/foto/{media_id}.jpg").status_code == 404
