"""Extraction on the ways of writing that round 2 of the rules learnt from all 60 notes
modelled on real releases: Bugis and Makassar name parts, Palembang noble titles and
other honorifics, more titles and unit words, places and buildings named after people,
adat titles, qualifiers and handovers between a title and its holder. One test per kind
of error; each note is short and of our own writing."""

from __future__ import annotations

import pytest

from press.notes.extract import extract
from tests.notes.test_notes_real_writing import designation, people


@pytest.mark.parametrize("text, name", [
    ("Bupati Sinjai Andi Mappasessu Amir membuka festival kopi.", "Andi Mappasessu Amir"),
    ("Kasubag Humas Nurhaedah Daeng Ngintang memandu pameran.", "Nurhaedah Daeng Ngintang"),
])
def test_andi_and_daeng_are_part_of_the_name_not_honorifics(text, name):
    found = people(text)
    assert set(found) == {name}
    assert "Andi" not in found[name].honorifics and "Daeng" not in found[name].honorifics


@pytest.mark.parametrize("text, name, honorifics", [
    # The Palembang noble names one is born with stay in the name (the annotation conventions of round 8).
    ("Pj Bupati OKU Selatan Mgs. Hendra Kurniawan dilantik.", "Mgs. Hendra Kurniawan", []),
    ("Staf Ahli Gubernur Kms. Abdul Rozak hadir.", "Kms. Abdul Rozak", []),
    ("Kepala Biro Perekonomian Drs. Kgs. Ahmad Fauzan hadir.", "Kgs. Ahmad Fauzan", ["Drs."]),
    ("Pj Sekda Rd. Syamsul Bahri membuka rapat.", "Rd. Syamsul Bahri", []),
    ("Ketua TP-PKK Ny. Marlina Lasamba menyerahkan bantuan.", "Marlina Lasamba", ["Ny."]),
    ("Pentas wayang dibawakan Ki Manteb Sudarsono semalam suntuk.", "Manteb Sudarsono", ["Ki"]),
    ("Kepala Dinas Kominfo HM Arfah Sahabuddin hadir.", "Arfah Sahabuddin", ["HM"]),
    ("Dirjen Bimas Islam Prof. Dr, H. Kamaruddin Lubis, MA hadir.", "Kamaruddin Lubis", ["Prof.", "Dr", "H."]),
])
def test_noble_titles_ny_ki_glued_hm_and_a_stray_comma_are_honorifics(text, name, honorifics):
    found = people(text)
    assert set(found) == {name}
    assert found[name].honorifics == honorifics


@pytest.mark.parametrize("text, name, title", [
    ("Rapat dipimpin Penjagub Rahmat Dj. Pakaya di aula.", "Rahmat Dj. Pakaya", "Penjagub"),
    ("Karo Administrasi Pimpinan Rizal Bandjar membacakan SK.", "Rizal Bandjar", "Karo Administrasi Pimpinan"),
    ("Dirlantas Polda Sulsel Kombes Pol Taufik Hidayat memimpin apel.", "Taufik Hidayat", "Dirlantas Polda Sulsel"),
    ("Menteri Pertanian Amran Sulaiman meninjau sawah.", "Amran Sulaiman", "Menteri Pertanian"),
    ("Kasudin PPKUKM Jakarta Timur Sri Handayani Lubis membuka bazar.", "Sri Handayani Lubis",
     "Kasudin PPKUKM Jakarta Timur"),
    ("Wakil Rektor Bidang Kerja Sama Rahmi Kartika Sari hadir.", "Rahmi Kartika Sari", "Wakil Rektor Bidang Kerja Sama"),
    ("Hadir Komandan Unit Intelkam Kodim 1307/Poso, Letda Inf. Yosafat Mangiri, di lokasi.", "Yosafat Mangiri",
     "Komandan Unit Intelkam Kodim 1307/Poso"),
])
def test_penjagub_karo_dirlantas_menteri_kasudin_wakil_rektor_and_komandan_are_titles(text, name, title):
    found = people(text)
    assert set(found) == {name}
    assert designation(found[name]) == title


@pytest.mark.parametrize("text, name, title", [
    ("Kasi Trantib Budi Santoso memimpin razia.", "Budi Santoso", "Kasi Trantib"),
    ("Kasi Kesos Ani Lestari mendata warga.", "Ani Lestari", "Kasi Kesos"),
    ("Kasi Ekbang Joko Susilo hadir.", "Joko Susilo", "Kasi Ekbang"),
    ("Kasat Lantas Dedi Kurniawan mengatur arus.", "Dedi Kurniawan", "Kasat Lantas"),
])
def test_trantib_kesos_ekbang_and_lantas_are_units_not_names(text, name, title):
    found = people(text)
    assert set(found) == {name}
    assert designation(found[name]) == title


@pytest.mark.parametrize("text, name", [
    ("Ketua Panitia Rapim Ani Lestari hadir.", "Ani Lestari"),
    ("Ketua Panitia Pemilu Joko Susilo hadir.", "Joko Susilo"),
])
def test_pemilu_and_rapim_are_not_name_words(text, name):
    assert set(people(text)) == {name}


@pytest.mark.parametrize("text", [
    "Rapat dihadiri pula anggota DPR dan DPD RI Dapil Jambi, para mantan bupati dan tokoh adat.",
    "Hadir dalam rapat Kasat Intelkam, Kasat Lantas dan Kapolsek Komodo.",
    "Turut hadir Ketua PN Selong, Kabag Ops dan para camat.",
    "Hadir Kapolda, Kajati, Danrem 133 Nani Wartabone, Kabinda dan Plh Sekdaprov.",
    "Usai dari Dago, Plt Gubernur meninjau asrama.",
    "Hadir Kasat Pol PP Provinsi Sumsel, Karo Hukum,Karo Umum dan Perlengkapan,Karo Humas.",
    "Rombongan disambut perangkat nagari, Bamus Kambang Barat, Babinsa dan warga.",
])
def test_a_constituency_places_of_a_title_and_units_in_a_list_are_not_people(text):
    assert set(people(text)) == set()


@pytest.mark.parametrize("text, expected", [
    ("Direktur RSUD Abdul Wahab Sjahranie (AWS) dr. Rudy Hartono Pasaribu, Sp.PD memaparkan data.",
     {"Rudy Hartono Pasaribu"}),
    ("Kapal bersandar di Pelabuhan Labuan Bajo. Hadir Kepala Kantor KSOP Kelas III Labuan Bajo, Kasat Lantas.",
     set()),
    ("Kepala Bandara Djalaluddin, Budi Santoso, menyambut rombongan.", {"Budi Santoso"}),
])
def test_a_hospital_port_or_airport_named_after_a_person_is_nobody_present(text, expected):
    assert set(people(text)) == expected


def test_an_adat_title_running_into_an_office_is_not_a_person():
    found = people("Pengukuhan disaksikan Datuk Rio Setia Negeri Bupati Bungo H Amrizal Hasan.")
    assert set(found) == {"Amrizal Hasan"}


def test_a_short_name_in_a_headline_is_the_full_name_of_the_body():
    found = people("Kombes Pol Jeki serahkan jabatan\n\n"
                   "Kombes Pol Jeki Rahmat Mustika resmi menyerahkan jabatan kepada penggantinya.")
    assert set(found) == {"Jeki Rahmat Mustika"}


@pytest.mark.parametrize("text, name, title", [
    ("Pj Bupati Lahat sebelumnya, Syahrial Effendi, ditarik ke provinsi.", "Syahrial Effendi", "Pj Bupati Lahat"),
    ("Danrem lama, Brigjen TNI Sugeng Raharjo, mengalungkan bunga.", "Sugeng Raharjo", "Danrem"),
    ("Dandim 1630/ Mabar Letkol Inf Yohanes Paulus Riwu hadir.", "Yohanes Paulus Riwu", "Dandim 1630/ Mabar"),
    ("Sebagai langkah awal, kata Hasanuddin Rais – Kepala Disdukcapil Kutim, tim turun ke desa.", "Hasanuddin Rais",
     "Kepala Disdukcapil Kutim"),
    ("Nius Kogoya, penjabat bupati kabupaten Yahukimo, mendapat pesan dari gubernur.", "Nius Kogoya",
     "penjabat bupati kabupaten Yahukimo"),
    ("Turut dilantik Drs. Ahmad Fauzan, MM yang menjabat sebagai Kepala Biro Perekonomian.", "Ahmad Fauzan",
     "Kepala Biro Perekonomian"),
])
def test_a_title_reaches_its_holder_past_a_qualifier_a_dash_or_a_lower_case_title(text, name, title):
    found = people(text)
    assert name in found
    assert designation(found[name]) == title


def test_a_title_handed_over_goes_to_both_holders_with_its_organisation():
    found = people("Jabatan Dirlantas Polda Sulsel juga berganti dari Kombes Pol. Taufik Hidayat "
                   "kepada Kombes Pol. Benny Rumbiak.")
    assert {name: designation(p) for name, p in found.items()} == {
        "Taufik Hidayat": "Dirlantas Polda Sulsel", "Benny Rumbiak": "Dirlantas Polda Sulsel"}


def test_an_initial_glued_to_the_surname_stays_in_the_name():
    assert set(people("Bupati diwakili Asisten I Drs Hanny D.Pangkerego.")) == {"Hanny D.Pangkerego"}


def test_a_later_longer_title_replaces_a_bare_one():
    found = people("Bupati Yermias Pah Lanik dan Wakil Bupati Oktavianus Mesakh Dae tiba.\n"
                   "Wakil Bupati Rote Ndao, Oktavianus Mesakh Dae, S.Pi, menambahkan data.")
    assert designation(found["Oktavianus Mesakh Dae"]) == "Wakil Bupati Rote Ndao"


@pytest.mark.parametrize("text, expected", [
    ("Wagubsu Rahmat Siregar meninjau pasar. Usai rapat, Wagubsu bergeser ke Tebing Tinggi.", {"Rahmat Siregar"}),
    ("Laporan itu akan disampaikan kepada Bapak Gubsu pekan depan.", set()),
    ("Wagubkaltim Hadi Mulyadi membuka rapat.", {"Hadi Mulyadi"}),
    ("Gubkalsel H. Muhidin meninjau banjir.", {"Muhidin"}),
    ("Gubri Syamsul Hadi membuka pameran.", {"Syamsul Hadi"}),
])
def test_a_governor_title_with_the_province_glued_on_is_a_title_not_a_name(text, expected):
    assert set(people(text)) == expected


def test_a_glued_province_title_keeps_its_province_and_names_the_speaker():
    found = extract("Wagubsu Rahmat Siregar meninjau pasar. \u201cHarga cabai harus turun,\u201d tegas Wagubsu.")
    assert [(p.name, designation(p)) for p in found.people] == [("Rahmat Siregar", "Wagubsu")]
    assert [q.speaker for q in found.quotes] == ["Rahmat Siregar"]


@pytest.mark.parametrize("text, name, title", [
    ("Sekda didampingi Asisten Perekonomian Setdakab Tanah Bumbu, Drs. Hairul Anwar, dan para camat.",
     "Hairul Anwar", "Asisten Perekonomian Setdakab Tanah Bumbu"),
    ("Hadir Kepala Bappeda Deli Serdang, Rudi Hartono, dalam rapat itu.", "Rudi Hartono", "Kepala Bappeda Deli Serdang"),
])
def test_a_regency_of_several_words_after_a_unit_is_its_place_not_a_holder(text, name, title):
    found = people(text)
    assert set(found) == {name}
    assert designation(found[name]) == title


@pytest.mark.parametrize("text", [
    "Rombongan disambut Kepala Badan Penghubung Tanah Bumbu di Banjarbaru.",
    "Hadir pula Kepala Perwakilan Kutai Kartanegara di Jakarta.",
])
def test_a_title_ending_in_a_regency_of_several_words_names_nobody(text):
    assert set(people(text)) == set()


@pytest.mark.parametrize("text, expected", [
    ("Bupati didampingi Camat Tanjung dan Kepala UPTD Puskesmas Oeleu.", set()),
    ("Turut hadir Kepala UPTD Puskesmas Oeleu, Kapolsek dan Danramil.", set()),
    ("Kepala UPTD Puskesmas Oeleu, Maria Bano, A.Md.Keb, menjelaskan data.", {"Maria Bano"}),
    ("Kepala Puskesmas Sudarmi, A.Md.Keb. menjelaskan data.", {"Sudarmi"}),
])
def test_one_word_after_a_venue_of_a_title_is_where_the_venue_stands(text, expected):
    assert set(people(text)) == expected
