"""A release page rendered once for every visitor who reaches Flask (a session: a chosen
language, a journalist or staff member signed in), and never one visitor's language or a
release's older state shown to another."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from press.extensions import db
from press.models import Release, User
from press.services import workflow
from press.web import site as site_views


@pytest.fixture
def renders(monkeypatch):
    """The templates the public site's views rendered."""
    rendered = []
    real = site_views.render_template

    def counting(name, **context):
        rendered.append(name)
        return real(name, **context)

    monkeypatch.setattr(site_views, "render_template", counting)
    return rendered


def visitor_in(app, locale: str, url: str):
    client = app.test_client()
    client.get(f"/bahasa/{locale}?next={url}")
    return client


def test_visitors_with_a_session_share_one_rendering_of_a_release(app, site, renders):
    url = f"/siaran/{site.published.slug}"
    first, second = visitor_in(app, "id", url), visitor_in(app, "id", url)
    page = first.get(url)
    assert second.get(url).get_data() == page.get_data()
    assert renders.count("site/release.html") == 1
    english = visitor_in(app, "en", url).get(url).get_data(as_text=True)
    assert renders.count("site/release.html") == 2 and 'lang="en"' in english
    assert 'lang="id"' in page.get_data(as_text=True)


def test_a_correction_and_a_retraction_reach_visitors_with_a_session_at_once(app, site):
    url = f"/siaran/{site.published.slug}"
    reader = visitor_in(app, "id", url)
    assert reader.get(url).status_code == 200
    with app.app_context():
        editor = db.session.scalar(select(User).where(User.role == "editor"))
        release = db.session.get(Release, site.published.id)
        text = {"title": release.title, "dateline": release.dateline, "signature": release.signature,
                "body": release.body + "\n\nTambahan keterangan narasumber."}
        workflow.apply(db.session, release, "correct", editor, note="Menambah keterangan.", text=text,
                       expected_version=release.version)
        db.session.commit()
    corrected = reader.get(url).get_data(as_text=True)
    assert "Tambahan keterangan narasumber." in corrected and "Menambah keterangan." in corrected
    with app.app_context():
        editor = db.session.scalar(select(User).where(User.role == "editor"))
        workflow.apply(db.session, db.session.get(Release, site.published.id), "retract", editor, notice="Uji tarik.")
        db.session.commit()
    assert reader.get(url).status_code == 410
