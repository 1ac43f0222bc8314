"""Split the evaluation notes modelled on real releases into a tuning part and a
held-back part, by a seeded draw over their file names.

The held-back notes are annotated only after the extraction rules are frozen, and
their figures are reported apart; run once when the note texts are committed:

    python tools/split_notes.py            # writes tests/notes/real/split.json
    python tools/split_notes.py --check    # fails if split.json disagrees with the draw
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REAL = Path(__file__).resolve().parents[1] / "tests" / "notes" / "real"
SEED = 20261201
HELD_BACK = 20


def draw(names: list[str], seed: int = SEED, held_back: int = HELD_BACK) -> dict:
    ordered = sorted(names)
    chosen = sorted(random.Random(seed).sample(ordered, held_back))
    return {"seed": seed, "held_back": chosen, "tuning": [n for n in ordered if n not in chosen]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    names = [p.stem for p in REAL.glob("*.txt")]
    split = draw(names)
    target = REAL / "split.json"
    if args.check:
        stored = json.loads(target.read_text(encoding="utf-8"))
        return 0 if stored == split else 1
    target.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    print(f"{len(split['tuning'])} tuning, {len(split['held_back'])} held back -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
