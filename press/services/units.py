"""The unit tree: parents, children, the top unit, the central office, and each unit's
reach (itself and the units below it). Read by ``press.services.access`` (what a user
reaches), ``press.services.directory`` (a parent that would make a loop), ``flask units
tree`` and the admin's unit pages."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.models import Unit
from press.permissions import EVERY_UNIT


@dataclass
class Node:
    unit: Unit
    children: list["Node"] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "id": self.unit.id, "name": self.unit.name, "abbreviation": self.unit.abbreviation,
            "central": self.unit.central, "publishes_itself": self.unit.publishes_itself,
            "children": [child.as_dict() for child in self.children],
        }


def _parents(session: Session) -> dict[int, int | None]:
    return {uid: parent for uid, parent in session.execute(select(Unit.id, Unit.parent_id))}


def below(session: Session, unit_id: int) -> frozenset[int]:
    """``unit_id`` and every unit under it."""
    children: dict[int | None, list[int]] = {}
    for uid, parent in _parents(session).items():
        children.setdefault(parent, []).append(uid)
    found, todo = set(), [unit_id]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.add(current)
        todo.extend(children.get(current, ()))
    return frozenset(found)


def above(session: Session, unit_id: int) -> list[int]:
    """``unit_id`` and its ancestors, nearest first."""
    parents = _parents(session)
    chain: list[int] = []
    current: int | None = unit_id
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return chain


def is_central(session: Session, unit_id: int | None) -> bool:
    """Is ``unit_id`` the central office, or a unit inside it?"""
    if unit_id is None:
        return False
    central = set(session.scalars(select(Unit.id).where(Unit.central.is_(True))))
    return any(uid in central for uid in above(session, unit_id))


def reach(session: Session, unit_id: int | None) -> Collection[int]:
    """The units a member of ``unit_id`` answers for: every unit for the central office,
    else the unit and the units below it."""
    if unit_id is None:
        return frozenset()
    if is_central(session, unit_id):
        return EVERY_UNIT
    return below(session, unit_id)


def top_unit(session: Session) -> Unit | None:
    """The first unit without a parent."""
    return session.scalar(select(Unit).where(Unit.parent_id.is_(None)).order_by(Unit.id).limit(1))


def tree(session: Session) -> list[Node]:
    """Every unit as a tree, roots first, children by name."""
    units = list(session.scalars(select(Unit).order_by(Unit.name)))
    nodes = {u.id: Node(u) for u in units}
    roots = []
    for unit in units:
        parent = nodes.get(unit.parent_id)
        (parent.children if parent else roots).append(nodes[unit.id])
    return roots
