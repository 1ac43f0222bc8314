"""The monthly report of media partners: the worked example of ``docs/partners.md``
reproduced number for number, its exports read back (openpyxl, python-docx) and checked
against the placements, who may read it, and bad input."""
from __future__ import annotations

import io
import json
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import select

from press.extensions import db
from press.models import User
from press.permissions import PermissionDenied
from press.reports.letter import Signer, build_letter
from press.dates import office_today
from press.reports.monthly import OVER_QUOTA, Month, ReportError
from press.reports.workbook import build_xlsx
from press.services import monthly_report

from . import report_example
from .report_example import MONTH


def _user(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


@pytest.fixture
def example(ctx):
    rows = report_example.build(db.session)
    db.session.commit()
    return rows


def rows_total(summary) -> int:
    """The summary sheet's total amount (the row headed "Jumlah")."""
    return next(row[10].value for row in summary.iter_rows(min_row=4) if row[0].value == "Jumlah")


def _report(example, actor=None, **filters):
    return monthly_report.monthly(db.session, actor, MONTH, unit_id=filters.pop("unit_id", example["unit"].id),
                                  **filters)


def test_the_report_reproduces_every_number_of_the_docs_table(example):
    report = _report(example)
    computed = [[partner.partner.name, line.contract.number, str(line.contract.rate), str(line.contract.quota),
                 str(line.used_before), str(line.counted), str(line.beyond), str(line.rejected), str(line.waiting),
                 str(line.without_proof), str(line.amount)] for partner, line in report.lines]
    totals = ["total", "", "", "", ""] + [str(report.total(name)) for name in (
        "counted", "beyond", "rejected", "waiting", "without_proof", "amount")]
    assert computed + [totals] == report_example.docs_table()
    assert [c.outlet for c in report.clippings] == ["Suara Kalimalang"]


def test_pieces_are_numbered_over_the_contract_and_the_one_beyond_quota_is_apart(example):
    report = _report(example)
    patriot, kini = ({p.partner.name: p for p in report.partners}[name] for name in ("Warta Patriot", "Bekasi Kini"))
    assert [(p.placement.id, p.number, p.amount) for p in patriot.counted] == [
        (example["r3"].id, 3, 1_500_000), (example["r4"].id, 4, 1_500_000)]
    assert [(p.placement.id, p.number, p.apart, p.amount) for p in kini.apart] == [
        (example["t3"].id, 3, OVER_QUOTA, 0)]
    assert [row.id for row in patriot.rejected] == [example["r6"].id]
    assert patriot.rejected[0].rejection_reason == "Tanpa label advertorial"
    assert [row.id for row in kini.without_proof] == [example["p2"].id]
    assert patriot.amount == 3_000_000 and kini.amount == 3_500_000


def test_a_piece_published_in_december_counts_in_december_as_the_contracts_fifth(example):
    december = monthly_report.monthly(db.session, None, "2025-12", unit_id=example["unit"].id)
    patriot = next(p for p in december.partners if p.partner.name == "Warta Patriot")
    assert [(p.placement.id, p.number, p.amount) for p in patriot.counted] == [(example["r5"].id, 5, 1_500_000)]
    assert patriot.lines[0].used_before == 4
    october = monthly_report.monthly(db.session, None, "2025-10", unit_id=example["unit"].id)
    assert october.total("counted") == 2 and october.total("amount") == 3_000_000


def test_the_workbook_reads_back_with_the_placements_numbers(example):
    report = _report(example)
    book = load_workbook(io.BytesIO(build_xlsx(report, title="Laporan Bulanan Mitra Media")))
    assert book.sheetnames == ["Ringkasan", "Bekasi Kini", "Warta Patriot", "Kliping"]
    summary = book["Ringkasan"]
    rows = [[cell.value for cell in row] for row in summary.iter_rows(min_row=4, max_row=7)]
    assert [row[1] for row in rows[:3]] == [line.contract.number for _, line in report.lines]
    assert [row[10] for row in rows] == [1_500_000, 2_000_000, 3_000_000, 6_500_000]
    assert rows[3][0] == "Jumlah" and rows[3][5:10] == [5, 1, 1, 0, 1]
    assert summary.cell(4, 11).number_format == '"Rp" #,##0' and isinstance(summary.cell(4, 11).value, int)
    patriot = book["Warta Patriot"]
    paid = [[cell.value for cell in row] for row in patriot.iter_rows(min_row=7, max_row=9)]
    placements = [example["r3"], example["r4"]]
    assert [row[2] for row in paid[:2]] == [p.release.title for p in placements]
    assert [row[3].date() for row in paid[:2]] == [p.published_on for p in placements]
    assert [row[6] for row in paid] == [1_500_000, 1_500_000, 3_000_000]
    texts = [cell.value for row in patriot.iter_rows() for cell in row if cell.value]
    assert "Tanpa label advertorial" in texts
    kini = [cell.value for row in book["Bekasi Kini"].iter_rows() for cell in row if cell.value]
    assert "Melebihi kuota" in kini and example["t3"].release.title in kini
    assert book["Kliping"].cell(4, 1).value == "Suara Kalimalang"
    sheet_totals = []
    for name in ("Bekasi Kini", "Warta Patriot"):
        sheet = [[cell.value for cell in row] for row in book[name].iter_rows(min_row=7)]
        end = next(i for i, row in enumerate(sheet) if row[0] == "Jumlah")
        assert sheet[end][6] == sum(row[6] for row in sheet[:end])
        sheet_totals.append(sheet[end][6])
    verified = [p for key, p in example.items() if key[:1] in "rtp" and len(key) == 2
                and p.state == "verified" and p.published_on.month == 11]
    counted, beyond = rows[3][5], rows[3][6]
    assert len(verified) == counted + beyond and sum(sheet_totals) == rows_total(summary) == 6_500_000


def test_the_letter_has_a_table_per_partner_the_total_and_the_signature_block(example):
    report = _report(example)
    signer = Signer("Bekasi", "Kepala Bagian Humas", "Dra. Siti Rahmawati, M.Si.", "197805122005012003")
    document = Document(io.BytesIO(build_letter(report, title="Laporan Bulanan Mitra Media", signer=signer,
                                                signed_on=date(2025, 12, 3), office="Bagian Humas")))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Bulan November 2025 — Dinas Contoh" in paragraphs
    pieces, recap = document.tables[1], document.tables[-1]
    assert len(document.tables) == 3
    patriot_rows = [[cell.text for cell in row.cells] for row in pieces.rows]
    assert [row[1] for row in patriot_rows[1:3]] == [example["r3"].release.title, example["r4"].release.title]
    assert patriot_rows[1][5] == "Rp 1.500.000" and patriot_rows[-1][-1] == "Rp 3.000.000"
    assert patriot_rows[1][4] == "001/PKS-HUMAS/X/2025 (3)"
    recap_rows = [[cell.text for cell in row.cells] for row in recap.rows]
    assert [row[3:] for row in recap_rows[1:3]] == [["3", "Rp 3.500.000"], ["2", "Rp 3.000.000"]]
    assert recap_rows[-1][-1] == "Rp 6.500.000"
    place = paragraphs.index("Bekasi, 3 Desember 2025")
    assert paragraphs[place + 1] == "Kepala Bagian Humas"
    assert paragraphs[-2:] == ["Dra. Siti Rahmawati, M.Si.", "NIP 197805122005012003"]
    assert any("melebihi kuota" in p for p in paragraphs)
    header = [cell.text for table in document.sections[0].header.tables for row in table.rows for cell in row.cells]
    assert any(text.startswith("Bagian Humas\n") for text in header)


def test_a_unit_editor_reads_only_their_units_report(example):
    editor = _user("redaktur.dinkes@siaran.test")
    with pytest.raises(PermissionDenied):
        _report(example, editor)
    own = monthly_report.monthly(db.session, editor, MONTH)
    assert own.unit == editor.unit.name and own.total("counted") == 0
    for email in ("penulis@siaran.test", "fotografer@siaran.test"):
        with pytest.raises(PermissionDenied):
            _report(example, _user(email))
    assert _report(example, _user("redaktur@siaran.test")).total("amount") == 6_500_000


def test_a_partner_filter_keeps_the_contracts_numbering(example):
    report = _report(example, partner_id=example["kini"].id)
    assert [p.partner.name for p in report.partners] == ["Bekasi Kini"] and report.clippings == []
    assert report.total("amount") == 3_500_000


@pytest.mark.parametrize("month", ["2025-13", "2025-1", "November 2025", "", "1999-12", "2025-11-01", "٢٠٢٥-١١"])
def test_a_month_that_is_not_yyyy_mm_is_refused_with_the_reason(example, month):
    with pytest.raises(ReportError, match="bukan bulan"):
        monthly_report.monthly(db.session, None, month)


def test_a_unit_that_does_not_exist_is_refused(example):
    with pytest.raises(ReportError, match="tidak ada"):
        monthly_report.monthly(db.session, None, MONTH, unit_id=987654)


def test_a_month_with_nothing_is_an_empty_report_and_its_exports_open(example):
    report = monthly_report.monthly(db.session, None, "2019-01")
    assert report.empty and report.total("amount") == 0
    book = load_workbook(io.BytesIO(build_xlsx(report, title="Laporan")))
    assert book.sheetnames == ["Ringkasan", "Kliping"] and book["Ringkasan"].cell(4, 1).value == "Jumlah"
    document = Document(io.BytesIO(build_letter(report, title="Laporan", signer=Signer("Bekasi", "", "", ""),
                                                signed_on=date(2019, 2, 1))))
    assert "Tidak ada tayangan mitra media pada bulan ini." in [p.text for p in document.paragraphs]


def test_the_staff_page_shows_the_example_with_its_filters_and_downloads(app, client, auth):
    with app.app_context():
        example = report_example.build(db.session)
        db.session.commit()
        unit_id, kini_id = example["unit"].id, example["kini"].id
    auth.login("editor")
    page = client.get(f"/staf/laporan/bulanan?bulan={MONTH}&unit={unit_id}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'id="total-amount">Rp 6.500.000<' in text and "Tanpa label advertorial" in text
    assert "tayangan ke-3, melebihi kuota" in text and "Suara Kalimalang" in text
    workbook = client.get(f"/staf/laporan/bulanan.xlsx?bulan={MONTH}&unit={unit_id}&mitra={kini_id}")
    assert workbook.status_code == 200
    assert 'filename="laporan-bulanan-2025-11.xlsx"' in workbook.headers["Content-Disposition"]
    book = load_workbook(io.BytesIO(workbook.data))
    assert book.sheetnames == ["Ringkasan", "Bekasi Kini", "Kliping"] and book["Ringkasan"].cell(6, 11).value == 3_500_000
    letter = client.get(f"/staf/laporan/bulanan.docx?bulan={MONTH}&unit={unit_id}")
    assert letter.status_code == 200
    assert Document(io.BytesIO(letter.data)).tables[-1].rows[-1].cells[-1].text == "Rp 6.500.000"


@pytest.mark.parametrize("query, reason", [
    ("bulan=2025-13", "bukan bulan"), ("bulan=%3Cscript%3E", "bukan bulan"), ("unit=987654", "tidak ada"),
    ("unit=abc", "tidak ada"), ("mitra=99999999999999999999999", "tidak ada")])
def test_bad_filters_are_a_400_with_the_reason_on_the_page_and_the_downloads(client, auth, query, reason):
    auth.login("admin")
    for path in ("/staf/laporan/bulanan", "/staf/laporan/bulanan.xlsx", "/staf/laporan/bulanan.docx"):
        answer = client.get(f"{path}?{query}")
        assert answer.status_code == 400 and reason in answer.get_data(as_text=True)
        assert "<script>" not in answer.get_data(as_text=True).split("</header>")[-1]


def test_writers_are_refused_and_a_unit_editor_sees_only_their_units(app, client, auth):
    auth.login("writer")
    assert client.get("/staf/laporan/bulanan").status_code == 403
    auth.logout()
    auth.login_email("redaktur.dinkes@siaran.test")
    page = client.get("/staf/laporan/bulanan")
    assert page.status_code == 200 and "Semua unit" not in page.get_data(as_text=True)
    with app.app_context():
        other = db.session.scalar(select(User).where(User.email == "redaktur@siaran.test")).unit_id
    assert client.get(f"/staf/laporan/bulanan?unit={other}").status_code == 403


def test_the_command_writes_the_summary_the_json_and_both_files(app, runner, tmp_path):
    with app.app_context():
        unit_id = report_example.build(db.session)["unit"].id
        db.session.commit()
    xlsx, docx = tmp_path / "laporan.xlsx", tmp_path / "laporan.docx"
    result = runner.invoke(args=["report", "month", MONTH, "--unit", str(unit_id), "--xlsx", str(xlsx),
                                 "--docx", str(docx)])
    assert result.exit_code == 0, result.output
    assert "Rp 6.500.000" in result.output and "Warta Patriot" in result.output
    assert load_workbook(xlsx)["Ringkasan"].cell(7, 11).value == 6_500_000
    assert Document(str(docx)).tables[-1].rows[-1].cells[-1].text == "Rp 6.500.000"
    result = runner.invoke(args=["report", "month", MONTH, "--unit", str(unit_id), "--json"])
    data = json.loads(result.output)
    assert data["totals"] == {"counted": 5, "beyond_quota": 1, "rejected": 1, "waiting": 0, "without_proof": 1,
                              "amount": 6_500_000, "clippings": 1}
    assert [c["contract"] for p in data["partners"] for c in p["contracts"]] == [
        "014/PKS-HUMAS/XI/2025", "015/PKS-HUMAS/XI/2025", "001/PKS-HUMAS/X/2025"]


@pytest.mark.parametrize("args, reason", [(["2025-13"], "bukan bulan"), (["11-2025"], "bukan bulan"),
                                          (["2025-11", "--unit", "987654"], "tidak ada")])
def test_the_command_refuses_bad_input_as_a_usage_error(runner, args, reason):
    result = runner.invoke(args=["report", "month", *args])
    assert result.exit_code == 2 and reason in result.output and "Traceback" not in result.output


def test_the_command_on_a_month_with_nothing_prints_zero_totals(runner):
    result = runner.invoke(args=["report", "month", "2019-01", "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["totals"]["amount"] == 0


def test_the_demos_verified_placement_is_in_the_current_months_report(ctx):
    report = monthly_report.monthly(db.session, None, str(Month.of(office_today())))
    counted = [(p.partner.name, piece.amount) for p in report.partners for piece in p.counted]
    assert counted == [("Bekasi Hari Ini", 2_500_000)]
    assert report.total("amount") == 2_500_000 and len(report.clippings) == 1


def test_a_unit_editor_without_a_unit_never_gets_the_whole_offices_report(example):
    editor = _user("redaktur.dinkes@siaran.test")
    editor.unit_id = None
    with pytest.raises(PermissionDenied):
        monthly_report.monthly(db.session, editor, MONTH)
    db.session.rollback()
