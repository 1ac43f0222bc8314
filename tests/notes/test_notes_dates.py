"""Dates: every form of INDONESIAN.md, years from the reference date only, weekday
mismatches flagged, numbers that are not dates left alone."""

from datetime import date

import pytest

from press.notes.dates import find_dates

REFERENCE = date(2021, 9, 30)


@pytest.mark.parametrize("text,iso,weekday", [
    ("Kamis, (30/9/2021)", "2021-09-30", "Kamis"),
    ("Kamis (30/9)", "2021-09-30", "Kamis"),
    ("Kamis(10/3)", "2022-03-10", "Kamis"),
    ("Jumat (1/12/23)", "2023-12-01", "Jumat"),
    ("Rabu (05/06/2024)", "2024-06-05", "Rabu"),
    ("Selasa (5/1) siang", "2021-01-05", "Selasa"),
    ("Jumat 28 Oktober 2016", "2016-10-28", "Jumat"),
    ("Selasa, 29 November 2022", "2022-11-29", "Selasa"),
    ("Rabu, 1 Desember 2021 | 22:13 WIB", "2021-12-01", "Rabu"),
    ("Senin, 3 Pebruari 2020", "2020-02-03", "Senin"),
    ("Rabu 17 Nopember 2021", "2021-11-17", "Rabu"),
    ("Jum'at (22/9/2023)", "2023-09-22", "Jumat"),
    ("Jum’at (22/9/2023)", "2023-09-22", "Jumat"),
    ("Ahad, 5 Sept 2021", "2021-09-05", "Minggu"),
    ("2 Agt 2019", "2019-08-02", None),
])
def test_indonesian_date_forms_are_parsed(text, iso, weekday):
    reference = {"Selasa (5/1) siang": date(2021, 1, 4), "Kamis(10/3)": date(2022, 3, 1)}.get(text, REFERENCE)
    [found] = find_dates(f"Kegiatan berlangsung {text}.", reference)
    assert (found.date, found.weekday, found.weekday_mismatch) == (iso, weekday, False)
    assert found.text.startswith(text.split(" siang")[0].split(" |")[0])


def test_span_points_at_the_date_in_the_text():
    text = "Rapat digelar di Aula, Kamis, (30/9/2021). Selesai."
    [found] = find_dates(text)
    assert text[found.span[0]:found.span[1]] == "Kamis, (30/9/2021)"


def test_publication_stamp_keeps_its_time():
    [found] = find_dates("Rabu, 1 Desember 2021 | 22:13 WIB")
    assert found.time == "22:13"


def test_missing_year_without_reference_stays_unknown():
    [found] = find_dates("Kamis (30/9) rombongan tiba.")
    assert found.date == "--09-30"
    assert found.weekday_mismatch is False


def test_missing_year_comes_from_the_reference_not_from_today():
    [found] = find_dates("Kamis (30/9)", reference=date(2010, 9, 1))
    assert found.date == "2010-09-30"


def test_missing_year_takes_the_nearest_year_across_new_year():
    [found] = find_dates("Kamis (30/12)", reference=date(2022, 1, 3))
    assert found.date == "2021-12-30"


def test_two_digit_year_is_twenty_first_century():
    [found] = find_dates("Jumat (1/12/23)")
    assert found.date == "2023-12-01"


def test_weekday_that_does_not_match_the_date_is_flagged_not_resolved():
    [found] = find_dates("Kamis (1/12/23)")
    assert found.date == "2023-12-01"
    assert found.weekday == "Kamis"
    assert found.weekday_mismatch is True


@pytest.mark.parametrize("text", [
    "Dandim 0709/Kebumen Letkol Inf Zamril",
    "HUT ke-75 Kota Bekasi",
    "Call Center 119 & 1500-444",
    "ditulis oleh redaksi (Nov)",
    "pada tahun 1945 dan 2021",
    "skor 3/4 dan 12/2021",
    "ke 5 desa dan 3 mar",
])
def test_numbers_that_are_not_dates_are_not_dates(text):
    assert find_dates(text, REFERENCE) == []


def test_impossible_dates_are_ignored():
    assert find_dates("Senin (31/2/2022) dan (32/1)") == []
