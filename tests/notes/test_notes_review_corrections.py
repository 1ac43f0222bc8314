"""The review page shows ranks, honorifics and degrees apart from the name and each quote's
form; a "person" marked as not one is remembered for the activity (listed, forgettable);
an over-long title is refused with the reason; the admin accepts an offer in one click."""
from __future__ import annotations


from sqlalchemy import select

from press.extensions import db
from press.models import NoteCorrection
from press.services import glossary as glossaries
from tests.notes.test_notes_pages import SOSIALISASI_NOTE, activity_id, add_note, notes_of, review_page_form


def person_index(form: dict, name: str) -> int:
    return next(int(k.split("-")[1]) for k, v in form.items() if k.endswith("-name") and v == name)


def review_as_writer(app, client, auth, text: str = SOSIALISASI_NOTE):
    """(activity id, the review page of a new note of the Sosialisasi activity, its form)."""
    activity = activity_id(app, "Sosialisasi Keterbukaan")
    auth.login("writer")
    page = add_note(client, auth, activity, text)
    return activity, page, review_page_form(page.get_data(as_text=True))


def test_the_review_page_shows_ranks_honorifics_degrees_and_the_quote_form(app, client, auth):
    activity, page, form = review_as_writer(app, client, auth,
                                            SOSIALISASI_NOTE + "\nMenurut Zarkasih, warga berhak bertanya.\n")
    html = page.get_data(as_text=True)
    i = person_index(form, "Ahmad Zarkasih")
    assert {f"person-{i}-ranks", f"person-{i}-honorifics", f"person-{i}-degrees", f"not-person-{i}"} <= \
        set(html.split('name="')[j].split('"')[0] for j in range(1, html.count('name="') + 1))
    assert ">Pangkat<" in html and ">Bukan orang<" in html
    forms = [v for k, v in form.items() if k.startswith("quote-") and k.endswith("-form")]
    assert forms == ["direct", "indirect"]
    assert ">tidak langsung<" in html

    form[f"person-{i}-ranks"] = "Letkol Kav"
    form[f"person-{i}-degrees"] = "S.Sos., M.Si"
    assert client.post(f"{page.request.path}/tinjau", data=form).status_code == 302
    (note,) = notes_of(app, activity)
    person = next(p for p in note.accepted["people"] if p["name"] == "Ahmad Zarkasih")
    assert person["ranks"] == ["Letkol", "Kav"] and person["degrees"] == ["S.Sos.", "M.Si"]
    assert [q["form"] for q in note.accepted["quotes"]] == ["direct", "indirect"]
    again = client.get(page.request.path).get_data(as_text=True)
    assert 'value="Letkol Kav"' in again and "Koreksi yang diingat untuk kegiatan ini" in again


def test_a_person_marked_not_one_is_remembered_listed_and_can_be_forgotten(app, client, auth):
    activity, page, form = review_as_writer(app, client, auth)
    form[f"not-person-{person_index(form, 'Lia Erliani')}"] = "1"
    assert client.post(f"{page.request.path}/tinjau", data=form).status_code == 302
    second = add_note(client, auth, activity, SOSIALISASI_NOTE).get_data(as_text=True)
    assert 'value="Lia Erliani"' not in second.split("Koreksi yang diingat")[0]
    assert "Koreksi yang diingat untuk kegiatan ini" in second
    with app.app_context():
        (correction,) = db.session.scalars(select(NoteCorrection)).all()
        assert (correction.kind, correction.wrong) == ("not_person", "Lia Erliani")
        correction_id = correction.id
    first_note = notes_of(app, activity)[0]
    forgotten = client.post(f"/staf/catatan/{first_note.id}/koreksi/{correction_id}/lupakan",
                            data={"csrf_token": auth.token(page.request.path)})
    assert forgotten.status_code == 302
    with app.app_context():
        assert db.session.scalars(select(NoteCorrection)).all() == []


def test_forgetting_a_correction_of_another_activity_is_refused_with_the_reason(app, client, auth):
    social, opening = activity_id(app, "Sosialisasi Keterbukaan"), activity_id(app, "Peresmian Gedung Baru")
    auth.login("writer")
    page = add_note(client, auth, social, SOSIALISASI_NOTE)
    form = review_page_form(page.get_data(as_text=True))
    form[f"not-person-{person_index(form, 'Lia Erliani')}"] = "1"
    client.post(f"{page.request.path}/tinjau", data=form)
    other = add_note(client, auth, opening, "Acara dibuka pagi hari.\n")
    with app.app_context():
        correction_id = db.session.scalar(select(NoteCorrection.id))
    response = client.post(f"{other.request.path}/koreksi/{correction_id}/lupakan",
                           data={"csrf_token": auth.token(other.request.path)})
    assert response.status_code == 400
    assert "milik kegiatan lain" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(NoteCorrection.id)) == correction_id


def test_a_500_character_title_is_refused_with_the_reason_and_the_typed_values_kept(app, client, auth):
    activity, page, form = review_as_writer(app, client, auth)
    i = person_index(form, "Ahmad Zarkasih")
    form[f"person-{i}-title"] = "Kepala " * 71 + "Dinas"
    form[f"person-{i}-ranks"] = "Kompol"
    response = client.post(f"{page.request.path}/tinjau", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "terlalu panjang" in html and "paling banyak 200" in html
    assert 'value="Kompol"' in html
    (note,) = notes_of(app, activity)
    assert note.reviewed_at is None and note.accepted == {}


def test_the_admin_accepts_a_writers_fixed_title_into_the_glossary_in_one_click(app, client, auth):
    activity, page, form = review_as_writer(app, client, auth)
    form[f"person-{person_index(form, 'Ahmad Zarkasih')}-title"] = "Kabag Tapem"
    client.post(f"{page.request.path}/tinjau", data=form)
    auth.logout()
    auth.login("admin")
    glossary_page = client.get("/staf/admin/glosarium").get_data(as_text=True)
    assert "Usulan dari koreksi penulis" in glossary_page and "Kabag Tapem" in glossary_page
    with app.app_context():
        correction_id = db.session.scalar(select(NoteCorrection.id))
    accepted = client.post(f"/staf/admin/glosarium/usulan/{correction_id}",
                           data={"csrf_token": auth.token("/staf/admin/glosarium")}, follow_redirects=True)
    assert accepted.status_code == 200 and "Usulan ditambahkan ke glosarium" in accepted.get_data(as_text=True)
    with app.app_context():
        (aliases,) = glossaries.extra_data(db.session)["titles"].values()
    assert aliases == ["Kabag Tapem"]
    auth.logout()
    auth.login("writer")
    refused = client.post(f"/staf/admin/glosarium/usulan/{correction_id}",
                          data={"csrf_token": auth.token("/staf/kegiatan/1")})
    assert refused.status_code == 403
