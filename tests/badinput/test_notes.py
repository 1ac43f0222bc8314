"""Hostile notes: wrong encodings, binary and wrong-type files, traversal in the file
name, script in the text, enormous notes, broken Unicode. The writer gets a translated
reason; a typed note beside a refused file is kept; what is stored is shown as text."""
from __future__ import annotations

import html
import io
import re

from sqlalchemy import func, select

from press.extensions import db
from press.models import Note

ACTIVITY = 1
URL = f"/staf/kegiatan/{ACTIVITY}/catatan"


def flashes(page: str) -> list[str]:
    return [html.unescape(m).strip() for m in re.findall(r'<p class="flash flash-\w+">(.*?)</p>', page, re.S)]


def post(client, auth, **fields):
    token = auth.token(f"/staf/kegiatan/{ACTIVITY}")
    response = client.post(URL, data={"csrf_token": token, **fields}, content_type="multipart/form-data",
                           follow_redirects=True)
    return response, response.get_data(as_text=True)


def notes(app) -> list[Note]:
    with app.app_context():
        found = db.session.scalars(select(Note).order_by(Note.id)).all()
        db.session.expunge_all()
        return found


def count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Note))


def test_a_windows_1252_file_is_read_and_says_so(app, client, auth):
    auth.login("writer")
    data = "Wali Kota menyampaikan \u201csemangat\u201d kepada warga Bekasi, caf\u00e9.".encode("cp1252")
    response, page = post(client, auth, upload=(io.BytesIO(data), "catatan.txt"))
    assert response.status_code == 200
    note = notes(app)[-1]
    assert note.encoding and "1252" in note.encoding
    assert "\u201csemangat\u201d" in note.text and "caf\u00e9" in note.text
    assert note.encoding in page


def test_a_binary_file_named_txt_is_refused_and_the_typed_note_kept(app, client, auth):
    auth.login("writer")
    before = count(app)
    _response, page = post(client, auth, text="Rapat koordinasi di Bekasi tetap dicatat.",
                           upload=(io.BytesIO(bytes(range(256)) * 100), "catatan.txt"))
    assert any("bukan teks biasa" in f for f in flashes(page))
    assert count(app) == before + 1
    assert notes(app)[-1].text.startswith("Rapat koordinasi di Bekasi")


def test_utf16_without_a_byte_order_mark_is_refused_with_a_reason(client, auth):
    auth.login("writer")
    _response, page = post(client, auth, upload=(io.BytesIO("Rapat koordinasi di Bekasi".encode("utf-16-le")), "c.txt"))
    assert any("“c.txt”" in f for f in flashes(page))


def test_a_wrong_file_type_is_refused_by_name(app, client, auth):
    auth.login("writer")
    before = count(app)
    _response, page = post(client, auth, upload=(io.BytesIO(b"MZ\x90\x00" * 100), "virus.exe"))
    assert "Berkas “virus.exe” tidak didukung: unggah .txt, .md atau .docx." in flashes(page)
    assert count(app) == before


def test_a_broken_docx_is_refused_with_a_reason(client, auth):
    auth.login("writer")
    _response, page = post(client, auth, upload=(io.BytesIO(b"PK\x03\x04 not really a zip"), "catatan.docx"))
    assert any("catatan.docx" in f and "tidak dapat dibaca" in f for f in flashes(page))


def test_path_traversal_in_the_file_name_is_only_a_name(app, client, auth, tmp_path):
    auth.login("writer")
    response, page = post(client, auth, upload=(io.BytesIO(b"Catatan rapat di Kota Bekasi."), "../../etc/passwd.txt"))
    assert response.status_code == 200
    note = notes(app)[-1]
    assert note.text.strip() == "Catatan rapat di Kota Bekasi."
    assert note.filename is None or note.filename.endswith("passwd.txt")  # a label, never a path
    assert not (tmp_path.parent / "etc").exists()


def test_script_in_a_note_renders_as_text(client, auth):
    auth.login("writer")
    text = 'Wali Kota Bekasi Tri Adhianto mengatakan, "<script>alert(1)</script> <img src=x onerror=alert(2)>".'
    response, page = post(client, auth, text=text)
    assert response.status_code == 200 and "/staf/catatan/" in response.request.path
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_an_enormous_note_file_is_refused_and_the_typed_note_kept(app, client, auth):
    auth.login("writer")
    before = count(app)
    _response, page = post(client, auth, text="Catatan kecil yang diketik.",
                           upload=(io.BytesIO(b"kata " * 1_000_000), "besar.txt"))  # 5 MB
    assert "Catatan “besar.txt” terlalu panjang (lebih dari 200,000 karakter)." in flashes(page)
    assert count(app) == before + 1 and notes(app)[-1].text.strip() == "Catatan kecil yang diketik."


def test_an_enormous_typed_note_is_refused_and_nothing_saved(app, client, auth):
    """5 MB typed into the box: over the 4 MB per-field limit, refused before it reaches
    the form with a page that says a field (not a file) was too long; nothing is stored."""
    auth.login("writer")
    before = count(app)
    token = auth.token(f"/staf/kegiatan/{ACTIVITY}")
    response = client.post(URL, data={"csrf_token": token, "text": "kata " * 1_000_000},
                           content_type="multipart/form-data")
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "Isian terlalu panjang" in page and "sebagai berkas" in page
    assert count(app) == before


def test_a_typed_note_over_the_note_limit_says_so_and_nothing_saved(app, client, auth):
    """1 MB typed: under the request's per-field limit, so the form says the note's own limit."""
    auth.login("writer")
    before = count(app)
    token = auth.token(f"/staf/kegiatan/{ACTIVITY}")
    response = client.post(URL, data={"csrf_token": token, "text": "kata " * 200_000},
                           content_type="multipart/form-data", follow_redirects=True)
    assert "Isian ini paling banyak 200000 karakter." in response.get_data(as_text=True)
    assert count(app) == before


def test_a_long_typed_note_under_the_limit_is_stored_whole(app, client, auth):
    auth.login("writer")
    text = "Rapat koordinasi pembangunan jembatan di Kota Bekasi. " * 3500  # 192,500 characters
    response, _page = post(client, auth, text=text)
    assert response.status_code == 200
    assert len(notes(app)[-1].text) >= len(text.strip()) - 10


def test_broken_unicode_in_a_typed_note_is_stored_as_readable_text(app, client, auth):
    auth.login("writer")
    token = auth.token(f"/staf/kegiatan/{ACTIVITY}")
    body = f"csrf_token={token}&text=Rapat%FF%FE%ED%A0%80 di Bekasi".encode()
    response = client.post(URL, data=body, content_type="application/x-www-form-urlencoded", follow_redirects=True)
    assert response.status_code == 200
    note = notes(app)[-1]
    note.text.encode("utf-8")
    assert note.text.startswith("Rapat") and "Bekasi" in note.text


def test_invalid_utf8_bytes_in_a_txt_file_are_read_or_refused_never_an_error(app, client, auth):
    auth.login("writer")
    data = b"Rapat koordinasi \xff\xfe\xed\xa0\x80 di Kota Bekasi."
    response, page = post(client, auth, text="Diketik.", upload=(io.BytesIO(data), "rusak.txt"))
    assert response.status_code == 200
    stored = notes(app)
    assert any(n.text.strip() == "Diketik." for n in stored)
    for note in stored:
        note.text.encode("utf-8")
