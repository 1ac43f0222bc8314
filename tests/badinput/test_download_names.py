"""A file name someone else typed never steers a download: no right-to-left override,
zero-width character, newline or path part reaches ``Content-Disposition``, and every
download is named by the one helper (``press.web.downloads``)."""
from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from press.web.downloads import content_disposition
from tests.conftest import FIXTURES

ACTIVITY = 1
PRESS = Path(__file__).resolve().parents[2] / "press"
INVISIBLE = ("\u202e", "\u202d", "\u200b", "\u200d", "\u2066", "\ufeff", "\n", "\r")


def names_in(header: str) -> list[str]:
    """Every file name a header offers: the quoted ASCII one and the decoded RFC 5987 one."""
    plain = re.findall(r'filename="([^"]*)"', header)
    exact = [unquote(value) for value in re.findall(r"filename\*=UTF-8''([^;]+)", header)]
    return plain + exact


@pytest.mark.parametrize("uploaded", ["gpj.\u202eexe.jpg", "foto\u202egpj.exe", "rapat\u200b\u200dbekasi.jpg"],
                         ids=["rlo_inside", "rlo_hiding_exe", "zero_width"])
def test_a_photo_uploaded_with_an_invisible_character_downloads_without_it(app, client, auth, uploaded):
    auth.login("photographer")
    token = auth.token(f"/staf/kegiatan/{ACTIVITY}/unggah")
    reply = client.post(f"/staf/kegiatan/{ACTIVITY}/unggah", content_type="multipart/form-data",
                        data={"file": (io.BytesIO((FIXTURES / "images/Landscape_5.jpg").read_bytes()), uploaded)},
                        headers={"X-CSRFToken": token, "Accept": "application/json"})
    media_id = reply.get_json()["media_id"]
    auth.login("editor")
    response = client.get(f"/staf/foto/{media_id}/asli")
    assert response.status_code == 200
    header = response.headers["Content-Disposition"]
    assert header.startswith("attachment;")
    names = names_in(header)
    assert names and all(not any(ch in name for ch in INVISIBLE) for name in names + [header])
    assert all(name.endswith(".jpg") for name in names)  # a JPEG is never saved as .exe


@pytest.mark.parametrize(("name", "expected"), [
    ("../../etc/passwd.jpg", 'attachment; filename="passwd.jpg"'),
    ("C:\\Users\\humas\\foto.jpg", 'attachment; filename="foto.jpg"'),
    ("baris\r\nSet-Cookie: x=1.jpg", 'attachment; filename="barisSet-Cookie_x_1.jpg"; '
                                     "filename*=UTF-8''barisSet-Cookie%3A%20x%3D1.jpg"),
    ("\u202e\u200b", 'attachment; filename="foto-3.jpg"'),
    ("Pelantikan “Lurah” Bekasi.jpg", 'attachment; filename="Pelantikan_Lurah_Bekasi.jpg"; '
                                     "filename*=UTF-8''Pelantikan%20%E2%80%9CLurah%E2%80%9D%20Bekasi.jpg"),
], ids=["traversal", "windows_path", "header_injection", "only_invisible", "non_ascii"])
def test_the_download_name_keeps_the_last_part_without_invisible_characters(name, expected):
    assert content_disposition(name, "foto-3", mimetype="image/jpeg") == expected


def test_every_download_is_named_by_the_one_helper():
    offenders = [str(path.relative_to(PRESS)) for path in PRESS.rglob("*.py")
                 if path.name != "downloads.py"
                 and re.search(r"Content-Disposition|download_name\s*=|as_attachment\s*=", path.read_text())]
    assert offenders == []
