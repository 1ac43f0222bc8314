"""The copy buttons in a real browser: "Salin untuk WhatsApp" and "Salin teks" fill the
clipboard with the release's text; the kit downloads."""
from __future__ import annotations

import io
import zipfile

from tests.browser.conftest import login
from tests.conftest import EMAILS, PASSWORDS

EXAMPLE = "Pemerintah Kota Bekasi Terima Kunker PPID Utama Kabupaten Subang"


def _release_page(browser, live_server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], locale="id-ID",
                                  accept_downloads=True)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.click(f"text={EXAMPLE}")
    page.wait_for_selector("h1.headline")
    return context, page


def test_copy_for_whatsapp_and_copy_text_fill_the_clipboard(live_server, browser, steps):
    context, page = _release_page(browser, live_server)
    link = page.url
    page.click("button:has-text('Salin untuk WhatsApp')")
    page.wait_for_selector("#wa-text ~ p .copy-status:has-text('Tersalin')")
    steps.shot(page, "salin-whatsapp")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.input_value("#wa-text")
    assert copied.startswith(f"*{EXAMPLE}*\n\n*BEKASI –* ")
    assert link in copied and "\nSumber: " in copied
    assert "**" not in copied

    page.click("button:has-text('Salin teks')")
    page.wait_for_selector("#plain-text ~ p .copy-status:has-text('Tersalin')")
    plain = page.evaluate("navigator.clipboard.readText()")
    assert plain.startswith(f"{EXAMPLE}\n\nBEKASI – ") and "*" not in plain.split(link)[0]

    with page.expect_download() as download:
        page.click("text=Unduh kit media (ZIP)")
    names = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes())).namelist()
    assert "captions.txt" in names and any(n.endswith(".docx") for n in names)
    context.close()


def test_the_staff_release_page_copies_for_whatsapp_and_lists_the_groups_waiting(live_server, browser, steps):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], locale="id-ID")
    page = context.new_page()
    login(page, live_server, EMAILS["editor"], PASSWORDS["editor"])
    page.goto(live_server.url + "/staf/siaran/")
    page.click(f"text={EXAMPLE}")
    page.wait_for_selector("#whatsapp")
    assert "Media Daring Bekasi Raya" in page.inner_text(".whatsapp-pending")
    page.click("#whatsapp button:has-text('Salin untuk WhatsApp')")
    page.wait_for_selector("#whatsapp .copy-status:has-text('Tersalin')")
    steps.shot(page, "staf-salin-whatsapp")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f"*{EXAMPLE}*") and copied == page.input_value("#whatsapp textarea")
    context.close()
