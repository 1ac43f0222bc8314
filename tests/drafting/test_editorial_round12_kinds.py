"""Round 12's kinds of slip, read by shape, each on a short text of its own, and what the same
rules must leave: first the four wrong findings round 11's held-back run drew on its correct
releases (ber- losing its r before a root in r, an acronym written more often than the word one
edit away, a root that ends like a suffix after a passive), and a range of two clock times
joined by "sampai" or "hingga", which EYD V allows (the en dash may stand for "sampai dengan";
the word is not forbidden): only the zone written twice is a slip."""
from __future__ import annotations

import pytest

from press.drafting.language_checks import check_language
from press.drafting.lexicon import frequency

needs_lists = pytest.mark.skipif(not frequency("kabupaten"), reason="needs wordfreq's lists")


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.text, f.replacement) for f in check_language(text)]


@pytest.mark.parametrize("text", [
    "Warga beramai-ramai datang ke balai desa.",  # ber- + ramai: the r of ber- falls before r
    "Pasukan bertempur terus-menerus dan berlari-lari kecil.",
    "Anggota polres dan polsek hadir di lokasi.",  # an acronym text writes more than "poles"
    "Pendaftaran dibuka mulai pukul 08.00 WIB.",  # "mulai" is a root, not mula + -i
    "Layanan dibuka mulai Senin depan.",
    "Layanan buka mulai pukul 08.00 sampai pukul 11.00 WITA.",  # the word between two times is standard
    "Pasar buka pukul 08.00 sampai 14.00 WITA setiap hari.",
    "Rapat berlangsung pukul 09.00 sampai dengan 11.00.",
    "Bazar dibuka pukul 17.00 hingga pukul 22.00 WIB.",
    "Naskah yang lebih rinci disusun bersama.",  # written more often than "inci" one edit away
])
def test_what_round_eleven_s_correct_releases_write_is_left(text):
    assert found(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Piagam itu dinomor satukan oleh panitia.", ("di_prefix", "dinomor satukan", "dinomorsatukan")),
    ("Kerja pukul 06.00 WIT sampai pukul 14.00 WIT.",
     ("time_format", "06.00 WIT sampai pukul 14.00 WIT", "06.00 sampai pukul 14.00 WIT")),
    ("Loket dibuka pukul 08.00 s/d 12.00 WIB.", ("time_format", " s/d ", " s.d. ")),
])
def test_the_slips_beside_them_are_still_found(text, expected):
    assert expected in found(text)


@needs_lists
def test_a_common_slip_of_a_word_is_still_found_beside_an_acronym():
    assert ("spelling", "kegaitan", "kegiatan") in found("Anggota polres ikut kegaitan itu.")
