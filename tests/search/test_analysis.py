"""Indonesian analysis: tokens kept whole, stems that find each other, names left alone."""
import pytest

from press.search.analysis import stem, stem_text, terms


def test_tokenizer_keeps_dates_abbreviations_and_numbers_whole():
    assert terms("Kamis, (30/9/2021) SP4N Lapor, Dandim 0709, Call Center 1500-444") == [
        "kamis", "30/9/2021", "sp4n", "lapor", "dandim", "0709", "call", "center", "1500-444",
    ]


def test_tokenizer_lowercases_drops_stop_words_and_apostrophes():
    assert terms("Rapat yang digelar pada hari Jum'at di Balai Kota") == ["rapat", "digelar", "hari", "jumat", "balai", "kota"]


def test_stems_are_cached():
    stem.cache_clear()
    stem("mengunjungi")
    stem("mengunjungi")
    assert stem.cache_info().hits >= 1


def test_names_are_not_stemmed_into_common_words():
    assert stem("bekasi") == "bekasi"
    assert stem("kediri") == "kediri"
    assert stem_text("Kunjungan Bekasi Raya") == "kunjung"
    assert stem_text("Kunjungan Pemerintah", {"pemerintah"}) == "kunjung"


@pytest.mark.parametrize(
    "indexed, query",
    [
        ("berkunjung", "kunjungan"),
        ("mengunjungi", "kunjungan"),
        ("kunjungan", "mengunjungi"),
        ("kunjungan", "berkunjung"),
        ("peresmian", "meresmikan"),
        ("meresmikan", "peresmian"),
        ("penyerahan", "menyerahkan"),
        ("menyerahkan", "penyerahan"),
        ("mensosialisasikan", "sosialisasi"),
        ("bersosialisasi", "sosialisasi"),
        ("pelantikan", "dilantik"),
        ("penandatanganan", "menandatangani"),
        ("menghadiri", "kehadiran"),
        ("penyaluran", "disalurkan"),
    ],
)
def test_affixed_forms_find_each_other(add, make_doc, keys, indexed, query):
    ix = add(make_doc(id=1, title="Kegiatan", body=f"Wali Kota {indexed} warga."), make_doc(id=2, body="Rapat anggaran."))
    assert keys(ix.search(query, public=False)) == ["release:1"]


def test_bekasi_does_not_find_bekas(add, make_doc, keys):
    ix = add(
        make_doc(id=1, body="Pasar barang bekas ditata ulang."),
        make_doc(id=2, body="Wali Kota Bekasi menerima tamu.", places=("Kota Bekasi",)),
    )
    assert keys(ix.search("Bekasi", public=False)) == ["release:2"]
    assert keys(ix.search("bekas", public=False)) == ["release:1"]


def test_a_place_or_persons_name_outside_the_name_list_is_not_stemmed_in_the_index(add, make_doc, keys):
    """Names the built-in list does not know are protected by the document's own people and
    places: "Penjaringan" (a district) is not indexed as "jaring", nor "Harapan" (a person) as "harap"."""
    assert stem("penjaringan") == "jaring" and stem("harapan") == "harap", "the stemmer would merge them"
    ix = add(
        make_doc(id=1, body="Nelayan memperbaiki jaring. Warga berharap cuaca cerah."),
        make_doc(id=2, body="Camat Penjaringan menerima Budi Harapan.", places=("Kecamatan Penjaringan",),
                 people=("Budi Harapan",)),
    )
    for query in ("jaring", "menjaring", "harap", "berharap"):
        assert keys(ix.search(query, public=False)) == ["release:1"], query
    assert keys(ix.search("Penjaringan", public=False)) == ["release:2"]

def test_kediri_does_not_find_diri(add, make_doc, keys):
    ix = add(
        make_doc(id=1, body="Peserta memperkenalkan diri masing-masing."),
        make_doc(id=2, body="Rombongan dari Kediri tiba siang.", places=("Kediri",)),
    )
    assert keys(ix.search("Kediri", public=False)) == ["release:2"]
    assert keys(ix.search("diri", public=False)) == ["release:1"]


def test_a_persons_name_is_not_stemmed_in_the_text(add, make_doc, keys):
    ix = add(
        make_doc(id=1, body="Sambutan oleh Bapak Pemuda Harapan.", people=("Pemuda Harapan",)),
        make_doc(id=2, body="Kegiatan para pemudi desa."),
    )
    assert keys(ix.search("Pemuda", public=False)) == ["release:1"]
