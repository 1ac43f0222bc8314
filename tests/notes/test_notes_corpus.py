"""The annotated corpus: thirteen notes (the shared example and one per activity kind),
scored with the matching rules of press.notes.evaluation."""

from pathlib import Path

import pytest

from press.notes.evaluation import MEASURED_KINDS, corpus_scores, load_corpus, prf
from press.notes.reading import read_note

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = Path(__file__).resolve().parent / "corpus"
ACTIVITY_KINDS = {
    "kunjungan kerja (hosting)", "studi banding", "rapat koordinasi", "peresmian", "sosialisasi",
    "penyerahan bantuan", "upacara", "penandatanganan MoU/PKS", "pelantikan", "audiensi", "lomba / festival",
    "bakti sosial",
}
#: F1 on the corpus measured on 2 Dec 2026 (main at 1dcbcbc); a change may lose at most MARGIN of
#: any of them, so a real regression fails (the agreed targets were 0.9, 0.85 for places and 0.7
#: for organisations; the rules have passed them since). Raise a figure when a change improves it.
TODAY_F1 = {"people-with-title": 1.000, "quote-speaker": 0.946, "dates": 1.000, "places": 0.966, "organisations": 0.825}
MARGIN = 0.02


@pytest.fixture(scope="module")
def notes():
    return load_corpus(CORPUS, SHARED)


def test_corpus_has_one_note_per_activity_kind_plus_the_example(notes):
    assert len(notes) == 13
    assert {n.expected["kind"] for n in notes} == ACTIVITY_KINDS


def test_corpus_notes_are_of_realistic_length(notes):
    for note in notes:
        if note.expected.get("source"):
            continue
        words = len(read_note(note.raw, note.filename).text.split())
        assert 150 <= words <= 400, (note.name, words)


def test_corpus_notes_declare_the_encoding_they_are_saved_in(notes):
    for note in notes:
        assert read_note(note.raw, note.filename).encoding == note.expected.get("encoding", "utf-8"), note.name


@pytest.fixture(scope="module")
def scores(notes):
    return corpus_scores(notes)


@pytest.mark.parametrize("kind", MEASURED_KINDS)
def test_extraction_reaches_the_agreed_f1_on_the_corpus(scores, kind):
    precision, recall, f1 = prf(*scores[kind])
    assert f1 >= TODAY_F1[kind] - MARGIN, (kind, precision, recall, f1)
