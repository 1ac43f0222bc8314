"""Staff side of the release workflow: the action buttons, the POST that applies one, the history.

The staff release page (``releases/view.html``) includes ``releases/_workflow_actions.html`` and
``releases/_history.html``; both need only ``release`` (the template globals below give
them the moves the signed-in user may make and the audit events). The POST parses the
form, calls ``press.services.workflow.apply`` and commits; the service decides what is
allowed.
"""
from __future__ import annotations

from datetime import datetime

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.routing import BuildError

from press import dates
from press.errors import ServiceError
from press.extensions import db
from press.models import Release
from press.services import workflow
from press.services.releases import LIMITS

from .i18n import current_locale
from .roles import roles_required

bp = Blueprint("workflow", __name__, url_prefix="/staf/siaran")

STATE_LABELS = {
    "draft": _l("Draf"),
    "in_review": _l("Ditinjau"),
    "approved": _l("Disetujui"),
    "scheduled": _l("Dijadwalkan"),
    "published": _l("Terbit"),
    "retracted": _l("Ditarik"),
}

ACTION_LABELS = {
    "submit": _l("Ajukan untuk ditinjau"),
    "send_back": _l("Kembalikan ke penulis"),
    "approve": _l("Setujui"),
    "publish": _l("Terbitkan sekarang"),
    "schedule": _l("Jadwalkan (embargo)"),
    "unschedule": _l("Batalkan jadwal"),
    "correct": _l("Terbitkan koreksi"),
    "retract": _l("Tarik siaran"),
    "publish_due": _l("Terbit otomatis (embargo berakhir)"),
}

# Actions that cannot be undone by a button on the same page ask for confirmation.
CONFIRM = {
    "publish": _l("Terbitkan siaran ini sekarang? Siaran langsung tampil di situs publik."),
    "retract": _l("Tarik siaran ini? Halamannya akan diganti pemberitahuan penarikan."),
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
    return {"STATE_LABELS": STATE_LABELS, "ACTION_LABELS": ACTION_LABELS, "WORKFLOW_CONFIRM": CONFIRM,
            "RELEASE_LIMITS": LIMITS}


def release_page(release: Release) -> str:
    """The staff release page (``press.web.releases``) when registered, else the history page here."""
    for endpoint in ("releases.view", "releases.show", "releases.edit"):
        if endpoint in current_app.view_functions:
            try:
                return url_for(endpoint, release_id=release.id)
            except BuildError:
                continue
    return url_for("workflow.history", release_id=release.id)


@bp.route("/<int:release_id>/alur", methods=["POST"])
@roles_required("writer", "editor")
def transition(release_id: int):
    release = db.session.get(Release, release_id) or abort(404)
    action = request.form.get("action", "")
    try:
        at = workflow.parse_time(request.form["at"]) if request.form.get("at", "").strip() else None
        text = None
        if action == "correct" and any(request.form.get(f) is not None for f in workflow.TEXT_FIELDS):
            text = {f: request.form[f] for f in workflow.TEXT_FIELDS if request.form.get(f) is not None}
        version = request.form.get("version", "")
        workflow.apply(
            db.session, release, action, current_user,
            at=at, comment=request.form.get("comment"), notice=request.form.get("notice"),
            note=request.form.get("note"), text=text,
            expected_version=int(version) if version.isdigit() else None,
        )
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        flash(_(exc.message, **exc.params), "error")
        if action == "correct":
            # The correction typed (perhaps a long text) is shown back, not lost.
            typed = {f: request.form.get(f) for f in (*workflow.TEXT_FIELDS, "note") if request.form.get(f) is not None}
            release = db.session.get(Release, release_id)
            return render_template("releases/workflow.html", release=release, refused=typed), 400
        return redirect(release_page(release))
    flash(_("Siaran kini berstatus: %(state)s.", state=STATE_LABELS[release.state]), "success")
    return redirect(release_page(release))


QUEUE_STATES = ("in_review", "approved", "scheduled", "draft", "published", "retracted")
QUEUE_LIMIT = 50


@bp.route("/alur")
@roles_required("writer", "editor")
def queue():
    """Releases by workflow state: what waits for review, approval, embargo; the latest published."""
    groups = [(state, workflow.releases_in_state(db.session, state, limit=QUEUE_LIMIT)) for state in QUEUE_STATES]
    return render_template("releases/queue.html", groups=groups, release_page=release_page)


@bp.route("/<int:release_id>/riwayat")
@roles_required("writer", "editor", "photographer")
def history(release_id: int):
    release = db.session.get(Release, release_id) or abort(404)
    return render_template("releases/workflow.html", release=release)
