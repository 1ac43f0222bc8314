"""The page's article against the release: which of the release's sentences it carries
(normalised, exactly or at a similarity of 0.9 or more), the paragraphs missing or
changed (with a word diff), the title, the publication date against the due date, the
advertorial label, and the verdict the editor is offered."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from difflib import SequenceMatcher

from press.codes import ProofVerdict
from press.drafting.diff import Row, words
from press.errors import N_

from .extraction import Article
from .refusals import Refusal
from .sentences import normalise, split

FUZZY = 0.9
VERIFIED = 0.9
INCOMPLETE = 0.5
TITLE_MATCH = 0.8
MAX_PARAGRAPHS = 2000


REASONS = {
    "unreachable": N_("Halaman tidak dapat diambil."),
    "another_article": N_("Halaman memuat berita lain: judul dan isinya berbeda dari siaran."),
    "too_few_sentences": N_("Hanya %(percent)s%% kalimat siaran yang ada di halaman."),
    "paragraphs_missing": N_("%(count)s paragraf siaran tidak ada di halaman."),
    "paragraphs_changed": N_("%(count)s paragraf siaran diubah di halaman."),
    "no_label": N_("Halaman tidak memuat label advertorial."),
    "late": N_("Tayang %(days)s hari setelah tenggat."),
    "date_unknown": N_("Tanggal tayang tidak tertulis di halaman dan halaman diambil setelah tenggat."),
    "title_differs": N_("Judul di halaman berbeda dari judul siaran."),
}


@dataclass(frozen=True)
class ChangedParagraph:
    index: int
    release_text: str
    page_text: str
    diff: Row

    def as_dict(self) -> dict:
        return {"index": self.index, "release": self.release_text, "page": self.page_text,
                "release_diff": [list(p) for p in self.diff.left], "page_diff": [list(p) for p in self.diff.right]}


@dataclass(frozen=True)
class Comparison:
    verdict: ProofVerdict
    similarity: float
    sentences: int
    sentences_found: int
    missing_paragraphs: tuple[tuple[int, str], ...] = ()
    changed_paragraphs: tuple[ChangedParagraph, ...] = ()
    title_match: bool = False
    title_similarity: float = 0.0
    page_title: str = ""
    page_date: date | None = None
    page_date_from: str | None = None
    due: date | None = None
    days_after_due: int | None = None
    label_found: str | None = None
    reasons: tuple[tuple[str, dict], ...] = ()
    refusal: Refusal | None = None

    def reason_texts(self, gettext=None) -> list[str]:
        return [(gettext(REASONS[code]) if gettext else REASONS[code]) % params for code, params in self.reasons]

    def as_dict(self) -> dict:
        return {
            "verdict": str(self.verdict), "similarity": round(self.similarity, 4),
            "sentences": self.sentences, "sentences_found": self.sentences_found,
            "missing_paragraphs": [{"index": i, "text": t} for i, t in self.missing_paragraphs],
            "changed_paragraphs": [c.as_dict() for c in self.changed_paragraphs],
            "title_match": self.title_match, "title_similarity": round(self.title_similarity, 4),
            "page_title": self.page_title,
            "page_date": self.page_date.isoformat() if self.page_date else None,
            "page_date_from": self.page_date_from, "due": self.due.isoformat() if self.due else None,
            "days_after_due": self.days_after_due, "label_found": self.label_found,
            "reasons": [{"code": c, "params": p, "message": REASONS[c] % p} for c, p in self.reasons],
            "refusal": self.refusal.as_dict() if self.refusal else None,
        }


def similar(sentence: str, pieces) -> bool:
    """Whether one of ``pieces`` is at least ``FUZZY`` alike ``sentence`` (``difflib``'s
    ratio; the sentence's side analysed once, the length and letter bounds first)."""
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(sentence)
    size = len(sentence)
    for piece in pieces:
        if 2 * min(size, len(piece)) < FUZZY * (size + len(piece)):
            continue
        matcher.set_seq1(piece)
        if matcher.quick_ratio() >= FUZZY and matcher.ratio() >= FUZZY:
            return True
    return False


def _postings(texts: list[str]) -> dict[str, set[int]]:
    postings: dict[str, set[int]] = {}
    for number, text in enumerate(texts):
        for word in set(text.split()):
            postings.setdefault(word, set()).add(number)
    return postings


def _candidates(postings: dict[str, set[int]], text: str) -> list[int]:
    """The texts sharing one of ``text``'s three longest words, in order: a sentence 90 %
    alike keeps most of its words, so a long page is not compared piece by piece."""
    found: set[int] = set()
    for word in sorted(set(text.split()), key=len, reverse=True)[:3]:
        found |= postings.get(word, set())
    return sorted(found)


class _Page:
    """The page's text normalised once; its sentences and pairs of sentences (one the
    outlet cut in two or joined with the next) and their word index built only when a
    sentence is not found as it stands. A page is read up to ``MAX_PARAGRAPHS``, far
    beyond any article, so that a huge page costs no more than a long one."""

    def __init__(self, article: Article):
        self.paragraphs = list(article.paragraphs[:MAX_PARAGRAPHS])
        self.normalised = [normalise(p) for p in self.paragraphs]
        self.text = " " + " ".join(self.normalised) + " "
        self._pieces: list[str] | None = None
        self._paragraph_postings: dict | None = None

    def _fuzzy_index(self):
        if self._pieces is None:
            sentences = [s for s in (normalise(s) for p in self.paragraphs for s in split(p)) if s]
            self._pieces = sentences + [f"{a} {b}" for a, b in zip(sentences, sentences[1:])]
            self._postings = _postings(self._pieces)
        return self._pieces, self._postings

    def has(self, sentence: str) -> str | None:
        """``exact``, ``fuzzy`` or None."""
        if not sentence or f" {sentence} " in self.text:
            return "exact"
        pieces, postings = self._fuzzy_index()
        if similar(sentence, (pieces[n] for n in _candidates(postings, sentence))):
            return "fuzzy"
        return None

    def closest(self, paragraph: str) -> str:
        if self._paragraph_postings is None:
            self._paragraph_postings = _postings(self.normalised)
        target = normalise(paragraph).split()
        best, best_score = "", 0.0
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(target)
        for number in _candidates(self._paragraph_postings, " ".join(target)):
            matcher.set_seq1(self.normalised[number].split())
            if matcher.quick_ratio() <= best_score:
                continue
            score = matcher.ratio()
            if score > best_score:
                best, best_score = self.paragraphs[number], score
        return best


def unreachable(refusal: Refusal | None, *, due: date | None = None) -> Comparison:
    return Comparison(ProofVerdict.UNREACHABLE, 0.0, 0, 0, due=due, reasons=(("unreachable", {}),), refusal=refusal)


def compare(article: Article, release_title: str, release_paragraphs, *, due: date,
            tolerance_days: int = 3, fetched_on: date | None = None) -> Comparison:
    """``fetched_on`` (the office's day of the fetch) stands for the publication date
    when the page gives none: the article was out by then."""
    page = _Page(article)
    paragraphs = [p for p in (" ".join((p or "").split()) for p in release_paragraphs) if p]
    total = found = 0
    missing: list[tuple[int, str]] = []
    changed: list[ChangedParagraph] = []
    for index, paragraph in enumerate(paragraphs):
        states = [page.has(normalise(s)) for s in split(paragraph)]
        total += len(states)
        hits = sum(1 for s in states if s)
        found += hits
        if states and hits == 0:
            missing.append((index, paragraph))
        elif any(s != "exact" for s in states):
            other = page.closest(paragraph)
            changed.append(ChangedParagraph(index, paragraph, other, words(paragraph, other)))
    similarity = found / total if total else 0.0
    title = normalise(release_title)
    page_title = normalise(article.title)
    title_similarity = 1.0 if title and (title in page_title or page_title in title and len(page_title) > 20) \
        else SequenceMatcher(None, title, page_title, autojunk=False).ratio() if title and page_title else 0.0
    title_match = title_similarity >= TITLE_MATCH

    reasons: list[tuple[str, dict]] = []
    day = article.published or None
    days_after = (day - due).days if day else None
    late = days_after is not None and days_after > tolerance_days
    date_unknown = day is None and (fetched_on is None or fetched_on > due + timedelta(days=tolerance_days))
    if similarity < INCOMPLETE:
        if not title_match:
            reasons.append(("another_article", {}))
        reasons.append(("too_few_sentences", {"percent": round(similarity * 100)}))
        verdict = ProofVerdict.NOT_FOUND
    elif similarity < VERIFIED:
        reasons.append(("too_few_sentences", {"percent": round(similarity * 100)}))
        verdict = ProofVerdict.INCOMPLETE
    elif not article.label:
        verdict = ProofVerdict.NO_LABEL
    elif late or date_unknown:
        verdict = ProofVerdict.LATE
    else:
        verdict = ProofVerdict.VERIFIED
    if missing:
        reasons.append(("paragraphs_missing", {"count": len(missing)}))
    if changed:
        reasons.append(("paragraphs_changed", {"count": len(changed)}))
    if not article.label:
        reasons.append(("no_label", {}))
    if late:
        reasons.append(("late", {"days": days_after}))
    elif date_unknown:
        reasons.append(("date_unknown", {}))
    if not title_match and verdict != ProofVerdict.NOT_FOUND:
        reasons.append(("title_differs", {}))
    return Comparison(verdict, similarity, total, found, tuple(missing), tuple(changed), title_match,
                      title_similarity, article.title, day, article.published_from, due, days_after,
                      article.label, tuple(reasons))
