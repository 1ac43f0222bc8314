"""The kinds of slip the rules read by shape, not by listed form: se- before a capital, a
reduplication with a spaced dash or a slip in one half, a slip in a word of an official name,
di- before a capitalised verb or joined to a common noun, a bound form before an abbreviation, a
preposition glued to a word, English words capitalised, joined or misspelt in a phrase, a long
word two slips from a common one. Each on a short text of its own; names are never touched."""
from __future__ import annotations

import pytest

from press.drafting.checks import check_release
from press.drafting.language_checks import check_language
from press.drafting.lexicon import english_words, frequency


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.text, f.replacement) for f in check_language(text)]


@pytest.mark.parametrize("text, expected", [
    ("Lomba antarsekolah se Kabupaten Sleman digelar.", ("spelling", "se Kabupaten", "se-Kabupaten")),
    ("Warga seKelurahan Maju hadir.", ("spelling", "seKelurahan", "se-Kelurahan")),
    ("Kepala sekolah sekota Bandung berkumpul.", ("spelling", "sekota", "se-Kota")),
    ("Kantor - kantor dinas tutup.", ("spelling", "Kantor - kantor", "Kantor-kantor")),
    ("Tim itu dipuji puji penonton.", ("spelling", "dipuji puji", "dipuji-puji")),
    ("Kami membagikan sebanyk-banyaknya bibit.", ("spelling", "sebanyk-banyaknya", "sebanyak-banyaknya")),
    ("Layanan buka hari minggu pukul 08.00 WIB.", ("spelling", "minggu", "Minggu")),
    ("Lomba antar OPD digelar.", ("spelling", "antar OPD", "antar-OPD")),
    ("Bantuan diserahkan kepadawarga terdampak.", ("spelling", "kepadawarga", "kepada warga")),
    ("Saluran di Bersihkan warga.", ("di_prefix", "di Bersihkan", "dibersihkan")),
    ("Kartu di tunjukan kepada petugas.", ("di_prefix", "di tunjukan", "ditunjukkan")),
])
def test_a_slip_of_shape_is_found_with_its_standard_form(text, expected):
    assert found(text) == [expected]


@pytest.mark.skipif(not frequency("kabupaten"), reason="needs wordfreq's Indonesian list (requirements.txt)")
@pytest.mark.parametrize("text, expected", [
    ("Rombongan Pemerintah Kabupatn Sleman tiba.", ("spelling", "Kabupatn", "Kabupaten")),
    ("Sambutan Gubernr Jawa Tengah dibacakan.", ("spelling", "Gubernr", "Gubernur")),
    ("Para Kepal Dusun hadir.", ("spelling", "Kepal", "Kepala")),
    ("Warga memeriahkan dengan Festifal budaya.", ("spelling", "Festifal", "festival")),
    ("Masyarkat menyambut baik program itu.", ("spelling", "Masyarkat", "Masyarakat")),
    ("Program itu dikenal dimasyarakat luas.", ("di_prefix", "dimasyarakat", "di masyarakat")),
])
def test_a_slip_read_against_the_frequency_list_is_found(text, expected):
    assert found(text) == [expected]


@pytest.mark.skipif(not english_words(), reason="needs the Debian wamerican word list (tools/system-packages)")
@pytest.mark.parametrize("text, expected", [
    ("Panitia menyiapkan Stage utama.", ("foreign", "Stage", None)),
    ("Peserta wajib memakai facemask selama acara.", ("foreign", "facemask", None)),
    ("Ada tolk show di aula.", ("foreign", "tolk show", None)),
])
def test_an_english_word_capitalised_joined_or_misspelt_in_a_phrase_is_found(text, expected):
    assert found(text) == [expected]


def test_names_and_words_of_official_names_are_left():
    text = ("Upacara Galungan di Bali dihadiri Dana Desa dan Pemerintahan Desa, kata Harry Wibowo. Ia datang "
            "ke Command Center bersama warga Seram dan Lease. Warna-warni lampu dan bangunan dipanas-panasi matahari.")
    assert found(text) == []
    assert [f for f in check_release(text, people=["Harry Wibowo"]) if f.code in ("spelling", "foreign")] == []
