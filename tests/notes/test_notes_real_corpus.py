"""The notes modelled on real releases from many outlets (tests/notes/real): the rules,
tuned on the tuning part, keep the figures measured when they were frozen (less 0.02),
and report no weekday, month, street or region as a person. The held-back part is
annotated only after the freeze; once annotated it must report no such non-people
either, and HELD_BACK_AT_FREEZE takes the figures first measured on it."""

from pathlib import Path

import pytest

from press.notes.evaluation import is_date_or_place_word, load_real, prf, real_scores, run
from press.notes.glossary import load_glossary

REAL = Path(__file__).resolve().parent / "real"
MARGIN = 0.02
# F1 on the tuning notes at the "Frozen rules:" commit.
TUNING_AT_FREEZE = {"people": 0.896, "people-with-title": 0.870, "direct-quote-speaker": 0.863}
# F1 on the held-back notes, measured once when they were annotated after the freeze at 9e1fc17.
HELD_BACK_AT_FREEZE = {"people": 0.760, "people-with-title": 0.674, "direct-quote-speaker": 0.726}


@pytest.fixture(scope="module")
def tuning():
    return load_real(REAL, "tuning").annotated


@pytest.fixture(scope="module")
def tuning_scores(tuning):
    return real_scores(tuning)


def test_the_tuning_part_holds_forty_annotated_notes(tuning):
    assert len(tuning) >= 40
    assert all(note.expected.get("modelled_on") for note in tuning)


@pytest.mark.parametrize("kind", sorted(TUNING_AT_FREEZE))
def test_tuning_notes_keep_the_figures_of_the_freeze(tuning_scores, kind):
    _, _, f1 = prf(*tuning_scores[kind])
    assert f1 >= TUNING_AT_FREEZE[kind] - MARGIN, (kind, f1)


def test_held_back_notes_keep_the_figures_first_measured():
    scores = real_scores(load_real(REAL, "held_back").annotated)
    below = {kind: prf(*scores[kind])[2] for kind, figure in HELD_BACK_AT_FREEZE.items()
             if prf(*scores[kind])[2] < figure - MARGIN}
    assert below == {}


@pytest.mark.parametrize("part", ["tuning", "held_back"])
def test_no_weekday_month_street_or_region_is_reported_as_a_person(part):
    glossary = load_glossary()
    reported = [(note.name, person.name) for note in load_real(REAL, part).annotated
                for person in run(note, glossary).people if is_date_or_place_word(person.name, glossary)]
    assert reported == []
