"""The upload page in Chromium against gunicorn: 200 photos picked at once, each its own
request with its own progress bar, at most three in flight, every row ending with its
result; a duplicate links to the existing photo and a bad file says why. Each photo says
"Diproses" until the job worker has made its previews, then shows its thumbnail without
a reload."""
from __future__ import annotations

import io
import json
import random
import urllib.parse
from datetime import datetime, timedelta

from PIL import Image

from .conftest import login

COUNT = 200


def small_photo(seed: int) -> bytes:
    """A distinct 96x64 JPEG with a taken-at time (quick to make, quick to ingest)."""
    rng = random.Random(seed)
    image = Image.new("RGB", (96, 64), tuple(rng.randrange(256) for _ in range(3)))
    for _ in range(40):
        x, y = rng.randrange(96), rng.randrange(64)
        image.putpixel((x, y), tuple(rng.randrange(256) for _ in range(3)))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Canon", "Canon EOS 80D"
    exif.get_ifd(0x8769)[0x9003] = (datetime(2021, 9, 30, 9, 0) + timedelta(seconds=seed)).strftime("%Y:%m:%d %H:%M:%S")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, exif=exif)
    return out.getvalue()


def test_two_hundred_photos_in_one_go(live_server, browser, steps, tmp_path):
    folder = tmp_path / "pick"
    folder.mkdir()
    files = []
    for seed in range(COUNT):
        path = folder / f"IMG_{seed:04d}.JPG"
        path.write_bytes(small_photo(seed))
        files.append(str(path))
    (folder / "catatan.jpg").write_bytes(b"bukan foto, hanya teks")
    (folder / "IMG_0000_copy.JPG").write_bytes((folder / "IMG_0000.JPG").read_bytes())
    files += [str(folder / "catatan.jpg"), str(folder / "IMG_0000_copy.JPG")]

    page = browser.new_page(locale="id-ID", viewport={"width": 1280, "height": 900})
    login(page, live_server, "fotografer@siaran.test", "demo-fotografer-2021")
    # Count the upload requests the page has open at once (done: readyState 4, before its handlers run);
    # the status polls (GET) are not uploads.
    page.add_init_script("""(() => {
      let active = 0; window.__most = 0;
      const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
      XMLHttpRequest.prototype.open = function (method, ...rest) {
        this.__upload = method === "POST";
        return open.call(this, method, ...rest);
      };
      XMLHttpRequest.prototype.send = function (body) {
        if (!this.__upload) return send.call(this, body);
        active++; window.__most = Math.max(window.__most, active);
        this.addEventListener("readystatechange", () => { if (this.readyState === 4) active--; });
        return send.call(this, body);
      };
    })();""")
    # The session's server is shared: count what the activity held before this test.
    page.goto(live_server.url + "/staf/kegiatan/1")
    earlier = len(page.query_selector_all(".gallery .photo-card"))
    stored = json.loads(live_server.flask("media", "verify", "--json").stdout)["media"]
    page.goto(live_server.url + "/staf/kegiatan/1/unggah")
    assert page.input_value("#credit") == "Dok. Humas Pemkot Bekasi"
    page.fill("#caption_prefix", "Kunjungan kerja PPID Kabupaten Subang.")
    steps.shot(page, "upload-page")
    page.set_input_files("#file", files)
    page.wait_for_function("() => document.getElementById('upload-summary').textContent.length > 0", timeout=300_000)
    page.wait_for_function("() => !document.querySelector('#upload-list .upload-row.processing')", timeout=300_000)
    steps.shot(page, "done")

    summary = page.text_content("#upload-summary")
    assert summary == f"Selesai: {COUNT} tersimpan, 1 sudah ada, 1 ditolak."
    assert page.evaluate("window.__most") == 3  # in parallel, but never more than three
    rows = page.query_selector_all("#upload-list .upload-row")
    assert len(rows) == COUNT + 2
    assert all(row.get_attribute("class") != "upload-row waiting" for row in rows)
    assert page.eval_on_selector_all("#upload-list progress", "bars => bars.every(b => b.value === 100)")
    rejected = page.text_content("#upload-list .upload-row.rejected")
    assert "catatan.jpg" in rejected and "Jenis berkas ini bukan foto yang didukung" in rejected
    duplicate = page.query_selector("#upload-list .upload-row.duplicate")
    assert "IMG_0000_copy.JPG" in duplicate.text_content()
    link = duplicate.query_selector("a").get_attribute("href")
    assert link.startswith("/staf/foto/")
    assert len(page.query_selector_all("#upload-list .upload-row.ingested img.mini")) == COUNT

    page.goto(live_server.url + link)
    assert "IMG_0000.JPG" in page.text_content("h1")
    page.goto(live_server.url + "/staf/kegiatan/1")
    assert len(page.query_selector_all(".gallery .photo-card")) == earlier + COUNT
    steps.shot(page, "gallery")
    page.close()

    report = json.loads(live_server.flask("media", "verify", "--json").stdout)
    assert report["ok"] and report["media"] == stored + COUNT


def test_a_photo_says_diproses_until_its_previews_exist_then_shows_its_thumbnail(live_server, browser, steps,
                                                                                 tmp_path):
    """The status poll is held back (answered "still processing") until the row has been
    seen saying so; then the page asks the server for real and shows the thumbnail."""
    path = tmp_path / "IMG_PROSES.JPG"
    image = Image.effect_noise((2400, 1600), 60).convert("RGB")
    image.save(path, "JPEG", quality=90)
    page = browser.new_page(locale="id-ID", viewport={"width": 1280, "height": 900})
    login(page, live_server, "fotografer@siaran.test", "demo-fotografer-2021")
    held = {"on": True, "asked": 0}

    def status(route):
        held["asked"] += 1
        if not held["on"]:
            return route.continue_()
        ids = [value for key, value in urllib.parse.parse_qsl(urllib.parse.urlsplit(route.request.url).query)
               if key == "id"]
        route.fulfill(json={"photos": [{"media_id": int(i), "status": "processing"} for i in ids]})

    page.route("**/staf/foto/status?*", status)
    page.goto(live_server.url + "/staf/kegiatan/1/unggah")
    page.set_input_files("#file", [str(path)])
    row = page.locator("#upload-list .upload-row").first
    page.wait_for_function("() => document.querySelector('#upload-list .upload-row.processing')", timeout=60_000)
    assert "Diproses" in row.text_content() and row.locator("img.mini").count() == 0
    while held["asked"] < 2:  # two polls answered "processing": the row stays as it is
        page.wait_for_timeout(100)
    assert "Diproses" in row.text_content() and row.locator("img.mini").count() == 0
    steps.shot(page, "diproses")
    held["on"] = False
    row.locator("img.mini").wait_for(timeout=60_000)
    assert "Tersimpan" in row.text_content() and "processing" not in row.get_attribute("class")
    assert page.evaluate("document.querySelector('#upload-list img.mini').naturalWidth") > 0
    steps.shot(page, "thumbnail")
    page.close()
