"""The comparison with the release: sentences found despite typography, a changed word
shown, the date's tolerance, and a page without a date."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from press.codes import ProofVerdict
from press.proofs import Article, compare
from press.proofs.sentences import split

from .outlet import DUE, PARAGRAPHS, TITLE


def article(paragraphs=PARAGRAPHS, *, title=TITLE, published=DUE, label="(Adv)"):
    return Article(title, tuple(paragraphs), published, "meta" if published else None, label)


def test_typography_case_and_quotation_marks_do_not_count():
    page = [p.replace("“", '"').replace("”", '"').replace("–", "-").upper() for p in PARAGRAPHS]
    result = compare(article(page), TITLE, PARAGRAPHS, due=DUE)
    assert (result.similarity, result.changed_paragraphs) == (1.0, ())


def test_the_releases_bold_and_italic_marks_do_not_count():
    release = [PARAGRAPHS[0].replace("Drs. Harda Kiswaya", "**Drs. Harda Kiswaya**"), *PARAGRAPHS[1:]]
    assert compare(article(), TITLE, release, due=DUE).similarity == 1.0


def test_a_sentence_with_a_typo_is_found_and_its_paragraph_shown_changed():
    page = list(PARAGRAPHS)
    page[1] = page[1].replace("Rp 2,4 miliar", "Rp 2,4 milyar")
    result = compare(article(page), TITLE, PARAGRAPHS, due=DUE)
    assert result.similarity == 1.0
    assert result.verdict == ProofVerdict.VERIFIED
    [changed] = result.changed_paragraphs
    assert changed.index == 1
    assert ("miliar.", "del") in changed.diff.left and ("milyar.", "ins") in changed.diff.right


def test_a_rewritten_paragraph_is_changed_not_missing():
    page = list(PARAGRAPHS)
    page[2] = ("“Warga tidak perlu lagi memutar sejauh tujuh kilometer untuk ke pasar dan sekolah,” kata Bupati "
               "dalam sambutannya. Bupati juga berterima kasih kepada kontraktor.")
    result = compare(article(page), TITLE, PARAGRAPHS, due=DUE)
    assert result.missing_paragraphs == ()
    assert [c.index for c in result.changed_paragraphs] == [2]
    assert result.sentences_found == result.sentences - 1


def test_abbreviated_titles_and_degrees_do_not_cut_a_sentence():
    assert split(PARAGRAPHS[3]) == [
        "Kepala Dinas Pekerjaan Umum, Ir. Taufiq Wahyudi, M.T., menjelaskan jembatan dirancang untuk pejalan kaki "
        "dan sepeda motor dengan beban hingga 500 kilogram.",
        "Rambu batas muatan dipasang di kedua ujung jembatan."]


@pytest.mark.parametrize(("days", "verdict"), [(-2, ProofVerdict.VERIFIED), (3, ProofVerdict.VERIFIED), (4, ProofVerdict.LATE)])
def test_the_date_tolerance(days, verdict):
    assert compare(article(published=DUE + timedelta(days=days)), TITLE, PARAGRAPHS, due=DUE).verdict == verdict


def test_a_contracts_own_tolerance_is_used():
    late = article(published=DUE + timedelta(days=5))
    assert compare(late, TITLE, PARAGRAPHS, due=DUE, tolerance_days=7).verdict == ProofVerdict.VERIFIED


@pytest.mark.parametrize(("fetched_on", "verdict"), [(DUE + timedelta(days=1), ProofVerdict.VERIFIED),
                                                     (DUE + timedelta(days=10), ProofVerdict.LATE)])
def test_a_page_without_a_date_is_dated_by_its_fetch(fetched_on, verdict):
    result = compare(article(published=None), TITLE, PARAGRAPHS, due=DUE, fetched_on=fetched_on)
    assert result.verdict == verdict
    assert (("date_unknown", {}) in result.reasons) == (verdict == ProofVerdict.LATE)


def test_an_empty_page_is_not_found():
    result = compare(Article("", (), None, None, None), TITLE, PARAGRAPHS, due=DUE)
    assert (result.verdict, result.similarity) == (ProofVerdict.NOT_FOUND, 0.0)
    assert result.reason_texts()[0] == "Halaman memuat berita lain: judul dan isinya berbeda dari siaran."


def test_the_result_is_plain_data():
    data = compare(article(PARAGRAPHS[:4]), TITLE, PARAGRAPHS, due=date(2026, 11, 30)).as_dict()
    assert data["verdict"] == "incomplete"
    assert [m["index"] for m in data["missing_paragraphs"]] == [4, 5]
    assert data["page_date"] == "2026-11-30"
