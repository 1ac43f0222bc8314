"""Extraction on the ways of writing the rules still missed after round 5's notes joined
the tuning material: a general's rank spelt "-jend" and ranks in capitals, a listed
region of two words after a title, a one-letter or two-letter middle initial, a person
first met under one word and named in full elsewhere, lists of names with initials and
nicknames in brackets, the older "Propinsi", Malay and Sundanese honorifics, rivers and
lakes, "tambahnya" going on with the last speaker, "Gubernur" alone for the acting
governor, honorifics glued by their dots, a capitalised verb after `,”`, the fields and
roles of a unit, the theme of an event, teasers of other stories, a title shared by the
names listed after it, "X menjabat Title", a writer's slip in a name, a region between
commas, a word never a name alone ending one, and acting prefixes in capitals. One
test per kind; each note is short and of our own writing."""

from __future__ import annotations

import pytest

from press.notes.extract import extract
from tests.notes.test_notes_real_writing import designation, names, people


@pytest.mark.parametrize("text, name, ranks", [
    ("Upacara dihadiri Kapolda Maluku Irjend Pol Johan Saragih dan para kapolres.", "Johan Saragih", ["Irjend Pol"]),
    ("Danrem yang baru, Brigjend TNI Agus Permana, tiba di Ambon.", "Agus Permana", ["Brigjend TNI"]),
    ("Laporan dibacakan IPTU Rahmat Sidik di depan peserta.", "Rahmat Sidik", ["IPTU"]),
])
def test_a_general_s_rank_spelt_jend_and_a_rank_in_capitals_are_ranks(text, name, ranks):
    found = people(text)
    assert list(found) == [name]
    assert found[name].ranks == ranks


def test_a_listed_region_of_two_words_after_a_title_is_its_place_not_the_name_s_start():
    found = people("Penjabat Bupati Pegunungan Arfak Markus Indou menerima tamu di Anggi.")
    assert list(found) == ["Markus Indou"]
    assert designation(found["Markus Indou"]) == "Penjabat Bupati Pegunungan Arfak"


@pytest.mark.parametrize("text, name", [
    ("Penjabat Bupati Teluk Bintuni Dr Yakobus H Waney,S.Pi,M.Sc membuka rapat.", "Yakobus H Waney"),
    ("Ketua Dharma Wanita Persatuan Kabupaten Boalemo, Rosdiana H.M Pakaya, menyerahkan bingkisan.",
     "Rosdiana H.M Pakaya"),
])
def test_a_middle_initial_that_looks_like_an_honorific_stays_in_the_name(text, name):
    assert names(text) == {name}


def test_a_person_met_under_one_word_takes_the_full_name_written_elsewhere():
    text = ("Gubernur melantik Hendrik Sinaga sebagai bupati di Gedung Daerah.\n\n"
            "Dalam pidatonya, Bupati Hendrik berterima kasih kepada warga.\n\n"
            "\u201cKantor bupati terbuka setiap Jumat pagi,\u201d ujar Hendrik.")
    extraction = extract(text)
    assert [p.name for p in extraction.people] == ["Hendrik Sinaga"]
    assert [q.speaker for q in extraction.quotes] == ["Hendrik Sinaga"]


def test_a_list_of_names_with_initials_and_nicknames_in_brackets_names_them_all():
    text = ("Hadir para tokoh pendiri, di antaranya B. Salim Yusuf, Jamaludin Dahlan (Ki Jarot), "
            "Hasan Basri (atok), Rohman Sahid, Marzuki Ali SH.\n\n"
            "Menurut Ki Jarot, kolam bekas tambang harus ditutup. \u201cAnak-anak bermain di sana,\u201d katanya.")
    extraction = extract(text)
    assert {p.name for p in extraction.people} == {"B. Salim Yusuf", "Jamaludin Dahlan", "Hasan Basri",
                                                  "Rohman Sahid", "Marzuki Ali"}
    assert {q.speaker for q in extraction.quotes} == {"Jamaludin Dahlan"}


def test_a_nickname_in_brackets_names_nobody_of_its_own():
    assert names("Ketua Paguyuban Pedagang Pasar Baru, Sukarjo Utomo (Mbah Karjo), berterima kasih.") \
        == {"Sukarjo Utomo"}


def test_propinsi_is_a_region_word():
    found = people("Hadir Kepala Bidang Pelayanan Dinas Kesehatan Propinsi NTT drg. Maria Lende.")
    assert list(found) == ["Maria Lende"]
    assert "Propinsi NTT" in designation(found["Maria Lende"])


@pytest.mark.parametrize("text, name, honorifics", [
    # The Malay OK and the Sundanese R.A. are noble names one is born with: in the name (round 8's conventions).
    ("Paparan disampaikan Kabag Fasilitasi Kepala Daerah Biro Pemerintahan Setdaprov Riau, OK Syahrial.", "OK Syahrial",
     []),
    ("Musrenbang dibuka Camat Cibadak R.A. Dadang Sutisna di aula.", "R.A. Dadang Sutisna", []),
    ("Wali Kota mengunjungi rumah Kakek Darsim (81) yang atapnya bocor.", "Darsim", ["Kakek"]),
])
def test_malay_sundanese_and_kin_honorifics_are_split_from_the_name(text, name, honorifics):
    found = people(text)
    assert list(found) == [name]
    assert found[name].honorifics == honorifics


def test_a_river_or_a_lake_is_no_person_but_a_village_named_after_one_is_a_place():
    assert names("Untuk tanggul Sungai Serayu, Gubernur berjanji mengusulkan anggaran.") == set()
    found = people("Ketua Bamus Nagari Sungai Pua Darman Sutan menyambut rombongan.")
    assert list(found) == ["Darman Sutan"]
    assert designation(found["Darman Sutan"]) == "Ketua Bamus Nagari Sungai Pua"


def test_tambahnya_goes_on_with_the_last_speaker_when_nobody_else_spoke_since():
    text = ("Bupati Gowa Yusran Amin berkunjung ke rumah Ketua DPRD Gowa Baso Rahim.\n\n"
            "\u201cKami balas datang, begitu adatnya,\u201d ujar Yusran.\n\n"
            "Sebelumnya Baso Rahim bersama pimpinan dewan hadir di rumah dinas bupati.\n\n"
            "\u201cBeda kamar, tapi rumahnya sama,\u201d tambahnya.")
    assert [q.speaker for q in extract(text).quotes] == ["Yusran Amin", "Yusran Amin"]


def test_a_regional_head_s_title_alone_names_the_acting_holder():
    text = ("Pj. Gubernur Sulawesi Utara Dr. Fransiskus Lumi meninjau Minut.\n\n"
            "Gubernur meminta Kepala Dinas PUPR Provinsi Sulut, Ir. Stenly Rumondor, MT, segera turun ke lapangan.\n\n"
            "\u201cTorang samua basudara,\u201d katanya.")
    assert [q.speaker for q in extract(text).quotes] == ["Fransiskus Lumi"]


def test_honorifics_glued_by_their_dots_and_a_province_in_capitals_after_its_word():
    found = people("Rapat dipimpin Asisten Pemerintahan Setda Provinsi NTB Drs.H. Lalu Wirajaya, M.Si di aula.")
    assert list(found) == ["Lalu Wirajaya"]
    assert found["Lalu Wirajaya"].honorifics == ["Drs.", "H."]
    assert designation(found["Lalu Wirajaya"]) == "Asisten Pemerintahan Setda Provinsi NTB"


def test_a_capitalised_speech_verb_right_after_a_quote_ending_in_a_comma_attributes_it():
    text = ("Hadir Sekda Bima Adnan Linggi dan Kepala Biro Pemerintahan Arif Wibowo.\n\n"
            "\u201cWarga perbatasan tidak boleh bingung lagi,\u201dTerang Arif Wibowo.")
    assert [q.speaker for q in extract(text).quotes] == ["Arif Wibowo"]


def test_the_fields_and_roles_of_a_unit_are_no_names():
    text = ("Hadir Sekretaris Kota Jakarta Utara Ali Harahap, Kepala Suku Dinas Pemberdayaan, Perlindungan Anak dan "
            "Pengendalian Penduduk, serta Ketua Tim Penilai Lomba Desa dan Ketua Dewan Pembina IKT.")
    assert names(text) == {"Ali Harahap"}


def test_the_theme_of_an_event_in_quote_marks_is_no_quotation():
    text = "Tema yang diusung tahun ini adalah \u201cPenguatan Ekonomi Pesisir yang Merata.\u201d Hadir Bupati."
    assert extract(text).quotes == []


def test_teasers_of_other_stories_name_nobody():
    text = ("Bupati Dompu Ahmad Fikri menyerahkan bantuan rumah.\n\nBerita Terkini:\n"
            "- Gubernur NTB Minta Bupati Percepat Penanganan Stunting\n"
            "- Harga Jagung Turun, Kapolres Bima Kota Ungkap Peredaran Sabu\n")
    assert names(text) == {"Ahmad Fikri"}


def test_a_title_shared_by_the_names_listed_after_di_antaranya():
    found = people("Hadir anggota DPRD Kabupaten Garut, di antaranya Dedi Rosadi (Gerindra), "
                   "Euis Komala (PKB), dan Ujang (Golkar), serta camat.")
    assert set(found) == {"Dedi Rosadi", "Euis Komala", "Ujang"}
    assert {designation(p) for p in found.values()} == {"anggota DPRD Kabupaten Garut"}


def test_x_menjabat_a_title_holds_that_title_not_the_next_name():
    found = people("Yang dilantik ialah, Yosep Marani menjabat Kepala Distrik Wasior, "
                   "Ester Sawaki menjabat Kepala Distrik Wamesa, dan Lukas Ramar menjabat Kepala Distrik Roon.")
    assert {name: designation(p) for name, p in found.items()} == {
        "Yosep Marani": "Kepala Distrik Wasior", "Ester Sawaki": "Kepala Distrik Wamesa",
        "Lukas Ramar": "Kepala Distrik Roon"}


def test_a_name_one_letter_off_is_the_same_person_under_the_spelling_written_more_often():
    text = ("Foto: Bupati Bintan Roni Kurniadi meneken MoU.\n\n"
            "Bupati Bintan Roni Kurniawi resmi menandatangani kesepakatan.\n\n"
            "Dalam sambutannya, Bupati Bintan Roni Kurniawi berharap wisatawan tinggal lebih lama.")
    assert [p.name for p in extract(text).people] == ["Roni Kurniawi"]


def test_a_region_set_off_by_commas_between_a_title_and_its_holder():
    found = people("Kepala Desa Lapeo, Kecamatan Campalagian, Syamsir mengaku terbantu.")
    assert list(found) == ["Syamsir"]
    assert designation(found["Syamsir"]) == "Kepala Desa Lapeo"


def test_a_word_never_a_name_alone_may_end_a_name_of_two_words():
    assert names("Acara menghadirkan akademisi Universitas Tadulako, Dr. Rahma Salam sebagai narasumber.") \
        == {"Rahma Salam"}


@pytest.mark.parametrize("text, name, title", [
    ("PJ. Gubernur Papua Barat Daya Markus Kambu membuka rapat.", "Markus Kambu", "PJ. Gubernur Papua Barat Daya"),
    ("Kepala Bappelitbangda Sumba Tengah Umbu Lakar, Kadis PMD Stefanus Ngongo.", "Umbu Lakar",
     "Kepala Bappelitbangda Sumba Tengah"),
    ("Kepala Dinas Kebudayaan Kundha Kabudayan Kabupaten Sleman Eka Handayani membuka pentas.", "Eka Handayani",
     "Kepala Dinas Kebudayaan Kundha Kabudayan Kabupaten Sleman"),
])
def test_acting_prefixes_in_capitals_and_the_names_of_offices_stay_in_the_title(text, name, title):
    found = people(text)
    assert name in found
    assert designation(found[name]) == title


def test_a_speaker_written_with_initials_for_the_first_words_of_the_name_is_that_person():
    text = ("Hadir Sekda Bima Adnan Linggi dan Asisten Pemerintahan Setda Provinsi NTB Drs.H. Lalu Wirajaya Putra.\n\n"
            "\u201cWarga perbatasan tidak boleh bingung lagi,\u201dTerang H. L. Wirajaya.")
    extraction = extract(text)
    assert [q.speaker for q in extraction.quotes] == ["Lalu Wirajaya Putra"]
    assert {p.name for p in extraction.people} == {"Adnan Linggi", "Lalu Wirajaya Putra"}


def test_a_back_reference_written_apart_from_its_verb_points_back_like_one_word():
    text = ("Bupati Tebo Syahrial Anwar meninjau embung.\n\n"
            "\u201cEmbung ini sangat membantu petani saat kemarau,\u201d Tambah nya.")
    assert [q.speaker for q in extract(text).quotes] == ["Syahrial Anwar"]
