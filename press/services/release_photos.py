"""A release's photos: the best ones picked for a new draft (highlights, then the sharpest,
no near-duplicates), their proposed captions, and attaching, detaching, ordering and
captioning them while the release is a draft or in review (each a new version of the
release)."""
from __future__ import annotations

from sqlalchemy.orm import Session, object_session

from press import dates
from press.errors import N_
from press.models import Activity, Media, Release, ReleasePhoto, User
from press.photos.quality import near_duplicate

from .public import publish_refusal, require_publishable
from .indexing import enqueue_index
from .release_changes import EDITABLE_STATES, changed, require
from .release_text import ReleaseError

MAX_PHOTOS = 5


def _near_duplicate(media: Media, chosen: list[Media]) -> bool:
    return any(near_duplicate(media.dhash, other.dhash) for other in chosen)


def pick_photos(photos: list[Media], limit: int = MAX_PHOTOS) -> list[Media]:
    """Highlights first, then the sharpest; never two near-duplicates; at most ``limit``;
    never a flagged photo consent does not cover."""
    usable = [m for m in photos if m.usable_in_release and publish_refusal(m) is None]
    usable.sort(key=lambda m: (not m.is_highlight, -(m.sharpness or 0.0), m.id))
    chosen: list[Media] = []
    for media in usable:
        if len(chosen) >= limit:
            break
        if not _near_duplicate(media, chosen):
            chosen.append(media)
    return chosen


def propose_caption(activity: Activity, media: Media) -> str:
    """The photo's own caption, else one from the activity; "Foto: Dok. Humas …" when it has no credit."""
    caption = " ".join((media.caption or "").split())
    if not caption:
        where = f" di {activity.venue.name}" if activity.venue else ""
        caption = f"{activity.title}{where}, {dates.short_release_date(activity.starts_on)}."
    if not (media.credit or "").strip() and "foto:" not in caption.lower():
        unit = activity.unit.abbreviation or activity.unit.name if activity.unit else ""
        caption = f"{caption} Foto: Dok. Humas{(' ' + unit) if unit and 'humas' not in unit.lower() else ''}."
    return caption


def _photos_editable(release: Release, actor: User) -> None:
    require(object_session(release), actor, "release.write", release)
    if release.state not in EDITABLE_STATES:
        raise ReleaseError(N_("Foto siaran hanya bisa diubah saat draf atau ditinjau."))


def _photos_changed(session: Session, release: Release, actor: User, action: str, **data) -> None:
    """A photo change is a change of the release: a new version (in SQL, so two at once
    both count), so an approval or a save sent with the version seen before is refused."""
    release.version = Release.version + 1
    session.flush()
    changed(session, release, actor, action, version=release.version, **data)


def attach_photo(session: Session, release: Release, media: Media, actor: User, caption: str | None = None) -> ReleasePhoto:
    _photos_editable(release, actor)
    if not media.usable_in_release:
        raise ReleaseError(N_("Foto ini belum punya versi web dan tidak bisa dilampirkan."))
    if any(p.media_id == media.id for p in release.photos):
        raise ReleaseError(N_("Foto ini sudah terlampir."))
    require_publishable(media)
    activity = release.activity
    photo = ReleasePhoto(release=release, media_id=media.id, position=len(release.photos),
                         caption=(caption or "").strip() or (propose_caption(activity, media) if activity else media.caption))
    session.add(photo)
    session.flush()
    _photos_changed(session, release, actor, "release.photo_attach", media=media.id)
    enqueue_index(session, "photo", media.id)
    return photo


def _photo(release: Release, photo_id: int) -> ReleasePhoto:
    for photo in release.photos:
        if photo.id == photo_id:
            return photo
    raise ReleaseError(N_("Foto itu tidak terlampir pada siaran ini."))


def detach_photo(session: Session, release: Release, photo_id: int, actor: User) -> None:
    _photos_editable(release, actor)
    photo = _photo(release, photo_id)
    media_id = photo.media_id
    release.photos.remove(photo)
    for position, other in enumerate(release.photos):
        other.position = position
    session.flush()
    _photos_changed(session, release, actor, "release.photo_detach", media=media_id)
    enqueue_index(session, "photo", media_id)


def move_photo(session: Session, release: Release, photo_id: int, offset: int, actor: User) -> None:
    """Move a photo ``offset`` places (-1 up, +1 down) in the release's order."""
    _photos_editable(release, actor)
    ordered = sorted(release.photos, key=lambda p: (p.position, p.id))
    photo = _photo(release, photo_id)
    index = ordered.index(photo)
    target = max(0, min(len(ordered) - 1, index + offset))
    ordered.insert(target, ordered.pop(index))
    for position, item in enumerate(ordered):
        item.position = position
    session.flush()
    session.expire(release, ["photos"])
    _photos_changed(session, release, actor, "release.photo_order", order=[p.media_id for p in ordered])


def caption_photo(session: Session, release: Release, photo_id: int, caption: str, actor: User) -> None:
    _photos_editable(release, actor)
    photo = _photo(release, photo_id)
    caption = " ".join((caption or "").split())
    if len(caption) > 1000:
        raise ReleaseError(N_("Keterangan foto terlalu panjang: paling banyak %(limit)s huruf."), limit=1000)
    photo.caption = caption or None
    session.flush()
    _photos_changed(session, release, actor, "release.photo_caption", media=photo.media_id)
