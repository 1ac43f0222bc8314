"""Quotes as real releases write them: a speaker named only in the sentence before, "-nya"
pointing back to the last speaker or the last person named as subject, and direct
speech (inside quote marks) told apart from indirect speech ("…, kata X" without marks,
"Menurut X, …", "X mengatakan, …"). Short notes of our own writing."""

from __future__ import annotations

import pytest

from press.notes.extract import extract


def quotes(text: str) -> list[tuple[str | None, str, str]]:
    return [(q.speaker, q.form, q.text[:20]) for q in extract(text).quotes]


def test_a_quote_standing_alone_gets_the_speaker_of_the_sentence_before():
    text = ("Bupati Bungo Mashuri membuka pasar murah di halaman kantor camat.\n"
            "\"Pasar murah ini untuk menekan harga bahan pokok menjelang lebaran.\"")
    assert quotes(text) == [("Mashuri", "direct", "Pasar murah ini untu")]


def test_nya_points_back_to_the_last_speaker_not_to_a_person_named_inside_the_quote():
    text = ("Kepala Dinas Sosial Ani Lestari meninjau gudang logistik. "
            "\"Kami berterima kasih kepada Camat Budi Santoso atas dukungannya,\" ujarnya. "
            "\"Bantuan disalurkan bertahap mulai pekan ini,\" katanya.")
    assert [q[0] for q in quotes(text)] == ["Ani Lestari", "Ani Lestari"]


def test_nya_points_back_to_the_last_person_named_as_subject():
    text = ("\"Jalan ini akan diperbaiki tahun depan,\" kata Bupati Mashuri.\n"
            "Sementara itu, Kepala Dinas Sosial Ani Lestari menyerahkan bantuan kepada Lurah Rudi Hartono.\n"
            "\"Bantuan ini kami salurkan bertahap mulai pekan ini,\" tuturnya.")
    assert [q[0] for q in quotes(text)] == ["Mashuri", "Ani Lestari"]


def test_a_pronoun_subject_keeps_the_previous_speaker():
    text = ("\"Jalan ini akan diperbaiki tahun depan,\" kata Bupati Mashuri.\n"
            "Ia juga meminta Camat Budi Santoso mengawasi pekerjaan.\n"
            "\"Pengawasan harus ketat supaya mutu terjaga,\" katanya.")
    assert [q[0] for q in quotes(text)] == ["Mashuri", "Mashuri"]


@pytest.mark.parametrize("text, speaker, start", [
    ("Program ini menyasar seribu keluarga penerima manfaat, kata Kepala Dinas Sosial Ani Lestari.",
     "Ani Lestari", "Program ini menyasar"),
    ("Menurut Camat Budi Santoso, pendataan warga selesai akhir bulan ini.", "Budi Santoso", "pendataan warga sele"),
    ("Lurah Joko Susilo mengatakan, posyandu dibuka setiap Rabu pagi untuk balita.", "Joko Susilo",
     "posyandu dibuka seti"),
])
def test_indirect_speech_is_told_apart_from_direct_quotes(text, speaker, start):
    assert quotes(text) == [(speaker, "indirect", start)]


def test_every_quote_says_its_form_and_keeps_where_the_speaker_stands():
    text = ("\"Kami siap melayani warga setiap hari kerja,\" ujar Lurah Joko Susilo. "
            "Menurut Joko Susilo, pelayanan dibuka pukul delapan pagi sampai sore.")
    found = extract(text).quotes
    assert [(q.form, q.placement) for q in found] == [("direct", "after"), ("indirect", "fronted")]
    assert [q["form"] for q in extract(text).as_dict()["quotes"]] == ["direct", "indirect"]


@pytest.mark.parametrize("verb", ["pesan", "urai", "kenang", "timpal", "cetus"])
def test_more_speech_verbs_close_a_quote(verb):
    text = ("Penjabat Gubernur Papua Pegunungan Yulius Lokobal melantik penjabat bupati.\n"
            "Penjabat Bupati Yahukimo Nius Kogoya mendengarkan arahan di barisan depan.\n"
            f"\"Duduk dulu dengan kepala suku dan hamba Tuhan, baru bicara program,\" {verb} Lokobal.")
    assert quotes(text) == [("Yulius Lokobal", "direct", "Duduk dulu dengan ke")]


def test_a_quote_closed_by_a_title_in_lower_case_goes_to_its_holder():
    text = ("Bupati Selayar Muh. Arsyad Patompo meninjau puskesmas di Pulau Bonerate.\n"
            "Camat Sitti Hadijah Bakri menyambut rombongan di dermaga.\n"
            "\"Kalau ada yang cuti, harus ada yang jaga di puskesmas,\" tegas bupati.")
    assert quotes(text) == [("Muh. Arsyad Patompo", "direct", "Kalau ada yang cuti,")]


def test_a_quote_closed_by_a_speakers_initials_goes_to_them():
    text = ("Gubernur Sulawesi Barat Arman Tahir Saleh (ATS) menanggapi keluhan petani.\n\n"
            "\"Saya sudah perintahkan dinas teknis menghitung kebutuhannya,\" kata ATS di sela Musrenbang.")
    assert quotes(text) == [("Arman Tahir Saleh", "direct", "Saya sudah perintahk")]


def test_a_quote_left_open_at_the_end_of_its_paragraph_is_still_a_quote_of_the_last_speaker():
    text = ("Plt Gubernur Aceh Teuku Armiya meninjau asrama mahasiswa.\n\n"
            "\"Asrama ini wajah Aceh di perantauan,\" kata Armiya. \"Saya dulu juga tinggal di asrama ini.\n\n"
            "Pengurus asrama menyiapkan daftar kerusakan.")
    assert quotes(text) == [("Teuku Armiya", "direct", "Asrama ini wajah Ace"),
                            ("Teuku Armiya", "direct", "Saya dulu juga tingg")]


def test_a_title_in_lower_case_before_a_speech_verb_is_who_dia_points_back_to():
    text = ("Dirjen Bimas Islam Kamaruddin Lubis beraudiensi dengan Wakil Gubernur Maluku Hasan Marasabessy.\n\n"
            "Kepada wartawan, dirjen mengatakan rombongannya ingin memastikan kesiapan daerah.\n\n"
            "\"Kami datang untuk minta kesediaan pemerintah daerah,\" kata dia.")
    assert [q for q in quotes(text) if q[1] == "direct"] == [("Kamaruddin Lubis", "direct", "Kami datang untuk mi")]


def test_an_honorifics_full_stop_inside_a_sentence_does_not_hide_its_pronoun_subject():
    text = ("Kepala Diskominfo Pemalang Slamet Riyadi Purnomo memimpin kunjungan.\n"
            "\"Kami ingin belajar mengelola data,\" paparnya.\n"
            "Ia menjelaskan, setelah mendengar paparan Kepala Diskominfo Batang, Drs. Wahyu Budi Santosa, M.M., "
            "pihaknya mendapat gambaran yang jelas.\n"
            "\"Terima kasih kepada Diskominfo Batang,\" pungkasnya.")
    assert [q[0] for q in quotes(text) if q[1] == "direct"] == ["Slamet Riyadi Purnomo", "Slamet Riyadi Purnomo"]


def test_words_around_a_name_that_are_nobodys_name_do_not_hide_the_speaker():
    text = ("Bupati Minahasa Tenggara Jemmy Kumendong membuka sosialisasi desa sadar hukum bersama Kepala "
            "Subbidang Penyuluhan Hukum Kanwil Kemenkumham Sulut Meyke Sumolang SH MH.\n"
            "\"Desa sadar hukum adalah upaya bersama,\" katanya.\n"
            "Sementara itu Narasumber Meyke Sumolang SH MH menjelaskan kriteria penilaian.\n"
            "\"Tahun ini kami harap jumlah desa binaan bertambah,\" ujarnya.")
    assert [q[0] for q in quotes(text) if q[1] == "direct"] == ["Jemmy Kumendong", "Meyke Sumolang"]


def test_mengutarakan_reports_what_was_said():
    text = ("Kepala Diskominfo Pemalang, Slamet Riyadi Purnomo mengutarakan, kunjungan ini dilakukan "
            "karena Batang paling cepat menyusun daftar data prioritas.")
    assert quotes(text) == [("Slamet Riyadi Purnomo", "indirect", "kunjungan ini dilaku")]


def test_dirinya_is_a_pronoun_subject():
    text = ("Camat Budi Santoso meninjau posko banjir.\n"
            "Dirinya mengatakan, \"Logistik untuk pengungsi cukup sampai pekan depan.\"")
    assert quotes(text) == [("Budi Santoso", "direct", "Logistik untuk pengu")]


@pytest.mark.parametrize("sentence", [
    "Camat Budi Santoso meminta warga membersihkan saluran air sebelum musim hujan tiba.",
    "Camat Budi Santoso mengapresiasi warga yang membersihkan saluran air sebelum musim hujan.",
    "Camat Budi Santoso menyampaikan terima kasih kepada warga yang membersihkan saluran air.",
    "Camat Budi Santoso menekankan pentingnya membersihkan saluran air sebelum musim hujan.",
])
def test_a_verb_of_attitude_reports_no_speech(sentence):
    assert quotes(sentence) == []


def test_menurutnya_is_indirect_speech_of_the_person_last_spoken_of():
    text = ("Bupati Lombok Barat Lalu Ahmad Zaini meresmikan pompa air di Desa Gerung.\n"
            "Menurutnya, pompa air akan dikelola bersama kelompok tani setempat.")
    assert quotes(text) == [("Lalu Ahmad Zaini", "indirect", "pompa air akan dikel")]


@pytest.mark.parametrize("subject", ["ATS juga", "Ia juga", "Arman Tahir Saleh pun"])
def test_an_adverb_between_speaker_and_verb_keeps_the_speaker(subject):
    text = ("Gubernur Sulawesi Barat Arman Tahir Saleh (ATS) meninjau saluran irigasi di Polman.\n"
            f"{subject} menjelaskan, kas daerah Polman sudah terkuras untuk perbaikan jalan.")
    assert quotes(text) == [("Arman Tahir Saleh", "indirect", "kas daerah Polman su")]


def test_a_quote_opened_with_a_closing_mark_glued_to_the_speech_verb_is_read():
    text = ("Dalam sambutannya Bupati Ir.Yoseph Lodar M.T mengataken” tidak ada lagi kubu satu dan kubu dua "
            "di daerah ini” ujarnya.").replace("mengataken", "mengatakan")
    assert quotes(text) == [("Yoseph Lodar", "direct", "tidak ada lagi kubu ")]


def test_people_sworn_in_are_not_the_subject_a_later_nya_points_to():
    text = ("“Jabatan adalah amanah,” kata Bupati Budiman Arifin.\n"
            "Di antara pejabat yang dilantik, Drs. Ahmad Lawi dilantik sebagai Kepala Dinas Sosial.\n"
            "“Selamat bertugas di tempat yang baru,” pungkasnya.")
    assert [q[0] for q in quotes(text)] == ["Budiman Arifin", "Budiman Arifin"]


def test_a_speaker_s_title_with_a_parenthesised_short_form_still_names_them():
    text = ("“Pembagian tugas sudah tuntas sampai peninjauan kebun,” kata Sekretaris Daerah Kabupaten (Sekdakab) "
            "Samosir, Hotraja Sitanggang, di Senin (12/6).")
    assert quotes(text) == [("Hotraja Sitanggang", "direct", "Pembagian tugas suda")]


def test_an_acting_prefix_s_full_stop_does_not_cut_the_speaker_after_the_verb():
    text = ("Bibit diserahkan Penjabat Gubernur Papua Barat, Dr. Ali Baham Temongmere, M.Si.\n"
            "“Bibit ini kita bawa dari Manokwari, jadi tolong dirawat baik-baik,”jelas Pj. Gubernur Temongmere.")
    assert quotes(text) == [("Ali Baham Temongmere", "direct", "Bibit ini kita bawa ")]


def test_the_speaker_after_the_verb_ends_before_a_yang_clause_naming_someone_else():
    text = ("Hal itu disampaikan Plt Gubernur Aceh, Teuku Armiya, saat meninjau asrama mahasiswa.\n"
            "Teuku Armiya menambahkan, status tanah asrama harus jelas lebih dahulu. “Saya minta pengurus "
            "menyiapkan sertifikat tanahnya,” tegas Armiya yang datang bersama Kepala Biro Hukum Setda Aceh, "
            "Dr. Ridwan Sufi, SH, MH.")
    assert ("Teuku Armiya", "direct", "Saya minta pengurus ") in quotes(text)


@pytest.mark.parametrize("after", ["papar suami Hj. Nurlaila Hasan ini", "ujar pria kelahiran Bireuen ini",
                                   "tegas orang nomor satu di Universitas Almuslim tersebut"])
def test_a_speaker_described_after_the_verb_is_the_subject_before_not_a_name_in_the_description(after):
    text = ("Giliran Rektor Umuslim, Dr. H. Zulkifli Ibrahim, SE, ia bercerita soal asal-usul kampusnya.\n"
            f"“Yayasan ini berdiri di atas tanah wakaf, milik rakyat Peusangan,” {after}.")
    assert quotes(text) == [("Zulkifli Ibrahim", "direct", "Yayasan ini berdiri ")]
