"""The focal point in Chromium: the photographer asks for the crops, clicks a marked spot on
the photo, the ``media.crops`` job of the running worker remakes the crops (as in
production), and every crop the page shows now holds the spot where its window puts it."""
from __future__ import annotations

import io
import re
import sqlite3
import time

from PIL import Image

from press.config import DEFAULTS, parse_crop_sizes
from press.dates import office_today
from press.photos.crops import crop_window
from tests.browser.conftest import login
from tests.conftest import EMAILS, PASSWORDS

SIZE = (3000, 2000)
SPOT = (0.85, 0.25)
"""Outside the square, portrait and story crops around the centre; inside them once clicked."""
RED = (230, 20, 20)
CROPS = parse_crop_sizes(DEFAULTS["CROP_SIZES"])


def marked_photo() -> bytes:
    image = Image.new("RGB", SIZE, (120, 130, 125))
    x, y = round(SPOT[0] * SIZE[0]), round(SPOT[1] * SIZE[1])
    image.paste(RED, (x - 30, y - 30, x + 30, y + 30))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def red_centre(jpeg: bytes) -> tuple[float, float] | None:
    image = Image.open(io.BytesIO(jpeg)).convert("RGB")
    red, green, _blue = image.split()
    mask = Image.eval(red, lambda v: 255 if v > 180 else 0)
    mask.paste(0, mask=Image.eval(green, lambda v: 255 if v >= 90 else 0))
    box = mask.getbbox()
    return None if box is None else ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def previews(page) -> dict[str, str]:
    return {img.get_attribute("data-crop"): img.get_attribute("src") for img in page.locator("img.crop-preview").all()}


def wait_for_previews(page, until, timeout: float = 90) -> dict[str, str]:
    """Reload the photo page until its crop previews satisfy ``until`` (the worker's job runs apart)."""
    deadline = time.monotonic() + timeout
    while True:
        shown = previews(page)
        if until(shown):
            return shown
        assert time.monotonic() < deadline, f"the crops were not (re)made in {timeout} s: {shown}"
        time.sleep(1)
        page.reload()


def stored_focal(server, media_id: int) -> tuple[float, float]:
    with sqlite3.connect(server.root / "siaran.db") as connection:
        return connection.execute("SELECT focal_x, focal_y FROM media WHERE id = ?", (media_id,)).fetchone()


def test_a_click_on_the_photo_sets_the_focal_point_and_every_crop_is_remade_around_it(
        live_server, browser, steps, tmp_path):
    page = browser.new_page(locale="id-ID", viewport={"width": 1280, "height": 900})
    login(page, live_server, EMAILS["photographer"], PASSWORDS["photographer"])
    page.goto(live_server.url + "/staf/kegiatan/baru")
    page.fill("#title", "Posyandu Melati: titik fokus")
    page.select_option("#kind", "kunjungan_kerja")
    page.fill("#starts_on", office_today().isoformat())
    page.click("form.card [name=submit]")
    activity_id = re.search(r"/staf/kegiatan/(\d+)", page.url).group(1)
    (tmp_path / "IMG_FOKUS.JPG").write_bytes(marked_photo())
    live_server.flask("media", "import", str(tmp_path), "--activity", activity_id, "--as", EMAILS["photographer"],
                      "--workers", "1")
    page.goto(live_server.url + f"/staf/kegiatan/{activity_id}")
    media_id = int(re.search(r"/staf/foto/(\d+)", page.locator("a[href*='/staf/foto/']").first.get_attribute("href"))
                   .group(1))

    page.goto(live_server.url + f"/staf/foto/{media_id}")
    page.get_by_role("button", name="Buat potongan").click()
    before = wait_for_previews(page, lambda shown: set(shown) == set(CROPS))
    steps.shot(page, "potongan-di-tengah")
    centred = page.request.get(live_server.url + before["square"]).body()
    assert red_centre(centred) is None  # around the centre the square leaves the spot out

    picture = page.locator(".focal-picker img")
    picture.scroll_into_view_if_needed()
    box = picture.bounding_box()
    picture.click(position={"x": SPOT[0] * box["width"], "y": SPOT[1] * box["height"]})
    page.wait_for_load_state()
    assert "Titik fokus disimpan" in page.locator(".flashes").inner_text()
    focal = stored_focal(live_server, media_id)
    assert abs(focal[0] - SPOT[0]) < 0.01 and abs(focal[1] - SPOT[1]) < 0.01, focal

    after = wait_for_previews(page, lambda shown: set(shown) == set(CROPS)
                              and all(shown[name] != before[name] for name in CROPS))
    steps.shot(page, "potongan-di-titik-fokus")
    for name, size in CROPS.items():
        jpeg = page.request.get(live_server.url + after[name]).body()
        assert Image.open(io.BytesIO(jpeg)).size == size, name
        window = crop_window(name, SIZE, size, focal)
        assert window.left <= focal[0] * SIZE[0] <= window.left + window.width
        assert window.top <= focal[1] * SIZE[1] <= window.top + window.height
        expected = ((SPOT[0] * SIZE[0] - window.left) * size[0] / window.width,
                    (SPOT[1] * SIZE[1] - window.top) * size[1] / window.height)
        found = red_centre(jpeg)
        assert found is not None, f"the {name} crop does not show the clicked spot"
        assert abs(found[0] - expected[0]) <= 4 and abs(found[1] - expected[1]) <= 4, (name, found, expected)
