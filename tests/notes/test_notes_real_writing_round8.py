"""Extraction on the ways of writing the rules still missed after round 6's held-back
notes joined the tuning material: a title opening a numbered item glued to its number,
lists of appointments ("old post, name, sebagai new post"), bulleted items that are
appointments and not teasers, a post after "mantan" or "anggota" before "sebagai", the
village after a place title followed by its kecamatan, a credit label after a name,
the Maluku KPN, Aceh Tamiang's Datok Penghulu and a Kodim's Pasi, Temenggung and "Dr.
Eng." before a name, Pengganti Antar Waktu naming nobody, headline verbs in the
imperative, Hilir/Hulu ending a place's name, a name before a reporting verb ("…, Rukmini
Haruna mengaku") and "keluhnya", a nickname after "sapaan akrabnya", and a head's title
with its region naming the holder given the head alone ("ucap Bupati Tapin"), and the
noble and adat names that open a name (Teuku, Cut, Andi, La Ode, Wa Ode…), prepositions a
headline capitalises, a short name that one longer name holds in a row, the name after
"Salah satu …," a name joined to a person's by "dan" ending the clause, and a village
head's post without the district after it, Kasubdit and a Direktorat Jenderal, and a
name with degrees or a leading initial before "sebagai"/"selaku". One test per
kind; each note is short and of our own writing."""

from __future__ import annotations

import pytest

from press.notes.extract import extract
from tests.notes.test_notes_real_writing import designation, names, people


def test_a_title_glued_to_the_number_of_a_list_item_is_read():
    found = people("Yang dilantik:\n\n1.Kepala Bagian Umum Setdakab Rini Marpaung menerima SK.\n")
    assert list(found) == ["Rini Marpaung"]


@pytest.mark.parametrize("text, name, title", [
    ("Pejabat yang dilantik:\n\n1.Sekretaris Dinas Pertanian Jonri Tambunan sebagai Kepala Dinas Pertanian.\n",
     "Jonri Tambunan", "Kepala Dinas Pertanian"),
    ("Bupati juga melantik Camat Lumbanjulu Sarma Br Hutajulu sebagai Kepala Dinas Sosial.",
     "Sarma Br Hutajulu", "Kepala Dinas Sosial"),
])
def test_an_appointment_gives_the_person_the_post_after_sebagai(text, name, title):
    found = people(text)
    assert list(found) == [name]
    assert designation(found[name]) == title


def test_bulleted_appointments_are_read_not_taken_for_teasers():
    text = ("Berikut kepala negeri yang dilantik.\n"
            "- Rahman Latuconsina sebagai KPN Waai Kecamatan Salahutu,\n"
            "- Yosefina Pattinama sebagai Pj KPN Kamal Kecamatan Teluk Elpaputih.\n")
    assert names(text) == {"Rahman Latuconsina", "Yosefina Pattinama"}


def test_a_post_after_mantan_or_anggota_is_no_one_s_name():
    text = ("Dua pangulu dilantik, masing-masing Herbin Purba, sebelumnya anggota Maujana Nagori sebagai Pangulu "
            "Nagori Bah Butong, Ronal Sinaga, mantan Gamot sebagai Pangulu Dolok Huluan.")
    found = names(text)
    assert not found & {"Gamot", "Maujana", "Maujana Nagori", "Dolok Huluan"}


def test_the_words_before_a_kecamatan_after_a_place_title_are_the_village():
    assert names("Hadir Kades Parit Wan Salim Kecamatan Sungai Pinyuh dan Kades Nusapati.") == set()


def test_a_credit_label_after_a_name_is_not_part_of_it():
    text = "Pelantikan berjalan lancar.\n\nLaporan : Bonar Siregar Editor : Tigor\n"
    assert "Bonar Siregar Editor" not in names(text)


@pytest.mark.parametrize("text, name, title", [
    ("Camat Salahutu menyerahkan SK kepada KPN Tulehu Hamid Ohorella di baileo negeri.", "Hamid Ohorella", "KPN Tulehu"),
    ("Rapat dibuka Datok Penghulu Kampung Bundar Ahmad Syukri di balai kampung.", "Ahmad Syukri",
     "Datok Penghulu Kampung Bundar"),
    ("Pasi Intel Kodim 0106 Kapten Inf Sutrisno Wibowo memaparkan situasi.", "Sutrisno Wibowo", "Pasi Intel Kodim 0106"),
])
def test_regional_and_military_posts_are_titles(text, name, title):
    found = people(text)
    assert name in found
    assert designation(found[name]).startswith(title.split()[0])


@pytest.mark.parametrize("text, name, honorifics", [
    ("Tanahnya dihibahkan Pak Temenggung Yakobus Ajun untuk sekolah.", "Yakobus Ajun", ["Pak", "Temenggung"]),
    ("Naskah diteken Rektor Itera, Dr. Eng. Budi Santoso, di Kalianda.", "Budi Santoso", ["Dr.", "Eng."]),
])
def test_adat_and_academic_honorifics_are_split_from_the_name(text, name, honorifics):
    found = people(text)
    assert name in found
    assert found[name].honorifics == honorifics


def test_pengganti_antar_waktu_names_nobody():
    found = names("Bupati mengukuhkan tiga Kepala Desa Pengganti Antar Waktu (PAW) di Kecamatan Tellulimpoe.")
    assert found == set()


def test_a_headline_verb_in_the_imperative_is_not_a_name():
    text = ("Portal berita daerah.\n\nWakil Gubernur Sulsel Kunjungi Soppeng, Minta Petani Sutera Bertahan\n\n"
            "Wakil Gubernur Sulsel, Andi Baso Mallarangeng, tiba di Watansoppeng.")
    assert names(text) == {"Andi Baso Mallarangeng"}


def test_hilir_and_hulu_end_a_place_s_name():
    assert names("Hadir Kades Pasir Kecamatan Mempawah Hilir, Kades Antibar dan warga.") == set()


def test_a_name_after_a_comma_before_a_reporting_verb_is_a_person_and_speaks_the_quote():
    text = ("Pasar Sentral ramai pagi itu.\n\nSeorang pedagang sayur, Rukmini Haruna mengaku omzetnya turun sejak "
            "pasar dipindah. “Sekarang pembeli sepi sekali,” keluhnya.\n")
    found = extract(text)
    assert [p.name for p in found.people] == ["Rukmini Haruna"]
    assert [(q.form, q.speaker) for q in found.quotes] == [("direct", "Rukmini Haruna")]


def test_the_nickname_after_sapaan_akrabnya_is_the_same_person():
    text = ("Bupati Sinjai, Andi Rahmat Tenrigau — sapaan akrabnya Puang Mato — membuka acara di Bulupoddo.\n\n"
            "Dalam sambutannya, Puang Mato mengatakan air bersih menjadi prioritas dana desa tahun depan.\n")
    found = extract(text)
    assert [p.name for p in found.people] == ["Andi Rahmat Tenrigau"]
    assert [q.speaker for q in found.quotes] == ["Andi Rahmat Tenrigau"]


def test_a_head_s_title_with_its_region_names_the_holder_given_the_head_alone():
    text = ("Bupati Wahyudi Rahmat meninjau dapur umum di Rantau.\n\n"
            "“Pagi ini data kami empat ribu keluarga kena banjir,” ucap Bupati Tapin.\n")
    assert [q.speaker for q in extract(text).quotes] == ["Wahyudi Rahmat"]


@pytest.mark.parametrize("text, expected", [
    ("Turut hadir Cut Nurul Hayati dan Tengku Haris Fadillah.", {"Cut Nurul Hayati", "Tengku Haris Fadillah"}),
    ("Rapat dipimpin Andi Irwan Petta Lolo di balai desa.", {"Andi Irwan Petta Lolo"}),
    ("Bantuan diterima Wa Ode Nurlia dan Teuku Rizal Fahmi di Raha.", {"Wa Ode Nurlia", "Teuku Rizal Fahmi"}),
])
def test_noble_and_adat_name_openers_mark_a_person_and_stay_in_the_name(text, expected):
    assert names(text) == expected


def test_a_name_may_end_in_a_name_opener():
    found = people("Sejumlah tokoh hadir, antara lain Asisten II Setda Malut Samsudin La Ode, M.Si., dan warga.")
    assert "Samsudin La Ode" in found


def test_the_first_words_of_one_name_in_a_row_name_that_person_not_another_holding_them_apart():
    text = ("Wakil Gubernur Sulsel, Andi Baso Tenriajeng dan Ketua GOW Sulsel, Hj. Andi Nurlina Baso, tiba di Soppeng.\n\n"
            "Wagub Andi Baso meninjau rumah ulat sutera.\n")
    assert names(text) == {"Andi Baso Tenriajeng", "Andi Nurlina Baso"}


def test_a_preposition_a_headline_capitalises_is_no_word_of_a_name():
    text = ("Portal berita daerah.\n\nDisambut Secara Adat, Wakil Gubernur Sulsel Kunjungi Soppeng\n\n"
            "Wakil Gubernur Sulsel, Andi Baso Tenriajeng, disambut tari Pajaga.")
    assert names(text) == {"Andi Baso Tenriajeng"}


def test_the_name_after_salah_satu_and_a_comma_is_a_person():
    text = "Bantuan rumah diserahkan di Soriutu. Salah satu penerima, Siti Aminah warga Desa Soriutu, mengaku bersyukur."
    assert names(text) == {"Siti Aminah"}


def test_a_name_joined_to_a_person_s_by_dan_ending_the_clause_is_a_person():
    text = "Narasumber dari Kementerian Kesehatan diwakili dr. Lusiana Maharani, MPH dan Ardi Kurniawan."
    assert names(text) == {"Lusiana Maharani", "Ardi Kurniawan"}


def test_the_district_after_a_village_head_s_village_is_not_part_of_the_post():
    found = people("Yang dilantik:\n- Rahman Latuconsina sebagai KPN Waai Kecamatan Salahutu,\n")
    assert designation(found["Rahman Latuconsina"]) == "KPN Waai"


def test_an_abbreviated_middle_name_before_sebagai_stays_in_the_name():
    found = people("Yang dilantik:\n- Markus Ch. Pattiradjawane sebagai KPN Ouw Kecamatan Saparua,\n")
    assert list(found) == ["Markus Ch. Pattiradjawane"]


def test_an_adverb_opening_a_sentence_before_a_reporting_verb_is_no_word_of_the_name():
    text = ("Kasubag Publikasi, Rina Oktaviani, membuka acara.\n\n"
            "Terakhir Rina menambahkan pelatihan digelar tiap tahun bagi seluruh pengelola informasi.")
    assert names(text) == {"Rina Oktaviani"}


def test_a_ministry_s_subdirectorate_head_and_directorate_are_a_title_and_its_unit():
    text = ("Bupati Landak didampingi Kasubdit Fasilitasi Penataan Desa Direktorat Jenderal Bina Pemerintahan Desa, "
            "Agustinus Marbun, meresmikan dua desa.")
    assert names(text) == {"Agustinus Marbun"}


def test_a_name_with_degrees_before_sebagai_takes_the_post_after_it():
    text = ("Di antara pejabat yang dilantik adalah Andi Muh. Ikhsan, S.STP., M.Si sebagai Sekretaris Dinas Kesehatan, "
            "dan Andi Besse Tenri Ulle, S.Sos sebagai Camat Wundulako.")
    found = people(text)
    assert designation(found["Andi Muh. Ikhsan"]) == "Sekretaris Dinas Kesehatan"
    assert designation(found["Andi Besse Tenri Ulle"]).startswith("Camat")


def test_a_leading_initial_before_selaku_stays_in_the_name():
    found = people("Taliwang – Dr Ir H A Syahrul Fikri, MM selaku Bupati Sumbawa Barat menyambut tim evaluasi.")
    assert list(found) == ["A Syahrul Fikri"]
    assert designation(found["A Syahrul Fikri"]) == "Bupati Sumbawa Barat"
