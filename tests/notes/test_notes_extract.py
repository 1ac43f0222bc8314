"""Extraction: the golden example release and the behaviours the genre needs."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from press.notes.cleaning import clean
from press.notes.extract import ActivityContext, Participant, extract

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example():
    text = clean((SHARED / "example-release.txt").read_text(encoding="utf-8")).text
    return text, extract(text)


def person(extraction, name):
    return next(p for p in extraction.people if p.name == name)


def test_example_release_gives_the_five_people_with_the_titles_the_text_gives(example):
    _, extraction = example
    people = {(p.name, p.title, p.organisation, tuple(p.honorifics)) for p in extraction.people}
    assert people == {
        ("Sajekti Rubiyah", "Kepala Bagian Humas", "Sekretariat Daerah Kota Bekasi", ()),
        ("Diah Setiyawati", "Kasubag Hubungan Dokumentasi Internal", None, ()),
        ("Muhammad Muchlis", "Kasubag Publikasi Eksternal", None, ()),
        ("Indra Subhan", "Kepala Diskominfo", "Kota Subang", ("Mas",)),
        ("Lukita Harjana", "Sekretaris Diskominfo", "Kota Subang", ()),
    }


def test_example_release_quotes_have_their_speakers(example):
    text, extraction = example
    direct = [(q.speaker, q.text[:25]) for q in extraction.quotes if q.form == "direct"]
    assert direct == [
        ("Lukita Harjana", "Kunjungan kali ini bermak"),
        ("Sajekti Rubiyah", "Jadi Bagian Humas itu sel"),
        ("Sajekti Rubiyah", "Humas selalu bersinergi d"),
        ("Diah Setiyawati", "lalu hal rutin yang kami "),
    ]
    reported = [(q.speaker, q.verb) for q in extraction.quotes if q.form == "indirect"]
    assert reported == [("Sajekti Rubiyah", "menjelaskan"), ("Diah Setiyawati", "menambahkan")]
    for quote in extraction.quotes:
        assert quote.text[:20] in text[quote.span[0]:quote.span[1]]


def test_example_release_date_places_and_organisations(example):
    _, extraction = example
    assert [d.date for d in extraction.dates] == ["2021-09-30"]
    assert {"Kota Bekasi", "Kabupaten Subang", "Jawa Barat"} <= {p.name for p in extraction.places}
    names = {n for o in extraction.organisations for n in (o.name, o.abbreviation, o.expansion) if n}
    assert {"PPID", "Bagian Humas", "Diskominfo", "Komisi Informasi", "SP4N Lapor"} <= names
    ppid = next(o for o in extraction.organisations if o.abbreviation == "PPID")
    assert ppid.expansion == "Pejabat Pengelola Informasi dan Dokumentasi"


def test_short_mention_is_resolved_to_the_full_person(example):
    text, extraction = example
    lukita = person(extraction, "Lukita Harjana")
    assert any(text[s:e] == "Lukita" for s, e in lukita.mentions)


def test_every_span_points_at_its_item(example):
    text, extraction = example
    for p in extraction.people:
        assert p.name in text[p.span[0]:p.span[1]]
    for place in extraction.places:
        assert place.name in text[place.span[0]:place.span[1]] or text[place.span[0]:place.span[1]] in place.name
    for d in extraction.dates:
        assert text[d.span[0]:d.span[1]] == d.text


def test_as_dict_has_the_agreed_json_shape(example):
    _, extraction = example
    shape = extraction.as_dict()
    json.dumps(shape)
    assert set(shape) == {"people", "organisations", "places", "dates", "quotes"}
    assert {"name", "title", "organisation", "honorifics", "degrees", "span"} <= set(shape["people"][0])
    assert {"name", "abbreviation", "span"} <= set(shape["organisations"][0])
    assert {"name", "kind", "span"} <= set(shape["places"][0])
    assert {"date", "text", "weekday_mismatch", "span"} <= set(shape["dates"][0])
    assert {"speaker", "verb", "text", "span"} <= set(shape["quotes"][0])


@pytest.mark.parametrize("text,name,honorifics,degrees,ranks", [
    ("Kepala Diskominfo Kabupaten Sumedang, H.Mashuri, S.Sos., hadir.", "Mashuri", ["H."], ["S.Sos."], []),
    ("Kepala Dinas Kesehatan Kabupaten Subang, Dr. Ir. H. Budi Santoso, M.Si., hadir.", "Budi Santoso",
     ["Dr.", "Ir.", "H."], ["M.Si."], []),
    ("Sekretaris Diskominfo Kota Bandung, Yayan Brilyana, SH.MH beserta jajaran.", "Yayan Brilyana", [], ["SH", "MH"],
     []),
    ("Kepala Dinsos Kota Cirebon Santi Rahayu, SE MM, Ketua Baznas hadir.", "Santi Rahayu", [], ["SE", "MM"], []),
    ("Kapolres Kebumen AKBP Burhanuddin memimpin apel.", "Burhanuddin", [], [], ["AKBP"]),
    ("Dandim 0709/Kebumen Letkol Inf Zamril Philiang hadir.", "Zamril Philiang", [], [], ["Letkol", "Inf"]),
])
def test_honorifics_ranks_and_degrees_are_separated_from_the_name(text, name, honorifics, degrees, ranks):
    [found] = extract(text).people
    assert (found.name, found.honorifics, found.degrees, found.ranks) == (name, honorifics, degrees, ranks)


def test_title_and_name_are_read_in_both_orders():
    text = ("Hadir Wali Kota Bekasi Tri Adhianto. Turut mendampingi Reny Hendrawati, Sekretaris Daerah Kota Bekasi, "
            "dan Kepala Dinas Kesehatan Kota Bekasi, dr. Tanti Rohilawati.")
    people = {(p.name, p.title, p.organisation) for p in extract(text).people}
    assert people == {
        ("Tri Adhianto", "Wali Kota Bekasi", None),
        ("Reny Hendrawati", "Sekretaris Daerah", "Kota Bekasi"),
        ("Tanti Rohilawati", "Kepala Dinas Kesehatan", "Kota Bekasi"),
    }


def test_regional_honorific_before_a_single_word_is_part_of_the_name():
    [found] = extract("Ketua Dewan Juri, Andi Kusuma, menilai peserta kreatif.").people
    assert (found.name, found.honorifics) == ("Andi Kusuma", [])


def test_title_alone_is_resolved_from_the_activity_context():
    text = "\"Pelayanan harus dekat dengan warga dan tidak berbelit,\" kata Bupati."
    context = ActivityContext(date=date(2016, 10, 28), title_holders={"Bupati": "H. Ruhimat"})
    extraction = extract(text, context)
    [quote] = extraction.quotes
    assert quote.speaker == "Ruhimat"
    [bupati] = extraction.people
    assert (bupati.title, bupati.honorifics) == ("Bupati", ["H."])
    assert text[bupati.span[0]:bupati.span[1]] == "Bupati"


def test_title_alone_is_resolved_to_the_person_holding_it_in_the_text():
    text = ("Bupati Subang H. Ruhimat meresmikan gedung.\n"
            "\"Pelayanan kesehatan harus dekat dengan warga,\" kata Bupati.")
    [quote] = extract(text).quotes
    assert quote.speaker == "Ruhimat"


def test_bare_name_takes_title_from_the_activity_participants():
    text = "\"Kami siap mendukung program ini sepenuhnya,\" ujar Lukita Harjana."
    context = ActivityContext(participants=(Participant("Lukita Harjana", "Sekretaris Diskominfo", "Kabupaten Subang"),))
    [found] = extract(text, context).people
    assert (found.title, found.organisation) == ("Sekretaris Diskominfo", "Kabupaten Subang")


@pytest.mark.parametrize("text", [
    "“Kami siap bekerja sama dengan semua pihak,” ujar Wali Kota Depok Mohammad Idris.",
    "\"Kami siap bekerja sama dengan semua pihak,\"ujar Wali Kota Depok Mohammad Idris.",
    "Wali Kota Depok Mohammad Idris hadir. \" Kami siap bekerja sama dengan semua pihak, \" ujarnya.",
])
def test_after_quote_attribution_with_straight_or_curly_marks_with_or_without_spaces(text):
    [quote] = extract(text).quotes
    assert (quote.speaker, quote.placement) == ("Mohammad Idris", "after")
    assert quote.text.startswith("Kami siap bekerja sama")


@pytest.mark.parametrize("after", [" Kepala Dinas Sosial Budi Santoso kemudian menyerahkan bantuan.",
                                   "\n\nKepala Dinas Sosial Budi Santoso kemudian menyerahkan bantuan."])
def test_ujarnya_points_back_to_the_person_named_before_not_the_next_one(after):
    text = "Wali Kota Depok Mohammad Idris hadir. \"Kami siap bekerja sama dengan semua pihak,\" ujarnya." + after
    [quote] = extract(text).quotes
    assert (quote.speaker, quote.verb, quote.placement) == ("Mohammad Idris", "ujar", "after")

def test_interposed_attribution_gives_both_halves_the_speaker():
    text = ("Sekda Kota Tasikmalaya Ivan Dicksan memimpin rapat. \"Angka stunting kita masih tinggi,\" kata Ivan, "
            "\"dan target nasional tidak akan tercapai kalau kita bekerja sendiri-sendiri.\"")
    quotes = extract(text).quotes
    assert [(q.speaker, q.placement) for q in quotes] == [("Ivan Dicksan", "interposed"), ("Ivan Dicksan", "interposed")]


def test_quote_running_over_two_paragraphs_is_one_quote():
    text = ("Sekretaris Diskominfo Kota Bandung, Yayan Brilyana mengatakan \"Command Center kami bangun untuk "
            "memantau layanan publik.\n\"Yang penting adalah integrasi data antar perangkat daerah,\" ujar Yayan.")
    [quote] = extract(text).quotes
    assert quote.speaker == "Yayan Brilyana"
    assert quote.text.startswith("Command Center") and quote.text.endswith("antar perangkat daerah")


@pytest.mark.parametrize("text,verb", [
    ("Kepala Dinas Sosial Kota Cirebon Santi Rahayu hadir. Menurut Santi, penyaluran tahap berikutnya dijadwalkan "
     "pekan depan.", "Menurut"),
    ("Kepala Dinas Sosial Kota Cirebon Santi Rahayu hadir. Dalam sambutannya Santi Rahayu mengatakan \"Penyaluran "
     "tahap berikutnya dijadwalkan pekan depan.\"", "mengatakan"),
])
def test_fronted_attribution(text, verb):
    [quote] = extract(text).quotes
    assert (quote.speaker, quote.verb, quote.placement) == ("Santi Rahayu", verb, "fronted")


def test_reported_speech_is_attributed():
    text = "Kepala BKPSDM Kota Bekasi Karto menjelaskan bahwa pengisian jabatan telah melalui uji kompetensi."
    [quote] = extract(text).quotes
    assert (quote.speaker, quote.verb, quote.placement) == ("Karto", "menjelaskan", "reported")
    assert quote.text == "pengisian jabatan telah melalui uji kompetensi"


def test_places_of_every_kind_are_found():
    text = ("Kegiatan di Aula Kantor Kecamatan Cibeber, Desa Sukamaju, Kelurahan Harapan Jaya, Kabupaten Cianjur, "
            "Provinsi Jawa Barat, dilanjutkan di Pendopo Cianjur dan Ruang Rapat Bupati serta Gedung Juang.")
    places = {(p.name, p.kind) for p in extract(text).places}
    assert {("Kecamatan Cibeber", "kecamatan"), ("Desa Sukamaju", "desa"), ("Kabupaten Cianjur", "kabupaten"),
            ("Jawa Barat", "provinsi"), ("Pendopo Cianjur", "venue"), ("Ruang Rapat Bupati", "venue"),
            ("Gedung Juang", "venue")} <= places
    assert any(name.startswith("Kelurahan Harapan") for name, _ in places)
    assert any(name.startswith("Aula Kantor Kecamatan Cibeber") for name, _ in places)


def test_place_inside_a_regional_head_title_is_not_a_place():
    assert extract("Wali Kota Bekasi Tri Adhianto hadir.").places == []


def test_organisation_abbreviation_is_expanded_through_the_glossary():
    [org] = extract("Rapat dihadiri BPBD.").organisations
    assert (org.abbreviation, org.expansion) == ("BPBD", "Badan Penanggulangan Bencana Daerah")


def test_organisation_named_in_full_and_abbreviated_is_one_organisation():
    text = "Dinas Kesehatan Kabupaten Subang membangun puskesmas. Tahun depan Dinkes menambah dua lagi."
    orgs = [o for o in extract(text).organisations if o.expansion == "Dinas Kesehatan"]
    assert len(orgs) == 1 and len(orgs[0].mentions) == 2


def test_notes_modules_import_no_flask():
    code = ("import sys, types; m = types.ModuleType('press'); m.__path__ = ['press']; sys.modules['press'] = m; "
            "import press.notes.reading, press.notes.cleaning, press.notes.glossary, press.notes.dates, "
            "press.notes.extract, press.notes.evaluation, press.notes; "
            "assert not [n for n in sys.modules if n.split('.')[0] in ('flask', 'sqlalchemy', 'werkzeug')]")
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
