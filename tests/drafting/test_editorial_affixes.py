"""The rules of checks round 4, each on short texts of its own: slips in the affixes
(``affix_rules``), bound forms and compounds written apart, reduplications written apart,
the prefix di- apart from a verb root, foreign words in disguise, a typo's tie broken by
frequency, and the times and figures no clock or count writes. Names and correct forms are
never touched."""
from __future__ import annotations

import pytest

from press.drafting.checks import check_release


def fixes(text: str, code: str, **options) -> list[tuple[str, str | None]]:
    found = [f for f in check_release(text, **options) if f.code == code]
    for finding in found:
        assert "%(" not in str(finding.as_dict())
    return [(f.text, f.replacement) for f in found]


# -- affixes ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, standard", [
    ("memjabat", "menjabat"), ("mejadi", "menjadi"), ("menbangun", "membangun"), ("mempakai", "memakai"),  # meN- in the wrong form
    ("menunjukan", "menunjukkan"), ("dimasukan", "dimasukkan"),  # -kan after a root in k
    ("ngurus", "mengurus"), ("nyapu", "menyapu"), ("ngecek", "mengecek"),  # the spoken prefix
    ("resikonya", "risikonya"), ("diijinkan", "diizinkan"), ("dipraktekkan", "dipraktikkan"),  # a listed root
    ("mengakomodir", "mengakomodasi"), ("dikoordinir", "dikoordinasi"),  # the loan suffix -ir
    ("konektifitas", "konektivitas"), ("teknique", "teknik"),
])
def test_a_slip_in_the_affixes_gets_the_kbbi_form(written, standard):
    assert fixes(f"Ia {written} data itu kemarin.", "spelling") == [(written, standard)]


@pytest.mark.parametrize("word", ["menjabat", "menunjukkan", "dilakukan", "ditemukan", "petani", "memproduksi",
                                  "perubahan", "ditandatangani", "mempelajari", "menyapu"])
def test_correct_affixed_words_draw_nothing(word):
    assert fixes(f"Ia {word} data itu kemarin.", "spelling") == []


# -- words written apart ---------------------------------------------------------------------------

def test_a_bound_form_written_apart_is_joined_unless_it_is_in_a_name():
    text = "Dana alokasi khusus Non Fisik cair. Kerja sama antar Dinas berjalan. Badan Kerja Sama Antar Gereja hadir."
    assert fixes(text, "spelling") == [("Non Fisik", "Nonfisik"), ("antar Dinas", "antardinas")]
    assert fixes("Tuna dan cakalang naik.", "spelling") == []


def test_a_reduplication_written_apart_or_with_a_spaced_dash_takes_the_hyphen():
    text = "Petugas di masing – masing pos melayani tari tari adat; yang yang datang dicatat."
    assert fixes(text, "spelling") == [("masing – masing", "masing-masing"), ("tari tari", "tari-tari")]


def test_di_apart_from_a_verb_root_is_joined_and_a_split_compound_under_di_kan_too():
    text = "Jalan itu di bangun tahun lalu. Festival di gelar di lapangan. Penataan pasar dinomor satukan."
    assert fixes(text, "di_prefix") == [("di bangun", "dibangun"), ("di gelar", "digelar"),
                                        ("dinomor satukan", "dinomorsatukan")]
    assert fixes("Hasilnya dilihat petani. Warga berkumpul di hulu dan di titik kumpul.", "di_prefix") == []


def test_the_preposition_joined_to_a_place_or_time_word_is_split():
    text = "Ia diperiksa dikediamannya agar tidak rugi dikemudian hari."
    assert fixes(text, "di_prefix") == [("dikediamannya", "di kediamannya"), ("dikemudian", "di kemudian")]


# -- foreign words in disguise ---------------------------------------------------------------------

def test_a_foreign_word_with_a_prefix_joined_or_one_letter_off_gets_its_equivalent_as_a_hint():
    found = [f for f in check_release("Informasi terupdate tersedia di blankspot lewat chanel radio untuk traning.")
             if f.code == "foreign"]
    assert [(f.text, f.hint_params.get("standard")) for f in found] == [
        ("terupdate", "pembaruan"), ("blankspot", "daerah tanpa sinyal"), ("chanel", "kanal"),
        ("traning", "pelatihan")]
    assert all(f.replacement is None for f in found)


# -- typos -----------------------------------------------------------------------------------------

def test_a_typo_between_two_words_takes_the_far_commoner_one_and_never_a_word_nobody_writes():
    assert fixes("Warga dan komonitas nelayan hadir.", "spelling") == [("komonitas", "komunitas")]
    assert fixes("Analisis daata kunjungan.", "spelling") == [("daata", "data")]
    # one letter from "setia" but an acronym; one from "kacamata" but also from "kecamatan"
    assert fixes("Asisten setda dan perangkat kecamata hadir.", "spelling") == []
    assert fixes("Kami siapkan servernya dan genset sendiri.", "spelling") == []


# -- times and figures -----------------------------------------------------------------------------

def test_times_with_a_spaced_dash_a_redundant_part_of_day_or_minutes_past():
    text = "Toko buka pukul 10.00 – 21.00 WIB. Apel pukul 09.00 WIB pagi. Tiba pukul 10 lewat 17 menit."
    assert fixes(text, "time_format") == [(" – ", "–"), (" pagi", ""), ("pukul 10 lewat 17 menit", "pukul 10.17")]
    assert fixes("Toko buka pukul 10.00–21.00 WIB. Apel pukul 09.00 WIB, pagi hari ini.", "time_format") == []


def test_a_decimal_no_clock_reads_a_spaced_decimal_a_glued_metre_and_a_leading_zero_day():
    text = "Indeksnya 33.82 dan naik 7, 26% sejak 01 Desember. Jalan selebar 3M dibangun."
    assert fixes(text, "number_format") == [("33.82", "33,82"), ("7, 26", "7,26"), ("01 Desember", "1 Desember"),
                                            ("3M", "3 m")]
    assert fixes("Industri 4.0 dimulai pukul 10.30. Bantuan Rp3M cair.", "number_format") == []


def test_nya_apart_or_without_the_final_n_and_di_apart_from_an_affixed_verb():
    text = "Kemampuan keuangan nya cukup dan tujuanya jelas. Rencana di setujui dan warga di berdayakan."
    assert fixes(text, "spelling") == [("keuangan nya", "keuangannya"), ("tujuanya", "tujuannya")]
    assert fixes(text, "di_prefix") == [("di setujui", "disetujui"), ("di berdayakan", "diberdayakan")]
    assert fixes("Lainnya hadir di bulannya.", "spelling") == []


def test_a_capitalised_reduplication_with_a_spaced_dash_and_the_spoken_in():
    assert fixes("Pembinaan Desa – Desa Wisata oleh LSM – LSM lain.", "spelling") == [
        ("Desa – Desa", "Desa-Desa"), ("LSM – LSM", "LSM-LSM")]
    assert fixes("Fotonya dimasukin ke media sosial.", "spelling") == [("dimasukin", "dimasukkan")]
