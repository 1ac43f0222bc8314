"""A release's slug: it follows the headline until the release is first published, then
it is frozen (a correction of the headline keeps the address readers already have).

Every slug a release leaves is kept in ``release_slug``: once the release is public the
old address answers 301 to the current one, and no other release may take it. Takes a
session, never commits.
"""
from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from press.codes import ReleaseState
from press.models import Release, ReleaseSlug
from press.text import slugify

MAX_BASE = 200


def is_frozen(release: Release) -> bool:
    """Published once (even if retracted since): the slug no longer changes."""
    return release.published_at is not None or release.state in (ReleaseState.PUBLISHED, ReleaseState.RETRACTED)


def _taken(session: Session, slug: str, release_id: int | None) -> bool:
    current = select(Release.id).where(Release.slug == slug)
    earlier = select(ReleaseSlug.release_id).where(ReleaseSlug.slug == slug)
    if release_id:
        current = current.where(Release.id != release_id)
        earlier = earlier.where(ReleaseSlug.release_id != release_id)
    return session.scalar(current) is not None or session.scalar(earlier) is not None


def unique_slug(session: Session, title: str, release_id: int | None = None) -> str:
    """The headline's slug, with ``-2``, ``-3``… when another release has (or had) it."""
    base = slugify(title)[:MAX_BASE] or "siaran"
    slug, n = base, 1
    while _taken(session, slug, release_id):
        n += 1
        slug = f"{base}-{n}"
    return slug


def follow_headline(session: Session, release: Release) -> bool:
    """Give an unpublished release the slug of its current headline; ``True`` if it changed.

    The slug it leaves is kept as an earlier slug; one it takes back is no longer earlier.
    """
    if is_frozen(release):
        return False
    slug = unique_slug(session, release.title, release.id)
    if slug == release.slug:
        return False
    session.execute(delete(ReleaseSlug).where(ReleaseSlug.release_id == release.id, ReleaseSlug.slug == slug))
    if release.slug:
        session.add(ReleaseSlug(release_id=release.id, slug=release.slug))
    release.slug = slug
    session.flush()
    return True


def release_by_earlier_slug(session: Session, slug: str) -> int | None:
    """The id of the release that once had ``slug``, if any."""
    return session.scalar(select(ReleaseSlug.release_id).where(ReleaseSlug.slug == slug))
