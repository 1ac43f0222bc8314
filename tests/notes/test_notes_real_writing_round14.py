"""Extraction on the ways of writing the rules still missed after round 12's held-back
notes joined the tuning material (round 13): degrees typed in title case or opening where a
name would; words of address (Mak, Mama) and "br" inside a Batak name; nicknames given away
from the name; meeting names, an outlet's own credit and a region's bracketed short form that
are nobody; deputy police heads, one-letter initials after a rank and a Kodam's Roman number;
titles written with a glued honorific, "Menurut", a qualifier, a possessive, a second office,
"yang juga", "mantan", "pada", a university unit or across a hard line break; residents named
with their age or origin; and quote tags: the one named before the speech verb, the one a
sentence points at with "ini", an office describing the speaker, a misspelt or shared first
name. One test per kind; each note is short and of our own writing."""

from __future__ import annotations

from press.notes.cleaning import clean
from press.notes.extract import extract
from tests.notes.test_notes_real_writing import designation, people


def speakers(text: str) -> list[str | None]:
    return [q["speaker"] for q in extract(text).as_dict()["quotes"] if q["form"] == "direct"]


def test_a_degree_typed_in_title_case_is_a_degree_never_a_person():
    found = people("Sementara, Kadis Perikanan, Ir. Gunadi Salampessy, Mm menyampaikan terima kasih. "
                   "Kabag Umum Rudi Hartanto Ap mengatakan rapat selesai.")
    assert set(found) == {"Gunadi Salampessy", "Rudi Hartanto"}
    assert found["Rudi Hartanto"].degrees == ["Ap"]


def test_a_degree_where_a_name_would_start_is_nobody():
    found = people("Kepala Desa Wera, Yusuf Halim, S. Sos menyampaikan usulan embung. Dandim 1608/Bima Letkol Inf "
                   "Dedi Kurniawan, S.Hub.Int., M.H.I., ikut hadir.")
    assert set(found) == {"Yusuf Halim", "Dedi Kurniawan"}
    assert found["Dedi Kurniawan"].degrees == ["S.Hub.Int.", "M.H.I."]


def test_words_of_address_mak_and_mama_are_honorifics():
    found = people("Di pasar, Mak Ijah (64) menjual sayur. Di Sentani, Mama Ruth Ohee menjual pinang.")
    assert {"Ijah", "Ruth Ohee"} <= set(found)
    assert found["Ruth Ohee"].honorifics == ["Mama"]


def test_br_inside_a_batak_name_stays_in_the_name():
    found = people("Salah seorang di antaranya, Lestari br Ginting, mengaku senang. “Bibitnya bagus,” kata Lestari.")
    assert set(found) == {"Lestari br Ginting"}


def test_a_nickname_given_after_a_description_names_the_person_before():
    text = ("Camat Palang Agus Santoso meminta warga melapor. “Kalau ada jalan rusak, laporkan,” pinta pria yang akrab "
            "disapa Gus ini. “Kami tindak lanjuti,” ujar Gus.")
    assert set(people(text)) == {"Agus Santoso"}
    assert speakers(text) == ["Agus Santoso", "Agus Santoso"]


def test_a_nickname_given_with_sapaan_akrab_and_a_title_names_the_holder():
    text = ("Wakil Bupati Dompu Siti Marwah hadir di Kempo. “Posyandu harus aktif,” ujar Umi Wah, sapaan akrab "
            "Wakil Bupati.")
    assert set(people(text)) == {"Siti Marwah"}
    assert speakers(text) == ["Siti Marwah"]


def test_a_nickname_after_atau_yang_akrab_disapa_is_the_same_person():
    text = ("Bupati Pidie, Teuku Hasballah, atau yang akrab disapa Ampon Basa, membuka acara. Sebelumnya, Bupati "
            "Ampon Basa meminta acara sederhana.")
    assert set(people(text)) == {"Teuku Hasballah"}


def test_an_election_adverb_after_its_office_and_meeting_names_are_not_people():
    found = people("Bupati melantik 38 Keuchik hasil Pemilihan Keuchik Langsung (Pilchiksung) di Calang. Kapolres Lingga "
                   "AKBP Rudi Pratama melaksanakan silaturahmi Halal Bihalal dengan Bupati Lingga, Muhammad Nizar.")
    assert set(found) == {"Rudi Pratama", "Muhammad Nizar"}


def test_an_unnamed_photo_credit_and_adat_groups_are_not_people():
    found = people("Hadir ninik mamak, alim ulama dan Bundo Kanduang se-nagari. (Foto: Istimewa)")
    assert found == {}


def test_a_closing_credit_naming_the_outlet_is_no_person():
    found = people("BONE, RAKYATPOS. COM – Bupati Bone Andi Fahsar membuka pasar murah. (Rakyatpos)")
    assert set(found) == {"Andi Fahsar"}


def test_a_regions_short_form_defined_in_brackets_is_never_a_name_later():
    found = people("Bupati Kabupaten Sumba Barat (Subar) Yohanis Dade menerima penghargaan. Selain Bupati Subar, "
                   "penghargaan diterima Bupati Ende.")
    assert set(found) == {"Yohanis Dade"}


def test_deputy_police_heads_are_titles_and_an_initial_after_a_rank_stays():
    found = people("Hadir Waka Polsek IPTU R Simanjuntak dan Wakapolrestabes AKBP Dodi Siregar.")
    assert designation(found["R Simanjuntak"]) == "Waka Polsek"
    assert found["R Simanjuntak"].ranks == ["IPTU"]
    assert designation(found["Dodi Siregar"]) == "Wakapolrestabes"


def test_a_kodam_number_and_its_name_belong_to_the_office():
    found = people("Penutupan dihadiri Kasdam I/BB Brigjen TNI Hari Wibowo dan Pangdam XVIII/ Kasuari Mayjen TNI Luki Siahaan.")
    assert designation(found["Hari Wibowo"]) == "Kasdam I/BB"
    assert designation(found["Luki Siahaan"]) == "Pangdam XVIII/ Kasuari"


def test_a_glued_honorific_or_menurut_before_a_name_and_selaku_title():
    found = people("Menurut Drs.K. Hidayat selaku Kabag Humas Setda Kaur, rapat tertutup. Menurut Fajar Ramadhan selaku "
                   "Kabag Umum, rapat dimulai pukul 09.00.")
    assert designation(found["K. Hidayat"]) == "Kabag Humas Setda Kaur"
    assert designation(found["Fajar Ramadhan"]) == "Kabag Umum"


def test_a_generic_office_with_a_qualifier_or_a_possessive_names_its_holder():
    found = people("Ia menggantikan Ketua sebelumnya, M. Daud Ishak, yang purna tugas. Sidang dipimpin Ketuanya "
                   "Andi Baso Mappiasse.")
    assert found["M. Daud Ishak"].title == "Ketua"
    assert found["Andi Baso Mappiasse"].title == "Ketua"


def test_two_offices_joined_by_dan_give_the_name_the_second():
    found = people("Pelantikan itu turut disaksikan Wakil Bupati dan Sekretaris Daerah Nagan Raya, Drs. H. Zulkifli Amin, "
                   "para camat dan warga.")
    assert designation(found["Zulkifli Amin"]) == "Sekretaris Daerah Nagan Raya"


def test_yang_juga_keeps_the_first_office_as_the_title():
    found = people("Ketua panitia yang juga Kepala Dinas Pendidikan Aceh Jaya, Drs. Marzuki Yahya, melapor.")
    assert found["Marzuki Yahya"].title == "Ketua panitia"


def test_a_former_holder_keeps_mantan_in_the_title():
    found = people("Hadir pula mantan Bupati Sinjai Andi Rudiyanto dan Wakil Bupati Sinjai Hj. Rosmini.")
    assert designation(found["Andi Rudiyanto"]) == "mantan Bupati Sinjai"
    assert designation(found["Rosmini"]) == "Wakil Bupati Sinjai"


def test_pada_joins_a_title_to_its_body_and_a_university_unit_is_part_of_the_title():
    found = people("Kepala Seksi Layanan Informasi pada Diskominfo Lamongan Rina Astuti menjelaskan aplikasi. "
                   "Hadir Dekan Fakultas Teknik Unram Dr. Ir. Bambang Wiyono, M.T.")
    assert designation(found["Rina Astuti"]) == "Kepala Seksi Layanan Informasi pada Diskominfo Lamongan"
    assert designation(found["Bambang Wiyono"]).startswith("Dekan Fakultas Teknik")


def test_a_hard_wrapped_note_reads_a_title_across_its_line_breaks():
    wrapped = ("Penghargaan itu diserahkan Menteri Pemberdayaan Perempuan dan Perlindungan Anak\n"
               "Dra Hj Sari Wulandari MSi kepada Wali Kota Tomohon di Jakarta pada Kamis pagi,\n"
               "disaksikan para kepala daerah penerima penghargaan dari seluruh Indonesia\n"
               "yang hadir di gedung kementerian sejak pagi hari.\n")
    cleaned = clean(wrapped)
    assert len(cleaned.text) == len(wrapped) and cleaned.changes["joined_lines"] == 3
    found = people(cleaned.text)
    assert designation(found["Sari Wulandari"]) == "Menteri Pemberdayaan Perempuan dan Perlindungan Anak"


def test_a_headline_and_a_credit_line_keep_their_line_breaks():
    text = "Bupati Resmikan Pasar Baru di Kecamatan Pulau Besar Hari Ini\nPenulis: Rina Sari | Editor: Dodi Hartono\n"
    assert clean(text).text == text


def test_residents_named_with_their_age_or_origin_are_people():
    found = people("Kisah Wak Salim hadir pula dalam cerita Rusmini (58). Bantuan diberikan bagi Yosef asal Kecamatan "
                   "Golewa dan kepada Maria Nona asal Desa Ratogesa.")
    assert {"Rusmini", "Yosef", "Maria Nona"} <= set(found)


def test_salah_seorang_office_yang_dilantik_gives_the_office_and_the_speaker():
    text = ("Camat Jaya, Teuku Amri, siap mendampingi. Salah seorang Pj Keucik yang dilantik, Nurlaila, S.Pd, "
            "mengaku senang. “Saya akan bekerja bersama warga,” katanya.")
    found = people(text)
    assert found["Nurlaila"].title == "Pj Keucik"
    assert speakers(text) == ["Nurlaila"]


def test_the_one_named_before_the_speech_verb_is_the_subject_not_one_in_a_clause_before():
    text = ("Kepala Bagian Protokol Setdakab Siak, Hendra Wijaya, menjelaskan jadwal Bupati Siak Afni Zulkifli.\n"
            "“Bupati sudah di Jakarta,” terang Hendra.\nKetika ditanya siapa saja pejabat yang mendampingi Bupati pada "
            "Rakornas tersebut, Hendra mengatakan hanya dua kepala dinas.\n“Sekda tetap di Siak untuk memimpin apel,” ujarnya.")
    assert speakers(text) == ["Hendra Wijaya", "Hendra Wijaya"]


def test_the_one_a_sentence_points_at_with_ini_speaks_after_a_yang_oleh_clause():
    text = ("Wakil Wali Kota Tarakan Ibnu Saud menjadi inspektur upacara.\n\nSatgas yang dikomandoi oleh Dandim "
            "Tarakan Letkol Inf Rudi Hermawan ini akan membangun jalan. “Panjangnya 900 meter,” katanya.")
    assert speakers(text) == ["Rudi Hermawan"]


def test_an_office_nobody_holds_pointed_at_with_ini_describes_the_speaker():
    text = ("Kepala Seksi Layanan Diskominfo Tuban Arif Budiman mengatakan aduan dicatat. “Setiap aduan dijawab tiga "
            "hari,” terang Ketua Komunitas Blogger Tuban ini.")
    assert speakers(text) == ["Arif Budiman"]


def test_a_first_name_misspelt_by_one_letter_is_the_person_it_slips_from():
    text = "Bupati Ketapang, Martinus Sudarno, meninjau desa. “Kami resmikan akhir bulan,” ucap Martinis."
    assert set(people(text)) == {"Martinus Sudarno"}
    assert speakers(text) == ["Martinus Sudarno"]


def test_a_shared_first_name_goes_to_the_holder_of_the_office_the_paragraph_names():
    text = ("Diskusi dipandu Rektor UBL Dr. Hendri Prasetyo.\nSedangkan Bupati Lampung Barat menyambut kerja sama itu. "
            "“Ini dasar tata ruang kami,” Kata Hendri.\nBupati Hendri Saibatin lalu menambahkan soal gempa.")
    assert set(people(text)) == {"Hendri Prasetyo", "Hendri Saibatin"}
    assert speakers(text) == ["Hendri Saibatin"]
