"""``Note.accepted``, the notes→drafting contract: one reader (``read_accepted``) that turns
the stored JSON into an ``Accepted`` and tolerates rows of older or odd shapes; the review
page, the draft and the search index all read through it."""
from __future__ import annotations

import pytest

from press.codes import ParticipantRole
from press.extensions import db
from press.models import Note
from press.notes.accepted import Accepted, AcceptedPerson, AcceptedQuote, read_accepted
from press.services import release_templates
from tests.notes.test_notes_pages import SOSIALISASI_NOTE, activity_id, add_note, notes_of


def test_what_a_review_stores_reads_back_as_the_same_accepted():
    accepted = Accepted(
        people=(AcceptedPerson("Ahmad Zarkasih", "Kepala Diskominfostandi", "Kota Bekasi", ("H.",), ("S.H.",),
                               ParticipantRole.HOST, source_name="Zarkasih"),),
        quotes=(AcceptedQuote("Keterbukaan itu kewajiban.", "Ahmad Zarkasih", "Kepala Diskominfostandi", "ujar",
                              (10, 40)),),
    )
    stored = accepted.as_json()
    assert stored["people"][0]["role"] == "host" and stored["people"][0]["honorifics"] == ["H."]
    assert stored["quotes"][0]["span"] == [10, 40]
    assert set(stored) == {"people", "quotes", "organisations", "places", "dates"}
    assert read_accepted(stored) == accepted


@pytest.mark.parametrize("stored", [
    None, [], "teks", {}, {"people": None, "quotes": None}, {"people": "Ahmad", "quotes": ["kutipan"]},
    {"people": [{"name": None}, {"name": "   "}, 7], "quotes": [{"speaker": "Ahmad"}], "dates": [{"text": "Selasa"}]},
], ids=["null", "list", "text", "empty", "nulls", "wrong-types", "no-names"])
def test_a_row_of_an_older_or_odd_shape_reads_as_nothing_accepted(stored):
    assert read_accepted(stored) == Accepted()


def test_an_older_person_keeps_what_it_has_and_gets_defaults_for_the_rest():
    (person,) = read_accepted({"people": [{"name": " Tanti  Rohilawati ", "honorifics": "dr. Hj.",
                                           "degrees": "M.Kes., S.H.", "role": "narasumber"}]}).people
    assert person == AcceptedPerson("Tanti Rohilawati", honorifics=("dr.", "Hj."), degrees=("M.Kes.", "S.H."),
                                    role=ParticipantRole.ATTENDEE)


def test_the_review_page_and_the_draft_open_on_a_note_whose_accepted_has_an_odd_shape(app, client, auth):
    activity = activity_id(app, "Sosialisasi Keterbukaan")
    auth.login("writer")
    add_note(client, auth, activity, SOSIALISASI_NOTE)
    (note,) = notes_of(app, activity)
    with app.app_context():
        row = db.session.get(Note, note.id)
        assert row.extraction["people"]
        row.accepted = {"people": None, "quotes": [{"text": "Keterbukaan itu kewajiban.", "speaker": ["Ahmad"]}],
                        "organisations": ["Diskominfostandi"]}
        db.session.commit()
    page = client.get(f"/staf/catatan/{note.id}")
    assert page.status_code == 200 and "Ahmad Zarkasih" in page.get_data(as_text=True)
    with app.app_context():
        row = db.session.get(Note, note.id)
        context = release_templates.context_for(db.session, row.activity)
        (quote,) = context.quotes
        assert quote.text == "Keterbukaan itu kewajiban." and quote.speaker is None
