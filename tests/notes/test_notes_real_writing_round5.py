"""Extraction on the ways of writing the rules still missed after round 3's notes joined
the tuning material: a writer's name closing the note in brackets or a caption between
slashes, initials glued to a name ("E.J.Lobiua"), a name made a person by the degrees
after it, Balinese names ("I Wayan", "Ni Ketut"), lists of one-word names given with a
known person, and a straight quote running over hard line breaks. One test per kind;
each note is short and of our own writing."""

from __future__ import annotations

import pytest

from press.notes.extract import extract
from tests.notes.test_notes_real_writing import names, people


@pytest.mark.parametrize("text, name", [
    ("Lomba masak ditutup dengan pembagian hadiah oleh camat. (Sarwono)\n", "Sarwono"),
    ("Ratusan warga hadir di lapangan desa. (Redaksi kontributor Widodo & Sari)\n", "Widodo"),
    ("Suasana rapat persiapan HUT kabupaten di aula setda. /Rina Anggraeni/\n\nRapat dipimpin sekda.", "Rina Anggraeni"),
])
def test_a_name_closing_the_note_in_brackets_or_a_caption_between_slashes_is_the_writer(text, name):
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "Warga menyambut baik program itu. (Humas Polres Lebak)\n",
    "Warga menyambut baik program itu. (Advertorial)\n",
    "Warga menyambut baik program itu. (Gunungkidul)\n",
    "Warga menyambut baik program itu. (Ags)\n",
])
def test_a_closing_bracket_of_an_office_a_region_or_initials_names_nobody(text):
    assert names(text) == set()


def test_initials_glued_to_a_name_stay_part_of_it():
    found = people("Hadir Sekda Halmahera Utara E.J.Lobiua bersama ibu dan para asisten.")
    assert list(found) == ["E.J.Lobiua"]
    assert found["E.J.Lobiua"].title == "Sekda"


@pytest.mark.parametrize("text, name, degrees", [
    ("Dewan juri diketuai Sri Wahyuni, S.Pd. Ia menilai kekompakan regu.", "Sri Wahyuni", ["S.Pd."]),
    ("Bidan Desa Sukamaju, Ratna Sari Amd.Keb, menyampaikan data balita.", "Ratna Sari", ["Amd.Keb"]),
    ("Pertemuan dibuka Sekretaris, Dodi Kurnia, M.Pd., disaksikan para kepala bidang.", "Dodi Kurnia", ["M.Pd."]),
])
def test_a_name_followed_by_degrees_is_a_person(text, name, degrees):
    found = people(text)
    assert name in found
    assert found[name].degrees == degrees


@pytest.mark.parametrize("text, name", [
    ("Bantuan diberikan kepada keluarga I Wayan Suarta asal Banjar Kelod.", "I Wayan Suarta"),
    ("Rumah kedua dibangun bagi keluarga Ni Ketut Sari, seorang janda.", "Ni Ketut Sari"),
])
def test_a_balinese_name_opened_by_its_birth_order_word_is_a_person(text, name):
    assert name in names(text)


def test_a_list_of_names_with_a_known_person_makes_every_name_a_person():
    text = "Paket diterima oleh Sarmin, Tukiyem, Mbah Darmo, Ny Suminah, Paijo dan Warsini."
    assert names(text) == {"Sarmin", "Tukiyem", "Darmo", "Suminah", "Paijo", "Warsini"}


@pytest.mark.parametrize("text", [
    "Hadir Karo Hukum, Karo Umum dan Perlengkapan, serta Bupati Sleman Harda Kiswaya.",
    "Disaksikan Pj Wali Kota Bandung, Asep Mulyadi dan Bupati Garut, Rudy Gunawan.",
])
def test_a_list_of_titles_beside_a_person_adds_nobody(text):
    assert not names(text) - {"Harda Kiswaya", "Asep Mulyadi", "Rudy Gunawan"}


def test_a_straight_quote_broken_across_hard_line_breaks_is_one_direct_quote():
    text = ("Bupati Halmahera Tengah Husen Ahmad membuka rapat kerja.\n"
            "\"Kita baru mulai, tapi masyarakat tidak mau menunggu lama. Jalan ke\n"
            "Patani harus jadi perhatian sejak tahun pertama\", papar Husen.\n")
    quotes = extract(text).quotes
    assert [(q.speaker, q.form) for q in quotes] == [("Husen Ahmad", "direct")]
    assert quotes[0].text.startswith("Kita baru mulai") and quotes[0].text.endswith("tahun pertama")


@pytest.mark.parametrize("text, name", [
    ("Sejumlah camat bergeser. Budi Santoso yang sebelumnya Camat Jenu kini menjabat Camat Palang.", "Budi Santoso"),
    ("Camat juga bergeser. Kemudian Rudi Hartono dari Camat Bancar menjadi Camat Tambakboyo.", "Rudi Hartono"),
    ("Beberapa pejabat dilantik, dan Sugeng Riyadi dari Kepala Bagian Pemerintahan naik menjadi Camat.",
     "Sugeng Riyadi"),
])
def test_a_name_before_the_post_it_held_is_a_person(text, name):
    assert name in names(text)


def test_a_place_before_dari_and_a_title_is_no_person():
    assert names("Rombongan Dinas Pariwisata dari Kabupaten Sleman tiba. Tamu Bupati dari Kota Bandung hadir.") == set()


@pytest.mark.parametrize("text", [
    "Tema tahun ini, Rumeksa Budaya Menoreh, dijelaskan panitia sebagai ajakan menjaga budaya.",
    "Lomba bertajuk, Sinar Muda Bangkit, diikuti dua puluh sanggar.",
])
def test_a_theme_named_in_apposition_is_no_person(text):
    assert names(text) == set()


def test_the_editor_credited_as_redaktur_is_named():
    assert "Fajar Nugroho" in names("Oleh MC Kab Nunukan, Senin, 11 Oktober 2021 - Redaktur: Fajar Nugroho\n\nRapat dimulai.")



def test_menurutnya_after_a_sentence_opening_with_a_pronoun_is_read_without_an_error():
    text = ("Ia bersama Bupati Sleman Kustini Sri Purnomo meninjau pasar. Menurutnya, pasar itu perlu "
            "direnovasi segera tahun ini juga.\n")
    assert "Kustini Sri Purnomo" in names(text)
