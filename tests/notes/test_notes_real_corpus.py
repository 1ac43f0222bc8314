"""The notes modelled on real releases from many outlets: the rules keep the figures
measured when they were frozen (less MARGIN), and report no weekday, month, street or
region as a person.

Each round tunes on every annotated note of the folders before it and holds back one new
folder (tests/notes/real2 … real22), written by someone else and annotated only after the
round's "Frozen rules (round n):" commit, then measured once; the protocol, the annotation
conventions and each round's history are in docs/extraction.md ("Evaluation protocol" and
the sections of each round), the figures in real_corpus_figures.py. A folder joins ALL_REAL
(and the no-weekday-month-street-region check below) once a round has tuned on it.

The guards of rounds 1 to 5 are in test_notes_real_corpus_rounds_1_to_5.py, those of rounds 6 to 8
in test_notes_real_corpus_rounds_6_to_8.py and those of rounds 9 to 22 in the table of rounds of
test_notes_real_corpus_rounds_9_to_22.py, which import the folders and the scoring from here.

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
REAL8 = Path(__file__).resolve().parent / "real8"
REAL9 = Path(__file__).resolve().parent / "real9"
REAL10 = Path(__file__).resolve().parent / "real10"
REAL11 = Path(__file__).resolve().parent / "real11"
REAL12 = Path(__file__).resolve().parent / "real12"
REAL13 = Path(__file__).resolve().parent / "real13"
REAL14 = Path(__file__).resolve().parent / "real14"
REAL15 = Path(__file__).resolve().parent / "real15"
REAL16 = Path(__file__).resolve().parent / "real16"
REAL17 = Path(__file__).resolve().parent / "real17"
REAL18 = Path(__file__).resolve().parent / "real18"
REAL19 = Path(__file__).resolve().parent / "real19"
REAL20 = Path(__file__).resolve().parent / "real20"
REAL21 = Path(__file__).resolve().parent / "real21"
REAL22 = Path(__file__).resolve().parent / "real22"
ALL_REAL = (REAL, REAL2, REAL3, REAL4, REAL5, REAL6, REAL7, REAL8, REAL9, REAL10, REAL11, REAL12, REAL13, REAL14, REAL15,
            REAL16, REAL17, REAL18, REAL19, REAL20, REAL21)
MARGIN = 0.02


@cache
def _every_extraction(folder: Path) -> dict[str, tuple]:
    """Note name -> (note, extraction) for every annotated note of one folder, extracted once per test process."""
    glossary = load_glossary()
    return {note.name: (note, run(note, glossary)) for note in load_real(folder, "all").annotated}


def folder_extractions(folder: Path, part: str = "all") -> list:
    """(note, extraction) for each annotated note of one folder's part, in the part's order. A part
    is read from the folder's extractions, so ``folder_extractions(REAL)``, ``(REAL, "all")`` and
    ``(REAL, "tuning")`` extract no note twice (a ``functools.cache`` keyed by the arguments as
    written made the first two separate entries: every folder was extracted twice)."""
    every = _every_extraction(folder)
    return [every[note.name] for note in load_real(folder, part).annotated]


def folder_scores(folder: Path, part: str = "all") -> dict[str, tuple[int, int, int]]:
    """What real_scores gives for one folder's part, from its extractions."""
    return _folder_scores(folder, part)


@cache
def _folder_scores(folder: Path, part: str) -> dict[str, tuple[int, int, int]]:
    glossary = load_glossary()
    totals = {kind: (0, 0, 0) for kind in REAL_KINDS + ("non-people",)}
    for note, extraction in folder_extractions(folder, part):
        for kind, counts in score_real(extraction, note.expected, glossary).items():
            totals[kind] = tuple(a + b for a, b in zip(totals[kind], counts))
    return totals


def fallen(scores: dict[str, tuple[int, int, int]], figures: dict[str, float]) -> dict[str, float]:
    """The F1 of each kind of `figures` that fell more than MARGIN under its figure."""
    return {kind: prf(*scores[kind])[2] for kind, figure in figures.items() if prf(*scores[kind])[2] < figure - MARGIN}


def summed(*folders: Path) -> dict[str, tuple[int, int, int]]:
    """The counts of several folders added up, as real_scores over all their notes gives them."""
    totals = {}
    for folder in folders:
        for kind, counts in folder_scores(folder).items():
            totals[kind] = tuple(a + b for a, b in zip(totals.get(kind, (0, 0, 0)), counts))
    return totals


@pytest.mark.parametrize("folder", ALL_REAL)
def test_no_weekday_month_street_or_region_is_reported_as_a_person(folder):
    glossary = load_glossary()
    reported = [(note.name, person.name) for note, extraction in folder_extractions(folder)
                for person in extraction.people if is_date_or_place_word(person.name, glossary)]
    assert reported == []
