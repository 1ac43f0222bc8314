"""A writer's release in a real browser: draft from the activity, edit, check, a second
tab's stale save refused with its text shown back, preview, and the editor on a phone."""
from __future__ import annotations

import re

from tests.browser.conftest import login
from tests.conftest import EMAILS, PASSWORDS


def test_writer_drafts_edits_and_a_stale_tab_loses_nothing(live_server, browser, steps):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    login(page, live_server, EMAILS["writer"], PASSWORDS["writer"])
    page.goto(live_server.url + "/staf/kegiatan/")
    page.get_by_role("link", name="Kunjungan Kerja PPID Utama Kabupaten Subang").click()
    page.get_by_role("button", name="Buat draf siaran").click()
    page.wait_for_url(re.compile(r"/staf/siaran/\d+/sunting"))
    steps.shot(page, "draf-baru")
    assert "Terima Kunker PPID Utama Kabupaten Subang" in page.input_value("#title")
    assert "Kamis, (30/9/2021)" in page.input_value("#body")

    other = context.new_page()  # the same release open in a second tab
    other.goto(page.url)

    body = page.input_value("#body").replace("menerima", "menyambut")
    page.fill("#body", body + "\n\nAcara berlangsung Jumat, (30/9/2021).")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state()
    assert "Tersimpan sebagai revisi 2." in page.content()
    assert "Hari tidak cocok dengan tanggal" in page.locator(".checks").inner_text()
    steps.shot(page, "tersimpan-dengan-temuan")

    other.fill("#body", "Teks dari tab lama yang tidak boleh hilang.")
    other.get_by_role("button", name="Simpan", exact=True).click()
    other.wait_for_load_state()
    assert "sudah disimpan orang lain" in other.content()
    assert other.input_value("#stale-body") == "Teks dari tab lama yang tidak boleh hilang."
    assert "menyambut" in other.input_value("#body")
    steps.shot(other, "simpanan-basi-ditolak")

    page.get_by_role("link", name="Revisi").click()
    assert page.locator("del", has_text="menerima").count() and page.locator("ins", has_text="menyambut").count()
    steps.shot(page, "bandingkan")
    release = re.search(r"/staf/siaran/(\d+)/", page.url).group(1)
    page.goto(f"{live_server.url}/staf/siaran/{release}/pratinjau")
    assert page.locator("article.release-article .dateline").inner_text() == "BEKASI –"
    steps.shot(page, "pratinjau")
    context.close()


def test_the_editor_is_usable_on_a_phone(live_server, browser, steps):
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True)
    login(page, live_server, EMAILS["editor"], PASSWORDS["editor"])
    page.goto(live_server.url + "/staf/siaran/")
    page.locator("table.list a").first.click()
    page.get_by_role("link", name="Sunting").click()
    steps.shot(page, "penyunting-ponsel")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the editor scrolls sideways on a phone ({width} px wide)"
    page.close()


def test_apply_a_fix_apply_all_of_a_check_and_leave_one(live_server, browser, steps):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    login(page, live_server, EMAILS["writer"], PASSWORDS["writer"])
    page.goto(live_server.url + "/staf/kegiatan/")
    page.get_by_role("link", name="Kunjungan Kerja PPID Utama Kabupaten Subang").click()
    page.get_by_role("button", name="Buat draf siaran").click()
    page.wait_for_url(re.compile(r"/staf/siaran/\d+/sunting"))
    page.fill("#body", "Acara dimulai pukul 09:30 wib di ruang rapat.\n\nMateri diunggah ke website dinas. "
                       "Walikota menghimbau warga membaca website itu.")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state()
    checks = page.locator(".checks")
    steps.shot(page, "temuan-dengan-terapkan")

    checks.locator("li", has_text="“menghimbau”").get_by_role("button", name="Terapkan").click()
    page.wait_for_load_state()
    assert "perbaikan diterapkan dan disimpan sebagai revisi" in page.content()
    assert "Walikota mengimbau" in page.input_value("#body")

    checks.get_by_role("button", name="Terapkan semua: Kata asing").click()
    page.wait_for_load_state()
    assert page.input_value("#body").count("situs web") == 2 and "website" not in page.input_value("#body")

    checks.locator("li", has_text="“Walikota”").filter(has_text="Ejaan").get_by_role("button", name="Biarkan").click()
    page.wait_for_load_state()
    assert "Temuan dibiarkan" in page.content()
    assert "Walikota" in page.input_value("#body")
    assert checks.locator("li", has_text="Ejaan tidak baku: “Walikota”").count() == 0
    steps.shot(page, "setelah-terapkan-dan-biarkan")
    page.close()
