"""Planning in Chromium: the editor plans an activity and assigns the photographer; the
photographer finds it under "Tugas saya" (and a notification), uploads a photo and marks
the activity covered."""
from __future__ import annotations

from press.dates import office_today
from tests.browser.conftest import login
from tests.conftest import EMAILS, FIXTURES, PASSWORDS

TITLE = "Peninjauan Jembatan Kali Bekasi"


def test_editor_plans_and_assigns_the_photographer_who_uploads_and_marks_it_covered(live_server, browser, steps):
    editor = browser.new_page(locale="id-ID", viewport={"width": 1280, "height": 900})
    login(editor, live_server, EMAILS["editor"], PASSWORDS["editor"])
    editor.goto(live_server.url + "/staf/kegiatan/baru")
    editor.fill("#title", TITLE)
    editor.select_option("#kind", "kunjungan_kerja")
    editor.fill("#starts_on", office_today().isoformat())
    editor.fill("#starts_at_time", "15:00")
    editor.click("form.card [name=submit]")
    assert editor.locator("h1").inner_text() == TITLE
    assert editor.locator(".activity-state").inner_text() == "Direncanakan"
    editor.select_option("#assign-user", label="Fajar Fotografer (Fotografer)")
    editor.fill("#assign-note", "Foto dari sisi utara jembatan")
    editor.get_by_role("button", name="Tugaskan").click()
    assert "Fajar Fotografer ditugaskan sebagai Fotografer." in editor.locator(".flashes").inner_text()
    assert "Foto dari sisi utara jembatan" in editor.locator("table.assignments").inner_text()
    steps.shot(editor, "assigned")
    activity_url = editor.url.split("#")[0]
    editor.close()

    photographer = browser.new_page(locale="id-ID", viewport={"width": 1280, "height": 900})
    login(photographer, live_server, EMAILS["photographer"], PASSWORDS["photographer"])
    photographer.goto(live_server.url + "/staf/kegiatan/")
    assert photographer.locator(".notifications-link .badge").is_visible()
    photographer.get_by_role("link", name="Tugas saya").click()
    today = photographer.locator("#hari-ini")
    assert "15.00 WIB" in today.inner_text() and "Foto dari sisi utara jembatan" in today.inner_text()
    steps.shot(photographer, "tugas-saya")
    today.get_by_role("link", name=TITLE).click()
    assert photographer.url.split("#")[0] == activity_url

    photographer.get_by_role("link", name="Unggah foto").click()
    photographer.set_input_files("#file", str(FIXTURES / "images" / "Landscape_3.jpg"))  # no other browser test uploads it
    photographer.wait_for_function("() => document.getElementById('upload-summary').textContent.length > 0")
    assert "1 tersimpan" in photographer.text_content("#upload-summary")

    photographer.goto(activity_url)
    assert photographer.locator(".gallery .photo-card").count() == 1
    assert photographer.get_by_role("button", name="Tandai dibatalkan").count() == 0
    photographer.get_by_role("button", name="Tandai diliput").click()
    assert "Kegiatan kini berstatus: Diliput." in photographer.locator(".flashes").inner_text()
    assert photographer.locator(".activity-state").inner_text() == "Diliput"
    steps.shot(photographer, "diliput")
    photographer.close()
