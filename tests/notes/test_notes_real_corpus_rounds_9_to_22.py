"""The guards of rounds 9 to 22 over the notes modelled on real releases (tests/notes/real to
real21): each round's tuning figures at its freeze, the figures of the notes it last held
back after it tuned on them, and its held-back figures first measured, less MARGIN, with no
weekday, month, street or region reported as a person on its held-back notes (a round whose
held-back notes are not yet annotated and measured has no such figures: its row says None until
the annotator writes them). The figures are in real_corpus_figures.py; the folders and the
scoring shared with the other rounds' guards (each folder extracted once per session) live in
test_notes_real_corpus.py; the protocol of every round is told in docs/extraction.md."""

from dataclasses import dataclass
from pathlib import Path

import pytest

from press.notes.evaluation import is_date_or_place_word, load_real, prf
from press.notes.glossary import load_glossary
from tests.notes.real_corpus_figures import (REAL8_TUNED, REAL8_TUNED_NON_PEOPLE, REAL9_TUNED, REAL9_TUNED_NON_PEOPLE,
                                             REAL10_TUNED, REAL10_TUNED_NON_PEOPLE, REAL11_TUNED,
                                             REAL11_TUNED_NON_PEOPLE, REAL12_TUNED, REAL12_TUNED_NON_PEOPLE,
                                             ROUND9_HELD_BACK_AT_FREEZE, ROUND9_HELD_BACK_NON_PEOPLE,
                                             ROUND9_TUNING_AT_FREEZE, ROUND10_HELD_BACK_AT_FREEZE,
                                             ROUND10_HELD_BACK_NON_PEOPLE, ROUND10_TUNING_AT_FREEZE,
                                             ROUND11_HELD_BACK_AT_FREEZE, ROUND11_HELD_BACK_NON_PEOPLE,
                                             ROUND11_TUNING_AT_FREEZE, ROUND12_HELD_BACK_AT_FREEZE,
                                             ROUND12_HELD_BACK_NON_PEOPLE, ROUND12_TUNING_AT_FREEZE,
                                             ROUND13_HELD_BACK_AT_FREEZE, ROUND13_HELD_BACK_NON_PEOPLE,
                                             ROUND13_TUNING_AT_FREEZE, REAL13_TUNED, REAL13_TUNED_NON_PEOPLE,
                                             ROUND14_HELD_BACK_AT_FREEZE, ROUND14_HELD_BACK_NON_PEOPLE,
                                             ROUND14_TUNING_AT_FREEZE, REAL14_TUNED, REAL14_TUNED_NON_PEOPLE,
                                             ROUND15_HELD_BACK_AT_FREEZE, ROUND15_HELD_BACK_NON_PEOPLE,
                                             ROUND15_TUNING_AT_FREEZE, REAL15_TUNED, REAL15_TUNED_NON_PEOPLE,
                                             ROUND16_HELD_BACK_AT_FREEZE, ROUND16_HELD_BACK_NON_PEOPLE,
                                             ROUND16_TUNING_AT_FREEZE, REAL16_TUNED, REAL16_TUNED_NON_PEOPLE,
                                             ROUND17_HELD_BACK_AT_FREEZE, ROUND17_HELD_BACK_NON_PEOPLE,
                                             ROUND17_TUNING_AT_FREEZE, REAL17_TUNED, REAL17_TUNED_NON_PEOPLE,
                                             ROUND18_HELD_BACK_AT_FREEZE, ROUND18_HELD_BACK_NON_PEOPLE,
                                             ROUND18_TUNING_AT_FREEZE, REAL18_TUNED, REAL18_TUNED_NON_PEOPLE,
                                             ROUND19_HELD_BACK_AT_FREEZE, ROUND19_HELD_BACK_NON_PEOPLE,
                                             ROUND19_TUNING_AT_FREEZE, REAL19_TUNED, REAL19_TUNED_NON_PEOPLE,
                                             ROUND20_HELD_BACK_AT_FREEZE, ROUND20_HELD_BACK_NON_PEOPLE, REAL20_TUNED,
                                             REAL20_TUNED_NON_PEOPLE, ROUND21_HELD_BACK_AT_FREEZE,
                                             ROUND21_HELD_BACK_NON_PEOPLE, ROUND21_TUNING_AT_FREEZE,
                                             ROUND20_TUNING_AT_FREEZE, REAL21_TUNED, REAL21_TUNED_NON_PEOPLE,
                                             ROUND22_HELD_BACK_AT_FREEZE, ROUND22_HELD_BACK_NON_PEOPLE,
                                             ROUND22_TUNING_AT_FREEZE)
from tests.notes.test_notes_real_corpus import (MARGIN, REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9,
                                                REAL10, REAL11, REAL12, REAL13, REAL14, REAL15, REAL16, REAL17,
                                                REAL18, REAL19, REAL20, REAL21, REAL22, fallen, folder_extractions, folder_scores,
                                                summed)


@dataclass(frozen=True)
class Round:
    """One round's guards: the folders it tuned on and its figures at the freeze, the folder it
    last held back and that folder's figures after tuning on it, the folder it holds back and
    the figures first measured on it (over its `held_back_notes`: 30 up to round 13, 24 from round 14)."""
    number: int
    tuned_on: tuple[Path, ...]
    notes: int
    at_freeze: dict[str, float]
    retuned: Path
    retuned_figures: dict[str, float]
    retuned_non_people: int
    held_back: Path
    held_back_figures: dict[str, float] | None
    held_back_non_people: int | None
    held_back_notes: int = 30


ROUNDS = (
    Round(9, (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8), 264, ROUND9_TUNING_AT_FREEZE,
          REAL8, REAL8_TUNED, REAL8_TUNED_NON_PEOPLE, REAL9, ROUND9_HELD_BACK_AT_FREEZE, ROUND9_HELD_BACK_NON_PEOPLE),
    Round(10, (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9), 294, ROUND10_TUNING_AT_FREEZE,
          REAL9, REAL9_TUNED, REAL9_TUNED_NON_PEOPLE, REAL10, ROUND10_HELD_BACK_AT_FREEZE,
          ROUND10_HELD_BACK_NON_PEOPLE),
    Round(11, (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9, REAL10), 324, ROUND11_TUNING_AT_FREEZE,
          REAL10, REAL10_TUNED, REAL10_TUNED_NON_PEOPLE, REAL11, ROUND11_HELD_BACK_AT_FREEZE,
          ROUND11_HELD_BACK_NON_PEOPLE),
    Round(12, (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9, REAL10, REAL11), 354, ROUND12_TUNING_AT_FREEZE,
          REAL11, REAL11_TUNED, REAL11_TUNED_NON_PEOPLE, REAL12, ROUND12_HELD_BACK_AT_FREEZE,
          ROUND12_HELD_BACK_NON_PEOPLE),
    Round(13, (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9, REAL10, REAL11, REAL12), 384,
          ROUND13_TUNING_AT_FREEZE, REAL12, REAL12_TUNED, REAL12_TUNED_NON_PEOPLE, REAL13,
          ROUND13_HELD_BACK_AT_FREEZE, ROUND13_HELD_BACK_NON_PEOPLE),
    Round(14, (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9, REAL10, REAL11, REAL12, REAL13), 414,
          ROUND14_TUNING_AT_FREEZE, REAL13, REAL13_TUNED, REAL13_TUNED_NON_PEOPLE, REAL14,
          ROUND14_HELD_BACK_AT_FREEZE, ROUND14_HELD_BACK_NON_PEOPLE, held_back_notes=24),
    Round(15, (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9, REAL10, REAL11, REAL12, REAL13, REAL14), 438,
          ROUND15_TUNING_AT_FREEZE, REAL14, REAL14_TUNED, REAL14_TUNED_NON_PEOPLE, REAL15,
          ROUND15_HELD_BACK_AT_FREEZE, ROUND15_HELD_BACK_NON_PEOPLE, held_back_notes=24),
    Round(16, (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9, REAL10, REAL11, REAL12, REAL13, REAL14, REAL15),
          462, ROUND16_TUNING_AT_FREEZE, REAL15, REAL15_TUNED, REAL15_TUNED_NON_PEOPLE, REAL16,
          ROUND16_HELD_BACK_AT_FREEZE, ROUND16_HELD_BACK_NON_PEOPLE, held_back_notes=24),
    Round(17, (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9, REAL10, REAL11, REAL12, REAL13, REAL14, REAL15,
               REAL16),
          486, ROUND17_TUNING_AT_FREEZE, REAL16, REAL16_TUNED, REAL16_TUNED_NON_PEOPLE, REAL17,
          ROUND17_HELD_BACK_AT_FREEZE, ROUND17_HELD_BACK_NON_PEOPLE, held_back_notes=24),
    Round(18, (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9, REAL10, REAL11, REAL12, REAL13, REAL14, REAL15,
               REAL16, REAL17),
          510, ROUND18_TUNING_AT_FREEZE, REAL17, REAL17_TUNED, REAL17_TUNED_NON_PEOPLE, REAL18,
          ROUND18_HELD_BACK_AT_FREEZE, ROUND18_HELD_BACK_NON_PEOPLE, held_back_notes=24),
    Round(19, (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9, REAL10, REAL11, REAL12, REAL13, REAL14, REAL15,
               REAL16, REAL17, REAL18),
          534, ROUND19_TUNING_AT_FREEZE, REAL18, REAL18_TUNED, REAL18_TUNED_NON_PEOPLE, REAL19,
          ROUND19_HELD_BACK_AT_FREEZE, ROUND19_HELD_BACK_NON_PEOPLE, held_back_notes=24),
    Round(20, (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9, REAL10, REAL11, REAL12, REAL13, REAL14, REAL15,
               REAL16, REAL17, REAL18, REAL19),
          558, ROUND20_TUNING_AT_FREEZE, REAL19, REAL19_TUNED, REAL19_TUNED_NON_PEOPLE, REAL20,
          ROUND20_HELD_BACK_AT_FREEZE, ROUND20_HELD_BACK_NON_PEOPLE, held_back_notes=24),
    Round(21, (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9, REAL10, REAL11, REAL12, REAL13, REAL14, REAL15,
               REAL16, REAL17, REAL18, REAL19, REAL20),
          582, ROUND21_TUNING_AT_FREEZE, REAL20, REAL20_TUNED, REAL20_TUNED_NON_PEOPLE, REAL21,
          ROUND21_HELD_BACK_AT_FREEZE, ROUND21_HELD_BACK_NON_PEOPLE, held_back_notes=24),
    Round(22, (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9, REAL10, REAL11, REAL12, REAL13, REAL14, REAL15,
               REAL16, REAL17, REAL18, REAL19, REAL20, REAL21),
          606, ROUND22_TUNING_AT_FREEZE, REAL21, REAL21_TUNED, REAL21_TUNED_NON_PEOPLE, REAL22,
          ROUND22_HELD_BACK_AT_FREEZE, ROUND22_HELD_BACK_NON_PEOPLE, held_back_notes=24),
)
BY_ROUND = {f"round{r.number}": r for r in ROUNDS}


@pytest.mark.parametrize("name", BY_ROUND)
def test_a_round_tunes_on_every_annotated_note_of_its_folders(name):
    round_ = BY_ROUND[name]
    folders = [load_real(folder, "all") for folder in round_.tuned_on]
    assert sum(len(notes.annotated) for notes in folders) == round_.notes
    assert all(notes.not_annotated == [] for notes in folders)


@pytest.mark.parametrize("name, kind", [(name, kind) for name, r in BY_ROUND.items() for kind in sorted(r.at_freeze)])
def test_the_notes_a_round_tuned_on_keep_the_figures_of_its_freeze(name, kind):
    round_ = BY_ROUND[name]
    _, _, f1 = prf(*summed(*round_.tuned_on)[kind])
    assert f1 >= round_.at_freeze[kind] - MARGIN, (kind, f1)


@pytest.mark.parametrize("name", BY_ROUND)
def test_the_notes_held_back_before_a_round_keep_their_figures_after_it_tuned_on_them(name):
    round_ = BY_ROUND[name]
    scores = folder_scores(round_.retuned)
    assert fallen(scores, round_.retuned_figures) == {}
    assert scores["non-people"][0] <= round_.retuned_non_people


@pytest.mark.parametrize("name", [name for name, r in BY_ROUND.items() if r.held_back_figures is not None])
def test_a_rounds_held_back_notes_keep_the_figures_first_measured(name):
    """The notes a round held back (30, 24 from round 14), annotated after its freeze and measured
    once: every one is annotated, and they must not fall more than MARGIN under those figures,
    nor report more non-people, nor report a weekday, month, street or region as a person."""
    round_ = BY_ROUND[name]
    notes = load_real(round_.held_back, "all")
    assert len(notes.annotated) == round_.held_back_notes and notes.not_annotated == []
    scores = folder_scores(round_.held_back)
    assert fallen(scores, round_.held_back_figures) == {}
    assert scores["non-people"][0] <= round_.held_back_non_people
    glossary = load_glossary()
    assert [(note.name, person.name) for note, extraction in folder_extractions(round_.held_back)
            for person in extraction.people if is_date_or_place_word(person.name, glossary)] == []
