"""Search in a real server (gunicorn, 2 workers): a new activity is indexed after the response,
the staff and public pages answer, and the results page works on a phone."""
from __future__ import annotations

import json

from tests.browser.conftest import login
from tests.conftest import EMAILS, PASSWORDS


def test_a_new_activity_is_searchable_and_drafts_stay_off_the_public_page(live_server, browser, steps):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    login(page, live_server, EMAILS["writer"], PASSWORDS["writer"])
    page.goto(live_server.url + "/staf/kegiatan/baru")
    page.fill("input[name=title]", "Rapat Penanganan Leptospirosis")
    page.select_option("select[name=kind]", "rapat_koordinasi")
    page.fill("input[name=starts_on]", "2022-01-20")
    page.click("form [type=submit].primary")
    page.wait_for_url("**/staf/kegiatan/*")
    queued = None
    for _ in range(50):  # the drain runs once gunicorn has sent the response
        check = json.loads(live_server.flask("search", "check", "--json", check=False).stdout)
        queued = check["queued"]
        if queued == 0:
            break
    assert queued == 0 and check["ok"], check

    page.goto(live_server.url + "/staf/cari/")
    page.fill("input[name=q]", "leptospirosis")
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state()
    assert page.locator(".hit-title").first.inner_text() == "Rapat Penanganan Leptospirosis"
    steps.shot(page, "cari-staf")

    page.goto(live_server.url + "/staf/cari/?q=kunjungan")
    assert page.locator(".facet h2").count() >= 3
    assert page.locator(".hit mark").count() >= 1
    steps.shot(page, "cari-staf-facet")
    page.locator(".facet a").first.click()
    page.wait_for_load_state()
    assert "jenis%3A" in page.url or "jenis:" in page.url
    steps.shot(page, "cari-staf-saring")

    public = browser.new_page(viewport={"width": 1280, "height": 900})
    public.goto(live_server.url + '/cari?q=leptospirosis')
    assert public.locator(".search-count").count() == 1 and public.locator(".hit").count() == 0
    public.goto(live_server.url + '/cari?q="wali kota AND (')
    assert public.locator(".notice").count() >= 1
    steps.shot(public, "cari-publik-kueri-rusak")
    public.close()
    page.close()


def test_search_results_fit_a_phone(live_server, browser, steps):
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True)
    login(page, live_server, EMAILS["photographer"], PASSWORDS["photographer"])
    page.goto(live_server.url + "/staf/cari/?q=kunjungan")
    steps.shot(page, "cari-ponsel")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the search page scrolls sideways on a phone ({width} px wide)"
    page.close()
