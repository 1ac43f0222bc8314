"""Round 11's kinds of slip, read by shape: a slip of the hand one edit from a common word, the
first tier (a letter left out, two swapped) before the second (a key's neighbour, a letter too
many), and a rare form of one of the commonest words; a reduplication or a compound of the data
written as one word, a prefix apart from its root, a hyphen with a space after it in a
reduplication; a region's name mistyped; a loan verb in -ir; money by EYD V's shapes; the
preposition joined to a phrase and "dari tahun ketahun"; the passive apart on a verb with -nya; a
foreign phrase misspelt in capitals and a loan capitalised between words in lower case. Each on a
short text of its own; and what the real notes write (regional words, names, derivations a
dictionary does not list) and round 11's correct releases (a range with an en dash) are left."""
from __future__ import annotations

import pytest

from press.drafting.language_checks import check_language
from press.drafting.lexicon import english_words, frequency

needs_lists = pytest.mark.skipif(not english_words() or not frequency("kabupaten"),
                                 reason="needs the Debian wamerican word list and wordfreq's lists")


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.text, f.replacement) for f in check_language(text)]


@pytest.mark.parametrize("text, expected", [
    ("Harga per barangnya lebih murah Rp1000 dari harga pasar.", ("number_format", "1000", "1.000")),
    ("Perabot dijual dengan harga Rp5-100 ribu.", ("number_format", "Rp5-100 ribu", "Rp5 ribu–Rp100 ribu")),
    ("Ruas Kalibening–Tegalsari dikerjakan senilai 6.518.055.000.",
     ("number_format", "6.518.055.000", "Rp6.518.055.000")),
    ("Biaya peserta 125 ribu ditanggung sendiri.", ("number_format", "125 ribu", "Rp125 ribu")),
    ("Juara pertama menerima Rp750.000, sedangkan juara kedua mendapatkan 500 ribu.",
     ("number_format", "500 ribu", "Rp500 ribu")),
    ("Jumlah peserta naik dari tahun ketahun.", ("di_prefix", "ketahun", "ke tahun")),
    ("Kebutuhan sehari- hari warga tercukupi.", ("spelling", "sehari- hari", "sehari-hari")),
])
def test_a_slip_of_round_eleven_s_shapes_is_found_with_its_standard_form(text, expected):
    assert expected in found(text)


@needs_lists
@pytest.mark.parametrize("text, expected", [
    ("Warga yang hadri dalam kegiatan itu mendapat bingkisan.", ("spelling", "hadri", "hadir")),
    ("Petugas berusaha memadamkam api di gudang.", ("spelling", "memadamkam", "memadamkan")),
    ("Mereka tampil dalam udangan pemerintah desa.", ("spelling", "udangan", "undangan")),
    ("Warga diminta mengubah kebisaan membuang sampah.", ("spelling", "kebisaan", "kebiasaan")),
    ("Kami senang semunya berjalan lancar.", ("spelling", "semunya", "semuanya")),
    ("Warga bekerja bersamasama membersihkan saluran.", ("spelling", "bersamasama", "bersama-sama")),
    ("Kebutuhan seharihari warga tercukupi.", ("spelling", "seharihari", "sehari-hari")),
    ("Setiap pegawai memikul tanggungjawabnya masing-masing.", ("spelling", "tanggungjawabnya", "tanggung jawabnya")),
    ("Rombongan dari Kabupaten Purwkarta tiba pagi ini.", ("spelling", "Purwkarta", "Purwakarta")),
    ("Petugas mengisolir kawasan itu selama dua hari.", ("spelling", "mengisolir", "mengisolasi")),
    ("Desa itu ber potensi menjadi desa wisata.", ("spelling", "ber potensi", "berpotensi")),
    ("Tamu dari ke presidenan tiba pagi ini.", ("spelling", "ke presidenan", "kepresidenan")),
    ("Ia menilai sebaliknya. Disisilain, warga mendukung.", ("di_prefix", "Disisilain", "Di sisi lain")),
    ("Sejak di gelarnya lomba ini, peserta bertambah.", ("di_prefix", "di gelarnya", "digelarnya")),
])
def test_a_slip_read_against_the_words_one_edit_away_is_found(text, expected):
    assert expected in found(text)


@needs_lists
@pytest.mark.parametrize("text, written", [
    ("Sebulan kemudian. Sosial Distancing tetap berlaku di pasar.", "Sosial Distancing"),
    ("Pemateri memaparkan Best Practise pemasaran daring.", "Best Practise"),
    ("Jam buka pasar, toko, dan Cafe berubah mulai Rabu.", "Cafe"),
])
def test_a_foreign_phrase_or_loan_in_capitals_is_found(text, written):
    assert ("foreign", written) in [(code, text) for code, text, _replacement in found(text)]


@needs_lists
@pytest.mark.parametrize("text", [
    "Di Minahasa ini torang basudara, kata warga nagori itu.",
    "Pihak kalurahan menyiapkan kantong parkir bagi pengunjung.",
    "Mereka tidak boleh berpuas diri, kata pengemban fungsi lalu lintas.",
    "Kader posyandu mencatat hasil penimbangan balita, lalu Gubernur menyalami warga.",
    "Ia memakai kain gandong dan jarik, sedangkan pemanen kopi bekerja di kebun.",
    "Biaya perbaikan yang ditaksir Rp4,6 miliar tercatat di formulir itu.",
    "Omzet pedagang diperkirakan Rp30–40 juta per hari.",
    "Pos terpadu di bundaran Balanga dijaga, kata AKBP Nurdin Lamanda.",
    "Anak yang disekolahkan itu tinggal di desa.",
    "Perangkat kecamata hadir, kata warga yang pergi ke pasar dan ke lapangan.",
    "Bantuan pra- dan pascabencana disalurkan.",
])
def test_what_the_real_notes_and_correct_releases_write_is_left(text):
    assert found(text) == []
