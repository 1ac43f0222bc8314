"""Extraction on the ways of writing the rules still missed after round 10's held-back
notes joined the tuning material (round 11): a village, ward or district of several words
between a place title and its holder's name (the note writes the place elsewhere, or gives
its short form in brackets), and the unit of a capitalised title written in lower case
("Ketua panitia", "Ketua kelompok tani"), a council member's electoral district and
commission (part of the title) and faction or party (passed over to the name), the Raja
Negeri of a Maluku negeri, "H.M." glued with its dots, a bulleted list of officials (a
sentence each, not a teaser), a byline closed by a square bracket. One test per kind; each note is
short and of our own writing."""

from __future__ import annotations

import pytest

from tests.notes.test_notes_real_writing import designation, people


@pytest.mark.parametrize("text, name, title", [
    ("Warga Kelurahan Talang Banjar Ujung, Jambi, berkumpul di balai.\n\n"
     "Lurah Talang Banjar Ujung Hendrawan membuka acara itu.", "Hendrawan", "Lurah Talang Banjar Ujung"),
    ("Jalan Sungai Lasi Hilir rusak berat.\n\nKepala Desa Sungai Lasi Hilir Marlis Efendi meninjau jalan itu.",
     "Marlis Efendi", "Kepala Desa Sungai Lasi Hilir"),
])
def test_a_place_of_several_words_the_note_writes_elsewhere_is_no_part_of_the_name(text, name, title):
    found = people(text)
    assert list(found) == [name]
    assert designation(found[name]) == title


def test_a_bracketed_short_form_ends_the_place_before_the_name():
    found = people("Camat Koto Tangah Sungai (KTS) Yulianti, mengatakan reses itu penting bagi warga.")
    assert list(found) == ["Yulianti"]
    assert found["Yulianti"].title == "Camat Koto Tangah Sungai (KTS)"


def test_a_place_title_with_a_one_word_place_still_reads_a_two_word_name():
    found = people("Lurah Sukamaju Budi Santoso hadir. Santoso mengatakan warga siap.")
    assert designation(found["Budi Santoso"]) == "Lurah Sukamaju"


@pytest.mark.parametrize("text, name, title", [
    ("Ketua panitia, Darius Lemba menjelaskan hadiah lomba.", "Darius Lemba", "Ketua panitia"),
    ("Ketua pengurus Masjid Al Ikhlas, Rusdi Hamzah, menyebut dana cukup.", "Rusdi Hamzah",
     "Ketua pengurus Masjid Al Ikhlas"),
    ("Ketua persatuan, Ni Made Sukasih menambahkan panen itu berhasil.", "Ni Made Sukasih", "Ketua persatuan"),
])
def test_the_unit_of_a_capitalised_title_may_be_written_in_lower_case(text, name, title):
    found = people(text)
    assert designation(found[name]) == title


def test_a_passive_verb_or_a_description_after_a_title_is_no_unit():
    found = people("Kolonel Inf Darmadi dilantik sebagai Komandan Resor Militer dilantik kemarin.\n\n"
                   "Sambutan disampaikan Gubernur kelahiran Makassar itu, Andi Rahman.")
    assert all("dilantik" not in designation(p) and "kelahiran" not in designation(p) for p in found.values())


@pytest.mark.parametrize("text, name, title", [
    ("Di sisi lain, anggota DPRD Kota Solok dari Fraksi Partai Amanat Nasional (PAN), Gusrizal menggelar reses.",
     "Gusrizal", "anggota DPRD Kota Solok"),
    ("Anggota DPRD Kota Solok Dapil Tanjung Harapan dari Partai Gerindra Irwan Sutan Mudo menagih janji dinas.",
     "Irwan Sutan Mudo", "Anggota DPRD Kota Solok Dapil Tanjung Harapan"),
    ("Anggota DPRD Riau dari Komisi III, Marlina Sari menggelar reses di Siak.", "Marlina Sari",
     "Anggota DPRD Riau dari Komisi III"),
])
def test_a_members_district_and_commission_join_the_title_and_the_faction_is_passed(text, name, title):
    found = people(text)
    assert list(found) == [name]
    assert designation(found[name]) == title


def test_raja_negeri_is_the_head_of_a_maluku_negeri_with_his_negeri():
    found = people("Wagub disambut Raja Negeri Rumahkay, Bapak Daniel Sapulette, di baileo negeri.\n\n"
                   "Usai acara, KPN Rumahkay Daniel Sapulette mengantar rombongan.")
    assert list(found) == ["Daniel Sapulette"]
    assert designation(found["Daniel Sapulette"]) in ("Raja Negeri Rumahkay", "KPN Rumahkay")
    assert found["Daniel Sapulette"].honorifics == ["Bapak"]


def test_h_m_with_its_dots_and_no_space_is_the_honorific_hm():
    found = people("Hadir Anggota DPRD Makassar, H.M. Ramli Dg Sese, bersama warga.")
    assert list(found) == ["Ramli Dg Sese"]
    assert found["Ramli Dg Sese"].honorifics == ["H.M."]


def test_a_bulleted_list_of_officials_ending_in_full_stops_names_each_with_the_title():
    found = people("Gubernur melantik empat pejabat di Ambon. Mereka adalah:\n"
                   "- Ir. Petrus Latuheru, M.T., Kepala Dinas Perhubungan Provinsi Maluku.\n"
                   "- Sarah Pattipeilohy, Kepala Dinas Lingkungan Hidup.\n\n"
                   "Gubernur meminta keduanya segera bekerja.\n\n"
                   "- Gubernur Maluku Minta Kepala Dinas Percepat Pelayanan")
    assert set(found) == {"Petrus Latuheru", "Sarah Pattipeilohy"}
    assert designation(found["Petrus Latuheru"]) == "Kepala Dinas Perhubungan Provinsi Maluku"
    assert designation(found["Sarah Pattipeilohy"]) == "Kepala Dinas Lingkungan Hidup"


def test_a_byline_in_square_brackets_names_its_last_credit_too():
    found = people("Bupati meninjau pasar pagi itu.\n\n[Penulis: Markus Lobo | Editor: Wulan]")
    assert {"Markus Lobo", "Wulan"} <= set(found)
