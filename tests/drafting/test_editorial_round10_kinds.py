"""Round 10's kinds of slip, read by shape: an hour in one figure, an amount with "rupiah" after
it, ke and a figure after a noun of rank or "tahun", "Ke" opening a sentence before a number word,
a passive written apart on a misspelt verb or on -kan with one k, the preposition joined to a noun
of land or stage, an English word with -kan alone, phrases of the data beyond round 9's, and a
short word with letters left out of a very common one. Each on a short text of its own; and what
round 9's correct releases drew as false alarms (a noun with -nya after "di", "kembali di tanah
air", a rare word of the dictionaries one letter from a common one) and regional words are left."""
from __future__ import annotations

import pytest

from press.drafting.language_checks import check_language
from press.drafting.lexicon import english_words, frequency

needs_lists = pytest.mark.skipif(not english_words() or not frequency("kabupaten"),
                                 reason="needs the Debian wamerican word list and wordfreq's lists")


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.text, f.replacement) for f in check_language(text)]


@pytest.mark.parametrize("text, expected", [
    ("Apel dimulai pukul 6.45 WIB di halaman.", ("time_format", "pukul 6.45", "pukul 06.45")),
    ("Setiap peserta mendapat 300.000 rupiah dari panitia.", ("number_format", "300.000 rupiah", "Rp300.000")),
    ("Desa itu memasuki tahun ke 4 program ini.", ("number_format", "ke 4", "ke-4")),
    ("Tim kami meraih peringkat ke – 3 lomba itu.", ("number_format", "ke – 3", "ke-3")),
    ("Rombongan tiba di asrama. Ke sembilan bus itu dikawal polisi.", ("di_prefix", "Ke sembilan", "Kesembilan")),
    ("Bendera dikibarkan ditanah air kita.", ("di_prefix", "ditanah", "di tanah")),
    ("Kegiatan itu masih ditahap awal.", ("di_prefix", "ditahap", "di tahap")),
    ("Rombongan berangkat ketujuan wisata.", ("di_prefix", "ketujuan", "ke tujuan")),
])
def test_a_slip_of_round_ten_s_kinds_is_found_with_its_standard_form(text, expected):
    assert expected in found(text)


@needs_lists
@pytest.mark.parametrize("text, expected", [
    ("Data itu lalu di masukan ke dalam sistem.", ("di_prefix", "di masukan", "dimasukkan")),
    ("Informasi itu di bukak untuk warga.", ("di_prefix", "di bukak", "dibuka")),
    ("Pelayanan bagi masyarat desa dibuka.", ("spelling", "masyarat", "masyarakat")),
    ("Kegiatan ini merupatan agenda tahunan.", ("spelling", "merupatan", "merupakan")),
    ("Kepala dinas diminta clearkan masalah itu.", ("foreign", "clearkan", None)),
])
def test_a_slip_read_with_the_frequency_lists_is_found(text, expected):
    assert expected in [(code, written, replacement if code != "foreign" else None)
                        for code, written, replacement in found(text)]


@needs_lists
@pytest.mark.parametrize("text", [
    "Para santri mempraktikkan ilmu itu di usahanya masing-masing.",
    "Rombongan jemaah hingga kembali di tanah air.",
    "Pawai berakhir di alun-alun, tengara kota itu, menjelang sore.",
    "Kami basudara semua, kata warga. Mereka makan papeda bersama.",
    "Kedua pejabat hadir pukul 06.45 WIB dengan uang Rp300.000.",
])
def test_what_correct_releases_and_regional_words_write_is_left(text):
    assert found(text) == []
