"""The release workflow: one table of ``(state, action) -> (new state, permissions)`` and ``apply``.

Imports models, base and services only (no Flask). ``apply`` checks the table and the
actor's permission on the release's unit (``press.permissions``), changes the release, writes an audit event (actor, time, from, to,
comment) and queues the release for the search index; it flushes but never commits
(the web layer and the CLI commit). ``publish_due`` is the embargo clock: it publishes
every scheduled release whose time has come, through a conditional UPDATE so two
processes running it at once publish each release exactly once; ``publish_due_job``
runs it periodically as a job.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, object_session

from press import jobs, permissions
from press.codes import PpidClass, ReleaseState, WorkflowAction
from press.dates import OFFICE_ZONE
from press.errors import N_, ServiceError
from press.models import AuditEvent, Release, Revision, Unit, User, utcnow
from press.photos.crops import is_crop

from . import access, embargo, release_mail, units
from .indexing import enqueue_index
from .public import is_exempt
from .audit import record
from .crop_queue import ask_for_crops
from .release_slugs import follow_headline
from .release_text import check_length, clean_text

# Who may publish: the central editor for every unit, or the unit editor of a unit the
# admin lets publish itself (``SELF_PUBLISHING`` counts only for such a unit).
SELF_PUBLISHING = "release.publish_unit"
PUBLISHERS = ("release.publish", SELF_PUBLISHING)

# (state, action) -> (new state, permissions: any one of them, on the release's unit).
# Nothing else moves a release's state, except ``publish_due`` (the embargo clock, acting
# for nobody). The desks, written out:
TRANSITIONS: dict[tuple[ReleaseState, WorkflowAction], tuple[ReleaseState, tuple[str, ...]]] = {
    # A writer submits to the unit editor; in a unit without one it goes straight to the
    # central editor, who holds ``release.approve`` for every unit.
    (ReleaseState.DRAFT, WorkflowAction.SUBMIT): (ReleaseState.IN_REVIEW, ("release.write",)),
    # The unit editor (or the central editor) approves or sends back.
    (ReleaseState.IN_REVIEW, WorkflowAction.SEND_BACK): (ReleaseState.DRAFT, ("release.approve",)),
    (ReleaseState.IN_REVIEW, WorkflowAction.APPROVE): (ReleaseState.APPROVED, ("release.approve",)),
    (ReleaseState.IN_REVIEW, WorkflowAction.PUBLISH): (ReleaseState.PUBLISHED, PUBLISHERS),
    # Approved in a unit that may not publish itself: the central queue, where the central
    # editor publishes, schedules or sends back.
    (ReleaseState.APPROVED, WorkflowAction.SEND_BACK): (ReleaseState.DRAFT, ("release.approve",)),
    (ReleaseState.APPROVED, WorkflowAction.PUBLISH): (ReleaseState.PUBLISHED, PUBLISHERS),
    (ReleaseState.APPROVED, WorkflowAction.SCHEDULE): (ReleaseState.SCHEDULED, PUBLISHERS),
    (ReleaseState.SCHEDULED, WorkflowAction.SCHEDULE): (ReleaseState.SCHEDULED, PUBLISHERS),
    (ReleaseState.SCHEDULED, WorkflowAction.UNSCHEDULE): (ReleaseState.APPROVED, PUBLISHERS),
    (ReleaseState.SCHEDULED, WorkflowAction.PUBLISH): (ReleaseState.PUBLISHED, PUBLISHERS),
    # Published work is corrected or retracted by the central editor.
    (ReleaseState.PUBLISHED, WorkflowAction.CORRECT): (ReleaseState.PUBLISHED, ("release.correct",)),
    (ReleaseState.PUBLISHED, WorkflowAction.RETRACT): (ReleaseState.RETRACTED, ("release.correct",)),
}

ACTIONS = tuple(dict.fromkeys(action for _state, action in TRANSITIONS))

# What each action needs besides the role.
NEEDS_COMMENT = {WorkflowAction.SEND_BACK}
NEEDS_TIME = {WorkflowAction.SCHEDULE}
NEEDS_NOTICE = {WorkflowAction.RETRACT}
NEEDS_NOTE = {WorkflowAction.CORRECT}

TEXT_FIELDS = ("title", "dateline", "body", "signature")
# How far ahead an embargo may be set: beyond it a time is a typo (year 9999), not a plan.
MAX_EMBARGO_YEARS = 2
PUBLISH_DUE_ATTEMPTS = 3


class WorkflowError(ServiceError):
    """A workflow action cannot be applied; the message says why."""


@dataclass(frozen=True)
class Move:
    """One action a user may take now: its name and the state it leads to."""

    action: str
    to: str


def publishes_itself(session: Session, release: Release) -> bool:
    unit = session.get(Unit, access.unit_of(release))
    return bool(unit and unit.publishes_itself)


def allowed(session: Session, release: Release, user: User | None, needed: tuple[str, ...]) -> bool:
    """Does ``user`` hold one of ``needed`` on ``release``'s unit?"""
    return any(
        access.allows(session, user, name, release)
        and (name != SELF_PUBLISHING or publishes_itself(session, release))
        for name in needed
    )


def available(release: Release, user: User | None) -> list[Move]:
    """The actions ``user`` may apply to ``release`` in its current state, in table order."""
    session = object_session(release)
    if user is None or session is None:
        return []
    return [
        Move(action, to)
        for (state, action), (to, needed) in TRANSITIONS.items()
        if state == release.state and allowed(session, release, user, needed)
    ]


def _refusal(session: Session, release: Release, actor: User, needed: tuple[str, ...]) -> str:
    """Why ``actor`` may not: the unit does not publish itself, the release is another
    unit's, or the role may not do this at all."""
    if SELF_PUBLISHING in needed and access.allows(session, actor, SELF_PUBLISHING, release):
        return N_("Unit ini belum diizinkan menerbitkan sendiri: siaran yang disetujui menunggu redaktur pusat.")
    if any(access.allows(session, actor, name) for name in needed):
        return permissions.OUTSIDE_UNIT
    return N_("Peran Anda tidak boleh melakukan tindakan ini pada siaran.")


def has_unit_editor(session: Session, unit_id: int | None) -> bool:
    """Is there an active unit editor for ``unit_id``: someone in it or a unit above it who
    approves for their unit (``release.approve`` in unit scope)?"""
    if unit_id is None:
        return False
    unit_approvers = permissions.holders("release.approve", permissions.Scope.UNIT)
    return session.scalar(select(func.count()).select_from(User).where(
        User.role.in_(sorted(unit_approvers)), User.active.is_(True),
        User.unit_id.in_(units.above(session, unit_id)))) > 0


def central_queue(session: Session, *, limit: int = 50) -> list[Release]:
    """What waits for the central editor: approved releases of units that may not publish
    themselves, and releases in review of units without a unit editor; oldest first."""
    waiting = []
    for release in session.scalars(select(Release).where(
            Release.state.in_((ReleaseState.IN_REVIEW, ReleaseState.APPROVED))).order_by(Release.updated_at, Release.id)):
        if release.state == ReleaseState.APPROVED:
            if not publishes_itself(session, release):
                waiting.append(release)
        elif not has_unit_editor(session, access.unit_of(release)):
            waiting.append(release)
        if len(waiting) >= limit:
            break
    return waiting


def apply(
    session: Session,
    release: Release,
    action: str,
    actor: User,
    *,
    at: datetime | None = None,
    comment: str | None = None,
    notice: str | None = None,
    note: str | None = None,
    text: dict | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Release:
    """Apply ``action`` to ``release`` as ``actor``; raise ``WorkflowError`` if refused.

    ``at`` is the embargo time (aware, in the future) for ``schedule``; ``comment`` is
    required to send a release back; ``notice`` is the public retraction notice;
    ``note`` is the public "Diperbarui" note of a correction, whose new text (title,
    dateline, body, signature) may come in ``text``. ``expected_version`` is the
    version the actor saw: an action on a release changed since is refused.
    """
    now = now or utcnow()
    if action not in ACTIONS:
        raise WorkflowError(N_("Tindakan %(action)s tidak dikenal."), action=action)
    if actor is None or not getattr(actor, "is_active", True):
        raise WorkflowError(N_("Tindakan ini perlu pengguna aktif."))
    entry = TRANSITIONS.get((release.state, action))
    if entry is None:
        raise WorkflowError(
            N_("Siaran ini berstatus %(state)s; tindakan itu tidak berlaku sekarang."),
            state=ReleaseState(release.state),
        )
    action = WorkflowAction(action)
    new_state, needed = entry
    if not allowed(session, release, actor, needed):
        raise WorkflowError(_refusal(session, release, actor, needed))
    if expected_version is not None and expected_version != release.version:
        raise WorkflowError(N_("Siaran ini sudah diubah orang lain sejak Anda membukanya; muat ulang lalu periksa lagi."))
    comment = (comment or "").strip() or None
    notice = (notice or "").strip() or None
    note = (note or "").strip() or None
    for name, value in (("comment", comment), ("notice", notice), ("note", note)):
        check_length(name, value)
    if action == WorkflowAction.CORRECT:
        text = _corrected_text(release, text or {})
    if action in NEEDS_COMMENT and not comment:
        raise WorkflowError(N_("Tulis catatan untuk penulis saat mengembalikan siaran."))
    if action in NEEDS_NOTICE and not notice:
        raise WorkflowError(N_("Penarikan siaran perlu pemberitahuan publik."))
    if action in NEEDS_NOTE and not note:
        raise WorkflowError(N_("Koreksi perlu catatan \"Diperbarui\" untuk pembaca."))
    if action in NEEDS_TIME:
        if at is None:
            raise WorkflowError(N_("Tentukan waktu embargo."))
        if at.tzinfo is None:
            raise WorkflowError(N_("Waktu embargo harus menyebut zona waktunya."))
        if at <= now:
            raise WorkflowError(N_("Waktu embargo harus di masa depan."))
        if at > now + timedelta(days=365 * MAX_EMBARGO_YEARS + 1):
            raise WorkflowError(N_("Waktu embargo paling jauh %(years)s tahun dari sekarang."), years=MAX_EMBARGO_YEARS)
    if action in (WorkflowAction.PUBLISH, WorkflowAction.SCHEDULE, WorkflowAction.SUBMIT) and not release.title.strip():
        raise WorkflowError(N_("Siaran tanpa judul tidak bisa diajukan atau diterbitkan."))
    if action in (WorkflowAction.PUBLISH, WorkflowAction.SCHEDULE):
        _refuse_exempt(release)

    old_state = release.state
    data: dict = {"from": old_state, "to": new_state}
    if comment:
        data["comment"] = comment
    if action in (WorkflowAction.PUBLISH, WorkflowAction.SCHEDULE):
        follow_headline(session, release)  # the address it is published at, from the headline it has now
    if action == WorkflowAction.SCHEDULE:
        release.embargo_at = at.astimezone(timezone.utc)
        data["at"] = release.embargo_at.isoformat()
    elif action == WorkflowAction.UNSCHEDULE:
        release.embargo_at = None
    elif action == WorkflowAction.PUBLISH:
        release.published_at = now
        release.embargo_at = None
    elif action == WorkflowAction.RETRACT:
        release.retracted_at = now
        release.retraction_notice = notice
        data["notice"] = notice
    elif action == WorkflowAction.CORRECT:
        _correct(session, release, actor, note, text, now)
        data["note"] = note
        data["revision"] = release.revisions[-1].number if release.revisions else None
    if action in (WorkflowAction.APPROVE, WorkflowAction.PUBLISH, WorkflowAction.SCHEDULE, WorkflowAction.RETRACT,
                  WorkflowAction.CORRECT, WorkflowAction.SEND_BACK):
        release.editor_id = actor.id
    if release.state == ReleaseState.SCHEDULED and new_state not in (ReleaseState.SCHEDULED, ReleaseState.PUBLISHED):
        embargo.forget_opening(session, release, actor)
    release.state = new_state
    release.updated_at = now
    _audit(session, actor, f"release.{action}", release, data, now)
    _enqueue(session, release)
    session.flush()
    release_mail.after_action(session, release, action)
    return release


def _refuse_exempt(release: Release) -> None:
    """Exempt information (PPID class ``dikecualikan``) is never published, nor scheduled to be."""
    if release.ppid_class == PpidClass.DIKECUALIKAN:
        raise WorkflowError(N_("Siaran ini berklasifikasi informasi dikecualikan (PPID), jadi tidak boleh terbit; "
                               "ubah klasifikasinya lebih dulu bila informasinya boleh dibuka."))
    if release.activity is not None and is_exempt(release.activity):
        raise WorkflowError(N_("Kegiatan siaran ini berklasifikasi informasi dikecualikan (PPID), jadi siarannya "
                               "tidak boleh terbit."))


def _enqueue(session: Session, release: Release) -> None:
    """The release and its photos (their public visibility follows the release) go to the
    index; a published release's photos get their crops for the channels."""
    enqueue_index(session, "release", release.id)
    for photo in release.photos:
        enqueue_index(session, "photo", photo.media_id)
        if release.state == ReleaseState.PUBLISHED and photo.media is not None \
                and not any(is_crop(r.variant) for r in photo.media.renditions):
            ask_for_crops(session, photo.media)


def _corrected_text(release: Release, text: dict) -> dict:
    """The correction's whole text: the parts sent over the current ones, cleaned and
    refused over the editor's limits exactly as the editor refuses them."""
    unknown = set(text) - set(TEXT_FIELDS)
    if unknown:
        raise WorkflowError(N_("Bagian siaran %(field)s tidak dikenal."), field=", ".join(sorted(unknown)))
    merged = {field: text[field] if field in text else getattr(release, field) for field in TEXT_FIELDS}
    return clean_text(**merged)


def _correct(session: Session, release: Release, actor: User, note: str, text: dict, now: datetime) -> None:
    """A correction: the new text becomes a revision with the public note."""
    for field in TEXT_FIELDS:
        setattr(release, field, text[field])
    number = (session.scalar(select(func.max(Revision.number)).where(Revision.release_id == release.id)) or 0) + 1
    session.add(Revision(
        release=release, number=number, title=release.title, dateline=release.dateline,
        body=release.body, signature=release.signature, author_id=actor.id,
        comment=note, created_at=now,
    ))
    release.corrected_at = now
    release.correction_note = note
    release.version = (release.version or 1) + 1


def _audit(session: Session, actor: User | None, action: str, release: Release, data: dict, now: datetime) -> AuditEvent:
    event = record(session, actor, action, release, **data)
    event.created_at = now
    return event


def publish_due(session: Session, now: datetime | None = None) -> list[Release]:
    """Publish every scheduled release whose embargo time has come; return those published here.

    Each release moves through ``UPDATE … WHERE state = 'scheduled'``: whichever process
    gets there first publishes it and writes its audit event; the other finds nothing
    to do. When SQLite refuses the write because another process wrote since this
    session's snapshot, the session is rolled back (it holds nothing else: this runs
    first in a request or a command) and the run starts again on fresh data. The
    caller commits.
    """
    now = now or utcnow()
    for attempt in range(PUBLISH_DUE_ATTEMPTS):
        try:
            due = session.scalars(
                select(Release.id)
                .where(Release.state == ReleaseState.SCHEDULED, Release.embargo_at <= now)
                .order_by(Release.embargo_at)
            ).all()
            published = [r for r in (publish_one_due(session, release_id, now) for release_id in due) if r]
            session.flush()
            return published
        except OperationalError:
            session.rollback()
            if attempt == PUBLISH_DUE_ATTEMPTS - 1:
                raise
    return []


@jobs.periodic("release.publish-due", every="PUBLISH_CHECK_SECONDS")
def publish_due_job(ctx: jobs.JobContext) -> None:
    """The embargo clock, every ``PUBLISH_CHECK_SECONDS``: each due release published once,
    with its audit event, in the job's one transaction."""
    publish_due(ctx.session)


def publish_one_due(session: Session, release_id: int, now: datetime) -> Release | None:
    """Publish one scheduled release if it is still scheduled and due; ``None`` if someone else did."""
    result = session.execute(
        update(Release)
        .where(Release.id == release_id, Release.state == ReleaseState.SCHEDULED, Release.embargo_at <= now)
        .values(state=ReleaseState.PUBLISHED, published_at=Release.embargo_at, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return None
    release = session.get(Release, release_id)
    session.refresh(release)
    _audit(session, None, f"release.{WorkflowAction.PUBLISH_DUE}", release,
           {"from": ReleaseState.SCHEDULED, "to": ReleaseState.PUBLISHED, "at": release.published_at.isoformat()}, now)
    _enqueue(session, release)
    release_mail.after_action(session, release, WorkflowAction.PUBLISH_DUE)
    return release


def releases_in_state(session: Session, state: str, viewer: User | None, *, limit: int = 50) -> list[Release]:
    """The releases in ``state`` that ``viewer`` may read: scheduled ones by embargo time, the
    others most recently changed first."""
    order = (Release.embargo_at,) if state == ReleaseState.SCHEDULED else (Release.updated_at.desc(), Release.id.desc())
    query = select(Release).where(Release.state == state, access.release_filter(session, viewer))
    return list(session.scalars(query.order_by(*order).limit(limit)))


def history(session: Session, release: Release) -> list[AuditEvent]:
    """The release's audit events, oldest first."""
    return list(session.scalars(
        select(AuditEvent)
        .where(AuditEvent.object_type == "release", AuditEvent.object_id == release.id)
        .order_by(AuditEvent.created_at, AuditEvent.id)
    ))


def parse_time(text: str) -> datetime:
    """An ISO time as typed by an operator; without an offset it is Jakarta time (WIB)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise WorkflowError(N_("Waktu %(text)s tidak terbaca; tulis misalnya 2021-10-01T09:00."), text=text) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=OFFICE_ZONE)
    try:
        return moment.astimezone(timezone.utc)
    except OverflowError as exc:  # year 1 in WIB is before the first moment a datetime holds
        raise WorkflowError(N_("Waktu embargo harus di masa depan.")) from exc
