"""The name of a body run into its head's name: "Kepala Lapas Arga Makmur Hendrik Tampubolon",
"Plt Direktur Perumda Tirta Multatuli Endang Supriatna". A title's unit may be named after a
place or a thing in words that look like a name ("Arga Makmur", "Tirta Multatuli"), and
the reader of names cannot tell where the body's name ends and the holder's begins. The note
tells: it writes the body's name elsewhere after the same kind of unit word with no holder
after it ("di Lapas Arga Makmur kunjungan …", "Perumda Tirta Multatuli Gandeng PT BTL"),
while a person's first words are not written after a unit word without the rest of the name.
Those leading words move from the name to the end of the title (or of the organisation)."""

from __future__ import annotations

import re
from collections import defaultdict

from press.notes.items import Person
from press.notes.register import Register
from press.notes.rules import Rules

MIN_LEFT = 2
UNIT_BEFORE = re.compile(r"([A-Z][\w-]*)[ \t]+$")
PAIR = re.compile(r"(?<![\w-])([A-Z][\w-]*)[ \t]+(?=([A-Z][\w-]*))")
LOOKS = 40


def _unit_word(word: str, rules: Rules) -> bool:
    return word in rules.org_abbr or word in rules.unit_words or word in rules.words("organisation_heads")


class _AfterUnits:
    """Where each capitalised word stands right after a unit word, indexed by the word, made
    in one pass over the text when first asked."""

    def __init__(self, text: str, rules: Rules):
        self.text, self.rules = text, rules
        self._at: dict[str, list[int]] | None = None

    def written_as_body(self, leading: str, after: str) -> bool:
        """Whether the note writes `leading` after a unit word and not followed by `after`
        (the first LOOKS places where its first word follows a unit word are read)."""
        if self._at is None:
            self._at = defaultdict(list)
            for pair in PAIR.finditer(self.text):
                if _unit_word(pair.group(1), self.rules):
                    self._at[pair.group(2)].append(pair.start(2))
        text, end = self.text, len(leading)
        for pos in self._at.get(leading.split(" ", 1)[0], ())[:LOOKS]:
            if text.startswith(leading, pos) and not text[pos + end:pos + end + 1].isalnum() \
                    and not re.match(rf"[ \t]+{re.escape(after)}(?![\w-])", text[pos + end:pos + end + len(after) + 2]):
                return True
        return False


def trim_body_words(text: str, people: list[Person], register: Register, rules: Rules) -> None:
    """Move the leading words of a found name that name the body of the title before it (see
    the module's docstring) to the title, for each titled person with no honorific or rank
    before the name and at least MIN_LEFT words left."""
    after_units = _AfterUnits(text, rules)
    for person in people:
        words = person.name.split()
        if len(words) <= MIN_LEFT or person.honorifics or person.ranks or not person.title:
            continue
        start = text.find(person.name, person.span[0], person.span[1] + len(person.name))
        before = UNIT_BEFORE.search(text, max(0, start - 40), start) if start >= 0 else None
        if not before or not _unit_word(before.group(1), rules):
            continue
        cut = next((k for k in range(len(words) - MIN_LEFT, 0, -1)
                    if after_units.written_as_body(" ".join(words[:k]), words[k])), None)
        if cut is None:
            continue
        body = " ".join(words[:cut])
        if person.organisation:
            person.organisation = f"{person.organisation} {body}"
        else:
            person.title = f"{person.title} {body}"
        register.lengthen(person, " ".join(words[cut:]))
