"""The journalist's toolkit on the public release page: text to copy, the kit with public
photos only, print-size photos made on request, the PDF, the press contact card."""
from __future__ import annotations

import io
import zipfile

import exifread
import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import func, select

from press.drafting import pdf as pdf_stage
from press.extensions import db
from press.models import Media, PrintRequest, Release, Unit
from press.photos.public_meta import read_public_meta
from press.services import toolkit
from tests.conftest import FIXTURES
from tests.web.publishing_fixtures import add_photo, attach


def _page(client, release) -> str:
    return client.get(f"/siaran/{release.slug}").get_data(as_text=True)


def _attach_private_photo(app, site) -> tuple[int, str]:
    """A photo of the exempt activity attached to the published release (never public): its id and key."""
    with app.app_context():
        private = db.session.scalar(select(Media).where(Media.caption.like("FOTO-KECUALI-KEGIATAN%")))
        release = db.session.get(Release, site.published.id)
        attach(release, private)
        db.session.commit()
        return private.id, private.sha256


def test_release_page_offers_plain_and_whatsapp_text_with_share_link(client, site):
    page = _page(client, site.published)
    assert 'id="plain-text" readonly' in page and 'id="wa-text" readonly' in page
    assert "Salin teks" in page and "Salin untuk WhatsApp" in page
    assert f"*{site.published.title}*" in page
    assert f"http://localhost/siaran/{site.published.slug}" in page
    assert "https://wa.me/?text=%2A" in page
    assert "copy.js" in page


def test_the_kit_holds_only_public_photos_with_captions_and_the_docx(app, client, site):
    _private_id, private_key = _attach_private_photo(app, site)
    answer = client.get(f"/siaran/{site.published.slug}/kit.zip")
    assert answer.status_code == 200 and answer.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(answer.data))
    names = archive.namelist()
    photos = [n for n in names if n.startswith("foto/")]
    assert len(photos) == 1, names  # the lead photo; the exempt activity's photo is left out
    captions = archive.read("captions.txt").decode("utf-8")
    assert "Kepala Bagian Humas menerima rombongan" in captions
    assert "FOTO-KECUALI" not in captions and "FOTO-KECUALI" not in archive.read(
        next(n for n in names if n.endswith(".docx"))).decode("latin-1")
    assert all(private_key not in n for n in names)


def test_print_photo_is_made_by_a_job_on_first_request_then_served(app, client, site):
    with app.app_context():
        media = add_photo(app, FIXTURES / "images/florida_beach.jpg", activity_id=site.published.activity_id,
                          caption="Pantai untuk dicetak", credit="Dok. Humas", is_public=True)
        media.copyright = "Pemkot Bekasi"
        db.session.commit()
        media_id = media.id
        assert media.rendition("print") is None  # not on ingest
    first = client.get(f"/foto/{media_id}/cetak.jpg")
    assert first.status_code == 202
    assert "sedang disiapkan" in first.get_data(as_text=True).lower()
    assert first.headers["Retry-After"] and first.headers["Cache-Control"] == "no-store"
    answer = client.get(f"/foto/{media_id}/cetak.jpg")
    assert answer.status_code == 200 and answer.mimetype == "image/jpeg"
    assert "attachment" in answer.headers["Content-Disposition"]
    with Image.open(io.BytesIO(answer.data)) as image:
        assert max(image.size) == 3000 and image.size == (3000, 2250)
    tags = exifread.process_file(io.BytesIO(answer.data), details=False)
    assert not [k for k in tags if k.startswith("GPS")]
    meta = read_public_meta(answer.data)
    assert meta["iptc"]["caption"] == "Pantai untuk dicetak"
    assert meta["iptc"]["credit"] == "Dok. Humas"
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PrintRequest)) == 0


def test_a_small_photo_is_never_upscaled_for_print(app, client, site):
    lead = site.public_photos[0]
    assert client.get(f"/foto/{lead.id}/cetak.jpg").status_code == 202
    answer = client.get(f"/foto/{lead.id}/cetak.jpg")
    with Image.open(io.BytesIO(answer.data)) as image, app.app_context():
        original = db.session.get(Media, lead.id)
        assert image.size == (original.width, original.height)
        assert max(image.size) < 3000


def test_a_private_photo_has_no_print_rendition_and_none_is_asked_for(app, client, site):
    private_id, _key = _attach_private_photo(app, site)
    for media_id in [*(m.id for m in site.private_photos), private_id]:
        assert client.get(f"/foto/{media_id}/cetak.jpg").status_code == 404
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PrintRequest)) == 0
        assert all(r.variant != "print" for m in db.session.scalars(select(Media)) for r in m.renditions)


def test_unpublished_releases_have_no_kit_no_pdf(client, site):
    for release in [*site.hidden.values(), *site.excluded]:
        for suffix in ("kit.zip", "siaran.pdf"):
            assert client.get(f"/siaran/{release.slug}/{suffix}").status_code == 404


@pytest.mark.skipif(pdf_stage.soffice() is None, reason="LibreOffice (tools/system-packages) is not installed")
def test_the_pdf_opens_with_the_title_and_is_kept_for_the_version(app, client, site, monkeypatch):
    answer = client.get(f"/siaran/{site.published.slug}/siaran.pdf")
    assert answer.status_code == 200 and answer.mimetype == "application/pdf"
    assert answer.data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(answer.data))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Subang" in " ".join(text.split())
    assert "FOTO-RAHASIA" not in text

    def refuse(_docx, **_kw):
        raise AssertionError("converted again")

    monkeypatch.setattr(toolkit, "docx_to_pdf", refuse)
    again = client.get(f"/siaran/{site.published.slug}/siaran.pdf")
    assert again.status_code == 200 and again.data == answer.data


def test_a_failed_conversion_answers_503_with_the_reason(app, client, site, monkeypatch):
    def fail(_docx, **_kw):
        raise pdf_stage.PdfError("soffice did not finish")

    monkeypatch.setattr(toolkit, "docx_to_pdf", fail)
    answer = client.get(f"/siaran/{site.published.slug}/siaran.pdf")
    assert answer.status_code == 503
    assert answer.headers["Retry-After"]
    assert "PDF siaran ini belum dapat dibuat" in answer.get_data(as_text=True)


def test_the_contact_card_set_by_the_admin_shows_escaped_with_tel_and_whatsapp_links(app, auth, client, site):
    auth.login("admin")
    with app.app_context():
        unit_id = db.session.get(Release, site.published.id).unit_id
    token = auth.token(f"/staf/admin/unit/{unit_id}")
    answer = client.post(f"/staf/admin/unit/{unit_id}/kontak", data={
        "csrf_token": token, "contact_name": "Rina <script>alert(1)</script>", "contact_role": "Pranata Humas",
        "contact_phone": "(021) 889-0101", "contact_whatsapp": "0812 3456 7890", "contact_email": "rina@bekasikota.go.id",
    })
    assert answer.status_code == 302
    auth.logout()
    page = _page(app.test_client(), site.published)
    assert "Rina &lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert 'href="tel:+62218890101"' in page
    assert 'href="https://wa.me/6281234567890"' in page
    assert 'href="mailto:rina@bekasikota.go.id"' in page


def test_a_contact_number_that_cannot_be_one_is_refused_with_the_reason(app, auth, client, site):
    auth.login("admin")
    with app.app_context():
        unit = db.session.scalar(select(Unit).where(Unit.contact_name.is_not(None)))
        before = unit.contact_whatsapp
    token = auth.token(f"/staf/admin/unit/{unit.id}")
    answer = client.post(f"/staf/admin/unit/{unit.id}/kontak", data={
        "csrf_token": token, "contact_name": "Rina", "contact_whatsapp": "javascript:alert(1)"})
    assert answer.status_code == 400
    assert "Nomor WhatsApp javascript:alert(1) tidak terbaca" in answer.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Unit, unit.id).contact_whatsapp == before


def test_a_print_request_waits_for_the_worker_and_a_withdrawn_photo_is_never_rendered(app, client, site, queued_jobs):
    lead, extra = site.public_photos
    for media in (lead, extra):
        assert client.get(f"/foto/{media.id}/cetak.jpg").status_code == 202
        assert client.get(f"/foto/{media.id}/cetak.jpg").status_code == 202  # asked twice, one request row
    with app.app_context():
        assert set(db.session.scalars(select(PrintRequest.media_id))) == {lead.id, extra.id}
        db.session.get(Media, extra.id).is_public = False  # made staff-only before the worker ran
        db.session.commit()
    while (task := queued_jobs.dequeue()) is not None:
        queued_jobs.execute(task)
    assert client.get(f"/foto/{lead.id}/cetak.jpg").status_code == 200
    assert client.get(f"/foto/{extra.id}/cetak.jpg").status_code == 404
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PrintRequest)) == 0
        assert db.session.get(Media, extra.id).rendition("print") is None
