"""Who may do what, and where: the one table of permissions.

Each permission is a name (``activity.edit``, ``release.publish`` …) with the roles of
``press.codes.Role`` that hold it and, for each role, its scope:

- ``Scope.UNIT``: on objects of the user's reach, the user's own unit and every unit below
  it (the staff of a central unit, the Humas office, reach every unit);
- ``Scope.ALL``: on every object, whatever its unit;
- ``Scope.ASSIGNED``: only on the activities the user is assigned to (and their photos,
  notes and releases).

A permission marked ``assigned`` also reaches, for its unit-scoped holders, the
activities the user is assigned to: writers and photographers work on their unit's
activities and on those a planner sent them to, whatever the activity's unit.

No role set is written anywhere else: blueprints gate on a permission's name, services
check the same name with the object's unit (``press.services.access``), the CLI's
``--as`` goes through the services, ``flask permissions table`` prints this table and the
access-matrix test reads it. Base layer: plain values in, no Flask, no models.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum

from press.codes import Role
from press.errors import N_, ServiceError


class Scope(StrEnum):
    UNIT = "unit"
    """The user's unit and the units below it."""
    ALL = "all"
    """Every unit."""
    ASSIGNED = "assigned"
    """Only the activities the user is assigned to."""


class _EveryUnit(Collection):
    """The reach of a user whose scope is every unit: holds any unit id."""

    def __contains__(self, unit_id) -> bool:
        return True

    def __iter__(self):
        return iter(())

    def __len__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return "EVERY_UNIT"


EVERY_UNIT: Collection[int] = _EveryUnit()


@dataclass(frozen=True)
class Permission:
    name: str
    allows: str
    """What it allows, for the docs and ``flask permissions table``."""
    roles: dict[Role, Scope]
    assigned: bool = False
    """Unit-scoped holders also hold it on the activities they are assigned to."""


def _grant(unit: tuple[Role, ...] = (), everywhere: tuple[Role, ...] = (),
           assigned: tuple[Role, ...] = ()) -> dict[Role, Scope]:
    """Roles holding a permission in their unit, everywhere, or only where they are
    assigned; the admin holds every permission everywhere."""
    return {**{role: Scope.ASSIGNED for role in assigned}, **{role: Scope.UNIT for role in unit},
            **{role: Scope.ALL for role in everywhere}, Role.ADMIN: Scope.ALL}


_UNIT_STAFF = (Role.PHOTOGRAPHER, Role.WRITER, Role.UNIT_EDITOR)
_UNIT_WRITERS = (Role.WRITER, Role.UNIT_EDITOR)
_CENTRAL = (Role.EDITOR,)

TABLE: dict[str, Permission] = {p.name: p for p in (
    Permission("staff.enter", "the staff side: dashboard, profile, staff search (each hit filtered by its own permission)",
               _grant(everywhere=(*_UNIT_STAFF, *_CENTRAL))),
    Permission("activity.read", "read an activity and its page", _grant(_UNIT_STAFF, _CENTRAL), assigned=True),
    Permission("activity.edit", "create and edit activities and their participants", _grant(_UNIT_STAFF, _CENTRAL)),
    Permission("activity.plan", "assign photographers and writers to an activity, take them off, set any state "
               "(cancel it): the unit editor in the unit, the central editor everywhere",
               _grant((Role.UNIT_EDITOR,), _CENTRAL)),
    Permission("activity.report", "mark an activity one is assigned to covered or done (planners: any they plan)",
               _grant((Role.UNIT_EDITOR,), _CENTRAL, assigned=(Role.PHOTOGRAPHER, Role.WRITER))),
    Permission("activity.agenda", "put an activity on the public agenda or take it off: the Humas office "
               "speaks for the city", _grant(everywhere=_CENTRAL)),
    Permission("note.read", "read an activity's notes and their review page", _grant(_UNIT_STAFF, _CENTRAL),
               assigned=True),
    Permission("note.write", "add, extract and review notes; correct extracted people", _grant(_UNIT_WRITERS, _CENTRAL),
               assigned=True),
    Permission("photo.upload", "upload photos to an activity", _grant((Role.PHOTOGRAPHER,)), assigned=True),
    Permission("photo.edit", "edit a photo's caption, credit and people", _grant(_UNIT_STAFF, _CENTRAL), assigned=True),
    Permission("photo.publish", "mark photos public or highlighted", _grant(everywhere=_CENTRAL)),
    Permission("photo.original", "download a photo's original file", _grant((Role.PHOTOGRAPHER,), _CENTRAL),
               assigned=True),
    Permission("release.read", "read a release not yet published: drafts, in review, approved, scheduled",
               _grant(_UNIT_STAFF, _CENTRAL), assigned=True),
    Permission("release.read_published", "read a published or retracted release on the staff side",
               _grant(everywhere=(*_UNIT_STAFF, *_CENTRAL))),
    Permission("release.write", "draft, save and submit releases, their photos; the workflow queue",
               _grant(_UNIT_WRITERS, _CENTRAL), assigned=True),
    Permission("release.approve", "approve a release in review, or send it back", _grant((Role.UNIT_EDITOR,), _CENTRAL)),
    Permission("release.publish", "publish, schedule and unschedule any release: the central queue",
               _grant(everywhere=_CENTRAL)),
    Permission("release.publish_unit", "publish, schedule and unschedule a release of a unit the admin "
               "lets publish itself", _grant((Role.UNIT_EDITOR,))),
    Permission("release.correct", "correct or retract a published release; withdraw or re-caption its photos",
               _grant(everywhere=_CENTRAL)),
    Permission("ppid.classify", "set the PPID class of a release or an activity (the PPID Utama sits in the "
               "Humas office; marking a published release dikecualikan retracts it)", _grant(everywhere=_CENTRAL)),
    Permission("journalist.approve", "approve or reject a journalist's registration (with the reason)",
               _grant(everywhere=_CENTRAL)),
    Permission("outlet.edit", "keep the register of news outlets: name, kind, site", _grant(everywhere=_CENTRAL)),
    Permission("outlet.verify", "record that the Dewan Pers verified an outlet, and when",
               _grant(everywhere=_CENTRAL)),
    Permission("partner.edit", "keep the media partners (an outlet of the register with its legal entity, address, "
               "contact) and their contracts; import them from CSV", _grant(everywhere=_CENTRAL)),
    Permission("placement.edit", "send a published release to media partners, set due dates, record and check "
               "proofs of publication and clippings, confirm or reject a proof", _grant(everywhere=_CENTRAL)),
    Permission("report.read", "read and download the monthly report of media partners (pieces, proofs, amounts "
               "due): the unit editor for the unit, the central editor for every unit", _grant((Role.UNIT_EDITOR,), _CENTRAL)),
    Permission("release.open_to_journalists", "open a scheduled release to approved journalists before its "
               "embargo ends (all, or only verified outlets), or close it again", _grant(everywhere=_CENTRAL)),
    Permission("embargo.preview", "an approved journalist: read the scheduled releases opened to them, "
               "download their photos marked EMBARGO", _grant(everywhere=(Role.JOURNALIST,))),
    Permission("whatsapp.groups", "keep the register of the office's WhatsApp groups and where the WhatsApp text "
               "of a release is cut", _grant(everywhere=_CENTRAL)),
    Permission("whatsapp.record", "tick the WhatsApp groups a published release was pasted into",
               _grant(everywhere=(*_UNIT_STAFF, *_CENTRAL))),
    Permission("photo.collect", "make collections of photos across activities, order them, make them public",
               _grant(everywhere=_CENTRAL)),
    Permission("licence.manage", "keep the list of photo licences and each unit's default", _grant()),
    Permission("template.edit", "change the release template of an activity kind", _grant()),
    Permission("glossary.edit", "change the notes glossary, accept corrections into it", _grant()),
    Permission("user.manage", "create, change and deactivate staff accounts", _grant()),
    Permission("directory.manage", "units (their tree, central office, self-publishing) and venues", _grant()),
)}

REFUSED = N_("Peran Anda tidak boleh melakukan ini.")
OUTSIDE_UNIT = N_("Ini milik unit lain; peran Anda hanya berlaku di unit Anda dan unit di bawahnya.")
NOT_ASSIGNED = N_("Anda tidak ditugaskan ke kegiatan ini.")


class PermissionDenied(ServiceError):
    """The acting user lacks the permission, or holds it only for other units."""


def permission(name: str) -> Permission:
    try:
        return TABLE[name]
    except KeyError:
        raise ValueError(f"unknown permission {name!r}") from None


def scope(role: str | None, name: str) -> Scope | None:
    """The scope in which ``role`` holds permission ``name``, or ``None``."""
    try:
        return permission(name).roles.get(Role(role)) if role else None
    except ValueError:
        if name not in TABLE:
            raise
        return None


def can(role: str | None, unit_ids: Collection[int], name: str, object_unit_id: int | None = None, *,
        assigned: bool = False) -> bool:
    """May a user of ``role`` whose reach is ``unit_ids`` (their unit and the units below it,
    or :data:`EVERY_UNIT`) do ``name``, on an object of ``object_unit_id``, whose activity
    they are ``assigned`` to or not? Without an object: may they do it anywhere at all (the
    blueprints' gate)."""
    held = scope(role, name)
    if held is None:
        return False
    if held is Scope.ALL or object_unit_id is None:
        return True
    if held is Scope.ASSIGNED:
        return assigned
    return object_unit_id in unit_ids or (assigned and permission(name).assigned)


def require(role: str | None, unit_ids: Collection[int], name: str, object_unit_id: int | None = None,
            *, assigned: bool = False, error: type[ServiceError] = PermissionDenied, message: str | None = None) -> None:
    """Raise ``error`` (a :class:`ServiceError`) with the reason unless :func:`can` allows it:
    ``message`` (default :data:`REFUSED`) when the role does not hold the permission,
    :data:`NOT_ASSIGNED` when it holds it only where assigned, :data:`OUTSIDE_UNIT` when it
    holds it for other units only."""
    if can(role, unit_ids, name, object_unit_id, assigned=assigned):
        return
    held = scope(role, name)
    if held is None:
        raise error(message or REFUSED)
    raise error(NOT_ASSIGNED if held is Scope.ASSIGNED else OUTSIDE_UNIT)


def holders(name: str, in_scope: Scope | None = None) -> frozenset[Role]:
    """The roles holding ``name`` (only those holding it in ``in_scope``, when given)."""
    return frozenset(role for role, held in permission(name).roles.items() if in_scope in (None, held))
