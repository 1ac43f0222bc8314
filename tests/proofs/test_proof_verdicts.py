"""Each page a partner might send as proof gets the verdict a finance officer expects."""
from __future__ import annotations

import pytest

from press.codes import ProofVerdict
from press.proofs import check

from .outlet import DUE, PARAGRAPHS, TITLE, Outlet


def run(outlet, path, **options):
    return check(outlet.url(path), TITLE, PARAGRAPHS, due=DUE, allow=outlet.allow, **options)


def test_the_release_as_published_is_verified(outlet):
    result = run(outlet, "/berita/adv-jembatan")
    assert result.comparison.verdict == ProofVerdict.VERIFIED
    assert result.comparison.similarity == 1.0
    assert result.comparison.label_found == "(Adv Humas Pemkab Sleman)"
    assert result.comparison.page_date == DUE
    assert result.comparison.title_match
    text = result.article.text
    assert "Kapan jembatan di padukuhan kami" not in text
    assert "Kuliner Malam" not in text and "Kali Progo Meluap" not in text and "Hak cipta" not in text


def test_a_paragraph_cut_is_incomplete_and_named(outlet):
    result = run(outlet, "/berita/dipotong")
    assert result.comparison.verdict == ProofVerdict.INCOMPLETE
    assert 0.5 <= result.comparison.similarity < 0.9
    assert result.comparison.missing_paragraphs == ((3, PARAGRAPHS[3]),)


def test_a_page_without_the_label_has_no_label(outlet):
    """The site's menu has "Advertorial", "Iklan" and "Kerja Sama" links and its ad slots
    say "Iklan": none of that labels the article."""
    result = run(outlet, "/berita/tanpa-label")
    assert result.comparison.verdict == ProofVerdict.NO_LABEL
    assert result.comparison.label_found is None
    assert result.comparison.similarity == 1.0


def test_a_week_late_is_late(outlet):
    result = run(outlet, "/berita/terlambat")
    assert result.comparison.verdict == ProofVerdict.LATE
    assert result.comparison.days_after_due == 7
    assert ("late", {"days": 7}) in result.comparison.reasons


def test_a_date_written_in_indonesian_on_the_page_is_read(outlet):
    result = run(outlet, "/berita/tanggal-teks")
    assert result.comparison.page_date_from == "text"
    assert result.comparison.verdict == ProofVerdict.LATE


def test_the_json_ld_date_is_read(outlet):
    result = run(outlet, "/berita/json-ld")
    assert (result.comparison.page_date, result.comparison.page_date_from) == (DUE, "json-ld")
    assert result.comparison.verdict == ProofVerdict.VERIFIED


def test_another_article_is_not_found(outlet):
    result = run(outlet, "/berita/lain")
    assert result.comparison.verdict == ProofVerdict.NOT_FOUND
    assert result.comparison.similarity < 0.5
    assert not result.comparison.title_match
    assert result.comparison.reasons[0] == ("another_article", {})


def test_an_article_over_two_pages_is_read_whole(outlet):
    result = run(outlet, "/berita/bersambung")
    assert [p.final_url for p in result.fetched.pages] == [outlet.url("/berita/bersambung"),
                                                           outlet.url("/berita/bersambung?page=2")]
    assert result.comparison.verdict == ProofVerdict.VERIFIED
    assert result.comparison.similarity == 1.0
    assert "Festival Kopi" not in result.article.text


def test_the_whole_article_on_one_page_is_preferred(outlet):
    result = run(outlet, "/berita/semua")
    assert [p.final_url for p in result.fetched.pages] == [outlet.url("/berita/semua?page=all")]
    assert result.comparison.verdict == ProofVerdict.VERIFIED


def test_pagination_stops_at_five_pages(outlet):
    result = run(outlet, "/berita/panjang")
    assert len(result.fetched.pages) == 5
    assert result.fetched.refusal is None
    assert result.article.paragraphs == (PARAGRAPHS[0], "(Adv Humas Pemkab Sleman)", *PARAGRAPHS[1:5])
    assert result.comparison.missing_paragraphs == ((5, PARAGRAPHS[5]),)


def test_baca_juga_inserts_are_not_part_of_the_article(outlet):
    result = run(outlet, "/berita/baca-juga")
    assert result.comparison.verdict == ProofVerdict.VERIFIED
    assert list(result.article.paragraphs) == [*PARAGRAPHS, "(Adv Humas Pemkab Sleman)"]
    assert "Pasar Murah" not in result.article.text and "12 Ruas Jalan" not in result.article.text


def test_a_missing_page_is_unreachable_with_its_status(outlet):
    result = run(outlet, "/berita/tidak-ada")
    assert result.comparison.verdict == ProofVerdict.UNREACHABLE
    assert result.comparison.refusal.code == "http_status"
    assert result.comparison.refusal.text() == "Situs menjawab dengan status 404, bukan halaman berita."


def test_a_page_that_never_answers_is_unreachable_after_the_time_limit(outlet):
    result = run(outlet, "/lambat", timeout=1)
    assert result.comparison.verdict == ProofVerdict.UNREACHABLE
    assert result.comparison.refusal.code == "timeout"
    assert "tidak menjawab dalam 1 detik" in result.comparison.refusal.text()


def test_a_page_that_answers_a_little_at_a_time_stops_at_the_total_limit(outlet):
    result = run(outlet, "/tetes", timeout=1)
    assert result.comparison.refusal.code == "timeout"


def test_headers_sent_a_line_at_a_time_stop_at_the_total_limit(outlet):
    """The site would send 400 header lines, one every 50 ms: the fetch hangs up at its
    one-second limit, long before the client library's own limit of 100 lines."""
    result = run(outlet, "/tetes-kepala", timeout=1)
    assert result.comparison.refusal.code == "timeout"
    assert Outlet.header_lines < 100


@pytest.mark.parametrize("path", ["/besar", "/besar-diumumkan", "/bom"])
def test_a_page_over_the_size_limit_is_refused_while_reading(outlet, path):
    result = run(outlet, path)
    assert result.comparison.verdict == ProofVerdict.UNREACHABLE
    assert result.comparison.refusal.code == "too_large"
    assert result.comparison.refusal.text() == "Halaman lebih besar dari 5 MB; pengambilan dihentikan."
    assert result.fetched.pages == []


def test_the_snapshot_holds_the_pages_text_and_hash(outlet):
    import hashlib
    import io
    import json
    import zipfile

    result = run(outlet, "/berita/bersambung")
    archive = zipfile.ZipFile(io.BytesIO(result.snapshot.archive()))
    manifest = json.loads(archive.read("manifest.json"))
    assert sorted(archive.namelist()) == ["halaman-1.html", "halaman-2.html", "manifest.json", "teks.txt"]
    assert archive.read("halaman-2.html") == result.fetched.pages[1].body
    assert manifest["pages"][0]["sha256"] == hashlib.sha256(archive.read("halaman-1.html")).hexdigest()
    assert manifest["sha256"] == result.snapshot.sha256
    assert manifest["fetched_at"] == result.fetched.fetched_at.isoformat()
    assert PARAGRAPHS[4] in archive.read("teks.txt").decode("utf-8")
    assert result.snapshot.archive() == result.snapshot.archive()
