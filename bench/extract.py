"""Benchmark of the notes extractor: precision, recall and F1 per kind of item, notes
per second through read -> clean -> extract, and long notes: 200,000 characters (the
longest note a writer may type) of a repeated phrase and of realistic text, each against
its yardsticks measured in the same process: the corpus's own time per character times
200,000 (what a note that long costs if extraction is linear) and one pass of a word
regular expression over the same text (the machine's floor). Target: under 2 s each.

Annotated sets, printed apart: the old corpus, tests/notes/corpus (the shared example
release plus one note per activity kind; the first rules were tuned on it) and
tests/notes/heldout (notes written after that tuning); then the notes modelled on real
releases, round by round. Round 1 tuned on 40 notes of tests/notes/real and held back 20;
round 2 tuned on all 60 and held back tests/notes/real2; from round 3 on, each round n tunes
on every annotated note of the folders before it ("round n tuning (all N)") and holds back
one new folder whole, annotated only after the round's freeze and measured once (its figures
are ROUNDn_HELD_BACK_AT_FREEZE of tests/notes/real_corpus_figures.py: a line below the
tables); that folder's own table ("round n held back …, after round n+1 tuning") is then a
figure after the next round tuned on it. Round 22 tuned on all 606 notes of tests/notes/real
to real21 ("round 22 tuning (all 606)"; real21's own table is then a figure after tuning) and
held back tests/notes/real22 whole (its figures, measured once after round 22's freeze, are
ROUND22_HELD_BACK_AT_FREEZE: a line below the tables). The protocol and each round's history
are in docs/extraction.md.
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
from tests.notes import real_corpus_figures as figures  # noqa: E402

LONG = 200_000
LONG_TARGET_SECONDS = 2.0

CORPUS = REPO / "tests" / "notes" / "corpus"
HELDOUT = REPO / "tests" / "notes" / "heldout"
REAL = REPO / "tests" / "notes" / "real"
# tests/notes/real2 … real22, by number.
REAL_FOLDERS = {number: REPO / "tests" / "notes" / f"real{number}" for number in range(2, 23)}
# The commits of the "Frozen rules:" (round 1) to "Frozen rules (round 22):" freezes.
FREEZES = {1: "9e1fc17", 2: "5f0749d", 3: "c18b84b", 4: "d0a8c1f", 5: "c1b481e", 6: "9c719cf", 7: "5971e88", 8: "9f6d9d2",
           9: "f954294", 10: "9bd10ff", 11: "0a945b1", 12: "716b93c", 13: "9236910", 14: "bcc17d6", 15: "f7cbaba",
           16: "ec010ee", 17: "fb4f55e", 18: "cc8e87a", 19: "e5c7fad", 20: "707eb3e", 21: "e4360af",
           22: "6b3c05a"}
TUNED_ON = {1: "40 of tests/notes/real", 2: "60 notes of tests/notes/real", 3: "84 notes of tests/notes/real and real2",
            4: "all 114 of tests/notes/real, real2 and real3", 5: "all 144 of tests/notes/real, real2, real3 and real4",
            8: "all 234 of tests/notes/real to real7, conventions applied",
            9: "all 264 of tests/notes/real to real8, real8's descriptions no titles"}


def _tuned_on(number: int) -> str:
    """What round `number` tuned on, as its freeze line names it (30 notes a folder to real13, 24 after)."""
    notes = 174 + 30 * (number - 6) if number <= 14 else 414 + 24 * (number - 14)
    return TUNED_ON.get(number, f"all {notes} of tests/notes/real to real{number - 1}")


def _freeze_lines() -> list[tuple[str, str, dict]]:
    """Figures written at each freeze, printed as lines below the tables: (what, commit, figures)."""
    lines = []
    for number, commit in FREEZES.items():
        tuning = getattr(figures, "TUNING_AT_FREEZE" if number == 1 else f"ROUND{number}_TUNING_AT_FREEZE")
        held_back = getattr(figures, "HELD_BACK_AT_FREEZE" if number == 1 else f"ROUND{number}_HELD_BACK_AT_FREEZE")
        lines.append((f"round {number} tuning ({_tuned_on(number)})", commit, tuning))
        lines.append((f"round {number} held back ({'20 of tests/notes/real' if number == 1 else f'tests/notes/real{number}'})",
                      commit, held_back or {}))
    return lines


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
    real, real2 = load_real(REAL, "all"), load_real(REAL_FOLDERS[2], "all")
    tuning = RealNotes(real.annotated + real2.annotated, real.not_annotated + real2.not_annotated)
    table("old corpus: corpus", notes, glossary)
    table("old corpus: held-out", heldout, glossary)
    real_table("real notes, round 3 tuning (tests/notes/real and tests/notes/real2)", tuning, glossary)
    everything_real = [tuning]
    for number in range(3, 23):
        if number > 3:
            annotated = [n for r in everything_real for n in r.annotated]
            real_table(f"real notes, round {number} tuning (all {len(annotated)})",
                       RealNotes(annotated, [n for r in everything_real for n in r.not_annotated]), glossary)
        if number < 22:
            everything_real.append(load_real(REAL_FOLDERS[number], "all"))
            real_table(f"real notes, round {number} held back (tests/notes/real{number}), after round {number + 1} "
                       "tuning", everything_real[-1], glossary)
    print()
    for what, commit, figures_then in _freeze_lines():
        measured = ", ".join(f"{kind} F1 {figure:.3f}" for kind, figure in figures_then.items()) or "not measured yet"
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
