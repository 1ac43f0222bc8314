"""Who may change a release and how a change is recorded: the states a writer edits in,
the permission check refusing with a ``ReleaseError``, and ``changed`` (the audit event
and the search index queue every change of a release writes).

Shared by the release modules (``releases``, ``release_templates``, ``release_photos``)
so none of them imports another for it."""
from __future__ import annotations

from sqlalchemy.orm import Session

from press.codes import ReleaseState
from press.errors import N_
from press.models import Release, User

from . import access
from .audit import record
from .indexing import enqueue_index
from .release_text import ReleaseError

EDITABLE_STATES = (ReleaseState.DRAFT, ReleaseState.IN_REVIEW)


def require(session: Session, actor: User | None, permission: str, obj=None) -> None:
    """Refuse (``ReleaseError``) an actor without ``permission`` on ``obj``'s unit."""
    access.require(session, actor, permission, obj, error=ReleaseError, message=N_("Peran Anda tidak boleh mengubah siaran."))


def changed(session: Session, release: Release, actor: User | None, action: str, **data) -> None:
    record(session, actor, action, release, **data)
    enqueue_index(session, "release", release.id)
