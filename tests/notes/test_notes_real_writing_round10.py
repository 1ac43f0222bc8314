"""Extraction on the ways of writing the rules still missed after round 8's held-back
notes joined the tuning material (round 9): the hand-over of an office to a new holder
("Kapolsek Tanah Jawa dari Iptu A kepada AKP B", "dari pejabat lama … kepada pejabat
baru …"), a degree written in spaced parts ("S Tr K"), the Roman number of a split
district before a name ("Camat Ilir Barat I X"), and the facts added to the data: "Wako"
for the Wali Kota, a "Juru Bicara" of a faction, "Wakapolda" glued to a province
("Wakapoldasu") and the glued rank "Kombespol". One test per kind; each note is short and
of our own writing."""

from __future__ import annotations

import pytest

from press.notes.extract import extract
from tests.notes.test_notes_real_writing import designation, people


def test_a_hand_over_gives_the_office_and_its_place_to_both_holders_and_the_place_is_nobody():
    text = ("Serah terima jabatan dipimpin Kapolres. Kapolsek Dolok Masihul dari Iptu Bonar Sihite SH kepada "
            "AKP Dedi Lubis SH, Kapolsek Tebing dari AKP Rudi Hasibuan kepada Iptu Hendra Tarigan.")
    found = people(text)
    assert set(found) == {"Bonar Sihite", "Dedi Lubis", "Rudi Hasibuan", "Hendra Tarigan"}
    assert designation(found["Bonar Sihite"]) == designation(found["Dedi Lubis"]) == "Kapolsek Dolok Masihul"
    assert designation(found["Rudi Hasibuan"]) == designation(found["Hendra Tarigan"]) == "Kapolsek Tebing"


def test_a_hand_over_from_the_old_to_the_new_official_names_both():
    text = ("Sertijab juga berlangsung untuk Wakapolres Batubara dari pejabat lama Kompol Drs Amran Siregar SH "
            "kepada pejabat baru Kompol Yusuf Nasution SIK, Kasat Lantas dari AKP Rina Purba kepada AKP Doni Ginting.")
    found = people(text)
    assert designation(found["Amran Siregar"]) == designation(found["Yusuf Nasution"]) == "Wakapolres Batubara"
    assert designation(found["Rina Purba"]).startswith("Kasat Lantas")
    assert designation(found["Doni Ginting"]).startswith("Kasat Lantas")


def test_a_place_left_by_an_outgoing_holder_is_nobody():
    text = "Jabatan Kapolsek Silau Laut yang ditinggalkan Iptu Andreas Purba untuk sementara diisi Plh Kapolsek."
    assert "Silau Laut" not in people(text)


def test_a_degree_written_in_spaced_parts_ends_the_name():
    found = people("Penangkapan dipimpin Iptu Ronal Sinaga S Tr K bersama timnya.")
    assert list(found) == ["Ronal Sinaga"]
    assert found["Ronal Sinaga"].degrees == ["S Tr K"]


@pytest.mark.parametrize("text, name", [
    ("Camat Seberang Ulu I Ahmad Fauzi membuka bazar di halaman kantor camat.", "Ahmad Fauzi"),
    ("Pasar murah dibuka Camat Kertapati Barat II Rina Wulandari, Senin.", "Rina Wulandari"),
])
def test_the_roman_number_of_a_split_district_is_no_initial_of_the_name_after_it(text, name):
    assert name in people(text)


def test_a_balinese_name_opener_after_a_district_still_opens_the_name():
    assert "I Wayan Sudarma" in people("Acara dihadiri Camat Denpasar Timur I Wayan Sudarma dan para lurah.")


def test_wako_is_the_wali_kota():
    found = people("Wako Bukittinggi, H Erman Safar menyerahkan bantuan sembako di Pasar Atas.")
    assert designation(found["Erman Safar"]) == "Wako Bukittinggi"


def test_the_spokesperson_of_a_faction_holds_a_title():
    found = people("Juru bicara Fraksi Demokrat, Hj. Rosnani Abdullah, S.E., menyampaikan pendapat akhir fraksinya.")
    assert designation(found["Rosnani Abdullah"]) == "Juru bicara Fraksi Demokrat"


def test_a_deputy_police_chief_glued_to_a_province_speaks_as_the_named_holder():
    text = ("Upacara dipimpin Wakapoldasu Brigjen Pol Sumardi Hasibuan. \"Layani warga dengan hati,\" "
            "tegas Wakapoldasu.")
    extraction = extract(text)
    assert [p.name for p in extraction.people] == ["Sumardi Hasibuan"]
    assert [q.speaker for q in extraction.quotes] == ["Sumardi Hasibuan"]


def test_a_rank_glued_to_its_service_is_a_rank():
    found = people("Kapolrestabes Medan Kombespol Teddy Marbun membuka pelatihan.")
    assert list(found) == ["Teddy Marbun"]
    assert found["Teddy Marbun"].ranks == ["Kombespol"]


def test_a_capitalised_verb_after_the_comma_that_follows_a_quote_names_its_speaker():
    text = ("Kapolda Riau Irjen Pol Drs. Agus Salim menyampaikan bahwa \"Polsek ini naik tipe karena "
            "penduduknya bertambah\",Ungkap Kapolda.")
    assert [q.speaker for q in extract(text).quotes] == ["Agus Salim"]


def test_an_acting_prefix_glued_by_its_dot_opens_the_title():
    found = people("Jabatan itu sebelumnya dipegang Plt.Kadis Pertanian Rudi Latuconsina selama setahun.")
    assert designation(found["Rudi Latuconsina"]) == "Plt.Kadis Pertanian"


def test_the_one_an_official_replaces_is_a_person():
    text = "Ia dilantik menjadi Kadis Pendidikan menggantikan Markus Lewerissa yang memasuki masa pensiun."
    assert "Markus Lewerissa" in people(text)


def test_a_replaced_post_is_nobody():
    assert people("Ia dilantik menggantikan Kepala Dinas Sosial yang memasuki masa pensiun.") == {}


@pytest.mark.parametrize("ending, name", [
    ("berlangsung hingga sore.(Dedi Kurnia/B2).", "Dedi Kurnia"),
    ("berlangsung hingga sore. (Siti Aminah)\nIkuti berita terkini kami di kanal WhatsApp", "Siti Aminah"),
])
def test_the_writer_closing_the_note_in_brackets_is_a_person(ending, name):
    assert name in people("Bupati Tapin Wahyudi Rahmat membuka pameran yang " + ending)


def test_an_outlet_and_its_writer_closing_the_note_are_nobody_named_by_the_outlet():
    assert "Matra" not in people("Musrenbang ditutup camat dan kepala desa.(Matra/Adi)")


def test_the_regency_secretary_written_out_is_a_title_and_the_name_after_it_no_place():
    found = people("Bantuan diserahkan Sekretaris Kabupaten Yudi Hartono, S.E., M.M. kepada warga.")
    assert list(found) == ["Yudi Hartono"]
    assert designation(found["Yudi Hartono"]) == "Sekretaris Kabupaten"


@pytest.mark.parametrize("text, unit", [
    ("Kanit II Satreskrim Polrestabes Medan Iptu Rudi Hasibuan memimpin penggerebekan.", "Satreskrim Polrestabes Medan"),
    ("Kasubdit Gakkum Ditlantas Polda Bengkulu AKBP Yoga Pratama membagikan brosur.", "Gakkum Ditlantas"),
    ("Kabag Protokoler Setdakab Deli Serdang Fitri Hasanah membacakan susunan acara.", "Protokoler"),
    ("Babinsa mendampingi Gapoktan Sido Rukun menanam jagung bersama Serda Bayu Aji.", "Gapoktan"),
])
def test_police_units_farmers_groups_and_offices_are_nobody(text, unit):
    found = people(text)
    assert unit not in found
    assert len(found) == 1


def test_the_head_of_a_farmers_group_holds_the_group_by_its_name():
    found = people("Ketua Kelompok Tani Sri Rejeki, Desa Glagah, Suparno mengaku senang.")
    assert "Sri Rejeki" not in found and "Suparno" in found


@pytest.mark.parametrize("text", [
    "Ketua Poktan Desa Banjaran Bpk. Slamet Riyadi hadir bersama Penyuluh Pertanian.",
    "Hadir pula Mantri Tani Kecamatan Menganti dan Ketua Poktan Desa Banjaran Bpk. Slamet Riyadi.",
])
def test_an_extension_worker_and_a_village_orderly_are_roles_not_names(text):
    assert list(people(text)) == ["Slamet Riyadi"]


def test_a_trade_office_head_under_its_short_form_holds_a_title():
    found = people("Rapat dihadiri Kadisdag Banda Aceh Iskandar Nasution dan para pedagang.")
    assert designation(found["Iskandar Nasution"]) == "Kadisdag Banda Aceh"


def test_a_noun_with_its_possessive_opening_a_sentence_is_no_name_but_a_surname_may_end_so():
    text = ("Iptu Andi Lubis dipindahkan menjadi Kasubbag Dalops Bagops Polrestabes. Jabatannya digantikan AKP Rony Sitepu. "
            "Wakil Bupati Hengky Sorondanya hadir.")
    assert set(people(text)) == {"Andi Lubis", "Rony Sitepu", "Hengky Sorondanya"}


def test_a_place_or_body_written_with_another_of_the_persons_titles_is_not_added_to_the_first():
    text = ("Kupang – Yohanes Kia Manuk resmi menjabat Penjabat Bupati Alor. Dasar pelantikan Penjabat Bupati Alor "
            "Yohanes Kia Manuk adalah SK Mendagri. Sebelum menerima jabatan ini, Yohanes menjabat Kepala Badan "
            "Perencanaan Pembangunan Daerah Provinsi NTT.")
    found = people(text)
    assert designation(found["Yohanes Kia Manuk"]) == "Penjabat Bupati Alor"


def test_the_holder_of_an_office_named_after_yang_dijabat_oleh_holds_it():
    found = people("Jabatan Kapolres Batubara yang dijabat oleh AKBP Taufik Hidayat kini diserahterimakan.")
    assert designation(found["Taufik Hidayat"]) == "Kapolres Batubara"


@pytest.mark.parametrize("post, short", [
    ("Pelaksana Harian (Plh) Sekretaris Daerah (Sekda)", "Plh. Sekda"),
    ("Penjabat Sekretaris Daerah", "Pj Sekda"),
])
def test_a_quote_after_a_sentence_led_by_the_acting_title_alone_is_the_holders(post, short):
    text = (f"Rapat dibuka {post} Yoseph Dua Lewa. \"APBD harus tepat waktu,\" kata Yoseph. Ketua fraksi, "
            f"Maria Goreti, menyampaikan dukungan. \"Kami setuju,\" kata Maria.\n\n{short} meminta semua OPD "
            "bergerak cepat.\n\n\"Jangan ada yang terlambat,\" tutupnya.")
    assert [q.speaker for q in extract(text).quotes][-1] == "Yoseph Dua Lewa"


def test_a_quote_given_to_the_dandim_is_the_komandan_kodims():
    text = ("Komandan Kodim 0716/Demak, Letkol Inf Arif Santoso, meninjau sawah. \"Babinsa dampingi petani,\" "
            "ujar Dandim.")
    assert [q.speaker for q in extract(text).quotes] == ["Arif Santoso"]


@pytest.mark.parametrize("text, name, title", [
    ("Selanjutnya, Kapolsek Sunggal dipercayakan kepada Kompol Budi Harahap yang sebelumnya Kanit Reskrim.",
     "Budi Harahap", "Kapolsek Sunggal"),
    ("Sementara kursi Camat Tuban diisi Sri Wahyuni yang semula Sekretaris Kecamatan.", "Sri Wahyuni", "Camat Tuban"),
])
def test_the_holder_an_office_is_entrusted_to_or_filled_by_holds_it(text, name, title):
    assert designation(people(text)[name]) == title
