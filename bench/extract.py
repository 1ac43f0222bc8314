"""Benchmark of the notes extractor: precision, recall and F1 per kind of item, notes
per second through read -> clean -> extract, and long notes: 200,000 characters (the
longest note a writer may type) of a repeated phrase and of realistic text, each against
its yardstick, the corpus's own time per character times 200,000 (what a note that long
costs if extraction is linear). Target: under 2 s each.

Two annotated sets: tests/notes/corpus (the shared example release plus one note per
activity kind; the rules were tuned on it) and tests/notes/heldout (notes written after
tuning, to estimate how the rules do on notes they have not seen).

Run: python bench/extract.py [--repeat N]
Matching rules: see press/notes/evaluation.py.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from press.notes.cleaning import clean  # noqa: E402
from press.notes.evaluation import MEASURED_KINDS, corpus_scores, load_corpus, prf, run  # noqa: E402
from press.notes.extract import extract  # noqa: E402
from press.notes.glossary import load_glossary  # noqa: E402
from press.notes.reading import read_note, read_typed  # noqa: E402
from tests.notes.long_notes import SHAPES  # noqa: E402

LONG = 200_000
LONG_TARGET_SECONDS = 2.0

CORPUS = REPO / "tests" / "notes" / "corpus"
HELDOUT = REPO / "tests" / "notes" / "heldout"
SHARED = REPO.parent / "shared"


def table(title: str, notes, glossary) -> None:
    totals = corpus_scores(notes, glossary)
    print(f"\n{title} ({len(notes)} notes)")
    print(f"{'kind':<20} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7} {'F1':>6}")
    for kind in MEASURED_KINDS:
        tp, fp, fn = totals[kind]
        precision, recall, f1 = prf(tp, fp, fn)
        print(f"{kind:<20} {tp:>4} {fp:>4} {fn:>4} {precision:>10.3f} {recall:>7.3f} {f1:>6.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="passes over the corpus for the speed figure")
    args = parser.parse_args()
    glossary = load_glossary()
    notes = load_corpus(CORPUS, SHARED)
    heldout = load_corpus(HELDOUT, SHARED)
    table("corpus", notes, glossary)
    table("held-out", heldout, glossary)
    everything = notes + heldout
    started = time.perf_counter()
    for _ in range(args.repeat):
        for note in everything:
            run(note, glossary)
    elapsed = time.perf_counter() - started
    count = args.repeat * len(everything)
    print(f"\nspeed: {count} runs of read + clean + extract over {len(everything)} notes in {elapsed:.2f} s: "
          f"{count / elapsed:.1f} notes/s (one process)")
    characters = args.repeat * sum(len(read_note(n.raw, n.filename).text) for n in everything)
    long_notes(elapsed / characters * LONG, glossary)


def long_notes(yardstick: float, glossary) -> None:
    """A 200,000-character typed note of each shape: read + clean + extract, best of 3."""
    print(f"\nlong notes ({LONG:,} characters; yardstick: corpus time per character x {LONG:,} = {yardstick:.2f} s)")
    for shape in ("wali-kota", "realistic"):
        text = SHAPES[shape](LONG)
        best = min(_timed(text, glossary) for _ in range(3))
        verdict = "met" if best < LONG_TARGET_SECONDS else "NOT met"
        print(f"{shape:<10} {best:6.2f} s  {best / yardstick:5.2f}x yardstick  target < {LONG_TARGET_SECONDS:.0f} s: "
              f"{verdict}")


def _timed(text: str, glossary) -> float:
    started = time.perf_counter()
    extract(clean(read_typed(text).text).text, None, glossary)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
