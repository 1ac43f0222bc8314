"""A release exported: the DOCX on the office's letterhead and the media kit (the DOCX,
the photos' web renditions and their captions), read from the blob store."""
from __future__ import annotations

from dataclasses import dataclass

from press.drafting.docx import DocPhoto, build_docx
from press.drafting.kit import KitPhoto, build_kit
from press.models import Media, Release
from press.photos.crops import PREFIX as CROP_PREFIX, is_crop
from press.storage import StorageError, Store

from . import licences
from .public import publish_refusal


@dataclass
class ExportPhoto:
    image: bytes
    caption: str
    credit: str
    media_id: int
    licence: str = ""
    crops: tuple[tuple[str, bytes], ...] = ()


def _export_photos(release: Release, storage: Store, only=None) -> list[ExportPhoto]:
    """The release's photos with a web rendition, in order (only the media ids in ``only`` when given)."""
    photos = []
    for item in sorted(release.photos, key=lambda p: (p.position, p.id)):
        media = item.media
        if (media is None or media.rendition("web") is None or (only is not None and media.id not in only)
                or publish_refusal(media) is not None):
            continue
        try:
            with storage.open_rendition(media.sha256, "web") as handle:
                data = handle.read()
        except (OSError, StorageError):
            continue
        caption = item.caption or media.caption or ""
        photos.append(ExportPhoto(data, caption, (media.credit or "") if "foto:" not in caption.lower() else "",
                                  media.id, licences.usage_terms(media.licence, media.restrictions) or "",
                                  _crops_of(media, storage)))
    return photos


def _crops_of(media: Media, storage: Store) -> tuple[tuple[str, bytes], ...]:
    """The photo's crops for the channels as stored (``services.crops``), ``(name, JPEG)``."""
    found = []
    for rendition in sorted(media.renditions, key=lambda r: r.variant):
        if is_crop(rendition.variant):
            try:
                with storage.open_rendition(media.sha256, rendition.variant) as handle:
                    found.append((rendition.variant.removeprefix(CROP_PREFIX), handle.read()))
            except (OSError, StorageError):
                continue
    return tuple(found)


def export_docx(release: Release, storage: Store, *, office: str = "", photos=None, only=None) -> bytes:
    photos = _export_photos(release, storage, only) if photos is None else photos
    return build_docx(
        headline=release.title, dateline=release.dateline, body=release.body, signature=release.signature,
        photos=[DocPhoto(p.image, p.caption, p.credit) for p in photos], office=office,
    )


def export_kit(release: Release, storage: Store, *, office: str = "", photo_page=None, only=None,
               prints=None) -> bytes:
    """The media kit; ``photo_page(media_id)`` gives each photo's public page address for captions.txt;
    ``only``: the media ids it may hold (the public kit's public photos); ``prints(media_id)``: the
    photo's print rendition, when one is made."""
    photos = _export_photos(release, storage, only)
    document = export_docx(release, storage, office=office, photos=photos)
    return build_kit(slug=release.slug, headline=release.title, docx=document,
                     photos=[KitPhoto(p.image, p.caption, p.credit, photo_page(p.media_id) if photo_page else "",
                                      print_image=prints(p.media_id) if prints else None, licence=p.licence,
                                      crops=p.crops)
                             for p in photos])
