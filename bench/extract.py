"""Benchmark of the notes extractor: precision, recall and F1 per kind of item, notes
per second through read -> clean -> extract, and long notes: 200,000 characters (the
longest note a writer may type) of a repeated phrase and of realistic text, each against
its yardsticks measured in the same process: the corpus's own time per character times
200,000 (what a note that long costs if extraction is linear) and one pass of a word
regular expression over the same text (the machine's floor). Target: under 2 s each.

Annotated sets, printed apart: the old corpus, tests/notes/corpus (the shared example
release plus one note per activity kind; the first rules were tuned on it) and
tests/notes/heldout (notes written after that tuning); then the notes modelled on real
releases. Round 3 tuned on all 84 notes of tests/notes/real and tests/notes/real2 and
held back tests/notes/real3 (its figures at the freeze are the line below the tables);
round 4 tuned on all 114, real3 included, so real3's table is a figure after tuning
("round 4 tuning (all 114)" is the table of all of them), and held back
tests/notes/real4 (first measured after round 4's freeze, d0a8c1f: the line below the
tables); round 5 tunes on all 144, real4 included ("round 5 tuning (all 144)"; real4's
own table is a figure after tuning), and holds back tests/notes/real5 whole: its table,
"round 5 held back", filled once its notes were annotated after round 5's freeze; round 6
tuned on all 174, real5 included ("round 6 tuning (all 174)"; real5's own table is then a
figure after tuning), and held back tests/notes/real6 whole ("round 6 held back" was first
measured after round 6's freeze; its line below the tables); round 7 tunes on all 204,
real6 included ("round 7 tuning (all 204)"; real6's own table is a figure after tuning),
and held back tests/notes/real7 whole ("round 7 held back" was first measured after round
7's freeze; its line below the tables); round 8 made the annotations of all 234 follow one
set of conventions, then tuned on all of them, real7 included ("round 8 tuning (all 234)";
real7's own table is a figure after tuning), and held back tests/notes/real8 whole (its
figures, measured once after round 8's freeze, are ROUND8_HELD_BACK_AT_FREEZE: a line below
the tables); round 9 made real8's annotations follow the conventions, then tuned on all
264, real8 included ("round 9 tuning (all 264)"; real8's own table is a figure after
tuning), and held back tests/notes/real9 whole (its figures, measured once after round 9's
freeze, are ROUND9_HELD_BACK_AT_FREEZE: a line below the tables); round 10 tuned on all 294,
real9 included ("round 10 tuning (all 294)"; real9's own table is a figure after tuning),
and held back tests/notes/real10 whole (its figures, measured once after round 10's freeze,
are ROUND10_HELD_BACK_AT_FREEZE: a line below the tables); round 11 tuned on all 324,
real10 included ("round 11 tuning (all 324)"; real10's own table is a figure after tuning),
and held back tests/notes/real11 whole (its figures, measured once after round 11's freeze,
are ROUND11_HELD_BACK_AT_FREEZE: a line below the tables); round 12 tuned on all 354,
real11 included ("round 12 tuning (all 354)"; real11's own table is a figure after tuning),
and held back tests/notes/real12 whole (its figures, measured once after round 12's freeze,
are ROUND12_HELD_BACK_AT_FREEZE: a line below the tables); round 13 tuned on all 384,
real12 included ("round 13 tuning (all 384)"; real12's own table is a figure after tuning),
and held back tests/notes/real13 whole (its figures, measured once after round 13's freeze,
are ROUND13_HELD_BACK_AT_FREEZE: a line below the tables); round 14 tuned on all 414,
real13 included ("round 14 tuning (all 414)"; real13's own table is a figure after tuning),
and held back tests/notes/real14 whole (its figures, measured once after round 14's freeze,
are ROUND14_HELD_BACK_AT_FREEZE: a line below the tables); round 15 tuned on all 438,
real14 included ("round 15 tuning (all 438)"; real14's own table is a figure after tuning),
and held back tests/notes/real15 whole (its figures, measured once after round 15's freeze,
are ROUND15_HELD_BACK_AT_FREEZE: a line below the tables); round 16 tuned on all 462,
real15 included ("round 16 tuning (all 462)"; real15's own table is a figure after tuning),
and held back tests/notes/real16 whole (its figures, measured once after round 16's
freeze, are ROUND16_HELD_BACK_AT_FREEZE: a line below the tables); round 17 tuned on all 486,
real16 included ("round 17 tuning (all 486)"; real16's own table is a figure after tuning),
and held back tests/notes/real17 whole (its figures, measured once after round 17's
freeze, are ROUND17_HELD_BACK_AT_FREEZE: a line below the tables); round 18 tuned on all 510,
real17 included ("round 18 tuning (all 510)"; real17's own table is a figure after tuning),
and held back tests/notes/real18 whole (its figures, measured once after round 18's
freeze, are ROUND18_HELD_BACK_AT_FREEZE: a line below the tables); round 19 tuned on all 534,
real18 included ("round 19 tuning (all 534)"; real18's own table is a figure after tuning),
and held back tests/notes/real19 whole (its figures, measured once after round 19's
freeze, are ROUND19_HELD_BACK_AT_FREEZE: a line below the tables); round 20 tuned on all 558,
real19 included ("round 20 tuning (all 558)"; real19's own table is a figure after tuning),
and holds back tests/notes/real20 whole (its figures, measured once after round 20's
freeze, are ROUND20_HELD_BACK_AT_FREEZE: a line below the tables).
Below the tables, one line per earlier figure: each
round's held-back figures first measured after its freeze (round 1: 20 of
tests/notes/real; round 2: tests/notes/real2) and each round's tuning figures at its
freeze. Targets on the held-back notes: people F1 >= 0.95, people with title >= 0.92,
direct-quote speaker >= 0.95, no non-people; >= 100 notes/s on notes of 400-800 words.

Each annotated note is extracted once per run; every table whose set holds it (each
round's cumulative set holds all earlier notes) scores that one extraction.

Run: python bench/extract.py [--repeat N]
Matching rules: see press/notes/evaluation.py.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from press.notes.cleaning import clean  # noqa: E402
from press.notes.evaluation import (MEASURED_KINDS, REAL_KINDS, RealNotes, corpus_scores, load_corpus,  # noqa: E402
                                   load_real, note_text, prf, real_scores, run)
from press.notes.extract import extract  # noqa: E402
from press.notes.glossary import load_glossary  # noqa: E402
from press.notes.reading import read_note, read_typed  # noqa: E402
from tests.notes.long_notes import SHAPES  # noqa: E402
from tests.notes import test_notes_real_corpus as corpus_test  # noqa: E402
from tests.notes.test_notes_real_corpus import (HELD_BACK_AT_FREEZE, ROUND2_HELD_BACK_AT_FREEZE,  # noqa: E402
                                                ROUND2_TUNING_AT_FREEZE, ROUND3_HELD_BACK_AT_FREEZE,
                                                ROUND3_TUNING_AT_FREEZE, ROUND4_HELD_BACK_AT_FREEZE,
                                                ROUND4_TUNING_AT_FREEZE, ROUND5_HELD_BACK_AT_FREEZE,
                                                ROUND5_TUNING_AT_FREEZE, ROUND6_TUNING_AT_FREEZE,
                                                ROUND7_TUNING_AT_FREEZE, ROUND8_TUNING_AT_FREEZE,
                                                ROUND9_TUNING_AT_FREEZE, ROUND10_TUNING_AT_FREEZE,
                                                ROUND11_TUNING_AT_FREEZE, ROUND12_TUNING_AT_FREEZE,
                                                ROUND13_TUNING_AT_FREEZE, ROUND14_TUNING_AT_FREEZE,
                                                ROUND15_TUNING_AT_FREEZE, ROUND16_TUNING_AT_FREEZE,
                                                ROUND17_TUNING_AT_FREEZE, ROUND18_TUNING_AT_FREEZE,
                                                ROUND19_TUNING_AT_FREEZE, ROUND20_TUNING_AT_FREEZE,
                                                TUNING_AT_FREEZE)

LONG = 200_000
LONG_TARGET_SECONDS = 2.0

CORPUS = REPO / "tests" / "notes" / "corpus"
HELDOUT = REPO / "tests" / "notes" / "heldout"
REAL = REPO / "tests" / "notes" / "real"
REAL2 = REPO / "tests" / "notes" / "real2"
REAL3 = REPO / "tests" / "notes" / "real3"
REAL4 = REPO / "tests" / "notes" / "real4"
REAL5 = REPO / "tests" / "notes" / "real5"
REAL6 = REPO / "tests" / "notes" / "real6"
REAL7 = REPO / "tests" / "notes" / "real7"
REAL8 = REPO / "tests" / "notes" / "real8"
REAL9 = REPO / "tests" / "notes" / "real9"
REAL10 = REPO / "tests" / "notes" / "real10"
REAL11 = REPO / "tests" / "notes" / "real11"
REAL12 = REPO / "tests" / "notes" / "real12"
REAL13 = REPO / "tests" / "notes" / "real13"
REAL14 = REPO / "tests" / "notes" / "real14"
REAL15 = REPO / "tests" / "notes" / "real15"
REAL16 = REPO / "tests" / "notes" / "real16"
REAL17 = REPO / "tests" / "notes" / "real17"
REAL18 = REPO / "tests" / "notes" / "real18"
REAL19 = REPO / "tests" / "notes" / "real19"
# The commits of the "Frozen rules (round 5):" to "(round 19):" freezes.
ROUND5_FREEZE = "c1b481e"
ROUND6_FREEZE = "9c719cf"
ROUND7_FREEZE = "5971e88"
ROUND8_FREEZE = "9f6d9d2"
ROUND9_FREEZE = "f954294"
ROUND10_FREEZE = "9bd10ff"
ROUND11_FREEZE = "0a945b1"
ROUND12_FREEZE = "716b93c"
ROUND13_FREEZE = "9236910"
ROUND14_FREEZE = "bcc17d6"
ROUND15_FREEZE = "f7cbaba"
ROUND16_FREEZE = "ec010ee"
ROUND17_FREEZE = "fb4f55e"
ROUND18_FREEZE = "cc8e87a"
ROUND19_FREEZE = "e5c7fad"
ROUND20_FREEZE = "707eb3e"
# Figures written at each freeze, printed as lines below the tables: (what, commit, figures).
FREEZE_LINES = (
    ("round 1 tuning (40 of tests/notes/real)", "9e1fc17", TUNING_AT_FREEZE),
    ("round 1 held back (20 of tests/notes/real)", "9e1fc17", HELD_BACK_AT_FREEZE),
    ("round 2 tuning (60 notes of tests/notes/real)", "5f0749d", ROUND2_TUNING_AT_FREEZE),
    ("round 2 held back (tests/notes/real2)", "5f0749d", ROUND2_HELD_BACK_AT_FREEZE),
    ("round 3 tuning (84 notes of tests/notes/real and real2)", "c18b84b", ROUND3_TUNING_AT_FREEZE),
    ("round 3 held back (tests/notes/real3)", "c18b84b", ROUND3_HELD_BACK_AT_FREEZE),
    ("round 4 tuning (all 114 of tests/notes/real, real2 and real3)", "d0a8c1f", ROUND4_TUNING_AT_FREEZE),
    ("round 4 held back (tests/notes/real4)", "d0a8c1f", ROUND4_HELD_BACK_AT_FREEZE or {}),
    ("round 5 tuning (all 144 of tests/notes/real, real2, real3 and real4)", ROUND5_FREEZE, ROUND5_TUNING_AT_FREEZE),
    ("round 5 held back (tests/notes/real5)", ROUND5_FREEZE, ROUND5_HELD_BACK_AT_FREEZE or {}),
    ("round 6 tuning (all 174 of tests/notes/real to real5)", ROUND6_FREEZE, ROUND6_TUNING_AT_FREEZE),
    ("round 6 held back (tests/notes/real6)", ROUND6_FREEZE, getattr(corpus_test, "ROUND6_HELD_BACK_AT_FREEZE", None) or {}),
    ("round 7 tuning (all 204 of tests/notes/real to real6)", ROUND7_FREEZE, ROUND7_TUNING_AT_FREEZE),
    # Written into the corpus test by the annotator once real7 is annotated and measured.
    ("round 7 held back (tests/notes/real7)", ROUND7_FREEZE, getattr(corpus_test, "ROUND7_HELD_BACK_AT_FREEZE", None) or {}),
    ("round 8 tuning (all 234 of tests/notes/real to real7, conventions applied)", ROUND8_FREEZE, ROUND8_TUNING_AT_FREEZE),
    # Written into the corpus test by the annotator once real8 is annotated and measured.
    ("round 8 held back (tests/notes/real8)", ROUND8_FREEZE, getattr(corpus_test, "ROUND8_HELD_BACK_AT_FREEZE", None) or {}),
    ("round 9 tuning (all 264 of tests/notes/real to real8, real8's descriptions no titles)", ROUND9_FREEZE,
     ROUND9_TUNING_AT_FREEZE),
    # Written into the corpus test by the annotator once real9 is annotated and measured.
    ("round 9 held back (tests/notes/real9)", ROUND9_FREEZE, getattr(corpus_test, "ROUND9_HELD_BACK_AT_FREEZE", None) or {}),
    ("round 10 tuning (all 294 of tests/notes/real to real9)", ROUND10_FREEZE, ROUND10_TUNING_AT_FREEZE),
    # Written into the corpus test by the annotator once real10 was annotated and measured.
    ("round 10 held back (tests/notes/real10)", ROUND10_FREEZE,
     getattr(corpus_test, "ROUND10_HELD_BACK_AT_FREEZE", None) or {}),
    ("round 11 tuning (all 324 of tests/notes/real to real10)", ROUND11_FREEZE, ROUND11_TUNING_AT_FREEZE),
    # Written into the corpus test by the annotator once real11 was annotated and measured.
    ("round 11 held back (tests/notes/real11)", ROUND11_FREEZE,
     getattr(corpus_test, "ROUND11_HELD_BACK_AT_FREEZE", None) or {}),
    ("round 12 tuning (all 354 of tests/notes/real to real11)", ROUND12_FREEZE, ROUND12_TUNING_AT_FREEZE),
    # Written into the corpus test by the annotator once real12 was annotated and measured.
    ("round 12 held back (tests/notes/real12)", ROUND12_FREEZE,
     getattr(corpus_test, "ROUND12_HELD_BACK_AT_FREEZE", None) or {}),
    ("round 13 tuning (all 384 of tests/notes/real to real12)", ROUND13_FREEZE, ROUND13_TUNING_AT_FREEZE),
    # Written into the corpus test by the annotator once real13 was annotated and measured.
    ("round 13 held back (tests/notes/real13)", ROUND13_FREEZE,
     getattr(corpus_test, "ROUND13_HELD_BACK_AT_FREEZE", None) or {}),
    ("round 14 tuning (all 414 of tests/notes/real to real13)", ROUND14_FREEZE, ROUND14_TUNING_AT_FREEZE),
    # Written into the corpus test by the annotator once real14 was annotated and measured.
    ("round 14 held back (tests/notes/real14)", ROUND14_FREEZE,
     getattr(corpus_test, "ROUND14_HELD_BACK_AT_FREEZE", None) or {}),
    ("round 15 tuning (all 438 of tests/notes/real to real14)", ROUND15_FREEZE, ROUND15_TUNING_AT_FREEZE),
    # Written into the corpus test by the annotator once real15 was annotated and measured.
    ("round 15 held back (tests/notes/real15)", ROUND15_FREEZE,
     getattr(corpus_test, "ROUND15_HELD_BACK_AT_FREEZE", None) or {}),
    ("round 16 tuning (all 462 of tests/notes/real to real15)", ROUND16_FREEZE, ROUND16_TUNING_AT_FREEZE),
    # Written into the corpus test by the annotator once real16 was annotated and measured.
    ("round 16 held back (tests/notes/real16)", ROUND16_FREEZE,
     getattr(corpus_test, "ROUND16_HELD_BACK_AT_FREEZE", None) or {}),
    ("round 17 tuning (all 486 of tests/notes/real to real16)", ROUND17_FREEZE, ROUND17_TUNING_AT_FREEZE),
    # Written into the corpus test by the annotator once real17 was annotated and measured.
    ("round 17 held back (tests/notes/real17)", ROUND17_FREEZE,
     getattr(corpus_test, "ROUND17_HELD_BACK_AT_FREEZE", None) or {}),
    ("round 18 tuning (all 510 of tests/notes/real to real17)", ROUND18_FREEZE, ROUND18_TUNING_AT_FREEZE),
    # Written into the corpus test by the annotator once real18 was annotated and measured.
    ("round 18 held back (tests/notes/real18)", ROUND18_FREEZE,
     getattr(corpus_test, "ROUND18_HELD_BACK_AT_FREEZE", None) or {}),
    ("round 19 tuning (all 534 of tests/notes/real to real18)", ROUND19_FREEZE, ROUND19_TUNING_AT_FREEZE),
    # Written into the corpus test by the annotator once real19 was annotated and measured.
    ("round 19 held back (tests/notes/real19)", ROUND19_FREEZE,
     getattr(corpus_test, "ROUND19_HELD_BACK_AT_FREEZE", None) or {}),
    ("round 20 tuning (all 558 of tests/notes/real to real19)", ROUND20_FREEZE, ROUND20_TUNING_AT_FREEZE),
    # Written into the corpus test by the annotator once real20 was annotated and measured.
    ("round 20 held back (tests/notes/real20)", ROUND20_FREEZE,
     getattr(corpus_test, "ROUND20_HELD_BACK_AT_FREEZE", None) or {}),
)
SHARED = REPO.parent / "shared"
SPEED_WORDS = (400, 800)
WORD = re.compile(r"\w+")


# Each annotated note's extraction, made once per run (keyed by the note object, kept
# with it) and read again by every table whose set holds the note: the cumulative sets of
# the rounds hold every earlier note.
EXTRACTIONS: dict[int, tuple] = {}


def extracted(glossary):
    """A note's extraction from EXTRACTIONS, made on first ask."""
    def of(note):
        if id(note) not in EXTRACTIONS:
            EXTRACTIONS[id(note)] = (note, run(note, glossary))
        return EXTRACTIONS[id(note)][1]
    return of


def table(title: str, notes, glossary) -> None:
    totals = corpus_scores(notes, glossary, extracted(glossary))
    print(f"\n{title} ({len(notes)} notes)")
    print(f"{'kind':<20} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7} {'F1':>6}")
    for kind in MEASURED_KINDS:
        tp, fp, fn = totals[kind]
        precision, recall, f1 = prf(tp, fp, fn)
        print(f"{kind:<20} {tp:>4} {fp:>4} {fn:>4} {precision:>10.3f} {recall:>7.3f} {f1:>6.3f}")


def real_table(title: str, real, glossary) -> None:
    """P/R/F1 per REAL_KINDS kind and the non-people count, or "not annotated"."""
    print(f"\n{title} ({len(real.annotated)} annotated, {len(real.not_annotated)} not annotated)")
    print(f"{'kind':<24} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7} {'F1':>6}")
    if not real.annotated:
        for kind in REAL_KINDS + ("non-people",):
            print(f"{kind:<24} not annotated")
        return
    totals = real_scores(real.annotated, glossary, extracted(glossary))
    for kind in REAL_KINDS:
        tp, fp, fn = totals[kind]
        precision, recall, f1 = prf(tp, fp, fn)
        print(f"{kind:<24} {tp:>4} {fp:>4} {fn:>4} {precision:>10.3f} {recall:>7.3f} {f1:>6.3f}")
    print(f"{'non-people':<24} {totals['non-people'][0]:>4}")


def speed_texts(notes) -> list[str]:
    """Texts of 400-800 words: the notes of that length, and consecutive pairs of
    shorter notes joined (one writer's day of two activities)."""
    texts = [note_text(n) for n in notes]
    fitting = [t for t in texts if SPEED_WORDS[0] <= len(t.split()) <= SPEED_WORDS[1]]
    short = [t for t in texts if len(t.split()) < SPEED_WORDS[0]]
    joined = [a + "\n\n" + b for a, b in zip(short[::2], short[1::2])]
    return fitting + [t for t in joined if SPEED_WORDS[0] <= len(t.split()) <= SPEED_WORDS[1]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="passes over the corpus for the speed figure")
    args = parser.parse_args()
    glossary = load_glossary()
    notes = load_corpus(CORPUS, SHARED)
    heldout = load_corpus(HELDOUT, SHARED)
    real, real2 = load_real(REAL, "all"), load_real(REAL2, "all")
    tuning = RealNotes(real.annotated + real2.annotated, real.not_annotated + real2.not_annotated)
    table("old corpus: corpus", notes, glossary)
    table("old corpus: held-out", heldout, glossary)
    real_table("real notes, round 3 tuning (tests/notes/real and tests/notes/real2)", tuning, glossary)
    real3 = load_real(REAL3, "all")
    real_table("real notes, round 3 held back (tests/notes/real3), after round 4 tuning", real3, glossary)
    real_table("real notes, round 4 tuning (all 114)",
               RealNotes(tuning.annotated + real3.annotated, tuning.not_annotated + real3.not_annotated), glossary)
    real4 = load_real(REAL4, "all")
    real_table("real notes, round 4 held back (tests/notes/real4), after round 5 tuning", real4, glossary)
    real_table("real notes, round 5 tuning (all 144)",
               RealNotes(tuning.annotated + real3.annotated + real4.annotated,
                         tuning.not_annotated + real3.not_annotated + real4.not_annotated), glossary)
    real5 = load_real(REAL5, "all")
    real_table("real notes, round 5 held back (tests/notes/real5), after round 6 tuning", real5, glossary)
    real_table("real notes, round 6 tuning (all 174)",
               RealNotes(tuning.annotated + real3.annotated + real4.annotated + real5.annotated,
                         tuning.not_annotated + real3.not_annotated + real4.not_annotated + real5.not_annotated), glossary)
    real6 = load_real(REAL6, "all")
    real_table("real notes, round 6 held back (tests/notes/real6), after round 7 tuning", real6, glossary)
    real_table("real notes, round 7 tuning (all 204)",
               RealNotes(tuning.annotated + real3.annotated + real4.annotated + real5.annotated + real6.annotated,
                         tuning.not_annotated + real3.not_annotated + real4.not_annotated + real5.not_annotated
                         + real6.not_annotated), glossary)
    real7 = load_real(REAL7, "all")
    real_table("real notes, round 7 held back (tests/notes/real7), after round 8 tuning", real7, glossary)
    real_table("real notes, round 8 tuning (all 234)",
               RealNotes(tuning.annotated + real3.annotated + real4.annotated + real5.annotated + real6.annotated
                         + real7.annotated,
                         tuning.not_annotated + real3.not_annotated + real4.not_annotated + real5.not_annotated
                         + real6.not_annotated + real7.not_annotated), glossary)
    real8 = load_real(REAL8, "all")
    real_table("real notes, round 8 held back (tests/notes/real8), after round 9 tuning", real8, glossary)
    everything_real = [tuning, real3, real4, real5, real6, real7, real8]
    for number, folder in enumerate((REAL9, REAL10, REAL11, REAL12, REAL13, REAL14, REAL15, REAL16, REAL17, REAL18,
                                     REAL19, None), start=9):
        annotated = [n for r in everything_real for n in r.annotated]
        real_table(f"real notes, round {number} tuning (all {len(annotated)})",
                   RealNotes(annotated, [n for r in everything_real for n in r.not_annotated]), glossary)
        if folder is not None:
            everything_real.append(load_real(folder, "all"))
            real_table(f"real notes, round {number} held back (tests/notes/{folder.name}), after round {number + 1} "
                       "tuning", everything_real[-1], glossary)
    print()
    for what, commit, figures in FREEZE_LINES:
        measured = ", ".join(f"{kind} F1 {figure:.3f}" for kind, figure in figures.items()) or "not measured yet"
        print(f"{what} at its freeze ({commit}): {measured}")
    everything = notes + heldout
    started = time.perf_counter()
    for _ in range(args.repeat):
        for note in everything:
            run(note, glossary)
    elapsed = time.perf_counter() - started
    count = args.repeat * len(everything)
    print(f"\nspeed: {count} runs of read + clean + extract over {len(everything)} notes in {elapsed:.2f} s: "
          f"{count / elapsed:.1f} notes/s (one process)")
    texts = speed_texts(tuning.annotated + notes + heldout)
    if texts:
        words = sum(len(t.split()) for t in texts) / len(texts)
        passes = []
        for _ in range(args.repeat):
            started = time.process_time()
            for text in texts:
                extract(clean(read_typed(text).text).text, None, glossary)
            passes.append(time.process_time() - started)
        elapsed = sum(passes)
        print(f"speed on notes of {SPEED_WORDS[0]}-{SPEED_WORDS[1]} words ({len(texts)} texts, {words:.0f} words on "
              f"average): {len(texts) / min(passes):.1f} notes/s in the best of {args.repeat} passes, "
              f"{args.repeat * len(texts) / elapsed:.1f} over all, CPU time (target >= 100; load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
        floor = min(_yardstick(texts) for _ in range(args.repeat))
        print(f"yardstick, same process: one word-regex pass and a sort of the words of each of the {len(texts)} texts, "
              f"{floor * 1000:.1f} ms CPU at best; extraction costs {min(passes) / floor:.1f}x that (compare this ratio "
              f"between runs on a loaded machine)")
    characters = args.repeat * sum(len(read_note(n.raw, n.filename).text) for n in everything)
    long_notes(elapsed / characters * LONG if not texts else elapsed / (args.repeat * sum(map(len, texts))) * LONG,
               glossary)


def long_notes(yardstick: float, glossary) -> None:
    """A 200,000-character typed note of every shape of `tests/notes/long_notes.py`: read +
    clean + extract, best of 3, beside the linear yardstick and one word-regex pass over the
    same text; the adversarial shapes (thousands of different people in one note) too."""
    print(f"\nlong notes ({LONG:,} characters; yardstick: time per character of the notes above x {LONG:,} = "
          f"{yardstick:.2f} s)")
    for shape in SHAPES:
        text = SHAPES[shape](LONG)
        best = min(_timed(text, glossary) for _ in range(3))
        floor = min(_regex_pass(text) for _ in range(3))
        verdict = "met" if best < LONG_TARGET_SECONDS else "NOT met"
        print(f"{shape:<22} {best:6.2f} s  {best / yardstick:5.2f}x yardstick  one word-regex pass {floor * 1000:.1f} ms  "
              f"target < {LONG_TARGET_SECONDS:.0f} s: {verdict}")


def _yardstick(texts: list[str]) -> float:
    """CPU seconds of a fixed small workload over `texts`: a word-regex pass and a sort
    of the words of each; the load slows it as it slows the extractor."""
    started = time.process_time()
    for text in texts:
        sum(len(m.group(0)) for m in WORD.finditer(text))
        sorted(text.split())
    return time.process_time() - started


def _regex_pass(text: str) -> float:
    started = time.perf_counter()
    sum(1 for _ in WORD.finditer(text))
    return time.perf_counter() - started


def _timed(text: str, glossary) -> float:
    started = time.perf_counter()
    extract(clean(read_typed(text).text).text, None, glossary)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
