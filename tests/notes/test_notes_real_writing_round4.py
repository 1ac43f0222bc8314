"""Extraction on the ways of writing that round 3's held-back notes (tests/notes/real3)
showed the rules did not know: local titles taken for names (a Sulut village head's
"Sangadi", a port's "Syahbandar", a regency's "Perwira Penghubung", Yogyakarta's
"Panewu Anom"), agreements taken for names ("MoU"), a kecamatan or a puskesmas's place
after its title taken for a holder, and a direct quote whose opening mark is glued to
the sentence before it. One test per kind; each note is short and of our own writing."""

from __future__ import annotations

import pytest

from press.notes.cleaning import clean
from press.notes.extract import extract
from tests.notes.test_notes_real_writing import designation, names, people


@pytest.mark.parametrize("text", [
    "Turut hadir Camat Pinogaluman, Sangadi Desa Dalapuli, Danramil serta penyuluh.",
    "Hadir pimpinan OPD, Syahbandar, Kepala UPP, para camat dan tokoh adat.",
    "Ikut menyaksikan Kapolres, Kajari, Perwira penghubung (Pabung) TNI dan tokoh adat.",
    "Menurut wali kota, MoU ini mengakhiri kebiasaan saling lempar tanggung jawab soal sampah.",
])
def test_local_titles_and_agreements_are_not_people(text):
    assert names(text) == set()


@pytest.mark.parametrize("text, name, title", [
    ("Sangadi Desa Bigo Ramli Lasabuda membuka musyawarah desa itu.", "Ramli Lasabuda", "Sangadi"),
    ("Panewu Anom Sugeng Raharjo, S.IP, MM menyebut festival dibuat untuk anak muda.", "Sugeng Raharjo",
     "Panewu Anom"),
])
def test_a_local_title_before_a_name_is_the_holders_title(text, name, title):
    found = people(text)
    assert name in found
    assert found[name].title.startswith(title)


@pytest.mark.parametrize("text, place", [
    ("Budi Santoso dari Camat Bancar bergeser ke Camat Tambakboyo, dan Ani Lestari naik menjadi Camat Bancar.",
     "Bancar"),
    ("Dr. Nur Aini yang sebelumnya Plt Kepala Puskesmas Kerek kini definitif sebagai Kepala Puskesmas Kerek, dan "
     "dr. Yusuf Habibi dipindah ke Puskesmas Widang.", "Kerek"),
])
def test_a_place_the_note_writes_after_a_place_title_is_never_a_holder_elsewhere(text, place):
    assert place not in names(text)


def test_a_one_word_holder_of_a_place_title_stays_a_person():
    assert "Suparman" in names("Camat Suparman meminta warga menjaga kebersihan pasar.")


def test_a_quote_mark_glued_to_the_sentence_before_opens_a_direct_quote():
    text = ("Bupati Tanjung Jabung Timur Romi Hariyanto hadir. Di depan para kades, bupati menilai program itu "
            "datang tepat waktu.”Banyak kades yang takut salah, akhirnya dana desa terlambat dicairkan,” kata bupati.")
    cleaned = clean(text)
    quotes = extract(cleaned.text).quotes
    assert [(q.speaker, q.form) for q in quotes if q.text.startswith("Banyak kades")] == [("Romi Hariyanto", "direct")]
    assert cleaned.changes["glued_quote_marks"] == 1


@pytest.mark.parametrize("text, name, organisation", [
    ("Bupati Kabupaten Maluku Tengah Markus Rumalutur hadir.", "Markus Rumalutur", "Kabupaten Maluku Tengah"),
    ("Sambutan Bupati Kabupaten Aceh Besar Muharram Idris dibacakan asisten.", "Muharram Idris", "Kabupaten Aceh Besar"),
])
def test_a_regency_whose_name_starts_with_a_province_ends_the_title_not_the_name(text, name, organisation):
    found = people(text)
    assert set(found) == {name}
    assert found[name].organisation == organisation


def test_the_short_form_a_note_gives_an_organisation_is_never_a_person():
    text = ("Pemkab Boven Digoel dan Universitas Musamus (Unmus) menandatangani kerja sama. Rektor Unmus, "
            "Dr. Ir. Yohanes Mahuze, M.Si menyatakan siap. Hadir pula Wakil Rektor II Unmus, Kepala Dinas dan dekan.")
    assert "Unmus" not in names(text)
    assert "Yohanes Mahuze" in names(text)


@pytest.mark.parametrize("text", [
    "Tampak para anggota DPRD, perwira Kodim 1206/Putussibau, Danyon Raider 644/WLS, tokoh adat dan pelajar.",
    "Dengan Jasa Desa, kades bisa bertanya dulu sebelum bertindak, kata kajari.",
])
def test_a_unit_s_place_after_its_number_and_a_sentence_s_preposition_are_not_names(text):
    assert names(text) == set()


@pytest.mark.parametrize("text, name", [
    ("Paket diterima oleh warga, di antaranya Mbah Karto dan tetangganya.", "Karto"),
    ("Kepala Dinas Kesehatan Sukoharjo, dokter Ratna Widyastuti menambahkan, lansia diperiksa.", "Ratna Widyastuti"),
])
def test_mbah_and_dokter_are_honorifics_before_a_name(text, name):
    found = people(text)
    assert name in found


@pytest.mark.parametrize("text, holders, title", [
    ("Ketua DPRD Nunukan, Guntur memimpin rapat, didampingi wakil ketua masing-masing Intan Permata dan Hamdi Saleh.",
     ["Intan Permata", "Hamdi Saleh"], "wakil ketua"),
    ("Hadir Wakil Ketua DPRD masing-masing Ahmad Yani, Budi Santoso dan Citra Dewi.",
     ["Ahmad Yani", "Budi Santoso", "Citra Dewi"], "Wakil Ketua DPRD"),
])
def test_every_name_listed_after_masing_masing_holds_the_title(text, holders, title):
    found = people(text)
    assert all(name in found and designation(found[name]) == title for name in holders), found


def test_a_credit_line_without_its_colon_names_the_writer():
    assert "Riska" in names("Kesepakatan ditandatangani kedua pihak.\n\nLaporan Riska\n")


@pytest.mark.parametrize("text", [
    "Warga menyambut baik program itu. (Rilis)\n",
    "Laporan Keuangan Daerah dibahas panjang lebar oleh dewan.\n",
])
def test_a_closing_bracket_and_a_sentence_opened_by_a_credit_word_name_nobody(text):
    assert names(text) == set()


def test_a_regional_form_of_address_and_a_first_name_call_the_person_already_named():
    text = "Bupati Tuban Hanafi Ridwan melantik camat. Mas Hanafi – sapaannya, menganggap camat wajah pemerintah."
    assert names(text) == {"Hanafi Ridwan"}
