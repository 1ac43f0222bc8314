"""Extraction on the ways of writing the rules still missed after round 15's held-back
notes joined the tuning material (round 16): the head of a bank's branch or of a paper
("Pemimpin … Cabang …"); a paper the note writes as a place before its head's name; the
last name of a list with an honorific and a word in lower case after it; a title opening a
sentence glued to the stop before it; a name written straight before its title with no
comma; a holder between commas followed by "serta sejumlah …"; "Ketua Rombongan" and a
second holder's rank after "dan"; a tag naming a post by its short form where the note
wrote the long one; "bercerita bahwa"; a quote split by its writer over two paragraphs;
and a credit word standing where the credited name should be. One test per kind; each note is short and of our own writing."""

from __future__ import annotations

from press.notes.extract import extract
from tests.notes.test_notes_real_writing import designation, people


def quotes(text: str, form: str = "direct") -> list[tuple[str | None, str]]:
    return [(q["speaker"], q["text"][:20]) for q in extract(text).as_dict()["quotes"] if q["form"] == form]


def test_the_head_of_a_banks_branch_keeps_the_branch_in_the_title():
    found = people("Nota kesepahaman diteken Pemimpin Bank Sultra Cabang Raha, Hj. Wa Ode Sumiati, S.E. "
                   "Kerja sama itu berlaku tiga tahun.")
    assert set(found) == {"Wa Ode Sumiati"}
    assert designation(found["Wa Ode Sumiati"]) == "Pemimpin Bank Sultra Cabang Raha"


def test_a_paper_written_as_a_place_elsewhere_is_no_part_of_its_heads_name():
    found = people("Rombongan diterima Pemimpin Perusahaan Warta Timur Rahmat Jaya Kusuma. Diskusi berlangsung "
                   "satu jam di kantor Warta Timur, Kendari.")
    assert set(found) == {"Rahmat Jaya Kusuma"}
    assert designation(found["Rahmat Jaya Kusuma"]) == "Pemimpin Perusahaan Warta Timur"


def test_the_last_name_of_a_list_may_carry_an_honorific_before_a_word_in_lower_case():
    found = people("Dari fraksi Nasdem, kursi Rahmat Sulaiman, Effendi Lubis dan H Syamsir Alam kosong sepanjang rapat.")
    assert set(found) == {"Rahmat Sulaiman", "Effendi Lubis", "Syamsir Alam"}


def test_a_title_opens_a_sentence_glued_to_the_stop_before_it():
    found = people("Festival digelar di alun-alun pada 3 Mei 2026.Wali Kota Tidore Kepulauan, H. Ahmad Lukman, "
                   "membuka festival itu.")
    assert set(found) == {"Ahmad Lukman"}
    assert designation(found["Ahmad Lukman"]) == "Wali Kota Tidore Kepulauan"


def test_a_name_written_straight_before_its_title_with_no_comma():
    found = people("Upacara dipimpin Kajari Belu sebagai inspektur, dengan Yohanes Bili Kasi Intel sebagai "
                   "Perwira Upacara dan Maria Goreti Seran Kasubsi Penyidikan sebagai Komandan Upacara.")
    assert designation(found["Yohanes Bili"]) == "Kasi Intel"
    assert designation(found["Maria Goreti Seran"]) == "Kasubsi Penyidikan"


def test_a_holder_between_commas_followed_by_serta_and_a_word_in_lower_case():
    found = people("Kakanwil didampingi Kepala Bagian Umum, Yusuf Rumbiak, Kepala Subseksi Registrasi, "
                   "Amir Mahmud serta sejumlah staf.")
    assert set(found) == {"Yusuf Rumbiak", "Amir Mahmud"}
    assert designation(found["Amir Mahmud"]) == "Kepala Subseksi Registrasi"


def test_ketua_rombongan_is_a_title_and_a_rank_after_dan_starts_the_next_holder():
    found = people("Rombongan Lemhannas dipimpin Brigjen TNI Hasan Basri selaku Ketua Rombongan dan Kolonel Inf "
                   "Danu Saputra selaku pendamping.")
    assert designation(found["Hasan Basri"]) == "Ketua Rombongan"
    assert found["Danu Saputra"].title is None


def test_a_tag_with_the_short_form_of_a_post_written_long_before():
    text = ("Penanaman mangrove dipimpin Komandan Pangkalan TNI AL (Danlanal) Kupang, Kolonel Laut (P) Markus Tefa. "
            "Danlanal Kupang memastikan patroli akan singgah. “Bibit yang mati akan kami ganti bersama warga,” "
            "jelas Danlanal Kupang.")
    assert quotes(text) == [("Markus Tefa", "Bibit yang mati akan")]


def test_bercerita_bahwa_reports_speech():
    text = "Di hadapan mahasiswa, Rektor Unhalu Prof. Dr. Hasan Mahmud bercerita bahwa dulu ia kuliah sambil berjualan kue."
    assert quotes(text, "indirect") == [("Hasan Mahmud", "dulu ia kuliah sambi")]


def test_a_quote_split_over_two_paragraphs_keeps_the_speaker_named_before():
    text = ("Letkol Laut (P) Yudi Hartono menyampaikan, bantuan ini bagian dari pembinaan desa pesisir.\n\n"
            "Alat itu mengolah air sumur yang payau. “Di kampung ini airnya asin, warga tiap hari membeli air.\n\n"
            "Sekarang satu dusun bisa mengambil air bersih gratis,” ungkapnya.")
    assert quotes(text) == [("Yudi Hartono", "Di kampung ini airny")]


def test_a_credit_word_where_the_name_should_be_is_no_person():
    found = people("Bupati Halmahera Barat James Uang membuka rapat kerja di Jailolo.\n\nPenulis : Pewarta")
    assert set(found) == {"James Uang"}
