"""The query language: words, phrases, exclusions, filters, dates, facets, paging, hostility."""
from datetime import datetime

import pytest

from press.search.query_language import parse, parse_date_range


@pytest.fixture
def archive(add, make_doc):
    return add(
        make_doc(id=1, title="Wali Kota Resmikan Puskesmas Sukamaju",
                 body="Wali Kota meresmikan Puskesmas Sukamaju di Kecamatan Rawalumbu, Senin (6/9/2021).",
                 people=("Tri Adhianto",), places=("Rawalumbu",), unit="Dinkes",
                 activity_kind="peresmian", tags=("kesehatan", "puskesmas"), date=datetime(2021, 9, 6)),
        make_doc(id=2, title="Pemkot Terima Kunjungan Kerja PPID Subang",
                 body="Bagian Humas menerima kunjungan kerja PPID Utama Kabupaten Subang, Kamis (30/9/2021).",
                 people=("Sajekti Rubiyah", "Lukita Harjana"), places=("Subang",), unit="Bagian Humas",
                 activity_kind="kunjungan kerja", tags=("ppid",), date=datetime(2021, 9, 30)),
        make_doc(id=3, title="Wakil Wali Kota Serahkan Bantuan Banjir",
                 body="Bantuan sembako diserahkan kepada warga terdampak banjir di Kelurahan Jatiasih.",
                 people=("Tri Adhianto",), places=("Jatiasih",), unit="Dinsos",
                 activity_kind="penyerahan bantuan", tags=("banjir", "bantuan"), date=datetime(2022, 1, 12)),
        make_doc(kind="photo", id=4, title="Foto peresmian puskesmas",
                 body="PRASASTI - Wali Kota menandatangani prasasti peresmian puskesmas.",
                 unit="Dinkes", tags=("puskesmas",), date=datetime(2021, 9, 6)),
        make_doc(kind="note", id=5, title="Catatan rapat",
                 body="Rapat koordinasi penanganan banjir dengan BPBD <script>alert(1)</script>.",
                 unit="BPBD", tags=("banjir",), date=datetime(2022, 2, 1)),
    )


def test_all_words_are_required(archive, keys):
    assert keys(archive.search("wali banjir", public=False)) == ["release:3"]


def test_an_exact_phrase_matches_only_words_in_that_order(archive, keys):
    assert keys(archive.search('"kunjungan kerja"', public=False)) == ["release:2"]
    assert archive.search('"kerja kunjungan"', public=False).total == 0


def test_a_longer_phrase_and_a_phrase_across_a_stop_word(archive, keys):
    assert keys(archive.search('"PPID Utama Kabupaten Subang"', public=False)) == ["release:2"]
    assert keys(archive.search('"puskesmas sukamaju di kecamatan rawalumbu"', public=False)) == ["release:1"]
    assert archive.search('"utama subang"', public=False).total == 0


def test_an_excluded_phrase_removes_its_documents(archive, keys):
    assert set(keys(archive.search('wali -"wali kota"', public=False))) == set()
    assert set(keys(archive.search('puskesmas -"foto peresmian"', public=False))) == {"release:1"}


def test_an_excluded_word_removes_its_documents(archive, keys):
    assert set(keys(archive.search("puskesmas -foto", public=False))) == {"release:1"}
    assert set(keys(archive.search("banjir -rapat", public=False))) == {"release:3"}


def test_a_prefix_matches_words_that_start_with_it(archive, keys):
    assert set(keys(archive.search("puskes*", public=False))) == {"release:1", "photo:4"}


@pytest.mark.parametrize("query", ["orang:Sajekti", "person:sajekti", 'orang:"Sajekti Rubiyah"'])
def test_person_filter_in_either_language(archive, keys, query):
    assert keys(archive.search(query, public=False)) == ["release:2"]


def test_place_unit_tag_and_kind_filters(archive, keys):
    assert keys(archive.search("tempat:Jatiasih", public=False)) == ["release:3"]
    assert keys(archive.search("place:subang", public=False)) == ["release:2"]
    assert set(keys(archive.search("unit:dinkes", public=False))) == {"release:1", "photo:4"}
    assert set(keys(archive.search("tag:banjir", public=False))) == {"release:3", "note:5"}
    assert keys(archive.search("jenis:foto", public=False)) == ["photo:4"]
    assert keys(archive.search("kind:note", public=False)) == ["note:5"]
    assert keys(archive.search("jenis:peresmian", public=False)) == ["release:1"]
    assert keys(archive.search('jenis:"kunjungan kerja"', public=False)) == ["release:2"]


def test_a_filter_combines_with_words(archive, keys):
    assert keys(archive.search("banjir unit:dinsos", public=False)) == ["release:3"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("2021-09", {"release:1", "release:2", "photo:4"}),
        ("tanggal:2022", {"release:3", "note:5"}),
        ("tahun:2021", {"release:1", "release:2", "photo:4"}),
        ("2021-09-01..2021-09-10", {"release:1", "photo:4"}),
        ("date:2022-01..2022-01", {"release:3"}),
        ("2022-01-12", {"release:3"}),
        ("..2021-09-06", {"release:1", "photo:4"}),
        ("banjir 2022-02", {"note:5"}),
    ],
)
def test_date_ranges(archive, keys, query, expected):
    assert set(keys(archive.search(query, public=False))) == expected


def test_date_range_bounds_cover_whole_months_and_years():
    assert parse_date_range("2024-02") == (datetime(2024, 2, 1), datetime(2024, 2, 29, 23, 59, 59, 999999))
    assert parse_date_range("2021")[1] == datetime(2021, 12, 31, 23, 59, 59, 999999)
    assert parse_date_range("2021-13") is None


def test_facets_count_kinds_units_years_tags_and_people(archive):
    facets = archive.search("puskesmas", public=False).facets
    assert dict(facets["kind"]) == {"release": 1, "photo": 1}
    assert dict(facets["unit"]) == {"Dinkes": 2}
    assert dict(facets["year"]) == {"2021": 2}
    assert dict(facets["tag"]) == {"puskesmas": 2, "kesehatan": 1}
    assert dict(facets["person"]) == {"Tri Adhianto": 1}


def test_facets_are_most_frequent_first(archive):
    facets = archive.search("", public=False).facets
    assert facets["person"][0] == ("Tri Adhianto", 2)


def test_order_by_date_puts_newest_first(archive, keys):
    assert keys(archive.search("banjir", public=False, order="date")) == ["note:5", "release:3"]


def test_a_title_match_ranks_first_by_relevance(archive, keys):
    assert keys(archive.search("kunjungan", public=False))[0] == "release:2"


def test_paging_splits_results_without_overlap(archive, keys):
    first = archive.search("", public=False, per_page=2, page=1)
    second = archive.search("", public=False, per_page=2, page=2)
    third = archive.search("", public=False, per_page=2, page=3)
    assert first.total == 5 and first.pages == 3
    assert len(first.hits) == 2 and len(second.hits) == 2 and len(third.hits) == 1
    assert not set(keys(first)) & set(keys(second)) & set(keys(third))
    assert archive.search("", public=False, per_page=2, page=99).hits == []


def test_did_you_mean_corrects_a_misspelt_word(archive):
    result = archive.search("puskesmsa wali", public=False)
    assert result.total == 0
    assert result.did_you_mean == "puskesmas wali"


def test_no_did_you_mean_for_a_word_that_exists(archive):
    assert archive.search("puskesmas", public=False).did_you_mean is None


def test_snippets_mark_matches_and_escape_everything_else(archive):
    hit = archive.search("rapat", public=False).hits[0]
    assert "<mark>Rapat</mark>" in hit.snippet
    assert "&lt;script&gt;" in hit.snippet and "<script>" not in hit.snippet


def test_snippets_mark_words_found_by_their_stem(archive):
    hit = archive.search("peresmian", public=False, order="date").hits[0]
    assert "<mark>meresmikan</mark>" in hit.snippet or "<mark>peresmian</mark>" in hit.snippet
    assert "<mark>" in archive.search("peresmian", public=False).hits[0].title_html


def test_hits_carry_kind_id_title_score_and_payload(add, make_doc):
    ix = add(make_doc(kind="photo", id=7, title="Upacara", thumbnail_key="ab/cd/abcd", payload={"w": 800}))
    hit = ix.search("upacara", public=True).hits[0]
    assert (hit.kind, hit.id, hit.title, hit.thumbnail_key, hit.payload) == ("photo", 7, "Upacara", "ab/cd/abcd", {"w": 800})
    assert hit.score > 0


#: Hostile text -> what staff find and what the search says about it. The public finds the same
#: less the notes (note:5 is staff-only). Every query answers, finds only what its words name and
#: never widens to the whole archive.
HOSTILE = {
    '"unbalanced quote': (set(), {"unbalanced_quote"}),
    "*": (set(), {"nothing_to_search"}),
    "**": (set(), {"nothing_to_search"}),
    "orang:": (set(), {"empty_filter", "nothing_to_search"}),
    "tempat: banjir": ({"release:3", "note:5"}, {"empty_filter"}),
    "x" * 10_000: (set(), {"too_long"}),
    "banjir " * 2_000: (set(), {"too_long"}),
    "AND OR NOT (": (set(), {"operators_ignored", "nothing_to_search"}),
    "banjir AND (rapat OR": ({"note:5"}, {"operators_ignored"}),
    "'; DROP TABLE releases; --": (set(), set()),
    "\" OR 1=1 --": ({"note:5"}, {"unbalanced_quote", "operators_ignored"}),  # "1" is in its "alert(1)"
    "title:*": (set(), {"nothing_to_search"}),
    "tanggal:kemarin": (set(), {"bad_date"}),
    "tanggal:2021-02-30": (set(), {"bad_date"}),
    "2021-99-99..x": (set(), set()),
    "-": (set(), {"nothing_to_search"}),
    "- - -": (set(), {"nothing_to_search"}),
    "-banjir": (set(), {"nothing_to_search"}),
    ":::": (set(), {"nothing_to_search"}),
    "\x00\x01\u202e": (set(), {"nothing_to_search"}),
    "a*": (set(), {"prefix_too_short", "nothing_to_search"}),
    "foo:bar": (set(), {"unknown_filter"}),
    "%_%": (set(), set()),
    "🙂 banjir": ({"release:3", "note:5"}, set()),
}


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize("public", [False, True])
def test_hostile_queries_give_a_result_not_an_error(archive, keys, query, public):
    found, notices = HOSTILE[query]
    if public:
        found = {key for key in found if not key.startswith("note:")}
    result = archive.search(query, public=public)
    assert (set(keys(result)), result.total) == (found, len(found))
    assert set(result.notices) == notices


def test_unbalanced_quote_is_searched_as_words_and_said_so(archive, keys):
    result = archive.search('"kunjungan kerja', public=False)
    assert "unbalanced_quote" in result.notices and result.notice
    assert keys(result) == ["release:2"]


def test_operators_are_searched_as_plain_words_and_said_so(archive, keys):
    result = archive.search("banjir AND bantuan", public=False)
    assert keys(result) == ["release:3"]
    assert "operators_ignored" in result.notices


def test_an_unknown_filter_is_searched_as_words(archive, keys):
    result = archive.search("subang:kunjungan", public=False)
    assert keys(result) == ["release:2"]
    assert "unknown_filter" in result.notices


def test_a_very_long_query_is_cut_and_said_so(archive):
    assert "too_long" in archive.search("banjir " * 2_000, public=False).notices


def test_an_empty_filter_is_ignored_and_said_so(archive):
    result = archive.search("tempat: banjir", public=False)
    assert "empty_filter" in result.notices
    assert result.total == 2


def test_parse_never_hands_operators_to_whoosh():
    parsed = parse('kunjungan "wali kota" -banjir orang:sajekti 2021-09 puskes*')
    assert parsed.words == ["kunjungan"]
    assert parsed.phrases == [["wali", "kota"]]
    assert parsed.prefixes == ["puskes"]
    assert len(parsed.filters) == 2 and len(parsed.excluded) == 1
