"""Extraction on the ways of writing the rules still missed after round 11's held-back
notes joined the tuning material (round 12): a list of council members each written after
their faction or commission ("Fraksi Golkar X, Komisi A Y"), the name of a regional military
command after its office ("Kasdam Iskandar Muda"), a region's name in capitals opening a
dateline before a title, council committees (Pansus, Panja), "Dok." of a photo credit, adat
and noble titles before a name (Depati, Madika Ntoe, Raden Mas), quote tags "sampai X",
"demikian X" and a capitalised verb after a closing full stop, the fields of a Dinas's bidang
in its title, a region word with its short form in brackets inside a title's unit. One test
per kind; each note is short and of our own writing."""

from __future__ import annotations

import pytest

from press.notes.extract import extract
from tests.notes.test_notes_real_writing import designation, people


def speakers(text: str) -> list[str | None]:
    return [q["speaker"] for q in extract(text).as_dict()["quotes"] if q["form"] == "direct"]


def test_council_members_listed_after_their_faction_or_commission_are_people_with_no_title():
    found = people("Rapat dipimpin Ketua DPRD Buru Yusran Tomia. Panja beranggotakan Fraksi Golkar Rudi Latuheru, "
                   "Fraksi PDI-Perjuangan Maria Sahetapy, Fraksi PKB M. Amir Souwakil dan Fraksi Nasdem Yanti Kaplale. "
                   "Perwakilan komisi antara lain Komisi A Hasan Wamnebo dan Komisi B Lukas Behuku.")
    assert {"Rudi Latuheru", "Maria Sahetapy", "M. Amir Souwakil", "Yanti Kaplale", "Hasan Wamnebo",
            "Lukas Behuku"} <= set(found)
    assert not any(name.startswith(("Fraksi", "Komisi")) for name in found)
    assert found["Hasan Wamnebo"].title is None


def test_a_committee_of_the_council_is_not_a_person():
    found = people("Ketua DPRD Buru Yusran Tomia menerima laporan itu. Pansus mencatat jalan rusak di Waeapo. "
                   "Menurut Panja, irigasi belum diperbaiki.")
    assert set(found) == {"Yusran Tomia"}


def test_a_military_command_named_after_a_hero_is_not_a_person_after_its_office():
    found = people("Hadir Kapolda Aceh, Kasdam Iskandar Muda, Danlanud SIM dan Wakil Gubernur Aceh Teuku Rahman.")
    assert set(found) == {"Teuku Rahman"}


def test_a_person_called_like_a_command_elsewhere_stays_a_person():
    found = people("Tak lama, Lurah Lambandia, Hasanuddin ikut menghadap Bupati.")
    assert designation(found["Hasanuddin"]) == "Lurah Lambandia"


def test_a_region_in_capitals_opening_a_dateline_is_not_a_person():
    found = people("SUARA DESA | BANDA ACEH – Menteri Desa dan Transmigrasi Daerah Terpencil (MDTDT), Rahmat Siregar, "
                   "tiba di Aceh.")
    assert "BANDA ACEH" not in found


def test_the_minister_of_villages_is_read_with_the_short_form_mendes_pdt():
    found = people("Menteri Desa dan Pembangunan Daerah Tertinggal (Mendes PDT), Rahmat Siregar, tiba di Aceh.")
    assert set(found) == {"Rahmat Siregar"}
    assert designation(found["Rahmat Siregar"]).startswith("Menteri Desa dan Pembangunan Daerah Tertinggal")


def test_dok_of_a_photo_credit_is_not_a_person():
    found = people("Bupati Lingga Ahmad Sani menyalami warga. (Foto: Dok. Radarsatu).")
    assert set(found) == {"Ahmad Sani"}


@pytest.mark.parametrize("text, name, honorifics", [
    ("Banjir merendam Desa Koto Lolo. Hadir pula Kepala Desa Koto Lolo Depati Sahrin bersama warga.", "Sahrin",
     ["Depati"]),
    ("Ketua Dewan Adat Kabupaten Sigi, Madika Ntoe Ruslan Tiladu, memimpin doa.", "Ruslan Tiladu", ["Madika Ntoe"]),
])
def test_an_adat_title_before_a_name_is_an_honorific(text, name, honorifics):
    found = people(text)
    assert set(found) == {name}
    assert found[name].honorifics == honorifics


def test_depati_inside_a_name_stays_in_the_name():
    found = people("Bantuan diterima Bupati Kerinci, Dr. H. Mukhlis Depati Intan, S.H., di posko.")
    assert set(found) == {"Mukhlis Depati Intan"}


def test_raden_mas_opens_a_name_though_mas_is_an_honorific_elsewhere():
    assert set(people("Kota ini lahir sejak Raden Mas Said membuka hutan pada 1741.")) == {"Raden Mas Said"}


@pytest.mark.parametrize("tag", ["sampai Syahrial.", "demikian Syahrial.", "demikian kata Syahrial.",
                                 "Tandas Syahrial bangga."])
def test_a_quote_tag_of_these_shapes_names_the_speaker(tag):
    ending = "." if tag[0].isupper() else ","
    text = (f"Bupati Merangin Syahrial Hamid tiba di Kerinci.\n\n"
            f"Bupati Kerinci Mukhlis Intan menyambut rombongan di posko.\n\n"
            f"“Kami sampai dengan selamat membawa amanah warga{ending}” {tag}")
    assert speakers(text) == ["Syahrial Hamid"]


def test_the_fields_of_a_bidang_belong_to_the_title():
    found = people("Acara dibuka Kepala Bidang Destinasi dan Industri Pariwisata Dinas Pariwisata Kabupaten "
                   "Flores Timur Yohanes Kelen di Larantuka.")
    assert set(found) == {"Yohanes Kelen"}
    assert designation(found["Yohanes Kelen"]).startswith("Kepala Bidang Destinasi dan Industri Pariwisata Dinas Pariwisata")


def test_a_region_word_with_its_short_form_in_brackets_stays_in_the_title():
    found = people("Kepala Dinas Pemberdayaan Masyarakat dan Desa (DPMD) Kabupaten Nganjuk, Rahmat Hidayat, menyebut "
                   "program itu berjalan.")
    assert set(found) == {"Rahmat Hidayat"}
    assert designation(found["Rahmat Hidayat"]).startswith("Kepala Dinas Pemberdayaan Masyarakat dan Desa (DPMD)")
