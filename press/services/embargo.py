"""Scheduled releases opened to approved journalists before their embargo ends.

An editor (``release.open_to_journalists``) opens a scheduled release to every approved
journalist or only to those of outlets the Dewan Pers verified. Such a journalist reads
it on a private page and downloads its photos marked EMBARGO; each view and download is
logged (:func:`log`) and shown on the release's history. What the public sees stays
``press.services.public``'s rule alone: nothing here is read by the site, feeds, sitemap,
search, API or export. Once published (the embargo clock) the release is public and
this preview ends; unscheduled, it is hidden again until it is scheduled once more.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.codes import EmbargoAccess, EmbargoAudience, JournalistState, PpidClass, ReleaseState
from press.errors import N_, ServiceError
from press.models import EmbargoOpening, EmbargoView, Journalist, Media, Outlet, Release, ReleasePhoto, User, utcnow

from . import access, public
from .audit import record


class EmbargoError(ServiceError):
    """A release cannot be opened to journalists as asked; the message says why."""


def opening_of(session: Session, release: Release) -> EmbargoOpening | None:
    return session.scalar(select(EmbargoOpening).where(EmbargoOpening.release_id == release.id))


def open_to_journalists(session: Session, release: Release, actor: User | None, audience: str) -> EmbargoOpening:
    """Let approved journalists (``audience``: all, or only verified outlets) read ``release``
    before its embargo ends; only a scheduled release can be opened."""
    access.require_user(session, actor, "release.open_to_journalists", release, error=EmbargoError)
    if audience not in set(EmbargoAudience):
        raise EmbargoError(N_("Pilih untuk siapa siaran dibuka: semua wartawan atau media terverifikasi saja."))
    if release.state != ReleaseState.SCHEDULED:
        raise EmbargoError(N_("Hanya siaran yang dijadwalkan (embargo) yang dapat dibuka untuk wartawan; "
                              "siaran ini %(state)s."), state=ReleaseState(release.state))
    opening = opening_of(session, release)
    if opening is None:
        opening = EmbargoOpening(release_id=release.id)
        session.add(opening)
    opening.audience, opening.opened_by_id, opening.opened_at = audience, actor.id if actor else None, utcnow()
    record(session, actor, "release.open_to_journalists", release, audience=audience)
    return opening


def forget_opening(session: Session, release: Release, actor: User | None) -> None:
    """The release left the schedule (unscheduled, sent back): its opening to journalists ends
    with it, so scheduling it again does not silently show it to journalists once more."""
    opening = opening_of(session, release)
    if opening is not None:
        session.delete(opening)
        record(session, actor, "release.close_to_journalists", release)


def close(session: Session, release: Release, actor: User | None) -> None:
    """Journalists no longer see ``release`` before it is published."""
    access.require_user(session, actor, "release.open_to_journalists", release, error=EmbargoError)
    forget_opening(session, release, actor)


def _visible(journalist: Journalist):
    """The WHERE clause of the releases ``journalist`` may preview now."""
    if journalist.state != JournalistState.APPROVED:
        return select(Release).where(False)
    audiences = [EmbargoAudience.ALL.value]
    if outlet_verified(journalist):
        audiences.append(EmbargoAudience.VERIFIED.value)
    return (select(Release).join(EmbargoOpening, EmbargoOpening.release_id == Release.id)
            .where(Release.state == ReleaseState.SCHEDULED, Release.ppid_class != PpidClass.DIKECUALIKAN,
                   EmbargoOpening.audience.in_(audiences)))


def outlet_verified(journalist: Journalist) -> bool:
    outlet: Outlet | None = journalist.outlet
    return bool(outlet and outlet.verified)


def previews(session: Session, journalist: Journalist) -> list[Release]:
    """The embargoed releases ``journalist`` may read, the soonest published first."""
    return list(session.scalars(_visible(journalist).order_by(Release.embargo_at, Release.id)))


def preview(session: Session, journalist: Journalist, release_id: int) -> Release | None:
    """The release if ``journalist`` may read it now; ``None`` looks like one that never existed."""
    return session.scalar(_visible(journalist).where(Release.id == release_id))


def preview_photos(release: Release) -> list[ReleasePhoto]:
    """The release's photos that have a web rendition to mark and that the public could see once
    it is published: never an exempt activity's, an internal licence's or an uncovered sensitive one."""
    return [photo for photo in release.photos
            if photo.media.rendition("web") is not None and public.may_show(photo.media)]


def preview_photo(release: Release, media_id: int) -> Media | None:
    return next((p.media for p in preview_photos(release) if p.media_id == media_id), None)


def log(session: Session, journalist: Journalist, release: Release, action: EmbargoAccess,
        media: Media | None = None) -> EmbargoView:
    """Who looked at or downloaded what of an embargoed release, and when."""
    view = EmbargoView(release_id=release.id, journalist_id=journalist.id, action=action,
                       media_id=media.id if media else None)
    session.add(view)
    return view


def views(session: Session, release: Release) -> list[EmbargoView]:
    """The journalists' views and downloads of ``release``, oldest first (its history)."""
    return list(session.scalars(select(EmbargoView).where(EmbargoView.release_id == release.id)
                                .order_by(EmbargoView.created_at, EmbargoView.id)))
