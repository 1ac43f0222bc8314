"""Write what the notes extractor gives on every real note and every long-note shape to one
JSON file, or compare two such files.

A change meant to be faster, or a merge of two branches that both touched `press/notes/`,
must leave every extraction as it was: take a snapshot before, one after, and compare.

    python tools/extraction_snapshot.py write OUT.json [--shape-size 20000]
    python tools/extraction_snapshot.py compare BEFORE.json AFTER.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from press.notes.evaluation import AnnotatedNote, run  # noqa: E402
from press.notes.extract import extract  # noqa: E402
from press.notes.glossary import load_glossary  # noqa: E402
from tests.notes.long_notes import SHAPES  # noqa: E402

NOTES = ROOT / "tests" / "notes"


def _real_notes() -> list[AnnotatedNote]:
    """Every real note, annotated or not (an unannotated note is extracted with no context)."""
    notes = []
    for text in sorted(NOTES.glob("real*/r*.txt")):
        annotation = text.with_suffix(".json")
        expected = json.loads(annotation.read_text(encoding="utf-8")) if annotation.exists() else {}
        notes.append(AnnotatedNote(f"{text.parent.name}/{text.stem}", text.read_bytes(), text.name, expected))
    return notes


def snapshot(shape_size: int) -> dict[str, dict]:
    glossary = load_glossary()
    out = {note.name: run(note, glossary).as_dict() for note in _real_notes()}
    for name, make in SHAPES.items():
        out[f"shape/{name}"] = extract(make(shape_size), None, glossary).as_dict()
    return out


def compare(before: dict, after: dict) -> list[str]:
    differences = [f"only before: {key}" for key in sorted(before.keys() - after.keys())]
    differences += [f"only after: {key}" for key in sorted(after.keys() - before.keys())]
    differences += [f"differs: {key}" for key in sorted(before.keys() & after.keys()) if before[key] != after[key]]
    return differences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    write = sub.add_parser("write")
    write.add_argument("out", type=Path)
    write.add_argument("--shape-size", type=int, default=20_000)
    both = sub.add_parser("compare")
    both.add_argument("before", type=Path)
    both.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        data = snapshot(args.shape_size)
        args.out.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        print(f"{len(data)} extractions written to {args.out}")
        return 0
    differences = compare(*(json.loads(path.read_text(encoding="utf-8")) for path in (args.before, args.after)))
    print("\n".join(differences) or "identical")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
