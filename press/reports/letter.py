"""The monthly report as a Word document on the office letterhead, in the layout a finance
officer attaches to a payment file: the title and month, per partner its legal entity,
its contracts and a table of the pieces paid with their total, what was not counted, a
recapitulation of every partner with the grand total, and the signature block (place and
date the Indonesian way, the signer's title, name and NIP). Amounts are gross."""
from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from press.codes import PlacementState
from press.dates import letter_date, month_label, release_date
from press.drafting.docx import LETTERHEAD, letterhead_document
from press.numbers import rupiah

from .monthly import NO_CONTRACT, PartnerReport, Report, code_text, proof_text

PIECE_HEADINGS = ("No.", "Siaran", "Tanggal tayang", "Bukti tayang", "Kontrak (ke-)", "Jumlah")
SUMMARY_HEADINGS = ("No.", "Mitra media", "Badan usaha", "Tayangan dihitung", "Jumlah")
SIGNATURE_SPACE = 3
"""Empty lines left for the signature and the stamp."""


@dataclass(frozen=True)
class Signer:
    place: str
    title: str
    name: str
    nip: str


def _table(document, headings, rows, total: tuple[str, str] | None = None):
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headings):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = str(value)
        cells[-1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if total is not None:
        cells = table.add_row().cells
        label_cell = cells[0].merge(cells[-2])
        label_cell.text = ""
        label_cell.paragraphs[0].add_run(total[0]).bold = True
        cells[-1].text = ""
        cells[-1].paragraphs[0].add_run(total[1]).bold = True
        cells[-1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return table


def _contracts(document, partner: PartnerReport) -> None:
    for line in partner.lines:
        contract = line.contract
        if contract is None:
            document.add_paragraph("Tanpa kontrak", style="List Bullet")
            continue
        document.add_paragraph(
            f"Kontrak {contract.number} ({release_date(contract.starts_on)} s.d. {release_date(contract.ends_on)}): "
            f"{rupiah(contract.rate)} per tayang, kuota {contract.quota} tayangan, terpakai sebelumnya "
            f"{line.used_before}, bulan ini {line.counted}, sisa {line.remaining}.", style="List Bullet")


def _not_counted(document, partner: PartnerReport, label) -> None:
    items = [f"{p.placement.release_title} ({letter_date(p.placement.published_on)}): "
             + ("tanpa kontrak" if p.apart == NO_CONTRACT else f"tayangan ke-{p.number}, melebihi kuota")
             for p in partner.apart]
    items += [f"{row.release_title} (tenggat {letter_date(row.due_on)}): ditolak, {row.rejection_reason or ''}".rstrip(", ")
              for row in partner.rejected]
    items += [f"{row.release_title} (tenggat {letter_date(row.due_on)}): menunggu verifikasi" for row in partner.waiting]
    items += [f"{row.release_title} (tenggat {letter_date(row.due_on)}): belum ada bukti tayang ({code_text(label, PlacementState, row.state)})"
              for row in partner.without_proof]
    if items:
        document.add_paragraph("Tidak dihitung:", style="Normal").runs[0].bold = True
        for item in items:
            document.add_paragraph(item, style="List Bullet")


def _partner(document, index: int, partner: PartnerReport, label) -> None:
    document.add_paragraph(f"{index}. {partner.partner.name}", style="Heading 2")
    if partner.partner.legal_name:
        document.add_paragraph(f"Badan usaha: {partner.partner.legal_name}", style="Normal")
    _contracts(document, partner)
    rows = [(n, p.placement.release_title, letter_date(p.placement.published_on),
             proof_text(p.placement, label),
             f"{next(line.contract.number for line in partner.lines if line.contract and line.contract.id == p.placement.contract_id)}"
             f" ({p.number})", rupiah(p.amount))
            for n, p in enumerate(partner.counted, start=1)]
    _table(document, PIECE_HEADINGS, rows, (f"Jumlah {partner.partner.name}", rupiah(partner.amount)))
    _not_counted(document, partner, label)


def _signature(document, signer: Signer, signed_on: date) -> None:
    document.add_paragraph()
    lines = [f"{signer.place}, {letter_date(signed_on)}", signer.title] + [""] * SIGNATURE_SPACE
    for text in lines:
        paragraph = document.add_paragraph(text, style="Normal")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.space_after = Pt(0)
    name = document.add_paragraph(style="Normal")
    name.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = name.add_run(signer.name)
    run.bold = run.underline = True
    name.paragraph_format.space_after = Pt(0)
    nip = document.add_paragraph(f"NIP {signer.nip}" if signer.nip else "NIP", style="Normal")
    nip.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def build_letter(report: Report, *, title: str, signer: Signer, signed_on: date, office: str = "",
                 label: Callable[[str], str] = str, letterhead: Path = LETTERHEAD) -> bytes:
    """The document's bytes; ``title`` ("Laporan Bulanan Mitra Media"), ``signed_on`` the
    date under the place."""
    document = letterhead_document(office, letterhead)
    document.add_paragraph(title, style="Title")
    scope = f" — {report.unit}" if report.unit else ""
    document.add_paragraph(f"Bulan {month_label(report.month.year, report.month.month)}{scope}", style="Subtitle")
    if not report.partners:
        document.add_paragraph("Tidak ada tayangan mitra media pada bulan ini.", style="Normal")
    for index, partner in enumerate(report.partners, start=1):
        _partner(document, index, partner, label)
    document.add_paragraph("Rekapitulasi", style="Heading 2")
    rows = [(n, p.partner.name, p.partner.legal_name, sum(line.counted for line in p.lines), rupiah(p.amount))
            for n, p in enumerate(report.partners, start=1)]
    _table(document, SUMMARY_HEADINGS, rows, ("Jumlah seluruhnya", rupiah(report.total("amount"))))
    document.add_paragraph("Jumlah di atas adalah jumlah bruto; pajak diperhitungkan oleh bagian keuangan.",
                           style="Normal")
    if report.clippings:
        outlets = ", ".join(dict.fromkeys(c.outlet for c in report.clippings))
        document.add_paragraph(f"Kliping (liputan tanpa bayar, tidak dihitung): {len(report.clippings)} ({outlets}).",
                               style="Normal")
    _signature(document, signer, signed_on)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
