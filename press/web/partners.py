"""The media partners desk (``/staf/mitra``): partners (an outlet of the register with its
legal entity, address and contact), their contracts, and the CSV import that adds many at
once (all or nothing, each refused line with its number). ``partner.edit``: the central
editors and the admin."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from press.extensions import db
from press.models import Contract, Partner, Unit
from press.services import partner_import, partners
from press.services.partner_import import ImportRefused

from . import links
from .access import permission_required
from .labels import error_text
from .service_calls import committed
from .partner_forms import ContractForm, ImportForm, PartnerForm

bp = Blueprint("partners", __name__, url_prefix="/staf/mitra")


def _unit_choices(form: ContractForm) -> ContractForm:
    form.units.choices = [(str(unit.id), unit.name) for unit in db.session.scalars(select(Unit).order_by(Unit.name))]
    return form


def _index(form: PartnerForm | None = None, problems=None, status: int = 200):
    return render_template("partners/index.html", partners=partners.all_partners(db.session),
                           form=form or PartnerForm(formdata=None), import_form=ImportForm(formdata=None),
                           problems=problems, columns=partner_import.COLUMNS,
                           required=partner_import.REQUIRED), status


def _flash_errors(form) -> None:
    for errors in form.errors.values():
        for error in errors:
            flash(error, "error")


@bp.route("/")
@permission_required("partner.edit")
def index():
    return _index()


@bp.route("/baru", methods=["POST"])
@permission_required("partner.edit")
def new():
    form = PartnerForm()
    if form.validate_on_submit():
        saved = committed(lambda: partners.save_partner(db.session, current_user, form.data_values()))
        if saved:
            flash(_("Mitra %(name)s disimpan.", name=saved.name), "info")
            return redirect(links.staff_url("partner", saved))
    else:
        _flash_errors(form)
    return _index(form, status=400)


@bp.route("/impor", methods=["POST"])
@permission_required("partner.edit")
def import_csv():
    form = ImportForm()
    if not form.validate_on_submit():
        _flash_errors(form)
        return _index(status=400)
    upload = request.files.get("file")
    data = upload.stream.read(partner_import.MAX_BYTES + 1) if upload is not None else b""
    try:
        added = partner_import.import_partners(db.session, current_user, data)
    except ImportRefused as refused:
        db.session.rollback()
        return _index(problems=(error_text(refused), [(p.line, gettext(p.message, **p.params))
                                                      for p in refused.problems]), status=400)
    db.session.commit()
    flash(_("%(count)d mitra diimpor.", count=len(added)), "info")
    return redirect(url_for("partners.index"))


@bp.route("/<id:partner_id>", methods=["GET", "POST"])
@permission_required("partner.edit")
def edit(partner_id: int):
    partner = db.session.get(Partner, partner_id) or abort(404)
    form = PartnerForm(formdata=None, obj=partner) if request.method == "GET" else PartnerForm()
    if request.method == "GET":
        form.outlet_name.data, form.outlet_kind.data = partner.outlet.name, partner.outlet.kind
        form.site_url.data = partner.outlet.site_url
    elif form.validate_on_submit():
        if committed(lambda: partners.save_partner(db.session, current_user, form.data_values(), partner)):
            flash(_("Mitra %(name)s disimpan.", name=partner.name), "info")
            return redirect(links.staff_url("partner", partner))
    else:
        _flash_errors(form)
    return render_template("partners/partner.html", partner=partner, form=form,
                           contract_form=_unit_choices(ContractForm(formdata=None))), \
        400 if request.method == "POST" else 200


@bp.route("/<id:partner_id>/kontrak", methods=["POST"])
@permission_required("partner.edit")
def new_contract(partner_id: int):
    partner = db.session.get(Partner, partner_id) or abort(404)
    form = _unit_choices(ContractForm())
    if form.validate_on_submit():
        saved = committed(lambda: partners.save_contract(db.session, current_user, partner, form.data_values()))
        if saved:
            flash(_("Kontrak %(number)s disimpan.", number=saved.number), "info")
            return redirect(links.staff_url("partner", partner))
    else:
        _flash_errors(form)
    return render_template("partners/partner.html", partner=partner, form=PartnerForm(formdata=None, obj=partner),
                           contract_form=form), 400


@bp.route("/kontrak/<id:contract_id>", methods=["GET", "POST"])
@permission_required("partner.edit")
def contract(contract_id: int):
    found = db.session.get(Contract, contract_id) or abort(404)
    if request.method == "GET":
        form = _unit_choices(ContractForm(formdata=None, obj=found))
        form.value.data, form.rate.data, form.quota.data = str(found.value), str(found.rate), str(found.quota)
        form.due_days.data, form.tolerance_days.data = str(found.due_days), str(found.tolerance_days)
        form.units.data = [str(unit.id) for unit in found.units]
        return render_template("partners/contract.html", contract=found, form=form)
    form = _unit_choices(ContractForm())
    if form.validate_on_submit():
        if committed(lambda: partners.save_contract(db.session, current_user, found.partner, form.data_values(),
                                                    found)):
            flash(_("Kontrak %(number)s disimpan.", number=found.number), "info")
            return redirect(links.staff_url("partner", found.partner))
    else:
        _flash_errors(form)
    return render_template("partners/contract.html", contract=found, form=form), 400


bp.add_app_template_filter(partners.rupiah, "rupiah")


@bp.app_context_processor
def partner_helpers():
    return {"max_import_mb": partner_import.MAX_BYTES // 2**20}


links.register("partner", Partner, staff=("partners.edit", "partner_id"))
links.register("contract", Contract, staff=("partners.contract", "contract_id"))
