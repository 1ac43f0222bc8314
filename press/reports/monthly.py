"""The monthly accountability report of media partners, computed from plain rows.

The rules are ``docs/partners.md`` ("Laporan bulanan"): a piece counts in the month of its
verified publication date; a contract's pieces are numbered over the whole contract (all
units, all months) and those above its quota are listed apart with no amount; each month
pays its pieces at the contract's rate (gross, whole rupiah); rejected placements of the
month, those waiting for a verdict or a proof, and the month's clippings are shown, not
counted. No Flask, no models: the service reads the rows, this module decides.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from press.codes import PlacementState, ProofKind
from press.errors import N_, ServiceError

MONTH_RE = re.compile(r"([0-9]{4})-([0-9]{2})")
FIRST_YEAR, LAST_YEAR = 2000, 2100
OVER_QUOTA = "over_quota"
NO_CONTRACT = "no_contract"
WAITING_STATES = (PlacementState.SENT, PlacementState.LATE, PlacementState.PROOF_RECEIVED)


class ReportError(ServiceError):
    """The report cannot be made as asked (a month or unit that names nothing)."""


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        following = date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - timedelta(days=1)

    def holds(self, day: date | None) -> bool:
        return day is not None and self.first <= day <= self.last

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def of(cls, day: date) -> "Month":
        return cls(day.year, day.month)


def parse_month(text: str | None) -> Month:
    """``YYYY-MM`` (2000 … 2100) as a :class:`Month`; anything else refused with the reason."""
    match = MONTH_RE.fullmatch((text or "").strip())
    if match is None or not 1 <= int(match.group(2)) <= 12 or not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        raise ReportError(N_("“%(month)s” bukan bulan; tulis tahun dan bulan seperti 2025-11 (tahun %(first)d–"
                             "%(last)d)."), month=(text or "")[:40], first=FIRST_YEAR, last=LAST_YEAR)
    return Month(int(match.group(1)), int(match.group(2)))


@dataclass(frozen=True)
class PartnerRow:
    id: int
    name: str
    legal_name: str = ""


@dataclass(frozen=True)
class ContractRow:
    id: int
    partner_id: int
    number: str
    starts_on: date
    ends_on: date
    rate: int
    quota: int
    value: int = 0


@dataclass(frozen=True)
class PlacementRow:
    """One placement as the report reads it; ``shown`` is false for placements outside the
    report's unit or partner, read only to number their contract's pieces."""

    id: int
    partner_id: int
    contract_id: int | None
    release_title: str
    due_on: date
    state: str
    published_on: date | None = None
    verdict: str | None = None
    check_verdict: str | None = None
    similarity: float | None = None
    proof_url: str | None = None
    proof_files: tuple[str, ...] = ()
    rejection_reason: str | None = None
    shown: bool = True

    @property
    def has_proof(self) -> bool:
        return bool(self.proof_url or self.proof_files)


@dataclass(frozen=True)
class ClippingRow:
    id: int
    outlet: str
    release_title: str
    url: str
    published_on: date
    similarity: float | None = None


@dataclass(frozen=True)
class Piece:
    """A verified piece of the month: its number in its contract and what it is paid
    (nothing when ``apart``: ``over_quota`` or ``no_contract``)."""

    placement: PlacementRow
    number: int | None
    amount: int
    apart: str | None = None


@dataclass
class ContractLine:
    """One contract's month; ``contract`` is ``None`` for a partner's placements with none."""

    contract: ContractRow | None
    used_before: int = 0
    counted: int = 0
    beyond: int = 0
    rejected: int = 0
    waiting: int = 0
    without_proof: int = 0
    amount: int = 0

    @property
    def remaining(self) -> int | None:
        if self.contract is None:
            return None
        return max(self.contract.quota - self.used_before - self.counted, 0)


@dataclass
class PartnerReport:
    partner: PartnerRow
    lines: list[ContractLine] = field(default_factory=list)
    counted: list[Piece] = field(default_factory=list)
    apart: list[Piece] = field(default_factory=list)
    rejected: list[PlacementRow] = field(default_factory=list)
    waiting: list[PlacementRow] = field(default_factory=list)
    without_proof: list[PlacementRow] = field(default_factory=list)

    @property
    def amount(self) -> int:
        return sum(line.amount for line in self.lines)


@dataclass
class Report:
    month: Month
    unit: str | None = None
    partners: list[PartnerReport] = field(default_factory=list)
    clippings: list[ClippingRow] = field(default_factory=list)

    @property
    def lines(self) -> list[tuple[PartnerReport, ContractLine]]:
        return [(partner, line) for partner in self.partners for line in partner.lines]

    def total(self, attribute: str) -> int:
        """The sum over every contract line of ``attribute`` (``counted``, ``amount`` …)."""
        return sum(getattr(line, attribute) for _, line in self.lines)

    @property
    def empty(self) -> bool:
        return not self.partners and not self.clippings


def _numbered(placements: list[PlacementRow], month: Month) -> dict[int, int]:
    """Each verified piece published up to the month's end: its number in its contract."""
    by_contract: dict[int, list[PlacementRow]] = defaultdict(list)
    for row in placements:
        if (row.state == PlacementState.VERIFIED and row.contract_id is not None and row.published_on is not None
                and row.published_on <= month.last):
            by_contract[row.contract_id].append(row)
    numbers = {}
    for rows in by_contract.values():
        for number, row in enumerate(sorted(rows, key=lambda r: (r.published_on, r.id)), start=1):
            numbers[row.id] = number
    return numbers


def _used_before(placements: list[PlacementRow], month: Month) -> dict[int, int]:
    used: dict[int, int] = defaultdict(int)
    for row in placements:
        if (row.state == PlacementState.VERIFIED and row.contract_id is not None and row.published_on is not None
                and row.published_on < month.first):
            used[row.contract_id] += 1
    return used


def compute(month: Month, partners: list[PartnerRow], contracts: list[ContractRow], placements: list[PlacementRow],
            clippings: list[ClippingRow] = (), *, unit: str | None = None) -> Report:
    """The report of ``month``: ``placements`` holds every placement up to the month's end
    whose contract or partner the report may show (``shown`` marks those it does)."""
    contract_of = {c.id: c for c in contracts}
    numbers = _numbered(placements, month)
    used_before = _used_before(placements, month)
    reports: dict[int, PartnerReport] = {}
    lines: dict[tuple[int, int | None], ContractLine] = {}

    def line_of(row: PlacementRow) -> tuple[PartnerReport, ContractLine]:
        partner = reports.get(row.partner_id)
        if partner is None:
            partner = reports[row.partner_id] = PartnerReport(next(p for p in partners if p.id == row.partner_id))
        key = (row.partner_id, row.contract_id)
        if key not in lines:
            contract = contract_of.get(row.contract_id)
            lines[key] = ContractLine(contract, used_before=used_before.get(row.contract_id, 0) if contract else 0)
            partner.lines.append(lines[key])
        return partner, lines[key]

    for row in sorted(placements, key=lambda r: (r.published_on or r.due_on, r.id)):
        if not row.shown:
            continue
        if row.state == PlacementState.VERIFIED and month.holds(row.published_on):
            partner, line = line_of(row)
            piece = _piece(row, line.contract, numbers.get(row.id))
            if piece.apart:
                line.beyond += 1
                partner.apart.append(piece)
            else:
                line.counted += 1
                line.amount += piece.amount
                partner.counted.append(piece)
        elif row.state == PlacementState.REJECTED and month.holds(row.due_on):
            partner, line = line_of(row)
            line.rejected += 1
            partner.rejected.append(row)
        elif row.state in WAITING_STATES and row.due_on <= month.last:
            partner, line = line_of(row)
            if row.state == PlacementState.PROOF_RECEIVED:
                line.waiting += 1
                partner.waiting.append(row)
            else:
                line.without_proof += 1
                partner.without_proof.append(row)
    for partner in reports.values():
        partner.lines.sort(key=lambda line: (line.contract is None, line.contract.number if line.contract else ""))
    return Report(month=month, unit=unit, partners=sorted(reports.values(), key=lambda p: (p.partner.name, p.partner.id)),
                  clippings=sorted((c for c in clippings if month.holds(c.published_on)),
                                   key=lambda c: (c.published_on, c.id)))


def _piece(row: PlacementRow, contract: ContractRow | None, number: int | None) -> Piece:
    if contract is None or number is None:
        return Piece(row, None, 0, NO_CONTRACT)
    if number > contract.quota:
        return Piece(row, number, 0, OVER_QUOTA)
    return Piece(row, number, contract.rate)


def code_text(label, enum, value: str | None) -> str:
    """``value`` (a code of ``enum``) as ``label`` writes its member; empty for none."""
    return str(label(enum(value))) if value else ""


def proof_text(row: PlacementRow, label=str) -> str:
    """What proves a placement: its page address, or the kinds of its files."""
    return row.proof_url or ", ".join(code_text(label, ProofKind, kind) for kind in row.proof_files)


def as_dict(report: Report) -> dict:
    """The report as plain values (codes, ISO dates, whole rupiah): ``report month --json``."""
    def placement(row: PlacementRow) -> dict:
        return {"placement": row.id, "release": row.release_title, "due_on": row.due_on.isoformat(),
                "state": row.state, "published_on": row.published_on.isoformat() if row.published_on else None,
                "verdict": row.verdict, "check_verdict": row.check_verdict, "similarity": row.similarity,
                "proof_url": row.proof_url, "proof_files": list(row.proof_files),
                "rejection_reason": row.rejection_reason}

    def piece(p: Piece) -> dict:
        return {**placement(p.placement), "number": p.number, "amount": p.amount, "apart": p.apart}

    def line(item: ContractLine) -> dict:
        contract = item.contract
        return {"contract": contract.number if contract else None, "rate": contract.rate if contract else None,
                "quota": contract.quota if contract else None, "used_before": item.used_before,
                "counted": item.counted, "beyond_quota": item.beyond, "rejected": item.rejected,
                "waiting": item.waiting, "without_proof": item.without_proof, "amount": item.amount,
                "remaining": item.remaining}

    return {
        "month": str(report.month), "unit": report.unit,
        "partners": [{"partner": p.partner.name, "legal_name": p.partner.legal_name, "amount": p.amount,
                      "contracts": [line(item) for item in p.lines], "counted": [piece(x) for x in p.counted],
                      "apart": [piece(x) for x in p.apart], "rejected": [placement(x) for x in p.rejected],
                      "waiting": [placement(x) for x in p.waiting],
                      "without_proof": [placement(x) for x in p.without_proof]} for p in report.partners],
        "clippings": [{"clipping": c.id, "outlet": c.outlet, "release": c.release_title, "url": c.url,
                       "published_on": c.published_on.isoformat(), "similarity": c.similarity}
                      for c in report.clippings],
        "totals": {name: report.total(attr) for name, attr in (
            ("counted", "counted"), ("beyond_quota", "beyond"), ("rejected", "rejected"), ("waiting", "waiting"),
            ("without_proof", "without_proof"), ("amount", "amount"))} | {"clippings": len(report.clippings)},
    }
