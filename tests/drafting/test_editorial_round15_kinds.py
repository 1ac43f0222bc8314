"""Round 15's kinds of slip (the misses of round 14's held-back list, read by shape), each on a
short text of its own, and what the same rules must leave in prose: names, titles used alone, a
road's class, the villages of a regency, lists of figures and codes."""
from __future__ import annotations

import pytest

from press.drafting.language_checks import check_language
from press.drafting.lexicon import frequency

needs_lists = pytest.mark.skipif(not frequency("kabupaten"), reason="needs wordfreq's lists")


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.text, f.replacement) for f in check_language(text)]


@needs_lists
@pytest.mark.parametrize("text, finding", [
    ("Pelatihan berlangsung 21-23 Februari di aula kantor camat.", ("number_format", "21-23", "21–23")),
    ("Capaian periode 2014-2019. Rapat lalu ditutup.", ("number_format", "2014-2019", "2014–2019")),
    ("Sebanyak 42 000 batang bibit dibagikan kepada petani.", ("number_format", "42 000", "42.000")),
    ("Petani menerima 2, 4 ton benih jagung.", ("number_format", "2, 4", "2,4")),
    ("Bantuan menjangkau tiga (3) kecamatan di wilayah selatan.", ("number_format", "tiga (3)", "tiga")),
    ("Rapat dihadiri 34 (tiga puluh empat) distrik.", ("number_format", "34 (tiga puluh empat)", "34")),
    ("Harga cabai turun menjadi R20 ribu sekilo.", ("number_format", "R20", "Rp20")),
    ("Apel dimulai pukul 07.300 WIB di halaman kantor.", ("time_format", "07.300", "07.30")),
])
def test_numbers_and_times_in_the_shapes_of_round_14s_misses(text, finding):
    assert finding in found(text)


@needs_lists
@pytest.mark.parametrize("text", [
    "Nomor rekening 123 456 789 dicantumkan di surat.",
    "Pemenang meraih skor 2, 3 dan 5 pada babak akhir.",
    "Nomor telepon 0812-3456 dapat dihubungi warga.",
    "Ayat (3) pasal itu dibacakan panitia.",
])
def test_figures_that_are_not_those_shapes_are_left(text):
    assert not [f for f in found(text) if f[0] == "number_format"]


@needs_lists
@pytest.mark.parametrize("text, finding", [
    ("Bibit ditanam di kecamatan Kalitidu pekan lalu.", ("spelling", "kecamatan", "Kecamatan")),
    ("Bibit dititipkan di kantor desa sered sebelum dibagikan.", ("spelling", "desa sered", "Desa Sered")),
    ("Kunjungan kerja dilanjutkan ke kabupaten Seram Bagian Timur.", ("spelling", "kabupaten", "Kabupaten")),
    ("Bupati kendal meninjau pasar pagi ini.", ("spelling", "kendal", "Kendal")),
    ("Tarian khas bali dipentaskan pada malam itu.", ("spelling", "bali", "Bali")),
    ("Komandan Kodim berpangkat letkol hadir.", ("spelling", "letkol", "Letkol")),
    ("Visi itu disusun bersama mas Wawali sejak awal.", ("spelling", "mas", "Mas")),
    ("Program ini berlaku secara Nasional mulai tahun depan.", ("spelling", "Nasional", "nasional")),
    ("Gudang berada di sebelah Timur balai desa.", ("spelling", "Timur", "timur")),
])
def test_letter_case_of_regions_ranks_and_common_words(text, finding):
    assert finding in found(text)


@needs_lists
@pytest.mark.parametrize("text", [
    "Perbaikan ruas jalan provinsi Bangko–Sungai Manau dimulai.",
    "Tidak ada lagi aparatur desa Nganjuk yang tersandung kasus.",
    "Pemilihan kepala desa antarwaktu digelar di lima desa.",
    "Polisi mendampingi petani di desa binaannya.",
    "Kabupaten Seram Bagian Timur menerima bantuan.",
    "Kantor itu berada di sebelah Timur Tengah Hotel.",
    "Kata bupati, warga desa setempat sudah menerima bantuan.",
    "Bantuan tiba di ibu Kota kabupaten kemarin.",
])
def test_names_titles_alone_and_common_phrases_keep_their_case(text):
    assert not [f for f in found(text) if f[0] == "spelling"]


@needs_lists
def test_a_word_nobody_writes_after_kabupaten_is_no_name():
    findings = found("Untuk menekan biaya, pemerintah kabupaten memimalkan belanja.")
    assert not [f for f in findings if f[1].startswith("kabupaten")]


@needs_lists
@pytest.mark.parametrize("text, finding", [
    ("Bantuan diberikan se – Kabupaten Kendal.", ("spelling", "se – ", "se-")),
    ("Harga beras naik seribu rupiah perkilo.", ("spelling", "perkilo", "per kilo")),
    ("Barang barangnya sudah tiba di gudang.", ("spelling", "Barang barangnya", "Barang-barangnya")),
    ("Masa pandemi covid19 sudah berlalu.", ("spelling", "covid19", "covid-19")),
])
def test_hyphens_and_spaces_of_se_per_reduplication_and_covid(text, finding):
    assert finding in found(text)


@needs_lists
def test_words_that_begin_with_per_are_left():
    assert not [f for f in found("Bantuan perorangan dan perhatian warga dipersoalkan.") if f[0] == "spelling"]
