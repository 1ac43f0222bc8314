"""Planning activities: their state, who is assigned to cover them, and the in-app
notifications that tell those people (assigned, taken off, time changed, cancelled).

Planners (``activity.plan`` in ``press.permissions``: the unit editor in the unit, the
central editor everywhere) assign and take off staff and may set any state; the staff
assigned to an activity may mark it covered or done (``activity.report``). Every verb
checks the acting user itself, so the staff pages and ``flask activities assign --as``
get the same answer. A notification stores its kind, the activity and (for a change of time) the time
before; the page writes the sentence in the reader's language, and the same notice goes
to the user's address through the outbox (``assignment_notice``, written when sent).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from press.codes import ActivityState, AssignmentRole, NotificationKind, OutboxPurpose, Role
from press.dates import office_today
from press.errors import N_, ServiceError
from press.models import ACTIVITY_STATES, ASSIGNMENT_ROLES, Activity, Assignment, Notification, User, utcnow
from press.text import clean_name

from . import access, outbox
from .audit import record

MAX_NOTE = 300
WEEK_DAYS = 7
""""Tugas saya" shows today and the days up to a week ahead."""
STATE_PERMISSIONS = {
    ActivityState.PLANNED: "activity.plan",
    ActivityState.COVERED: "activity.report",
    ActivityState.DONE: "activity.report",
    ActivityState.CANCELLED: "activity.plan",
}
"""The permission moving an activity to each state needs (planners hold both)."""


class PlanningError(ServiceError):
    """A planning change cannot be made as asked; the message says why."""


class NotAllowed(PlanningError):
    """The acting user may not make this change."""


def _require_planner(session: Session, activity: Activity, actor: User) -> None:
    access.require(session, actor, "activity.plan", activity, error=NotAllowed,
                   message=N_("Hanya redaktur dan admin yang dapat menugaskan staf ke kegiatan."))


def may_set_state(session: Session, activity: Activity, state: ActivityState, user: User) -> bool:
    """May ``user`` move ``activity`` to ``state``? A cancelled activity is revived by planners only."""
    needed = STATE_PERMISSIONS[state]
    if activity.state == ActivityState.CANCELLED:
        needed = "activity.plan"
    return access.allows(session, user, needed, activity)


def states_for(session: Session, activity: Activity, user: User) -> list[ActivityState]:
    """The states ``user`` may move ``activity`` to now (the page's buttons)."""
    return [state for state in ActivityState if state != activity.state and may_set_state(session, activity, state, user)]


def assignment_of(session: Session, activity: Activity, user: User) -> Assignment | None:
    return session.scalar(select(Assignment).where(Assignment.activity_id == activity.id,
                                                   Assignment.user_id == user.id))


def assignments_of(session: Session, activity: Activity) -> list[Assignment]:
    return list(session.scalars(select(Assignment).where(Assignment.activity_id == activity.id)
                                .options(selectinload(Assignment.user)).order_by(Assignment.id)))


def _notify(session: Session, user: User, kind: NotificationKind, activity: Activity, **data) -> None:
    now = utcnow()
    session.add(Notification(user_id=user.id, kind=kind, activity_id=activity.id, data=data, created_at=now))
    try:
        outbox.queue_composed(session, purpose=OutboxPurpose.ASSIGNMENT_NOTICE,
                              object_key=f"activity:{activity.id}:{kind}:{user.id}:{now.isoformat()}",
                              address=user.email, data={"activity": activity.id, "kind": kind, **data})
    except outbox.OutboxError:  # an address mail cannot go to: the in-app notice is enough
        pass


def default_role(user: User) -> AssignmentRole:
    """What a user is assigned as unless the planner says otherwise: a photographer takes
    photos, everyone else writes."""
    return AssignmentRole.PHOTOGRAPHER if user.role == Role.PHOTOGRAPHER else AssignmentRole.WRITER


def assign(session: Session, activity: Activity, user: User, role: str, *, note: str | None = None,
           actor: User) -> Assignment:
    """Assign ``user`` to cover ``activity`` as ``role`` with an optional note; assigning the
    same user again changes the role and note. The user is notified."""
    _require_planner(session, activity, actor)
    if role not in ASSIGNMENT_ROLES:
        raise PlanningError(N_("Tugas %(role)s tidak dikenal; pilih fotografer atau penulis."), role=role)
    if not user.active:
        raise PlanningError(N_("Akun %(email)s tidak aktif; pilih staf lain."), email=user.email)
    if activity.state == ActivityState.CANCELLED:
        raise PlanningError(N_("Kegiatan ini sudah batal; tidak ada yang perlu ditugaskan."))
    note = clean_name(note or "") or None
    if note and len(note) > MAX_NOTE:
        raise PlanningError(N_("Catatan penugasan paling panjang %(limit)s karakter; yang dikirim %(count)s."),
                            limit=MAX_NOTE, count=len(note))
    assignment = assignment_of(session, activity, user)
    if assignment is None:
        assignment = Assignment(activity_id=activity.id, user_id=user.id, assigned_by_id=actor.id)
        session.add(assignment)
        _notify(session, user, NotificationKind.ASSIGNED, activity)
    assignment.role = AssignmentRole(role)
    assignment.note = note
    record(session, actor, "activity.assigned", activity, user=user.email, role=assignment.role, note=note)
    return assignment


def unassign(session: Session, activity: Activity, user: User, *, actor: User) -> bool:
    """Take ``user`` off ``activity`` (notified); False when they were not assigned."""
    _require_planner(session, activity, actor)
    assignment = assignment_of(session, activity, user)
    if assignment is None:
        return False
    session.delete(assignment)
    _notify(session, user, NotificationKind.UNASSIGNED, activity)
    record(session, actor, "activity.unassigned", activity, user=user.email)
    return True


def set_state(session: Session, activity: Activity, state: str, *, actor: User) -> None:
    """Move ``activity`` to ``state``: planners to any state, its assigned staff to covered or
    done. Cancelling notifies everyone assigned."""
    if not access.allows(session, actor, "activity.report", activity):
        raise NotAllowed(N_("Hanya staf yang ditugaskan ke kegiatan ini (atau redaktur) yang dapat "
                            "mengubah statusnya."))
    if state not in ACTIVITY_STATES:
        raise PlanningError(N_("Status kegiatan %(state)s tidak dikenal."), state=state)
    state = ActivityState(state)
    if not may_set_state(session, activity, state, actor):
        raise NotAllowed(N_("Staf yang ditugaskan hanya dapat menandai kegiatan %(covered)s atau "
                            "%(done)s; status %(state)s diubah oleh redaktur."),
                         covered=ActivityState.COVERED, done=ActivityState.DONE, state=state)
    if activity.state == state:
        return
    before = activity.state
    activity.state = state
    if state == ActivityState.CANCELLED:
        for assignment in assignments_of(session, activity):
            _notify(session, assignment.user, NotificationKind.CANCELLED, activity)
    record(session, actor, "activity.state", activity, before=before, after=state)


def _clock(moment: time | None) -> str | None:
    return moment.strftime("%H:%M") if moment else None


def notify_time_change(session: Session, activity: Activity, *, before_day: date, before_time: time | None,
                       actor: User | None) -> None:
    """Tell everyone assigned (but the one who changed it) that ``activity`` moved from
    ``before_day``/``before_time``; nothing when its day and time are unchanged."""
    if (before_day, before_time) == (activity.starts_on, activity.starts_at_time):
        return
    for assignment in assignments_of(session, activity):
        if actor is None or assignment.user_id != actor.id:
            _notify(session, assignment.user, NotificationKind.TIME_CHANGED, activity,
                    before_date=before_day.isoformat(), before_time=_clock(before_time))


@dataclass(frozen=True)
class MyAssignments:
    """A user's assignments: today's, and the following days' up to a week ahead."""

    today: list[Assignment]
    week: list[Assignment]


def my_assignments(session: Session, user: User, *, today: date | None = None) -> MyAssignments:
    today = today or office_today()
    query = (
        select(Assignment).join(Assignment.activity)
        .where(Assignment.user_id == user.id, Activity.starts_on >= today,
               Activity.starts_on < today + timedelta(days=WEEK_DAYS))
        .options(selectinload(Assignment.activity).selectinload(Activity.venue),
                 selectinload(Assignment.activity).selectinload(Activity.unit))
        .order_by(Activity.starts_on, Activity.starts_at_time, Activity.id)
    )
    found = list(session.scalars(query))
    return MyAssignments(today=[a for a in found if a.activity.starts_on == today],
                         week=[a for a in found if a.activity.starts_on != today])


def notifications_for(session: Session, user: User, *, limit: int = 50) -> list[Notification]:
    """The user's newest notifications (read or not), newest first."""
    return list(session.scalars(
        select(Notification).where(Notification.user_id == user.id)
        .options(selectinload(Notification.activity))
        .order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit)))


def unread_count(session: Session, user: User) -> int:
    return session.scalar(select(func.count()).select_from(Notification)
                          .where(Notification.user_id == user.id, Notification.read_at.is_(None))) or 0


def mark_all_read(session: Session, user: User) -> int:
    """Mark every unread notification of ``user`` read; how many were."""
    result = session.execute(update(Notification)
                             .where(Notification.user_id == user.id, Notification.read_at.is_(None))
                             .values(read_at=utcnow()))
    return result.rowcount or 0
