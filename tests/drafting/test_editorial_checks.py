"""The editorial checks for Indonesian: each rule family on short texts, names never
touched, quotes keep the speaker's words, the register's titles on the activity's date,
the order of precedence, the genre's shape, and the fixes written in by ``apply_fixes``."""
from __future__ import annotations

from datetime import date

import pytest

from press.drafting.checks import check_release
from press.drafting.finding import apply_fixes
from press.drafting.precedence import host_region, in_precedence, precedence_rank
from press.models import Person, Position
from tests.conftest import SHARED

DAY = date(2021, 9, 30)


def person(name: str, *positions) -> Person:
    """A register person (not stored) with positions (title, acting, starts_on, ends_on)."""
    return Person(name=name, slug=name.lower().replace(" ", "-"),
                  positions=[Position(title=t, acting=a, starts_on=s, ends_on=e) for t, a, s, e in positions])


def found(text: str, code: str | None = None, **options):
    return [f for f in check_release(text, **options) if code is None or f.code == code]


def fixes(text: str, code: str, **options) -> list[tuple[str, str | None]]:
    return [(f.text, f.replacement) for f in found(text, code, **options)]


# -- the example release ("Done when") ---------------------------------------------------------

def test_the_example_release_slips_are_flagged_as_the_rules_say():
    text = (SHARED / "example-release.txt").read_text(encoding="utf-8")
    foreign = {f.text: f for f in found(text, "foreign")}
    # Inside the quotes: what the speaker said, a hint without a replacement.
    assert foreign["sharing"].replacement is None and "berbagi" in foreign["sharing"].as_dict()["hint"]
    assert foreign["memonitoring"].replacement is None and "memantau" in foreign["memonitoring"].as_dict()["hint"]
    # Outside: the Indonesian forms.
    assert foreign["website"].replacement == "situs web"
    assert foreign["online"].replacement == "daring"
    row = foreign["online"].as_dict()
    assert row["replacement"] == "daring" and row["check"] == "foreign" and text[slice(*row["span"])] == "online"


# -- spelling -----------------------------------------------------------------------------------

def test_spelling_gives_the_standard_form_with_its_rule_and_keeps_the_capital():
    text = "Walikota Bekasi menghimbau warga. Kerjasama itu diteken pada bulan Nopember. Aktifitas warga naik."
    assert fixes(text, "spelling") == [("Walikota", "Wali Kota"), ("menghimbau", "mengimbau"),
                                       ("Kerjasama", "Kerja sama"), ("Nopember", "November"), ("Aktifitas", "Aktivitas")]
    first = found(text, "spelling")[0].as_dict()
    assert "wali kota ditulis dua kata" in first["hint"]


def test_spelling_leaves_standard_forms_and_upper_case_abbreviations_alone():
    assert found("Wali Kota Bekasi mengimbau warga menjaga kerja sama. Pukul 14.30 WIB acara dimulai.") == []


def test_spelling_is_fixed_inside_quotes_too():
    text = "“Kami menghimbau warga tetap tenang,” ujar Lukita Harjana."
    assert fixes(text, "spelling") == [("menghimbau", "mengimbau")]


# -- di- and ke- --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Kantor itu akan di kelola oleh dinas.", [("di kelola", "dikelola")]),
    ("Acara itu di hadiri warga.", [("di hadiri", "dihadiri")]),
    ("Hal itu di perbincangkan warga.", [("di perbincangkan", "diperbincangkan")]),
    ("Warga berkumpul dirumah kepala desa.", [("dirumah", "di rumah")]),
    ("Pembangunan kedepan dibahas bersama.", [("kedepan", "ke depan")]),
    ("Beberapa usulan, diantaranya taman, dibahas.", [("diantaranya", "di antaranya")]),
    ("Dihadapan peserta ia berbicara.", [("Dihadapan", "Di hadapan")]),
])
def test_the_prefix_and_the_preposition(text, expected):
    assert fixes(text, "di_prefix") == expected


@pytest.mark.parametrize("text", [
    "Warga berkumpul di rumah kepala desa, di pasar, dan di atas panggung.",
    "Kantor itu dikelola dinas dan dihadiri warga; ia keluar dari ruangan.",
    "Acara digelar di Bekasi, di hotel, dan di lapangan.",
    "Kepada warga, dinas menjelaskan aturan di masa pandemi.",
    "Pengumuman dibagikan lewat pesan di telepon genggam warga.",
])
def test_the_prefix_and_the_preposition_written_right_are_left_alone(text):
    assert found(text, "di_prefix") == []


# -- foreign words ------------------------------------------------------------------------------

def test_a_foreign_word_outside_quotes_gets_its_indonesian_form_and_an_italic_one_is_left():
    text = "Materi diunggah ke website dinas dan diskusi digelar secara online. Kuis *online* juga dibuka."
    assert fixes(text, "foreign") == [("website", "situs web"), ("online", "daring")]


def test_a_foreign_word_inside_quotes_is_a_hint_without_replacement():
    text = "“Kami datang untuk sharing pengalaman,” ujar Lukita Harjana."
    finding = found(text, "foreign")[0]
    assert (finding.text, finding.replacement) == ("sharing", None)
    assert "*sharing*" in finding.as_dict()["hint"]


def test_a_capitalised_foreign_word_inside_a_sentence_is_part_of_a_name():
    text = "Program Bandung Smart City dimuat Kompas Online. Online juga dibuka pendaftaran."
    assert fixes(text, "foreign") == [("Online", "Daring")]


def test_english_words_in_a_row_are_one_foreign_phrase_unless_kbbi_lists_it():
    text = "Ikan disimpan di cold storage; helikopter water bombing dikerahkan. Tim ad hoc dibentuk paling urgent."
    assert fixes(text, "foreign") == [("cold storage", None), ("water bombing", None), ("urgent", None)]


def test_affixed_foreign_verbs_and_terms_to_italicise():
    text = "Tim memonitoring pasar. Panitia membuka acara dengan ice breaking."
    assert fixes(text, "foreign") == [("memonitoring", "memantau"), ("ice breaking", "*ice breaking*")]


# -- times and amounts --------------------------------------------------------------------------

def test_times_with_a_colon_and_a_lower_case_zone():
    assert fixes("Acara dimulai pukul 14:30 wib.", "time_format") == [("14:30", "14.30"), (" wib", " WIB")]
    assert found("Acara dimulai pukul 14.30 WIB, skor akhir 2:1.", "time_format") == []


def test_rupiah_and_thousands():
    text = "Bantuan Rp. 5.000.000 dan Rp 336 juta untuk 1,250,000 jiwa; nilai tukar 1,5 persen."
    assert fixes(text, "number_format") == [("Rp. ", "Rp"), ("Rp 336 juta", "Rp336 juta"), ("1,250,000", "1.250.000")]
    assert found("Bantuan Rp5.000.000 dan Rp336 juta.", "number_format") == []


# -- names are never corrected --------------------------------------------------------------------

def test_names_are_never_corrected():
    text = ("Mahasiswa Institut Teknologi Sepuluh Nopember bertemu Ramadhan Pohan di Hotel Praktek Jaya "
            "pada bulan Nopember.")
    findings = found(text, people=["Ramadhan Pohan"], proper_names=["Hotel Praktek Jaya"])
    assert [(f.code, f.text) for f in findings if f.code == "spelling"] == [("spelling", "Nopember")]
    assert findings[-1].span[0] == text.rindex("Nopember")


def test_a_registered_persons_name_is_not_corrected():
    register = [person("Aktifitas Sinaga", ("Camat", None, None, None))]
    text = "Camat Aktifitas Sinaga membuka acara."
    assert found(text, "spelling", register=register, activity_date=DAY) == []


# -- titles against the register ------------------------------------------------------------------

REGISTER = [
    person("Tri Adhianto", ("Wakil Wali Kota", None, date(2018, 5, 20), date(2022, 1, 6)),
           ("Wali Kota", "Plt.", date(2022, 1, 7), date(2022, 9, 20)), ("Wali Kota", None, date(2022, 9, 21), None)),
    person("Reny Hendrawati", ("Sekretaris Daerah", None, date(2019, 1, 1), None)),
    person("Dani Ramdan", ("Bupati", "Pj.", date(2022, 5, 22), date(2023, 12, 31))),
]


def test_a_title_held_only_as_acting_on_the_date():
    text = "Bupati Bekasi Dani Ramdan meresmikan jembatan."
    finding = found(text, "title_register", register=REGISTER, activity_date=date(2022, 8, 1))[0]
    assert finding.text == "Bupati" and finding.replacement == "Pj. Bupati"
    assert "Pj." in finding.as_dict()["message"]
    written_right = "Pj. Bupati Bekasi Dani Ramdan meresmikan jembatan."
    assert found(written_right, "title_register", register=REGISTER, activity_date=date(2022, 8, 1)) == []


def test_a_holder_who_changed_the_month_before():
    # Tri Adhianto left the deputy's office on 6 January 2022 and is acting mayor from the 7th.
    text = "Wakil Wali Kota Bekasi Tri Adhianto membuka acara."
    on_the_date = found(text, "title_register", register=REGISTER, activity_date=date(2022, 2, 3))
    assert [(f.text, f.replacement) for f in on_the_date] == [("Wakil Wali Kota", "Plt. Wali Kota")]
    assert "tidak lagi menjabat" in on_the_date[0].as_dict()["message"]
    # A month earlier the same sentence was right.
    assert found(text, "title_register", register=REGISTER, activity_date=date(2021, 12, 3)) == []


def test_a_title_whose_holder_on_the_date_is_someone_else():
    text = "Sekretaris Daerah Kota Bekasi, Tri Adhianto, memimpin rapat."
    finding = found(text, "title_register", register=REGISTER, activity_date=date(2023, 1, 10))[0]
    assert finding.replacement is None and "Reny Hendrawati" in finding.as_dict()["message"]


def test_the_title_check_needs_the_date():
    assert found("Bupati Bekasi Dani Ramdan hadir.", "title_register", register=REGISTER) == []


# -- order of precedence ----------------------------------------------------------------------------

def test_an_attendance_list_out_of_order_gets_the_ordered_one():
    text = ("Turut hadir dalam kegiatan tersebut Kepala Dinas Kesehatan Ani Rahma, Sekretaris Daerah Reny Hendrawati, "
            "Wakil Wali Kota Tri Adhianto, dan Camat Bekasi Timur Budi beserta jajaran.")
    finding = found(text, "precedence")[0]
    assert finding.replacement == ("Wakil Wali Kota Tri Adhianto, Sekretaris Daerah Reny Hendrawati, "
                                   "Kepala Dinas Kesehatan Ani Rahma, dan Camat Bekasi Timur Budi")
    fixed, applied = apply_fixes(text, [finding])
    assert applied == 1 and found(fixed, "precedence") == []


def test_an_attendance_list_in_order_and_a_title_then_name_after_a_comma():
    text = ("Turut hadir Wali Kota Bekasi, Tri Adhianto, Ketua DPRD Choiruman, Kapolres Metro Bekasi Kota, "
            "dan Kepala Bagian Humas Sajekti Rubiyah beserta jajaran.")
    assert found(text, "precedence") == []


def test_the_drafting_context_orders_others_by_precedence():
    people = [{"name": "A", "title": "Camat"}, {"name": "B", "title": "Ketua DPRD"}, {"name": "C", "title": None},
              {"name": "D", "title": "Plt. Bupati"}]
    assert [p["name"] for p in in_precedence(people)] == ["D", "B", "A", "C"]
    assert precedence_rank("Kapolres Subang") == precedence_rank("Sekretaris Daerah") == 6


def test_guests_of_the_centre_the_province_and_another_region_are_placed_by_precedence():
    text = ("BEKASI – Wali Kota Bekasi Tri Adhianto membuka rapat. Turut hadir Wakil Wali Kota Bekasi Harris Bobihoe, "
            "Kepala Dinas Kesehatan Provinsi Jawa Barat Vini Adiani, Bupati Karawang Aep Syaepuloh, Ketua DPRD Kota "
            "Bekasi Saleh, Gubernur Jawa Barat Ridwan Kamil, dan Menteri Dalam Negeri Tito Karnavian.")
    finding = found(text, "precedence")[0]
    assert finding.replacement == (
        "Menteri Dalam Negeri Tito Karnavian, Gubernur Jawa Barat Ridwan Kamil, Bupati Karawang Aep Syaepuloh, "
        "Wakil Wali Kota Bekasi Harris Bobihoe, Ketua DPRD Kota Bekasi Saleh, "
        "dan Kepala Dinas Kesehatan Provinsi Jawa Barat Vini Adiani")


def test_a_peer_of_another_region_goes_right_after_the_host_holder_of_the_title():
    text = ("Bupati Subang Ruhimat menerima tamu. Turut hadir Sekretaris Daerah Kota Bekasi Reny Hendrawati, "
            "Sekretaris Daerah Kabupaten Subang Asep Nuroni, Wakil Bupati Subang Agus Masykur, dan Wali Kota Bekasi "
            "Tri Adhianto.")
    assert host_region(text) == ("kabupaten", "Subang")
    assert found(text, "precedence")[0].replacement == (
        "Wali Kota Bekasi Tri Adhianto, Wakil Bupati Subang Agus Masykur, Sekretaris Daerah Kabupaten Subang "
        "Asep Nuroni, dan Sekretaris Daerah Kota Bekasi Reny Hendrawati")


def test_the_bupati_of_a_regency_named_like_the_host_city_is_a_guest():
    host = host_region("Wali Kota Bekasi Tri Adhianto membuka rapat.")
    assert host == ("kota", "Bekasi") == host_region("Wali Kota Bekasi Tri Adhianto membuka rapat.", "BEKASI –")
    assert host_region("Bupati Bekasi hadir.", "Kota Bekasi") == ("kota", "Bekasi")
    assert precedence_rank("Bupati Bekasi Dani Ramdan", host) == 1.5
    assert precedence_rank("Wali Kota Bekasi Tri Adhianto", host) == 1
    assert precedence_rank("Kapolda Metro Jaya Karyoto", host) < precedence_rank("Wali Kota Bekasi", host)
    assert precedence_rank("Anggota Komisi II DPR RI Ahmad", host) == precedence_rank("Anggota DPR RI Ahmad", host)
    assert precedence_rank("Anggota Komisi A DPRD Kota Bekasi Ahmad", host) == 99
    assert precedence_rank("Anggota DPR RI Ahmad", host) < precedence_rank("Gubernur Jawa Barat", host) < 1
    assert precedence_rank("Ketua DPRD Provinsi Jawa Barat Taufik", host) < 1


def test_a_list_in_order_with_guests_draws_nothing():
    text = ("Wali Kota Bekasi Tri Adhianto membuka rapat. Turut hadir Gubernur Jawa Barat Ridwan Kamil, Bupati Bekasi "
            "Dani Ramdan, Wakil Wali Kota Bekasi Harris Bobihoe, dan Ketua DPRD Kota Bekasi Saleh beserta jajaran.")
    assert found(text, "precedence") == []


def test_the_drafting_order_places_guests_of_other_regions():
    people = [{"name": "A", "title": "Wakil Wali Kota Bekasi"}, {"name": "B", "title": "Bupati Karawang"},
              {"name": "C", "title": "Gubernur Jawa Barat"}, {"name": "D", "title": "Kepala Dinas Kesehatan"}]
    assert [p["name"] for p in in_precedence(people, host="Kota Bekasi")] == ["C", "B", "A", "D"]


# -- the genre ---------------------------------------------------------------------------------------

def test_the_headline_shape():
    assert [(f.text, f.replacement) for f in found("Isi.", "headline_shape", title="Wali Kota Resmikan Pasar.")] == [(".", "")]
    assert found("Isi.", "headline_shape", title="WALI KOTA RESMIKAN PASAR BARU")[0].replacement is None
    assert found("Isi.", "headline_shape", title="Wali Kota " + "Resmikan Pasar Baru " * 6)[0].params["limit"] == 100
    assert found("Isi.", "headline_shape", title="Wali Kota Resmikan Pasar Baru di Bekasi") == []


def test_headline_spelling_is_checked_on_the_title_field():
    finding = found("Isi.", "spelling", title="Walikota Resmikan Pasar")[0]
    assert (finding.field, finding.text, finding.replacement) == ("title", "Walikota", "Wali Kota")


@pytest.mark.parametrize("dateline, replacement", [("Bekasi –", "BEKASI –"), ("BEKASI", "BEKASI –"),
                                                    ("Bekasi, Outlet.com -", "BEKASI, Outlet.com –")])
def test_the_dateline_field(dateline, replacement):
    finding = found("Isi.", "dateline", dateline=dateline)[0]
    assert (finding.field, finding.replacement) == ("dateline", replacement)


def test_a_right_dateline_and_one_in_the_body():
    assert found("Isi.", "dateline", dateline="BEKASI –") == []
    assert fixes("Bekasi – Wali Kota hadir.", "dateline") == [("Bekasi", "BEKASI")]
    assert found("BEKASI – Wali Kota hadir.", "dateline") == []


def test_the_advertorial_label():
    assert found("Isi siaran.", "adv_label", signature="(Adv Humas)", label="(Adv Humas)") == []
    assert found("Isi siaran.", "adv_label", signature="(adv/red)", label="(Adv Humas)") == []
    missing = found("Isi siaran.", "adv_label", signature="", label="(Adv Humas)")[0]
    assert (missing.field, missing.replacement) == ("signature", "(Adv Humas)")
    at_the_end = found("Isi siaran.", "adv_label", label="(Adv Humas)")[0]
    assert apply_fixes("Isi siaran.", [at_the_end])[0] == "Isi siaran. (Adv Humas)"
    assert found("Isi siaran. (Adv Humas)", "adv_label", label="(Adv Humas)") == []


# -- fixes ------------------------------------------------------------------------------------------

def test_apply_fixes_writes_every_replacement_and_the_text_checks_clean():
    text = "Walikota menghimbau warga. Acara di kelola oleh dinas pukul 14:30 wib di website resmi, Rp. 5.000.000."
    fixed, applied = apply_fixes(text, check_release(text))
    assert fixed == "Wali Kota mengimbau warga. Acara dikelola oleh dinas pukul 14.30 WIB di situs web resmi, Rp5.000.000."
    assert applied == 7
    assert [f for f in check_release(fixed) if f.replacement is not None] == []


def test_apply_fixes_only_for_the_chosen_checks_and_skips_stale_spans():
    text = "Walikota hadir di website."
    findings = check_release(text)
    assert apply_fixes(text, findings, codes={"foreign"})[0] == "Walikota hadir di situs web."
    assert apply_fixes("Wali Kota hadir di website.", findings, codes={"spelling"}) == ("Wali Kota hadir di website.", 0)
