"""The whole pipeline as its users meet it, in Chromium against gunicorn (2 workers).

The photographer uploads ten fixture photos and two broken files to the demo activity;
the writer adds the notes of ``example-release.txt``, accepts the people and quotes,
drafts the release, fixes what the checks flag and sends it for review; the editor
approves and publishes; an anonymous visitor finds the release with an inflected word,
opens it and downloads a photo that carries its caption, by-line and credit (EXIF and IPTC) and no GPS.
Every step leaves a screenshot under ``test-output/browser/test_journey.../``.
"""
from __future__ import annotations

import re

import exifread
from PIL import Image, IptcImagePlugin

from tests.browser.conftest import login
from tests.conftest import EMAILS, PASSWORDS, REPO_ROOT

FIXTURES = REPO_ROOT.parent / "shared" / "fixtures"
EXAMPLE_NOTES = REPO_ROOT.parent / "shared" / "example-release.txt"
PHOTOS = ("florida_beach.jpg", "sample1.jpg", "has-lens-info.jpg", "r_canon.jpg", "r_sony.jpg",
          "Landscape_0.jpg", "Landscape_1.jpg", "hopper_orientation_6.webp", "IMG_5195.HEIC", "transparent.png")
BROKEN = ("broken.jpg", "decompression_bomb.gif")
ACTIVITY = "Kunjungan Kerja PPID Utama Kabupaten Subang"
CAPTION = "Sekretaris Diskominfo Kabupaten Subang Lukita Harjana menyampaikan maksud kunjungan kerja."
CREDIT = "Dok. Humas Pemkot Bekasi"


def wait_for_public(page, url: str, text: str) -> None:
    """Each worker's page cache looks for changes at most once a second."""
    for _attempt in range(20):
        page.goto(url)
        if text in page.content():
            return
        page.wait_for_timeout(300)


def test_journey_from_upload_to_a_journalists_download(live_server, browser, steps, tmp_path):
    desk = {"viewport": {"width": 1280, "height": 900}, "locale": "id-ID"}

    # -- the photographer --------------------------------------------------------------
    photographer = browser.new_context(**desk)
    page = photographer.new_page()
    login(page, live_server, EMAILS["photographer"], PASSWORDS["photographer"])
    page.goto(live_server.url + "/staf/kegiatan/")
    page.get_by_role("link", name=ACTIVITY).click()
    page.get_by_role("link", name="Unggah foto").click()
    page.wait_for_url("**/unggah")
    steps.shot(page, "fotografer-halaman-unggah")
    page.set_input_files("#file", [str(FIXTURES / "images" / name) for name in PHOTOS]
                         + [str(FIXTURES / "broken" / name) for name in BROKEN])
    page.wait_for_selector("#upload-list .upload-row progress")
    steps.shot(page, "fotografer-sedang-mengunggah")
    page.wait_for_function("() => document.getElementById('upload-summary').textContent.length > 0", timeout=300_000)
    page.wait_for_function("() => !document.querySelector('#upload-list .upload-row.processing')", timeout=300_000)
    steps.shot(page, "fotografer-hasil-unggah")

    assert page.text_content("#upload-summary") == "Selesai: 10 tersimpan, 0 sudah ada, 2 ditolak."
    rows = page.locator("#upload-list .upload-row")
    assert rows.count() == 12
    assert rows.locator("progress").count() == 12  # a bar per file
    assert page.eval_on_selector_all("#upload-list progress", "bars => bars.every(b => b.value === 100)")
    ingested = page.locator("#upload-list .upload-row.ingested")
    assert {row.split("\n")[0] for row in ingested.all_inner_texts()} == set(PHOTOS)
    refusals = dict(zip(BROKEN, ("Jenis berkas ini bukan foto yang didukung", "bom dekompresi")))
    rejected = page.locator("#upload-list .upload-row.rejected")
    assert rejected.count() == 2
    for name, reason in refusals.items():
        row = rejected.filter(has_text=name)
        assert row.count() == 1 and reason in row.inner_text()

    # The photographer captions the best frame and makes it a highlight for the writer.
    page.locator("#upload-list .upload-row.ingested", has_text="florida_beach.jpg").get_by_role("link").click()
    page.wait_for_url(re.compile(r"/staf/foto/\d+"))
    photo_id = re.search(r"/staf/foto/(\d+)", page.url).group(1)
    page.fill(f"#caption-{photo_id}", CAPTION)
    page.locator(f"#caption-{photo_id}").locator("xpath=ancestor::form").get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Jadikan unggulan").click()
    page.wait_for_selector("button:has-text('Unggulan ✓')")
    assert page.input_value(f"#caption-{photo_id}") == CAPTION
    assert "27.81912, -82.82608" in page.inner_text("main")  # staff see where it was taken
    steps.shot(page, "fotografer-keterangan-dan-unggulan")
    photographer.close()

    # -- the writer --------------------------------------------------------------------
    writer = browser.new_context(**desk)
    page = writer.new_page()
    login(page, live_server, EMAILS["writer"], PASSWORDS["writer"])
    page.goto(live_server.url + "/staf/kegiatan/")
    page.get_by_role("link", name=ACTIVITY).click()
    page.set_input_files("#upload", str(EXAMPLE_NOTES))
    page.get_by_role("button", name="Simpan catatan").click()
    page.wait_for_url(re.compile(r"/staf/catatan/\d+"))
    assert "Catatan disimpan" in page.inner_text(".flash-success")
    assert "Â" not in page.inner_text(".note-text")  # the mojibake of the example is cleaned
    people = [page.input_value(f"input[name=person-{i}-name]") for i in range(page.locator(".review-people tbody tr").count())]
    assert {"Sajekti Rubiyah", "Lukita Harjana", "Diah Setiyawati"} <= set(people)
    steps.shot(page, "penulis-tinjau-catatan")
    for box in page.locator("input[name^=person-][type=checkbox], input[name^=quote-][type=checkbox]").all():
        box.check()
    speakers = [page.input_value(f"#{box.get_attribute('id').replace('-accept', '-speaker')}")
                for box in page.locator("input[name^=quote-][type=checkbox]").all()]
    assert all(speakers), f"a quote without a speaker: {speakers}"
    page.get_by_role("button", name="Simpan tinjauan").click()
    page.wait_for_load_state()
    accepted = page.inner_text(".flash-success")
    assert re.fullmatch(rf"Tinjauan disimpan: {len(people)} orang dan {len(speakers)} kutipan diterima\.", accepted), accepted
    steps.shot(page, "penulis-catatan-diterima")

    page.get_by_role("link", name=ACTIVITY).click()
    page.get_by_role("button", name="Buat draf siaran").click()
    page.wait_for_url(re.compile(r"/staf/siaran/\d+/sunting"))
    release_id = re.search(r"/staf/siaran/(\d+)/", page.url).group(1)
    title = page.input_value("#title")
    body = page.input_value("#body")
    assert "Kunker PPID Utama Kabupaten Subang" in title
    assert '," ujar Lukita.' in body  # the accepted quotes are in the draft
    findings = page.locator(".checks .finding")
    codes = {cls.split("finding-")[1] for cls in (f.get_attribute("class") for f in findings.all())}
    # The example names one regency two ways and one office two ways; the checks say so (beside
    # the editorial checks' spelling and foreign-word findings on the example's own slips).
    assert {"region_two_ways", "name_two_ways"} <= codes, page.inner_text(".checks")
    steps.shot(page, "penulis-draf-dengan-temuan")

    fixed = body.replace("Kota Subang", "Kabupaten Subang").replace("Setda Kota Bekasi", "Sekretariat Daerah Kota Bekasi")
    page.fill("#body", fixed)
    page.fill("#comment", "Satu sebutan untuk Kabupaten Subang dan Sekretariat Daerah")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state()
    assert "Tersimpan sebagai revisi 2." in page.content()
    codes = {cls.split("finding-")[1] for cls in (f.get_attribute("class") for f in findings.all())}
    assert not codes & {"region_two_ways", "name_two_ways"}, page.inner_text(".checks")
    steps.shot(page, "penulis-temuan-dibetulkan")

    page.goto(f"{live_server.url}/staf/siaran/{release_id}/")
    page.get_by_role("button", name="Ajukan untuk ditinjau").click()
    page.wait_for_selector(".flash-success")
    assert "Ditinjau" in page.inner_text(".workflow")
    steps.shot(page, "penulis-diajukan")
    writer.close()

    # -- the editor --------------------------------------------------------------------
    editor = browser.new_context(**desk)
    page = editor.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    login(page, live_server, EMAILS["editor"], PASSWORDS["editor"])
    page.goto(live_server.url + "/staf/siaran/alur")
    page.get_by_role("link", name=title).first.click()
    steps.shot(page, "redaktur-antrean-siaran")
    page.get_by_role("button", name="Setujui").click()
    page.wait_for_selector(".flash-success")
    page.get_by_role("button", name="Terbitkan sekarang").click()
    page.wait_for_selector(".flash-success")
    assert "Terbit" in page.inner_text(".workflow")
    steps.shot(page, "redaktur-terbit")
    editor.close()

    # -- an anonymous visitor ----------------------------------------------------------
    visitor = browser.new_context(**desk, accept_downloads=True)
    page = visitor.new_page()
    wait_for_public(page, live_server.url + "/", title)
    steps.shot(page, "pengunjung-beranda")
    page.get_by_role("link", name="Cari", exact=True).click()
    page.fill("input[name=q]", "berkunjung")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/cari?*")
    page.locator(".facet a", has_text="Siaran pers").click()  # releases only, not the photos
    page.wait_for_load_state()
    hit = page.get_by_role("link", name=title)
    assert hit.count() == 1, page.inner_text("main")
    steps.shot(page, "pengunjung-hasil-cari")
    hit.click()
    page.wait_for_selector("h1.headline")
    assert page.inner_text("h1") == title
    article = page.inner_text("article")
    assert "Diskominfo Kabupaten Subang" in article and "Kota Subang" not in article
    steps.shot(page, "pengunjung-siaran")

    page.locator("article figure", has_text=CAPTION).get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/foto/\d+"))
    steps.shot(page, "pengunjung-foto")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Unduh foto")).click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    with saved.open("rb") as handle:
        tags = exifread.process_file(handle, details=False)
    assert str(tags["Image ImageDescription"]) == CAPTION
    assert str(tags["Image Artist"]) == "Fajar Fotografer"  # the by-line: who took it
    with Image.open(saved) as image:
        iptc = IptcImagePlugin.getiptcinfo(image)
    assert iptc[(2, 120)].decode() == CAPTION and iptc[(2, 110)].decode() == CREDIT
    assert not [name for name in tags if name.startswith("GPS")], "the public photo still says where it was taken"
    visitor.close()
