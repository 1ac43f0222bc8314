"""Bulk edit in Chromium: the editor ticks one photo, Shift+clicks a later one (the range
between is selected), adds a caption prefix to them all, and sees the new captions in the
gallery and the edit in the activity's history."""
from __future__ import annotations

import io
import random
import re

from PIL import Image

from press.dates import office_today
from tests.browser.conftest import login
from tests.conftest import EMAILS, PASSWORDS

TITLE = "Pentas Seni HUT Kota ke-28"


def photo(seed: int) -> bytes:
    rng = random.Random(seed)
    image = Image.new("RGB", (120, 80), tuple(rng.randrange(256) for _ in range(3)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def test_shift_click_a_range_and_caption_it_in_one_step(live_server, browser, steps, tmp_path):
    page = browser.new_page(locale="id-ID", viewport={"width": 1280, "height": 900})
    login(page, live_server, EMAILS["editor"], PASSWORDS["editor"])
    page.goto(live_server.url + "/staf/kegiatan/baru")
    page.fill("#title", TITLE)
    page.select_option("#kind", "kunjungan_kerja")
    page.fill("#starts_on", office_today().isoformat())
    page.click("form.card [name=submit]")
    activity_id = re.search(r"/staf/kegiatan/(\d+)", page.url).group(1)
    for seed in range(5):
        (tmp_path / f"IMG_{seed}.JPG").write_bytes(photo(seed))
    live_server.flask("media", "import", str(tmp_path), "--activity", activity_id, "--workers", "1")
    page.goto(live_server.url + f"/staf/kegiatan/{activity_id}")

    page.get_by_text("Ubah banyak foto sekaligus").click()
    boxes = page.locator("input.bulk-pick")
    assert boxes.count() == 5
    boxes.nth(1).click()
    boxes.nth(3).click(modifiers=["Shift"])
    assert [boxes.nth(i).is_checked() for i in range(5)] == [False, True, True, True, False]
    assert page.locator("[data-bulk-count]").inner_text() == "3 dipilih"
    page.check("input[name=caption_mode][value=prefix]")
    page.fill("#bulk-caption", "Pentas seni HUT Kota.")
    steps.shot(page, "terpilih")
    page.get_by_role("button", name="Terapkan ke foto terpilih").click()

    assert "3 foto diubah." in page.locator(".flashes").inner_text()
    captions = [page.locator(f"#caption-{boxes.nth(i).get_attribute('value')}").input_value() for i in range(5)]
    assert [c.startswith("Pentas seni HUT Kota.") for c in captions] == [False, True, True, True, False]
    assert "3 foto diubah" in page.locator("#riwayat-massal").inner_text()
    steps.shot(page, "riwayat")
