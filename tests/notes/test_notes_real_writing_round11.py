"""Extraction on the ways of writing the rules still missed after round 9's held-back
notes joined the tuning material (round 10): a name written with the North Maluku "Hi"
and an Aceh "HT", deputy ministers and their short forms, a police unit after "Kanit", a
council's Roman number before a name, offices now held ("kini dijabat/dipimpin") and the
predecessor named after "menggantikan", a surname written alone, a Koramil's number and a
corps in lower case, a dateline and the place after a Polsek or Koramil, description words,
speakers described rather than named, a nickname, the people beside a speaker, address
forms in lower case, closing credits before a footer, "Se-" and a possessive noun before a
title. One test per kind; each note is short and of our own writing."""

from __future__ import annotations

import pytest

from press.notes.extract import extract
from tests.notes.test_notes_real_writing import designation, people


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract(text).quotes if q.form == "direct"]


def test_hi_without_its_dot_stays_inside_a_north_maluku_name():
    found = people("Pelantikan dihadiri Bupati Halmahera Selatan Bahrain Hi Kasuba dan Wakil Bupati Rustam Hi Yusuf.")
    assert {"Bahrain Hi Kasuba", "Rustam Hi Yusuf"} <= set(found)
    assert "Kasuba" not in found and "Yusuf" not in found


def test_a_glued_ht_is_an_honorific_as_hm_is():
    found = people("Rombongan dipimpin Ketua DPRK Aceh Timur, HT Rizal Fahmi, didampingi para anggota.")
    assert list(found) == ["Rizal Fahmi"]
    assert found["Rizal Fahmi"].honorifics == ["HT"]


def test_a_deputy_minister_keeps_wakil_and_his_short_form_names_him_as_speaker():
    text = ("Rapat dibuka Wakil Menteri Dalam Negeri Yusran Fadli di Palu.\n\n"
            "“Belanja daerah harus tepat sasaran,” tegas Wamendagri.")
    found = people(text)
    assert list(found) == ["Yusran Fadli"]
    assert found["Yusran Fadli"].title.startswith("Wakil Menteri Dalam Negeri")
    assert speakers(text) == ["Yusran Fadli"]


@pytest.mark.parametrize("unit", ["Intel", "Provos", "Propam"])
def test_a_police_unit_after_kanit_is_part_of_the_title(unit):
    found = people(f"Pengamanan dipantau Kanit {unit} Yohan Sumakul bersama personel Polsek.")
    assert list(found) == ["Yohan Sumakul"]
    assert found["Yohan Sumakul"].title == f"Kanit {unit}"


def test_the_roman_number_of_a_council_commission_is_no_initial():
    found = people("Kunjungan dipimpin Ketua Komisi I Rudi Hartono dan Ketua Komisi II Wayan Gede.")
    assert designation(found["Rudi Hartono"]) == "Ketua Komisi I"
    assert "I Rudi Hartono" not in found


def test_an_office_now_held_and_the_holder_replaced_both_get_the_office():
    text = ("Kapolres Karangasem kini dijabat AKBP Made Sumerta, S.I.K. menggantikan AKBP Rizal Harahap yang "
            "dimutasi ke Polda. Kapolres Klungkung kini dipimpin AKBP Dewa Suryawan.")
    found = people(text)
    assert designation(found["Made Sumerta"]) == designation(found["Rizal Harahap"]) == "Kapolres Karangasem"
    assert designation(found["Dewa Suryawan"]) == "Kapolres Klungkung"


def test_the_old_holder_after_sedangkan_pejabat_lama_keeps_the_office():
    found = people("Kapolres Bangli dijabat AKBP Ketut Arsana, sedangkan pejabat lama AKBP Andi Wirawan mengikuti pendidikan.")
    assert designation(found["Andi Wirawan"]) == "Kapolres Bangli"


def test_a_surname_written_alone_names_the_last_of_its_bearers_named():
    text = ("Gubernur Papua Barat Daya Yakob Mandowen didampingi istrinya Ny. Ester Mandowen meninjau posyandu.\n\n"
            "Mandowen menambahkan bahwa stunting harus turun.\n\n“Ini tugas kita bersama,” ujarnya.")
    found = people(text)
    assert set(found) == {"Yakob Mandowen", "Ester Mandowen"}
    assert speakers(text) == ["Ester Mandowen"]


def test_a_surname_inside_another_name_is_not_guessed():
    text = ("Bupati Teuku Syahrul Anwar datang bersama Ny Rahmi Syahrul.\n\n"
            "“Kita mulai dari desa,” tegas Syahrul.")
    assert speakers(text) == ["Teuku Syahrul Anwar"]


@pytest.mark.parametrize("text, name, title", [
    ("Panen dihadiri Danramil 0815/06 Jetis Kapten Inf Agus Purnomo bersama petani.", "Agus Purnomo",
     "Danramil 0815/06 Jetis"),
    ("Panen dipimpin Danramil 1813/Cibiru Mayor inf Dodi Rahmat di sawah warga.", "Dodi Rahmat", "Danramil 1813/Cibiru"),
    ("Materi disampaikan Pasiter Kodim 0612/Tasikmalaya Lettu Caj. Hendi Kurnia kepada petani.", "Hendi Kurnia",
     "Pasiter Kodim 0612/Tasikmalaya"),
])
def test_a_koramil_number_a_lower_case_corps_and_a_kodim_staff_officer(text, name, title):
    found = people(text)
    assert list(found) == [name]
    assert designation(found[name]) == title


def test_pembakal_is_a_village_head():
    found = people("Pembakal Bungur Baru, Jumberi, menyambut rombongan di balai desa.")
    assert designation(found["Jumberi"]) == "Pembakal Bungur Baru"


def test_a_one_word_dateline_and_the_place_of_a_polsek_are_places_not_people():
    text = ("MARTAPURA – Pasar murah digelar di halaman kantor bupati.\n\nSalah satu pembeli, Siti Aminah warga "
            "Kelurahan Jawa, Martapura mengaku terbantu.\n\nPengamanan dibantu Polsek Sonder. Danramil Sonder "
            "yang dikonfirmasi membenarkan hal itu.")
    assert set(people(text)) == {"Siti Aminah"}


def test_tokoh_is_a_description_never_a_name():
    found = people("Gubernur Syahrial disambut Bupati Anambas Amir Hamzah dan Tokoh Masyarakat.")
    assert set(found) == {"Syahrial", "Amir Hamzah"}


@pytest.mark.parametrize("tag", ["kata putra Kolongan, Kawangkoan ini",
                                 "kata hukum tua murah senyum yang tidak lagi mencalonkan diri ini"])
def test_a_speaker_described_to_the_end_of_the_sentence_is_the_one_spoken_of(tag):
    text = (f"Kanit Intel Rommy Pangemanan intens melakukan pemantauan sejak masa kampanye.\n\n"
            f"“Kami datangi rumah para calon,” {tag}.")
    assert speakers(text) == ["Rommy Pangemanan"]


def test_a_named_speaker_before_a_description_keeps_the_name():
    text = ("Wakil Ketua Dewan Darmansyah Putra memimpin rapat. Anggota Marlin Situmeang hadir.\n\n"
            "“Semua hadir tepat waktu,” tegas pimpinan rapat Darmansyah Putra, sembari menutup rapat tersebut.")
    assert speakers(text) == ["Darmansyah Putra"]


def test_a_nickname_that_starts_a_first_name_names_its_bearer():
    text = ("Kepala BKPSDM Nikodemus Ngongira memimpin rapat. Sekda Yulius Dagilaha hadir.\n\n"
            "“Pelayanan jalan terus,” kata Yulius.\n\nNamun Niko menegaskan seleksi akan terbuka.\n\n"
            "“Siapa saja boleh daftar,” tutupnya.")
    assert speakers(text) == ["Yulius Dagilaha", "Nikodemus Ngongira"]


def test_the_people_beside_a_speaker_do_not_speak():
    text = ("Plh Wali Kota Bogor Iwan Setiawan menerima rombongan.\n\n“Konversi tidak bisa semalam,” kata Iwan "
            "didampingi Asisten Umum Setda Kota Bogor, Lina Herlina, dan Kepala Dinas Perhubungan.")
    assert speakers(text) == ["Iwan Setiawan"]


def test_address_forms_in_lower_case_introduce_a_name():
    text = ("Salah seorang warga RT 04, ibu Siti Aminah (52) mengaku senang.\n\n"
            "“Lumayan pak, bisa hemat,” katanya. Panen dihadiri ketua kelompok tani pak Odih.")
    found = people(text)
    assert {"Siti Aminah", "Odih"} <= set(found)
    assert found["Siti Aminah"].honorifics == ["ibu"]
    assert speakers(text) == ["Siti Aminah"]


def test_an_address_form_before_a_title_is_nobody():
    assert people("Laporan terakhir yang saya pegang, pak Menko PMK akan datang pekan depan.") == {}


@pytest.mark.parametrize("ending, name", [
    ("hingga akhir bulan. (Red/Hendra)", "Hendra"),
    ("hingga akhir bulan.\n\n(Rahmat)\n\nKOMENTAR\nShare berita ini :", "Rahmat"),
])
def test_a_closing_credit_after_the_desk_or_before_footer_lines(ending, name):
    assert name in people(f"Pasar murah digelar Dinas Perdagangan {ending}")


def test_se_before_a_place_and_a_possessive_noun_before_a_title_are_nobody():
    text = ("Gubernur meminta seluruh Kepala Daerah Se-Sulawesi Tengah hadir.\n\n"
            "“Artinya, kepala daerah harus serius,” kata Gubernur Anwar Hafid.")
    assert set(people(text)) == {"Anwar Hafid"}


def test_selaku_after_a_comma_gives_the_title_to_the_name_before():
    found = people("Laporan dibacakan Rahmat Lubis, selaku Kepala Dinas Kesehatan.")
    assert designation(found["Rahmat Lubis"]) == "Kepala Dinas Kesehatan"


def test_ppl_is_an_extension_workers_title():
    found = people("Tanam serentak didampingi Babinsa Serka Budi Santoso dan PPL Kecamatan Ngawen, Rina Lestari.")
    assert designation(found["Rina Lestari"]) == "PPL Kecamatan Ngawen"


def test_a_short_form_of_a_first_name_is_no_new_person():
    text = ("Kapolsek Percut Kompol Yohanes Simanjuntak membuka layanan pengaduan.\n\n"
            "“Nomor WhatsApp saya terbuka,” kata Yohan.")
    assert set(people(text)) == {"Yohanes Simanjuntak"}
    assert speakers(text) == ["Yohanes Simanjuntak"]
