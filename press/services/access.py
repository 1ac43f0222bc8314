"""The permission table (``press.permissions``) applied to users and objects.

Services call :func:`require` with the acting user and the object (or its unit); lists
and searches filter through :func:`unit_filter` and :func:`release_filter`; the web
layer's gate and the CLI's ``--as`` reach the same answers through these functions. An
object's unit is the activity's for its photos and notes; an object without a unit is
reached only by a scope of every unit. An assignment to an activity extends the user's
reach to it (and its photos, notes and releases) for the permissions the table marks
``assigned``.
"""
from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import and_, false, or_, select, true
from sqlalchemy.orm import Session

from press import permissions
from press.codes import ReleaseState
from press.errors import ServiceError
from press.models import Activity, Assignment, Media, Note, Release, Unit, User

from . import units

NO_UNIT = 0
"""The unit id an object without a unit is checked with: no unit scope holds it."""
PUBLISHED_STATES = (ReleaseState.PUBLISHED, ReleaseState.RETRACTED)


def active(user: User | None) -> bool:
    return user is not None and getattr(user, "is_active", True) and getattr(user, "is_authenticated", True)


def reach(session: Session, user: User | None) -> Collection[int]:
    """The units ``user``'s unit-scoped permissions cover."""
    return units.reach(session, user.unit_id) if active(user) else frozenset()


def unit_of(obj) -> int:
    """The unit an object belongs to (``NO_UNIT`` for none)."""
    if isinstance(obj, Unit):
        unit_id = obj.id
    elif isinstance(obj, Activity):
        unit_id = obj.unit_id
    elif isinstance(obj, Release):
        unit_id = obj.unit_id or (obj.activity.unit_id if obj.activity else None)
    elif isinstance(obj, (Media, Note)):
        unit_id = obj.activity.unit_id if obj.activity else None
    elif obj is None or isinstance(obj, int):
        unit_id = obj
    else:
        raise TypeError(f"no unit for {obj!r}")
    return unit_id or NO_UNIT


def activity_of(obj) -> int | None:
    """The activity an object is part of (itself, for an activity); ``None`` for units."""
    if isinstance(obj, Activity):
        return obj.id
    if isinstance(obj, (Media, Note, Release)):
        return obj.activity_id
    return None


def _role(user: User | None) -> str | None:
    return user.role if active(user) else None


def assigned_activities(user: User):
    """A select of the ids of the activities ``user`` is assigned to."""
    return select(Assignment.activity_id).where(Assignment.user_id == user.id)


def is_assigned(session: Session, user: User | None, obj) -> bool:
    """Is ``user`` assigned to the activity ``obj`` is part of?"""
    activity_id = activity_of(obj)
    if activity_id is None or not active(user):
        return False
    return session.scalar(assigned_activities(user).where(Assignment.activity_id == activity_id).limit(1)) is not None


def _assignment_counts(permission: str, held) -> bool:
    return held is permissions.Scope.ASSIGNED or permissions.permission(permission).assigned


def allows(session: Session, user: User | None, permission: str, obj=None, *,
           reached: Collection[int] | None = None) -> bool:
    """May ``user`` do ``permission`` (on ``obj``: a model row or a unit id; without it:
    anywhere at all)? ``reached`` is the user's :func:`reach` when the caller has it."""
    role = _role(user)
    held = permissions.scope(role, permission)
    if held is None:
        return False
    if obj is None or held is permissions.Scope.ALL:
        return True
    unit = unit_of(obj)
    reached = reach(session, user) if reached is None else reached
    if permissions.can(role, reached, permission, unit):
        return True
    return _assignment_counts(permission, held) and permissions.can(
        role, reached, permission, unit, assigned=is_assigned(session, user, obj))


def require(session: Session, user: User | None, permission: str, obj=None, *,
            error: type[ServiceError] = permissions.PermissionDenied, message: str | None = None) -> None:
    """Raise ``error`` with the reason unless :func:`allows`: ``message`` when the user's role
    lacks the permission, ``permissions.OUTSIDE_UNIT`` when it holds it for other units only,
    ``permissions.NOT_ASSIGNED`` when only where assigned."""
    role = _role(user)
    held = permissions.scope(role, permission)
    unit = None if obj is None else unit_of(obj)
    checked = held in (permissions.Scope.UNIT, permissions.Scope.ASSIGNED) and unit is not None
    reached = reach(session, user) if checked else frozenset()
    assigned = checked and not permissions.can(role, reached, permission, unit) and _assignment_counts(
        permission, held) and is_assigned(session, user, obj)
    permissions.require(role, reached, permission, unit, assigned=assigned, error=error, message=message)


def require_user(session: Session, user: User | None, permission: str, obj=None, **refusal) -> None:
    """:func:`require` for verbs the system runs too (the demo loader, tests' fixtures): a
    ``None`` user is the system and passes; any user is checked."""
    if user is not None:
        require(session, user, permission, obj, **refusal)


def release_permission(release: Release) -> str:
    """Reading a published or retracted release needs less than reading one in the works."""
    return "release.read_published" if release.state in PUBLISHED_STATES else "release.read"


def may_read_release(session: Session, user: User | None, release: Release) -> bool:
    return allows(session, user, release_permission(release), release)


READ_PERMISSIONS = ("activity.read", "note.read", "release.read")
"""What the staff search shows beside the work every staff member reads."""


def search_units(session: Session, user: User | None) -> Collection[int] | None:
    """The units whose documents ``user``'s staff search shows beside those open to every
    staff member; ``None``: every document."""
    role = _role(user)
    if role is not None and all(permissions.scope(role, name) is permissions.Scope.ALL for name in READ_PERMISSIONS):
        return None
    reached = reach(session, user)
    if reached is permissions.EVERY_UNIT and role is not None:
        return None
    held = role is not None and all(permissions.scope(role, name) is not None for name in READ_PERMISSIONS)
    return frozenset(reached) if held else frozenset()


def unit_filter(session: Session, user: User | None, permission: str, column, activity_column=None):
    """A WHERE clause keeping rows whose unit ``column`` the user holds ``permission`` for,
    and (given ``activity_column``) those of the activities the user is assigned to, where
    the table says an assignment counts."""
    role = _role(user)
    held = permissions.scope(role, permission)
    if held is None:
        return false()
    if held is permissions.Scope.ALL:
        return true()
    reached = reach(session, user) if held is permissions.Scope.UNIT else frozenset()
    if reached is permissions.EVERY_UNIT:
        return true()
    in_units = column.in_(sorted(reached)) if reached else false()
    if activity_column is None or not _assignment_counts(permission, held):
        return in_units
    return or_(in_units, activity_column.in_(assigned_activities(user)))


def release_filter(session: Session, user: User | None, unit_column=Release.unit_id, state_column=Release.state,
                   activity_column=Release.activity_id):
    """A WHERE clause keeping the releases ``user`` may read: published ones by every staff
    member, the others by their unit, the units above it, the central office and the staff
    assigned to their activity."""
    return or_(
        and_(state_column.in_(PUBLISHED_STATES), unit_filter(session, user, "release.read_published", unit_column)),
        and_(state_column.not_in(PUBLISHED_STATES),
             unit_filter(session, user, "release.read", unit_column, activity_column)),
    )
