"""The guards of rounds 6 to 8 over the notes modelled on real releases (tests/notes/real to
real8): each round's tuning figures at its freeze, the figures of the notes it last held
back after it tuned on them, and its held-back figures first measured, less MARGIN. The
figures, the folders and the scoring shared with the other rounds' guards (each folder
extracted once per session) live in test_notes_real_corpus.py, whose docstring tells the
protocol of every round."""

import pytest

from press.notes.evaluation import load_real, prf
from tests.notes.real_corpus_figures import (REAL5_TUNED, REAL5_TUNED_NON_PEOPLE, REAL6_TUNED, REAL6_TUNED_NON_PEOPLE,
                                             REAL7_TUNED, REAL7_TUNED_NON_PEOPLE, ROUND6_HELD_BACK_AT_FREEZE,
                                             ROUND6_HELD_BACK_NON_PEOPLE, ROUND6_TUNING_AT_FREEZE,
                                             ROUND7_HELD_BACK_AT_FREEZE, ROUND7_HELD_BACK_NON_PEOPLE,
                                             ROUND7_TUNING_AT_FREEZE, ROUND8_HELD_BACK_AT_FREEZE,
                                             ROUND8_HELD_BACK_NON_PEOPLE, ROUND8_TUNING_AT_FREEZE)
from tests.notes.test_notes_real_corpus import (MARGIN, REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, fallen,
                                                folder_scores, summed)


@pytest.fixture(scope="module")
def round6_tuning_scores():
    return summed(REAL, REAL2, REAL3, REAL4, REAL5)


def test_round_six_tunes_on_all_one_hundred_seventy_four_annotated_notes():
    folders = [load_real(folder, "all") for folder in (REAL, REAL2, REAL3, REAL4, REAL5)]
    assert sum(len(notes.annotated) for notes in folders) == 174
    assert all(notes.not_annotated == [] for notes in folders)


@pytest.mark.parametrize("kind", sorted(ROUND6_TUNING_AT_FREEZE))
def test_all_one_hundred_seventy_four_notes_keep_the_figures_of_the_round_six_freeze(round6_tuning_scores, kind):
    _, _, f1 = prf(*round6_tuning_scores[kind])
    assert f1 >= ROUND6_TUNING_AT_FREEZE[kind] - MARGIN, (kind, f1)


def test_round_five_notes_keep_their_figures_after_round_six_tuning():
    scores = folder_scores(REAL5)
    assert fallen(scores, REAL5_TUNED) == {}
    assert scores["non-people"][0] <= REAL5_TUNED_NON_PEOPLE


def test_round_six_held_back_notes_keep_the_figures_first_measured():
    """The 30 notes of tests/notes/real6, annotated after round 6's freeze and measured once:
    they must not fall more than MARGIN under those figures, nor report more non-people."""
    notes = load_real(REAL6, "all")
    assert len(notes.annotated) == 30 and notes.not_annotated == []
    scores = folder_scores(REAL6)
    assert fallen(scores, ROUND6_HELD_BACK_AT_FREEZE) == {}
    assert scores["non-people"][0] <= ROUND6_HELD_BACK_NON_PEOPLE


def test_round_seven_tunes_on_all_two_hundred_four_annotated_notes():
    folders = [load_real(folder, "all") for folder in (REAL, REAL2, REAL3, REAL4, REAL5, REAL6)]
    assert sum(len(notes.annotated) for notes in folders) == 204
    assert all(notes.not_annotated == [] for notes in folders)


@pytest.mark.parametrize("kind", sorted(ROUND7_TUNING_AT_FREEZE))
def test_all_two_hundred_four_notes_keep_the_figures_of_the_round_seven_freeze(kind):
    _, _, f1 = prf(*summed(REAL, REAL2, REAL3, REAL4, REAL5, REAL6)[kind])
    assert f1 >= ROUND7_TUNING_AT_FREEZE[kind] - MARGIN, (kind, f1)


def test_round_six_notes_keep_their_figures_after_round_seven_tuning():
    scores = folder_scores(REAL6)
    assert fallen(scores, REAL6_TUNED) == {}
    assert scores["non-people"][0] <= REAL6_TUNED_NON_PEOPLE


def test_round_seven_held_back_notes_keep_the_figures_first_measured():
    """The 30 notes of tests/notes/real7, annotated after round 7's freeze and measured once:
    they must not fall more than MARGIN under those figures, nor report more non-people."""
    notes = load_real(REAL7, "all")
    assert len(notes.annotated) == 30 and notes.not_annotated == []
    scores = folder_scores(REAL7)
    assert fallen(scores, ROUND7_HELD_BACK_AT_FREEZE) == {}
    assert scores["non-people"][0] <= ROUND7_HELD_BACK_NON_PEOPLE


def test_round_eight_tunes_on_all_two_hundred_thirty_four_annotated_notes():
    folders = [load_real(folder, "all") for folder in (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7)]
    assert sum(len(notes.annotated) for notes in folders) == 234
    assert all(notes.not_annotated == [] for notes in folders)


@pytest.mark.parametrize("kind", sorted(ROUND8_TUNING_AT_FREEZE))
def test_all_two_hundred_thirty_four_notes_keep_the_figures_of_the_round_eight_freeze(kind):
    _, _, f1 = prf(*summed(REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7)[kind])
    assert f1 >= ROUND8_TUNING_AT_FREEZE[kind] - MARGIN, (kind, f1)


def test_round_seven_notes_keep_their_figures_after_round_eight_tuning():
    scores = folder_scores(REAL7)
    assert fallen(scores, REAL7_TUNED) == {}
    assert scores["non-people"][0] <= REAL7_TUNED_NON_PEOPLE


def test_round_eight_held_back_notes_keep_the_figures_first_measured():
    """The 30 notes of tests/notes/real8, annotated after round 8's freeze and measured once:
    they must not fall more than MARGIN under those figures, nor report more non-people."""
    notes = load_real(REAL8, "all")
    assert len(notes.annotated) == 30 and notes.not_annotated == []
    scores = folder_scores(REAL8)
    assert fallen(scores, ROUND8_HELD_BACK_AT_FREEZE) == {}
    assert scores["non-people"][0] <= ROUND8_HELD_BACK_NON_PEOPLE
