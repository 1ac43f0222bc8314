"""The notes modelled on real releases from many outlets: the rules keep the figures
measured when they were frozen (less 0.02), and report no weekday, month, street or
region as a person.

Round 1 tuned on 40 notes of tests/notes/real and held back 20 (`split.json`), measured
once after its freeze: HELD_BACK_AT_FREEZE is that history and those 20 must not fall
under it. Round 2 tunes on all 60 notes of tests/notes/real (ROUND2_TUNING_AT_FREEZE) and
holds back tests/notes/real2 whole; its notes are annotated only after round 2's freeze,
and ROUND2_HELD_BACK_AT_FREEZE takes the figures first measured on them. Round 3 tunes on
all 84 notes of tests/notes/real and tests/notes/real2 (ROUND3_TUNING_AT_FREEZE; real2 on
its own keeps REAL2_AT_ROUND3_FREEZE, its figures after round 3's tuning, while
ROUND2_HELD_BACK_AT_FREEZE stays the last held-back word on round 2) and holds back
tests/notes/real3 whole: annotated only after round 3's freeze, measured once, and the
figures written into ROUND3_HELD_BACK_AT_FREEZE; until then its notes must have no
annotation. Round 4 tunes on all 114 notes, real3 included: REAL3_TUNED holds real3's
figures after that tuning and they must not fall, nor its count of non-people rise; its
rules were frozen at d0a8c1f ("Frozen rules (round 4):", ROUND4_TUNING_AT_FREEZE) and it
holds back tests/notes/real4 whole: annotated only after that freeze, measured once, and
the figures written into ROUND4_HELD_BACK_AT_FREEZE; until then none of its notes may be
annotated. Round 5 tunes on all 144 notes, real4 included: REAL4_TUNED holds real4's
figures after that tuning and they must not fall, nor its count of non-people rise; its
rules are frozen at the "Frozen rules (round 5):" commit (ROUND5_TUNING_AT_FREEZE) and it
holds back tests/notes/real5 whole, annotated only after that freeze, measured once, and
the figures written into ROUND5_HELD_BACK_AT_FREEZE; until then none of its notes may be
annotated. Round 6 tunes on all 174 notes, real5 included: REAL5_TUNED holds real5's
figures after that tuning and they must not fall, nor its count of non-people rise
(REAL5_TUNED_NON_PEOPLE); its rules are frozen at the "Frozen rules (round 6):" commit
(ROUND6_TUNING_AT_FREEZE) and it holds back tests/notes/real6 whole, annotated only after
that freeze, measured once, and the figures written into ROUND6_HELD_BACK_AT_FREEZE, with the
count of non-people then in ROUND6_HELD_BACK_NON_PEOPLE; those 30 notes must not fall more than
MARGIN under them, nor report more non-people. Round 7 tunes on all 204 notes, real6 included:
REAL6_TUNED holds real6's figures after that tuning and they must not fall, nor its count of
non-people rise (REAL6_TUNED_NON_PEOPLE); its rules are frozen at the "Frozen rules (round 7):"
commit (ROUND7_TUNING_AT_FREEZE) and it holds back tests/notes/real7 whole, annotated only after
that freeze, measured once, and the figures written into ROUND7_HELD_BACK_AT_FREEZE, with the
count of non-people then in ROUND7_HELD_BACK_NON_PEOPLE; those 30 notes must not fall more than
MARGIN under them, nor report more non-people.

Each folder is scored once per test session (`folder_scores`) and the rounds' figures are sums of
those, so the many guards cost one extraction of each note."""

from functools import cache
from pathlib import Path

import pytest

from press.notes.evaluation import REAL_KINDS, is_date_or_place_word, load_real, prf, run, score_real
from press.notes.glossary import load_glossary

REAL = Path(__file__).resolve().parent / "real"
REAL2 = Path(__file__).resolve().parent / "real2"
REAL3 = Path(__file__).resolve().parent / "real3"
REAL4 = Path(__file__).resolve().parent / "real4"
REAL5 = Path(__file__).resolve().parent / "real5"
REAL6 = Path(__file__).resolve().parent / "real6"
REAL7 = Path(__file__).resolve().parent / "real7"
MARGIN = 0.02
# F1 on round 1's 40 tuning notes at its "Frozen rules:" commit (9e1fc17).
TUNING_AT_FREEZE = {"people": 0.896, "people-with-title": 0.870, "direct-quote-speaker": 0.863}
# F1 on round 1's 20 held-back notes, measured once when they were annotated after the freeze at 9e1fc17.
HELD_BACK_AT_FREEZE = {"people": 0.760, "people-with-title": 0.674, "direct-quote-speaker": 0.726}
# F1 on all 60 notes of tests/notes/real at round 2's "Frozen rules (round 2):" commit.
ROUND2_TUNING_AT_FREEZE = {"people": 0.961, "people-with-title": 0.939, "direct-quote-speaker": 0.954}
# F1 on tests/notes/real2, measured once when its notes are annotated after round 2's freeze.
ROUND2_HELD_BACK_AT_FREEZE = {"people": 0.856, "people-with-title": 0.806, "direct-quote-speaker": 0.696}
# F1 on all 84 notes of tests/notes/real and tests/notes/real2 at round 3's "Frozen rules (round 3):" commit.
ROUND3_TUNING_AT_FREEZE = {"people": 0.968, "people-with-title": 0.942, "direct-quote-speaker": 0.953}
# F1 on tests/notes/real2 alone at that commit (tuned on in round 3: not held-back figures).
REAL2_AT_ROUND3_FREEZE = {"people": 0.953, "people-with-title": 0.909, "direct-quote-speaker": 0.912}
# F1 on tests/notes/real3, measured once when its notes were annotated after round 3's freeze (c18b84b).
ROUND3_HELD_BACK_AT_FREEZE = {"people": 0.754, "people-with-title": 0.733, "direct-quote-speaker": 0.726}
# F1 on tests/notes/real3 at round 4's "Frozen rules (round 4):" commit, after tuning on all 114 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (8 at round 3's freeze).
REAL3_TUNED = {"people": 0.910, "people-with-title": 0.800, "direct-quote-speaker": 0.813}
REAL3_TUNED_NON_PEOPLE = 1
# F1 on all 114 notes of tests/notes/real, real2 and real3 at round 4's "Frozen rules (round 4):" commit.
ROUND4_TUNING_AT_FREEZE = {"people": 0.954, "people-with-title": 0.911, "direct-quote-speaker": 0.918}
# F1 on tests/notes/real4, measured once when its notes are annotated after round 4's freeze (d0a8c1f):
# {"people": …, "people-with-title": …, "direct-quote-speaker": …}, and ROUND4_HELD_BACK_NON_PEOPLE the
# count of non-people reported on them then. Measured on 2 Dec 2026 by the annotator: the frozen
# rules stopped with an error on r126 (fixed since), so that note counts as one where nothing was found.
ROUND4_HELD_BACK_AT_FREEZE = {"people": 0.824, "people-with-title": 0.752, "direct-quote-speaker": 0.717}
ROUND4_HELD_BACK_NON_PEOPLE = 4
# F1 on tests/notes/real4 at round 5's "Frozen rules (round 5):" commit, after tuning on all 144 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (4 at round 4's freeze).
REAL4_TUNED = {"people": 0.907, "people-with-title": 0.836, "direct-quote-speaker": 0.872}
REAL4_TUNED_NON_PEOPLE = 0
# F1 on all 144 notes of tests/notes/real, real2, real3 and real4 at round 5's "Frozen rules (round 5):" commit.
ROUND5_TUNING_AT_FREEZE = {"people": 0.945, "people-with-title": 0.897, "direct-quote-speaker": 0.908}
# F1 on tests/notes/real5, measured once when its notes are annotated after round 5's freeze:
# {"people": …, "people-with-title": …, "direct-quote-speaker": …}, and ROUND5_HELD_BACK_NON_PEOPLE the
# count of non-people reported on them then. Measured on 2 Dec 2026 by the annotator (annotations at
# 87d5e70, then h-tune6 merged: the freeze plus its speed-only and docs commits); no note stopped with an error.
ROUND5_HELD_BACK_AT_FREEZE = {"people": 0.794, "people-with-title": 0.755, "direct-quote-speaker": 0.826}
ROUND5_HELD_BACK_NON_PEOPLE = 2
# F1 on tests/notes/real5 at round 6's "Frozen rules (round 6):" commit, after tuning on all 174 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (2 at round 5's freeze).
REAL5_TUNED = {"people": 0.926, "people-with-title": 0.883, "direct-quote-speaker": 0.952}
REAL5_TUNED_NON_PEOPLE = 0
# F1 on all 174 notes of tests/notes/real, real2, real3, real4 and real5 at round 6's "Frozen rules (round 6):" commit.
ROUND6_TUNING_AT_FREEZE = {"people": 0.950, "people-with-title": 0.902, "direct-quote-speaker": 0.921}
# F1 on tests/notes/real6, measured once when its notes were annotated after round 6's freeze (9c719cf),
# and ROUND6_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on 2 Dec 2026
# by the annotator at 44c9b0f (the freeze plus speed-only commits); no note stopped with an error.
ROUND6_HELD_BACK_AT_FREEZE = {"people": 0.834, "people-with-title": 0.773, "direct-quote-speaker": 0.836}
ROUND6_HELD_BACK_NON_PEOPLE = 4
# F1 on tests/notes/real6 at round 7's "Frozen rules (round 7):" commit, after tuning on all 204 notes
# (tuned on: not held-back figures), with the count of non-people it still reports (4 at round 6's freeze).
REAL6_TUNED = {"people": 0.931, "people-with-title": 0.859, "direct-quote-speaker": 0.918}
REAL6_TUNED_NON_PEOPLE = 1
# F1 on all 204 notes of tests/notes/real, real2, real3, real4, real5 and real6 at round 7's "Frozen rules (round 7):" commit.
ROUND7_TUNING_AT_FREEZE = {"people": 0.950, "people-with-title": 0.899, "direct-quote-speaker": 0.922}
# F1 on tests/notes/real7, measured once when its notes were annotated after round 7's freeze (5971e88),
# and ROUND7_HELD_BACK_NON_PEOPLE the count of non-people reported on them then. Measured on 2 Dec 2026
# by the annotator at the freeze itself (annotations cc2813a); no note stopped with an error.
ROUND7_HELD_BACK_AT_FREEZE = {"people": 0.842, "people-with-title": 0.705, "direct-quote-speaker": 0.806}
ROUND7_HELD_BACK_NON_PEOPLE = 3


@cache
def folder_extractions(folder: Path, part: str = "all") -> list:
    """(note, extraction) for each annotated note of one folder's part, extracted once per session."""
    glossary = load_glossary()
    return [(note, run(note, glossary)) for note in load_real(folder, part).annotated]


@cache
def folder_scores(folder: Path, part: str = "all") -> dict[str, tuple[int, int, int]]:
    """What real_scores gives for one folder's part, from its extractions."""
    glossary = load_glossary()
    totals = {kind: (0, 0, 0) for kind in REAL_KINDS + ("non-people",)}
    for note, extraction in folder_extractions(folder, part):
        for kind, counts in score_real(extraction, note.expected, glossary).items():
            totals[kind] = tuple(a + b for a, b in zip(totals[kind], counts))
    return totals


def summed(*folders: Path) -> dict[str, tuple[int, int, int]]:
    """The counts of several folders added up, as real_scores over all their notes gives them."""
    totals = {}
    for folder in folders:
        for kind, counts in folder_scores(folder).items():
            totals[kind] = tuple(a + b for a, b in zip(totals.get(kind, (0, 0, 0)), counts))
    return totals


@pytest.fixture(scope="module")
def tuning():
    return load_real(REAL, "tuning").annotated


@pytest.fixture(scope="module")
def tuning_scores():
    return folder_scores(REAL, "tuning")


@pytest.fixture(scope="module")
def round3_tuning_scores():
    return summed(REAL, REAL2)


@pytest.fixture(scope="module")
def round4_tuning_scores():
    return summed(REAL, REAL2, REAL3)


@pytest.fixture(scope="module")
def round5_tuning_scores():
    return summed(REAL, REAL2, REAL3, REAL4)


@pytest.fixture(scope="module")
def round6_tuning_scores():
    return summed(REAL, REAL2, REAL3, REAL4, REAL5)


@pytest.fixture(scope="module")
def round2_tuning_scores():
    return folder_scores(REAL)


def test_the_tuning_part_holds_forty_annotated_notes(tuning):
    assert len(tuning) >= 40
    assert all(note.expected.get("modelled_on") for note in tuning)


def test_round_two_tunes_on_all_sixty_annotated_notes():
    notes = load_real(REAL, "all")
    assert len(notes.annotated) == 60 and notes.not_annotated == []


@pytest.mark.parametrize("kind", sorted(TUNING_AT_FREEZE))
def test_tuning_notes_keep_the_figures_of_the_freeze(tuning_scores, kind):
    _, _, f1 = prf(*tuning_scores[kind])
    assert f1 >= TUNING_AT_FREEZE[kind] - MARGIN, (kind, f1)


@pytest.mark.parametrize("kind", sorted(ROUND2_TUNING_AT_FREEZE))
def test_all_sixty_notes_keep_the_figures_of_the_round_two_freeze(round2_tuning_scores, kind):
    _, _, f1 = prf(*round2_tuning_scores[kind])
    assert f1 >= ROUND2_TUNING_AT_FREEZE[kind] - MARGIN, (kind, f1)


def test_held_back_notes_keep_the_figures_first_measured():
    scores = folder_scores(REAL, "held_back")
    below = {kind: prf(*scores[kind])[2] for kind, figure in HELD_BACK_AT_FREEZE.items()
             if prf(*scores[kind])[2] < figure - MARGIN}
    assert below == {}


def test_round_two_held_back_notes_keep_their_figures_after_round_three_tuning():
    scores = folder_scores(REAL2)
    below = {kind: prf(*scores[kind])[2] for kind, figure in REAL2_AT_ROUND3_FREEZE.items()
             if prf(*scores[kind])[2] < figure - MARGIN}
    assert below == {}


def test_round_three_tunes_on_all_eighty_four_annotated_notes():
    first, second = load_real(REAL, "all"), load_real(REAL2, "all")
    assert len(first.annotated) + len(second.annotated) == 84
    assert first.not_annotated == [] and second.not_annotated == []


@pytest.mark.parametrize("kind", sorted(ROUND3_TUNING_AT_FREEZE))
def test_all_eighty_four_notes_keep_the_figures_of_the_round_three_freeze(round3_tuning_scores, kind):
    _, _, f1 = prf(*round3_tuning_scores[kind])
    assert f1 >= ROUND3_TUNING_AT_FREEZE[kind] - MARGIN, (kind, f1)


def test_round_three_held_back_notes_keep_the_figures_first_measured():
    """Until the figures first measured on tests/notes/real3 are written in, none of its
    notes may be annotated (they are annotated only after the freeze, then measured once)."""
    notes = load_real(REAL3, "all").annotated
    if not ROUND3_HELD_BACK_AT_FREEZE:
        assert [note.name for note in notes] == []
        return
    scores = folder_scores(REAL3)
    below = {kind: prf(*scores[kind])[2] for kind, figure in ROUND3_HELD_BACK_AT_FREEZE.items()
             if prf(*scores[kind])[2] < figure - MARGIN}
    assert below == {}


def test_round_four_tunes_on_all_one_hundred_fourteen_annotated_notes():
    folders = [load_real(folder, "all") for folder in (REAL, REAL2, REAL3)]
    assert sum(len(notes.annotated) for notes in folders) == 114
    assert all(notes.not_annotated == [] for notes in folders)


@pytest.mark.parametrize("kind", sorted(ROUND4_TUNING_AT_FREEZE))
def test_all_one_hundred_fourteen_notes_keep_the_figures_of_the_round_four_freeze(round4_tuning_scores, kind):
    _, _, f1 = prf(*round4_tuning_scores[kind])
    assert f1 >= ROUND4_TUNING_AT_FREEZE[kind] - MARGIN, (kind, f1)


def test_round_three_notes_keep_their_figures_after_round_four_tuning():
    scores = folder_scores(REAL3)
    below = {kind: prf(*scores[kind])[2] for kind, figure in REAL3_TUNED.items()
             if prf(*scores[kind])[2] < figure - MARGIN}
    assert below == {}
    assert scores["non-people"][0] <= REAL3_TUNED_NON_PEOPLE


def test_round_four_held_back_notes_keep_the_figures_first_measured():
    """Until the figures first measured on tests/notes/real4 are written in, none of its
    notes may be annotated (they are annotated only after the freeze, then measured once);
    after, they must not fall more than MARGIN under them, nor report more non-people."""
    notes = load_real(REAL4, "all").annotated
    if ROUND4_HELD_BACK_AT_FREEZE is None:
        assert [note.name for note in notes] == []
        return
    scores = folder_scores(REAL4)
    below = {kind: prf(*scores[kind])[2] for kind, figure in ROUND4_HELD_BACK_AT_FREEZE.items()
             if prf(*scores[kind])[2] < figure - MARGIN}
    assert below == {}
    assert ROUND4_HELD_BACK_NON_PEOPLE is None or scores["non-people"][0] <= ROUND4_HELD_BACK_NON_PEOPLE


def test_round_five_tunes_on_all_one_hundred_forty_four_annotated_notes():
    folders = [load_real(folder, "all") for folder in (REAL, REAL2, REAL3, REAL4)]
    assert sum(len(notes.annotated) for notes in folders) == 144
    assert all(notes.not_annotated == [] for notes in folders)


@pytest.mark.parametrize("kind", sorted(ROUND5_TUNING_AT_FREEZE))
def test_all_one_hundred_forty_four_notes_keep_the_figures_of_the_round_five_freeze(round5_tuning_scores, kind):
    _, _, f1 = prf(*round5_tuning_scores[kind])
    assert f1 >= ROUND5_TUNING_AT_FREEZE[kind] - MARGIN, (kind, f1)


def test_round_four_notes_keep_their_figures_after_round_five_tuning():
    scores = folder_scores(REAL4)
    below = {kind: prf(*scores[kind])[2] for kind, figure in REAL4_TUNED.items()
             if prf(*scores[kind])[2] < figure - MARGIN}
    assert below == {}
    assert scores["non-people"][0] <= REAL4_TUNED_NON_PEOPLE


def test_round_five_held_back_notes_keep_the_figures_first_measured():
    """Until the figures first measured on tests/notes/real5 are written in, none of its
    notes may be annotated (they are annotated only after the freeze, then measured once);
    after, they must not fall more than MARGIN under them, nor report more non-people."""
    notes = load_real(REAL5, "all").annotated
    if ROUND5_HELD_BACK_AT_FREEZE is None:
        assert [note.name for note in notes] == []
        return
    scores = folder_scores(REAL5)
    below = {kind: prf(*scores[kind])[2] for kind, figure in ROUND5_HELD_BACK_AT_FREEZE.items()
             if prf(*scores[kind])[2] < figure - MARGIN}
    assert below == {}
    assert ROUND5_HELD_BACK_NON_PEOPLE is None or scores["non-people"][0] <= ROUND5_HELD_BACK_NON_PEOPLE


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
    below = {kind: prf(*scores[kind])[2] for kind, figure in REAL5_TUNED.items()
             if prf(*scores[kind])[2] < figure - MARGIN}
    assert below == {}
    assert scores["non-people"][0] <= REAL5_TUNED_NON_PEOPLE


def test_round_six_held_back_notes_keep_the_figures_first_measured():
    """The 30 notes of tests/notes/real6, annotated after round 6's freeze and measured once:
    they must not fall more than MARGIN under those figures, nor report more non-people."""
    notes = load_real(REAL6, "all")
    assert len(notes.annotated) == 30 and notes.not_annotated == []
    scores = folder_scores(REAL6)
    below = {kind: prf(*scores[kind])[2] for kind, figure in ROUND6_HELD_BACK_AT_FREEZE.items()
             if prf(*scores[kind])[2] < figure - MARGIN}
    assert below == {}
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
    below = {kind: prf(*scores[kind])[2] for kind, figure in REAL6_TUNED.items()
             if prf(*scores[kind])[2] < figure - MARGIN}
    assert below == {}
    assert scores["non-people"][0] <= REAL6_TUNED_NON_PEOPLE


def test_round_seven_held_back_notes_keep_the_figures_first_measured():
    """The 30 notes of tests/notes/real7, annotated after round 7's freeze and measured once:
    they must not fall more than MARGIN under those figures, nor report more non-people."""
    notes = load_real(REAL7, "all")
    assert len(notes.annotated) == 30 and notes.not_annotated == []
    scores = folder_scores(REAL7)
    below = {kind: prf(*scores[kind])[2] for kind, figure in ROUND7_HELD_BACK_AT_FREEZE.items()
             if prf(*scores[kind])[2] < figure - MARGIN}
    assert below == {}
    assert scores["non-people"][0] <= ROUND7_HELD_BACK_NON_PEOPLE


@pytest.mark.parametrize("folder", [REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7])
def test_no_weekday_month_street_or_region_is_reported_as_a_person(folder):
    glossary = load_glossary()
    reported = [(note.name, person.name) for note, extraction in folder_extractions(folder)
                for person in extraction.people if is_date_or_place_word(person.name, glossary)]
    assert reported == []
