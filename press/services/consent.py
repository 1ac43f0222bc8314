"""Photos of sensitive subjects and the consent that lets them be public.

A photo is flagged (``set_subject``: a child, an aid recipient, a patient, a person who
asked not to be shown; ``press.codes.SensitiveSubject``) by anyone who may edit it; only
those who may publish it take a flag off. A flagged photo is public only while a consent
record covers it (``consent_cover``, part of ``press.services.public``'s one rule):
``record_consent`` keeps who signed, for which use, until when and the signed form (a
scan, type-checked like uploads, in the blob store).

When consent lapses (its date passes, or ``withdraw_consent``), the rule hides the photo
at once; ``handle_lapses`` (the ``media.consent`` job, and at once for a withdrawal or a
new flag) does the rest: the photo is re-indexed and its ``updated_at`` moves (search, the
page cache), and each published release that showed it gets an automatic correction
note and its editor an in-app notification. No Flask; nothing here commits.
"""
from __future__ import annotations

import io
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from press import jobs
from press.codes import NotificationKind, SensitiveSubject
from press.dates import office_today
from press.errors import N_, ServiceError
from press.models import ConsentRecord, Media, Notification, Release, Revision, User, utcnow
from press.photos.errors import Rejected
from press.photos.sniff import HEAD_BYTES, check_size, sniff
from press.storage import Store

from . import access, public
from .audit import record
from .consent_cover import is_covered
from .indexing import enqueue_index

CONSENT_JOB = "media.consent"
CORRECTION_NOTE = ("Foto dilepas dari siaran ini karena persetujuan orang yang tampil di dalamnya "
                   "sudah tidak berlaku.")
MAX_GIVEN_BY, MAX_PURPOSE, MAX_YEARS = 200, 300, 20
PDF_MIME = "application/pdf"


class ConsentError(ServiceError):
    """A flag or consent record cannot be saved as asked; the message says why."""


# -- flags -----------------------------------------------------------------------------

def set_subject(session: Session, media: Media, subject: str | None, *, actor: User | None) -> bool:
    """Flag ``media`` as showing a sensitive subject (or, with None, take the flag off).
    Returns False when nothing changed."""
    subject = (subject or "").strip() or None
    if subject is not None and subject not in set(SensitiveSubject):
        raise ConsentError(N_("Jenis subjek sensitif tidak dikenal."))
    if subject == media.sensitive:
        return False
    needed = "photo.edit" if subject else "photo.publish"
    access.require_user(session, actor, needed, media, error=ConsentError)
    shown = _shown_by(session, media)
    media.sensitive = subject
    media.updated_at = utcnow()
    record(session, actor, "media.sensitive", media, subject=subject)
    enqueue_index(session, "photo", media.id)
    if shown and not is_covered(media):
        _take_off(session, media, shown)
    return True


# -- consent records -------------------------------------------------------------------

def record_consent(session: Session, storage: Store, media: Media, *, actor: User | None,
                   given_by: str | None, purpose: str | None, valid_until: date | str | None,
                   form: bytes | None, filename: str | None, max_bytes: int) -> ConsentRecord:
    """Keep a signed consent for ``media``: who gave it, for which use, until when (a day
    from today to ``MAX_YEARS`` ahead), and the form scanned (JPEG, PNG, … or PDF)."""
    access.require_user(session, actor, "photo.edit", media, error=ConsentError)
    given_by, purpose = " ".join((given_by or "").split()), " ".join((purpose or "").split())
    if not given_by or not purpose:
        raise ConsentError(N_("Tulis siapa yang memberi persetujuan dan untuk penggunaan apa."))
    if len(given_by) > MAX_GIVEN_BY or len(purpose) > MAX_PURPOSE:
        raise ConsentError(N_("Nama pemberi persetujuan paling panjang %(names)s karakter dan penggunaannya "
                              "%(uses)s karakter."), names=MAX_GIVEN_BY, uses=MAX_PURPOSE)
    until = _until(valid_until)
    mime = _form_type(form or b"", max_bytes)
    key = storage.put(io.BytesIO(form))
    consent = ConsentRecord(
        media=media, given_by=given_by, purpose=purpose, valid_until=until, form_sha256=key, form_mime=mime,
        form_bytes=len(form), form_filename=(filename or "")[-255:] or None,
        recorded_by_id=actor.id if actor is not None else None,
    )
    session.add(consent)
    media.updated_at = utcnow()
    session.flush()
    record(session, actor, "media.consent", media, until=until.isoformat(), consent=consent.id)
    enqueue_index(session, "photo", media.id)
    return consent


def _until(value: date | str | None) -> date:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            value = None
    if not isinstance(value, date):
        raise ConsentError(N_("Tulis sampai kapan persetujuan berlaku (tanggal)."))
    today = office_today()
    if value < today:
        raise ConsentError(N_("Persetujuan yang sudah berakhir tidak dapat dicatat."))
    if value.year > today.year + MAX_YEARS:
        raise ConsentError(N_("Persetujuan paling lama %(years)s tahun."), years=MAX_YEARS)
    return value


def _form_type(data: bytes, max_bytes: int) -> str:
    """The signed form's MIME type: a photo type uploads accept, or PDF; else refused."""
    try:
        check_size(len(data), max_bytes)
    except Rejected as exc:
        raise ConsentError(N_("Lampirkan pindaian formulir persetujuan yang ditandatangani (paling besar "
                              "%(mb)s MB)."), mb=max_bytes // 2**20) from exc
    try:
        return scan_type(data)
    except Rejected as exc:
        raise ConsentError(N_("Pindaian formulir harus berupa PDF atau foto (JPEG, PNG, HEIC, WebP).")) from exc


def scan_type(data: bytes) -> str:
    """The MIME type of a scanned paper (a signed form, a printed page): PDF or a photo
    type uploads accept; ``Rejected`` for anything else."""
    if data.startswith(b"%PDF-"):
        return PDF_MIME
    return sniff(data[:HEAD_BYTES])


def withdraw_consent(session: Session, consent: ConsentRecord, *, actor: User | None) -> None:
    """The person withdrew their consent: the photo leaves every public place now."""
    access.require_user(session, actor, "photo.publish", consent.media, error=ConsentError)
    if consent.withdrawn_at is not None:
        return
    consent.withdrawn_at = utcnow()
    consent.withdrawn_by_id = actor.id if actor is not None else None
    record(session, actor, "media.consent_withdrawn", consent.media, consent=consent.id)
    session.flush()
    handle_lapses(session)


# -- lapses ----------------------------------------------------------------------------

def handle_lapses(session: Session, today: date | None = None) -> list[Media]:
    """Take the photos whose consent lapsed (expired or withdrawn) off every public
    place once; returns the photos taken off. Safe to run twice."""
    today = today or office_today()
    lapsed = session.scalars(select(ConsentRecord).where(
        ConsentRecord.lapse_handled_at.is_(None),
        or_(ConsentRecord.withdrawn_at.is_not(None), ConsentRecord.valid_until < today),
    ).order_by(ConsentRecord.id)).all()
    taken = []
    for consent in lapsed:
        consent.lapse_handled_at = utcnow()
        media = consent.media
        if media in taken or is_covered(media, today):
            continue
        _take_off(session, media, _shown_by(session, media))
        taken.append(media)
    session.flush()
    return taken


@jobs.periodic(CONSENT_JOB, every="CONSENT_CHECK_SECONDS")
def consent_job(ctx: jobs.JobContext) -> None:
    handle_lapses(ctx.session)


def _shown_by(session: Session, media: Media) -> list[Release]:
    return public.releases_showing(session, [media.id]).get(media.id, [])


def _take_off(session: Session, media: Media, releases: list[Release]) -> None:
    """The photo is no longer public: its index entry and Last-Modified move, each
    release that showed it is corrected and its editor told."""
    media.updated_at = utcnow()
    enqueue_index(session, "photo", media.id)
    record(session, None, "media.consent_lapsed", media, releases=[r.id for r in releases])
    for release in releases:
        _auto_correct(session, release, media)


def _auto_correct(session: Session, release: Release, media: Media) -> None:
    """A correction by the system: a revision with the public "Diperbarui" note."""
    now = utcnow()
    number = max((r.number for r in release.revisions), default=0) + 1
    session.add(Revision(release=release, number=number, title=release.title, dateline=release.dateline,
                         body=release.body, signature=release.signature, author_id=None,
                         comment=CORRECTION_NOTE, created_at=now))
    release.corrected_at, release.correction_note = now, CORRECTION_NOTE
    release.version = (release.version or 1) + 1
    release.updated_at = now
    record(session, None, "release.correct", release, note=CORRECTION_NOTE, revision=number, media=media.id)
    enqueue_index(session, "release", release.id)
    editor_id = release.editor_id or release.author_id
    activity_id = release.activity_id or media.activity_id
    if editor_id is not None and activity_id is not None:
        session.add(Notification(user_id=editor_id, kind=NotificationKind.CONSENT_LAPSED, activity_id=activity_id,
                                 data={"release_id": release.id, "media_id": media.id, "title": release.title}))
