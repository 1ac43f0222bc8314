"""Extraction on the ways of writing the rules still missed after round 7's held-back
notes joined the tuning material (round 8): noble and clan names kept in the name however
abbreviated (Rd., Mgs., Kgs., OK, R.A., Raden), conferred titles and forms of address
apart from it (Datu, Inaq; "Cak Fauzi dan Mas Yoga"), one person under a name with and
without its opener, a one-word speaker joining the longer name the note writes, a
conferred gelar naming nobody, adat and military titles (Ondofolo, Kadistrik,
Kabinda, Danposal, Sekkab), a father's Haji after a name, "Hari" as a first name, passive
verbs and school levels that are no names, "dr." inside a speaker phrase, a title with
the holder's initials, the holder after a "dari daerah pemilihan …," clause or a list
comma, a region inside the words after a title, Kep. Babel, and who a "-nya" points back
to when the sentence before asks something of someone, speaks "melalui" someone or lists
people after "yaitu". One test per kind; each note is short and of our own writing."""

from __future__ import annotations

import pytest

from press.notes.extract import extract
from tests.notes.test_notes_real_writing import designation, names, people


@pytest.mark.parametrize("text, name, title", [
    ("Mendagri melantik Pj Bupati Muratara Rd. Hamdan Yusri di Palembang.", "Rd. Hamdan Yusri", "Pj Bupati Muratara"),
    ("Rapat dipimpin Kepala Biro Hukum Setda Sumsel Kgs. Arif Rahman, SH dan berjalan lancar.",
     "Kgs. Arif Rahman", "Kepala Biro Hukum Setda Sumsel"),
    ("Acara dibuka Camat Cibadak R.A. Dedi Kusnadi di aula kecamatan.", "R.A. Dedi Kusnadi", "Camat Cibadak"),
    ("Pj Bupati Tebo Drs H Raden Taufik Hidayat membuka musrenbang.", "Raden Taufik Hidayat", "Pj Bupati Tebo"),
])
def test_a_noble_name_one_is_born_with_stays_in_the_name_however_abbreviated(text, name, title):
    found = people(text)
    assert list(found) == [name]
    assert designation(found[name]) == title
    assert not {"Rd.", "Kgs.", "R.A.", "Raden"} & set(found[name].honorifics)


@pytest.mark.parametrize("text, name, honorific", [
    ("Ketua Dewan Adat Kabupaten Sigi, Datu Hasan Lamba, membuka sidang adat.", "Hasan Lamba", "Datu"),
    ("Salah seorang penerima, Inaq Saenah (70), warga Dusun Bare, mengaku senang.", "Saenah", "Inaq"),
    ("Bupati dan Wakil Bupati Jember, Cak Rudi dan Mas Bayu melanjutkan sidak ke kecamatan.", "Rudi", "Cak"),
    ("Sedangkan sore itu Mas Bayu meninjau loket pelayanan.", "Bayu", "Mas"),
])
def test_a_conferred_title_or_form_of_address_is_an_honorific_apart_from_the_name(text, name, honorific):
    found = people(text)
    assert name in found
    assert honorific in found[name].honorifics


def test_a_name_written_with_and_without_its_noble_opener_is_one_person():
    text = ("Kepala Biro Ekonomi Ahmad Rosidi membuka rapat. Hadir pula Drs. Kgs. Ahmad Rosidi, MM yang "
            "menjabat sebagai Kepala Biro Ekonomi.")
    assert names(text) == {"Kgs. Ahmad Rosidi"}


def test_a_one_word_speaker_joins_the_person_whose_longer_name_the_note_writes():
    text = ("Pj Gubernur Aceh Teuku Faisal Amri tiba di Kuala Simpang. Dari pantauan wartawan Faisal Amri didampingi "
            "isteri Ny Rina Wati Faisal. \"Saya datang untuk mendengar,\" tegas Faisal.")
    extraction = extract(text)
    assert "Faisal Amri" not in {p.name for p in extraction.people}
    assert [q.speaker for q in extraction.quotes] == ["Teuku Faisal Amri"]


def test_a_conferred_gelar_names_nobody():
    text = "Wagub menerima gelar adat. Gelar yang dianugerahkan yakni Datu Perdana Setia Negeri, sebagai penghargaan."
    assert names(text) == set()


@pytest.mark.parametrize("text, name, title", [
    ("Hadir Ondofolo Kampung Asei Besar, Ramses Ohee, dalam rapat itu.", "Ramses Ohee", "Ondofolo Kampung Asei Besar"),
    ("Kadistrik Albertus Wouw melaporkan kondisi kampung.", "Albertus Wouw", "Kadistrik"),
    ("Hadir Kabinda Papua Barat Brigjen TNI Yusuf Manan dalam rapat.", "Yusuf Manan", "Kabinda Papua Barat"),
    ("Kegiatan dipimpin Danposal Tinanggea Peltu Haerul Amin di dermaga.", "Haerul Amin", "Danposal Tinanggea"),
    ("Hadir Sekkab Lamsel, Sutarno Adi, S.Sos beserta jajaran.", "Sutarno Adi", "Sekkab Lamsel"),
])
def test_adat_and_military_titles_name_their_holders(text, name, title):
    found = people(text)
    assert name in found
    assert designation(found[name]) == title


@pytest.mark.parametrize("text, name", [
    ("Kepala Dinas Kominfo Polewali Mandar, Ilham Rasyid HM, berdasarkan laporan warga.", "Ilham Rasyid HM"),
    ("Kepala Desa Latondu, Abd Rahim H, dari Kecamatan Takabonerate hadir.", "Abd Rahim H"),
    ("Kepala Dinas Perikanan Halmahera Timur, Ir. Yunus Hi. Sabtu, M.Si, mengatakan ada 37 kapal.", "Yunus Hi. Sabtu"),
])
def test_a_fathers_haji_after_a_name_or_inside_it_belongs_to_the_name(text, name):
    assert name in names(text)


def test_hari_opens_a_name_but_not_a_day_of_observance():
    assert names("Kapolres Tegal AKBP Hari Santoso memimpin apel.") == {"Hari Santoso"}
    assert names("Pada Hari Jadi Kabupaten Tegal, warga berkumpul di alun-alun.") == set()


@pytest.mark.parametrize("text", [
    "Seusai apel, Kapolda Bengkulu Didampingi Kabid Humas meninjau pos.",
    "Rapat turut dihadiri oleh Unsur Forkopimda, Kepala Balai Sungai dan camat.",
    "Orang Kupang bilang, kerja itu jangan tunggu disuruh.",
    "Setelah meninjau SD YPK Klamono, Pj Bupati mengaku prihatin.",
])
def test_passive_verbs_plain_words_and_school_levels_are_not_names(text):
    assert names(text) == set()


def test_a_lower_case_dr_inside_the_speaker_phrase_names_the_speaker():
    text = "Kepala Dinas Kesehatan dr. Ria Tallo hadir.\n\n\"Kami target stunting turun,\" ucap dr. Ria.\n"
    assert [q.speaker for q in extract(text).quotes] == ["Ria Tallo"]


def test_a_title_with_the_initials_an_outlet_uses_names_its_holder():
    text = "Bupati Kupang Eduard Nomleni datang. \"Kita bangun embung,\" ujar Bupati EN di hadapan warga."
    assert [q.speaker for q in extract(text).quotes] == ["Eduard Nomleni"]


@pytest.mark.parametrize("text, name, title", [
    ("Anggota DPRD Natuna dari daerah pemilihan Midai, Tengku Hasnul Arifin, yang ikut dalam rombongan meminta jalan.",
     "Tengku Hasnul Arifin", "Anggota DPRD Natuna"),
    ("Hadir Ketua TP-PKK Hj. Rosmalia, Kepala Dinas Pemberdayaan Masyarakat dan Tiyuh (DPMT), Drs. Ahmad Sukri, MM, "
     "Camat Tulang Bawang Tengah, Suryadi, serta jajaran.", "Ahmad Sukri",
     "Kepala Dinas Pemberdayaan Masyarakat dan Tiyuh (DPMT)"),
])
def test_a_title_names_its_holder_after_a_clause_or_a_list_comma(text, name, title):
    found = people(text)
    assert name in found
    assert designation(found[name]) == title


@pytest.mark.parametrize("text, name", [
    ("Ketua STIKes Muhammadiyah Manado Sri Wahyuni Hadju mengatakan pihaknya siap.", "Sri Wahyuni Hadju"),
    ("Kepala Dinas Pertanian, Pangan dan Perikanan Kep. Babel Edi Ramdani mendampingi Gubernur. Kadis Edi Ramdani "
     "menambahkan, tim turun pekan ini.", "Edi Ramdani"),
    ("Drs Abdul Hamid Kesuma M Pd Ketua Lembaga Adat Kesultanan Bulungan.", "Abdul Hamid Kesuma"),
])
def test_the_region_and_adat_words_after_a_title_are_not_the_holders_name(text, name):
    assert names(text) == {name}


@pytest.mark.parametrize("text, speaker", [
    ("Gubernur Lukas Enembe meninjau kantor bupati.\n\nNius Kogoya diminta sering berkunjung ke distrik.\n\n"
     "\"Jangan hanya duduk di kota,\" katanya.\n", "Lukas Enembe"),
    ("Kapolres Kobar AKBP Bayu Wicaksono melalui Kasat Intelkam Iptu Rendy Mahardika menjelaskan kesiapan pengamanan."
     "\n\n\"Personel kami terbatas,\" katanya.\n", "Rendy Mahardika"),
    ("Kepala Biro Pemerintahan Yuliana Marlina memimpin rapat.\n\nDua daerah lain, yaitu Pj Walikota Pagaralam "
     "Iskandar Zulkarnain, diperpanjang masa tugasnya.\n\n\"Pelantikan akan digelar pekan depan,\" ungkapnya.\n",
     "Yuliana Marlina"),
])
def test_a_nya_points_back_past_who_is_asked_or_listed_and_to_who_speaks_for_another(text, speaker):
    assert [q.speaker for q in extract(text).quotes if q.form == "direct"] == [speaker]


def test_a_place_title_with_one_word_before_dilantik_names_the_place_not_a_person():
    assert names("Fadli Umar, Lurah Kalumpang dilantik sebagai Kepala Bagian Umum.") == {"Fadli Umar"}
