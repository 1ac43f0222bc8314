"""Extraction on the ways of writing the rules still missed after round 13's held-back
notes joined the tuning material (round 14): an outlet's dateline or a byline glued in camel
case; the capitals of a unit's short form ending the title before a name (KPLP, DPR RI) and
the unit short forms the data now knows (Adpim); the deputy minister of villages; the two
holders of joint posts written with a comma or a dash; and quote tags naming the speaker by a
middle name cut short ("kata Ferdi") or by a title word and one word of the name ("Raja
Ollong", "Wamen Yikwa"). One test per kind; each note is short and of our own writing."""

from __future__ import annotations

from press.notes.extract import extract
from tests.notes.test_notes_real_writing import designation, people


def speakers(text: str) -> list[str | None]:
    return [q["speaker"] for q in extract(text).as_dict()["quotes"] if q["form"] == "direct"]


def test_an_outlets_dateline_glued_in_camel_case_is_nobody():
    text = ("KabarTimurNews, Merauke – Wakil Bupati Merauke Paulus Ndiken, membuka pasar murah di Kuprik. "
            "“Harga cabai harus turun,” kata Paulus.\n\nPenulis: JoniEditor: Riandi")
    found = people(text)
    assert set(found) == {"Paulus Ndiken"}
    assert designation(found["Paulus Ndiken"]) == "Wakil Bupati Merauke"


def test_a_units_capitals_before_a_name_are_no_words_of_the_name():
    found = people("Rapat juga dihadiri PLTU Samsul Bahri Lubis, Kepala Cabang Medan, dan warga. Yikwa didampingi "
                   "anggota Komisi V DPR RI Yohana Rumere serta staf.")
    assert set(found) == {"Samsul Bahri Lubis", "Yohana Rumere"}
    assert designation(found["Yohana Rumere"]) == "anggota Komisi V DPR RI"


def test_a_provincial_units_short_form_before_a_name_stays_in_the_title():
    text = "Gladi resik dipandu oleh Karo Adpim Joni Saputra. “Semua sudah siap,” kata Joni Saputra."
    found = people(text)
    assert set(found) == {"Joni Saputra"}
    assert designation(found["Joni Saputra"]) == "Karo Adpim"
    assert speakers(text) == ["Joni Saputra"]


def test_the_deputy_minister_of_villages_with_his_short_form_is_a_title():
    found = people("Wakil Menteri Desa dan Pembangunan Daerah Tertinggal (Wamendes PDT) Yusak Wenda, meninjau "
                   "kampung di Paniai.")
    assert set(found) == {"Yusak Wenda"}
    assert found["Yusak Wenda"].title.startswith("Wakil Menteri Desa dan Pembangunan Daerah Tertinggal")


def test_joint_holders_after_a_comma_and_joined_by_dan_take_their_posts_in_order():
    found = people("Bupati dan Wakil Bupati Way Kanan, Rina Marlina, dan Ahmad Fauzi, membuka pasar murah.")
    assert designation(found["Rina Marlina"]) == "Bupati Way Kanan"
    assert designation(found["Ahmad Fauzi"]) == "Wakil Bupati Way Kanan"


def test_joint_holders_joined_by_a_dash_take_their_posts_in_order():
    found = people("Hadir Bupati dan Wakil Bupati Paniai, Yunus Gobai – Daniel Tebai, serta Bupati dan Wakil "
                   "Bupati Deiyai Lukas Pekei – Simon Mote.")
    assert designation(found["Yunus Gobai"]) == "Bupati Paniai"
    assert designation(found["Daniel Tebai"]) == "Wakil Bupati Paniai"
    assert designation(found["Lukas Pekei"]) == "Bupati Deiyai"
    assert designation(found["Simon Mote"]) == "Wakil Bupati Deiyai"


def test_a_middle_name_cut_short_in_a_quote_tag_names_the_one_named_before():
    text = ("Gubernur Jambi, Hendra Maulana Saputra, menyapa warga. “Kita mulai dari desa,” kata Maulan.\n\n"
            "Sebagai gubernur, lanjut Maulan, dia ingin semua desa terjangkau. “Jangan ada yang tertinggal,” ujar Maulan.")
    assert set(people(text)) == {"Hendra Maulana Saputra"}
    assert speakers(text) == ["Hendra Maulana Saputra", "Hendra Maulana Saputra"]


def test_a_title_word_and_one_word_of_the_name_name_the_holder():
    text = ("Raja Negeri Asilulu Yusuf Latuconsina dilantik hari ini. “Beta siap melayani,” kata Raja Latuconsina. "
            "Raja Negeri Ureng, Bapak Marten Siwalette, hadir. “Katong dukung penuh program ini,” tutur Raja Marten.")
    assert set(people(text)) == {"Yusuf Latuconsina", "Marten Siwalette"}
    assert speakers(text) == ["Yusuf Latuconsina", "Marten Siwalette"]
