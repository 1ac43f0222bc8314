"""Corrections made on a note's review page: remembered for the activity, applied to its
next note, refused for the wrong role, and offered to the admin as glossary additions."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from press.errors import ServiceError
from press.extensions import db
from press.models import Activity, Note, NoteCorrection, User
from press.notes import glossary as builtin_glossary
from press.services import glossary as glossaries
from press.services import glossary_offers, note_corrections, note_review, notes
from tests.conftest import EMAILS

NOTE = ('Kepala Diskominfostandi Kota Bekasi Ahmad Zarkasih membuka acara, Jumat (1/10/2021). '
        'Hadir pula Kepala Bagian Humas Sajekti Rubiyah.\n\n'
        '"Informasi publik hak warga," ujar Zarkasih.\n\n'
        'Menurut Sajekti, keterbukaan itu kewajiban.\n')


def activity(title_start: str) -> Activity:
    return db.session.scalar(select(Activity).where(Activity.title.startswith(title_start)))


def user(role: str) -> User:
    return db.session.scalar(select(User).where(User.email == EMAILS[role]))


def extracted_note(target: Activity, text: str = NOTE) -> Note:
    note = notes.add_note(db.session, target, None, typed_text=text).note
    assert notes.extract_note(db.session, note)
    return note


def person_item(note: Note, source: str, **changes) -> dict:
    item = next(p for p in note_review.suggestions(note)["people"] if p["source_name"] == source)
    keys = ("name", "title", "organisation", "ranks", "honorifics", "degrees", "role", "source_name")
    return {**{k: item[k] for k in keys}, **changes}


@pytest.fixture
def not_person_key(monkeypatch):
    """The built-in glossary with a ``not_person_words`` key (the data files may not have it yet)."""
    original = builtin_glossary.builtin_data

    def with_key():
        data = original()
        data.setdefault("not_person_words", [])
        return data

    monkeypatch.setattr(builtin_glossary, "builtin_data", with_key)
    builtin_glossary._load.cache_clear()
    yield
    builtin_glossary._load.cache_clear()


def test_a_person_marked_not_a_person_is_not_proposed_again_for_that_activity_only(ctx):
    social, other = activity("Sosialisasi Keterbukaan"), activity("Peresmian Gedung Baru")
    first = extracted_note(social)
    note_review.review(db.session, first, {"people": [person_item(first, "Ahmad Zarkasih")],
                                           "not_people": ["Sajekti Rubiyah"]}, user("writer"))
    again = extracted_note(social)
    assert [p["name"] for p in again.extraction["people"]] == ["Ahmad Zarkasih"]
    assert [q["speaker"] for q in again.extraction["quotes"]] == ["Ahmad Zarkasih", None]
    elsewhere = extracted_note(other)
    assert "Sajekti Rubiyah" in [p["name"] for p in elsewhere.extraction["people"]]


def test_a_fixed_title_rank_and_name_come_back_fixed_on_the_next_note_of_the_activity(ctx):
    social = activity("Sosialisasi Keterbukaan")
    first = extracted_note(social)
    fixed = person_item(first, "Sajekti Rubiyah", title="Kepala Bagian Protokol dan Komunikasi Pimpinan",
                        ranks="Letkol Kav", degrees="S.Sos., M.Si", name="Sajekti Rubiyah Putri")
    note_review.review(db.session, first, {"people": [fixed]}, user("writer"))
    kinds = {c.kind: (c.wrong, c.right) for c in note_corrections.corrections_for(db.session, social)}
    assert kinds == {"title": ("Kepala Bagian Humas", "Kepala Bagian Protokol dan Komunikasi Pimpinan"),
                     "ranks": ("", "Letkol Kav"), "degrees": ("", "S.Sos., M.Si"),
                     "name": ("Sajekti Rubiyah", "Sajekti Rubiyah Putri")}
    again = extracted_note(social)
    person = next(p for p in again.extraction["people"] if p["name"] == "Sajekti Rubiyah Putri")
    assert person["title"] == "Kepala Bagian Protokol dan Komunikasi Pimpinan"
    assert person["ranks"] == ["Letkol", "Kav"] and person["degrees"] == ["S.Sos.", "M.Si"]
    assert again.extraction["quotes"][1]["speaker"] == "Sajekti Rubiyah Putri"


def test_setting_a_field_back_forgets_the_correction(ctx):
    social = activity("Sosialisasi Keterbukaan")
    first = extracted_note(social)
    note_review.review(db.session, first, {"people": [person_item(first, "Sajekti Rubiyah", title="Kabag Humas")]},
                       user("writer"))
    assert len(note_corrections.corrections_for(db.session, social)) == 1
    note_review.review(db.session, first, {"people": [person_item(first, "Sajekti Rubiyah",
                                                                  title="Kepala Bagian Humas")]}, user("writer"))
    assert note_corrections.corrections_for(db.session, social) == []


@pytest.mark.parametrize("role", ["photographer", None])
def test_a_review_by_a_role_that_may_not_review_is_refused_and_changes_nothing(ctx, role):
    social = activity("Sosialisasi Keterbukaan")
    note = extracted_note(social)
    with pytest.raises(ServiceError, match="tidak boleh meninjau"):
        note_review.review(db.session, note, {"not_people": ["Sajekti Rubiyah"]}, user(role) if role else None)
    assert note.reviewed_at is None and note_corrections.corrections_for(db.session, social) == []


def test_a_title_longer_than_the_register_holds_is_refused_with_the_reason_and_nothing_is_stored(ctx):
    social = activity("Sosialisasi Keterbukaan")
    note = extracted_note(social)
    participants = len(social.participants)
    with pytest.raises(ServiceError) as refused:
        note_review.review(db.session, note, {"people": [person_item(note, "Sajekti Rubiyah", title="K" * 500)]},
                           user("writer"))
    assert "Jabatan" in str(refused.value) and "500" in str(refused.value) and "200" in str(refused.value)
    assert note.reviewed_at is None and len(social.participants) == participants
    assert note_corrections.corrections_for(db.session, social) == []


def test_an_empty_rank_is_no_rank(ctx):
    social = activity("Sosialisasi Keterbukaan")
    note = extracted_note(social)
    note_review.review(db.session, note, {"people": [person_item(note, "Sajekti Rubiyah", ranks=" , ")]},
                       user("writer"))
    (person,) = note.accepted["people"]
    assert person["ranks"] == []
    assert note_corrections.corrections_for(db.session, social) == []


def test_a_correction_of_another_activity_cannot_be_forgotten_from_this_note(ctx):
    social, other = activity("Sosialisasi Keterbukaan"), activity("Peresmian Gedung Baru")
    theirs = extracted_note(other)
    note_review.review(db.session, theirs, {"not_people": ["Sajekti Rubiyah"]}, user("writer"))
    (correction,) = note_corrections.corrections_for(db.session, other)
    mine = extracted_note(social)
    with pytest.raises(ServiceError, match="kegiatan lain"):
        note_corrections.forget(db.session, mine, correction.id, user("writer"))
    assert note_corrections.corrections_for(db.session, other) == [correction]
    note_corrections.forget(db.session, theirs, correction.id, user("writer"))
    assert note_corrections.corrections_for(db.session, other) == []


def test_corrections_across_activities_are_offered_to_the_admin_and_accepted_into_the_extra_glossary(
        ctx, not_person_key):
    for title in ("Sosialisasi Keterbukaan", "Peresmian Gedung Baru"):
        note = extracted_note(activity(title))
        note_review.review(db.session, note, {
            "people": [person_item(note, "Ahmad Zarkasih", title="Kabag Tapem")],
            "not_people": ["Sajekti Rubiyah"]}, user("writer"))
    offers = glossary_offers.offers(db.session, user("admin"))
    additions = {o.key: len(o.activities) for o in offers}
    full = glossaries.glossary_for(db.session).expand("Kabag Tapem")  # "Kepala Bagian Tata Pemerintahan"
    assert full.startswith("Kepala Bagian ")
    assert additions == {json.dumps({"not_person_words": ["Sajekti Rubiyah"]}): 2,
                         json.dumps({"titles": {full: ["Kabag Tapem"]}}): 2}

    title_offer = next(o for o in offers if "titles" in o.addition)
    glossary_offers.accept_offer(db.session, title_offer.correction_id, user("admin"))
    assert glossaries.extra_data(db.session) == {"titles": {full: ["Kabag Tapem"]}}
    assert glossaries.glossary_for(db.session).title_forms["Kabag Tapem"] == full
    person_offer = next(o for o in offers if "not_person_words" in o.addition)
    glossary_offers.accept_offer(db.session, person_offer.correction_id, user("admin"))
    assert "Sajekti Rubiyah" in glossaries.glossary_for(db.session).data["not_person_words"]
    assert glossary_offers.offers(db.session, user("admin")) == []
    with pytest.raises(ServiceError, match="sudah memuat"):
        glossary_offers.accept_offer(db.session, person_offer.correction_id, user("admin"))


@pytest.mark.parametrize("role", ["writer", "editor", None])
def test_only_the_admin_sees_and_accepts_the_offers(ctx, role):
    note = extracted_note(activity("Sosialisasi Keterbukaan"))
    note_review.review(db.session, note, {"people": [person_item(note, "Ahmad Zarkasih", title="Kabag Tapem")]},
                       user("writer"))
    correction = db.session.scalar(select(NoteCorrection))
    actor = user(role) if role else None
    with pytest.raises(ServiceError, match="Hanya admin"):
        glossary_offers.offers(db.session, actor)
    with pytest.raises(ServiceError, match="Hanya admin"):
        glossary_offers.accept_offer(db.session, correction.id, actor)
    assert glossaries.read_glossary_extra(db.session) == "{}\n"
    assert db.session.scalar(select(func.count(NoteCorrection.id))) == 1
