"""Extraction on ways of writing that recur in the held-back notes of rounds 13 to 16 (round
17): an attribution set between the two halves of one reported sentence ("Olehnya, lanjut
dia, …", "Namun, kata dia, …"), which is one indirect quote of the speaker from the
sentence's beginning to its end, however short its first half; and a passive speech verb
opening a sentence without quote marks, with a name ("Ditambahkan X, …") or without one
("Dikatakan pula, …": the person last spoken of). One test per kind; each note is short and of
our own writing."""

from __future__ import annotations

from press.notes.extract import extract


def indirect(text: str) -> list[tuple[str | None, str]]:
    return [(q["speaker"], q["text"]) for q in extract(text).as_dict()["quotes"] if q["form"] == "indirect"]


def test_an_interposed_tag_after_a_short_opening_makes_one_quote_of_the_whole_sentence():
    found = indirect("Kepala Dinas Perikanan Yohanes Taborat meninjau dermaga Kampung Wayori. "
                     "Karena itu, lanjutnya, pemerintah kabupaten akan menambah dua perahu motor tahun depan.")
    assert found == [("Yohanes Taborat",
                      "Karena itu, pemerintah kabupaten akan menambah dua perahu motor tahun depan")]


def test_a_passive_speech_verb_opening_a_sentence_reports_what_follows_its_comma():
    found = indirect("Kepala Pelaksana BPBD Martinus Rumbiak memimpin apel siaga banjir di halaman kantor bupati. "
                     "Ditambahkan Martinus, posko di tiap distrik akan dibuka selama musim hujan.")
    assert found == [("Martinus Rumbiak", "posko di tiap distrik akan dibuka selama musim hujan")]


def test_a_passive_speech_verb_with_no_name_reports_the_person_last_spoken_of():
    found = indirect("Camat Waibu Yulianus Sokoy membuka musrenbang distrik di aula kantor distrik. "
                     "Dikatakan pula, usulan kampung yang tidak masuk tahun ini akan diprioritaskan tahun depan.")
    assert found == [("Yulianus Sokoy", "usulan kampung yang tidak masuk tahun ini akan diprioritaskan tahun depan")]
