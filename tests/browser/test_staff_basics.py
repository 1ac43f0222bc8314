"""The first minutes of a staff member: log in, see the activities, change language."""
from __future__ import annotations

from tests.browser.conftest import login
from tests.conftest import EMAILS, PASSWORDS


def test_writer_logs_in_and_opens_the_demo_activity(live_server, browser, steps):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/staf/kegiatan/")
    assert "/staf/login" in page.url
    steps.shot(page, "login")

    login(page, live_server, EMAILS["writer"], "salah-sandi")
    assert page.locator(".flash, [role=alert]").first.is_visible()

    login(page, live_server, EMAILS["writer"], PASSWORDS["writer"])
    page.goto(live_server.url + "/staf/kegiatan/")
    steps.shot(page, "kegiatan")
    page.get_by_role("link", name="Kunjungan Kerja PPID Utama Kabupaten Subang").click()
    assert page.locator("h1").inner_text() == "Kunjungan Kerja PPID Utama Kabupaten Subang"
    assert "Kamis, 30 September 2021" in page.content()
    steps.shot(page, "kegiatan-detail")
    page.close()


def test_the_activity_list_is_usable_on_a_phone(live_server, browser, steps):
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True)
    login(page, live_server, EMAILS["editor"], PASSWORDS["editor"])
    page.goto(live_server.url + "/staf/kegiatan/")
    steps.shot(page, "kegiatan-ponsel")
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate("""[...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5).map(e => e.tagName + '.' + e.className)""")
    assert width <= 375, f"the page scrolls sideways on a phone ({width} px wide): {wide}"
    page.close()
