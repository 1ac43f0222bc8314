"""Extraction on the ways of writing that round 3 of the rules learnt from the 84 notes
modelled on real releases (tests/notes/real and tests/notes/real2): abbreviated region
words after a title, a region and a name written twice after a region word, and the
other kinds below. One test per kind of error; each note is short and of our own
writing."""

from __future__ import annotations

import pytest

from tests.notes.test_notes_real_writing import designation, people


@pytest.mark.parametrize("text, name, organisation", [
    ("Hadir pula Sekretaris Daerah Kab. Sigi Marten Lalu, serta camat.", "Marten Lalu", "Kab. Sigi"),
    ("Sambutan dibacakan Kepala Dinas Sosial Prov. Sulteng Rina Pakaya, lalu doa.", "Rina Pakaya", "Prov. Sulteng"),
])
def test_an_abbreviated_region_word_after_a_title_is_no_part_of_the_name(text, name, organisation):
    found = people(text)
    assert set(found) == {name}
    assert found[name].organisation == organisation


def test_a_title_with_an_abbreviated_district_and_no_name_names_nobody():
    assert people("Hadir Danramil, Kapolsek Kec. Tawaeli dan kepala desa setempat.") == {}


def test_a_region_and_a_name_written_twice_after_a_region_word_stay_a_region_and_a_name():
    text = ("Rapat dihadiri Kepala Dinas Kesehatan Provinsi Sulteng Arman Lasiru, dan para camat.\n\n"
            "Kepala Dinas Kesehatan Provinsi Sulteng Arman Lasiru menambahkan, stok vaksin cukup.")
    found = people(text)
    assert set(found) == {"Arman Lasiru"}
    assert designation(found["Arman Lasiru"]) == "Kepala Dinas Kesehatan Provinsi Sulteng"


def test_a_papuan_distrik_after_a_title_is_a_region_not_part_of_the_name():
    found = people("Turut hadir Kepala Distrik Windesi Markus Waropen dan para kepala kampung.")
    assert set(found) == {"Markus Waropen"}
    assert designation(found["Markus Waropen"]) == "Kepala Distrik Windesi"


@pytest.mark.parametrize("text, first, second", [
    ("Bupati dan Wakil Bupati Sumba Timur Umbu Lili Pekuwali dan Yonathan Hani hadir.",
     ("Umbu Lili Pekuwali", "Bupati Sumba Timur"), ("Yonathan Hani", "Wakil Bupati Sumba Timur")),
    ("Sidang mengukuhkan Bupati dan Wakil Bupati terpilih periode 2025-2030 Ir.Daniel Rahakbauw M.T dan "
     "Hi.Umar Tamher S.E,M.M dalam paripurna.",
     ("Daniel Rahakbauw", "Bupati"), ("Umar Tamher", "Wakil Bupati")),
])
def test_a_title_with_two_holders_gives_each_holder_their_own_title(text, first, second):
    found = people(text)
    assert {name: designation(found[name]) for name in found} == dict([first, second])


def test_hi_before_a_name_is_an_honorific_and_inside_a_name_part_of_it():
    found = people("Wakil Bupati Hi.Umar Tamher hadir bersama Sekda Ridwan Hi. Usman.")
    assert set(found) == {"Umar Tamher", "Ridwan Hi. Usman"}
    assert found["Umar Tamher"].honorifics == ["Hi."]


def test_a_written_out_acting_word_after_a_lower_case_title_is_not_a_name():
    found = people("Hadir para wakil ketua DPRD, Penjabat Bupati Drs.Markus Kaitjily M.Si, dan camat.")
    assert set(found) == {"Markus Kaitjily"}
    assert found["Markus Kaitjily"].title == "Penjabat Bupati"


@pytest.mark.parametrize("text, name, title", [
    ("Kepala Bakorwil III Malang Hadi Santoso menjelaskan jadwal.", "Hadi Santoso", "Kepala Bakorwil III Malang"),
    ("Ketua RW 04 Tanjung Uma, Samsul Bahri, mengaku lega.", "Samsul Bahri", "Ketua RW 04 Tanjung Uma"),
    ("Dandim yang diwakili Danramil 1408-02/Bola Kapten Inf Yusran Amir, hadir.", "Yusran Amir", "Danramil 1408-02/Bola"),
])
def test_numbered_units_roman_two_digit_and_sub_numbered_stay_in_the_title(text, name, title):
    found = people(text)
    assert set(found) == {name}
    assert designation(found[name]) == title


@pytest.mark.parametrize("text, name, ranks", [
    ("Bantuan diserahkan Penjabat Gubernur, Irjen Pol. ( Purn ) Dr. Paulus Waterpauw, M.Si.", "Paulus Waterpauw",
     ["Irjen Pol.", "Purn"]),
    ("Acara dibuka Pangdam Mayjen TNI (Purn.) Ahmad Basuki.", "Ahmad Basuki", ["Mayjen TNI", "Purn."]),
])
def test_a_retired_officer_s_mark_after_the_rank_is_kept_with_the_ranks(text, name, ranks):
    found = people(text)
    assert set(found) == {name}
    assert found[name].ranks == ranks


def test_a_credited_name_keeps_the_post_written_in_brackets_after_it():
    found = people("Pemkab Gelar Rapat Desa Wisata\n\nEditor : Hairul Anwar Jusuf (Pranata Humas Ahli Muda)\n\n"
                   "Rapat digelar di aula kantor bupati.")
    assert set(found) == {"Hairul Anwar Jusuf"}
    assert found["Hairul Anwar Jusuf"].title == "Pranata Humas Ahli Muda"


def test_a_name_then_dilantik_sebagai_and_a_title_gives_them_that_title():
    found = people("MALANG – Prof. Dr. Widodo Santoso, M.S. resmi dilantik sebagai Rektor Universitas Negeri Malang "
                   "periode 2025–2029 di gedung rektorat.")
    assert set(found) == {"Widodo Santoso"}
    assert designation(found["Widodo Santoso"]) == "Rektor Universitas Negeri Malang"


@pytest.mark.parametrize("text, spouse", [
    ("Pj Gubernur Aceh, Bustami Hamzah beserta Istri Cut Meurah Intan tiba di Pendopo.", "Cut Meurah Intan"),
    ("Bupati Sarolangun Cek Endra didampingi suami Rudi Hartawan meninjau pasar.", "Rudi Hartawan"),
])
def test_an_official_s_spouse_named_after_istri_or_suami_is_a_person(text, spouse):
    assert spouse in people(text)


@pytest.mark.parametrize("text, name, title", [
    ("Kepala Balai Besar Wilayah Sungai (BBWS) Pemali Juana, Ir. Harya Muldianto, M.T bersama jajarannya hadir.",
     "Harya Muldianto", "Kepala Balai Besar Wilayah Sungai (BBWS) Pemali Juana"),
    ("Ketua Ikatan Pelajar Mahasiswa Riau Bandung, Fadli Rahman menyambut rombongan gubernur.",
     "Fadli Rahman", "Ketua Ikatan Pelajar Mahasiswa Riau Bandung"),
])
def test_a_holder_written_after_a_comma_and_before_a_verb_holds_the_title_before(text, name, title):
    found = people(text)
    assert set(found) == {name}
    assert designation(found[name]) == title


@pytest.mark.parametrize("text, name, title", [
    ("Peserta mendengarkan paparan Dirintelkam Polda Sulteng Kombes Pol Budi Santosa, S.I.K.",
     "Budi Santosa", "Dirintelkam Polda Sulteng"),
    ("Kasus itu ditangani Dirreskrimsus Polda Riau Kombes Pol Nasriadi.", "Nasriadi", "Dirreskrimsus Polda Riau"),
])
def test_the_directors_of_a_polda_are_titles(text, name, title):
    found = people(text)
    assert set(found) == {name}
    assert designation(found[name]) == title


def test_a_middle_name_of_two_capitals_and_a_dot_is_part_of_the_name():
    found = people("Ibadah syukur dipimpin Pdt. Markus LA. Wenda S.Th., lalu wali kota memotong pita.")
    assert set(found) == {"Markus LA. Wenda"}
    assert found["Markus LA. Wenda"].honorifics == ["Pdt."]


def test_a_named_holder_followed_by_sebagai_and_a_second_title_is_not_read_again_with_the_unit_before():
    found = people("Kepala Dinas Pendidikan dan Kebudayaan Sultra Yusran Akbar sebagai Pj Wali Kota Kendari.")
    assert set(found) == {"Yusran Akbar"}


def test_a_listed_organisation_written_out_after_a_title_is_no_name():
    found = people("Pelantikan dipimpin Ketua Majelis Wali Amanat (MWA) ITB, Dr. H. Yani Panigoro, S.H., dan guru besar.")
    assert set(found) == {"Yani Panigoro"}
    assert designation(found["Yani Panigoro"]) == "Ketua Majelis Wali Amanat (MWA) ITB"
