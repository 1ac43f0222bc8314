"""Round 14's kinds of slip (the misses of round 13's held-back list and of the earlier lists, read
by shape), each on a short text of its own, and what the same rules must leave in prose. First the
family rule for loans: an English word kept in its English spelling is a foreign word (its fix the
KBBI loan), a loan misspelt into a form of neither language stays a spelling slip."""
from __future__ import annotations

import pytest

from press.drafting.language_checks import check_language
from press.drafting.lexicon import frequency

needs_lists = pytest.mark.skipif(not frequency("kabupaten"), reason="needs wordfreq's lists")


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.text, f.replacement) for f in check_language(text)]


@needs_lists
@pytest.mark.parametrize("text, finding", [
    ("Para staff kantor camat hadir lebih awal.", ("foreign", "staff", "staf")),
    ("Laporan progress pembangunan jembatan dibahas.", ("foreign", "progress", "progres")),
    ("Tenaga professional dari rumah sakit daerah membantu.", ("foreign", "professional", "profesional")),
])
def test_an_english_word_kept_in_its_english_spelling_is_foreign(text, finding):
    assert finding in found(text)


@needs_lists
def test_a_misspelt_loan_of_neither_language_stays_a_spelling_slip():
    assert ("spelling", "manejer", "manajer") in found("Ia menjadi manejer tim sepak bola desa.")


@needs_lists
@pytest.mark.parametrize("text, finding", [
    ("Kegiatanyang dihadiri bupati berjalan tertib.", ("spelling", "Kegiatanyang", "Kegiatan yang")),
    ("Kepala Dinas Kependudukandan Pencatatan Sipil hadir.", ("spelling", "Kependudukandan", "Kependudukan dan")),
    ("Program ini menyerap tenagakerja lokal.", ("spelling", "tenagakerja", "tenaga kerja")),
    ("Salahseorang penerima bantuan ikut berbicara.", ("spelling", "Salahseorang", "Salah seorang")),
    ("Semua ini lah hasil kerja warga desa.", ("spelling", "ini lah", "inilah")),
    ("Rapat selesai pukul 14.00 WITmeninggalkan ruang sidang.", ("time_format", "WITmeninggalkan", "WIT meninggalkan")),
    ("Acara dibuka pukul 08.30 Witaini oleh camat.", ("time_format", "Witaini", "WITA ini")),
    ("Lomba berlangsung pukul 10.00--12.00.WIB di lapangan.", ("time_format", ".WIB", " WIB")),
    ("Lomba berlangsung pukul 10.00--12.00.WIB di lapangan.", ("time_format", "--", "–")),
    ("Ia sudah mengabdi 30tahun di sekolah itu.", ("number_format", "30tahun", "30 tahun")),
    ("Pada Ramadan 1439H warga berkumpul di masjid.", ("number_format", "1439H", "1439 H")),
    ("Tim desa meraih juara ke-dua lomba itu.", ("number_format", "ke-dua", "kedua")),
    ("Pengibar bendera adalah putra ke 6 seorang nelayan.", ("number_format", "ke 6", "ke-6")),
])
def test_round_thirteen_s_kinds_of_miss_are_found(text, finding):
    assert finding in found(text)


@needs_lists
@pytest.mark.parametrize("text", [
    "Siswa mengikuti karyawisata ke museum daerah.",  # KBBI writes it as one word
    "Kerja sama antarwarga dan antardesa terus dijaga.",  # a bound form first
    "Sumber: beritautama.co, Senin (3/2).",  # a site's name
    "Sidang dibuka pukul 09.00 WIB dan ditutup pukul 12.00 WIB.",
    "Ia bekerja selama 30 tahun sejak 1990 dan tiba pada 2024.",
    "Dana dikirim ke 15 kecamatan dan ke-3 desa binaan.",
])
def test_what_the_new_rules_leave(text):
    assert not [f for f in found(text) if f[0] in ("spelling", "time_format", "number_format")]
