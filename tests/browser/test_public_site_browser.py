"""The public site in a real browser: readable on a phone, and an editor's publish reaches it."""
from __future__ import annotations

import json

from tests.browser.conftest import login
from tests.conftest import EMAILS, PASSWORDS

EXAMPLE = "Pemerintah Kota Bekasi Terima Kunker PPID Utama Kabupaten Subang"


def sideways(page) -> tuple[int, list]:
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate("""[...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5).map(e => e.tagName + '.' + e.className)""")
    return width, wide


def test_home_and_release_page_are_readable_on_a_phone(live_server, browser, steps):
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True, locale="id-ID")
    page.goto(live_server.url + "/")
    steps.shot(page, "beranda-ponsel")
    assert "Siaran terbaru" in page.content()
    width, wide = sideways(page)
    assert width <= 375, f"the home page scrolls sideways on a phone ({width} px): {wide}"
    page.click(f"text={EXAMPLE}")
    page.wait_for_selector("h1.headline")
    steps.shot(page, "siaran-ponsel")
    assert page.inner_text("h1") == EXAMPLE
    width, wide = sideways(page)
    assert width <= 375, f"the release page scrolls sideways on a phone ({width} px): {wide}"
    page.click("a:has-text('English')")
    page.wait_for_selector("nav >> text=Archive")
    steps.shot(page, "siaran-english")
    assert page.inner_text("h1") == EXAMPLE  # the release itself stays in Indonesian
    page.close()


def test_an_editor_publishes_from_the_workflow_buttons_and_the_public_sees_it(live_server, browser, steps):
    rows = [json.loads(line) for line in live_server.flask("releases", "list", "--state", "in_review", "--json").stdout.splitlines()]
    release = rows[0]
    reader = browser.new_page()
    reader.goto(live_server.url + "/")
    assert release["title"] not in reader.content()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("dialog", lambda dialog: dialog.accept())
    login(page, live_server, EMAILS["editor"], PASSWORDS["editor"])
    page.goto(f"{live_server.url}/staf/siaran/{release['id']}/riwayat")
    steps.shot(page, "alur-ditinjau")
    page.click("button:has-text('Terbitkan sekarang')")
    page.wait_for_selector(".flash-success")
    steps.shot(page, "alur-terbit")
    assert "Terbit" in page.inner_text(".workflow")
    assert "Rina Redaktur" in page.inner_text(".history")
    # Each worker's page cache looks for changes at most once a second.
    for _attempt in range(10):
        reader.goto(live_server.url + "/")
        if release["title"] in reader.content():
            break
        reader.wait_for_timeout(300)
    steps.shot(reader, "beranda-setelah-terbit")
    assert release["title"] in reader.content()
    page.close()
    reader.close()
