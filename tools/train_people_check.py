"""Train the people check's model (tools/people_check.py, tried in round 18 and not
shipped) on the annotated real notes (by default tests/notes/real ... real17) and write
its weights as JSON. The model reads the rules' own people, so it must be trained again
whenever the rules change.

    pip install python-crfsuite==0.9.12
    python tools/train_people_check.py --out /tmp/people_check.json [--folders real real2 ...]

Deterministic: the notes in folder and name order, python-crfsuite 0.9.12 (L-BFGS, c1
0.05, c2 0.01, 120 iterations), weights rounded to 4 decimals and written with sorted
keys, so every run writes the same file (about 20 s of CPU)."""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

import pycrfsuite  # noqa: E402

from press.notes.evaluation import load_real, note_text  # noqa: E402
from press.notes.extract import extract  # noqa: E402
from press.notes.glossary import load_glossary  # noqa: E402
from people_check import features, reading  # noqa: E402

NOTES = REPO / "tests" / "notes"
FOLDERS = ["real"] + [f"real{n}" for n in range(2, 18)]
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 120, "feature.possible_transitions": True}
SOURCE = ("Trained by tools/train_people_check.py (python-crfsuite 0.9.12, L-BFGS, c1 0.05, c2 0.01, "
          "120 iterations) on the annotated notes of tests/notes/{folders}: each word the notes' rules put in "
          "a person, one word either side, labelled I when it is in an annotated name (or the name's last "
          "word alone), else O. Feature weights are the I weight less the O weight; transitions "
          "[[O-O, O-I], [I-O, I-I]]. Not shipped: docs/extraction.md, \"A statistical part, tried again (510 notes)\".")


def labels_of(text: str, tokens: list[re.Match], expected: dict) -> list[str]:
    """I for the words of the annotated names as written (and their last word alone), else O."""
    labels = ["O"] * len(tokens)
    starts = {t.start(): i for i, t in enumerate(tokens)}
    for person in expected["people"]:
        name = person["name"]
        for form in dict.fromkeys((name, name.split()[-1])):
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                i = starts.get(m.start())
                while i is not None and i < len(tokens) and tokens[i].start() < m.end():
                    labels[i] = "I"
                    i += 1
    return labels


def sequences(notes, glossary):
    """(features, labels) of each stretch the check reads, over the rules' own people."""
    for note in notes:
        text = note_text(note)
        people = extract(text, note.context, glossary).people
        tokens, _, marks, runs, lexicon = reading(text, people, glossary)
        words = [t.group(0) for t in tokens]
        labels = labels_of(text, tokens, note.expected)
        for seq in runs:
            yield features(words, marks, seq, lexicon), [labels[i] for i in seq]


def train(notes, glossary) -> dict:
    trainer = pycrfsuite.Trainer(verbose=False)
    for xs, ys in sequences(notes, glossary):
        trainer.append(xs, ys)
    trainer.set_params(PARAMS)
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "people.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    weights: dict[str, float] = {}
    for (attribute, label), weight in info.state_features.items():
        weights[attribute] = weights.get(attribute, 0.0) + (weight if label == "I" else -weight)
    t = info.transitions
    return {"features": {k: round(v, 4) for k, v in sorted(weights.items()) if round(v, 4)},
            "transitions": [[round(t.get(("O", "O"), 0.0), 4), round(t.get(("O", "I"), 0.0), 4)],
                            [round(t.get(("I", "O"), 0.0), 4), round(t.get(("I", "I"), 0.0), 4)]]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folders", nargs="+", default=FOLDERS)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    glossary = load_glossary()
    notes = [n for f in args.folders for n in load_real(NOTES / f, "all").annotated]
    model = train(notes, glossary)
    first, last = args.folders[0], args.folders[-1]
    data = {"_source": SOURCE.format(folders=f"{first} ... {last}" if len(args.folders) > 1 else first),
            "notes": len(notes), **model}
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{len(notes)} notes, {len(model['features'])} weights -> {args.out}")


if __name__ == "__main__":
    main()
