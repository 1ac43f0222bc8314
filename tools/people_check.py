"""Tried in round 18, not shipped (docs/extraction.md, "A statistical part, tried
again (510 notes)"): a second opinion on the people the rules found. A linear-chain CRF
reads each of them (its words and every later mention, one word either side) and a
person none of whose words it gives more than an even chance of belonging to a name is
dropped. It never adds a person and never touches titles or quotes.

Why a model beside the rules: the rules are tuned on the notes they have seen and,
on each round's held-back notes, report words no annotator counts as people (short forms
of posts and units, "Dua Periode", "Tinggi Agama Surabaya"). Trained on those notes with
the rules' own finding among its features, the model learns where that finding is
usually wrong (docs/extraction.md, "A statistical part, tried again (510 notes)").

Two labels: "I" (a word of a name) and "O". Features: the word, its shape and ending,
what the data files say of it and of its neighbours (a title word, an honorific, a rank,
a region, a weekday or month, a street word, a speech verb, a degree, a word naming
nobody), and whether the rules put it inside a person (first word, later word, a later
mention; the person has a title). The weights are written by `tools/train_people_check.py`
from the annotated real notes; this module holds the features both read, and scores in
pure Python with the forward-backward marginals of that chain (no dependency at run
time; 1.4-1.6 ms of CPU on a note of 400-800 words, on a loaded machine). Work grows with the number of words
read, a few around each person found.

`protect` keeps, unjudged, the people with a title, an honorific, a rank or a degree and
those whose name is not written where they were found: without it the model drops real
people in the plainest shapes ("Camat Suparman meminta …"); with it, it wins nothing."""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from press.notes.glossary import Glossary
from press.notes.items import Person
from press.notes.rules import rules_for

TOKEN = re.compile(r"\w+(?:[.'’-]\w+)*\.?|[^\w\s]")
WINDOW = 1
WEIGHTS = Path("/tmp/people_check.json")
# A person is kept when one of its words has more than this chance of being a name.
KEEP_AT = 0.5


class Lexicon:
    """What the data files say of one word, as feature strings."""

    def __init__(self, glossary: Glossary):
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
        self._known: dict[str, list[str]] = {}

    def word(self, w: str) -> list[str]:
        known = self._known.get(w)
        if known is None:
            lw = w.casefold()
            shape = "p" if not w[0].isalnum() else "U" if w.isupper() and len(w) > 1 else \
                "C" if w[0].isupper() else "d" if w[0].isdigit() else "l"
            known = [f"w={lw}", f"s={shape}"]
            known += [k for k, words in self.sets.items() if lw.rstrip(".") in words or lw in words]
            if w.replace(".", "").upper() in self.degrees:
                known.append("deg")
            self._known[w] = known
        return known


_LEXICONS: dict[int, tuple[Glossary, Lexicon]] = {}


def lexicon_for(glossary: Glossary) -> Lexicon:
    cached = _LEXICONS.get(id(glossary))
    if cached and cached[0] is glossary:
        return cached[1]
    lexicon = Lexicon(glossary)
    _LEXICONS[id(glossary)] = (glossary, lexicon)
    return lexicon


def rule_marks(tokens: list[re.Match], starts: dict[int, int], people: list[Person]) -> dict[int, str]:
    """Token index -> "RB"/"RI" inside a person the rules found (first word / later),
    "RM" inside a later mention, "T" added when that person has a title (`starts`: token
    index by the token's first character)."""
    marks: dict[int, str] = {}
    spans = [(p.span, "R", p.title) for p in people] + [(m, "M", None) for p in people for m in p.mentions]
    for (a, b), kind, title in spans:
        i = starts.get(a)
        first = True
        while i is not None and i < len(tokens) and tokens[i].start() < b:
            if i not in marks:
                marks[i] = (("RB" if first else "RI") if kind == "R" else "RM") + ("T" if title else "")
            first = False
            i += 1
    return marks


def stretches(marks: dict[int, str], count: int) -> list[range]:
    """Runs of tokens within WINDOW of a word the rules put in a person: what is read."""
    runs: list[range] = []
    for i in sorted(marks):
        start, stop = max(0, i - WINDOW), min(count, i + WINDOW + 1)
        if runs and start <= runs[-1].stop:
            runs[-1] = range(runs[-1].start, max(stop, runs[-1].stop))
        else:
            runs.append(range(start, stop))
    return runs


def features(words: list[str], marks: dict[int, str], seq: range, lexicon: Lexicon) -> list[list[str]]:
    out = []
    for i in seq:
        w = words[i]
        mark = marks.get(i, "")
        f = ["b", f"suf3={w.casefold()[-3:]}", *lexicon.word(w), f"r={mark[:2] or 'O'}"]
        if any(c.isdigit() for c in w):
            f.append("digit")
        if "." in w:
            f.append("dot")
        if mark.endswith("T"):
            f.append("rT")
        for d in (-2, -1, 1, 2):
            j = i + d
            if seq.start <= j < seq.stop:
                f += [f"{d}:{x}" for x in lexicon.word(words[j]) if abs(d) == 1 or not x.startswith("w=")]
                f.append(f"{d}:r={marks.get(j, '')[:2] or 'O'}")
            else:
                f.append(f"{d}:edge")
        out.append(f)
    return out


def reading(text: str, people: list[Person], glossary: Glossary):
    """The tokens, their indexes by first character, the rules' marks, the stretches to
    read and the glossary's lexicon."""
    tokens = list(TOKEN.finditer(text))
    starts = {t.start(): i for i, t in enumerate(tokens)}
    marks = rule_marks(tokens, starts, people)
    return tokens, starts, marks, stretches(marks, len(tokens)), lexicon_for(glossary)


@lru_cache(maxsize=1)
def _weights() -> tuple[dict[str, float], tuple[float, float, float, float]]:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    (oo, oi), (io, ii) = data["transitions"]
    return data["features"], (oo, oi, io, ii)


class Scorer:
    """The sum of the weights of a word's features, `features()` summed a part at a time
    and each part remembered per word (a note repeats its names and their neighbours)."""

    def __init__(self, lexicon: Lexicon, weights: dict[str, float]):
        self.lexicon, self.weights = lexicon, weights
        self._own: dict[str, float] = {}
        self._near: dict[tuple[str, int], float] = {}
        self.marks = {m: weights.get(f"r={m[:2] or 'O'}", 0.0) + (weights.get("rT", 0.0) if m.endswith("T") else 0.0)
                      for m in ("", "RB", "RI", "RM", "RBT", "RIT", "RMT")}
        self.near_marks = {(m, d): weights.get(f"{d}:r={m or 'O'}", 0.0) for m in ("", "RB", "RI", "RM") for d in (-2, -1, 1, 2)}
        self.edges = {d: weights.get(f"{d}:edge", 0.0) for d in (-2, -1, 1, 2)}

    def own(self, w: str) -> float:
        score = self._own.get(w)
        if score is None:
            get = self.weights.get
            score = get("b", 0.0) + get(f"suf3={w.casefold()[-3:]}", 0.0) + sum(get(x, 0.0) for x in self.lexicon.word(w))
            if any(c.isdigit() for c in w):
                score += get("digit", 0.0)
            if "." in w:
                score += get("dot", 0.0)
            self._own[w] = score
        return score

    def near(self, w: str, d: int) -> float:
        score = self._near.get((w, d))
        if score is None:
            score = sum(self.weights.get(f"{d}:{x}", 0.0) for x in self.lexicon.word(w) if abs(d) == 1 or not x.startswith("w="))
            self._near[(w, d)] = score
        return score

    def nodes(self, words: list[str], marks: dict[int, str], seq: range) -> list[float]:
        """Per word of the stretch: its "I" score less its "O" score."""
        first, stop = seq.start, seq.stop
        near, near_marks, edges = self.near, self.near_marks, self.edges
        mark_of = [marks.get(i, "") for i in seq]
        out = []
        for i in seq:
            score = self.own(words[i]) + self.marks[mark_of[i - first]]
            for d in (-2, -1, 1, 2):
                j = i + d
                if first <= j < stop:
                    score += near(words[j], d) + near_marks[(mark_of[j - first][:2], d)]
                else:
                    score += edges[d]
            out.append(score)
        return out


_SCORERS: dict[int, tuple[Lexicon, dict, Scorer]] = {}


def scorer_for(lexicon: Lexicon) -> Scorer:
    weights = _weights()[0]
    cached = _SCORERS.get(id(lexicon))
    if cached and cached[0] is lexicon and cached[1] is weights:
        return cached[2]
    scorer = Scorer(lexicon, weights)
    _SCORERS[id(lexicon)] = (lexicon, weights, scorer)
    return scorer


def name_chances(nodes: list[float]) -> list[float]:
    """P(the word is in a name) for each word of one stretch, from its node scores: the
    chain's forward-backward marginals over two labels (O, I), rescaled at each step."""
    oo, oi, io, ii = (math.exp(t) for t in _weights()[1])
    odds = [math.exp(max(-60.0, min(60.0, n))) for n in nodes]
    fwd = [(1.0, odds[0])]
    for odd in odds[1:]:
        o, i = fwd[-1]
        o, i = o * oo + i * io, (o * oi + i * ii) * odd
        fwd.append((o / (o + i), i / (o + i)))
    bwd = [(1.0, 1.0)]
    for odd in reversed(odds[1:]):
        o, i = bwd[-1]
        o, i = oo * o + oi * odd * i, io * o + ii * odd * i
        bwd.append((o / (o + i), i / (o + i)))
    bwd.reverse()
    return [fi * bi / (fo * bo + fi * bi) for (fo, fi), (bo, bi) in zip(fwd, bwd)]


def keep_likely(text: str, people: list[Person], glossary: Glossary, protect: bool = False) -> list[Person]:
    """`people` less those the model thinks are no one (see the module's docstring)."""
    if not people:
        return people
    tokens, starts, marks, runs, lexicon = reading(text, people, glossary)
    scorer = scorer_for(lexicon)
    chance: dict[int, float] = {}
    for seq in runs:
        words = _Offset([tokens[i].group(0) for i in seq], seq.start)
        chance.update(zip(seq, name_chances(scorer.nodes(words, marks, seq))))
    kept = []
    for person in people:
        if protect and (person.title or person.honorifics or person.ranks or person.degrees
                        or not _written_in_span(text, person)):
            kept.append(person)
            continue
        best = 0.0
        for a, b in [person.span, *person.mentions]:
            i = starts.get(a)
            if i is None:
                best = 1.0
            while i is not None and i < len(tokens) and tokens[i].start() < b:
                best = max(best, chance.get(i, 1.0))
                i += 1
        if best > KEEP_AT:
            kept.append(person)
    return kept


def _written_in_span(text: str, person: Person) -> bool:
    """Whether the person's name is written where the rules found them (not a title
    alone completed from the activity's title holders)."""
    last = person.name.split()[-1] if person.name.split() else ""
    return bool(last) and last.casefold() in text[person.span[0]:person.span[1]].casefold()


class _Offset:
    """The words of one stretch, indexed by their place in the whole note."""

    def __init__(self, words: list[str], start: int):
        self.words, self.start = words, start

    def __getitem__(self, i: int) -> str:
        return self.words[i - self.start]
