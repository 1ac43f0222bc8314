"""Round 19: the wrong findings of round 18's held-back run fixed for their kind (a replacement is never
itself a form the spelling data lists as non-standard; a place's name typed in lower case after its
region word is no typo; a word nobody writes after "di" is not joined to it; "s/d" between two figures
becomes the en dash), and the kinds of the held-back misses of rounds 16 to 18, each on a short text of
its own."""
from __future__ import annotations

import pytest

from press.drafting.language_checks import check_language
from press.drafting.lexicon import frequency
from press.drafting.rule_data import rule_data

needs_lists = pytest.mark.skipif(not frequency("kabupaten"), reason="needs wordfreq's lists")


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.text, f.replacement) for f in check_language(text)]


@needs_lists
def test_a_replacement_is_never_a_form_the_spelling_data_lists_as_a_slip():
    text = "Bantuan itu diberikan kepada siapa apapaun alasannya."
    assert found(text) == [("spelling", "apapaun", "apa pun")]
    listed = rule_data().spelling
    assert not any(f.replacement in listed for f in check_language(text))


@needs_lists
def test_a_village_name_typed_in_lower_case_is_capitalised_not_corrected():
    findings = found("Kerja bakti digelar di Desa lenggah sari pada Jumat pagi.")
    assert ("spelling", "lenggah", "Lenggah") in findings
    assert not any(text in ("Desa", "lenggah") and replacement in ("desa", "lengah")
                   for _code, text, replacement in findings)


@needs_lists
@pytest.mark.parametrize("text, word", [
    ("Personel disiagakan di markan jalan raya.", "markan"),
    ("Jembatan itu dibangun membali oleh warga.", "membali"),
])
def test_a_word_nobody_writes_after_di_is_not_joined(text, word):
    assert not any(code == "di_prefix" and word in written for code, written, _ in found(text))


@needs_lists
def test_a_misspelt_passive_apart_is_still_joined():
    assert ("di_prefix", "di bukak", "dibuka") in found("Gerbang itu di bukak setiap pagi.")


def test_s_slash_d_between_two_figures_becomes_the_en_dash():
    assert ("time_format", " s/d ", "–") in found("Lomba digelar 9 s/d 14 Maret di alun-alun.")
    assert ("time_format", "s/d", "s.d.") in found("Pendaftaran dibuka pukul 08.00 WIB s/d selesai.")


def test_the_message_of_an_en_dash_fix_speaks_of_the_dash_not_of_s_d():
    """The editor reads the message beside the replacement: an en dash offered under a message
    saying "s.d." reads as a mistake of the checker."""
    by_text = {finding.text: finding for finding in check_language("Lomba digelar 9 s/d 14 Maret. Dibuka pukul 08.00 WIB s/d selesai.")
               if finding.code == "time_format"}
    assert "tanda pisah" in by_text[" s/d "].message and "s.d." not in by_text[" s/d "].message
    assert "s.d." in by_text["s/d"].message
