"""Extraction on the ways of writing the rules still missed after round 14's held-back
notes joined the tuning material (round 15): a general's rank dotted before its service
("Irjen. Pol."); the clerks of a court and holders listed after "yakni"; "selaku …," between a
title and its holder with no comma before it; a qualifier after a title's place ("yang baru,");
a post in brackets after a name, with its term; an editor named on the line after "Editor:";
the companion named after "yang didampingi" who is not the one speaking; and the Pangdam
written "Panglima Kodam". One test per kind; each note is short and of our own writing."""

from __future__ import annotations

from press.notes.extract import extract
from tests.notes.test_notes_real_writing import designation, people


def speakers(text: str) -> list[str | None]:
    return [q["speaker"] for q in extract(text).as_dict()["quotes"] if q["form"] == "direct"]


def test_a_generals_rank_dotted_before_the_service_leads_to_the_name():
    text = ("Kapolda Jambi Irjen. Pol. Rusdi Hartono, S.I.K., M.H., meninjau pos banjir di Muaro Sebo. "
            "“Personel kami siagakan siang malam,” ujar Rusdi.")
    found = people(text)
    assert set(found) == {"Rusdi Hartono"}
    assert designation(found["Rusdi Hartono"]) == "Kapolda Jambi"
    assert found["Rusdi Hartono"].ranks == ["Irjen. Pol."]
    assert speakers(text) == ["Rusdi Hartono"]


def test_a_courts_clerks_are_titles_and_holders_follow_yakni():
    found = people("Ketua PA Sampit melantik dua pejabat. Dilantik sebagai Panitera Pengganti yakni Sdri. Wulan "
                   "Rahmadani, S.H. dan Sdr. Arif Budiman, S.H.I. Hadir pula Panitera PA Sampit, Bapak H. Usman Efendi.")
    assert designation(found["Wulan Rahmadani"]) == "Panitera Pengganti"
    assert designation(found["Arif Budiman"]) == "Panitera Pengganti"
    assert designation(found["Usman Efendi"]).startswith("Panitera PA")


def test_selaku_and_a_second_post_between_a_title_and_its_holder():
    found = people("Dandim 1207/Pontianak selaku Dansatgas TMMD, Letkol Inf Bayu Prasetyo meninjau jembatan.")
    assert set(found) == {"Bayu Prasetyo"}
    assert designation(found["Bayu Prasetyo"]) == "Dandim 1207/Pontianak"


def test_a_qualifier_after_a_titles_place_ends_the_place():
    found = people("Ketua Pengadilan Negeri (PN) Muara Teweh yang baru, Hendra Wijaya, menerima kunjungan bupati.")
    assert set(found) == {"Hendra Wijaya"}
    assert "Muara Teweh" in designation(found["Hendra Wijaya"])


def test_a_post_in_brackets_after_a_name_is_its_title_without_the_term():
    found = people("Penerima penghargaan antara lain Hj. Nurhayati Lamba (Bupati Bombana Periode 2021-sekarang) "
                   "dan H. Anwar Sadat (Bupati Buton Tengah Periode 2017-2022).")
    assert set(found) == {"Nurhayati Lamba", "Anwar Sadat"}
    assert designation(found["Nurhayati Lamba"]) == "Bupati Bombana"
    assert designation(found["Anwar Sadat"]) == "Bupati Buton Tengah"


def test_an_editor_named_on_the_line_after_editor():
    found = people("Bupati Sambas Satono membuka festival bubur pedas di Sambas.\n\nEditor:\n\nRiko Saputra")
    assert set(found) == {"Satono", "Riko Saputra"}


def test_the_one_accompanied_speaks_not_the_companion():
    text = ("Ketua PN Kotabaru Laksmi Dewi memimpin pelantikan tiga hakim. Laksmi yang didampingi Humas PN Kotabaru, "
            "Yoga Pratama menjelaskan pelantikan itu berdasarkan surat keputusan Mahkamah Agung.\n\n"
            "“Beban perkara kami kini bisa dibagi lebih merata,” tuturnya.")
    assert speakers(text) == ["Laksmi Dewi"]


def test_panglima_kodam_is_the_pangdam():
    text = ("“Prajurit harus hadir di tengah kesulitan rakyat,” kata Panglima Kodam Cenderawasih Mayjen TNI Robert "
            "Sihombing saat membuka TMMD di Sentani.")
    found = people(text)
    assert set(found) == {"Robert Sihombing"}
    assert designation(found["Robert Sihombing"]).startswith("Panglima Kodam Cenderawasih")
    assert speakers(text) == ["Robert Sihombing"]
