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


@pytest.mark.parametrize("text, expected", [
    ("Sejak pukul lima sore warga antre.", ("time_format", "pukul lima sore", "pukul 17.00")),
    ("Pemerintah membagikan bantuan langsung tunai sebesar 1.200.000 untuk dua bulan.",
     ("number_format", "1.200.000", "Rp1.200.000")),
    ("Total anggaran program ini sebesar 400 juta dari dana tak terduga.", ("number_format", "400 juta", "Rp400 juta")),
    ("Serah terima digelar pukul 19.00 WIB, di lanjut rapat paripurna.", ("di_prefix", "di lanjut", "dilanjutkan")),
    ("Formulir tersedia didinas kecamatan.", ("di_prefix", "didinas", "di dinas")),
    ("Hasil dilaporkan kepihak panitia.", ("di_prefix", "kepihak", "ke pihak")),
    ("Dua klub bermarkas diWay Kanan, Lampung.", ("di_prefix", "diWay", "di Way")),
    ("Korban ke lima dirujuk ke rumah sakit.", ("di_prefix", "ke lima", "kelima")),
    ("Warga beramai ramai menolong korban.", ("spelling", "beramai ramai", "beramai-ramai")),
    ("Sebelas layanan dijadwalkan terrealisasi.", ("spelling", "terrealisasi", "terealisasi")),
    ("Pemuda itu menusukan pisau.", ("spelling", "menusukan", "menusukkan")),
    ("Bantuan bagi keluarga yangterdampak banjir.", ("spelling", "yangterdampak", "yang terdampak")),
    ("Bantuan itu dapatdimanfaatkan warga.", ("spelling", "dapatdimanfaatkan", "dapat dimanfaatkan")),
    ("Lahan seluas 52.230 hektar ditanami padi.", ("spelling", "hektar", "hektare")),
    ("Selama pandemik layanan ditutup.", ("spelling", "pandemik", "pandemi")),
    ("Prestasi itu menjadi kebanggan warga.", ("spelling", "kebanggan", "kebanggaan")),
    ("Terima kasih atas kesediannya hadir.", ("spelling", "kesediannya", "kesediaannya")),
    ("Bantuan disalurkan menjelang natal dan tahun baru.", ("spelling", "natal", "Natal")),
    ("Warga bersiap menyambut hari raya idulfitri.", ("spelling", "idulfitri", "Idulfitri")),
])
@needs_lists
def test_a_slip_of_round_twelve_s_kinds_is_found_with_its_standard_form(text, expected):
    assert expected in found(text)


@pytest.mark.parametrize("text", [
    "“Warga sudah antre dari jam tujuh pagi,” katanya.",  # spoken, inside a quote
    "Penduduk kecamatan itu sebesar 1.200.000 jiwa.",  # no money in the sentence, a counted noun
    "Bantuan dibawa ke lima desa.",  # a count before a noun
    "Sesuai keputusan bupati, ketahanan pangan dijaga.",  # ke-...-an nouns
    "Ia dilantik kemarin dan berjalan lagi.",
    "Air perasan jeruk dijual di pasar.",  # peras takes peN-/per-...-an itself
    "Kampung natal sang tokoh ramai dikunjungi.",  # natal: birth, not the feast
])
def test_what_the_same_rules_leave(text):
    assert found(text) == []


def test_the_preposition_before_a_root_nobody_writes_joined_to_di_is_left():
    assert not [f for f in found("Rapat teknis digelar di main hall balai kota.") if f[0] == "di_prefix"]
