"""The monthly report in Chromium: an editor opens "Laporan bulanan" from the menu, sees the
demo's verified placement of the current month, filters by partner and downloads the
workbook, which openpyxl reads back."""
from __future__ import annotations

from openpyxl import load_workbook

from tests.browser.conftest import login
from tests.conftest import EMAILS, PASSWORDS


def test_an_editor_reads_the_months_report_and_downloads_the_workbook(live_server, browser, steps, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="id-ID", accept_downloads=True)
    login(page, live_server, EMAILS["editor"], PASSWORDS["editor"])
    page.get_by_role("link", name="Laporan bulanan").click()
    page.wait_for_selector("#ringkasan")
    assert page.inner_text("#total-amount") == "Rp 2.500.000"
    assert "Bekasi Hari Ini" in page.inner_text("#ringkasan") and "Radar Bekasi" in page.inner_text("#ringkasan")
    steps.shot(page, "redaktur-laporan-bulanan")
    page.select_option("#mitra", label="Bekasi Hari Ini")
    page.get_by_role("button", name="Tampilkan").click()
    page.wait_for_selector("#ringkasan")
    assert "Radar Bekasi" not in page.inner_text("#ringkasan")
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh XLSX").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    book = load_workbook(saved)
    assert book.sheetnames == ["Ringkasan", "Bekasi Hari Ini", "Kliping"]
    assert book["Ringkasan"].cell(5, 11).value == 2_500_000
    page.close()
