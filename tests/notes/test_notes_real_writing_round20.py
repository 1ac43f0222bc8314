"""Extraction on ways of writing quotes that recur in the notes of many outlets (round 19):
indirect speech opened by a passive verb with "-nya" ("Dikatakannya, …"), by a "-nya" tag or
"Kata dia," at a sentence's head ("Lanjutnya, …"), or by an after-quote verb and its speaker
at a sentence's head ("Kata Darmawan, …", "Masih kata Lubis, …"); and a speaker introduced by
a name set off by commas before a reporting verb ("…, Suryani, berharap", "…, Maria …, mengaku"), whose "-nya" quote
went to someone named before. One test per kind; each note is short and of our own writing."""

from __future__ import annotations

from press.notes.cleaning import clean
from press.notes.extract import extract


def quotes(text: str, form: str) -> list[tuple[str | None, str]]:
    return [(q["speaker"], q["text"][:30]) for q in extract(clean(text).text).as_dict()["quotes"] if q["form"] == form]


def test_a_passive_speech_verb_with_nya_reports_the_person_last_spoken_of():
    text = ("Kepala Dinas Perhubungan Yohanes Karubaba meninjau jembatan gantung di Kampung Mosum.\n"
            "Dikatakannya, jembatan itu akan diperbaiki dengan dana kampung tahun depan.")
    assert ("Yohanes Karubaba", "jembatan itu akan diperbaiki d") in quotes(text, "indirect")


def test_a_nya_tag_opening_a_sentence_reports_the_person_last_spoken_of():
    text = ("Kapolres Mamuju AKBP Rendra Wiratama memimpin apel gelar pasukan di halaman mapolres.\n"
            "Lanjutnya, sebanyak 320 personel gabungan disiagakan selama operasi berlangsung.")
    assert ("Rendra Wiratama", "sebanyak 320 personel gabungan") in quotes(text, "indirect")
    told = ("Kepala Dinas Sosial Marlina Usman membuka pelatihan kader.\n"
            "Kata dia, kader desa menjadi mata pertama bagi keluarga yang belum terdata.")
    assert ("Marlina Usman", "kader desa menjadi mata pertam") in quotes(told, "indirect")


def test_an_after_quote_verb_and_its_speaker_at_a_sentences_head_open_indirect_speech():
    text = ("Bupati Halmahera Timur Rudi Salamena meresmikan pasar ikan di Maba.\n"
            "Masih kata Rudi, pedagang yang berjualan di pinggir jalan akan dipindahkan ke los baru.")
    assert ("Rudi Salamena", "pedagang yang berjualan di pin") in quotes(text, "indirect")
    headline = "Kampus Tambah Empat Profesor, Total Kini Ada Dua Puluh Guru Besar di Fakultas Itu\n"
    assert quotes(headline, "indirect") == []
    assert extract(clean(headline).text).as_dict()["people"] == []


def test_a_name_set_off_by_commas_before_a_reporting_verb_speaks_the_quote_after_it():
    text = ("Kepala Dinas Pariwisata Hendra Wijaya membuka pameran tenun di Maumere.\n"
            "Ketua Kelompok Tenun Ikat dari Desa Watublapi, Maria Goreti Sina, mengaku senang kainnya habis terjual. "
            "“Saya bawa empat puluh lembar, habis semua,” katanya.")
    assert quotes(text, "direct") == [("Maria Goreti Sina", "Saya bawa empat puluh lembar, ")]
