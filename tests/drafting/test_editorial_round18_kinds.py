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
