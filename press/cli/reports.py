"""``flask report month YYYY-MM [--unit ID] [--partner ID] [--xlsx FILE] [--docx FILE] [--json]``:
the monthly report of media partners (``docs/partners.md``), run as the system."""
from __future__ import annotations

import json
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from press.errors import ServiceError
from press.extensions import db
from press.numbers import rupiah
from press.reports.monthly import ReportError, as_dict, parse_month
from press.services import monthly_report

from .language import label, refusal_text
from .params import DATABASE_ID


@click.group("report", cls=AppGroup)
def report_group() -> None:
    """Reports: the monthly accountability report of media partners."""


class MonthParam(click.ParamType):
    name = "YYYY-MM"

    def convert(self, value, param, ctx):
        try:
            return parse_month(value)
        except ReportError as exc:
            self.fail(refusal_text(exc), param, ctx)


def _summary(report) -> list[str]:
    lines = [f"{monthly_report.TITLE} {report.month}" + (f" — {report.unit}" if report.unit else "")]
    for partner, line in report.lines:
        contract = line.contract.number if line.contract else "tanpa kontrak"
        lines.append(f"  {partner.partner.name:24} {contract:24} dihitung {line.counted:3}  melebihi kuota "
                     f"{line.beyond:2}  ditolak {line.rejected:2}  menunggu {line.waiting:2}  tanpa bukti "
                     f"{line.without_proof:2}  {rupiah(line.amount):>16}")
    lines.append(f"  {'Jumlah':49} dihitung {report.total('counted'):3}{'':64}{rupiah(report.total('amount')):>16}")
    lines.append(f"  Kliping (tidak dibayar): {len(report.clippings)}")
    return lines


@report_group.command("month")
@click.argument("month", type=MonthParam())
@click.option("--unit", "unit_id", type=DATABASE_ID, default=None, help="Only this unit and the units below it.")
@click.option("--partner", "partner_id", type=DATABASE_ID, default=None, help="Only this partner.")
@click.option("--xlsx", "xlsx_path", type=click.Path(dir_okay=False, writable=True, path_type=Path), default=None,
              help="Write the workbook here.")
@click.option("--docx", "docx_path", type=click.Path(dir_okay=False, writable=True, path_type=Path), default=None,
              help="Write the letter on the office letterhead here.")
@click.option("--json", "as_json", is_flag=True, help="The report as one JSON object (codes, whole rupiah).")
def month_command(month, unit_id, partner_id, xlsx_path, docx_path, as_json) -> None:
    """The report of MONTH (YYYY-MM): per partner the pieces counted against each contract's
    quota, the amount due, what was not counted, the clippings."""
    try:
        report = monthly_report.monthly(db.session, None, month, unit_id=unit_id, partner_id=partner_id)
    except ServiceError as exc:
        raise click.UsageError(refusal_text(exc)) from exc
    if xlsx_path is not None:
        xlsx_path.write_bytes(monthly_report.workbook(report, label))
    if docx_path is not None:
        docx_path.write_bytes(monthly_report.letter(report, current_app.config, label))
    if as_json:
        click.echo(json.dumps(as_dict(report), ensure_ascii=False))
        return
    for line in _summary(report):
        click.echo(line)
    for path in (xlsx_path, docx_path):
        if path is not None:
            click.echo(f"Ditulis: {path}")
