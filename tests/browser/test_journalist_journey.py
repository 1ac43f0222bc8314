"""The journalist's journey in Chromium, with every e-mail received by a real SMTP server.

The session's live server (gunicorn and the job worker) sends through aiosmtpd on
loopback (``mail_server``, its ``PRESS_SMTP_URL``), so each "the message arrives" is a
message the outbox's job sent over SMTP, parsed with the standard library. A journalist registers on
the form and confirms by the e-mailed link; the editor refuses a rejection without a
reason, then approves; the journalist, told by e-mail, signs in and subscribes to a unit
on the account page; the editor publishes a release of that unit; the alert arrives
(subject, both parts, unsubscribe link); on the public page it links to, "Salin untuk
WhatsApp" fills the clipboard with the WhatsApp text service's output for the release,
and the kit and the print photo download (the ZIP opened, the photo opened with Pillow).

The release waiting for the editor is put in the server's database by the test (the
writer's and the photographer's part is ``test_journey.py``'s): it shows the demo
activity's lead photo, public, and a photo under an internal licence, which no download
may carry.
"""
from __future__ import annotations

import io
import re
import time
import zipfile
from email.message import EmailMessage

import pytest
from PIL import Image, IptcImagePlugin
from sqlalchemy import select

from press import create_app
from press.codes import ReleaseState
from press.extensions import db
from press.models import Activity, Media, Release, ReleasePhoto
from press.services import public, toolkit
from press.text import slugify
from tests.browser.conftest import login
from tests.conftest import EMAILS, PASSWORDS

EMAIL = "dewi@kabar-patriot.example.id"
PASSWORD = "kata-sandi-dewi-2021"
NAME = "Dewi Kabar"
ACTIVITY = "Kunjungan Kerja PPID Utama Kabupaten Subang"
TITLE = "Pemkot Bekasi Latih Juru Bicara Perangkat Daerah Menghadapi Wartawan"
BODY = ("Bagian Humas melatih **juru bicara** dari setiap perangkat daerah di ruang rapat Sekretariat Daerah. "
        "Peserta berlatih *doorstop interview* dan menjawab pertanyaan wartawan.\n\n"
        "Pelatihan berlanjut pekan depan dengan simulasi jumpa pers.")
GPS_IFD = 0x8825
MAIL_WAIT_SECONDS = 60


@pytest.fixture
def journey(live_server, mail_server):
    """The server, its SMTP server's sink, an application on the server's instance (what
    the test prepares and computes) and the release waiting for the editor."""
    env = live_server.env
    app = create_app({"ENV": "development", "SECRET_KEY": env["PRESS_SECRET_KEY"],
                      "DATABASE_URL": env["PRESS_DATABASE_URL"], "MEDIA_ROOT": env["PRESS_MEDIA_ROOT"],
                      "INDEX_ROOT": env["PRESS_INDEX_ROOT"], "JOBS_URL": env["PRESS_JOBS_URL"]})
    yield live_server, mail_server.sink, app, _release_waiting_for_the_editor(app)
    with app.app_context():
        db.engine.dispose()


def _release_waiting_for_the_editor(app) -> dict:
    """An approved release of the demo activity with its public lead photo first and a
    photo under an internal licence second; what the test later looks for in it."""
    with app.app_context():
        activity = db.session.scalar(select(Activity).where(Activity.title == ACTIVITY))
        photos = db.session.scalars(select(Media).where(Media.activity_id == activity.id).order_by(Media.id)).all()
        shown = next(m for m in photos if public.may_show(m) and m.caption)  # the demo's lead, before any upload
        internal = next(m for m in photos if public.is_internal(m))
        release = Release(slug=slugify(TITLE), title=TITLE, dateline="BEKASI –", body=BODY, signature="(Adv Humas)",
                          state=ReleaseState.APPROVED, unit_id=activity.unit_id, activity_id=activity.id)
        db.session.add(release)
        db.session.flush()
        for position, media in enumerate((shown, internal)):
            db.session.add(ReleasePhoto(release_id=release.id, media_id=media.id, position=position))
        db.session.commit()
        return {"id": release.id, "slug": release.slug, "unit": activity.unit.name, "caption": shown.caption,
                "credit": shown.credit, "long_edge": max(shown.width, shown.height),
                "internal_caption": internal.caption}


def _mail(sink, subject: str) -> EmailMessage:
    """The one message with ``subject`` the SMTP server accepted for the journalist, once
    the outbox's job has sent it; there is never a second."""
    deadline = time.monotonic() + MAIL_WAIT_SECONDS
    while time.monotonic() < deadline:
        found = [m for m in list(sink.accepted) if m["To"] == EMAIL and m["Subject"] == subject]
        if found:
            assert len(found) == 1, f"{len(found)} messages {subject!r}"
            return found[0]
        time.sleep(0.2)
    received = [m["Subject"] for m in list(sink.accepted) if m["To"] == EMAIL]
    raise AssertionError(f"no message {subject!r} arrived within {MAIL_WAIT_SECONDS} s; {EMAIL} received {received}")


def _plain(message: EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


def _link(text: str, path: str) -> str:
    return next(link for link in re.findall(r"https?://\S+", text) if path in link)


def test_a_journalist_registers_subscribes_gets_the_alert_and_takes_the_release_away(journey, browser, steps, tmp_path):
    server, sink, app, release = journey
    journalist = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, locale="id-ID",
                                     permissions=["clipboard-read", "clipboard-write"], accept_downloads=True)
    page = journalist.new_page()

    # -- registers on the form, and confirms by the e-mailed link -----------------------
    page.goto(server.url + "/")
    page.get_by_role("link", name="Wartawan", exact=True).click()
    page.get_by_role("link", name="Daftar sebagai wartawan").first.click()
    page.fill("input[name=email]", EMAIL)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=name]", NAME)
    page.fill("input[name=outlet_name]", "Kabar Patriot")
    page.select_option("select[name=outlet_kind]", "online")
    page.fill("input[name=whatsapp]", "0857 2021 0930")
    page.fill("input[name=credential]", "UKW-2021/0930")
    page.select_option("select[name=ukw_level]", "muda")
    page.click("form [type=submit].primary")
    page.wait_for_selector("text=Pendaftaran diterima")
    steps.shot(page, "wartawan-terdaftar")

    confirmation = _plain(_mail(sink, "Konfirmasi pendaftaran wartawan"))
    page.goto(_link(confirmation, "/wartawan/konfirmasi/"))
    assert "Surel dikonfirmasi" in page.inner_text("main")

    # -- the editor: a rejection needs a reason, then approves ------------------------
    editor = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    desk = editor.new_page()
    desk.on("dialog", lambda dialog: dialog.accept())
    login(desk, server, EMAILS["editor"], PASSWORDS["editor"])
    desk.get_by_role("link", name="Wartawan", exact=True).click()
    desk.get_by_role("link", name=NAME).click()
    desk.get_by_role("button", name="Tolak").click()
    assert "Tulis alasan penolakan" in desk.inner_text(".flash-error")
    assert "Disetujui" not in desk.inner_text("dl.facts") and "Ditolak" not in desk.inner_text("dl.facts")
    desk.get_by_role("button", name="Setujui").click()
    desk.wait_for_selector(".flash-info")
    assert "Disetujui" in desk.inner_text("dl.facts")
    steps.shot(desk, "redaktur-menyetujui")

    # -- told by e-mail; signs in; subscribes to the release's unit -------------------
    decision = _plain(_mail(sink, "Pendaftaran wartawan disetujui"))
    assert "Kabar Patriot" in decision
    page.goto(_link(decision, "/wartawan/masuk"))
    page.fill("input[name=email]", EMAIL)
    page.fill("input[name=password]", PASSWORD)
    page.click("form [type=submit].primary")
    page.wait_for_selector("h1:has-text('Siaran embargo')")
    page.get_by_role("link", name="Akun saya").first.click()
    page.check("#langganan input[name=scope][value=unit]")
    page.select_option("#langganan select[name=unit]", label=release["unit"])
    page.check("#langganan input[name=cadence][value=immediate]")
    page.get_by_role("button", name="Berlangganan").click()
    page.wait_for_selector(".flash-info")
    assert f"Siaran satu unit · {release['unit']} · Segera setelah terbit · Aktif" in page.inner_text("#langganan")
    steps.shot(page, "wartawan-berlangganan")

    # -- the editor publishes a release of that unit ----------------------------------
    desk.goto(f"{server.url}/staf/siaran/{release['id']}/")
    desk.get_by_role("button", name="Terbitkan sekarang").click()
    desk.wait_for_selector(".flash-success")
    assert "Terbit" in desk.inner_text(".workflow")
    editor.close()

    # -- the alert arrives --------------------------------------------------------------
    alert = _mail(sink, TITLE)
    assert alert["From"].addresses[0].display_name == release["unit"]
    text, html = _plain(alert), alert.get_body(("html",)).get_content()
    address = f"{server.url}/siaran/{release['slug']}"
    assert TITLE in text and address in text
    assert TITLE in html and address in html
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = alert["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith(server.url + "/langganan/berhenti/")

    # -- the public page the alert links to: "Salin untuk WhatsApp" ----------------------
    page.goto(_link(text, f"/siaran/{release['slug']}"))
    page.wait_for_selector("h1.headline")
    assert page.url == address
    page.click("button:has-text('Salin untuk WhatsApp')")
    page.wait_for_selector("#wa-text ~ p .copy-status:has-text('Tersalin')")
    steps.shot(page, "wartawan-salin-whatsapp")
    copied = page.evaluate("navigator.clipboard.readText()")
    with app.app_context():
        expected = toolkit.whatsapp(db.session, db.session.get(Release, release["id"]), address,
                                    app.config["OFFICE_NAME"]).text
    assert copied == expected
    assert copied.startswith(f"*{TITLE}*\n\n*BEKASI –* Bagian Humas melatih *juru bicara* ")
    assert "_doorstop interview_" in copied
    assert address in copied and copied.rstrip().endswith(f"Sumber: {release['unit']}")

    # -- the kit: the public photo only, captions.txt, the DOCX -------------------------
    with page.expect_download() as download:
        page.click("text=Unduh kit media (ZIP)")
    kit = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
    names = kit.namelist()
    photos = [name for name in names if name.startswith("foto/") and name.count("/") == 1]
    [docx] = [name for name in names if name.endswith(".docx")]
    assert len(photos) == 1, names
    captions = kit.read("captions.txt").decode("utf-8")
    assert release["caption"] in captions and release["internal_caption"] not in captions
    document = zipfile.ZipFile(io.BytesIO(kit.read(docx))).read("word/document.xml").decode("utf-8")
    assert TITLE in document and release["internal_caption"] not in document

    # -- the print photo: made by the job on first request, the page reloads itself ------
    with page.expect_download(timeout=MAIL_WAIT_SECONDS * 1000) as download:
        page.click("text=Foto 1 ukuran cetak")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    with Image.open(saved) as image:
        assert image.format == "JPEG" and max(image.size) == min(3000, release["long_edge"])  # never upscaled
        assert not image.getexif().get_ifd(GPS_IFD), "the print photo still says where it was taken"
        iptc = IptcImagePlugin.getiptcinfo(image)
    assert iptc[(2, 120)].decode() == release["caption"] and iptc[(2, 110)].decode() == release["credit"]

    # -- the unsubscribe link works without signing in ------------------------------------
    stranger = browser.new_context(locale="id-ID")
    other = stranger.new_page()
    other.goto(unsubscribe)
    other.click("#unsubscribe")
    assert f"{EMAIL} tidak akan menerima kabar siaran pers lagi." in other.inner_text("#unsubscribed")
    stranger.close()
    page.goto(server.url + "/wartawan/akun")
    assert "Belum ada langganan." in page.inner_text("#langganan")
    journalist.close()
