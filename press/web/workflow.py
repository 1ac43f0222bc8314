"""Staff side of the release workflow: the action buttons, the POST that applies one, the history.

The staff release page (``releases/view.html``) includes ``releases/_workflow_actions.html`` and
``releases/_history.html``; both need only ``release`` (the template globals below give
them the moves the signed-in user may make and the audit events). The POST parses the
form, calls ``press.services.workflow.apply`` and commits; the service decides what is
allowed.
"""
from __future__ import annotations

from datetime import datetime

from flask import Blueprint, abort, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from press import dates
from press.codes import ReleaseState, WorkflowAction
from press.errors import ServiceError
from press.extensions import db
from press.numbers import MAX_ID, parse_int
from press.models import Release
from press.services import workflow
from press.services.release_text import LIMITS

from .i18n import current_locale
from .labels import STATE_LABELS, error_text
from .links import staff_url
from .access import may, may_read_release, permission_required

bp = Blueprint("workflow", __name__, url_prefix="/staf/siaran")

# Actions that cannot be undone by a button on the same page ask for confirmation.
CONFIRM = {
    WorkflowAction.PUBLISH: _l("Terbitkan siaran ini sekarang? Siaran langsung tampil di situs publik."),
    WorkflowAction.RETRACT: _l("Tarik siaran ini? Halamannya akan diganti pemberitahuan penarikan."),
}


@bp.app_template_global("workflow_moves")
def workflow_moves(release: Release) -> list[workflow.Move]:
    if not current_user.is_authenticated:
        return []
    return workflow.available(release, current_user)


@bp.app_template_global("release_history")
def release_history(release: Release):
    return workflow.history(db.session, release)


@bp.app_template_filter("iso_long_datetime")
def iso_long_datetime(text: str | None) -> str:
    """An ISO time kept in an audit event, written the Indonesian way (WIB)."""
    try:
        return dates.long_datetime(datetime.fromisoformat(text), current_locale()) if text else ""
    except ValueError:
        return text


@bp.app_context_processor
def labels():
    return {"WORKFLOW_CONFIRM": CONFIRM, "RELEASE_LIMITS": LIMITS}


@bp.route("/<id:release_id>/alur", methods=["POST"])
@permission_required("release.write")
def transition(release_id: int):
    release = db.session.get(Release, release_id) or abort(404)
    if not (may_read_release(release) and may("release.write", release)):
        abort(403)
    action = request.form.get("action", "")
    try:
        at = workflow.parse_time(request.form["at"]) if request.form.get("at", "").strip() else None
        text = None
        if action == WorkflowAction.CORRECT and any(request.form.get(f) is not None for f in workflow.TEXT_FIELDS):
            text = {f: request.form[f] for f in workflow.TEXT_FIELDS if request.form.get(f) is not None}
        workflow.apply(
            db.session, release, action, current_user,
            at=at, comment=request.form.get("comment"), notice=request.form.get("notice"),
            note=request.form.get("note"), text=text,
            expected_version=parse_int(request.form.get("version", ""), low=0, high=MAX_ID),
        )
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        flash(error_text(exc), "error")
        if action == WorkflowAction.CORRECT:
            # The correction typed (perhaps a long text) is shown back, not lost.
            typed = {f: request.form.get(f) for f in (*workflow.TEXT_FIELDS, "note") if request.form.get(f) is not None}
            release = db.session.get(Release, release_id)
            return render_template("releases/workflow.html", release=release, refused=typed), 400
        return redirect(staff_url("release", release))
    flash(_("Siaran kini berstatus: %(state)s.", state=STATE_LABELS[release.state]), "success")
    return redirect(staff_url("release", release))


QUEUE_STATES = (ReleaseState.IN_REVIEW, ReleaseState.APPROVED, ReleaseState.SCHEDULED, ReleaseState.DRAFT,
                ReleaseState.PUBLISHED, ReleaseState.RETRACTED)
QUEUE_LIMIT = 50


@bp.route("/alur")
@permission_required("release.write")
def queue():
    """Releases by workflow state, those of the user's units: what waits for review, approval,
    embargo; the latest published. The central editor sees the central queue first."""
    groups = [(state, workflow.releases_in_state(db.session, state, current_user, limit=QUEUE_LIMIT))
              for state in QUEUE_STATES]
    central = workflow.central_queue(db.session, limit=QUEUE_LIMIT) if may("release.publish") else None
    return render_template("releases/queue.html", groups=groups, central=central)


@bp.route("/<id:release_id>/riwayat")
@permission_required("release.read_published")
def history(release_id: int):
    release = db.session.get(Release, release_id) or abort(404)
    if not may_read_release(release):
        abort(403)
    return render_template("releases/workflow.html", release=release)
