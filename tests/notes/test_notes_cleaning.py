"""Cleaning: mojibake repaired without touching correct Indonesian, spaces, quotes,
boilerplate lines, paragraphs kept, changes counted."""

from pathlib import Path

import pytest

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252, how mojibake is made)

from press.notes.cleaning import clean
from press.notes.extract import extract
from press.notes.reading import read_note_file

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = Path(__file__).resolve().parent / "corpus"


def test_example_release_comes_out_without_stray_a_circumflex():
    raw = (SHARED / "example-release.txt").read_text(encoding="utf-8")
    cleaned = clean(raw)
    assert "Â" in raw
    assert "Â" not in cleaned.text
    assert cleaned.changes["mojibake_lines"] == 6
    assert len(cleaned.text.strip().splitlines()) == len(raw.strip().splitlines())


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_correct_indonesian_note_is_not_touched_by_mojibake_repair(path):
    text = read_note_file(path).text
    assert "mojibake_lines" not in clean(text).changes


@pytest.mark.parametrize("text", [
    "Jum’at (1/12/23) – “Kami siap,” kata Bupati. Kafé Ñoño, 5 × 3 °C, Rp1,2 miliar, ½ hari.",
    "Ibu Hj. Anne Ratna Mustika, S.E. — « citations » ‘tunggal’ dan … elipsis.",
    "Kecamatan Medan Satria, Rabu (05/06/2024) pukul 09.00 WIB: 1.200 warga; biaya Rp4,2 miliar (APBD).",
])
def test_correct_text_with_accents_and_typography_survives_cleaning(text):
    assert clean(text).text.strip() == text.strip()


def test_double_encoded_utf8_is_repaired():
    broken = "“Kami siap,” kata Wali Kota – Jum’at".encode("utf-8").decode("sloppy-windows-1252")
    cleaned = clean(broken)
    assert cleaned.text.strip() == "“Kami siap,” kata Wali Kota – Jum’at"
    assert cleaned.changes["mojibake_lines"] == 1


def test_non_breaking_and_zero_width_spaces_are_normalised_and_counted():
    cleaned = clean("Wali\u00a0Kota\u202fBekasi\u200b hadir\ufeff.")
    assert cleaned.text == "Wali Kota Bekasi hadir.\n"
    assert cleaned.changes["non_breaking_spaces"] == 2
    assert cleaned.changes["zero_width_characters"] == 2


def test_straight_quotes_become_curly_when_curly_quotes_are_the_majority():
    cleaned = clean("“Satu,” kata A. “Dua,” kata B. \"Tiga,\" kata C.")
    assert cleaned.text.strip() == "“Satu,” kata A. “Dua,” kata B. “Tiga,” kata C."
    assert cleaned.changes["double_quotes"] == 2


def test_curly_quotes_become_straight_when_straight_quotes_are_the_majority():
    cleaned = clean("\"Satu,\" kata A. \"Dua,\" kata B. “Tiga,” kata C.")
    assert cleaned.text.strip() == "\"Satu,\" kata A. \"Dua,\" kata B. \"Tiga,\" kata C."


def test_web_boilerplate_lines_are_removed_and_counted():
    text = "\n".join([
        "Wali Kota meresmikan Puskesmas.",
        "Baca Juga: Wali Kota Tinjau Banjir",
        "(Baca Juga : Bupati Buka Lomba Tari Zapin)",
        "baca juga Bupati Lantik Pejabat",
        "Pelayanan dimulai Senin.",
        "Editor: Rizal",
        "Sumber: Humas Pemkot",
        "Simak berita lainnya di Google News",
        "Ikuti kami di Instagram dan TikTok",
        "Bagikan artikel ini ke WhatsApp",
        "Copyright © 2023 Outlet Media",
    ])
    cleaned = clean(text)
    assert cleaned.text == "Wali Kota meresmikan Puskesmas.\nPelayanan dimulai Senin.\nEditor: Rizal\n"
    assert cleaned.changes["boilerplate_lines"] == 8


def test_a_byline_is_kept_its_people_are_the_note_s_people():
    text = "Bupati membuka pasar murah.\nPewarta: Elisa Itlay\nEditor : Markus Yeimo\nLaporan : Rizky Pratama Hrp\n"
    assert clean(text).text == text
    assert {p.name for p in extract(clean(text).text).people} == {"Elisa Itlay", "Markus Yeimo", "Rizky Pratama Hrp"}


def test_sentences_that_merely_mention_sources_or_editors_are_kept():
    text = "Sumber dana berasal dari APBD.\nEditor senior hadir dalam pelatihan jurnalistik.\n"
    assert clean(text).text == text


def test_paragraph_breaks_are_kept_and_runs_of_blank_lines_collapsed():
    cleaned = clean("Paragraf satu.\n\n\n\nParagraf  dua.  \nBaris tiga.")
    assert cleaned.text == "Paragraf satu.\n\nParagraf dua.\nBaris tiga.\n"
    assert cleaned.changes["extra_spaces"] == 2


def test_clean_text_reports_no_changes():
    assert clean("Rapat dimulai pukul 09.00 WIB.\n").changes == {}
