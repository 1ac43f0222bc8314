"""The notes service without the web: the activity's context for the extractor, quotes
corrected in review, and the shape of ``Note.accepted`` the drafting templates read."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from press.extensions import db
from press.models import Activity, Person, User
from press.services import note_review, notes, people
from tests.conftest import EMAILS


def activity(title_start: str) -> Activity:
    return db.session.scalar(select(Activity).where(Activity.title.startswith(title_start)))


def user(role: str) -> User:
    return db.session.scalar(select(User).where(User.email == EMAILS[role]))


def test_context_names_who_held_a_title_on_the_activitys_day_and_never_guesses_between_two(ctx):
    opening = activity("Peresmian Gedung Baru")
    holders = notes.title_holders(db.session, opening)
    assert holders["Wali Kota"] == "H. Ahmad Suryana"
    assert holders["Wali Kota Bekasi"] == "Ahmad Suryana"  # the activity's own participant wins
    opening.starts_on = date(2022, 6, 1)
    assert notes.title_holders(db.session, opening)["Wali Kota"] == "Budi Hartanto"  # the acting holder then
    for name in ("Rudi Camat", "Sari Camat"):
        people.add_position(db.session, people.get_or_create_person(db.session, name), "Camat",
                            organisation="Kecamatan Bekasi Utara")
    db.session.flush()
    assert "Camat" not in notes.title_holders(db.session, opening)
    context = notes.activity_context(db.session, opening)
    assert context.date == date(2022, 6, 1) and context.region == "Kota Bekasi"


def test_a_corrected_speaker_is_stored_with_the_title_the_review_gives_them(ctx):
    social = activity("Sosialisasi Keterbukaan")
    result = notes.add_note(db.session, social, None, typed_text=(
        'Kepala Diskominfostandi Kota Bekasi Ahmad Zarkasih membuka acara.\n\n'
        '"Informasi publik hak warga," ujar seorang pejabat.\n'))
    note = result.note
    assert notes.extract_note(db.session, note)
    (quote,) = note.extraction["quotes"]
    items = note_review.suggestions(note)
    note_review.review(db.session, note, {
        "people": [{k: items["people"][0][k] for k in ("name", "title", "organisation", "honorifics",
                                                      "degrees", "role", "source_name")}],
        "quotes": [{"speaker": "Ahmad Zarkasih", "verb": quote["verb"], "text": quote["text"], "span": quote["span"]}],
    }, user("writer"))
    assert note.accepted["quotes"] == [{"speaker": "Ahmad Zarkasih", "title": "Kepala Diskominfostandi",
                                        "verb": quote["verb"], "text": quote["text"].strip(), "span": quote["span"],
                                        "form": "direct"}]
    (person,) = note.accepted["people"]
    assert {k: person[k] for k in ("name", "title", "organisation", "honorifics", "degrees", "role")} == {
        "name": "Ahmad Zarkasih", "title": "Kepala Diskominfostandi", "organisation": "Kota Bekasi",
        "honorifics": [], "degrees": [], "role": "host"}
    assert set(note.accepted) == {"people", "quotes", "organisations", "places", "dates"}
    again = note_review.suggestions(note)
    assert again["quotes"][0]["speaker"] == "Ahmad Zarkasih" and again["quotes"][0]["accepted"]
    assert db.session.scalar(select(Person).where(Person.name == "Ahmad Zarkasih")) is not None


def test_honorifics_and_degrees_typed_by_the_writer_are_split_into_lists(ctx):
    social = activity("Sosialisasi Keterbukaan")
    note = notes.add_note(db.session, social, None, typed_text="Acara dibuka pagi hari.").note
    notes.extract_note(db.session, note)
    note_review.review(db.session, note, {"people": [{"name": "Tanti Rohilawati", "honorifics": "dr. Hj.",
                                                 "degrees": "M.Kes., S.H.", "role": "speaker"}]}, user("writer"))
    (person,) = note.accepted["people"]
    assert person["honorifics"] == ["dr.", "Hj."] and person["degrees"] == ["M.Kes.", "S.H."]
    assert [p.role for p in social.participants if p.name == "Tanti Rohilawati"] == ["speaker"]
