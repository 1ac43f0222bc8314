"""Changing a photo that published releases show is a correction of those releases.

A photo is public while a published release shows it, whatever its own flag says
(``press.services.public``). So:

- making such a photo staff-only (:func:`withdraw`) takes it out of every published
  release that shows it, each as a workflow correction (a revision, the public
  "Diperbarui" note, a new version, the history), once the editor has confirmed the
  list of releases concerned; its page, API item and renditions then answer 404;
- changing its caption, credit or copyright (:func:`correct_text`) changes what those
  releases show, so it is recorded as a correction of each, with the editor's note.

Both are for the roles that may correct a published release (the workflow's
``correct`` action); anyone else is refused with the reason. ``press.services.media``
calls the checks from ``set_flags`` and ``update_text``. No Flask; never commits.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from press.codes import ReleaseState, WorkflowAction
from press.errors import N_, ServiceError
from press.models import Media, Release, User, utcnow

from . import access, public, workflow
from .audit import record
from .indexing import enqueue_index

CORRECTING = workflow.TRANSITIONS[(ReleaseState.PUBLISHED, WorkflowAction.CORRECT)][1]
MAX_NOTE = 1000

CONFIRM_WITHDRAWAL = N_("Foto ini tampil di siaran yang sudah terbit (%(titles)s). Menjadikannya hanya untuk "
                        "staf berarti menariknya dari siaran itu sebagai koreksi; konfirmasi dulu.")
WITHDRAWAL_REFUSED = N_("Foto ini tampil di siaran yang sudah terbit (%(titles)s) dan tetap publik. Hanya "
                        "redaktur yang dapat menariknya dari siaran itu (sebagai koreksi).")
TEXT_REFUSED = N_("Foto ini tampil di siaran yang sudah terbit (%(titles)s): mengubah keterangan, kredit atau "
                  "hak ciptanya adalah koreksi siaran itu, yang hanya boleh dilakukan redaktur.")
TEXT_NEEDS_NOTE = N_("Foto ini tampil di siaran yang sudah terbit (%(titles)s): menyimpan berarti koreksi siaran "
                     "itu. Tulis catatan \"Diperbarui\" untuk pembaca.")


class ShownByPublishedRelease(ServiceError):
    """The change touches ``releases``, published releases that show the photo."""

    def __init__(self, message: str, releases: list[Release]):
        super().__init__(message, titles="; ".join(f"«{r.title}»" for r in releases))
        self.releases = releases


def _note(note: str | None) -> str:
    note = " ".join((note or "").split())
    if len(note) > MAX_NOTE:
        raise ServiceError(N_("Catatan koreksi terlalu panjang: paling banyak %(limit)s huruf."), limit=MAX_NOTE)
    return note


def may_correct(session: Session, actor: User | None, media: Media) -> bool:
    """May ``actor`` correct the releases showing ``media`` (the workflow's ``correct``)?"""
    return any(access.allows(session, actor, name, media) for name in CORRECTING)


def releases_showing(session: Session, media: Media) -> list[Release]:
    return public.releases_showing(session, [media.id]).get(media.id, [])


def check_withdrawal(session: Session, media: Media, actor: User | None) -> None:
    """Refuse a plain "staff only" for a photo published releases show: it needs
    :func:`withdraw` (editors, after confirming) or is not allowed at all (other roles)."""
    releases = releases_showing(session, media)
    if releases:
        raise ShownByPublishedRelease(CONFIRM_WITHDRAWAL if may_correct(session, actor, media) else WITHDRAWAL_REFUSED, releases)


def withdraw(session: Session, media: Media, actor: User, *, note: str | None,
             confirmed) -> list[Release]:
    """Make ``media`` staff-only, taking it out of the published releases that show it.

    ``confirmed`` are the ids (as typed in a form, or ints) of the releases the editor
    was shown: if the list has changed since, nothing is done. Each release gets a
    correction with ``note``. Returns the releases corrected."""
    releases = releases_showing(session, media)
    if releases and not may_correct(session, actor, media):
        raise ShownByPublishedRelease(WITHDRAWAL_REFUSED, releases)
    if sorted(str(r.id) for r in releases) != sorted({str(c).strip() for c in confirmed}):
        raise ServiceError(N_("Daftar siaran yang menampilkan foto ini berubah sejak halaman dibuka; periksa "
                              "lagi lalu konfirmasi."))
    note = _note(note)
    if releases and not note:
        raise ServiceError(N_("Tulis catatan \"Diperbarui\" untuk pembaca siaran yang dikoreksi."))
    for release in releases:
        shown = next(p for p in release.photos if p.media_id == media.id)
        release.photos.remove(shown)
        for position, other in enumerate(sorted(release.photos, key=lambda p: (p.position, p.id))):
            other.position = position
        session.flush()
        record(session, actor, "release.photo_detach", release, media=media.id)
        workflow.apply(session, release, WorkflowAction.CORRECT, actor, note=note)
    media.is_public = False
    media.updated_at = utcnow()
    record(session, actor, "media.flags", media, public=False, highlight=media.is_highlight,
           withdrawn_from=[r.id for r in releases])
    enqueue_index(session, "photo", media.id)
    session.flush()
    return releases


def correct_text(session: Session, media: Media, actor: User | None, note: str | None,
                 fields: list[str]) -> list[Release]:
    """Record a change of the photo's public text as a correction of each published
    release that shows it (refused without the role or without a note)."""
    releases = releases_showing(session, media)
    if not releases:
        return []
    if not may_correct(session, actor, media):
        raise ShownByPublishedRelease(TEXT_REFUSED, releases)
    note = _note(note)
    if not note:
        raise ShownByPublishedRelease(TEXT_NEEDS_NOTE, releases)
    for release in releases:
        record(session, actor, "release.photo_caption", release, media=media.id, fields=fields)
        workflow.apply(session, release, WorkflowAction.CORRECT, actor, note=note)
    return releases
