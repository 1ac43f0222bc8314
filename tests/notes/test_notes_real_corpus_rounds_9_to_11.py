"""The guards of rounds 9 to 11 over the notes modelled on real releases (tests/notes/real to
real11): each round's tuning figures at its freeze, the figures of the notes it last held
back after it tuned on them, and its held-back figures first measured, less MARGIN. The
figures, the folders and the scoring shared with the other rounds' guards (each folder
extracted once per session) live in test_notes_real_corpus.py, whose docstring tells the
protocol of every round."""

import pytest

from press.notes.evaluation import load_real, prf
from tests.notes.test_notes_real_corpus import (MARGIN, REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9,
                                                REAL10, REAL11, REAL8_TUNED, REAL8_TUNED_NON_PEOPLE, REAL9_TUNED,
                                                REAL9_TUNED_NON_PEOPLE, REAL10_TUNED, REAL10_TUNED_NON_PEOPLE,
                                                ROUND9_HELD_BACK_AT_FREEZE, ROUND9_HELD_BACK_NON_PEOPLE,
                                                ROUND9_TUNING_AT_FREEZE, ROUND10_HELD_BACK_AT_FREEZE,
                                                ROUND10_HELD_BACK_NON_PEOPLE, ROUND10_TUNING_AT_FREEZE,
                                                ROUND11_HELD_BACK_AT_FREEZE, ROUND11_HELD_BACK_NON_PEOPLE,
                                                ROUND11_TUNING_AT_FREEZE, fallen, folder_scores, summed)

ROUND11_TUNING_FOLDERS = (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9, REAL10)


def test_round_nine_tunes_on_all_two_hundred_sixty_four_annotated_notes():
    folders = [load_real(folder, "all") for folder in (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8)]
    assert sum(len(notes.annotated) for notes in folders) == 264
    assert all(notes.not_annotated == [] for notes in folders)


@pytest.mark.parametrize("kind", sorted(ROUND9_TUNING_AT_FREEZE))
def test_all_two_hundred_sixty_four_notes_keep_the_figures_of_the_round_nine_freeze(kind):
    _, _, f1 = prf(*summed(REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8)[kind])
    assert f1 >= ROUND9_TUNING_AT_FREEZE[kind] - MARGIN, (kind, f1)


def test_round_eight_notes_keep_their_figures_after_round_nine_tuning():
    scores = folder_scores(REAL8)
    assert fallen(scores, REAL8_TUNED) == {}
    assert scores["non-people"][0] <= REAL8_TUNED_NON_PEOPLE


def test_round_nine_held_back_notes_keep_the_figures_first_measured():
    """The 30 notes of tests/notes/real9, annotated after round 9's freeze and measured once:
    they must not fall more than MARGIN under those figures, nor report more non-people."""
    notes = load_real(REAL9, "all")
    assert len(notes.annotated) == 30 and notes.not_annotated == []
    scores = folder_scores(REAL9)
    assert fallen(scores, ROUND9_HELD_BACK_AT_FREEZE) == {}
    assert scores["non-people"][0] <= ROUND9_HELD_BACK_NON_PEOPLE


def test_round_ten_tunes_on_all_two_hundred_ninety_four_annotated_notes():
    folders = [load_real(folder, "all") for folder in (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9)]
    assert sum(len(notes.annotated) for notes in folders) == 294
    assert all(notes.not_annotated == [] for notes in folders)


@pytest.mark.parametrize("kind", sorted(ROUND10_TUNING_AT_FREEZE))
def test_all_two_hundred_ninety_four_notes_keep_the_figures_of_the_round_ten_freeze(kind):
    _, _, f1 = prf(*summed(REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9)[kind])
    assert f1 >= ROUND10_TUNING_AT_FREEZE[kind] - MARGIN, (kind, f1)


def test_round_nine_notes_keep_their_figures_after_round_ten_tuning():
    scores = folder_scores(REAL9)
    assert fallen(scores, REAL9_TUNED) == {}
    assert scores["non-people"][0] <= REAL9_TUNED_NON_PEOPLE


def test_round_ten_held_back_notes_keep_the_figures_first_measured():
    """The 30 notes of tests/notes/real10, annotated after round 10's freeze and measured once:
    they must not fall more than MARGIN under those figures, nor report more non-people."""
    notes = load_real(REAL10, "all")
    assert len(notes.annotated) == 30 and notes.not_annotated == []
    scores = folder_scores(REAL10)
    assert fallen(scores, ROUND10_HELD_BACK_AT_FREEZE) == {}
    assert scores["non-people"][0] <= ROUND10_HELD_BACK_NON_PEOPLE


def test_round_eleven_tunes_on_all_three_hundred_twenty_four_annotated_notes():
    folders = [load_real(folder, "all") for folder in ROUND11_TUNING_FOLDERS]
    assert sum(len(notes.annotated) for notes in folders) == 324
    assert all(notes.not_annotated == [] for notes in folders)


@pytest.mark.parametrize("kind", sorted(ROUND11_TUNING_AT_FREEZE))
def test_all_three_hundred_twenty_four_notes_keep_the_figures_of_the_round_eleven_freeze(kind):
    _, _, f1 = prf(*summed(*ROUND11_TUNING_FOLDERS)[kind])
    assert f1 >= ROUND11_TUNING_AT_FREEZE[kind] - MARGIN, (kind, f1)


def test_round_ten_notes_keep_their_figures_after_round_eleven_tuning():
    scores = folder_scores(REAL10)
    assert fallen(scores, REAL10_TUNED) == {}
    assert scores["non-people"][0] <= REAL10_TUNED_NON_PEOPLE


def test_round_eleven_held_back_notes_keep_the_figures_first_measured():
    """The 30 notes of tests/notes/real11, annotated after round 11's freeze and measured once:
    they must not fall more than MARGIN under those figures, nor report more non-people."""
    notes = load_real(REAL11, "all")
    assert len(notes.annotated) == 30 and notes.not_annotated == []
    scores = folder_scores(REAL11)
    assert fallen(scores, ROUND11_HELD_BACK_AT_FREEZE) == {}
    assert scores["non-people"][0] <= ROUND11_HELD_BACK_NON_PEOPLE
