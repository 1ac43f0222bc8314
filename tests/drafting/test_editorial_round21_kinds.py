"""Round 21: the wrong findings of round 20's held-back run and of its freeze on the real notes, fixed for
their kind (a body's name with its first word in lower case takes the capital; a region word before a
common word or a bound form is no name; a KBBI root's affixed form is no slip; a term of address keeps its
capital; a place's name after a word of position or a people's word, and the coast of a place, are left),
and the kinds of the held-back misses of rounds 17 to 20, each on a short text of its own."""
from __future__ import annotations

import pytest

from press.drafting.language_checks import check_language
from press.drafting.lexicon import frequency

needs_lists = pytest.mark.skipif(not frequency("kabupaten"), reason="needs wordfreq's lists")


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.code, f.text, f.replacement) for f in check_language(text)]


@needs_lists
def test_a_body_named_with_its_first_word_in_lower_case_takes_the_capital():
    findings = found("Besaran bantuan mengikuti ketentuan Kementerian Keuangan dan kementerian Desa pusat.")
    assert ("spelling", "kementerian", "Kementerian") in findings
    assert not [f for f in findings if f[1] == "Desa"]
    assert found("Bupati meninjau rumah dinas Bupati yang baru selesai dipugar.") == []


@needs_lists
@pytest.mark.parametrize("text", [
    "Bhabinkamtibmas menyambangi warga desa Binaannya setiap pekan.",
    "Bupati menyebut kampung itu sebagai desa multietnis yang rukun.",
])
def test_a_region_word_before_a_common_word_is_no_name(text):
    assert not [f for f in found(text) if f[2] and f[2].startswith("Desa")]


@needs_lists
def test_an_affixed_form_of_a_kbbi_root_is_no_slip():
    assert found("Jembatan itu sudah lama diidamkan warga di seberang sungai.") == []


@needs_lists
def test_a_term_of_address_keeps_its_capital_inside_a_quote():
    assert found("“Saya minta Saudara ingat bahwa tugas dinilai dari hasilnya bagi warga,” katanya.") == []


@needs_lists
@pytest.mark.parametrize("text", [
    "Pemkab berupaya agar serapan jagung petani Kilo bisa ditingkatkan.",
    "Rombongan langsung masuk ke ruang tengah Pendopo untuk rapat tertutup.",
    "Abrasi di pantai Surantih sudah mengancam rumah warga pesisir.",
    "Warga yang tinggal di sepanjang pantai Teluk Tomini ikut simulasi.",
])
def test_a_place_after_a_common_word_keeps_its_name(text):
    assert found(text) == []


@needs_lists
@pytest.mark.parametrize("text, written, standard", [
    ("Pameran produk lokal digelar di kota Magelang selama tiga hari.", "kota", "Kota"),
    ("Ratusan pelari dari kota bekasi ikut meramaikan lomba itu.", "kota bekasi", "Kota Bekasi"),
])
def test_kota_before_a_city_takes_its_capital(text, written, standard):
    assert ("spelling", written, standard) in found(text)


@needs_lists
@pytest.mark.parametrize("text", [
    "Ibu kota Jambi dipadati warga yang berbelanja.",
    "Rombongan wali kota Medan tiba pagi tadi.",
    "Warga kota batu itu hidup dari tambang.",
])
def test_kota_of_a_capital_an_office_or_a_common_word_is_left(text):
    assert not [f for f in found(text) if f[2] and f[2].startswith("Kota")]


@needs_lists
@pytest.mark.parametrize("text, written, standard", [
    ("Kapolsek Akp Darmawan memimpin apel pagi itu.", "Akp", "AKP"),
    ("Hadir pula BRIPKA Sutrisno dari unit lalu lintas.", "BRIPKA", "Bripka"),
    ("Wakapolsek IPTU Harahap menyampaikan terima kasih.", "IPTU", "Iptu"),
])
def test_a_rank_in_the_wrong_case_takes_its_standard_form(text, written, standard):
    assert ("spelling", written, standard) in found(text)


@needs_lists
def test_a_rank_in_its_standard_case_is_left():
    assert found("Kapolres AKBP Hendra Gunawan dan Bripka Yusuf meninjau pos pengamanan.") == []


@needs_lists
def test_a_government_acronym_and_its_region_in_lower_case_take_their_capitals():
    assert ("spelling", "pemkab pemalang", "Pemkab Pemalang") in found("Bantuan dari pemkab pemalang diserahkan kemarin.")


@needs_lists
@pytest.mark.parametrize("text, written, standard", [
    ("Warga dusun liama bergotong royong membersihkan saluran.", "dusun liama", "Dusun Liama"),
    ("Posko didirikan di dusun Krajan sejak pagi.", "dusun", "Dusun"),
])
def test_dusun_before_a_name_takes_its_capital(text, written, standard):
    assert ("spelling", written, standard) in found(text)
