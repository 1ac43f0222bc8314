"""The one way a view runs a service call that may be refused: committed when it
succeeds; rolled back, with the refusal's reason flashed, when it raises a
:class:`~press.errors.ServiceError`."""
from __future__ import annotations

from flask import flash

from press.errors import ServiceError
from press.extensions import db

from .labels import error_text


def committed(action):
    """Run ``action`` (a service call) and commit; on a refusal roll back, flash its reason
    and return ``None``. What ``action`` returned otherwise, ``True`` for ``None``."""
    try:
        result = action()
    except ServiceError as exc:
        db.session.rollback()
        flash(error_text(exc), "error")
        return None
    db.session.commit()
    return result if result is not None else True
