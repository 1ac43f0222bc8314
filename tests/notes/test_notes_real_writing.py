"""Extraction on the way real releases are written: one test per kind of error seen when
the extractor met notes from many outlets (weekdays, regions and streets taken for
names; honorifics, ranks and degrees in every spelling; lower-case and acting titles;
speakers named in the sentence before or by "-nya"; direct and indirect speech told
apart). Each note here is short and of our own writing."""

from __future__ import annotations

import pytest

from press.notes.extract import extract


def people(text: str) -> dict[str, object]:
    return {p.name: p for p in extract(text).people}


def names(text: str) -> set[str]:
    return set(people(text))


def designation(person) -> str:
    return " ".join(filter(None, (person.title, person.organisation)))


@pytest.mark.parametrize("text, expected", [
    ("Walikota Dumai, Jumat (12/5/2023), meresmikan gedung baru.", set()),
    ("Bupati Sleman pada Senin (3/4) membuka acara itu.", set()),
    ("Bupati Purwakarta Anne Ratna Mustika, Selasa (4/4), membuka acara.", {"Anne Ratna Mustika"}),
    ("Rapat dipimpin Wali Kota Madiun Maidi pada Januari lalu dan Kapolres Madiun, Februari.", {"Maidi"}),
])
def test_weekdays_months_and_the_region_of_a_title_are_not_people(text, expected):
    assert names(text) == expected


def test_a_person_called_like_a_region_elsewhere_stays_a_person():
    found = people("Bupati Samosir hadir. Turut hadir Kepala Dinas Pertanian Roy Samosir.")
    assert set(found) == {"Roy Samosir"}
    assert found["Roy Samosir"].title == "Kepala Dinas Pertanian"


@pytest.mark.parametrize("text", [
    "Kantor Lurah Jalan Merdeka Nomor 5 diresmikan.",
    "Rapat di Kantor Camat Komplek Perkantoran Bukit Gelanggang.",
    "Rumah dinas Wakil Bupati Kav 12 diperbaiki.",
    "Sambutan Kabag Tapem, Iya, sudah disiapkan.",
    "Rapat dipimpin Wakil Bupati. Acara di Rumah Dinas Camat, Hari Minggu.",
])
def test_streets_buildings_and_plain_words_are_not_people(text):
    assert names(text) == set()


def test_a_title_before_a_two_word_name_is_not_read_as_title_and_place():
    found = people("Kepala Dinas Sosial Ani Lestari menyerahkan bantuan kepada Camat Budi Santoso.")
    assert set(found) == {"Ani Lestari", "Budi Santoso"}
    assert found["Budi Santoso"].title == "Camat"


@pytest.mark.parametrize("text, name", [
    ("Kabag Tapem Setda Ani Lestari hadir.", "Ani Lestari"),
    ("Kabid Perindag Rudi Hartono hadir.", "Rudi Hartono"),
    ("Ketua Komwil Joko Susilo hadir.", "Joko Susilo"),
    ("Anggota Dprd Siti Aminah hadir.", "Siti Aminah"),
    ("Turut hadir Staf Ahli Bupati Bidang Hukum Ahmad Yani dan Perangkat Daerah.", "Ahmad Yani"),
])
def test_unit_abbreviations_and_title_words_are_not_names(text, name):
    assert names(text) == {name}


@pytest.mark.parametrize("text, name, honorifics, degrees", [
    ("Hadir Bupati Dr H Mhd Syahrial SE MM di lokasi.", "Mhd Syahrial", ["Dr", "H"], ["SE", "MM"]),
    ("Sekda DR. H. Asnawi Arbain, MT membuka rapat.", "Asnawi Arbain", ["DR.", "H."], ["MT"]),
    ("Kepala Puskesmas dr Ratna Sari, Sp.A memeriksa pasien.", "Ratna Sari", ["dr"], ["Sp.A"]),
    ("Kadis PUPR Ir. Bambang Wijaya hadir.", "Bambang Wijaya", ["Ir."], []),
    ("Camat Agus Salim, S.Sos., M.Si membuka acara.", "Agus Salim", [], ["S.Sos.", "M.Si"]),
    ("Lurah Joko Susilo SE MM hadir.", "Joko Susilo", [], ["SE", "MM"]),
    ("Kabag Umum Rahmat Hidayat, SSTP, M. Eng hadir.", "Rahmat Hidayat", [], ["SSTP", "M. Eng"]),
    ("Kabag Humas Dewi Lestari, M,Ikom hadir.", "Dewi Lestari", [], ["M,Ikom"]),
    ("Sekcam Rudi Hartono SS hadir.", "Rudi Hartono", [], ["SS"]),
])
def test_honorifics_and_degrees_split_from_the_name_however_spelt(text, name, honorifics, degrees):
    found = people(text)
    assert set(found) == {name}
    assert found[name].honorifics == honorifics
    assert found[name].degrees == degrees


@pytest.mark.parametrize("text, name, ranks, title", [
    ("Dandim 0416/Bute Letkol Kav Rinaldi Anugrah, S.Sos hadir.", "Rinaldi Anugrah", ["Letkol", "Kav"],
     "Dandim 0416/Bute"),
    ("Danramil Letda Inf Suharto hadir.", "Suharto", ["Letda", "Inf"], "Danramil"),
    ("Kapolsek Iptu Andi Wijaya hadir.", "Andi Wijaya", ["Iptu"], "Kapolsek"),
    ("Kapolres AKBP Yudi Setiawan SIK hadir.", "Yudi Setiawan", ["AKBP"], "Kapolres"),
    ("Wakapolres Kompol Hendra Gunawan hadir.", "Hendra Gunawan", ["Kompol"], "Wakapolres"),
])
def test_ranks_and_corps_are_kept_apart_from_name_title_and_honorifics(text, name, ranks, title):
    found = people(text)
    assert set(found) == {name}
    assert found[name].ranks == ranks
    assert found[name].title == title
    assert not set(found[name].honorifics) & set(ranks)


@pytest.mark.parametrize("text, name, organisation", [
    ("Sekda Muba Apriyadi Mahmud membuka rapat.", "Apriyadi Mahmud", "Muba"),
    ("Bupati Mabar Edistasius Endi hadir.", None, None),
])
def test_a_region_abbreviation_glued_before_a_name_is_not_part_of_it(text, name, organisation):
    found = people(text)
    if name is None:
        assert set(found) == {"Edistasius Endi"}
        assert "Mabar" in found["Edistasius Endi"].title + (found["Edistasius Endi"].organisation or "")
        return
    assert set(found) == {name}
    assert found[name].organisation == organisation


@pytest.mark.parametrize("text, name", [
    ("Kadis Pendidikan A Made Sujana hadir.", "A Made Sujana"),
    ("Camat Yohanes Ch. Manek membuka acara.", "Yohanes Ch. Manek"),
])
def test_a_leading_initial_or_abbreviated_middle_name_is_part_of_the_name(text, name):
    assert names(text) == {name}


@pytest.mark.parametrize("text, name, title", [
    ("Rapat dipimpin sekda Bungo H Mukhlis di aula.", "Mukhlis", "sekda Bungo"),
    ("Hadir pula anggota DPR RI Sutan Riska Tuanku.", "Sutan Riska Tuanku", "anggota DPR RI"),
    ("Bantuan diterima kepala kampung Yosep Wanimbo.", "Yosep Wanimbo", "kepala kampung"),
])
def test_lower_case_titles_are_read(text, name, title):
    found = people(text)
    assert set(found) == {name}
    assert designation(found[name]) == title


@pytest.mark.parametrize("text, name, title", [
    ("Bupati Bungo, diwakili oleh Budi Santoso, membuka acara.", "Budi Santoso", None),
    ("Bupati, diwakili oleh Sekda Syahrial, menyampaikan sambutan.", "Syahrial", "Sekda"),
    ("Gubernur Jambi yang diwakili oleh Asisten II Ahmad Fauzi membuka rapat.", "Ahmad Fauzi", "Asisten II"),
])
def test_who_stands_in_for_a_title_holder_is_read_with_their_own_title(text, name, title):
    found = people(text)
    assert set(found) == {name}
    assert found[name].title == title


def test_a_title_split_from_its_name_by_a_comma_clause_still_names_them():
    found = people("Kepala Dinas Kesehatan, yang juga Ketua Satgas, dr Ratna Sari, memimpin apel.")
    assert set(found) == {"Ratna Sari"}
    assert found["Ratna Sari"].title == "Kepala Dinas Kesehatan"


@pytest.mark.parametrize("text, name, title", [
    ("Kepala Bagian (Kabag) Administrasi Pembangunan Sekretariat Daerah (Setda) Kota Dumai Rahmat Hidayat hadir.",
     "Rahmat Hidayat", "Kepala Bagian (Kabag) Administrasi Pembangunan Sekretariat Daerah (Setda) Kota Dumai"),
    ("Wakil Bupati (Serdang Bedagai) Adlin Tambunan hadir.", "Adlin Tambunan", "Wakil Bupati (Serdang Bedagai)"),
    ("Pj. Bupati Bekasi Dani Ramdan hadir.", "Dani Ramdan", "Pj. Bupati Bekasi"),
    ("Plh. Sekda Ahmad Syarif hadir.", "Ahmad Syarif", "Plh. Sekda"),
    ("Plt Kadis Kominfo Budi Santoso hadir.", "Budi Santoso", "Plt Kadis Kominfo"),
])
def test_a_title_keeps_its_short_forms_and_acting_prefix(text, name, title):
    found = people(text)
    assert set(found) == {name}
    assert designation(found[name]) == title
