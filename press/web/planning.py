"""Planning pages: the planning section of the activity page (state, assignments, the
assign form), "Tugas saya" (``/staf/tugas``) and the in-app notifications
(``/staf/notifikasi``, a kind of the links registry).

The views parse the form and call ``press.services.planning``, which checks the acting
user; the buttons shown are the ones the service would allow.
"""
from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from press import dates
from press.errors import ServiceError
from press.extensions import db
from press.models import ASSIGNMENT_ROLES, Activity, Notification, User
from press.numbers import parse_id
from press.services import planning

from .i18n import current_locale
from .labels import ACTIVITY_STATE_LABELS, ASSIGNMENT_ROLE_LABELS, error_text
from .links import register, staff_url
from .access import may, permission_required, require
from .sections import activity_section, render_activity_sections

bp = Blueprint("planning", __name__, url_prefix="/staf")


def _activity(activity_id: int, *also: str) -> Activity:
    """The activity, when the user may read it and do each of ``also`` on it (else 404 or 403)."""
    activity = db.session.get(Activity, activity_id) or abort(404)
    for name in ("activity.read", *also):
        require(name, activity)
    return activity


def _back(activity: Activity):
    return redirect(staff_url("activity", activity) + "#perencanaan")


def _refused(activity: Activity, message: str, status: int = 400):
    """The activity page again with the reason on top; nothing was changed."""
    flash(message, "error")
    return render_template("activities/view.html", activity=activity,
                           sections=render_activity_sections(activity)), status


def _refusal(activity: Activity, exc: ServiceError):
    db.session.rollback()
    return _refused(activity, error_text(exc), 403 if isinstance(exc, planning.NotAllowed) else 400)


@activity_section(bp, 5)
def planning_section(activity: Activity) -> str:
    assignments = planning.assignments_of(db.session, activity)
    planner = may("activity.plan", activity)
    staff = db.session.scalars(select(User).where(User.active.is_(True)).order_by(User.name)).all() if planner else []
    return render_template("planning/_section.html", activity=activity, assignments=assignments,
                           states=planning.states_for(db.session, activity, current_user), planner=planner, staff=staff,
                           roles=ASSIGNMENT_ROLES, max_note=planning.MAX_NOTE)


@bp.route("/kegiatan/<id:activity_id>/tugas", methods=["POST"])
@permission_required("activity.plan")
def assign(activity_id: int):
    activity = _activity(activity_id, "activity.plan")
    user_id = parse_id(request.form.get("user_id", ""))
    user = db.session.get(User, user_id) if user_id else None
    if user is None:
        return _refused(activity, _("Pilih staf yang ditugaskan; tidak ada yang diubah."))
    role = request.form.get("role") or planning.default_role(user)
    try:
        assignment = planning.assign(db.session, activity, user, role, note=request.form.get("note"),
                                     actor=current_user)
        db.session.commit()
    except ServiceError as exc:
        return _refusal(activity, exc)
    flash(_("%(name)s ditugaskan sebagai %(role)s.", name=user.name,
            role=ASSIGNMENT_ROLE_LABELS[assignment.role]), "success")
    return _back(activity)


@bp.route("/kegiatan/<id:activity_id>/tugas/<id:user_id>/hapus", methods=["POST"])
@permission_required("activity.plan")
def unassign(activity_id: int, user_id: int):
    activity = _activity(activity_id, "activity.plan")
    user = db.session.get(User, user_id) or abort(404)
    try:
        removed = planning.unassign(db.session, activity, user, actor=current_user)
        db.session.commit()
    except ServiceError as exc:
        return _refusal(activity, exc)
    if removed:
        flash(_("Penugasan %(name)s dibatalkan.", name=user.name), "success")
    else:
        flash(_("%(name)s tidak ditugaskan ke kegiatan ini.", name=user.name), "info")
    return _back(activity)


@bp.route("/kegiatan/<id:activity_id>/status", methods=["POST"])
@permission_required("activity.report")
def set_state(activity_id: int):
    activity = _activity(activity_id)  # the service refuses the rest with its reason
    try:
        planning.set_state(db.session, activity, request.form.get("state", ""), actor=current_user)
        db.session.commit()
    except ServiceError as exc:
        return _refusal(activity, exc)
    flash(_("Kegiatan kini berstatus: %(state)s.", state=ACTIVITY_STATE_LABELS[activity.state]), "success")
    return _back(activity)


@bp.route("/tugas")
@permission_required("staff.enter")
def my_assignments():
    return render_template("planning/mine.html", mine=planning.my_assignments(db.session, current_user))


def _moved_from(notification: Notification) -> str | None:
    """A time change's earlier day and time, written the Indonesian way."""
    data = notification.data or {}
    try:
        day = date.fromisoformat(data.get("before_date", ""))
    except (TypeError, ValueError):
        return None
    text = dates.long_date(day, current_locale())
    return f"{text}, {data['before_time'].replace(':', '.')} WIB" if data.get("before_time") else text


@bp.route("/notifikasi")
@permission_required("staff.enter")
def notifications():
    rows = [(n, _moved_from(n)) for n in planning.notifications_for(db.session, current_user)]
    return render_template("planning/notifications.html", rows=rows)


@bp.route("/notifikasi/baca", methods=["POST"])
@permission_required("staff.enter")
def mark_read():
    planning.mark_all_read(db.session, current_user)
    db.session.commit()
    return redirect(url_for("planning.notifications"))


@bp.app_template_global("unread_notifications")
def unread_notifications() -> int:
    return planning.unread_count(db.session, current_user) if current_user.is_authenticated else 0


register("notification", Notification,
         staff=("planning.notifications", lambda notification: {"_anchor": f"notifikasi-{notification.id}"}))
