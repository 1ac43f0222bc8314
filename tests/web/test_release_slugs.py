"""A release's address follows its headline until it is first published, then stays:
a renamed draft is published at its new headline's slug, a corrected headline keeps the
address, an earlier slug answers 301 to the current one, and two releases never share one."""
from __future__ import annotations

from sqlalchemy import select

from press.extensions import db
from press.models import Release
from press.text import slugify


def first(app, state: str) -> Release:
    with app.app_context():
        release = db.session.scalars(select(Release).where(Release.state == state).order_by(Release.id)).first()
        db.session.expunge(release)
        return release


def current(app, rid: int) -> Release:
    with app.app_context():
        release = db.session.get(Release, rid)
        db.session.expunge(release)
        return release


def save(client, auth, app, rid: int, title: str):
    release = current(app, rid)
    return client.post(f"/staf/siaran/{rid}/sunting", data={
        "csrf_token": auth.token(f"/staf/siaran/{rid}/sunting"), "title": title, "dateline": release.dateline or "",
        "body": release.body, "signature": release.signature or "", "version": str(release.version)})


def act(client, auth, rid: int, action: str, **fields):
    return client.post(f"/staf/siaran/{rid}/alur", data={"csrf_token": auth.token(), "action": action, **fields})


def publish(client, auth, rid: int) -> None:
    assert act(client, auth, rid, "submit").status_code == 302
    assert act(client, auth, rid, "publish").status_code == 302


def test_a_draft_renamed_before_publishing_is_published_at_its_new_headline(app, client, auth):
    draft = first(app, "draft")
    auth.login("editor")
    title = "Wali Kota Resmikan Taman Baca di Kelurahan Jatiasih"
    assert save(client, auth, app, draft.id, title).status_code == 302
    publish(client, auth, draft.id)
    release = current(app, draft.id)
    assert release.state == "published" and release.slug == slugify(title) != draft.slug
    page = client.get(f"/siaran/{release.slug}")
    assert page.status_code == 200 and title in page.get_data(as_text=True)
    moved = client.get(f"/siaran/{draft.slug}")  # the first draft's address leads to the release
    assert moved.status_code == 301 and moved.headers["Location"].endswith(f"/siaran/{release.slug}")


def test_a_correction_after_publishing_keeps_the_slug(app, client, auth):
    published = first(app, "published")
    auth.login("editor")
    answer = act(client, auth, published.id, "correct", version=str(published.version),
                 title="Judul yang dikoreksi setelah terbit", body=published.body, note="Judul diperbaiki.")
    assert answer.status_code == 302
    release = current(app, published.id)
    assert release.title == "Judul yang dikoreksi setelah terbit" and release.slug == published.slug
    page = client.get(f"/siaran/{published.slug}")
    assert page.status_code == 200 and "Judul yang dikoreksi setelah terbit" in page.get_data(as_text=True)


def test_an_earlier_slug_answers_301_to_the_current_on_the_site_and_the_api(app, client, auth):
    draft = first(app, "draft")
    auth.login("editor")
    save(client, auth, app, draft.id, "Judul kedua sebelum terbit")
    middle = current(app, draft.id).slug
    save(client, auth, app, draft.id, "Judul ketiga yang akhirnya terbit")
    assert client.get(f"/siaran/{middle}").status_code == 404  # not public yet: nothing leaks
    publish(client, auth, draft.id)
    final = current(app, draft.id).slug
    for earlier in (draft.slug, middle):
        site = client.get(f"/siaran/{earlier}")
        assert site.status_code == 301 and site.headers["Location"].endswith(f"/siaran/{final}")
        api = client.get(f"/api/v1/releases/{earlier}")
        assert api.status_code == 301 and api.headers["Location"].endswith(f"/api/v1/releases/{final}")
    assert client.get(f"/api/v1/releases/{final}").get_json()["slug"] == final


def test_a_slug_another_release_has_or_had_gets_a_suffix(app, client, auth):
    published = first(app, "published")
    draft = first(app, "draft")
    auth.login("editor")
    save(client, auth, app, draft.id, published.title)
    assert current(app, draft.id).slug == f"{published.slug}-2"
    # A draft's earlier slug stays its own: another release renamed to that headline gets a suffix.
    other = first(app, "in_review")
    save(client, auth, app, draft.id, "Judul baru untuk draf")
    save(client, auth, app, other.id, published.title)
    assert current(app, other.id).slug == f"{published.slug}-3"
    # The draft may take its own earlier slug back.
    save(client, auth, app, draft.id, published.title)
    assert current(app, draft.id).slug == f"{published.slug}-2"
