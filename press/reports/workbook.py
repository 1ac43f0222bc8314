"""The monthly report as an XLSX workbook (openpyxl): a sheet "Ringkasan" with one row per
contract and the totals, a sheet per partner with its pieces and the placements not
counted, and a sheet "Kliping". Amounts are numbers in the Rupiah format, dates are dates,
totals are values (the sums of the rows above them), so the finance officer's own formulas
work on every cell. ``label(member)`` writes a state, verdict or proof kind (the caller's labels)."""
from __future__ import annotations

import io
import re
from collections.abc import Callable

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from press.codes import PlacementState, ProofVerdict
from press.dates import month_label

from .monthly import NO_CONTRACT, OVER_QUOTA, Report, code_text, proof_text

RUPIAH = '"Rp" #,##0'
DAY = "DD/MM/YYYY"
BOLD = Font(bold=True)
SHEET_NAME_MAX = 31
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SUMMARY_HEADINGS = ("Mitra", "Kontrak", "Tarif per tayang", "Kuota", "Terpakai sebelumnya", "Dihitung",
                    "Melebihi kuota", "Ditolak", "Menunggu verifikasi", "Belum ada bukti", "Jumlah")
SUMMED = range(6, 12)
"""The summary's columns (1-based) the total row adds up: counts and the amount."""
SUMMARY_AMOUNT_COLUMNS = (3, 11)
APART_REASONS = {OVER_QUOTA: "Melebihi kuota", NO_CONTRACT: "Tanpa kontrak"}


def _sheet_name(name: str, taken: set[str]) -> str:
    base = SHEET_NAME_FORBIDDEN.sub(" ", name).strip().strip("'")[:SHEET_NAME_MAX] or "Mitra"
    candidate, n = base, 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate, n = base[:SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def _heading(sheet, row: int, headings) -> None:
    for column, text in enumerate(headings, start=1):
        sheet.cell(row, column, text).font = BOLD


def _widths(sheet, widths) -> None:
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _summary(sheet, report: Report, title: str) -> None:
    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=13)
    _heading(sheet, 3, SUMMARY_HEADINGS)
    row = 4
    for partner, line in report.lines:
        contract = line.contract
        values = (partner.partner.name, contract.number if contract else "Tanpa kontrak",
                  contract.rate if contract else None, contract.quota if contract else None, line.used_before,
                  line.counted, line.beyond, line.rejected, line.waiting, line.without_proof, line.amount)
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column, value)
        row += 1
    sheet.cell(row, 1, "Jumlah").font = BOLD
    for column in SUMMED:
        total = sum(sheet.cell(r, column).value or 0 for r in range(4, row))
        sheet.cell(row, column, total).font = BOLD
    for r in range(4, row + 1):
        for column in SUMMARY_AMOUNT_COLUMNS:
            sheet.cell(r, column).number_format = RUPIAH
    sheet.cell(row + 2, 1, "Kliping (tidak dibayar)")
    sheet.cell(row + 2, 6, len(report.clippings))
    sheet.cell(row + 3, 1, "Jumlah bruto; pajak dihitung oleh bagian keuangan.")
    _widths(sheet, (26, 24, 16, 8, 12, 10, 12, 10, 12, 12, 16))


def _placement_rows(sheet, row: int, title: str, headings, rows: list, values) -> int:
    """A titled table of ``rows`` (each written by ``values``) from ``row``; the row after it."""
    if not rows:
        return row
    sheet.cell(row, 1, title).font = BOLD
    _heading(sheet, row + 1, headings)
    row += 2
    for item in rows:
        for column, value in enumerate(values(item), start=1):
            cell = sheet.cell(row, column, value)
            if hasattr(value, "isoformat"):
                cell.number_format = DAY
        row += 1
    return row + 1


def _partner(sheet, partner, report: Report, label) -> None:
    sheet["A1"] = partner.partner.name
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = partner.partner.legal_name
    sheet["A3"] = month_label(report.month.year, report.month.month)
    row = 5
    sheet.cell(row, 1, "Tayangan yang dibayar").font = BOLD
    _heading(sheet, row + 1, ("No. dalam kontrak", "Kontrak", "Siaran", "Tanggal tayang", "Bukti", "Keputusan",
                              "Jumlah"))
    row += 2
    first = row
    for piece in partner.counted:
        line = next(item for item in partner.lines if item.contract and item.contract.id == piece.placement.contract_id)
        values = (piece.number, line.contract.number, piece.placement.release_title, piece.placement.published_on,
                  proof_text(piece.placement, label), code_text(label, ProofVerdict, piece.placement.verdict), piece.amount)
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column, value)
        sheet.cell(row, 4).number_format = DAY
        sheet.cell(row, 7).number_format = RUPIAH
        row += 1
    sheet.cell(row, 1, "Jumlah").font = BOLD
    total = sheet.cell(row, 7, sum(piece.amount for piece in partner.counted))
    total.font, total.number_format = BOLD, RUPIAH
    sheet.cell(row, 2, row - first)
    row += 2
    row = _placement_rows(
        sheet, row, "Tidak dihitung: melebihi kuota atau tanpa kontrak",
        ("No. dalam kontrak", "Alasan", "Siaran", "Tanggal tayang", "Bukti"),
        partner.apart, lambda piece: (piece.number, APART_REASONS[piece.apart], piece.placement.release_title,
                                      piece.placement.published_on, proof_text(piece.placement, label)))
    row = _placement_rows(sheet, row, "Ditolak", ("Siaran", "Tenggat", "Keputusan", "Alasan"), partner.rejected,
                          lambda item: (item.release_title, item.due_on, code_text(label, ProofVerdict, item.verdict),
                                        item.rejection_reason or ""))
    row = _placement_rows(sheet, row, "Menunggu verifikasi", ("Siaran", "Tenggat", "Bukti", "Usulan pemeriksaan"),
                          partner.waiting, lambda item: (item.release_title, item.due_on, proof_text(item, label),
                                                         code_text(label, ProofVerdict, item.check_verdict)))
    _placement_rows(sheet, row, "Belum ada bukti tayang", ("Siaran", "Tenggat", "Status"), partner.without_proof,
                    lambda item: (item.release_title, item.due_on, code_text(label, PlacementState, item.state)))
    _widths(sheet, (14, 24, 48, 14, 40, 16, 16))


def _clippings(sheet, report: Report) -> None:
    sheet["A1"] = "Kliping (liputan tanpa bayar)"
    sheet["A1"].font = BOLD
    _heading(sheet, 3, ("Media", "Siaran", "Tanggal tayang", "Alamat", "Kemiripan"))
    for row, clipping in enumerate(report.clippings, start=4):
        for column, value in enumerate((clipping.outlet, clipping.release_title, clipping.published_on, clipping.url,
                                        clipping.similarity), start=1):
            sheet.cell(row, column, value)
        sheet.cell(row, 3).number_format = DAY
        sheet.cell(row, 5).number_format = "0%"
    _widths(sheet, (24, 48, 14, 48, 10))


def build_xlsx(report: Report, *, title: str, label: Callable[[str], str] = str) -> bytes:
    """The workbook's bytes; ``title`` heads the summary ("Laporan Bulanan Mitra Media …")."""
    book = Workbook()
    summary = book.active
    summary.title = "Ringkasan"
    _summary(summary, report, title)
    taken = {"ringkasan", "kliping"}
    for partner in report.partners:
        _partner(book.create_sheet(_sheet_name(partner.partner.name, taken)), partner, report, label)
    _clippings(book.create_sheet("Kliping"), report)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
