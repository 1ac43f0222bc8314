"""Signed-in journalists read the public pages every visitor shares, with their own bar
around them: nothing personal or embargoed passes from one visitor to another."""
from __future__ import annotations

from sqlalchemy import select

from press.codes import EmbargoAudience
from press.extensions import db
from press.models import Journalist, Outlet, Release
from press.services import embargo, journalists
from tests.web.test_journalists import APPROVED_EMAIL, PENDING_EMAIL, PENDING_PASSWORD, sign_in


def _only_verified_outlets_see_the_scheduled_release(app, site) -> tuple[str, str, str]:
    """The demo's scheduled release opened to verified outlets only; the pending journalist
    approved, of an outlet not verified. Their names and the embargoed title."""
    with app.app_context():
        release = db.session.get(Release, site.hidden["scheduled"].id)
        embargo.opening_of(db.session, release).audience = EmbargoAudience.VERIFIED
        second = db.session.scalar(select(Journalist).where(Journalist.email == PENDING_EMAIL))
        second.outlet_id = db.session.scalar(select(Outlet.id).where(Outlet.verified.is_(False)))
        journalists.approve(db.session, second, None)
        first = db.session.scalar(select(Journalist).where(Journalist.email == APPROVED_EMAIL))
        assert first.outlet.verified
        db.session.commit()
        return first.name, second.name, release.title


def test_two_journalists_and_a_visitor_each_see_only_their_own(app, site):
    first_name, second_name, embargoed = _only_verified_outlets_see_the_scheduled_release(app, site)
    url = f"/siaran/{site.published.slug}"
    first, second, anonymous, with_language = (app.test_client() for _ in range(4))
    assert sign_in(first).status_code == 302
    assert sign_in(second, PENDING_EMAIL, PENDING_PASSWORD).status_code == 302
    with_language.get("/bahasa/id")

    pages = {}
    for name, client in (("first", first), ("second", second), ("anonymous", anonymous),
                         ("with_language", with_language), ("first again", first)):
        answer = client.get(url)
        assert answer.status_code == 200
        pages[name] = answer
    text = {name: answer.get_data(as_text=True) for name, answer in pages.items()}
    assert site.published.title in text["anonymous"] and all(site.published.title in t for t in text.values())

    opening = "Siaran embargo untuk Anda: 1"
    assert first_name in text["first"] and opening in text["first"] and second_name not in text["first"]
    assert second_name in text["second"] and first_name not in text["second"] and opening not in text["second"]
    for visitor in ("anonymous", "with_language"):
        assert first_name not in text[visitor] and second_name not in text[visitor]
        assert opening not in text[visitor] and "Masuk sebagai" not in text[visitor]
    assert not any(embargoed in t for t in text.values())  # counted on a public URL, never named
    assert text["first again"] == text["first"]
    for name in ("first", "second"):
        assert pages[name].headers["Cache-Control"] == "private, no-cache"
    assert pages["anonymous"].headers["Cache-Control"] == "public, no-cache"
    assert len({pages[name].headers["ETag"] for name in ("first", "second", "anonymous")}) == 3
    # The anonymous page, now kept by the page cache, still carries nobody's bar.
    assert first_name not in app.test_client().get(url).get_data(as_text=True)


def test_a_journalist_no_longer_approved_gets_the_public_page_without_a_bar(app, site):
    client = app.test_client()
    assert sign_in(client).status_code == 302
    assert "Masuk sebagai" in client.get(f"/siaran/{site.published.slug}").get_data(as_text=True)
    with app.app_context():
        journalist = db.session.scalar(select(Journalist).where(Journalist.email == APPROVED_EMAIL))
        journalist.session_version += 1  # signed out everywhere (as a rejection or a password change does)
        db.session.commit()
    page = client.get(f"/siaran/{site.published.slug}")
    assert page.status_code == 200 and "Masuk sebagai" not in page.get_data(as_text=True)
