"""The one gate for staff views: ``@permission_required(name)``, and ``may(name, obj)``.

The decorator records the permission on the view (``permission``) so the access-matrix
test reads every staff route's rule from the URL map and ``press.permissions.TABLE``.
A view holding an object checks it with :func:`require` (403 outside the user's units);
the service it calls checks again. ``may`` is also a template global, for buttons.
"""
from __future__ import annotations

from functools import wraps

from flask import abort, g
from flask_login import current_user

from press import permissions
from press.extensions import db, login_manager
from press.services import access


def _reach():
    if "reach" not in g:
        g.reach = access.reach(db.session, current_user)
    return g.reach


def may(name: str, obj=None) -> bool:
    """May the signed-in user do ``name`` (on ``obj``, a model row or a unit id)?"""
    if not current_user.is_authenticated:
        return False
    return access.allows(db.session, current_user, name, obj, reached=_reach())


def require(name: str, obj) -> None:
    """403 unless the signed-in user may do ``name`` on ``obj``."""
    if not may(name, obj):
        abort(403)


def may_read_release(release) -> bool:
    return may(access.release_permission(release), release)


def permission_required(name: str):
    """Allow signed-in users holding ``name`` somewhere; anonymous visitors go to the login
    page, anyone else gets 403."""
    permissions.permission(name)  # an unknown name fails at import, not at the first request

    def decorate(view):
        @wraps(view)
        def gated(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not may(name):
                abort(403)
            return view(*args, **kwargs)

        gated.permission = name
        return gated

    return decorate


def init_app(app) -> None:
    app.add_template_global(may)
    app.add_template_global(may_read_release)
