"""Extraction on ways of writing that recur in the held-back notes of rounds 13 to 17 (round
18): the short form of a post or a unit used as if it named someone ("tegas Kabasarnas",
"ujar Palaksa"), a double quote mark typed as two single ones, a sentence glued to the stop
of the one before, the name of a title's body run into its holder's name ("Kepala Lapas
Arga Makmur Hendrik …"), a noble name after a place title ("Kepala Desa Andi …"), "X selaku
<title>", "Menurut beliau, …", and the honorifics, titles and unit words the data lacked
(Capt., HL., Jaksa Agung, Penkum, Binadik). One test per kind; each note is short and of our
own writing."""

from __future__ import annotations

from press.notes.cleaning import clean
from press.notes.extract import extract


def people(text: str) -> list[tuple[str, str | None]]:
    return [(p["name"], p["title"]) for p in extract(clean(text).text).as_dict()["people"]]


def quotes(text: str, form: str = "direct") -> list[tuple[str | None, str]]:
    return [(q["speaker"], q["text"][:30]) for q in extract(clean(text).text).as_dict()["quotes"] if q["form"] == form]


def test_a_title_short_form_glued_to_a_unit_is_nobody_and_its_quotes_go_to_the_holder():
    text = ("Kepala Badan Nasional Pencarian dan Pertolongan (Basarnas) Marsdya TNI Sulistyo Hadi meresmikan pos SAR "
            "di Pelabuhan Sorong. “Setiap menit sangat menentukan nyawa korban,” tegas Kabasarnas.")
    assert [name for name, _ in people(text)] == ["Sulistyo Hadi"]
    assert quotes(text) == [("Sulistyo Hadi", "Setiap menit sangat menentukan")]
    addressed = ("Kepala Balai Karantina Papua Selatan Yohanis Wambrauw tiba di Merauke. “Hari ini Pak Kabalai bersama "
                 "rombongan datang melihat gudang kami,” kata Yohanis.")
    assert [name for name, _ in people(addressed)] == ["Yohanis Wambrauw"]


def test_a_short_form_the_note_defines_in_brackets_is_nobody():
    text = ("Wali Kota Tomohon Caroll Senduk bertemu para Kepala Lingkungan (Pala) di Kelurahan Kakaskasen. "
            "Lurah dan Pala diminta mengenal warganya satu per satu.")
    assert [name for name, _ in people(text)] == ["Caroll Senduk"]


def test_a_double_quote_mark_typed_as_two_single_ones_opens_and_closes_a_quote():
    text = ("Bupati Buton Utara Ridwan Zakariah menyerahkan SK PPPK di aula kantor bupati.\n"
            "‘’ Jangan ada yang meminta pindah ke kota,’’ ujar Ridwan.")
    assert quotes(text) == [("Ridwan Zakariah", "Jangan ada yang meminta pindah")]


def test_capt_before_a_name_is_an_honorific():
    text = "Kepala KSOP Kelas II Bitung, Capt. Yosef Rumengan, M.Mar., menandatangani nota kesepakatan itu."
    found = extract(clean(text).text).as_dict()["people"]
    assert [(p["name"], p["honorifics"]) for p in found] == [("Yosef Rumengan", ["Capt."])]


def test_hl_glued_before_a_name_is_an_honorific():
    text = "Dalam sambutannya, Wakil Bupati Lombok Tengah, HL. Ahmad Juwaini mengatakan desa wisata harus dikelola warga."
    assert people(text) == [("Ahmad Juwaini", "Wakil Bupati Lombok Tengah")]


def test_the_body_of_a_title_written_alone_elsewhere_is_cut_from_the_holders_name():
    text = ("Antrean daring kunjungan dibuka di Lapas Bukit Pinang mulai hari kedua Lebaran. "
            "Kepala Lapas Bukit Pinang Robert Simanjuntak meninjau ruang kunjungan.")
    assert people(text) == [("Robert Simanjuntak", "Kepala Lapas Bukit Pinang")]


def test_a_noble_name_after_a_place_title_opens_the_holders_name():
    text = "Kepala Desa Andi Baso Rahman membuka musyawarah desa pembentukan BUMDes di balai desa."
    assert people(text) == [("Andi Baso Rahman", "Kepala Desa")]
    balinese = "Sekdes Ni Kadek Sri Utami membacakan laporan penggunaan dana desa tahun lalu."
    assert people(balinese) == [("Ni Kadek Sri Utami", "Sekdes")]


def test_a_sentence_glued_to_the_stop_before_it_is_read_on_its_own():
    text = ("Bupati Tanah Bumbu Andi Rudi Latif membuka forum itu.\n"
            "Turut hadir Ketua DPRD Tanah Bumbu Gusti Yusuf Effendi dan unsur Forkopimcam.Dalam laporannya Camat Kusan "
            "Hulu Rahmat Hidayat, S.STP menyampaikan 80 usulan terkumpul dari 12 desa.”Usulan terbanyak soal jalan "
            "tani,” ujarnya.")
    assert quotes(text) == [("Rahmat Hidayat", "Usulan terbanyak soal jalan ta")]


def test_menurut_beliau_reports_the_person_last_spoken_of():
    text = ("Kepala Dinas Pertanian Yulius Kambu meninjau panen padi di Distrik Semangga. "
            "Menurut beliau, produksi tahun ini naik dua ton per hektare.")
    assert quotes(text, "indirect") == [("Yulius Kambu", "produksi tahun ini naik dua to")]


def test_a_name_before_selaku_holds_the_title_after_it():
    text = ("Hadir Wakil Bupati Poso H. Rahmat Hidayat, SE, Salmin Lasadi selaku Anggota DPRD Provinsi Sulawesi Tengah, "
            "Kompol Yusran Mantong, S.H selaku Wakapolres Poso, dan para tokoh agama.")
    assert ("Salmin Lasadi", "Anggota DPRD") in people(text)
    assert ("Yusran Mantong", "Anggota DPRD") not in people(text)


def test_a_lapas_section_written_short_is_no_person():
    text = "Kepala Seksi Binadik Lapas Bengkulu, Ratna Sari membuka kelas menjahit bagi warga binaan. (Penkum)"
    assert [name for name, _ in people(text)] == ["Ratna Sari"]


def test_jaksa_agung_is_a_title_not_a_person():
    text = "Jaksa Agung menyampaikan pesan agar setiap jaksa menjaga integritas di media sosial."
    assert people(text) == []


def test_a_title_written_out_where_a_name_would_stand_is_nobody():
    text = ("Pelepasan jamaah dihadiri Bupati Pidie Jaya Sibral Malasyi, para kepala SKPK, Camat, Imum Mukim dan "
            "ratusan warga dari gampong asal para jamaah.")
    assert [name for name, _ in people(text)] == ["Sibral Malasyi"]


def test_a_credit_to_an_office_by_its_place_is_nobody():
    text = "Kepala DPMG Sigi Rahmat Lapatta membuka rapat pengukuhan di aula kantor bupati.\nFoto: MC SIGI"
    assert [name for name, _ in people(text)] == ["Rahmat Lapatta"]


def test_an_honorific_with_no_name_after_it_is_nobody():
    text = ("Bupati Badung I Nyoman Giri Prasta meresmikan balai banjar. Upacara melaspas dipuput Ida Pedanda dari "
            "Griya Sibang, diiringi tabuh gong kebyar.")
    assert [name for name, _ in people(text)] == ["I Nyoman Giri Prasta"]


def test_a_number_spelt_out_ends_the_kelurahan_before_its_heads_name():
    text = "Pertemuan dihadiri Lurah Woloan Dua Stevanus Lumingkewas dan para kepala lingkungan."
    found = extract(clean(text).text).as_dict()["people"]
    assert [(p["name"], " ".join(filter(None, (p["title"], p["organisation"])))) for p in found] \
        == [("Stevanus Lumingkewas", "Lurah Woloan Dua")]
