"""The journalist's side in Chromium: register, confirm by the e-mailed link, the editor
approves and opens a scheduled release to journalists, the journalist signs in and reads
it under its EMBARGO banner with its photos marked."""
from __future__ import annotations

import json
import re
import sqlite3

from tests.browser.conftest import login
from tests.conftest import EMAILS, PASSWORDS

EMAIL = "sari@warta-patriot.example.id"
PASSWORD = "kata-sandi-sari-2021"


def _outbox_text(live_server, purpose: str) -> str:
    with sqlite3.connect(live_server.root / "siaran.db") as db:
        row = db.execute("SELECT text FROM outbox_message WHERE address = ? AND purpose = ? ORDER BY id DESC",
                         (EMAIL, purpose)).fetchone()
    assert row, f"no {purpose} message for {EMAIL}"
    return row[0]


def _journalist_id(live_server) -> int:
    with sqlite3.connect(live_server.root / "siaran.db") as db:
        return db.execute("SELECT id FROM journalist WHERE email = ?", (EMAIL,)).fetchone()[0]


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


def test_a_journalist_registers_is_approved_and_reads_an_embargoed_release(live_server, browser, steps):
    release = _a_scheduled_release(live_server)
    journalist = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True, locale="id-ID")
    journalist.goto(live_server.url + "/")
    journalist.get_by_role("link", name="Wartawan", exact=True).click()
    journalist.get_by_role("link", name="Daftar sebagai wartawan").first.click()
    journalist.fill("input[name=email]", EMAIL)
    journalist.fill("input[name=password]", PASSWORD)
    journalist.fill("input[name=name]", "Sari Pewarta")
    journalist.fill("input[name=outlet_name]", "Warta Patriot")
    journalist.select_option("select[name=outlet_kind]", "online")
    journalist.fill("input[name=whatsapp]", "0857 1234 5678")
    journalist.fill("input[name=credential]", "UKW-2021/0099")
    journalist.select_option("select[name=ukw_level]", "muda")
    steps.shot(journalist, "daftar-wartawan")
    journalist.click("form [type=submit].primary")
    journalist.wait_for_selector("text=Pendaftaran diterima")

    link = re.search(r"https?://\S+", _outbox_text(live_server, "confirmation")).group(0)
    assert link.startswith(live_server.url + "/wartawan/konfirmasi/")
    journalist.goto(link)
    assert "Surel dikonfirmasi" in journalist.inner_text("main")

    editor = browser.new_page(viewport={"width": 1280, "height": 900}, locale="id-ID")
    login(editor, live_server, EMAILS["editor"], PASSWORDS["editor"])
    editor.get_by_role("link", name="Wartawan", exact=True).click()
    editor.get_by_role("link", name="Sari Pewarta").click()
    steps.shot(editor, "redaktur-setujui-wartawan")
    editor.get_by_role("button", name="Setujui").click()
    editor.wait_for_selector(".flash-info")
    assert "Disetujui" in editor.inner_text("dl.facts")
    assert "disetujui" in _outbox_text(live_server, "journalist_decision")
    editor.goto(f"{live_server.url}/staf/siaran/{release['id']}/")
    editor.select_option("select[name=audience]", "all")
    editor.get_by_role("button", name="Buka untuk wartawan").click()
    editor.wait_for_selector(".flash-info")

    journalist.goto(live_server.url + "/wartawan/masuk")
    journalist.fill("input[name=email]", EMAIL)
    journalist.fill("input[name=password]", PASSWORD)
    journalist.click("form [type=submit].primary")
    journalist.wait_for_selector("h1:has-text('Siaran embargo')")
    journalist.get_by_role("link", name=release["title"]).click()
    banner = journalist.inner_text(".embargo-banner")
    assert banner.startswith("EMBARGO hingga ") and "WIB" in banner
    steps.shot(journalist, "pratinjau-embargo")
    for image in journalist.query_selector_all("article img"):
        assert "/wartawan/embargo/" in image.get_attribute("src")
        assert journalist.evaluate("(img) => img.complete && img.naturalWidth > 0", image)

    editor.goto(f"{live_server.url}/staf/siaran/{release['id']}/")
    assert "Sari Pewarta" in editor.inner_text(".embargo-views")
    assert _journalist_id(live_server) > 0
    editor.close()
    journalist.close()
