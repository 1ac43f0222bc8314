"""The Content-Security-Policy in Chromium: inline code is refused and reported (so the
``csp_violations`` hook of every browser test bites), and the confirmations that moved
out of inline handlers still ask."""
from __future__ import annotations

import json

from tests.browser.conftest import CSP_MARK, login
from tests.conftest import EMAILS, PASSWORDS

BAIT = '<p id="bait" style="color: rgb(255, 0, 0)">umpan</p><script>document.title = "inline berjalan";</script>'


def test_an_inline_script_and_style_on_a_served_page_are_refused_and_reported(live_server, browser, csp_violations):
    page = browser.new_page()

    def with_bait(route):
        response = route.fetch()  # the real page with its real headers, one paragraph and script added
        route.fulfill(response=response, body=response.text().replace("</main>", BAIT + "</main>"))

    page.route(live_server.url + "/", with_bait)
    with page.expect_console_message(lambda message: "script-src" in message.text):
        page.goto(live_server.url + "/")
    page.evaluate("() => new Promise((done) => setTimeout(done))")
    assert page.title() != "inline berjalan"
    assert page.eval_on_selector("#bait", "e => getComputedStyle(e).color") != "rgb(255, 0, 0)"
    reported = list(csp_violations)
    csp_violations.clear()  # expected here; any other test fails on them
    assert all(text.startswith(CSP_MARK) for text in reported)
    assert any("script-src-elem refused inline" in text for text in reported), reported
    assert any("style-src-attr refused inline" in text for text in reported), reported
    page.close()


def test_publishing_asks_first_and_cancelling_publishes_nothing(live_server, browser, steps):
    rows = [json.loads(line) for line in live_server.flask("releases", "list", "--state", "approved", "--json").stdout.splitlines()]
    release = rows[0]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    login(page, live_server, EMAILS["editor"], PASSWORDS["editor"])
    page.goto(f"{live_server.url}/staf/siaran/{release['id']}/riwayat")
    questions = []

    def answer(dialog, accept):
        questions.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, accept=False))
    page.click("button:has-text('Terbitkan sekarang')")
    page.reload()
    steps.shot(page, "batal-terbit")
    assert questions == ["Terbitkan siaran ini sekarang? Siaran langsung tampil di situs publik."]
    assert "Disetujui" in page.inner_text(".workflow")

    page.once("dialog", lambda dialog: answer(dialog, accept=True))
    page.click("button:has-text('Terbitkan sekarang')")
    page.wait_for_selector(".flash-success")
    steps.shot(page, "terbit")
    assert len(questions) == 2
    assert "Terbit" in page.inner_text(".workflow .state")
    page.close()
