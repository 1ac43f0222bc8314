"""The journalist's pages in Chromium: the embargoed preview an editor opens to approved
journalists, and every page of the journalist's side fitting a phone. (Registering,
confirming, approval, subscribing and the alert: ``test_journalist_journey.py``.)"""
from __future__ import annotations

import json

from press.demo.journalists import DEMO_JOURNALISTS
from tests.browser.conftest import login
from tests.browser.test_public_site_browser import sideways
from tests.conftest import EMAILS, PASSWORDS

EMAIL, PASSWORD, NAME = DEMO_JOURNALISTS[0][:3]
PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "locale": "id-ID"}


def _a_scheduled_release(live_server) -> dict:
    rows = [json.loads(line) for line in
            live_server.flask("releases", "list", "--state", "scheduled", "--json").stdout.splitlines()]
    if not rows:
        approved = json.loads(live_server.flask("releases", "list", "--state", "approved", "--json")
                              .stdout.splitlines()[0])
        live_server.flask("releases", "transition", str(approved["id"]), "schedule", "--as", EMAILS["editor"],
                          "--at", "2031-09-30T14:30")
        return _a_scheduled_release(live_server)
    return rows[0]


def _sign_in(page, live_server) -> None:
    page.goto(live_server.url + "/wartawan/masuk")
    page.fill("input[name=email]", EMAIL)
    page.fill("input[name=password]", PASSWORD)
    page.click("form [type=submit].primary")
    page.wait_for_selector("h1:has-text('Siaran embargo')")


def test_an_approved_journalist_reads_an_embargoed_release_the_editor_opened(live_server, browser, steps):
    release = _a_scheduled_release(live_server)
    editor = browser.new_page(viewport={"width": 1280, "height": 900}, locale="id-ID")
    login(editor, live_server, EMAILS["editor"], PASSWORDS["editor"])
    editor.goto(f"{live_server.url}/staf/siaran/{release['id']}/")
    editor.select_option("select[name=audience]", "all")
    editor.get_by_role("button", name="Buka untuk wartawan").click()
    editor.wait_for_selector(".flash-info")

    journalist = browser.new_page(**PHONE)
    _sign_in(journalist, live_server)
    journalist.get_by_role("link", name=release["title"]).click()
    banner = journalist.inner_text(".embargo-banner")
    assert banner.startswith("EMBARGO hingga ") and "WIB" in banner
    steps.shot(journalist, "pratinjau-embargo")
    for image in journalist.query_selector_all("article img"):
        assert "/wartawan/embargo/" in image.get_attribute("src")
        assert journalist.evaluate("(img) => img.complete && img.naturalWidth > 0", image)

    editor.goto(f"{live_server.url}/staf/siaran/{release['id']}/")
    assert NAME in editor.inner_text(".embargo-views")
    editor.close()
    journalist.close()


def test_the_journalists_pages_fit_a_phone(live_server, browser, steps):
    page = browser.new_page(**PHONE)
    for path in ("/wartawan/daftar", "/wartawan/masuk", "/langganan"):
        page.goto(live_server.url + path)
        width, wide = sideways(page)
        assert width <= 375, f"{path} scrolls sideways on a phone ({width} px): {wide}"
    _sign_in(page, live_server)
    page.goto(live_server.url + "/wartawan/akun")
    steps.shot(page, "akun-ponsel")
    width, wide = sideways(page)
    assert width <= 375, f"the account page scrolls sideways on a phone ({width} px): {wide}"
    page.close()
