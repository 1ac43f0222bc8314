"""Writing audit events."""
from __future__ import annotations

from sqlalchemy.orm import Session

from press.models import AuditEvent, User


def record(session: Session, actor: User | None, action: str, obj, **data) -> AuditEvent:
    """Add an audit event for ``obj`` (any model with an ``id``) to the session."""
    session.flush()
    event = AuditEvent(
        actor_id=actor.id if actor is not None else None,
        action=action,
        object_type=type(obj).__name__.lower(),
        object_id=getattr(obj, "id", None),
        data=data,
    )
    session.add(event)
    return event
