"""Benchmark of the notes extractor: precision, recall and F1 per kind of item, and notes
per second through read -> clean -> extract.

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

from press.notes.evaluation import KINDS, corpus_scores, load_corpus, prf, run  # noqa: E402
from press.notes.glossary import load_glossary  # noqa: E402

CORPUS = REPO / "tests" / "notes" / "corpus"
HELDOUT = REPO / "tests" / "notes" / "heldout"
SHARED = REPO.parent / "shared"


def table(title: str, notes, glossary) -> None:
    totals = corpus_scores(notes, glossary)
    print(f"\n{title} ({len(notes)} notes)")
    print(f"{'kind':<20} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7} {'F1':>6}")
    for kind in KINDS:
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


if __name__ == "__main__":
    main()
