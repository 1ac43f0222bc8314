from datetime import date

from press.dates import long_date, month_name, release_date, short_release_date


def test_dates_are_written_the_indonesian_way():
    day = date(2021, 9, 30)
    assert long_date(day) == "Kamis, 30 September 2021"
    assert release_date(day) == "Kamis, (30/9/2021)"
    assert short_release_date(day) == "Kamis (30/9/2021)"


def test_english_dates_for_english_users():
    assert long_date(date(2021, 9, 30), "en") == "Thursday, 30 September 2021"


def test_jumat_and_minggu():
    assert long_date(date(2023, 12, 1)) == "Jumat, 1 Desember 2023"
    assert long_date(date(2022, 11, 27)).startswith("Minggu")


def test_month_names_in_indonesian_and_english():
    assert [month_name(m) for m in (1, 2, 8, 11)] == ["Januari", "Februari", "Agustus", "November"]
    assert month_name(2, "en") == "February"
