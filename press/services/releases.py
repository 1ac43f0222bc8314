"""Releases as the writer works on them: the draft from an activity, saving with
revisions and optimistic locking, photos, checks, comparisons, templates, exports.

Takes a session and the acting user, never imports Flask, never commits (the web layer
and the CLI do). Every change writes an audit event and queues the release for the
search index. Office values (name, signature, the media store) come as arguments.

Saving (:func:`save_release`) is refused with :class:`StaleEdit` when the release has
changed since the editor opened it (its ``version`` moved on): the refused text is kept
on the exception so the page can show it back and nothing is lost. The check is a
conditional UPDATE, so two processes saving at once cannot both win. A published
release is changed only by a correction (``press.services.workflow.apply(..., WorkflowAction.CORRECT)``,
editors only); approved, scheduled and retracted releases are not editable (send back first).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, object_session

from press import dates
from press.config import DEFAULTS
from press.drafting import checks as checks_stage
from press.drafting.context import DraftContext, build_context
from press.drafting.diff import Row, compare
from press.drafting.docx import DocPhoto, build_docx
from press.drafting.finding import Finding
from press.drafting.kit import KitPhoto, build_kit
from press.drafting.render import Draft, TemplateFailed, TemplateProblem, load_default, render_draft, compile_template
from press.codes import ReleaseState, WorkflowAction
from press.errors import N_
from press.models import (
    ACTIVITY_KINDS, RELEASE_STATES, Activity, Media, Note, Release, ReleasePhoto, ReleaseTemplate, Revision, User, utcnow,
)
from press.notes.accepted import AcceptedPerson, AcceptedQuote, read_accepted
from press.photos.crops import PREFIX as CROP_PREFIX, is_crop
from press.photos.quality import near_duplicate
from press.storage import FileStorage, StorageError

from . import access, workflow
from .audit import record
from .consent import require_publishable
from .consent_cover import publish_refusal
from .indexing import enqueue_index
from .release_slugs import follow_headline, unique_slug
from .release_text import LIMITS, ReleaseError, check_length, clean_text

EDITABLE_STATES = (ReleaseState.DRAFT, ReleaseState.IN_REVIEW)
MAX_PHOTOS = 5


class StaleEdit(ReleaseError):
    """The release changed since the editor opened it; ``submitted`` holds the refused text."""

    def __init__(self, release: Release, submitted: dict):
        super().__init__(N_("Siaran ini sudah disimpan orang lain (versi %(current)s) sejak Anda membukanya "
                            "(versi %(expected)s). Teks Anda belum disimpan dan ditampilkan di bawah: "
                            "bandingkan, lalu simpan lagi."),
                         current=release.version, expected=submitted.get("expected_version"))
        self.submitted = submitted


class DraftTemplateError(ReleaseError):
    """The kind's template cannot render; ``problem`` says where and why."""

    def __init__(self, problem: TemplateProblem, kind: str | None = None):
        super().__init__(N_("Templat siaran bermasalah (baris %(line)s): %(detail)s"),
                         line=problem.line or "?", detail=str(problem.message % problem.params
                                                              if problem.params else problem.message))
        self.problem = problem
        self.kind = kind


def _require(session: Session, actor: User | None, permission: str, obj=None) -> None:
    """Refuse (``ReleaseError``) an actor without ``permission`` on ``obj``'s unit."""
    access.require(session, actor, permission, obj, error=ReleaseError, message=N_("Peran Anda tidak boleh mengubah siaran."))


def _changed(session: Session, release: Release, actor: User | None, action: str, **data) -> None:
    record(session, actor, action, release, **data)
    enqueue_index(session, "release", release.id)


# -- templates -----------------------------------------------------------------------

def template_source(session: Session, kind: str) -> tuple[str, bool]:
    """The template of ``kind``: the admin's override if there is one, else the file."""
    override = session.scalar(select(ReleaseTemplate).where(ReleaseTemplate.kind == kind))
    if override is not None:
        return override.source, True
    try:
        return load_default(kind), False
    except FileNotFoundError as exc:
        raise ReleaseError(N_("Tidak ada templat untuk jenis kegiatan %(kind)s."), kind=kind) from exc


def save_template(session: Session, kind: str, source: str, actor: User) -> ReleaseTemplate:
    """Store an admin's template for ``kind``; refused (with the line) if it does not compile."""
    _require(session, actor, "template.edit")
    if kind not in ACTIVITY_KINDS:
        raise ReleaseError(N_("Jenis kegiatan %(kind)s tidak dikenal."), kind=kind)
    source = (source or "").replace("\r\n", "\n")
    if not source.strip():
        raise ReleaseError(N_("Templat tidak boleh kosong."))
    try:
        compile_template(source)
    except TemplateFailed as exc:
        raise DraftTemplateError(exc.problem, kind) from exc
    row = session.scalar(select(ReleaseTemplate).where(ReleaseTemplate.kind == kind))
    if row is None:
        row = ReleaseTemplate(kind=kind, source=source, updated_by_id=actor.id)
        session.add(row)
    else:
        row.source, row.updated_by_id, row.updated_at = source, actor.id, utcnow()
    session.flush()
    record(session, actor, "release_template.save", row, kind=kind)
    return row


def reset_template(session: Session, kind: str, actor: User) -> None:
    """Drop the admin's override: the file template applies again."""
    _require(session, actor, "template.edit")
    row = session.scalar(select(ReleaseTemplate).where(ReleaseTemplate.kind == kind))
    if row is not None:
        record(session, actor, "release_template.reset", row, kind=kind)
        session.delete(row)
        session.flush()


# -- the draft -----------------------------------------------------------------------

def accepted_items(session: Session, activity: Activity) -> tuple[list[AcceptedPerson], list[AcceptedQuote]]:
    """People and quotes accepted in the activity's notes, oldest note first."""
    people: list[AcceptedPerson] = []
    quotes: list[AcceptedQuote] = []
    notes = session.scalars(select(Note).where(Note.activity_id == activity.id).order_by(Note.created_at, Note.id))
    for note in notes:
        accepted = read_accepted(note.accepted)
        people += accepted.people
        quotes += accepted.quotes
    return people, quotes


def context_for(session: Session, activity: Activity, *, office: str | None = None,
                signature: str | None = None) -> DraftContext:
    people, quotes = accepted_items(session, activity)
    venue = activity.venue
    return build_context(
        kind=activity.kind, title=activity.title, day=activity.starts_on, topic=activity.topic,
        guest_body=activity.guest_body, summary=activity.summary,
        starts_at=activity.starts_at_time, ends_at=activity.ends_at_time,
        dress_code=activity.dress_code, contact=activity.contact,
        venue={"name": venue.name, "city": venue.city, "address": venue.address} if venue else None,
        unit={"name": activity.unit.name, "abbreviation": activity.unit.abbreviation} if activity.unit else None,
        participants=[{"name": p.name, "title": p.title, "organisation": p.organisation, "role": p.role}
                      for p in activity.participants],
        accepted_people=people, accepted_quotes=quotes,
        office=office, signature=signature or DEFAULTS["OFFICE_SIGNATURE"],
    )


def render_for(session: Session, activity: Activity, source: str | None = None, *,
               office: str | None = None, signature: str | None = None) -> Draft:
    """The draft of ``activity`` from ``source`` (default: its kind's template)."""
    if source is None:
        source, _override = template_source(session, activity.kind)
    try:
        return render_draft(source, context_for(session, activity, office=office, signature=signature))
    except TemplateFailed as exc:
        raise DraftTemplateError(exc.problem, activity.kind) from exc


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


def create_draft(session: Session, activity: Activity, actor: User, *, office: str | None = None,
                 signature: str | None = None) -> tuple[Release, list[str]]:
    """A new draft release from the activity's kind template with its best photos attached, in the
    activity's PPID class.

    Returns the release and the fields the template needed and the activity lacked
    (they appear in the text as "[…]" placeholders)."""
    _require(session, actor, "release.write", activity)
    draft = render_for(session, activity, office=office, signature=signature)
    release = Release(
        activity_id=activity.id, unit_id=activity.unit_id,
        slug=unique_slug(session, draft.headline or activity.title),
        title=(draft.headline or activity.title)[:LIMITS["title"]], dateline=draft.dateline[:LIMITS["dateline"]] or None,
        body=draft.body, signature=(draft.signature or "")[:LIMITS["signature"]] or None,
        state=ReleaseState.DRAFT, author_id=actor.id, version=1, ppid_class=activity.ppid_class,
    )
    session.add(release)
    session.flush()
    session.add(Revision(release=release, number=1, title=release.title, dateline=release.dateline,
                         body=release.body, signature=release.signature, author_id=actor.id,
                         comment="Draf dari templat"))
    media = session.scalars(select(Media).where(Media.activity_id == activity.id)).all()
    for position, item in enumerate(pick_photos(media)):
        session.add(ReleasePhoto(release=release, media_id=item.id, position=position,
                                 caption=propose_caption(activity, item)))
    session.flush()
    _changed(session, release, actor, "release.draft", activity=activity.id,
             missing=list(draft.missing_fields))
    for photo in release.photos:
        enqueue_index(session, "photo", photo.media_id)
    return release, list(draft.missing_fields)


# -- saving --------------------------------------------------------------------------

def save_release(session: Session, release: Release, *, title: str, dateline: str | None, body: str,
                 signature: str | None, expected_version: int, actor: User, comment: str | None = None) -> Revision:
    """Save a new version: a revision, ``version`` + 1; refused with :class:`StaleEdit` if
    ``expected_version`` is not the current one (the refused text rides on the exception)."""
    submitted = {"title": title, "dateline": dateline, "body": body, "signature": signature,
                 "comment": comment, "expected_version": expected_version}
    _require(session, actor, "release.write", release)
    text = clean_text(title, dateline, body, signature)
    check_length("comment", (comment or "").strip())
    session.refresh(release)
    if expected_version != release.version:
        raise StaleEdit(release, submitted)
    if release.state == ReleaseState.PUBLISHED:
        _require(session, actor, "release.correct", release)
        note = (comment or "").strip()
        if not note:
            raise ReleaseError(N_("Siaran ini sudah terbit: menyimpan berarti koreksi. Tulis catatan "
                                  "\"Diperbarui\" untuk pembaca."))
        workflow.apply(session, release, WorkflowAction.CORRECT, actor, note=note, text=text, expected_version=expected_version)
        return release.revisions[-1]
    if release.state not in EDITABLE_STATES:
        raise ReleaseError(N_("Siaran berstatus %(state)s tidak bisa disunting; kembalikan ke draf dulu."),
                           state=ReleaseState(release.state))
    now = utcnow()
    changed = session.execute(
        update(Release)
        .where(Release.id == release.id, Release.version == expected_version)
        .values(version=expected_version + 1, updated_at=now, **text)
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        session.refresh(release)
        raise StaleEdit(release, submitted)
    session.refresh(release)
    follow_headline(session, release)
    number = (session.scalar(select(func.max(Revision.number)).where(Revision.release_id == release.id)) or 0) + 1
    revision = Revision(release_id=release.id, number=number, author_id=actor.id,
                        comment=(comment or "").strip() or None, created_at=now, **text)
    session.add(revision)
    session.flush()
    _changed(session, release, actor, "release.save", revision=number, version=release.version, slug=release.slug)
    return revision


# -- photos --------------------------------------------------------------------------

def _photos_editable(release: Release, actor: User) -> None:
    _require(object_session(release), actor, "release.write", release)
    if release.state not in EDITABLE_STATES:
        raise ReleaseError(N_("Foto siaran hanya bisa diubah saat draf atau ditinjau."))


def _photos_changed(session: Session, release: Release, actor: User, action: str, **data) -> None:
    """A photo change is a change of the release: a new version (in SQL, so two at once
    both count), so an approval or a save sent with the version seen before is refused."""
    release.version = Release.version + 1
    session.flush()
    _changed(session, release, actor, action, version=release.version, **data)


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


# -- reading -------------------------------------------------------------------------

def releases_query(state: str | None = None, activity_id: int | None = None):
    query = select(Release).order_by(Release.updated_at.desc(), Release.id.desc())
    if state in RELEASE_STATES:
        query = query.where(Release.state == state)
    if activity_id:
        query = query.where(Release.activity_id == activity_id)
    return query


def photo_values(release: Release) -> list[dict]:
    return [{"caption": p.caption or p.media.caption, "credit": p.media.credit or _credit_in(p.caption)}
            for p in release.photos]


def _credit_in(caption: str | None) -> str | None:
    match = re.search(r"\bFoto\s*:\s*([^.]+)", caption or "", re.I)
    return match.group(1).strip() if match else None


def check(release: Release, *, title: str | None = None, body: str | None = None) -> list[Finding]:
    """The editorial checks on the release (or on its unsaved ``title`` and ``body``)."""
    activity = release.activity
    people = [p.name for p in activity.participants] if activity else []
    return checks_stage.check_release(
        release.body if body is None else body,
        title=release.title if title is None else title,
        activity_date=activity.starts_on if activity else None,
        people=people, photos=photo_values(release),
        proper_names=[activity.venue.name] if activity and activity.venue else [],
    )


def revision(release: Release, number: int) -> Revision:
    for item in release.revisions:
        if item.number == number:
            return item
    raise ReleaseError(N_("Revisi %(number)s tidak ada."), number=number)


def diff_revisions(release: Release, old: int, new: int) -> list[Row]:
    a, b = revision(release, old), revision(release, new)
    fields = ("title", "dateline", "body", "signature")
    return compare({f: getattr(a, f) for f in fields}, {f: getattr(b, f) for f in fields})


# -- exports -------------------------------------------------------------------------

@dataclass
class ExportPhoto:
    image: bytes
    caption: str
    credit: str
    media_id: int
    crops: tuple[tuple[str, bytes], ...] = ()


def _export_photos(release: Release, storage: FileStorage) -> list[ExportPhoto]:
    photos = []
    for item in sorted(release.photos, key=lambda p: (p.position, p.id)):
        media = item.media
        if media is None or media.rendition("web") is None or publish_refusal(media) is not None:
            continue
        try:
            with storage.open_rendition(media.sha256, "web") as handle:
                data = handle.read()
        except (OSError, StorageError):
            continue
        caption = item.caption or media.caption or ""
        photos.append(ExportPhoto(data, caption, (media.credit or "") if "foto:" not in caption.lower() else "",
                                  media.id, _crops_of(media, storage)))
    return photos


def _crops_of(media: Media, storage: FileStorage) -> tuple[tuple[str, bytes], ...]:
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


def export_docx(release: Release, storage: FileStorage, *, office: str = "", photos=None) -> bytes:
    photos = _export_photos(release, storage) if photos is None else photos
    return build_docx(
        headline=release.title, dateline=release.dateline, body=release.body, signature=release.signature,
        photos=[DocPhoto(p.image, p.caption, p.credit) for p in photos], office=office,
    )


def export_kit(release: Release, storage: FileStorage, *, office: str = "", photo_page=None) -> bytes:
    """The media kit; ``photo_page(media_id)`` gives each photo's public page address for captions.txt."""
    photos = _export_photos(release, storage)
    document = export_docx(release, storage, office=office, photos=photos)
    return build_kit(slug=release.slug, headline=release.title, docx=document,
                     photos=[KitPhoto(p.image, p.caption, p.credit, photo_page(p.media_id) if photo_page else "", p.crops)
                             for p in photos])


def as_dict(release: Release, findings: list | None = None) -> dict:
    return {
        "id": release.id, "title": release.title, "dateline": release.dateline, "body": release.body,
        "signature": release.signature, "state": release.state, "version": release.version,
        "activity_id": release.activity_id,
        "photos": [{"media_id": p.media_id, "position": p.position, "caption": p.caption,
                    "credit": p.media.credit if p.media else None} for p in release.photos],
        "checks": [f.as_dict() for f in (findings or [])],
    }
