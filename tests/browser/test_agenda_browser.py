"""The public agenda in Chromium: an editor puts a planned activity on it, a journalist finds it
at /agenda on a phone and downloads the calendar, which the ``icalendar`` library reads."""
from __future__ import annotations

import json

import icalendar

from tests.browser.conftest import login
from tests.browser.test_journey import wait_for_public
from tests.browser.test_public_site_browser import sideways
from tests.conftest import EMAILS, PASSWORDS

INVITATION = "Peluncuran Aplikasi Layanan Informasi Publik Kota Bekasi"
CANCELLED = "Bakti Sosial Pengobatan Gratis Kelurahan Jatimulya"


def test_an_editor_puts_an_activity_on_the_agenda_and_a_journalist_downloads_its_calendar(
        live_server, browser, steps, tmp_path):
    rows = [json.loads(line) for line in
            live_server.flask("activities", "list", "--json").stdout.splitlines()]
    planned = next(row for row in rows if row["kind"] == "audiensi" and row["state"] == "direncanakan")

    editor = browser.new_page(viewport={"width": 1280, "height": 900}, locale="id-ID")
    login(editor, live_server, EMAILS["editor"], PASSWORDS["editor"])
    editor.goto(f"{live_server.url}/staf/kegiatan/{planned['id']}/ubah")
    editor.fill("input[name=dress_code]", "Kemeja putih")
    editor.check("input[name=on_agenda]")
    steps.shot(editor, "redaktur-pasang-agenda")
    editor.click("form [type=submit].primary")
    editor.wait_for_selector(".flash-success")
    assert "Tampil di agenda publik" in editor.inner_text(".facts")
    editor.close()

    journalist = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True, locale="id-ID",
                                  accept_downloads=True)
    wait_for_public(journalist, live_server.url + "/agenda", planned["title"])
    steps.shot(journalist, "agenda-ponsel")
    today = journalist.inner_text("section:has(h2#today)")
    assert planned["title"] in today
    assert CANCELLED in journalist.inner_text("main") and "Dibatalkan" in journalist.inner_text("main")
    width, wide = sideways(journalist)
    assert width <= 375, f"the agenda scrolls sideways on a phone ({width} px): {wide}"

    with journalist.expect_download() as download:
        journalist.get_by_role("link", name="Unduh kalender (.ics)").click()
    assert download.value.suggested_filename == "agenda.ics"
    saved = tmp_path / "agenda.ics"
    download.value.save_as(saved)
    calendar = icalendar.Calendar.from_ical(saved.read_bytes())
    events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    assert events[planned["title"]]["status"] == "CONFIRMED"
    assert "Pakaian: Kemeja putih" in events[planned["title"]]["description"]
    assert events[f"DIBATALKAN: {CANCELLED}"]["status"] == "CANCELLED"
    assert INVITATION in events

    journalist.get_by_role("link", name=planned["title"]).click()
    journalist.wait_for_selector("dl.facts")
    steps.shot(journalist, "agenda-kegiatan")
    assert "Kemeja putih" in journalist.inner_text("dl.facts")
    journalist.close()
