"""The copy buttons in a real browser: "Salin teks" on the public release page and "Salin
untuk WhatsApp" on the staff one fill the clipboard with the release's text. (The public
page's "Salin untuk WhatsApp", the kit and the print photo: ``test_journalist_journey.py``.)"""
from __future__ import annotations

from tests.browser.conftest import login
from tests.conftest import EMAILS, PASSWORDS

EXAMPLE = "Pemerintah Kota Bekasi Terima Kunker PPID Utama Kabupaten Subang"


def test_copy_text_fills_the_clipboard_with_the_plain_text(live_server, browser, steps):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], locale="id-ID")
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.click(f"text={EXAMPLE}")
    page.wait_for_selector("h1.headline")
    link = page.url
    page.click("button:has-text('Salin teks')")
    page.wait_for_selector("#plain-text ~ p .copy-status:has-text('Tersalin')")
    steps.shot(page, "salin-teks")
    plain = page.evaluate("navigator.clipboard.readText()")
    assert plain == page.input_value("#plain-text")
    assert plain.startswith(f"{EXAMPLE}\n\nBEKASI – ") and "*" not in plain.split(link)[0]
    assert link in plain
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
