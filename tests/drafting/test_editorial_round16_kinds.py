"""Round 16: the two false alarms of round 15's held-back run fixed for their kind (a word KBBI has
is never "corrected" to another word; a word inside a place's name is never touched), and the
kinds of round 15's and 14's held-back misses, each on a short text of its own."""
from __future__ import annotations

import pytest

from press.drafting.language_checks import check_language
from press.drafting.lexicon import frequency

needs_lists = pytest.mark.skipif(not frequency("kabupaten"), reason="needs wordfreq's lists")


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.text, f.replacement) for f in check_language(text)]


@needs_lists
@pytest.mark.parametrize("text", [
    "Dalam sesi tanya jawab dengan audiens, kepala dinas meminta desa memasang papan informasi.",
    "Pemerintah Desa Negara Agung, Kecamatan Sungkai Jaya, memulai pengerasan jalan.",
    "Warga Desa Sungkai Baru menanam jagung di lahan desa.",
])
def test_a_kbbi_word_and_a_word_of_a_place_name_are_left(text):
    assert found(text) == []


@needs_lists
@pytest.mark.parametrize("text, finding", [
    ("Kepala desa melakukan audiens dengan bupati di rumah dinas.",
     ("spelling", "melakukan audiens", "melakukan audiensi")),
    ("Pemerintah Kabupsten Subang menggelar rapat.", ("spelling", "Kabupsten", "Kabupaten")),
    ("Bantuan tiba di Kabupaten Purwkarta pagi ini.", ("spelling", "Purwkarta", "Purwakarta")),
])
def test_the_meeting_in_context_and_a_slip_of_a_region_word_or_name_are_still_caught(text, finding):
    assert finding in found(text)


@needs_lists
@pytest.mark.parametrize("text, finding", [
    ("Nomor WA nya dibagikan kepada warga.", ("spelling", "WA nya", "WA-nya")),
    ("Surat itu diteken Plt nya kemarin.", ("spelling", "Plt nya", "Plt-nya")),
    ("Panitia menggelar Tehnical Meeting kemarin sore.", ("foreign", "Tehnical Meeting", "rapat teknis")),
    ("Rapat Turnamen Sepakbola Antarkampung digelar di aula.", ("spelling", "Sepakbola", "Sepak Bola")),
    ("Sepakbola digemari warga desa.", ("spelling", "Sepakbola", "Sepak bola")),
    ("Peringatan HUT Ke 78 digelar meriah.", ("number_format", "Ke 78", "ke-78")),
    ("Apel dimulai Pkl. 07.30 WIB di halaman kantor.", ("time_format", "Pkl. 07.30", "pukul 07.30")),
    ("Warga mempraktekan cara mengolah sampah.", ("spelling", "mempraktekan", "mempraktikkan")),
])
def test_a_replacement_writes_the_standard_form_with_its_case_and_hyphen(text, finding):
    assert finding in found(text)


@needs_lists
def test_a_title_of_office_keeps_its_capital_in_a_replacement():
    assert ("foreign", "President", "Presiden") in found("Ia menyambut program makan bergizi President itu.")
