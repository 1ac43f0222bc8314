"""Editorial checks: the example release's flaws, and each check on a planted error."""
from __future__ import annotations

from datetime import date

import pytest

from press.drafting.checks import check_release
from press.drafting.finding import CODES
from tests.conftest import SHARED

DAY = date(2021, 9, 30)
PEOPLE = ["Sajekti Rubiyah", "Diah Setiyawati", "Lukita Harjana", "Indra Subhan"]

CLEAN = (
    "Bagian Humas Sekretariat Daerah Kota Bekasi menerima kunjungan kerja PPID Utama Kabupaten Subang "
    "terkait pengelolaan informasi dan dokumentasi pada Kamis, (30/9/2021).\n\n"
    "Turut hadir dalam kegiatan tersebut Kepala Bagian Humas Sajekti Rubiyah, Kasubag Hubungan Dokumentasi "
    "Internal Diah Setiyawati, dan Sekretaris Diskominfo Kabupaten Subang Lukita Harjana beserta jajaran.\n\n"
    "\"Kunjungan kali ini bermaksud untuk belajar tentang pelayanan informasi publik,\" ujar Lukita.\n\n"
    "\"Humas selalu bersinergi dengan dinas-dinas terkait,\" tambah Sajekti."
)


def codes(text: str, **options) -> list[str]:
    return [f.code for f in check_release(text, activity_date=DAY, people=PEOPLE, **options)]


def test_the_example_release_has_its_known_flaws():
    text = (SHARED / "example-release.txt").read_text(encoding="utf-8")
    findings = check_release(text, activity_date=DAY)
    regions = [f for f in findings if f.code == "region_two_ways"]
    assert regions and all(f.text == "Kota Subang" for f in regions)
    assert text[regions[0].span[0]:regions[0].span[1]] == "Kota Subang"
    assert "Kabupaten Subang" in regions[0].as_dict()["message"]
    assert any(f.code == "mojibake" and f.text == "Â" for f in findings)
    two_ways = [f for f in findings if f.code == "name_two_ways"]
    assert any(f.text == "Dinas Kominfo" and "Diskominfo" in f.as_dict()["message"] for f in two_ways)


def test_a_clean_release_has_no_findings():
    assert codes(CLEAN) == []


PLANTED = {
    "weekday": ("pada Kamis, (30/9/2021)", "pada Jumat, (30/9/2021)", "Jumat, (30/9/2021)"),
    "date_far": ("pada Kamis, (30/9/2021)", "pada Kamis, (28/10/2021)", "Kamis, (28/10/2021)"),
    "name_two_ways": ("Kepala Bagian Humas Sajekti Rubiyah", "Kepala Bagian Humas Sajekti Rubiah", "Sajekti Rubiah"),
    "region_two_ways": ("Sekretaris Diskominfo Kabupaten Subang", "Sekretaris Diskominfo Kota Subang", "Kota Subang"),
    "quote_no_speaker": ("\"Humas selalu bersinergi dengan dinas-dinas terkait,\" tambah Sajekti.",
                         "Di akhir acara ada pesan. \"Humas selalu bersinergi dengan dinas-dinas terkait.\"",
                         "\"Humas selalu bersinergi dengan dinas-dinas terkait.\""),
    "short_name_first": ("Sekretaris Diskominfo Kabupaten Subang Lukita Harjana beserta",
                         "Sekretaris Diskominfo Kabupaten Subang beserta", "Lukita"),
    "mojibake": ("pelayanan informasi publik", "pelayanan informasi publikâ€™s", "â€™"),
    "quotes_unbalanced": ("terkait,\" tambah Sajekti.", "terkait, tambah Sajekti.", "\""),
    "placeholder": ("pada Kamis, (30/9/2021)", "di [tempat kegiatan], pada Kamis, (30/9/2021)", "[tempat kegiatan]"),
}


@pytest.mark.parametrize("code", sorted(PLANTED))
def test_each_check_finds_its_planted_error(code):
    correct, wrong, spanned = PLANTED[code]
    assert correct in CLEAN
    planted = CLEAN.replace(correct, wrong, 1)
    findings = [f for f in check_release(planted, activity_date=DAY, people=PEOPLE) if f.code == code]
    assert findings, f"{code} missed in: {planted}"
    assert findings[0].text == spanned or spanned in findings[0].text
    assert planted[findings[0].span[0]:findings[0].span[1]] == findings[0].text
    assert findings[0].hint
    # ... and stays silent once it is corrected.
    assert code not in codes(CLEAN)


@pytest.mark.parametrize("written, day, actual", [
    ("Jumat, (30/9/2021)", "30 September 2021", "Kamis"),
    ("Senin, (3/10/2021)", "3 Oktober 2021", "Minggu"),  # the week's last day, the first of the list's
])
def test_the_weekday_finding_names_the_day_the_date_falls_on(written, day, actual):
    planted = CLEAN.replace("Kamis, (30/9/2021)", written, 1)
    [finding] = [f for f in check_release(planted, activity_date=DAY, people=PEOPLE) if f.code == "weekday"]
    assert finding.params == {"date": day, "actual": actual, "written": written.split(",")[0]}
    assert finding.as_dict()["message"] == (
        f"Hari tidak cocok dengan tanggal: {day} jatuh pada hari {actual}, bukan {written.split(',')[0]}.")

def test_an_organisation_abbreviated_in_one_place_and_written_out_in_another():
    text = CLEAN.replace("Kasubag Hubungan Dokumentasi Internal Diah Setiyawati",
                         "Kasubag Hubungan Dokumentasi Internal Setda Kota Bekasi Diah Setiyawati")
    assert [f.text for f in check_release(text, activity_date=DAY, people=PEOPLE) if f.code == "name_two_ways"] == ["Setda"]


def test_titles_written_two_ways_but_not_an_introduced_abbreviation():
    text = CLEAN + "\n\nWalikota Bekasi hadir. Wali Kota Bekasi memberi sambutan."
    assert [f.text for f in check_release(text, activity_date=DAY, people=PEOPLE) if f.code == "name_two_ways"] == ["Wali Kota"]
    introduced = CLEAN + "\n\nSekretaris Daerah (Sekda) membuka acara. Sekda berharap kerja sama berlanjut."
    assert "name_two_ways" not in codes(introduced)


def test_long_paragraph():
    long = CLEAN + "\n\n" + " ".join(["kata"] * 130)
    findings = [f for f in check_release(long, activity_date=DAY, people=PEOPLE) if f.code == "paragraph_long"]
    assert len(findings) == 1 and findings[0].params == {"words": 130, "limit": 120}
    assert codes(long, paragraph_limit=200) == []


def test_photos_without_caption_or_credit():
    photos = [{"caption": "Foto bersama", "credit": "Dok. Humas"}, {"caption": "", "credit": "Dok. Humas"},
              {"caption": "Penyerahan cendera mata", "credit": None}]
    findings = check_release(CLEAN, activity_date=DAY, people=PEOPLE, photos=photos)
    assert [(f.code, f.params) for f in findings] == [("photo_caption", {"number": 2}), ("photo_credit", {"number": 3})]
    assert check_release(CLEAN, activity_date=DAY, people=PEOPLE, photos=photos[:1]) == []


EDITORIAL = {"spelling", "di_prefix", "foreign", "time_format", "number_format", "title_register", "precedence",
             "headline_shape", "dateline", "adv_label"}  # tests/drafting/test_editorial_checks.py


def test_every_check_is_exercised():
    assert set(PLANTED) | EDITORIAL | {"paragraph_long", "photo_caption", "photo_credit"} == set(CODES)


def test_the_region_check_knows_every_regency_and_city_even_far_away():
    text = CLEAN.replace("Kabupaten Subang", "Kota Jayawijaya", 1)
    findings = [f for f in check_release(text, activity_date=DAY, people=PEOPLE) if f.code == "region_two_ways"]
    assert [f.text for f in findings] == ["Kota Jayawijaya"]
    assert findings[0].as_dict()["message"] == "Tidak ada daerah “Kota Jayawijaya”: Jayawijaya adalah kabupaten."
    assert findings[0].as_dict()["hint"] == "Tulis “Kabupaten Jayawijaya”."


def test_two_real_regions_sharing_a_first_word_or_a_name_are_not_one_place_written_two_ways():
    text = CLEAN + ("\n\nHadir pula utusan Kabupaten Bandung Barat, Kota Bandung, Kota Bekasi dan Kabupaten Bekasi, "
                    "serta Kab. Musi Banyuasin dan Kota Sorong.")
    assert codes(text) == []
