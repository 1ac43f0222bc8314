"""The journalist's toolkit of a public release: its text to paste (plain and for
WhatsApp), the media kit and PDF with public photos only, and print renditions.

Everything here starts from what ``public`` lets the public see: a release that is not
public has no kit, no PDF, no text; a photo that is not public has no print rendition,
and none is ever made for it.

Print renditions (``press.photos.print_rendition``) are made on the first request, by the
``media.print`` job: ``request_print`` leaves a ``PrintRequest`` row and asks for the job,
which makes every pending one that is still public and removes the row; it also runs every
``PRINT_CHECK_SECONDS``, so a request whose job was lost is made by the next run. The web
answers 202 meanwhile. The PDF is converted from the public DOCX by LibreOffice and kept
in the store under the release's id, version and the photos it shows, so a text edit or a
photo change makes a new one and nothing else does.
"""
from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from press import jobs
from press.drafting.pdf import docx_to_pdf
from press.drafting.whatsapp import ReleaseText, WhatsAppText, plain_text, whatsapp_text
from press.models import Media, PrintRequest, Release, Rendition
from press.photos.errors import Rejected
from press.photos.print_rendition import PRINT_VARIANT, make_print
from press.photos.renditions import TruncatedImage
from press.storage import StorageError, Store, store_from_config
from press.storage.files import content_key

from . import distribution, public, release_exports
from .media import IngestConfig, public_meta, sync_renditions

log = logging.getLogger(__name__)

PRINT_JOB = "media.print"
PRINT_CHECK_SECONDS = 60


# -- text -------------------------------------------------------------------------------

def release_text(release: Release, link: str, office: str = "") -> ReleaseText:
    """The parts of ``release`` its pasted text is made of; the credit is its unit (or the office)."""
    credit = release.unit.name if release.unit else office
    return ReleaseText(title=release.title, dateline=release.dateline, body=release.body,
                       signature=release.signature, link=link, credit=credit)


def whatsapp(session: Session, release: Release, link: str, office: str = "") -> WhatsAppText:
    return whatsapp_text(release_text(release, link, office), distribution.cut_length(session))


def plain(release: Release, link: str, office: str = "") -> str:
    return plain_text(release_text(release, link, office))


# -- kit and PDF ---------------------------------------------------------------------

def public_media_ids(release: Release) -> set[int]:
    return {media.id for _rp, media in public.public_photos_of(release)}


def public_kit(release: Release, storage: Store, *, office: str, photo_page) -> bytes:
    """The media kit of a public release: its public photos only, with their print renditions where made."""
    only = public_media_ids(release)
    by_id = {media.id: media for _rp, media in public.public_photos_of(release)}

    def prints(media_id: int) -> bytes | None:
        media = by_id.get(media_id)
        if media is None or media.rendition(PRINT_VARIANT) is None:
            return None
        try:
            with storage.open_rendition(media.sha256, PRINT_VARIANT) as handle:
                return handle.read()
        except StorageError:
            return None

    return release_exports.export_kit(release, storage, office=office, photo_page=photo_page, only=only, prints=prints)


def pdf_name(release: Release) -> str:
    """The stored PDF's name: the release's id and version, and a digest of the photos it shows."""
    shown = "|".join(f"{rp.media_id}:{rp.caption}:{media.updated_at.isoformat()}"
                     for rp, media in public.public_photos_of(release))
    digest = content_key(shown.encode("utf-8"))[:16]
    return f"release-pdf/{release.id}-v{release.version}-{digest}.pdf"


def public_pdf(release: Release, storage: Store, *, office: str) -> bytes:
    """The public release as PDF, from the store when made before (raises ``PdfError``)."""
    name = pdf_name(release)
    cached = storage.read_derived(name)
    if cached is not None:
        return cached
    document = release_exports.export_docx(release, storage, office=office, only=public_media_ids(release))
    data = docx_to_pdf(document)
    storage.put_derived(name, data)
    return data


# -- print renditions ----------------------------------------------------------------

def print_rendition(media: Media) -> Rendition | None:
    return media.rendition(PRINT_VARIANT)


def request_print(session: Session, media: Media) -> None:
    """Ask for the print rendition of the public photo ``media`` (once, however often asked).
    A visitor who asked at the same moment may record the request between our look and our
    insert: the unique key refuses ours, the session is rolled back (call it with nothing
    else pending) and theirs stands, its job already asked for."""
    if session.get(PrintRequest, media.id) is None:
        session.add(PrintRequest(media_id=media.id))
        try:
            session.flush()
        except IntegrityError:
            session.rollback()
            return
    jobs.after_commit(session, PRINT_JOB)


@jobs.periodic(PRINT_JOB, every=PRINT_CHECK_SECONDS)
def print_job(ctx: jobs.JobContext) -> None:
    """Make each requested print rendition of a photo that is still public (see the module doc)."""
    storage = store_from_config(ctx.config)
    max_pixels = IngestConfig.from_mapping(ctx.config).max_pixels
    for media_id in list(ctx.session.scalars(select(PrintRequest.media_id).order_by(PrintRequest.requested_at))):
        make_requested(ctx.session, storage, media_id, max_pixels=max_pixels)
        ctx.session.commit()


def make_requested(session: Session, storage: Store, media_id: int, *, max_pixels: int) -> bool:
    """Make the print rendition of ``media_id`` if it is still public and has none; the request goes either way."""
    request = session.get(PrintRequest, media_id)
    if request is not None:
        session.delete(request)
    media = public.public_media(session, media_id)
    if media is None or print_rendition(media) is not None:
        return False
    try:
        path = make_print(storage, media.sha256, public_meta(media), max_pixels=max_pixels)
    except (Rejected, TruncatedImage, StorageError, OSError) as exc:
        log.warning("print rendition of photo %s not made: %s", media_id, exc)
        return False
    paths = {r.variant: r.path for r in media.renditions}
    paths[PRINT_VARIANT] = path
    sync_renditions(storage, media, paths)
    return True
