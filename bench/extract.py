"""Benchmark of the notes extractor: precision, recall and F1 per kind of item over the
annotated corpus (tests/notes/corpus: the shared example release plus one note per
activity kind), and notes per second through read -> clean -> extract.

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
SHARED = REPO.parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="passes over the corpus for the speed figure")
    args = parser.parse_args()
    glossary = load_glossary()
    notes = load_corpus(CORPUS, SHARED)
    totals = corpus_scores(notes, glossary)
    print(f"{'kind':<20} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7} {'F1':>6}")
    for kind in KINDS:
        tp, fp, fn = totals[kind]
        precision, recall, f1 = prf(tp, fp, fn)
        print(f"{kind:<20} {tp:>4} {fp:>4} {fn:>4} {precision:>10.3f} {recall:>7.3f} {f1:>6.3f}")
    started = time.perf_counter()
    for _ in range(args.repeat):
        for note in notes:
            run(note, glossary)
    elapsed = time.perf_counter() - started
    count = args.repeat * len(notes)
    print(f"\n{len(notes)} notes, {count} runs (read + clean + extract) in {elapsed:.2f} s: "
          f"{count / elapsed:.1f} notes/s")


if __name__ == "__main__":
    main()
