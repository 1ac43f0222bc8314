"""Round 18: the wrong findings of round 17's held-back run fixed for their kind (a region's local
name is never "corrected"; a product's name is no foreign word; a slip with two readings close
together gets no replacement), and the kinds of the held-back misses of rounds 15 to 17, each on a
short text of its own."""
from __future__ import annotations

import pytest

from press.drafting.language_checks import check_language
from press.drafting.lexicon import frequency

needs_lists = pytest.mark.skipif(not frequency("kabupaten"), reason="needs wordfreq's lists")


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.text, f.replacement) for f in check_language(text)]


@needs_lists
@pytest.mark.parametrize("text", [
    "Musyawarah itu dihadiri anggota badan permusyawaratan kute dan warga.",
    "Aplikasi itu berbasis Android dan dapat diunduh tanpa biaya.",
])
def test_a_region_word_and_a_product_name_are_left(text):
    assert found(text) == []


@needs_lists
@pytest.mark.parametrize("text, slip", [
    ("Surat itu dibuat atas anama kepala keluarga.", "anama"),
    ("Petugas akan antau terus kondisi sungai.", "antau"),
    ("Warga suaah menerima bantuan itu.", "suaah"),
    ("Laporan pelaksanaa kegiatan diserahkan kemarin.", "pelaksanaa"),
])
def test_a_slip_with_two_close_readings_is_flagged_with_no_replacement(text, slip):
    findings = [f for f in found(text) if f[1] == slip]
    assert findings == [("spelling", slip, None)]


@needs_lists
def test_a_doubled_letter_struck_once_before_a_fix_two_edits_away():
    assert ("spelling", "memassifkan", "memasifkan") in found("Tim terus memassifkan vaksinasi di desa.")


@needs_lists
@pytest.mark.parametrize("text, written, standard", [
    ("Bantuan itu datang dari pemerintah Kabupaten Sigi pekan lalu.", "pemerintah Kabupaten", "Pemerintah Kabupaten"),
    ("Pegawai di lingkup pemerintah kota Bitung mengikuti apel.", "pemerintah kota", "Pemerintah Kota"),
    ("Program itu dibiayai pemerintah daerah Nabire tahun ini.", "pemerintah daerah", "Pemerintah Daerah"),
])
def test_the_name_of_a_body_of_government_takes_its_capitals(text, written, standard):
    assert ("spelling", written, standard) in found(text)


@needs_lists
def test_a_government_in_general_keeps_its_lower_case():
    assert found("Anggaran pemerintah kabupaten dan kota naik tahun ini.") == []


@needs_lists
@pytest.mark.parametrize("text, written, standard", [
    ("Rapat itu dibuka ketua DPRD Sigi di ruang sidang.", "ketua", "Ketua"),
    ("Hadir pula wakil ketua DPRD Kota Bitung bersama tamu.", "wakil ketua", "Wakil Ketua"),
    ("Sambutan dibacakan kepala Dinas Pertanian di aula.", "kepala", "Kepala"),
])
def test_a_title_before_its_body_s_name_takes_its_capital(text, written, standard):
    assert ("spelling", written, standard) in found(text)


@needs_lists
def test_a_title_of_a_plural_group_keeps_its_lower_case():
    assert found("Rapat itu diikuti para kepala OPD dan camat.") == []


@needs_lists
@pytest.mark.parametrize("text, written, standard", [
    ("Peserta datang dari seluruh indonesia untuk lomba itu.", "indonesia", "Indonesia"),
    ("Arus mudik lebaran tahun ini lancar.", "lebaran", "Lebaran"),
])
def test_the_country_s_and_a_feast_s_name_take_their_capital(text, written, standard):
    assert ("spelling", written, standard) in found(text)


@needs_lists
def test_an_address_with_the_country_s_name_is_left():
    assert found("Informasi lengkap ada di laman indonesia.go.id setiap hari.") == []


@needs_lists
def test_a_title_of_a_plural_group_at_a_sentence_s_start_keeps_its_lower_case():
    assert found("Para kepala OPD Pemkot hadir di aula.") == []
