"""Feeds and the sitemap of the public site: RSS 2.0 and Atom (whole site and per unit).

Same visibility as the pages (``press.services.public``); URLs are absolute, on
``SITE_URL`` when configured. The responses get the site's ETag, Last-Modified and
conditional GET through ``site.conditional``.
"""
from __future__ import annotations

from email.utils import format_datetime

from flask import Blueprint, abort, current_app, render_template
from markupsafe import escape

from press.drafting import formatting
from press.extensions import db
from press.services import public, public_archives

from .links import absolute, public_url, rendition_url
from .site import conditional, modified

bp = Blueprint("feeds", __name__)
bp.after_request(conditional)

FEED_LIMIT = 30


def rss_html(text) -> str:
    """Text as the HTML an RSS ``<description>`` holds (feed readers read it as HTML).

    Returned as a plain ``str`` so the XML template escapes it once more: a summary
    ``<b> & <script>`` reaches a reader as that text, never as markup. Already-safe
    markup (a translated string from the template) is kept as the HTML it is.
    """
    return str(escape(text))


def _entries(releases) -> list[dict]:
    entries = []
    for item in releases:
        lead = public.lead_photo(item)
        web = lead.rendition("web") if lead else None
        entries.append({
            "title": item.title,
            "url": public_url("release", item, external=True),
            "summary": formatting.summary(item.body, 400),
            "body": item.body or "",
            "dateline": item.dateline,
            "correction": item.correction_note if item.corrected_at else None,
            "published": item.published_at,
            "updated": public.release_modified(item),
            "unit": item.unit.name if item.unit else None,
            "image": rendition_url(lead, "web", public=True, external=True) if web else None,
            "image_bytes": web.bytes if web else None,
            "id": f"tag:{absolute('site.home').split('//', 1)[-1].split('/', 1)[0]},"
                  f"{item.published_at:%Y-%m-%d}:siaran/{item.id}",
        })
    return entries


def _feed(template: str, releases, *, title: str, page: str, self_url: str):
    entries = _entries(releases)
    updated = max((e["updated"] for e in entries if e["updated"]), default=None)
    modified(public.last_change(db.session))
    body = render_template(
        template, entries=entries, title=title, page=page, self_url=self_url, updated=updated,
        rfc822=format_datetime, rss_html=rss_html, office=current_app.config["OFFICE_NAME"],
    )
    mimetype = "application/rss+xml" if template.endswith("rss.xml") else "application/atom+xml"
    return current_app.response_class(body, mimetype=mimetype)


@bp.route("/feed.xml")
def rss():
    return _feed("feeds/rss.xml", public.published_releases(db.session, limit=FEED_LIMIT),
                 title=current_app.config["OFFICE_NAME"], page=absolute("site.home"),
                 self_url=absolute("feeds.rss"))


@bp.route("/atom.xml")
def atom():
    return _feed("feeds/atom.xml", public.published_releases(db.session, limit=FEED_LIMIT),
                 title=current_app.config["OFFICE_NAME"], page=absolute("site.home"),
                 self_url=absolute("feeds.atom"))


def _unit(slug: str):
    unit = public_archives.unit_by_slug(db.session, slug)
    releases = public_archives.releases_of_unit(db.session, unit, limit=FEED_LIMIT) if unit else []
    if not releases:
        abort(404)
    return unit, releases


@bp.route("/unit/<slug>/feed.xml")
def unit_rss(slug: str):
    unit, releases = _unit(slug)
    return _feed("feeds/rss.xml", releases, title=unit.name, page=public_url("unit", unit, external=True),
                 self_url=absolute("feeds.unit_rss", slug=slug))


@bp.route("/unit/<slug>/atom.xml")
def unit_atom(slug: str):
    unit, releases = _unit(slug)
    return _feed("feeds/atom.xml", releases, title=unit.name, page=public_url("unit", unit, external=True),
                 self_url=absolute("feeds.unit_atom", slug=slug))


def sitemap_urls() -> list[tuple[str, object]]:
    """Every public page worth indexing, with its last change (or ``None``)."""
    session = db.session
    last = public.last_change(session)
    urls = [(absolute("site.home"), last), (absolute("site.archive"), last), (absolute("site.galleries"), None)]
    for item in public.published_releases(session):
        urls.append((public_url("release", item, external=True), public.release_modified(item)))
    years = sorted({m.year for m in public_archives.archive_months(session)}, reverse=True)
    urls += [(absolute("site.archive_year", year=y), None) for y in years]
    urls += [(absolute("site.archive_month", year=m.year, month=m.month), None) for m in public_archives.archive_months(session)]
    urls += [(public_url("unit", u, external=True), None) for u, _n in public_archives.units_with_releases(session)]
    urls += [(public_url("tag", t, external=True), None) for t, _n in public_archives.tags_with_releases(session)]
    urls += [(public_url("person", p, external=True), None) for p, _n in public_archives.people_with_releases(session)]
    activities = sorted({m.activity_id for m in public.public_photos(session) if m.activity_id})
    urls += [(public_url("activity", a, external=True), None) for a in activities]
    urls += [(public_url("photo", m, external=True), m.updated_at) for m in public.public_photos(session)]
    return urls


@bp.route("/sitemap.xml")
def sitemap():
    modified(public.last_change(db.session))
    body = render_template("feeds/sitemap.xml", urls=sitemap_urls())
    return current_app.response_class(body, mimetype="application/xml")
