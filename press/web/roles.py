"""The one gate for staff views: ``@roles_required(...)``.

The decorator records the roles on the view (``allowed_roles``) so the access-matrix
test can read every staff route's rule from the URL map.
"""
from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user

from press.extensions import login_manager
from press.codes import STAFF, Role


def roles_required(*roles: str):
    """Allow signed-in users with one of ``roles``; admins are always allowed.

    Anonymous visitors are sent to the login page; a signed-in user without the
    role gets 403.
    """
    unknown = set(roles) - STAFF
    if unknown:
        raise ValueError(f"unknown roles {sorted(unknown)}")
    allowed = frozenset(roles) | {Role.ADMIN}

    def decorate(view):
        @wraps(view)
        def gated(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in allowed:
                abort(403)
            return view(*args, **kwargs)

        gated.allowed_roles = allowed
        return gated

    return decorate


def has_role(*roles: str) -> bool:
    return current_user.is_authenticated and (current_user.role in roles or current_user.role == Role.ADMIN)
