"""What the CRF of ``crf_people_experiment.py`` reads of a note: its tokens, the runs of them
it reads (near a capitalised word, a person of the rules, or a capitalised word no person
holds), the rules' people marked on them (stacking), each token's features (its word,
shape, the data files' word lists, its neighbours'), and the labels the annotation gives.

``WINDOW``, ``SCHEME`` and ``PERSON_FEATURES`` are the experiment's options (its command
line sets them)."""

from __future__ import annotations

import re

from press.notes.extract import Person
from press.notes.rules import rules_for

TOKEN = re.compile(r"\w+(?:[.'’-]\w+)*\.?|[^\w\s]")
WINDOW = 2
SCHEME = "bio"
PERSON_FEATURES = False


class Lexicon:
    """What the data files say of one word, as feature strings."""

    def __init__(self, glossary):
        self.sets = {
            "tw": {w.casefold() for t in glossary.title_forms for w in t.split()},
            "hon": {h.casefold().rstrip(".") for h in glossary.honorifics},
            "rank": {w.casefold().rstrip(".") for r in glossary.rank_forms for w in r.split()},
            "reg": {w.casefold() for r in glossary.region_names for w in r.split()},
            "np": {w.casefold() for w in glossary.not_person_words},
            "cal": {w.casefold() for w in (*glossary.weekday_forms(), *glossary.month_forms())},
            "street": {w.casefold() for w in glossary.street_words},
            "verb": {w.casefold() for f in ("after", "reported") for w in glossary.speech_verbs(f)},
        }
        self.degrees = rules_for(glossary).degree_keys
        self._cache: dict[str, list[str]] = {}

    def word(self, w: str) -> list[str]:
        if w not in self._cache:
            lw = w.casefold()
            shape = "p" if not w[0].isalnum() else "U" if w.isupper() and len(w) > 1 else \
                "C" if w[0].isupper() else "d" if w[0].isdigit() else "l"
            out = [f"w={lw}", f"s={shape}"]
            out += [k for k, words in self.sets.items() if lw.rstrip(".") in words or lw in words]
            if w.replace(".", "").upper() in self.degrees:
                out.append("deg")
            self._cache[w] = out
        return self._cache[w]


def tokens_of(text: str) -> list[re.Match]:
    return list(TOKEN.finditer(text))


def _runs(keep: list[bool]) -> list[range]:
    """The runs of consecutive kept tokens."""
    runs, start = [], None
    for i, k in enumerate(keep + [False]):
        if k and start is None:
            start = i
        elif not k and start is not None:
            runs.append(range(start, i))
            start = None
    return runs


def stretches(tokens: list[re.Match]) -> list[range]:
    """Runs of tokens within WINDOW of a capitalised word: the only places a name stands."""
    keep = [False] * len(tokens)
    for i, t in enumerate(tokens):
        if t.group(0)[0].isupper():
            for j in range(max(0, i - WINDOW), min(len(tokens), i + WINDOW + 1)):
                keep[j] = True
    return _runs(keep)


def around_rules(marks: list[str]) -> list[range]:
    """Runs of tokens within WINDOW of a person the rules found (or a later mention):
    what the keep-or-drop design reads."""
    keep = [False] * len(marks)
    for i, m in enumerate(marks):
        if m:
            for j in range(max(0, i - WINDOW), min(len(marks), i + WINDOW + 1)):
                keep[j] = True
    return _runs(keep)


def around_uncovered(words: list[str], marks: list[str]) -> list[range]:
    """Runs of tokens within WINDOW of a capitalised word no person of the rules holds:
    where the add designs look for names the rules missed."""
    keep = [False] * len(words)
    for i, w in enumerate(words):
        if w[0].isupper() and not marks[i]:
            for j in range(max(0, i - WINDOW), min(len(words), i + WINDOW + 1)):
                keep[j] = True
    return _runs(keep)


def rule_marks(tokens: list[re.Match], people: list[Person]) -> list[str]:
    """Per token: "RB"/"RI" inside a person the rules found (its first word / later),
    "RM" inside a later mention of one, "RT" when that person has a title, else ""."""
    marks = [""] * len(tokens)
    starts = {t.start(): i for i, t in enumerate(tokens)}
    spans = [(p.span, "R", p) for p in people] + [(m, "M", p) for p in people for m in p.mentions]
    for (a, b), kind, person in spans:
        i = starts.get(a)
        if i is None:
            continue
        first = True
        while i < len(tokens) and tokens[i].end() <= b:
            if not marks[i]:
                marks[i] = ("RB" if first else "RI") if kind == "R" else "RM"
                if PERSON_FEATURES:
                    marks[i] += "".join(x for x, on in (("T", person.title), ("H", person.honorifics or person.ranks),
                                                        ("D", person.degrees), ("M", person.mentions),
                                                        ("1", len(person.name.split()) == 1)) if on)
                elif person.title:
                    marks[i] += "T"
            first = False
            i += 1
    return marks


def features(words: list[str], marks: list[str], seq: range, lexicon: Lexicon, stacked: bool) -> list[list[str]]:
    out = []
    for i in seq:
        w = words[i]
        f = ["b", f"suf3={w.casefold()[-3:]}", *lexicon.word(w)]
        if any(c.isdigit() for c in w):
            f.append("digit")
        if "." in w:
            f.append("dot")
        if stacked:
            f.append(f"r={marks[i][:2] or 'O'}")
            f += [f"r{x}" for x in marks[i][2:]]
        for d in (-2, -1, 1, 2):
            j = i + d
            if seq.start <= j < seq.stop:
                f += [f"{d}:{x}" for x in lexicon.word(words[j]) if not x.startswith("w=") or abs(d) == 1]
                if stacked:
                    f.append(f"{d}:r={marks[j][:2] or 'O'}")
            else:
                f.append(f"{d}:edge")
        out.append(f)
    return out


def labels_of(text: str, tokens: list[re.Match], expected: dict) -> list[str]:
    """B/I/O for the annotated names as written (and their last word alone)."""
    labels = ["O"] * len(tokens)
    starts = {t.start(): i for i, t in enumerate(tokens)}
    for person in expected["people"]:
        name = person["name"]
        for form in dict.fromkeys((name,) if SCHEME == "full" else (name, name.split()[-1])):
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                i = starts.get(m.start())
                n = 0
                while i is not None and i < len(tokens) and tokens[i].end() <= m.end():
                    if labels[i] == "O":
                        labels[i] = "I" if n or SCHEME == "io" else "B"
                    n += 1
                    i += 1
    return labels
