"""The notes pages: adding notes on the activity page (typed, files, refusals), the review
page (marked spans, escaping, weekday warnings, what cleaning changed), reviewing into
participants and tags, the admin's glossary, and who may do what."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from press.extensions import db
from press.models import Activity, ActivityTag, Media, MediaTag, Note, Participant, Person, Tag
from tests.conftest import FIXTURES, REPO_ROOT, SHARED

DOCS = FIXTURES / "docs"
# What a user expects of every shared fixture document: its first line, or the refusal.
DOC_OUTCOMES = {
    "zen_of_python.docx": ("text", "Beautiful is better than ugly."),
    "paragraphs_and_tables.docx": ("text", "This document has paragraphs."),
    "slanted_quotes.docx": ("text", "“double quote”"),
    "libreoffice_conversion.docx": ("text", "东阳八婺招标代理有限公司"),
    "having-images.docx": ("refused", "tidak berisi teks (hanya gambar)"),
    "strict.docx": ("refused", "Strict Open XML"),
    "~$xample.docx": ("refused", "berkas kunci Word"),
}

SOSIALISASI_NOTE = (
    "Kepala Diskominfostandi Kota Bekasi Ahmad Zarkasih membuka sosialisasi keterbukaan informasi "
    "di Aula Nonon Sonthanie, Selasa (12/10/2021).\n\n"
    "Turut hadir Kasubag Publikasi Eksternal Muhammad Muchlis dan Camat Bekasi Selatan Lia Erliani.\n\n"
    "\"Keterbukaan informasi adalah kewajiban setiap badan publik,\" ujar Zarkasih.\n"
)


def activity_id(app, title_start: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Activity.id).where(Activity.title.startswith(title_start)))


def add_note(client, auth, activity: int, text: str = "", upload: tuple[str, bytes] | None = None):
    data = {"csrf_token": auth.token(f"/staf/kegiatan/{activity}"), "text": text}
    if upload is not None:
        data["upload"] = (io.BytesIO(upload[1]), upload[0])
    return client.post(f"/staf/kegiatan/{activity}/catatan", data=data, content_type="multipart/form-data",
                       follow_redirects=True)


def notes_of(app, activity: int) -> list[Note]:
    with app.app_context():
        notes = db.session.scalars(select(Note).where(Note.activity_id == activity).order_by(Note.id)).all()
        db.session.expunge_all()
        return notes


def review_page_form(html: str) -> dict:
    """The review form as the browser would submit it: inputs, checked boxes, selected roles."""
    data = {}
    for tag in re.findall(r"<(?:input|select)\b[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or name.group(1) == "locale":
            continue
        if 'type="checkbox"' in tag:
            if " checked" in tag:
                data[name.group(1)] = "1"
        elif tag.startswith("<input"):
            value = re.search(r'value="([^"]*)"', tag)
            data[name.group(1)] = value.group(1) if value else ""
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]+)" selected', body)
        if chosen and name != "locale":
            data[name] = chosen.group(1)
    return data


@pytest.mark.parametrize("name", sorted(DOC_OUTCOMES))
def test_every_fixture_document_uploaded_gives_text_or_a_clear_refusal_and_keeps_the_typed_note(app, client, auth, name):
    example = activity_id(app, "Kunjungan Kerja PPID")
    auth.login("writer")
    typed = f"Catatan ketik di samping {name}: Lukita hadir."
    page = add_note(client, auth, example, typed, (name, (DOCS / name).read_bytes())).get_data(as_text=True)
    notes = notes_of(app, example)
    assert notes[0].source == "typed" and notes[0].text.startswith("Catatan ketik di samping")
    outcome, expected = DOC_OUTCOMES[name]
    if outcome == "text":
        assert len(notes) == 2 and notes[1].source == "docx" and notes[1].filename == name
        assert notes[1].text.startswith(expected)
    else:
        assert len(notes) == 1
        assert expected in page and "flash-error" in page
        assert "Catatan disimpan" in page  # the typed note is kept and said so


def test_every_fixture_document_has_an_expected_outcome():
    assert {p.name for p in DOCS.iterdir()} == set(DOC_OUTCOMES)


@pytest.mark.parametrize("encoding,warned", [("utf-16", False), ("cp1252", True), ("utf-8", False)])
def test_text_notes_in_each_encoding_are_read_and_windows_1252_is_said(app, client, auth, encoding, warned):
    example = activity_id(app, "Kunjungan Kerja PPID")
    auth.login("writer")
    text = "Kepala Bagian Humas Sajekti Rubiyah menyapa “tamu” dari Subang; café.\n"
    response = add_note(client, auth, example, upload=("catatan.txt", text.encode(encoding)))
    (note,) = notes_of(app, example)
    assert "café" in note.text and "Sajekti Rubiyah" in note.text
    page = response.get_data(as_text=True)
    assert ("Windows-1252" in page) is warned


def test_a_refused_file_alone_stores_nothing_and_says_why(app, client, auth):
    example = activity_id(app, "Kunjungan Kerja PPID")
    auth.login("editor")
    page = add_note(client, auth, example, upload=("lama.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600))
    assert "dokumen Word lama (.doc)" in page.get_data(as_text=True)
    assert notes_of(app, example) == []
    empty = add_note(client, auth, example, "   ").get_data(as_text=True)
    assert "Tulis atau tempel catatan" in empty and notes_of(app, example) == []


def test_review_page_marks_every_item_at_its_span_and_shows_what_cleaning_changed(app, client, auth):
    example = activity_id(app, "Kunjungan Kerja PPID")
    auth.login("writer")
    page = add_note(client, auth, example, upload=("example-release.txt", (SHARED / "example-release.txt").read_bytes()))
    html = page.get_data(as_text=True)
    assert page.request.path.startswith("/staf/catatan/")
    sajekti = re.search(r'<mark class="hl hl-people" data-item="people-\d+" title="Orang: Sajekti Rubiyah">(.*?)Sajekti Rubiyah</mark>', html)
    assert sajekti and re.sub(r"<[^>]+>", "", sajekti.group(1)) == "Kepala Bagian Humas Sekretariat Daerah Kota Bekasi "
    assert re.search(r'<mark class="hl hl-dates"[^>]*>Kamis, \(30/9/2021\)</mark>', html)
    assert re.search(r'<mark class="hl hl-places"[^>]*>Jawa Barat</mark>', html)
    assert 'class="hl hl-quotes"' in html and 'class="hl hl-organisations"' in html
    assert html.count("<mark") == html.count("</mark>")
    assert "mojibake" in html and "Â" not in html
    for kind in ("Orang", "Instansi", "Tempat", "Tanggal", "Kutipan"):
        assert '<mark class="hl hl-' in html and f">{kind}</mark>" in html  # the legend names every colour


def test_a_note_with_markup_renders_inert(app, client, auth):
    example = activity_id(app, "Kunjungan Kerja PPID")
    auth.login("writer")
    hostile = 'Kepala Bagian Humas Sajekti Rubiyah <script>alert("x")</script> <b onmouseover=alert(1)>hadir</b>.'
    html = add_note(client, auth, example, hostile).get_data(as_text=True)
    assert "<script>alert" not in html and "<b onmouseover" not in html
    assert "&lt;script&gt;alert(" in html
    activity_page = client.get(f"/staf/kegiatan/{example}").get_data(as_text=True)
    assert "<script>alert" not in activity_page


def test_review_page_warns_of_a_weekday_that_does_not_match_its_date(app, client, auth):
    example = activity_id(app, "Kunjungan Kerja PPID")
    auth.login("writer")
    html = add_note(client, auth, example, "Rapat digelar Senin (30/9/2021) di Bekasi.").get_data(as_text=True)
    assert "Hari Senin tidak cocok dengan tanggalnya" in html and "Kamis" in html


def test_review_turns_accepted_people_into_participants_and_tags_of_activity_and_named_photos(app, client, auth):
    activity = activity_id(app, "Sosialisasi Keterbukaan")
    with app.app_context():
        db.session.add_all([
            Media(sha256="a" * 64, activity_id=activity, mime="image/jpeg", bytes=1, width=1, height=1,
                  caption="SOSIALISASI - Kasubag Muhammad Muchlis menyerahkan materi."),
            Media(sha256="b" * 64, activity_id=activity, mime="image/jpeg", bytes=1, width=1, height=1,
                  caption="Peserta sosialisasi di Aula Nonon Sonthanie."),
        ])
        db.session.commit()
    auth.login("writer")
    page = add_note(client, auth, activity, SOSIALISASI_NOTE)
    form = review_page_form(page.get_data(as_text=True))
    names = {form[k]: k.split("-")[1] for k in form if k.startswith("person-") and k.endswith("-name")}
    assert set(names) == {"Ahmad Zarkasih", "Muhammad Muchlis", "Lia Erliani"}
    assert form[f"person-{names['Ahmad Zarkasih']}-role"] == "host"  # of the host unit (and quoted)
    assert form[f"person-{names['Muhammad Muchlis']}-role"] == "attendee"
    form[f"person-{names['Lia Erliani']}-role"] = "guest"  # the writer corrects a role
    form[f"person-{names['Lia Erliani']}-name"] = "Lia Erliani Sari"  # and a name
    note_url = page.request.path
    response = client.post(f"{note_url}/tinjau", data=form)
    assert response.status_code == 302

    def state():
        with app.app_context():
            participants = db.session.scalars(select(Participant).where(Participant.activity_id == activity)).all()
            rows = [(p.name, p.title, p.role, p.person_id is not None) for p in participants]
            tags = set(db.session.execute(select(Tag.kind, Tag.name, ActivityTag.source).join(ActivityTag)
                                          .where(ActivityTag.activity_id == activity)).all())
            photos = {m.caption[:12]: ({t.tag.name for t in db.session.scalars(select(MediaTag).where(MediaTag.media_id == m.id))},
                                       {p.name for p in m.people})
                      for m in db.session.scalars(select(Media).where(Media.activity_id == activity))}
            people = db.session.scalars(select(Person.name).where(Person.name.like("%Zarkasih%"))).all()
            note = db.session.scalar(select(Note).where(Note.activity_id == activity))
            return rows, tags, photos, people, note.accepted

    rows, tags, photos, people, accepted = state()
    assert ("Ahmad Zarkasih", "Kepala Diskominfostandi", "host", True) in rows
    assert ("Muhammad Muchlis", "Kasubag Publikasi Eksternal", "attendee", True) in rows
    assert ("Lia Erliani Sari", "Camat Bekasi Selatan", "guest", True) in rows
    assert {("person", "Ahmad Zarkasih", "notes"), ("person", "Lia Erliani Sari", "notes"),
            ("place", "Kota Bekasi", "notes")} <= tags
    assert photos["SOSIALISASI "] == ({"Muhammad Muchlis"}, {"Muhammad Muchlis"})
    assert photos["Peserta sosi"] == (set(), set())
    assert accepted["quotes"][0]["speaker"] == "Ahmad Zarkasih"
    assert accepted["quotes"][0]["title"] == "Kepala Diskominfostandi"
    assert {k for k in accepted["people"][0]} >= {"name", "title", "organisation", "honorifics", "degrees", "role"}

    # The second review starts from the first and duplicates nothing.
    again = review_page_form(client.get(note_url).get_data(as_text=True))
    assert again[f"person-{names['Lia Erliani']}-name"] == "Lia Erliani Sari"
    assert client.post(f"{note_url}/tinjau", data=again).status_code == 302
    rows2, tags2, photos2, people2, _ = state()
    assert sorted(rows2) == sorted(rows) and tags2 == tags and photos2 == photos and people2 == people == ["Ahmad Zarkasih"]


def test_review_of_people_already_participants_updates_them_without_duplicates(app, client, auth):
    example = activity_id(app, "Kunjungan Kerja PPID")
    with app.app_context():
        before = db.session.scalar(select(db.func.count()).select_from(Participant).where(Participant.activity_id == example))
    auth.login("editor")
    page = add_note(client, auth, example, upload=("example-release.txt", (SHARED / "example-release.txt").read_bytes()))
    form = review_page_form(page.get_data(as_text=True))
    roles = {form[k]: form[k.replace("-name", "-role")] for k in form if k.startswith("person-") and k.endswith("-name")}
    assert roles["Lukita Harjana"] == "guest" and roles["Sajekti Rubiyah"] == "host"
    assert client.post(f"{page.request.path}/tinjau", data=form).status_code == 302
    with app.app_context():
        after = db.session.scalar(select(db.func.count()).select_from(Participant).where(Participant.activity_id == example))
        speakers = [q["speaker"] for q in db.session.scalar(select(Note)).accepted["quotes"]]
    assert after == before == 5
    assert {"Lukita Harjana", "Sajekti Rubiyah", "Diah Setiyawati"} == set(speakers)


def test_accepting_a_person_without_a_name_is_refused_and_changes_nothing(app, client, auth):
    activity = activity_id(app, "Sosialisasi Keterbukaan")
    auth.login("writer")
    page = add_note(client, auth, activity, SOSIALISASI_NOTE)
    form = review_page_form(page.get_data(as_text=True))
    form["person-0-name"] = "  "
    response = client.post(f"{page.request.path}/tinjau", data=form)
    assert response.status_code == 400
    assert "harus punya nama" in response.get_data(as_text=True)
    (note,) = notes_of(app, activity)
    assert note.reviewed_at is None and note.accepted == {}


def test_photographer_reads_notes_but_cannot_add_or_review(app, client, auth):
    example = activity_id(app, "Kunjungan Kerja PPID")
    auth.login("writer")
    page = add_note(client, auth, example, "Kepala Bagian Humas Sajekti Rubiyah hadir.")
    note_url = page.request.path
    auth.logout()
    auth.login("photographer")
    activity_page = client.get(f"/staf/kegiatan/{example}").get_data(as_text=True)
    assert note_url in activity_page and f"/staf/kegiatan/{example}/catatan" not in activity_page
    html = client.get(note_url).get_data(as_text=True)
    assert "Sajekti Rubiyah" in html and "Simpan tinjauan" not in html
    token = auth.token(note_url)
    assert client.post(f"{note_url}/tinjau", data={"csrf_token": token}).status_code == 403
    assert client.post(f"/staf/kegiatan/{example}/catatan", data={"csrf_token": token, "text": "x"}).status_code == 403
    assert len(notes_of(app, example)) == 1


def test_anonymous_visitor_never_sees_a_note(app, client, auth):
    example = activity_id(app, "Kunjungan Kerja PPID")
    auth.login("writer")
    note_url = add_note(client, auth, example, "Rahasia catatan penulis.").request.path
    auth.logout()
    response = client.get(note_url)
    assert response.status_code == 302 and "/staf/login" in response.headers["Location"]


def test_admin_extends_the_glossary_and_the_next_note_uses_it(app, client, auth):
    checkout_glossary = REPO_ROOT / "instance" / "glossary.json"
    before = checkout_glossary.read_bytes() if checkout_glossary.exists() else None
    glossary_file = Path(app.config["GLOSSARY_PATH"])
    auth.login("admin")
    url = "/staf/admin/glosarium"
    token = auth.token(url)
    bad = client.post(url, data={"csrf_token": token, "content": '{"organisations": {"Disparbud": 5}}'})
    assert bad.status_code == 400 and "harus berupa teks" in bad.get_data(as_text=True)
    broken = client.post(url, data={"csrf_token": token, "content": '{"organisations": '})
    assert broken.status_code == 400 and "Bukan JSON yang sah" in broken.get_data(as_text=True)
    unknown = client.post(url, data={"csrf_token": token, "content": '{"jabatan": []}'})
    assert unknown.status_code == 400 and "tidak dikenal" in unknown.get_data(as_text=True)
    good = '{"organisations": {"Disparbud": "Dinas Pariwisata dan Kebudayaan"}}'
    assert client.post(url, data={"csrf_token": token, "content": good}).status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "Disparbud" in page and f'href="{url}"' in page  # the admin navigation links it
    example = activity_id(app, "Kunjungan Kerja PPID")
    add_note(client, auth, example, "Kepala Disparbud Kota Bekasi Rina Marlina membuka festival.")
    (note,) = notes_of(app, example)
    assert any(o["abbreviation"] == "Disparbud" and o["expansion"] == "Dinas Pariwisata dan Kebudayaan"
               for o in note.extraction["organisations"])
    auth.logout()
    auth.login("writer")
    assert client.get(url).status_code == 403
    assert f'href="{url}"' not in client.get("/staf/kegiatan/").get_data(as_text=True)
    # Stored in the database, on no node's disk: neither the checkout's instance nor the test's.
    assert (checkout_glossary.read_bytes() if checkout_glossary.exists() else None) == before
    assert not glossary_file.exists()
