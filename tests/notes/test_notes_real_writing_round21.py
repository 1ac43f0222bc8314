"""Extraction on a way of writing offices that recurs in the notes of many outlets (round 20):
a court or a prosecutor's office named after the town it sits in ("Wakil Ketua PN Tondano",
"Panitera Pengadilan Negeri Singaraja"), whose one town word after the title was reported as a
person. One test per kind; each note is short and of our own writing."""

from __future__ import annotations

from press.notes.cleaning import clean
from press.notes.extract import extract


def people(text: str) -> list[tuple[str, str | None]]:
    return [(p["name"], p["title"]) for p in extract(clean(text).text).as_dict()["people"]]


def test_the_town_a_court_or_prosecutors_office_is_named_after_is_no_person():
    moved = ("Ketua PN Kotamobagu Rudolf Pangemanan yang sebelumnya menjabat Wakil Ketua PN Airmadidi "
             "mengatakan sidang keliling akan diteruskan ke desa-desa di pesisir.")
    assert "Airmadidi" not in [name for name, _ in people(moved)]
    assert ("Rudolf Pangemanan", "Ketua PN Kotamobagu") in people(moved)
    clerk = ("Doa dipimpin Bapak Nyoman Sudarsana, SH. Panitera Pengadilan Negeri Negara, lalu Ketua Pengadilan "
             "Negeri Negara, Bapak Ketut Wirata, S.H. membuka acara.")
    assert "Negara" not in [name for name, _ in people(clerk)]
