"""The public site (read-only, no login): home, releases, archives, galleries, photos, renditions.

What the public may see is decided by ``press.services.public``; this blueprint only
renders it. Pages carry an ETag and Last-Modified and answer conditional GETs with 304;
renditions are served at URLs carrying their content hash, cached for a day at most
(a withdrawn photo's renditions answer 404 at once).
A retracted release answers 410 with its notice; any other unpublished release is a
404 indistinguishable from a slug that never existed.
"""
from __future__ import annotations

from datetime import timedelta

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
)
from flask_login import current_user

from press import dates
from press.codes import ReleaseState
from press.drafting import formatting
from press.extensions import db
from press.models import LOCALES, utcnow
from press.services import collections, public, public_archives

from . import stored_files
from . import personal_bar
from .auth import safe_next
from .i18n import current_locale
from .links import public_url, rendition_url
from .page_cache import mark_cacheable
from .script_json import script_json
from .shared_pages import remember, remembered, shared_page

bp = Blueprint("site", __name__)

HOME_LIMIT = 12
PAGE_CACHE = "public, no-cache"
# A day: browsers and proxies let go of a withdrawn photo by then (its URL answers 404 at once).
RENDITION_SECONDS = 86400


# -- caching -------------------------------------------------------------------------


def modified(moment) -> None:
    """Record the Last-Modified moment of the page being rendered."""
    if moment is not None:
        g.site_last_modified = max(moment, getattr(g, "site_last_modified", moment))


def conditional(response):
    """ETag (of the body) and Last-Modified, and 304 for a matching conditional GET.

    HTTP dates count whole seconds: Last-Modified is the last change rounded up to its
    second, and is sent only once that second is over, so a later change can never
    share the second a client holds in If-Modified-Since (its 304 would be stale)."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200 or response.direct_passthrough:
        return response
    personal = personal_bar.personalise(response)
    response.headers.setdefault("Cache-Control", PAGE_CACHE)
    response.add_etag()
    moment = getattr(g, "site_last_modified", None)
    if moment is not None:
        second = moment.replace(microsecond=0) + timedelta(seconds=1 if moment.microsecond else 0)
        if second <= utcnow():
            response.last_modified = second
    response.vary.add("Accept-Language")
    if not current_user.is_authenticated and not personal:
        mark_cacheable(request.environ)
    return response.make_conditional(request)


bp.after_request(conditional)


# -- template helpers ----------------------------------------------------------------


bp.add_app_template_global(formatting.body_paragraphs, "release_paragraphs")
bp.add_app_template_global(public.public_photos_of, "public_photos_of")
bp.add_app_template_filter(script_json, "script_json")


@bp.app_context_processor
def site_helpers():
    return {"static_export": current_app.config.get("SITE_STATIC_EXPORT", False)}


@bp.app_template_filter("long_date_local")
def long_date_local(moment) -> str:
    """The calendar day of a UTC moment in Jakarta, written out ("Kamis, 30 September 2021")."""
    return dates.long_date(moment.astimezone(dates.OFFICE_ZONE).date(), current_locale()) if moment else ""


# -- pages ---------------------------------------------------------------------------


@bp.route("/")
def home():
    releases = public.published_releases(db.session, limit=HOME_LIMIT)
    modified(public.last_change(db.session))
    return render_template(
        "site/home.html", releases=releases, lead=public.lead_photo,
        months=public_archives.archive_months(db.session)[:12], units=public_archives.units_with_releases(db.session),
    )


@bp.route("/siaran/<ref>")
def release(ref: str):
    kept = remembered(("release-view", ref))
    if kept is not None:
        page, changed = kept
        modified(changed)
        return page
    item = public.find_release(db.session, ref, with_photos=False)
    if item is None:
        abort(404)
    if item.state == ReleaseState.RETRACTED:
        modified(item.retracted_at)
        return render_template("site/retracted.html", release=item, title=public.retracted_title(item)), 410
    if ref != item.slug:
        return redirect(public_url("release", item), 301)
    changed = public.last_change(db.session)
    modified(changed)

    def render() -> str:
        public.load_photos(db.session, item)
        gallery_link = bool(item.activity_id and public.public_photos(db.session, activity_id=item.activity_id, limit=1))
        return render_template(
            "site/release.html", release=item, photos=public.public_photos_of(item), gallery_link=gallery_link,
            json_ld=news_article(item),
        )

    page = shared_page(("release", item.id, item.version, item.updated_at, changed), render)
    remember(("release-view", ref), (page, changed))
    return page


def news_article(item) -> dict:
    """schema.org ``NewsArticle`` for a published release."""
    photos = public.public_photos_of(item)
    images = [rendition_url(m, "web", public=True, external=True) for _rp, m in photos if m.rendition("web")]
    office = current_app.config["OFFICE_NAME"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title[:110],
        "datePublished": item.published_at.isoformat() if item.published_at else None,
        "dateModified": (item.corrected_at or item.published_at).isoformat() if item.published_at else None,
        "author": {"@type": "Organization", "name": item.unit.name if item.unit else office},
        "publisher": {"@type": "Organization", "name": office},
        "mainEntityOfPage": public_url("release", item, external=True),
        "inLanguage": "id",
        "description": formatting.summary(item.body),
        "image": images,
    }
    if item.dateline:
        data["dateline"] = item.dateline
    return data


@bp.app_template_global("release_summary")
def release_summary(item, length: int = 200) -> str:
    return formatting.summary(item.body, length)


@bp.route("/arsip")
def archive():
    modified(public.last_change(db.session))
    return render_template(
        "site/archive_index.html", months=public_archives.archive_months(db.session),
        units=public_archives.units_with_releases(db.session), tags=public_archives.tags_with_releases(db.session),
        people=public_archives.people_with_releases(db.session),
    )


@bp.route("/arsip/<int(min=1, max=9999):year>")
def archive_year(year: int):
    releases = public_archives.releases_in(db.session, year)
    if not releases:
        abort(404)
    modified(public.last_change(db.session))
    months = [m for m in public_archives.archive_months(db.session) if m.year == year]
    return render_template("site/archive.html", heading=str(year), releases=releases, months=months)


@bp.route("/arsip/<int(min=1, max=9999):year>/<int(min=1, max=12):month>")
def archive_month(year: int, month: int):
    releases = public_archives.releases_in(db.session, year, month)
    return _archive(releases, dates.month_label(year, month, current_locale()), year=year)


def _archive(releases, heading: str, **context):
    """An archive page; an archive with nothing published is a 404 like any unknown name."""
    if not releases:
        abort(404)
    modified(public.last_change(db.session))
    return render_template("site/archive.html", heading=heading, releases=releases, **context)


@bp.route("/unit/<slug>")
def unit(slug: str):
    item = public_archives.unit_by_slug(db.session, slug)
    return _archive(public_archives.releases_of_unit(db.session, item) if item else [], item and item.name, unit=item)


@bp.route("/tag/<kind>/<slug>")
def tag(kind: str, slug: str):
    item = public_archives.tag_by_slug(db.session, kind, slug)
    return _archive(public_archives.releases_with_tag(db.session, item) if item else [], item and item.name, tag=item)


@bp.route("/orang/<slug>")
def person(slug: str):
    item = public_archives.person_by_slug(db.session, slug)
    return _archive(public_archives.releases_of_person(db.session, item) if item else [], item and item.name, person=item)


@bp.route("/galeri")
def galleries():
    modified(public.last_change(db.session))
    return render_template("site/galleries.html", activities=public.activities_with_photos(db.session),
                           collections=collections.public_collections(db.session),
                           collection_cover=collections.cover_of)


@bp.route("/kegiatan/<id:activity_id>")
def gallery(activity_id: int):
    activity = public.public_activity(db.session, activity_id)
    if activity is None:
        abort(404)
    modified(public.last_change(db.session))
    return render_template(
        "site/gallery.html", activity=activity,
        photos=public.public_photos(db.session, activity_id=activity_id),
        releases=public.releases_of_activity(db.session, activity_id),
    )


@bp.route("/foto/<id:media_id>")
def photo(media_id: int):
    media = public.public_media(db.session, media_id)
    if media is None or not media.renditions:
        abort(404)
    modified(public.last_change(db.session))
    activity = public.public_activity(db.session, media.activity_id) if media.activity_id else None
    return render_template("site/photo.html", media=media, activity=activity)


@bp.route("/media/<sha256>/<variant>.jpg")
def rendition(sha256: str, variant: str):
    """A public rendition by content hash; never an original, never a private photo."""
    if len(sha256) != 64 or not sha256.isalnum():
        abort(404)
    found = public.public_rendition(db.session, sha256, variant)
    if found is None:
        abort(404)
    return stored_files.public_rendition(found.media.sha256, variant, sha256, cache_seconds=RENDITION_SECONDS)


@bp.route("/bahasa/<locale>")
def language(locale: str):
    """Visitors choose the site's language for this browser session."""
    if locale in LOCALES:
        session["locale"] = locale
    return redirect(safe_next(request.args.get("next"), "site.home"))
