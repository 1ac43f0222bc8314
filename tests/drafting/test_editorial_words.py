"""The rules that generalise beyond the listed forms: the dictionary rules (``word_checks``:
loanword spelling, English words, typos one edit from one Indonesian word), month and
weekday names in lower case, and the figures EYD V writes with the thousands stop, unit
symbols and "juta" in lower case (``number_checks``). Each on short texts of its own; names,
codes and years are never touched."""
from __future__ import annotations

import pytest

from press.drafting.checks import check_release
from press.drafting.lexicon import english_words, is_indonesian, root_of


def fixes(text: str, code: str, **options) -> list[tuple[str, str | None]]:
    found = [f for f in check_release(text, **options) if f.code == code]
    for finding in found:
        assert "%(" not in str(finding.as_dict())
    return [(f.text, f.replacement) for f in found]


# -- the affix rules -------------------------------------------------------------------------------

@pytest.mark.parametrize("word, root", [
    ("menulis", "tulis"), ("memukul", "pukul"), ("mengambil", "ambil"), ("menyapu", "sapu"),
    ("memperingati", "ingat"), ("pemberdayaan", "daya"), ("kesejahteraan", "sejahtera"), ("diselenggarakan", "selenggara"),
])
def test_an_affixed_word_is_read_to_its_root(word, root):
    assert root_of(word) == root


def test_mem_is_not_read_before_a_letter_it_does_not_stand_before():
    assert not is_indonesian("memeringati")  # mem- never stands before e: not "mem + eringat + i"


def test_a_typo_s_replacement_is_read_strictly():
    assert is_indonesian("komidii") and not is_indonesian("komidii", strict=True)  # -i never follows a final i
    assert not is_indonesian("kesehkan", strict=True)  # ke-...-kan is no confix


# -- loanword spelling ------------------------------------------------------------------------------

@pytest.mark.parametrize("written, standard", [
    ("qualitas", "kualitas"), ("thema", "tema"), ("phisik", "fisik"),
])
def test_a_loanword_spelt_the_foreign_way_gets_the_kbbi_form(written, standard):
    assert fixes(f"Kegiatan ini menjaga {written} layanan warga.", "spelling") == [(written, standard)]


def test_an_english_word_kept_in_its_english_spelling_is_foreign_with_the_kbbi_form():
    assert fixes("Kegiatan ini menjaga mall layanan warga.", "foreign") == [("mall", "mal")]


# -- English words -----------------------------------------------------------------------------------

@pytest.mark.skipif(not english_words(), reason="needs the Debian wamerican word list (tools/system-packages)")
def test_an_english_word_gets_the_hint_to_italicise_or_translate_without_a_replacement():
    found = [f for f in check_release("Panitia menyiapkan stage dan spotlight acara.") if f.code == "foreign"]
    assert [(f.text, f.replacement) for f in found] == [("stage", None), ("spotlight", None)]
    assert "miring" in found[0].as_dict()["hint"]


@pytest.mark.skipif(not english_words(), reason="needs the Debian wamerican word list (tools/system-packages)")
def test_an_english_word_in_italics_or_in_a_name_is_left_alone():
    assert fixes("Panitia menyiapkan *venue* di Grand Venue Hotel.", "foreign") == []


def test_a_foreign_phrase_in_capitals_inside_a_sentence_is_found_unless_inside_a_longer_name():
    assert fixes("Warga dapat menghubungi Call Center setiap hari.", "foreign") == [("Call Center", "pusat panggilan")]
    assert fixes("Warga dapat menghubungi Jakarta Call Center setiap hari.", "foreign") == []


# -- typos ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, standard", [
    ("kabupatn", "kabupaten"), ("masyrakat", "masyarakat"), ("kegiaatan", "kegiatan"), ("cendrung", "cenderung"),
])
def test_a_word_one_edit_from_one_indonesian_word_gets_that_word(written, standard):
    assert fixes(f"Menurutnya {written} daerah terus tumbuh.", "spelling") == [(written, standard)]


@pytest.mark.parametrize("written, standard", [
    ("pembanguan", "pembangunan"), ("seprti", "seperti"), ("bantaun", "bantuan"), ("pelatikan", "pelantikan"),
])
def test_a_slip_of_the_hand_in_a_common_word_gets_the_word_text_writes_far_more_often(written, standard):
    assert fixes(f"Menurutnya {written} jalan lancar.", "spelling") == [(written, standard)]


@pytest.mark.parametrize("text, expected", [
    ("Intruksi pusat tiba kemarin.", ("Intruksi", "Instruksi")),  # a sentence's first word
    ("Pasar selesai pada Ferbruari 2027.", ("Ferbruari", "Februari")),  # a month, capitalised
    ("Warga mengikuti detik-detik Prokamasi Kemerdekaan.", ("Prokamasi", "Proklamasi")),
])
def test_a_slip_in_a_capitalised_word_is_found(text, expected):
    assert fixes(text, "spelling") == [expected]


def test_a_name_or_a_regional_word_one_slip_from_a_word_is_left_alone():
    assert fixes("Sambutan Yusuf singkat.", "spelling") == []  # a name at a sentence's start
    assert fixes("Bupati Ariffin hadir di Tumbuan.", "spelling") == []  # Arifin, Tumbuhan: names
    assert fixes("Ia tiba di Bumi Seentak Galah Serengkuh Dayung.", "spelling") == []  # inside a longer name
    assert fixes("Menurutnya dorang datang ke kenduri adat.", "spelling") == []  # orang, kendur: first or last letter


@pytest.mark.parametrize("text, expected", [
    ("Acara di Alun alun kota.", ("Alun alun", "Alun-alun")),
    ("Ramainya melebihi upacara sebelum sebelumnya.", ("sebelum sebelumnya", "sebelum-sebelumnya")),
    ("Warga menanam buah buahan.", ("buah buahan", "buah-buahan")),
    ("Besarannya berbeda-berbeda.", ("berbeda-berbeda", "berbeda-beda")),
    ("Acara dibuka dengan do’a bersama.", ("do’a", "doa")),
])
def test_reduplications_and_an_apostrophe_as_eyd_writes_them(text, expected):
    assert fixes(text, "spelling") == [expected]


def test_words_that_look_reduplicated_or_take_an_apostrophe_by_right_are_left():
    text = ("Warga makan makanan sehat; dinas-dinas dan kerja bersih-bersih. Ma'ruf membaca Al-Qur'an di Bali. "
            "Seorang orang tua hadir, meskipun hujan.")
    assert fixes(text, "spelling") == []


@pytest.mark.parametrize("text, expected", [
    ("Petugas meninjau pengecekkan tanggul.", ("pengecekkan", "pengecekan")),  # peN-...-an on cek: one k
    ("Program itu kreatip dan profesionil.", ("kreatip", "kreatif")),
    ("Warga tdk hadir krn hujan.", ("tdk", "tidak")),
    ("Kasus Covid 19 menurun.", ("Covid 19", "Covid-19")),
    ("Tak sedikitpun warga mengeluh.", ("sedikitpun", "sedikit pun")),
    ("Panitia ngumpulin data.", ("ngumpulin", "mengumpulkan")),
    ("Warga sehari hari bertani.", ("sehari hari", "sehari-hari")),
])
def test_affixes_loan_endings_chat_forms_and_names_with_a_number(text, expected):
    assert fixes(text, "spelling")[0] == expected


def test_a_title_in_lower_case_before_a_name_gets_its_capitals():
    text = ("Acara dibuka wakil gubernur Jawa Barat dan bupati Sleman. Kata bupati, warga siap; para bupati DIY "
            "hadir Senin, disambut bupati Senin pagi.")
    assert fixes(text, "spelling") == [("wakil gubernur", "Wakil Gubernur"), ("bupati", "Bupati")]


def test_acronyms_written_as_words_are_known():
    assert fixes("Posyandu melayani balita dan lansia; bansos dan sembako dibagikan.", "spelling") == []


# -- month and weekday names -------------------------------------------------------------------------

def test_a_month_or_weekday_in_lower_case_gets_its_capital():
    assert fixes("Acara digelar sabtu, 4 oktober 2025.", "spelling") == [("sabtu", "Sabtu"), ("oktober", "Oktober")]
    assert fixes("Acara digelar seminggu; unduh di https://kab.go.id/agenda-oktober.", "spelling") == []


# -- figures -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Tahap pertama menyasar 2052 KK di empat desa.", [("2052", "2.052")]),
    ("Festival diikuti 1977 orang dari desa.", [("1977", "1.977")]),
    ("Sebanyak 12500 bibit dibagikan.", [("12500", "12.500")]),
    ("Panen mencapai 10 Kg per pohon dan jaraknya 5 KM.", [("Kg", "kg"), ("KM", "km")]),
    ("Desa menerima dana 100 Juta untuk jalan.", [("Juta", "juta")]),
])
def test_figures_and_units_as_eyd_writes_them(text, expected):
    assert [(w.strip(), r.strip()) for w, r in fixes(text, "number_format")] == expected


@pytest.mark.parametrize("text", [
    "Pada 2024 warga membangun jalan; tahun 2025 berlanjut.",
    "Ramadan 1447 H dimulai bulan depan.",
    "Peraturan Daerah Nomor 1234 mengatur hal itu.",
    "Hubungi 08123456789 atau kode pos 55281.",
    "Kendaraan B 1234 ABC diparkir.",
    "BANTUAN 100 JUTA UNTUK DESA",
    "Bantuan 100 Juta Untuk Desa Terpencil",
])
def test_years_regulations_phones_codes_plates_and_headlines_keep_their_figures(text):
    assert fixes(text, "number_format") == []
