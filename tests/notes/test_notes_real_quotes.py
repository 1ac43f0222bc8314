"""Quotes as real releases write them: a speaker named only in the sentence before, "-nya"
pointing back to the last speaker or the last person named as subject, and direct
speech (inside quote marks) told apart from indirect speech ("…, kata X" without marks,
"Menurut X, …", "X mengatakan, …"). Short notes of our own writing."""

from __future__ import annotations

import pytest

from press.notes.extract import extract


def quotes(text: str) -> list[tuple[str | None, str, str]]:
    return [(q.speaker, q.form, q.text[:20]) for q in extract(text).quotes]


def test_a_quote_standing_alone_gets_the_speaker_of_the_sentence_before():
    text = ("Bupati Bungo Mashuri membuka pasar murah di halaman kantor camat.\n"
            "\"Pasar murah ini untuk menekan harga bahan pokok menjelang lebaran.\"")
    assert quotes(text) == [("Mashuri", "direct", "Pasar murah ini untu")]


def test_nya_points_back_to_the_last_speaker_not_to_a_person_named_inside_the_quote():
    text = ("Kepala Dinas Sosial Ani Lestari meninjau gudang logistik. "
            "\"Kami berterima kasih kepada Camat Budi Santoso atas dukungannya,\" ujarnya. "
            "\"Bantuan disalurkan bertahap mulai pekan ini,\" katanya.")
    assert [q[0] for q in quotes(text)] == ["Ani Lestari", "Ani Lestari"]


def test_nya_points_back_to_the_last_person_named_as_subject():
    text = ("\"Jalan ini akan diperbaiki tahun depan,\" kata Bupati Mashuri.\n"
            "Sementara itu, Kepala Dinas Sosial Ani Lestari menyerahkan bantuan kepada Lurah Rudi Hartono.\n"
            "\"Bantuan ini kami salurkan bertahap mulai pekan ini,\" tuturnya.")
    assert [q[0] for q in quotes(text)] == ["Mashuri", "Ani Lestari"]


def test_a_pronoun_subject_keeps_the_previous_speaker():
    text = ("\"Jalan ini akan diperbaiki tahun depan,\" kata Bupati Mashuri.\n"
            "Ia juga meminta Camat Budi Santoso mengawasi pekerjaan.\n"
            "\"Pengawasan harus ketat supaya mutu terjaga,\" katanya.")
    assert [q[0] for q in quotes(text)] == ["Mashuri", "Mashuri"]


@pytest.mark.parametrize("text, speaker, start", [
    ("Program ini menyasar seribu keluarga penerima manfaat, kata Kepala Dinas Sosial Ani Lestari.",
     "Ani Lestari", "Program ini menyasar"),
    ("Menurut Camat Budi Santoso, pendataan warga selesai akhir bulan ini.", "Budi Santoso", "pendataan warga sele"),
    ("Lurah Joko Susilo mengatakan, posyandu dibuka setiap Rabu pagi untuk balita.", "Joko Susilo",
     "posyandu dibuka seti"),
])
def test_indirect_speech_is_told_apart_from_direct_quotes(text, speaker, start):
    assert quotes(text) == [(speaker, "indirect", start)]


def test_every_quote_says_its_form_and_keeps_where_the_speaker_stands():
    text = ("\"Kami siap melayani warga setiap hari kerja,\" ujar Lurah Joko Susilo. "
            "Menurut Joko Susilo, pelayanan dibuka pukul delapan pagi sampai sore.")
    found = extract(text).quotes
    assert [(q.form, q.placement) for q in found] == [("direct", "after"), ("indirect", "fronted")]
    assert [q["form"] for q in extract(text).as_dict()["quotes"]] == ["direct", "indirect"]
