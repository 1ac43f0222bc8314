"""``/staf/laporan/bulanan``: the monthly report of media partners with its filters (month,
unit, partner) and its downloads as XLSX and DOCX, written in Indonesian whatever the
page's language (they go into the payment file). A month that is not ``YYYY-MM``, a unit or
partner that does not exist: the page with the reason, 400; a month with nothing: the
empty report."""
from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request
from flask_babel import force_locale
from flask_login import current_user

from press.codes import PlacementState, ProofVerdict
from press.dates import office_today
from press.extensions import db
from press.numbers import parse_id
from press.reports.monthly import Month, ReportError, code_text, proof_text
from press.services import monthly_report

from . import labels
from .downloads import as_download
from .access import permission_required

bp = Blueprint("reports", __name__, url_prefix="/staf/laporan")

DOCUMENT_LOCALE = "id"
MIME = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
ID_ARGS = {"unit": monthly_report.NO_UNIT, "mitra": monthly_report.NO_PARTNER}


def _id_arg(name: str) -> int | None:
    """An id from the query string: empty is none; anything else that is no id names nothing."""
    value = request.args.get(name, "").strip()
    if not value:
        return None
    number = parse_id(value)
    if number is None:
        raise ReportError(ID_ARGS[name], id=value[:40])
    return number


def _month_arg() -> str:
    return request.args.get("bulan") or str(Month.of(office_today()))


def _report():
    return monthly_report.monthly(db.session, current_user, _month_arg(), unit_id=_id_arg("unit"),
                                  partner_id=_id_arg("mitra"))


def _page(report=None, error: ReportError | None = None):
    units, partners, everywhere = monthly_report.choices(db.session, current_user)
    return render_template("reports/monthly.html", report=report, error=error and labels.error_text(error),
                           units=units, partners=partners, everywhere=everywhere, args=request.args,
                           month_value=_month_arg(), proof=lambda row: proof_text(row, labels.label),
                           verdict=lambda code: code_text(labels.label, ProofVerdict, code),
                           placement_state=lambda code: code_text(labels.label, PlacementState, code)), 400 if error else 200


@bp.route("/bulanan")
@permission_required("report.read")
def monthly():
    try:
        return _page(_report())
    except ReportError as exc:
        return _page(error=exc)


@bp.route("/bulanan.<any(xlsx, docx):extension>")
@permission_required("report.read")
def download(extension: str):
    try:
        report = _report()
    except ReportError as exc:
        return _page(error=exc)
    with force_locale(DOCUMENT_LOCALE):
        data = (monthly_report.workbook(report, labels.label) if extension == "xlsx"
                else monthly_report.letter(report, current_app.config, labels.label))
    name = monthly_report.filename(report, extension)
    return as_download(Response(data, mimetype=MIME[extension]), name, name)
