"""Extraction on the ways of writing the rules still missed after round 4's notes joined
the tuning material: a title's region ending in a compass word or a Balinese name after
a region of two words, the short forms of Muhammad as a first name ("Moch."), an
abbreviated middle name glued to the surname ("Ch.Wangge"), a Malay "bin", a Minang
"Dt.", customary heads (Ondoafi, Kepala Ohoi, Bendesa), a holder's name shortened, a
province between a title and its holder, a speaker called by initials, a capitalised
"Ujarnya" after a quote's full stop, "melaporkan"/"bilang" as reported speech, and a
note repeating one title and name thousands of times. One test per kind; each note is
short and of our own writing."""

from __future__ import annotations

import pytest

from press.notes.extract import extract
from tests.notes.test_notes_real_writing import designation, names, people


def test_a_compass_word_ending_a_title_s_region_is_no_person():
    assert names("Turut hadir Camat Tulang Bawang Tengah, Suryono, SP, dan para kepala tiyuh.") == {"Suryono"}


def test_a_balinese_name_after_a_region_of_two_words_starts_at_its_opener():
    found = people("Mendampingi bupati, Camat Nusa Penida I Made Sukarta dan kepala desa.")
    assert list(found) == ["I Made Sukarta"]
    assert designation(found["I Made Sukarta"]) == "Camat Nusa Penida"


@pytest.mark.parametrize("text, name", [
    ("Kepala Dinas Perdagangan Kabupaten Jombang, H. Moch. Sholeh Hidayat, S.Sos, membuka pasar.",
     "Moch. Sholeh Hidayat"),
])
def test_a_short_form_of_muhammad_opens_a_name(text, name):
    assert names(text) == {name}


def test_an_abbreviated_middle_name_glued_to_the_surname_stays_in_the_name():
    found = people("Upacara dipimpin Bupati Drs. Yohanes Ch.Manek di lapangan kota.")
    assert list(found) == ["Yohanes Ch.Manek"]
    assert found["Yohanes Ch.Manek"].title == "Bupati"


def test_bin_between_a_malay_name_and_the_father_s_stays_in_the_name():
    assert names("Bupati menerima Konsul Malaysia, Datuk Azman Hakim bin Yusri di pendopo.") == {"Azman Hakim bin Yusri"}


def test_dt_is_a_minang_honorific_before_a_name():
    found = people("Salah seorang wali nagari, Dt. Rajo Basa dari Nagari Tiku, ikut bicara.")
    assert list(found) == ["Rajo Basa"]
    assert found["Rajo Basa"].honorifics == ["Dt."]


@pytest.mark.parametrize("text, name, title", [
    ("Bupati mengajak Ondoafi Sawa, Markus Waropen, duduk bersama tokoh agama.", "Markus Waropen", "Ondoafi Sawa"),
    ("Penjabat Kepala Ohoi Dullah Laut Yakobus Renwarin mengatakan talud sudah jebol.", "Yakobus Renwarin",
     "Penjabat Kepala Ohoi Dullah Laut"),
])
def test_a_customary_head_is_a_title_and_its_territory_no_person(text, name, title):
    found = people(text)
    assert set(found) == {name}
    assert designation(found[name]) == title


@pytest.mark.parametrize("text", [
    "\"Pecalang, Babinsa dan Bhabinkamtibmas harus satu langkah menjaga desa adat,\" ujarnya.",
])
def test_a_customary_guard_is_no_person(text):
    assert names(text) == set()


def test_a_branch_of_law_in_a_title_is_no_person():
    found = people("Turut hadir Kepala Seksi Perdata dan TUN Kejari Agam Rio Firmansyah, SH. dalam pertemuan.")
    assert list(found) == ["Rio Firmansyah"]
    assert designation(found["Rio Firmansyah"]) == "Kepala Seksi Perdata dan TUN Kejari Agam"


def test_a_holder_s_shortened_name_is_the_same_person():
    text = ("Upacara dipimpin Bupati Fransiskus Ch.Wangge di lapangan kota.\n\n"
            "Setiap tahun warga diajak mengenang para pejuang, kata Bupati Frans Wangge.")
    extraction = extract(text)
    assert [p.name for p in extraction.people] == ["Fransiskus Ch.Wangge"]
    assert [q.speaker for q in extraction.quotes] == ["Fransiskus Ch.Wangge"]


def test_a_title_s_holder_after_a_province_set_off_by_commas_is_named():
    found = people("Bupati Paser, Kalimantan Timur, Rusdi Fahmi Masud membuka upacara di lapangan.")
    assert list(found) == ["Rusdi Fahmi Masud"]
    assert designation(found["Rusdi Fahmi Masud"]) == "Bupati Paser"


def test_a_speaker_called_by_the_initials_of_the_name_is_that_person():
    text = ("Bupati Paser Rusdi Fahmi Masud membuka upacara di lapangan.\n\n"
            "\u201cPolisi harus hadir sebagai penengah,\u201d kata RFM.")
    assert [q.speaker for q in extract(text).quotes] == ["Rusdi Fahmi Masud"]


def test_a_capitalised_back_reference_after_the_quote_s_full_stop_names_the_speaker():
    text = ("Penjabat Bupati Aceh Utara, Dr. Teuku Hasan, M.Si menerima audiensi Konsul Malaysia di pendopo.\n\n"
            "Ia memaparkan potensi pinang dan perikanan dari daerahnya kepada tamu.\n\n"
            "\"Kami ingin anak-anak kami berangkat secara prosedural.\" Tambahnya.")
    direct = [(q.speaker, q.text) for q in extract(text).quotes if q.form == "direct"]
    assert direct == [("Teuku Hasan", "Kami ingin anak-anak kami berangkat secara prosedural.")]


@pytest.mark.parametrize("verb", ["melaporkan", "bilang"])
def test_melaporkan_and_bilang_report_speech(verb):
    text = f"Ketua panitia, Hasan Kalibu, {verb} jadwal safari berlangsung sepuluh malam di masjid kampung."
    quotes = extract(text).quotes
    assert [(q.speaker, q.form) for q in quotes] == [("Hasan Kalibu", "indirect")]
    assert quotes[0].text.startswith("jadwal safari")


def test_a_note_repeating_one_title_and_name_finds_that_one_person():
    found = people("Wali Kota Bekasi Ahmad Syaikhu, " * 400 + "hadir.")
    assert list(found) == ["Ahmad Syaikhu"]
    assert designation(found["Ahmad Syaikhu"]) == "Wali Kota Bekasi"


def test_a_name_written_once_with_initials_and_once_in_full_is_one_person_under_the_full_name():
    text = ("Kepala Distrik Agats, Fransiskus X. Owom mengatakan usulan kampung dicatat.\n\n"
            "\"Semua suara kampung kami catat,\" ujarnya.\n\n"
            "Berita acara diserahkan Kepala Distrik Agats Fransiskus Xaverius Owom kepada Bappeda.")
    extraction = extract(text)
    assert [p.name for p in extraction.people] == ["Fransiskus Xaverius Owom"]
    assert [q.speaker for q in extraction.quotes if q.form == "direct"] == ["Fransiskus Xaverius Owom"]


def test_menurut_a_title_and_a_name_set_off_by_commas_reports_that_person():
    text = "Menurut Ketua Panitia Pelaksana, dr. Wayan, kegiatan ini melayani pemeriksaan umum dan mata."
    quotes = extract(text).quotes
    assert [(q.speaker, q.form) for q in quotes] == [("Wayan", "indirect")]
    assert quotes[0].text.startswith("kegiatan ini melayani")
