"""Staff pages for handing releases out: the WhatsApp groups register, the ticks of the
groups a release was pasted into, and the unit's press contact card.

``/staf/whatsapp/`` (``whatsapp.groups``, editors): the register (add, change, take
out) and the length at which the WhatsApp text is cut. ``/staf/siaran/<id>/whatsapp``
(``whatsapp.record``): the ticks of a published release; the release page includes
``whatsapp/_release.html`` (copy buttons, the ticks, the groups still waiting) and the
release list shows how many groups still wait (``whatsapp_waiting``).
``/staf/admin/unit/<id>/kontak`` (``directory.manage``): the press contact card, a form
on the unit's admin page (``whatsapp/_contact_form.html``). Refusals answer 400 with the
service's reason.
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from press.errors import ServiceError
from press.extensions import db
from press.models import Release, Unit, WhatsAppGroup
from press.services import distribution, press_contact

from .access import may_read_release, permission_required
from .labels import error_text
from .links import staff_url

bp = Blueprint("distribution", __name__)


@bp.app_template_global()
def whatsapp_state(release: Release) -> dict:
    """The ticks of ``release`` and the groups still waiting for it."""
    return {"sends": distribution.sends(db.session, release), "pending": distribution.pending(db.session, release),
            "groups": distribution.groups(db.session)}


@bp.app_template_global()
def whatsapp_waiting(releases) -> dict[int, int]:
    return distribution.pending_counts(db.session, releases)


def _register(status: int = 200, error: str | None = None, form: dict | None = None, group=None):
    return render_template("whatsapp/groups.html", groups=distribution.groups(db.session),
                           cut_length=distribution.cut_length(db.session), error=error, form=form or {},
                           group=group, units=db.session.query(Unit).order_by(Unit.name).all()), status


@bp.route("/staf/whatsapp/")
@permission_required("whatsapp.groups")
def groups():
    return _register()


def _save(group: WhatsAppGroup | None):
    form = request.form
    try:
        saved = distribution.save_group(db.session, current_user, name=form.get("name"), admin=form.get("admin"),
                                        members=form.get("members"), unit_id=form.get("unit_id"), group=group)
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        return _register(400, error_text(exc), form.to_dict(), group)
    flash(_("Grup %(name)s tersimpan.", name=saved.name), "success")
    return redirect(url_for("distribution.groups"))


@bp.route("/staf/whatsapp/", methods=["POST"])
@permission_required("whatsapp.groups")
def add_group():
    return _save(None)


@bp.route("/staf/whatsapp/<id:group_id>", methods=["GET", "POST"])
@permission_required("whatsapp.groups")
def edit_group(group_id: int):
    group = db.session.get(WhatsAppGroup, group_id) or abort(404)
    if request.method == "POST":
        return _save(group)
    return _register(form={"name": group.name, "admin": group.admin or "", "members": group.members or "",
                           "unit_id": group.unit_id or ""}, group=group)


@bp.route("/staf/whatsapp/<id:group_id>/hapus", methods=["POST"])
@permission_required("whatsapp.groups")
def remove_group(group_id: int):
    group = db.session.get(WhatsAppGroup, group_id) or abort(404)
    distribution.remove_group(db.session, group, current_user)
    db.session.commit()
    flash(_("Grup %(name)s dikeluarkan dari daftar.", name=group.name), "success")
    return redirect(url_for("distribution.groups"))


@bp.route("/staf/whatsapp/panjang", methods=["POST"])
@permission_required("whatsapp.groups")
def cut_length():
    try:
        length = distribution.set_cut_length(db.session, request.form.get("cut_length"), current_user)
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        return _register(400, error_text(exc))
    flash(_("Teks WhatsApp kini dipotong pada %(length)s karakter.", length=length), "success")
    return redirect(url_for("distribution.groups"))


@bp.route("/staf/siaran/<id:release_id>/whatsapp", methods=["POST"])
@permission_required("whatsapp.record")
def record(release_id: int):
    release = db.session.get(Release, release_id) or abort(404)
    if not may_read_release(release):
        abort(403)
    try:
        distribution.record_sends(db.session, release, request.form.getlist("group"), current_user)
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        release = db.session.get(Release, release_id)
        return render_template("whatsapp/refused.html", release=release, refusal=error_text(exc)), 400
    flash(_("Catatan kirim WhatsApp tersimpan."), "success")
    return redirect(staff_url("release", release) + "#whatsapp")


@bp.route("/staf/admin/unit/<id:unit_id>/kontak", methods=["POST"])
@permission_required("directory.manage")
def contact(unit_id: int):
    unit = db.session.get(Unit, unit_id) or abort(404)
    form = request.form
    try:
        press_contact.set_contact(db.session, unit, current_user, name=form.get("contact_name"),
                                  role=form.get("contact_role"), phone=form.get("contact_phone"),
                                  whatsapp=form.get("contact_whatsapp"), email=form.get("contact_email"))
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        unit = db.session.get(Unit, unit_id)
        return render_template("whatsapp/contact_refused.html", unit=unit, refusal=error_text(exc),
                               contact_form=form.to_dict()), 400
    flash(_("Kontak pers unit tersimpan."), "success")
    return redirect(url_for("admin.unit_edit", unit_id=unit.id))
