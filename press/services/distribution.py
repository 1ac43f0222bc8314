"""Sending published releases to the office's WhatsApp groups, by hand, on the record.

Editors keep the register of groups (name, admin, members, unit) and the length at which
the WhatsApp text is cut; staff tick, on a published release, the groups they pasted it
into. Each tick keeps who and when, and is an audit event on the release's history, so
the editor sees which groups still have to get it (``pending``, ``pending_counts``).
A group taken out of the register keeps its past ticks but is no longer waited for.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from press.codes import ReleaseState
from press.drafting.whatsapp import DEFAULT_LIMIT, MAX_LIMIT, MIN_LIMIT
from press.errors import N_, ServiceError
from press.models import Release, Unit, User, WhatsAppGroup, WhatsAppSend, WhatsAppSetting
from press.numbers import parse_id, parse_int
from press.text import clean_name, name_key

from . import access, audit

MAX_MEMBERS = 100_000
NAME_LENGTH = 120


class DistributionError(ServiceError):
    """A group, a tick or the cut length refused, with the reason."""


# -- the cut length -------------------------------------------------------------------

def cut_length(session: Session) -> int:
    setting = session.get(WhatsAppSetting, 1)
    return setting.cut_length if setting else DEFAULT_LIMIT


def set_cut_length(session: Session, value, actor: User) -> int:
    access.require_user(session, actor, "whatsapp.groups")
    length = parse_int(value, low=MIN_LIMIT, high=MAX_LIMIT)
    if length is None:
        raise DistributionError(N_("Panjang teks WhatsApp harus bilangan bulat %(low)s–%(high)s karakter."),
                                low=MIN_LIMIT, high=MAX_LIMIT)
    setting = session.get(WhatsAppSetting, 1) or WhatsAppSetting(id=1)
    setting.cut_length, setting.updated_by_id = length, actor.id if actor else None
    session.add(setting)
    audit.record(session, actor, "whatsapp.cut_length", setting, length=length)
    return length


# -- the register -------------------------------------------------------------------

def groups(session: Session, *, active: bool = True) -> list[WhatsAppGroup]:
    query = select(WhatsAppGroup).options(selectinload(WhatsAppGroup.unit)).order_by(WhatsAppGroup.name)
    if active:
        query = query.where(WhatsAppGroup.active.is_(True))
    return list(session.scalars(query))


def _text(value, too_long: str) -> str | None:
    text = clean_name(value or "")
    if len(text) > NAME_LENGTH:
        raise DistributionError(too_long, length=NAME_LENGTH)
    return text or None


def save_group(session: Session, actor: User, *, name, admin=None, members=None, unit_id=None,
               group: WhatsAppGroup | None = None) -> WhatsAppGroup:
    """Add a group to the register, or change ``group``; refused with the reason for a
    missing or look-alike name, a member count that is not a number, an unknown unit."""
    access.require_user(session, actor, "whatsapp.groups")
    name = _text(name, N_("Nama grup paling panjang %(length)s karakter."))
    if not name:
        raise DistributionError(N_("Nama grup wajib diisi."))
    admin = _text(admin, N_("Nama admin grup paling panjang %(length)s karakter."))
    key = name_key(name)
    for other in session.scalars(select(WhatsAppGroup)):
        if other is group or name_key(other.name) != key:
            continue
        if other.active or group is not None:
            raise DistributionError(N_("Grup bernama %(name)s sudah ada."), name=other.name)
        group = other  # a group taken out earlier comes back with its past ticks
    count = None
    if members not in (None, ""):
        count = parse_int(members, low=0, high=MAX_MEMBERS)
        if count is None:
            raise DistributionError(N_("Jumlah anggota harus bilangan bulat 0–%(high)s."), high=MAX_MEMBERS)
    unit = None
    if unit_id not in (None, "", "0", 0):
        unit = session.get(Unit, parse_id(unit_id) or 0)
        if unit is None:
            raise DistributionError(N_("Unit itu tidak ada."))
    new = group is None or not group.active
    group = group or WhatsAppGroup()
    group.name, group.admin, group.members, group.unit_id, group.active = (
        name, admin, count, unit.id if unit else None, True)
    session.add(group)
    audit.record(session, actor, "whatsapp.group_add" if new else "whatsapp.group_edit", group, name=name)
    return group


def remove_group(session: Session, group: WhatsAppGroup, actor: User) -> None:
    """Take a group out of the register; the releases already sent to it keep their record."""
    access.require_user(session, actor, "whatsapp.groups")
    group.active = False
    audit.record(session, actor, "whatsapp.group_remove", group, name=group.name)


# -- sends ----------------------------------------------------------------------------

def sends(session: Session, release: Release) -> list[WhatsAppSend]:
    return list(session.scalars(
        select(WhatsAppSend).where(WhatsAppSend.release_id == release.id)
        .options(selectinload(WhatsAppSend.group), selectinload(WhatsAppSend.sent_by))
        .order_by(WhatsAppSend.sent_at, WhatsAppSend.id)
    ))


def pending(session: Session, release: Release) -> list[WhatsAppGroup]:
    """The groups in the register the published ``release`` has not been sent to."""
    if release.state != ReleaseState.PUBLISHED:
        return []
    sent = {s.group_id for s in sends(session, release)}
    return [group for group in groups(session) if group.id not in sent]


def pending_counts(session: Session, releases: Iterable[Release]) -> dict[int, int]:
    """For each published release of ``releases``, how many groups still have to get it."""
    published = [r.id for r in releases if r.state == ReleaseState.PUBLISHED]
    if not published:
        return {}
    active = session.scalar(select(func.count()).select_from(WhatsAppGroup).where(WhatsAppGroup.active.is_(True)))
    done = dict(session.execute(
        select(WhatsAppSend.release_id, func.count())
        .join(WhatsAppGroup, WhatsAppGroup.id == WhatsAppSend.group_id)
        .where(WhatsAppSend.release_id.in_(published), WhatsAppGroup.active.is_(True))
        .group_by(WhatsAppSend.release_id)
    ).all())
    return {release_id: (active or 0) - done.get(release_id, 0) for release_id in published}


def record_sends(session: Session, release: Release, group_ids: Iterable, actor: User) -> tuple[list, list]:
    """Make the ticks of ``release`` the groups ``group_ids`` name (ids as text or int):
    new ticks are recorded with ``actor`` and now, cleared ones removed; each change an
    audit event. Only a published release is sent; an unknown group is refused.
    Returns the names of the groups ticked and cleared."""
    access.require_user(session, actor, "whatsapp.record", release)
    if release.state != ReleaseState.PUBLISHED:
        raise DistributionError(N_("Hanya siaran yang sudah terbit yang dikirim ke grup WhatsApp."))
    wanted: set[int] = set()
    for value in group_ids:
        group_id = parse_id(value)
        group = session.get(WhatsAppGroup, group_id) if group_id else None
        if group is None or not group.active:
            raise DistributionError(N_("Grup WhatsApp itu tidak ada di daftar."))
        wanted.add(group.id)
    current = {s.group_id: s for s in sends(session, release)}
    added = [session.get(WhatsAppGroup, gid) for gid in sorted(wanted - set(current))]
    cleared = [current[gid] for gid in sorted(set(current) - wanted) if current[gid].group.active]
    for group in added:
        session.add(WhatsAppSend(release_id=release.id, group_id=group.id, sent_by_id=actor.id if actor else None))
    for send in cleared:
        session.delete(send)
    if added:
        audit.record(session, actor, "release.whatsapp_sent", release, groups=[g.name for g in added])
    if cleared:
        audit.record(session, actor, "release.whatsapp_unsent", release, groups=[s.group.name for s in cleared])
    return [g.name for g in added], [s.group.name for s in cleared]
