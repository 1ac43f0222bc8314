"""How two written names of one person compare: the same words in any case and spacing,
an initial for a word it starts, one slip of the hand, an initial glued to the next word by
its dot. Plain functions on words; the register and the short mentions read them."""

from __future__ import annotations

import re

# A word more people than this share in their names says nothing of which one is meant.
SHARED_WORD_LIMIT = 5


def same_name(a: str, b: str) -> bool:
    return normal_name(a) == normal_name(b)


INITIAL_WORD = re.compile(r"[A-Z]\.?")


def count_initials(words: list[str]) -> int:
    return sum(1 for w in words if INITIAL_WORD.fullmatch(w))


def initialled_alike(known: list[str], words: list[str]) -> bool:
    """Same count of words, the same last word, and each other pair the same word or an
    initial and a word it starts (at least one such pair)."""
    if len(known) != len(words) or known[-1] != words[-1] or known == words:
        return False
    for a, b in zip(known[:-1], words[:-1]):
        if a != b and not (INITIAL_WORD.fullmatch(a) and b.startswith(a[0]) and not INITIAL_WORD.fullmatch(b)) \
                and not (INITIAL_WORD.fullmatch(b) and a.startswith(b[0]) and not INITIAL_WORD.fullmatch(a)):
            return False
    return True


def initialled_start(known: list[str], words: list[str]) -> bool:
    """Whether `words`, with an initial, write the first words of the longer `known` name."""
    return len(words) < len(known) and count_initials(words) > 0 and initialled_alike(known[:len(words)], words)


def one_slip_apart(known: list[str], words: list[str]) -> bool:
    """Whether two names of as many words differ in one word only, of five letters or more,
    by one letter changed, added or dropped, or in a shorter word by a doubled letter."""
    if len(known) != len(words):
        return False
    differing = [(a, b) for a, b in zip(known, words) if a != b]
    if len(differing) != 1:
        return False
    a, b = differing[0]
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 3:
        return False
    if len(a) == len(b):
        return min(len(a), len(b)) >= 5 and sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in _droppable(long))


def _droppable(word: str) -> range | list[int]:
    """Where a letter may be dropped from `word` for a slip: anywhere in a word of five
    letters or more, else only one of a doubled letter ("Noor" and "Nor")."""
    if len(word) >= 5:
        return range(len(word))
    return [i for i in range(1, len(word)) if word[i] == word[i - 1]]


GLUED_INITIAL = re.compile(r"(?<=\b[A-Z]\.)(?=[A-Z][a-z])")


def name_words(name: str) -> set[str]:
    """The words of a name, an initial glued to the next word by its dot apart ("D.Pangkerego")."""
    return set((GLUED_INITIAL.sub(" ", name) if "." in name else name).split())


def normal_name(name: str) -> str:
    return " ".join(name.lower().split())
