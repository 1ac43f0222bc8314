"""The monthly report of media partners for a unit (and the units below it) or the whole
office: reads the placements, contracts and clippings and hands them, as plain rows, to
``press.reports.monthly`` (the rules, ``docs/partners.md``).

Who may read it is ``report.read``: the admin and the central editors for any unit or the
whole office, a unit editor for their own unit and the units below it (without a unit,
their unit's report). The command line runs as the system.
"""
from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from press import permissions
from press.dates import month_label, office_today
from press.errors import N_
from press.models import Clipping, Contract, Partner, Placement, Release, Unit, User
from press.reports.letter import Signer, build_letter
from press.reports.monthly import (ClippingRow, ContractRow, Month, PartnerRow, PlacementRow, Report, ReportError,
                                   compute, parse_month)

from . import access, units
from . import partners as partner_services

PERMISSION = "report.read"
NO_UNIT = N_("Unit %(id)s tidak ada; pilih unit dari daftar.")
NO_PARTNER = N_("Mitra media %(id)s tidak ada; pilih mitra dari daftar.")
TITLE = "Laporan Bulanan Mitra Media"
"""The documents' title: they go into an Indonesian payment file, whoever downloads them."""


def _unit(session: Session, actor: User | None, unit_id: int | None) -> Unit | None:
    """The unit asked for; a unit editor asking for none gets their own."""
    if unit_id is None and actor is not None and permissions.scope(actor.role, PERMISSION) is permissions.Scope.UNIT:
        if actor.unit_id is None:
            access.require(session, actor, PERMISSION, access.NO_UNIT)
        unit_id = actor.unit_id
    if unit_id is None:
        access.require_user(session, actor, PERMISSION)
        return None
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise ReportError(NO_UNIT, id=unit_id)
    access.require_user(session, actor, PERMISSION, unit)
    return unit


def choices(session: Session, actor: User) -> tuple[list[Unit], list[Partner], bool]:
    """The units ``actor`` may read the report of (all, or their unit and those below
    it), every partner, and whether they may read the whole office's."""
    everywhere = permissions.scope(actor.role, PERMISSION) is permissions.Scope.ALL
    query = select(Unit).order_by(Unit.name)
    if not everywhere:
        query = query.where(Unit.id.in_(units.below(session, actor.unit_id) if actor.unit_id else ()))
    return list(session.scalars(query)), partner_services.all_partners(session), everywhere


def _partner(session: Session, partner_id: int | None) -> Partner | None:
    if partner_id is None:
        return None
    partner = session.get(Partner, partner_id)
    if partner is None:
        raise ReportError(NO_PARTNER, id=partner_id)
    return partner


def _placement_row(placement: Placement, shown: bool) -> PlacementRow:
    latest = next((check for check in reversed(placement.checks) if check.done), None)
    return PlacementRow(
        id=placement.id, partner_id=placement.partner_id, contract_id=placement.contract_id,
        release_title=placement.release.title, due_on=placement.due_on, state=placement.state,
        published_on=placement.published_on, verdict=placement.verdict,
        check_verdict=latest.verdict if latest else None, similarity=latest.similarity if latest else None,
        proof_url=placement.proof_url, proof_files=tuple(proof.kind for proof in placement.files),
        rejection_reason=placement.rejection_reason, shown=shown)


def monthly(session: Session, actor: User | None, month: Month | str, *, unit_id: int | None = None,
            partner_id: int | None = None) -> Report:
    """The report of ``month`` (a :class:`Month` or ``YYYY-MM``) for ``unit_id`` (none: the
    whole office) and ``partner_id`` (none: every partner)."""
    month = month if isinstance(month, Month) else parse_month(month)
    unit = _unit(session, actor, unit_id)
    partner = _partner(session, partner_id)
    reached = units.below(session, unit.id) if unit is not None else None

    def shown(release: Release, partner_of_row: int | None = None) -> bool:
        in_unit = reached is None or access.unit_of(release) in reached
        return in_unit and (partner is None or partner_of_row is None or partner_of_row == partner.id)

    placements = session.scalars(
        select(Placement).where(or_(Placement.due_on <= month.last, Placement.published_on <= month.last))
        .options(selectinload(Placement.checks), selectinload(Placement.files), selectinload(Placement.release))
        .order_by(Placement.id)).all()
    rows = [_placement_row(p, shown(p.release, p.partner_id)) for p in placements]
    partner_ids = {row.partner_id for row in rows}
    partners = session.scalars(select(Partner).where(Partner.id.in_(partner_ids))).all() if partner_ids else []
    contracts = session.scalars(select(Contract).where(Contract.partner_id.in_(partner_ids))).all() if partner_ids else []
    clippings = session.scalars(
        select(Clipping).where(Clipping.published_on >= month.first, Clipping.published_on <= month.last)
        .options(selectinload(Clipping.checks), selectinload(Clipping.release)).order_by(Clipping.id)).all()
    return compute(
        month,
        [PartnerRow(p.id, p.name, p.legal_name) for p in partners],
        [ContractRow(c.id, c.partner_id, c.number, c.starts_on, c.ends_on, c.rate, c.quota, c.value) for c in contracts],
        rows,
        [ClippingRow(c.id, c.outlet.name, c.release.title, c.url, c.published_on,
                     c.latest_check.similarity if c.latest_check else None)
         for c in clippings if partner is None and shown(c.release)],
        unit=unit.name if unit is not None else None)


def filename(report: Report, extension: str) -> str:
    return f"laporan-bulanan-{report.month}.{extension}"


def workbook(report: Report, label=str) -> bytes:
    """The XLSX; ``label(member)`` writes states, verdicts and proof kinds.

    openpyxl (0.15 s of CPU to import) is imported here, by the export alone: every web, job
    and command process imports this module."""
    from press.reports.workbook import build_xlsx

    return build_xlsx(report, title=f"{TITLE} {month_label(report.month.year, report.month.month)}"
                      + (f" — {report.unit}" if report.unit else ""), label=label)


def letter(report: Report, config, label=str, signed_on=None) -> bytes:
    """The DOCX on the letterhead, signed by the configured signer (``REPORT_*``) today."""
    signer = Signer(config.get("REPORT_PLACE", ""), config.get("REPORT_SIGNER_TITLE", ""),
                    config.get("REPORT_SIGNER_NAME", ""), config.get("REPORT_SIGNER_NIP", ""))
    return build_letter(report, title=TITLE, signer=signer, signed_on=signed_on or office_today(),
                        office=config.get("OFFICE_NAME", ""), label=label)
