"""Round 9's kinds of slip, read by shape: "pukul" capitalised inside a sentence or given the
hour alone, a part of the day capitalised after a clock time, a unit glued to its figure, an
amount of money without "Rp", se- with its hyphen and a space, ber- before a listed loan root, a
root split in two, the preposition joined to a reduplicated place, a noun in -an or a number
word, ke apart from a capitalised number word, di- apart after "siap", a sentence's first word with a
vowel too many, an English word under di- or ter- or in two capitals, and a phrase of the data in
its Indonesian spelling. Each on a
short text of its own; what the correct releases write (a headline's "Rp2,7 Miliar", "300 ribu
orang") is left."""
from __future__ import annotations

import pytest

from press.drafting.language_checks import check_language
from press.drafting.lexicon import english_words, frequency


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.text, f.replacement) for f in check_language(text)]


@pytest.mark.parametrize("text, expected", [
    ("Rombongan tiba sekitar Pukul 16.15 WIB.", ("time_format", "Pukul", "pukul")),
    ("Upacara dimulai tepat pukul 10, diawali sirene.", ("time_format", "pukul 10", "pukul 10.00")),
    ("Apel dimulai pukul 07.30 Pagi di halaman kantor.", ("time_format", " Pagi", "")),
    ("Tinggi genangan mencapai 40cm di jalan itu.", ("number_format", "cm", " cm")),
    ("Warga menerima uang 100 juta dari desa.", ("number_format", "100 juta", "Rp100 juta")),
    ("Lomba pidato Se- Indonesia digelar.", ("spelling", "Se- Indonesia", "Se-Indonesia")),
    ("Kegiatan itu beresiko tinggi.", ("spelling", "beresiko", "berisiko")),
    ("Pekerjaan dilanjutkan apa bila cuaca cerah.", ("spelling", "apa bila", "apabila")),
    ("Rombongan berangkat saat mata hari terbit.", ("spelling", "mata hari", "matahari")),
    ("Spanduk dipasang ditempat-tempat umum.", ("di_prefix", "ditempat-tempat", "di tempat-tempat")),
    ("Pohon ditanam dikiri-kanannya.", ("di_prefix", "dikiri-kanannya", "di kiri-kanannya")),
    ("Gizi dikandungan ibu dipantau bidan.", ("di_prefix", "dikandungan", "di kandungan")),
    ("Bantuan disalurkan didua desa.", ("di_prefix", "didua", "di dua")),
    ("Puji syukur kehadirat Allah.", ("di_prefix", "kehadirat", "ke hadirat")),
    ("Lomba itu digelar untuk ke Dua kalinya.", ("di_prefix", "ke Dua", "kedua")),
    ("Pemerintah yang baik siap di kritik warganya.", ("di_prefix", "di kritik", "dikritik")),
    ("Adapaun acara ditutup dengan doa.", ("spelling", "Adapaun", "Adapun")),
])
def test_a_slip_of_round_nine_s_kinds_is_found_with_its_standard_form(text, expected):
    assert expected in found(text)


@pytest.mark.skipif(not english_words() or not frequency("kabupaten"),
                    reason="needs the Debian wamerican word list and wordfreq's lists")
@pytest.mark.parametrize("text, word", [("Beras itu dipacking ulang.", "dipacking"),
                                        ("Semua warga sudah tercover asuransi.", "tercover"),
                                        ("Acara GroundBreaking digelar pagi ini.", "GroundBreaking"),
                                        ("Pariwisata kini menjadi leding sektor daerah.", "leding sektor")])
def test_an_english_word_under_di_or_ter_is_found(text, word):
    assert [(code, written) for code, written, _ in found(text)] == [("foreign", word)]


@pytest.mark.parametrize("text", [
    "Panen Raya di Padang Subur, Petani Terima Bantuan Rp2,7 Miliar",
    "Jumlah wisatawan tahun ini mencapai 300 ribu orang.",
    "Warga se-Indonesia hadir. Kegiatan berubah jadwal. Tinggi pohon 40 cm.",
    "Rapat dimulai pukul 09.00 WIB dan selesai pukul 12.00 WIB.",
    "Ia datang apa lagi yang dibawa? Sertijab digelar di kantor.",
    "Kwandang menjadi tuan rumah. Berita itu dimuat SmartNews dan InfoPublik.",
])
def test_what_correct_releases_write_is_left(text):
    assert found(text) == []
