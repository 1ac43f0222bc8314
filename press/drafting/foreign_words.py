"""Foreign words no phrase table holds, read by their shape: what ``language_checks`` and the
dictionary rules (``word_checks``) ask of the words the tables did not know.

- ``english_runs``: two or more English words in a row in lower case ("control room").
- ``capitalised_english``: one or two English words capitalised between Indonesian words in
  lower case, where no name stands ("dan Crew kapal", "menjaga Herd Immunity."), or a loan in its
  foreign spelling whose KBBI form the loanword rules give ("dan Cafe mulai": kafe).
- ``near_foreign_phrases``: a foreign phrase of the rule data with one word misspelt or in its
  Indonesian spelling ("fasion show", "dor to dor", "stand up komedi"), or every word in its
  Indonesian spelling ("leding sektor"); in lower case, or capitalised word by word with no capital
  beside it ("Sosial Distancing tetap berlaku", "memaparkan Best Practise pemasaran").
- ``english_prefixed``: an English word no data lists under di- or ter- ("dipacking", "tercover")
  or with -kan alone ("clearkan");
  ``word_checks`` also reads one English word written in two capitals ("GroundBreaking").
- ``foreign_form``: a foreign word of the rule data under an Indonesian prefix, joined or one
  letter off ("terupdate", "blankspot", "traning"); ``english_joined``: two English words written
  as one ("handsanitizer");
- ``english_spelt``: a spelling finding on an English word kept in its English spelling where KBBI
  has the loan ("staff" → staf, "system" → sistem) is a foreign word (the family rule,
  ``docs/benchmarks.md``, "Editorial checks", Method): its code becomes ``foreign``, its replacement stays the KBBI form.

Each finding has the code ``foreign`` and no replacement unless the data gives the equivalent.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from press.errors import N_

from .finding import Finding, finding_at, sentence_start  # noqa: F401 (sentence_start: read from here too)
from .lexicon import brand_names, english_words, frequency, is_indonesian, kbbi_phrases, listed_words, name_words
from .loanword_rules import loanword_fix
from .typos import edits

COMMON_INDONESIAN = 5.0
#: Prefixes an Indonesian writer puts on an English word ("terupdate", "dishare", "ngeprint").
FOREIGN_PREFIXES = ("memper", "diper", "meng", "menge", "mem", "men", "me", "di", "ter", "ber", "nge", "ke", "se")


@lru_cache(maxsize=4096)
def foreign_form(word: str) -> tuple[str, str] | None:
    """(the foreign word, its Indonesian equivalent) when ``word`` is a foreign word of the rule
    data in disguise: with an Indonesian prefix ("terupdate"), written as one word
    ("blankspot" for "blank spot"), or one letter off ("traning", "chanel"); None otherwise."""
    from .rule_data import rule_data
    foreign = rule_data().foreign
    joined = _joined_foreign()
    for prefix in ("",) + FOREIGN_PREFIXES:
        rest = word[len(prefix):]
        if prefix and not word.startswith(prefix) or len(rest) < 4:
            continue
        for key in (rest, rest.removesuffix("kan"), rest.removesuffix("nya"), rest.removesuffix("in")):
            if prefix and key in foreign:
                return key, foreign[key]
            if key in joined:
                return joined[key], foreign[joined[key]]
    if len(word) >= 6:
        for tier in edits(word):
            for key in sorted(tier & _single_foreign()):
                return key, foreign[key]
    return None


@lru_cache(maxsize=1)
def _joined_foreign() -> dict[str, str]:
    """The foreign phrases of several words written as one ("blankspot" → "blank spot")."""
    from .rule_data import rule_data
    return {key.replace(" ", "").replace("-", ""): key for key in rule_data().foreign if " " in key}


@lru_cache(maxsize=1)
def _single_foreign() -> frozenset[str]:
    from .rule_data import rule_data
    return frozenset(key for key in rule_data().foreign if key.isalpha() and len(key) >= 6)


#: ``english_joined``: each part has four letters or more; the word is rare in Indonesian text
#: (under Zipf 3: "facebook", a brand, is common).
MIN_ENGLISH_PART, JOINED_RARE = 4, 3.0


@lru_cache(maxsize=4096)
def english_joined(word: str) -> str | None:
    """Two English words written as one ("handsanitizer", "fairplay"): the phrase apart, when
    the word is in neither dictionary and exactly one split gives two English words of which
    none is Indonesian; else None."""
    english = english_words()
    splits = [(word[:i], word[i:]) for i in range(MIN_ENGLISH_PART, len(word) - MIN_ENGLISH_PART + 1)
              if word[:i] in english and word[i:] in english
              and not is_indonesian(word[:i]) and not is_indonesian(word[i:])]
    return " ".join(splits[0]) if len(splits) == 1 and word not in english and frequency(word) < JOINED_RARE else None


#: ``english_prefixed``: the word has seven letters or more and Indonesian text writes it less than
#: once in a million words; the English root has five letters or more and English text writes it
#: at least once in a million words (wordfreq's English list, Zipf 3).
MIN_PREFIXED, PREFIXED_RARE, ENGLISH_COMMON = 7, 3.0, 3.0


@lru_cache(maxsize=4096)
def english_prefixed(word: str) -> str | None:
    """The English root of a word in lower case that puts an English word no list holds under
    di- or ter- (with -kan or -nya or without), or under -kan or -nya alone: "dipacking" → "packing",
    "tercover" → "cover", "clearkan" → "clear", "passwordnya" → "password" (an English noun with -nya
    is foreign however often text writes it so: "servernya")."""
    if len(word) < MIN_PREFIXED or word in english_words() or is_indonesian(word):
        return None
    from wordfreq import zipf_frequency
    english = english_words()
    key = word[:-3]
    if word.endswith("nya") and len(key) >= 5 and key in english and not is_indonesian(key) \
            and key not in name_words() and zipf_frequency(key, "en") >= ENGLISH_COMMON:
        return key  # "passwordnya": an English noun with -nya, however often text writes it so
    if frequency(word) >= PREFIXED_RARE:
        return None
    for prefix in ("di", "ter", ""):
        if not word.startswith(prefix) or not prefix and not word.endswith("kan"):
            continue  # no prefix: an English word with -kan alone ("clearkan")
        rest = word[len(prefix):]
        for key in (rest, rest.removesuffix("kan"), rest.removesuffix("nya")) if prefix else (rest[:-3],):
            if len(key) >= 5 and key in english and not is_indonesian(key) and key not in name_words() \
                    and zipf_frequency(key, "en") >= ENGLISH_COMMON:
                return key
    return None


def english_runs(body: str, tokens, italic) -> tuple[list[Finding], list]:
    """Foreign phrases no list has: two or more English words in a row, apart by one space, in
    lower case (the first capitalised at a sentence's start), not all of them Indonesian too
    ("stand by", "top up", "control room"): one finding for the run, a hint to italicise it or
    use the Indonesian term, and the tokens left for the word rules. A word Indonesian text
    writes very often is not a run's first or last ("motor trail agar", "paling urgent")."""
    english = english_words()
    found, rest, run = [], [], []

    def close():
        while run and _common_indonesian(run[-1].group()):
            rest.append(run.pop())
        while run and _common_indonesian(run[0].group()):
            rest.append(run.pop(0))
        if len(run) >= 2 and not all(is_indonesian(t.group().lower()) for t in run) \
                and not italic(body, run[0].start(), run[-1].end()) \
                and body[run[0].start():run[-1].end()].lower() not in kbbi_phrases():
            span = (run[0].start(), run[-1].end())
            written = body[span[0]:span[1]]
            found.append(finding_at(body, "foreign", span, N_("Istilah asing “%(written)s” ditulis miring."),
                                    N_("Tulis miring (*%(written)s*) atau pakai padanan bahasa Indonesianya."),
                                    {"written": written}, {"written": written}))
        else:
            rest.extend(run)
        run.clear()

    for token in tokens:
        written = token.group()
        english_word = written.lower() in english and written.isalpha() and (
            written.islower() or not run and written[1:].islower() and sentence_start(body, token.start()))
        if not english_word:
            if run:
                close()
            rest.append(token)
            continue
        if run and body[run[-1].end():token.start()] != " ":
            close()
        run.append(token)
    if run:
        close()
    return found, sorted(rest, key=lambda t: t.start())


#: ``capitalised_english``: at most three words, each of four letters or more.
MAX_CAPITAL_RUN, MIN_CAPITAL_ENGLISH = 2, 4
WORD_BEFORE = re.compile(r"(?:^|\s)(\S+) (\S+) $|(?:^|\s)(\S+) $")
AFTER_RUN = re.compile(r" [a-z]+(?![\w-])|[,.;:)](?:\s|$)|\Z")
LISTING = frozenset({"dan", "atau", "serta"})


def capitalised_english(body: str, tokens, italic) -> tuple[list[Finding], list]:
    """English words capitalised inside a sentence though no name ("dan Crew kapal", "menjaga
    Herd Immunity."): one to three capitalised English words that no dictionary of Indonesian
    and no region's name holds, after a word in lower case and before one or a punctuation mark,
    get the hint to italicise them or use the Indonesian term; the tokens left go to the word
    rules. A capitalised run beside another capital is a name's part ("Bandung Smart City")."""
    english, found, rest, i = english_words(), [], [], 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and j - i < MAX_CAPITAL_RUN + 1 and _capital_english(tokens[j].group(), english) \
                and (j == i or body[tokens[j - 1].end():tokens[j].start()] == " "):
            j += 1
        start, end = tokens[i].start(), tokens[j - 1].end() if j > i else 0
        if i < j <= i + MAX_CAPITAL_RUN and lower_before(body, start) and AFTER_RUN.match(body, end) \
                and not italic(body, start, end):
            written = body[start:end]
            found.append(finding_at(body, "foreign", (start, end), N_("Istilah asing “%(written)s” ditulis miring."),
                                    N_("Tulis miring (*%(written)s*) atau pakai padanan bahasa Indonesianya."),
                                    {"written": written}, {"written": written}))
            i = j
            continue
        rest.append(tokens[i])
        i += 1
    return found, rest


def near_foreign_phrases(body: str, tokens, italic) -> tuple[list[Finding], list]:
    """A foreign phrase of the rule data written with one of its words misspelt ("fasion show",
    "dor to dor") or in its Indonesian spelling ("stand up komedi"): two or three words in lower
    case apart by one space, of which one stands as the phrase has it and is no Indonesian word,
    and each other is one slip from the phrase's word or what the loanword rules make of it. The
    finding gives the Indonesian equivalent; the tokens left go to the word rules."""
    from .rule_data import rule_data
    foreign, index, phrase_words = rule_data().foreign, _phrase_index(), _phrase_words()
    found, rest, i = [], [], 0
    marked = [t.group().lower() in phrase_words for t in tokens]
    while i < len(tokens):
        for size in (3, 2) if any(marked[i:i + 3]) else ():
            run = tokens[i:i + size]
            if len(run) < size or not any(marked[i:i + size]) or any(body[a.end():b.start()] != " " for a, b in zip(run, run[1:])) \
                    or not all(t.group().isalpha() for t in run) or not _lower_or_capitalised_alone(body, run):
                continue
            words = tuple(t.group().lower() for t in run)
            key = _near_phrase(words, index)
            if key and not italic(body, run[0].start(), run[-1].end()):
                span, written = (run[0].start(), run[-1].end()), body[run[0].start():run[-1].end()]
                found.append(finding_at(
                    body, "foreign", span, N_("“%(written)s” adalah kata asing “%(foreign)s”; padanannya “%(standard)s”."),
                    N_("Pakai padanan bahasa Indonesianya (“%(standard)s”) dengan imbuhan yang sesuai, "
                       "atau tulis miring istilah asingnya."),
                    {"written": written, "foreign": key, "standard": foreign[key]}, {"standard": foreign[key]}))
                i += size
                break
        else:
            rest.append(tokens[i])
            i += 1
    return found, rest


def _lower_or_capitalised_alone(body: str, run) -> bool:
    """Whether a run of words is in lower case, or capitalised word by word with no capital beside it
    (at a sentence's start or after a word in lower case, before one or a punctuation mark: "Sosial
    Distancing tetap berlaku", "memaparkan Best Practise pemasaran"), where it names nothing."""
    if all(t.group().islower() for t in run):
        return True
    start, end = run[0].start(), run[-1].end()
    before = WORD_BEFORE.search(body[max(0, start - 60):start])
    word = before and (before.group(2) or before.group(3))
    return all(t.group().istitle() for t in run) and (sentence_start(body, start) or bool(word) and word.islower()) \
        and AFTER_RUN.match(body, end) is not None


@lru_cache(maxsize=1)
def _phrase_index() -> dict[tuple[int, int, str], list[str]]:
    """The rule data's foreign phrases of two and three words, by (words, position, word)."""
    from .rule_data import rule_data
    index: dict[tuple[int, int, str], list[str]] = {}
    for key in rule_data().foreign:
        words = key.split(" ")
        if len(words) in (2, 3) and all(w.isalpha() for w in words):
            for position, word in enumerate(words):
                index.setdefault((len(words), position, word), []).append(key)
                loan = loanword_fix(word)
                if loan and loan != word:  # "sektor" for "sector": "leding sektor" is "leading sector"
                    index.setdefault((len(words), position, loan), []).append(key)
    return index


@lru_cache(maxsize=1)
def _phrase_words() -> frozenset[str]:
    """The words of the phrases of ``_phrase_index``: a run holding none of them matches none."""
    return frozenset(word for _size, _position, word in _phrase_index())


def _near_phrase(words: tuple[str, ...], index) -> str | None:
    found = set()
    for position, word in enumerate(words):
        keys = index.get((len(words), position, word), ())
        if is_indonesian(word) and not any(key.split(" ")[position] != word for key in keys):
            continue
        for key in keys:
            if all(w == k or _one_slip(w, k) for w, k in zip(words, key.split(" "))) and " ".join(words) != key:
                found.add(key)
    from .rule_data import rule_data
    foreign = rule_data().foreign
    return min(found) if len({foreign[key] for key in found}) == 1 else None  # two spellings, one equivalent


@lru_cache(maxsize=4096)
def _one_slip(written: str, word: str) -> bool:
    """Whether ``written`` is ``word`` with one slip, or the loanword rules' form of it."""
    return len(word) >= 3 and (written in edits(word)[0] | edits(word)[1] or loanword_fix(word) == written)




def lower_before(body: str, start: int) -> bool:
    """Whether an Indonesian word in lower case stands right before ``start``, and not "dan" after
    a capital ("Seram dan Lease": a list of names)."""
    match = WORD_BEFORE.search(body[max(0, start - 60):start])
    if not match:
        return False
    word, earlier = (match.group(2), match.group(1)) if match.group(2) else (match.group(3), "")
    return word.isalpha() and word.islower() and is_indonesian(word) and word not in english_words() \
        and not (word in LISTING and earlier[:1].isupper()) and word not in _before_a_name()


@lru_cache(maxsize=1)
def _before_a_name() -> frozenset[str]:
    """Words a name follows: the glossary's speech verbs ("kata Harry") and the prepositions of
    place ("ke Command Center": a facility's name)."""
    from press.notes.glossary import load_glossary
    verbs = load_glossary().data.get("speech_verbs", {})
    return frozenset(w for form in verbs.values() for w in form) | {"ke", "dari", "menuju"}


def _capital_english(written: str, english) -> bool:
    """An English word capitalised, or a loan in its foreign spelling whose KBBI form the loanword
    rules give ("dan Cafe mulai": kafe)."""
    word = written.lower()
    return len(word) >= MIN_CAPITAL_ENGLISH and written[:1].isupper() and written[1:].islower() and written.isalpha() \
        and (word in english or loanword_fix(word) is not None) and not is_indonesian(word) and word not in name_words() and word not in brand_names() \
        and word not in listed_words()


def _common_indonesian(written: str) -> bool:
    return frequency(written.lower()) >= COMMON_INDONESIAN and is_indonesian(written.lower())


def english_spelt(found: list[Finding]) -> list[Finding]:
    """``found`` with every spelling finding whose words are all English words, none of them
    Indonesian, given the code ``foreign`` (a slip of the hand that happens to spell an English word,
    "Rapt" for rapat, is read by other rules and keeps its code when no loan rule gave it)."""
    english = english_words()
    out = []
    for finding in found:
        words = finding.text.lower().split()
        if finding.code == "spelling" and finding.replacement and words \
                and all(w.isalpha() and w in english and not is_indonesian(w) for w in words) \
                and finding.replacement.lower() not in words:
            finding = replace(finding, code="foreign")
        out.append(finding)
    return out
