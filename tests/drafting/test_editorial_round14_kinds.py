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
