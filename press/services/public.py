"""What the public may see: the queries behind the public site, feeds, sitemap, API and export.

One rule, applied here and nowhere else: a release is public when its state is
``published`` and neither it nor its activity is of the PPID class ``dikecualikan``; a
photo is public when it is marked public (``Media.is_public``) or is attached to a
public release, its activity is not ``dikecualikan``, its licence is not an internal one
("Hanya untuk internal", ``Licence.internal``), it has renditions, and, when it is flagged
as a sensitive subject, a consent record covers today (``consent_cover``). Every way of
making a photo public (the photo page, a bulk edit, a release attachment, the command
line) asks ``publish_refusal`` first, or ``require_publishable`` to raise it. A
retracted release is known to the public only by its title and retraction notice (its
own 410 page); a retracted ``dikecualikan`` one by its notice alone. An activity's
facts (title, kind, time, place, unit, topic, dress code, contact) are on the public
agenda when it is marked for it and is not ``dikecualikan`` (``agenda_condition``), a
cancelled one with its cancellation; its photos, notes and releases follow their own
rules. Everything else (drafts, releases in review, approved or scheduled ones, private photos, originals,
GPS, exempt information) never leaves the staff side. No Flask; read-only.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from press.codes import MediaStatus, PpidClass, PublishRefusal, ReleaseState
from press.dates import office_today
from press.errors import ServiceError
from press.numbers import parse_id
from press.problems import MESSAGES, params_of, problem
from press.models import (
    Activity,
    Licence,
    Media,
    Person,
    Release,
    ReleasePhoto,
    Rendition,
    Unit,
    WhatsAppSetting,
)

from . import release_slugs
from .consent_cover import covered_condition, uncovered

def _not_exempt(activity_id):
    """SQL: the row's activity (if any) is not ``dikecualikan`` (an uncorrelated subquery)."""
    exempt = select(Activity.id).where(Activity.ppid_class == PpidClass.DIKECUALIKAN).scalar_subquery()
    return or_(activity_id.is_(None), activity_id.notin_(exempt))


PUBLIC_RELEASE = and_(
    Release.state == ReleaseState.PUBLISHED,
    Release.ppid_class != PpidClass.DIKECUALIKAN,
    _not_exempt(Release.activity_id),
)


def release_is_public(release: Release) -> bool:
    """``PUBLIC_RELEASE`` for a loaded release."""
    return release.state == ReleaseState.PUBLISHED and not is_exempt(release)


def is_exempt(item: Release | Media | Activity) -> bool:
    """Whether a release, a photo (through its activity) or an activity is ``dikecualikan``."""
    if isinstance(item, Activity):
        return item.ppid_class == PpidClass.DIKECUALIKAN
    activity = item.activity
    own = getattr(item, "ppid_class", None) == PpidClass.DIKECUALIKAN
    return own or (activity is not None and activity.ppid_class == PpidClass.DIKECUALIKAN)


def is_internal(media: Media) -> bool:
    """Whether the photo's licence keeps it inside the office ("Hanya untuk internal")."""
    return media.licence is not None and media.licence.internal


def publish_refusal(media: Media, *, on=None) -> dict | None:
    """May ``media`` be public on ``on`` (today)? None when it may; otherwise why, as a
    problem (``press.problems``) whose code is a ``PublishRefusal``: an internal licence,
    or a sensitive subject no consent covers. The one answer, and its sentence the one
    every page, bulk edit and command shows."""
    if is_internal(media):
        return problem(PublishRefusal.LICENCE_INTERNAL.value, licence=media.licence.name)
    consent = uncovered(media, on=on or office_today())
    return problem(consent.value) if consent else None


class PublishRefused(ServiceError):
    """A photo that may not be public (``publish_refusal``); ``reason`` is the code."""

    def __init__(self, refusal: dict):
        super().__init__(MESSAGES[refusal["code"]], **params_of(refusal))
        self.reason = PublishRefusal(refusal["code"])


def require_publishable(media: Media, *, on=None) -> None:
    """Raise ``PublishRefused`` for a photo that may not be public on ``on`` (today)."""
    refusal = publish_refusal(media, on=on)
    if refusal is not None:
        raise PublishRefused(refusal)


def _on_published_release():
    return exists(
        select(ReleasePhoto.id)
        .join(Release, Release.id == ReleasePhoto.release_id)
        .where(ReleasePhoto.media_id == Media.id, PUBLIC_RELEASE)
    )


def public_media_condition():
    """SQL condition for a ``Media`` row the public may see."""
    return and_(
        Media.status == MediaStatus.OK, Media.renditions.any(), _not_exempt(Media.activity_id), covered_condition(),
        or_(Media.licence_id.is_(None), Media.licence_id.notin_(select(Licence.id).where(Licence.internal.is_(True)))),
        or_(Media.is_public.is_(True), _on_published_release()),
    )


def agenda_condition():
    """SQL condition for an ``Activity`` the public agenda shows (``press.services.agenda``)."""
    return and_(Activity.on_agenda.is_(True), Activity.ppid_class != PpidClass.DIKECUALIKAN)


def _with_photos(query):
    return query.options(
        selectinload(Release.photos).selectinload(ReleasePhoto.media).selectinload(Media.renditions),
        selectinload(Release.unit),
    )


def published_releases(session: Session, *, limit: int | None = None, offset: int = 0, where=None) -> list[Release]:
    """Published releases, newest first."""
    query = select(Release).where(PUBLIC_RELEASE)
    if where is not None:
        query = query.where(where)
    query = _with_photos(query.order_by(Release.published_at.desc(), Release.id.desc()).offset(offset))
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def count_published(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Release).where(PUBLIC_RELEASE)) or 0


def find_release(session: Session, ref: str | int, *, with_photos: bool = True) -> Release | None:
    """A published or retracted release by slug or id; ``None`` for anything else.

    Callers answer a retracted release with 410 and its notice only; every other state
    looks exactly like a release that does not exist. A slug the release had before its
    current one finds it too (callers redirect to the current slug). ``with_photos=False``:
    its photos are read only when asked for (a page taken from ``shared_pages`` needs none).
    """
    condition = Release.slug == str(ref)
    release_id = parse_id(ref)
    if release_id is not None:
        condition = or_(condition, Release.id == release_id)
    release = _public_release(session, condition, with_photos)
    if release is None:
        earlier = release_slugs.release_by_earlier_slug(session, str(ref))
        release = _public_release(session, Release.id == earlier, with_photos) if earlier is not None else None
    return release


def _public_release(session: Session, condition, with_photos: bool = True) -> Release | None:
    shown = or_(PUBLIC_RELEASE, Release.state == ReleaseState.RETRACTED)
    query = select(Release).where(condition, shown).order_by(Release.id)
    return session.scalars(_with_photos(query) if with_photos else query).first()


def load_photos(session: Session, release: Release) -> None:
    """Read a release's photos, their renditions and its unit in one go (``find_release``
    with ``with_photos=False`` left them unread)."""
    session.scalars(_with_photos(select(Release).where(Release.id == release.id))).first()


def retracted_title(release: Release) -> str | None:
    """The title a retracted release's public notice carries; none for exempt information."""
    return None if is_exempt(release) else release.title


def may_show(media: Media) -> bool:
    """A loaded photo of a release the public may read (or will, once published) that may be
    shown with it: rendered, not of an exempt activity, no internal licence, and consent
    covering today when it is flagged."""
    return (media.status == MediaStatus.OK and bool(media.renditions) and not is_exempt(media)
            and publish_refusal(media) is None)


def public_photos_of(release: Release) -> list[tuple[ReleasePhoto, Media]]:
    """The release's photos that can be shown (they have renditions), in order."""
    if not release_is_public(release):
        return []
    return [(rp, rp.media) for rp in release.photos if may_show(rp.media)]


def lead_photo(release: Release) -> Media | None:
    photos = public_photos_of(release)
    return photos[0][1] if photos else None


def releases_showing(session: Session, media_ids) -> dict[int, list[Release]]:
    """The published releases that show each of ``media_ids`` (only ids shown by one), oldest first."""
    rows = session.execute(
        select(ReleasePhoto.media_id, Release)
        .join(Release, Release.id == ReleasePhoto.release_id)
        .where(ReleasePhoto.media_id.in_(list(media_ids)), PUBLIC_RELEASE)
        .order_by(Release.published_at, Release.id)
    ).all()
    found: dict[int, list[Release]] = {}
    for media_id, release in rows:
        found.setdefault(media_id, []).append(release)
    return found


def public_media(session: Session, media_id: int) -> Media | None:
    return session.scalars(
        select(Media).where(Media.id == media_id, public_media_condition()).options(selectinload(Media.renditions))
    ).first()


def public_rendition(session: Session, sha256: str, variant: str) -> Rendition | None:
    """The rendition with this content hash, only if its photo is public."""
    return session.scalars(
        select(Rendition)
        .join(Media, Media.id == Rendition.media_id)
        .where(Rendition.sha256 == sha256, Rendition.variant == variant, public_media_condition())
    ).first()


def public_photos(session: Session, *, limit: int | None = None, offset: int = 0, activity_id: int | None = None) -> list[Media]:
    query = select(Media).where(public_media_condition())
    if activity_id is not None:
        query = query.where(Media.activity_id == activity_id)
    query = query.options(selectinload(Media.renditions), selectinload(Media.activity)).order_by(
        Media.taken_at.is_(None), Media.taken_at, Media.id
    ).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def count_public_photos(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Media).where(public_media_condition())) or 0


def public_activity(session: Session, activity_id: int) -> Activity | None:
    """An activity the public may see: one with a published release or a public photo."""
    activity = session.get(Activity, activity_id)
    if activity is None or is_exempt(activity):
        return None
    has_release = session.scalar(
        select(func.count()).select_from(Release).where(Release.activity_id == activity_id, PUBLIC_RELEASE)
    )
    has_photo = session.scalar(
        select(func.count()).select_from(Media).where(Media.activity_id == activity_id, public_media_condition())
    )
    return activity if (has_release or has_photo) else None


def activities_with_photos(session: Session) -> list[tuple[Activity, int, Media]]:
    """Activities with public photos, newest first: (activity, photo count, first photo)."""
    photos = public_photos(session)
    grouped: dict[int, list[Media]] = {}
    for media in photos:
        if media.activity_id is not None:
            grouped.setdefault(media.activity_id, []).append(media)
    activities = session.scalars(
        select(Activity).where(Activity.id.in_(grouped)).order_by(Activity.starts_on.desc(), Activity.id.desc())
    ).all()
    return [(a, len(grouped[a.id]), grouped[a.id][0]) for a in activities]


def releases_of_activity(session: Session, activity_id: int) -> list[Release]:
    return published_releases(session, where=Release.activity_id == activity_id)


# -- freshness ---------------------------------------------------------------------


def last_change(session: Session) -> datetime | None:
    """The latest moment anything the public site shows may have changed.

    Releases (publication, correction, retraction, any later change of a public one),
    photos (caption, credit, public flag, renditions; a withdrawn photo counts too, its
    change is the moment it left), activities, units (their press contact too) and people, and the
    length the release pages' WhatsApp text is cut at. Every page takes its
    Last-Modified from here, so a conditional GET never gets a 304 after a change it
    would show, at the price of a 200 for some changes it would not.
    """
    shown = Release.state.in_((ReleaseState.PUBLISHED, ReleaseState.RETRACTED))
    latest = [select(func.max(column)).where(shown).scalar_subquery() for column in
              (Release.published_at, Release.corrected_at, Release.retracted_at, Release.updated_at)]
    latest += [select(func.max(column)).scalar_subquery() for column in
               (Media.updated_at, Activity.updated_at, Unit.updated_at, Person.updated_at,
                WhatsAppSetting.updated_at)]
    moments = session.execute(select(*latest)).one()  # one round trip: every public page asks
    values = [m for m in moments if m is not None]
    return max(values) if values else None


def release_modified(release: Release) -> datetime | None:
    """The last change of what the release's own page shows: its text and state, its photos, its unit."""
    moments = [release.published_at, release.corrected_at, release.retracted_at]
    moments += [media.updated_at for _rp, media in public_photos_of(release)]
    if release.unit is not None:
        moments.append(release.unit.updated_at)
    return max((m for m in moments if m is not None), default=None)
