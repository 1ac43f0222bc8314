"""The page cache and cookies: a cookie Siaran never reads (a visit counter, the host's
analytics) does not change a public page, so such a visitor is answered from the cache;
the session (a chosen language, staff) and the remember-me cookie always reach Flask."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from press.extensions import db
from press.models import Release, User
from press.services import workflow


@pytest.fixture
def reached_flask(app):
    """The paths that got past the page cache into Flask."""
    seen = []
    cache = app.wsgi_app
    inner = cache.wsgi_app

    def counting(environ, start_response):
        seen.append((environ["PATH_INFO"], environ.get("HTTP_COOKIE", "")))
        return inner(environ, start_response)

    cache.wsgi_app = counting
    return seen


def test_a_visitor_with_a_cookie_siaran_never_reads_gets_the_cached_page(app, site, reached_flask):
    url = f"/siaran/{site.published.slug}"
    first = app.test_client().get(url)
    counting = app.test_client()
    counting.set_cookie("visited", "1")
    counting.set_cookie("_ga", "GA1.2.3")
    reached_flask.clear()
    counted = counting.get(url)
    assert reached_flask == [], "a cookie Siaran never reads should not take the visitor past the cache"
    assert counted.status_code == 200 and counted.get_data() == first.get_data()
    assert "Set-Cookie" not in counted.headers


def test_a_chosen_language_and_a_remember_cookie_reach_flask(app, site, reached_flask):
    url = f"/siaran/{site.published.slug}"
    app.test_client().get(url)
    english = app.test_client()
    english.get(f"/bahasa/en?next={url}")
    english.set_cookie("visited", "1")
    reached_flask.clear()
    page = english.get(url)
    assert [path for path, _cookie in reached_flask] == [url] and "session=" in reached_flask[0][1]
    assert 'lang="en"' in page.get_data(as_text=True)
    remembered = app.test_client()
    remembered.set_cookie("remember_token", "1|abc")
    remembered.set_cookie("visited", "1")
    reached_flask.clear()
    remembered.get(url)
    assert [path for path, _cookie in reached_flask] == [url]


def test_a_retraction_reaches_visitors_with_a_foreign_cookie_at_once(app, site):
    url = f"/siaran/{site.published.slug}"
    visitor = app.test_client()
    visitor.set_cookie("visited", "1")
    assert visitor.get(url).status_code == 200
    with app.app_context():
        editor = db.session.scalar(select(User).where(User.role == "editor"))
        workflow.apply(db.session, db.session.get(Release, site.published.id), "retract", editor, notice="Uji tarik.")
        db.session.commit()
    assert visitor.get(url).status_code == 410
