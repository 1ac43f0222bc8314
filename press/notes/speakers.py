"""Who a quote's speaker phrase names, for the quotes finder: a person by name, the
holder of a title written alone ("kata Bupati"), the last person named before a point.
Mixed into `people.PeopleFinder`, whose register, rules, text and `_add` it uses; kept
apart because the quotes finder asks only these questions of the people found."""

from __future__ import annotations

import re
from bisect import bisect_left, insort

from press.notes.items import Person
from press.notes.name_match import SHARED_WORD_LIMIT, one_slip_apart
from press.notes.names import WrittenName, read_name
from press.notes.rules import CAP

INITIALS = re.compile(r"[A-Z]{2,4}")
# A title and the initials an outlet calls its holder by ("ujar Bupati EN").
INITIALS_AFTER = re.compile(r"[ \t]([A-Z]{2,4})$")
CAP_WORD = re.compile(CAP)
# How far back the paragraph before a shared first name is read for an office.
PARAGRAPH_REACH = 1000
# How far back a short form of one word of a name is looked for its owner ("kata Ferdi").
SHORT_FORM_REACH = 400
# How a speaker phrase describes rather than names, read by the quotes finder.
# "papar suami Hj. X ini", "tegas orang nomor satu di Kodim itu": the speaker described, not named.
# "kata putra Kolongan, Kawangkoan ini", "kata hukum tua murah senyum yang tidak lagi mencalonkan diri ini":
# the description may run on past a comma or a "yang" clause to the end of the sentence.
DESCRIBED = re.compile(r"[a-z][^,;\n]*[ \t](?:ini|itu|tersebut)")
DESCRIBED_TO_END = re.compile(r"[ \t]*[a-z][^;\n\"“”.]{0,100}?[ \t](?:ini|itu|tersebut)(?=[ \t]*(?:[.;]|$))", re.M)
# "terang Ketua Komunitas Blogger Ronggolawe ini.": an office nobody holds describes the speaker.
DESCRIBED_BY_TITLE = re.compile(r"[ \t]*([A-Z][^;\n\"“”.]{0,100}?)[ \t](?:ini|itu|tersebut)(?=[ \t]*(?:[.;]|$))", re.M)
PRONOUN_SUBJECT = re.compile(r"(?:^|(?<=[\s,]))(?:Ia|ia|Dia|dia|Beliau|beliau)\b")


class SpeakerLookup:
    """Lookups of people by name, by title and by position (see the module's docstring)."""

    def find_by_name(self, name: str) -> Person | None:
        return self.register.by_name(name)

    def _last_mention_start_before(self, person: Person, pos: int) -> int:
        """Where the person's last mention starting before `pos` starts, else -1: a bisection
        of the starts of their mentions, kept sorted as mentions are added (rebuilt when the
        list was reordered), so a person named many times is not read whole at every ask."""
        kept = self.__dict__.setdefault("_mention_starts", {})
        known, count, last, starts = kept.get(id(person), (None, 0, None, []))
        mentions = person.mentions
        if known is not person or count > len(mentions) or (count and mentions[count - 1] != last):
            count, starts = 0, []
        for start, _ in mentions[count:]:
            insort(starts, start)
        kept[id(person)] = (person, len(mentions), mentions[-1] if mentions else None, starts)
        at = bisect_left(starts, pos)
        return starts[at - 1] if at else -1

    def called_by_first_letters(self, word: str) -> Person | None:
        """The one person whose first name `word`, four letters or more, starts and is
        shorter than (a short form: "Niko" for Nikodemus Ngongira), else None. Answers are
        kept per word, so a note repeating a word asks the people once."""
        if len(word) < 4:
            return None
        cache = self.__dict__.setdefault("_first_letters", {})
        if word not in cache:
            found = [p for p in self._people_starting(word) if p.name.startswith(word) and " " in p.name
                     and p.name.split()[0] != word]
            cache[word] = found[0] if len(found) == 1 else None
        return cache[word]

    def misspelt_first_name(self, word: str) -> Person | None:
        """The one person whose first name `word`, seven letters or more, misspells by one
        letter ("Benediktis" for Bupati Benediktus Lanang Asong, "Bahtiyar" for Bahtiar
        Efendi), else None: the candidates share the first four letters (passed over when
        more than SHARED_WORD_LIMIT do); answers are kept per word."""
        if len(word) < 7:
            return None
        cache = self.__dict__.setdefault("_misspelt_first", {})
        if word not in cache:
            starting = self._people_starting(word[:4])
            found = [p for p in starting if " " in p.name and one_slip_apart([p.name.split()[0]], [word])] \
                if len(starting) <= SHARED_WORD_LIMIT else []
            cache[word] = found[0] if len(found) == 1 else None
        return cache[word]

    def first_name_of_titled_near(self, word: str, pos: int) -> Person | None:
        """Of the people whose first name is `word`, the one whose office the paragraph
        holding `pos` names before it without a name ("Bupati Lampung Barat menyambut …
        Kata Hendri", with a Bupati Hendri Zulkarnain and a Dekan Hendri Prasetyo), else None.
        A word more than SHARED_WORD_LIMIT people share, and a paragraph longer than
        PARAGRAPH_REACH characters back, are not searched: the work stays linear."""
        sharing = self.register.holders_of_word(word)
        holders = [p for p in sharing if p.name.split()[0] == word] if len(sharing) <= SHARED_WORD_LIMIT else []
        if len(holders) < 2:
            return None
        start = max(self.text.rfind("\n", 0, pos) + 1, pos - PARAGRAPH_REACH)
        titled = {id(p) for _, (s, e, person, title) in self.register.starting_in(start, pos)
                  if person is None and title
                  for p in [self.register.by_title(self.register.expand(title)) or self._holder_of_head(title)] if p}
        found = [p for p in holders if id(p) in titled]
        return found[0] if len(found) == 1 else None

    def _people_starting(self, word: str) -> list[Person]:
        """The people, in the order found, whose name starts with the first four letters of
        `word` and, unless renamed since, with `word` (a name lengthened after it was indexed
        stays under the letters it was found with): an index by every beginning of four
        letters or more of each name, extended as people are found and rebuilt when one was
        merged into another, so each lookup reads the people that may answer only (a note of
        thousands of "Al-…" names holds hundreds under their first four letters)."""
        people, renamed = self.register.people, self.register.renamed
        index = self.__dict__.setdefault("_by_first_letters", {"count": 0, "last": None})
        count = index["count"]
        if not count or count > len(people) or people[count - 1] is not index["last"]:
            index.update(people={}, found={}, renamed={}, seen=0)
            count = 0
        for person in people[count:]:
            index["found"][id(person)] = (len(index["found"]), person.name)
            for size in range(4, len(person.name) + 1):
                index["people"].setdefault(person.name[:size], []).append(person)
        for person in renamed[index["seen"]:]:
            known = index["found"].get(id(person))
            if known is not None:
                index["renamed"].setdefault(known[1][:4], {})[id(person)] = person
        index["count"], index["last"], index["seen"] = len(people), people[-1] if people else None, len(renamed)
        starting = index["people"].get(word, [])
        kept = {id(p) for p in starting} if word[:4] in index["renamed"] else ()
        others = [p for key, p in index["renamed"].get(word[:4], {}).items() if key not in kept]
        return sorted([*starting, *others], key=lambda p: index["found"][id(p)][0]) if others else starting

    def named_before_with_word_starting(self, word: str, pos: int) -> Person | None:
        """The one person named in the SHORT_FORM_REACH characters of the paragraph before
        `pos` with a longer word of their name that `word`, four letters or more, starts (a
        middle or last name cut short: "kata Ferdi" after Gubernur Rizal Ferdiansyah Putra,
        "Rudi" after Rudianto), else None; that word then names them in the rest of the note."""
        if len(word) < 4:
            return None
        start = max(self.text.rfind("\n", 0, pos) + 1, pos - SHORT_FORM_REACH)
        found = {id(p): p for _, (_, _, p, _) in self.register.starting_in(start, pos)
                 if p is not None and " " in p.name and any(w != word and w.startswith(word) for w in p.name.split())}
        if len(found) != 1:
            return None
        person = next(iter(found.values()))
        self.register.alias(word, person)
        return person

    def called_by_first_name(self, name: str) -> Person | None:
        """The known person a regional form of address and one of their name's words
        call ("Mas Hanafi" for Bupati Hanafi Ridwan), else None."""
        address, _, word = name.partition(" ")
        if address not in self.rules.regional or not word or " " in word:
            return None
        return self.find_by_name(word)

    def titled_by_name_word(self, name: str) -> Person | None:
        """The one person whose title opens with the first of two words `name` and whose
        name has the second ("Raja Ollong" for Raja Negeri Hila Abdul Gani Ollong, "Raja
        Simon" for Raja Negeri Waisamu Simon Huwaa, "Wamen Yikwa" for the Wakil Menteri
        Markus Tabuni Yikwa), else None."""
        words = name.split()
        if len(words) != 2:
            return None
        holders = self.register.holders_of_word(words[1])
        found = [p for p in holders if p.title and p.title.split()[0] == words[0]] if len(holders) <= SHARED_WORD_LIMIT else []
        return found[0] if len(found) == 1 else None

    def last_named_with_word(self, word: str, pos: int) -> Person | None:
        """When every person whose name holds `word` has a name of two words or more ending
        in it (a surname written alone: "Rumbewas menambahkan" after Gubernur Yohanes
        Rumbewas and Ny. Maria Rumbewas), the one of them named last before `pos`, else None."""
        holders = self.register.holders_of_word(word)
        if any(" " not in p.name or p.name.split()[-1] != word for p in holders):
            return None
        named = [(self._last_mention_start_before(p, pos), -i, p) for i, p in enumerate(holders)]
        best = max(named, key=lambda t: t[:2], default=None)
        return best[2] if best and best[0] >= 0 else None

    def resolve_title(self, title: str, span: tuple[int, int]) -> Person | None:
        """The person holding `title` (written at `span`): from the context, else the one
        person in the text with that title (written in lower case or not: "dirjen"), an
        acting prefix aside ("Gubernur" for the Pj. Gubernur, "ujar Sekda" for the "Plt. Sekretaris Daerah"). The
        span becomes one of their mentions."""
        wanted = self.register.expand(" ".join(w[:1].upper() + w[1:] if w.islower() else w for w in title.split()))
        holder = next((name for held, name in self._holders if held == wanted or wanted.startswith(held)), None)
        if holder:
            written = read_name(holder, 0, self.rules, ())
            if written is None:
                written = WrittenName(holder.strip(), [], [], len(holder), span, None, [])
            return self.find_by_name(written.name) or self._add(written._replace(name_span=span), title, None, span)
        person = self.register.by_title(wanted) or self._holder_of_head(title)
        if person is None:
            person = next(filter(None, (self.register.by_title(f"{acting} {wanted}") for acting in self._acting_forms())), None)
        if person is not None:
            self.register.add_span(person, span, once=True)
        return person

    def _holder_of_head(self, title: str) -> Person | None:
        """The holder of a title's head written with its region ("ucap Bupati Tapin") when
        the note gave that holder the head alone ("Bupati Wahyudi Rahmat"), else None."""
        head = self.rules.title.match(title)
        if head is None or head.end() == len(title) or title[head.end():].strip() not in self.rules.region_names:
            return None
        return self.register.by_title(self.register.expand(head.group(0)))

    def _acting_forms(self) -> list[str]:
        """The acting prefixes as titles are indexed ("pj.", "pj", "penjabat"): "Gubernur"
        alone names the acting governor when there is one and no governor."""
        data = self.rules.glossary.data
        return sorted({form.lower() for prefix in data["acting_prefixes"] for form in (prefix, prefix.rstrip("."))}
                      | {form.lower() for form in data["acting_written_out"]})

    def titled_name_after(self, comma: int, holder: Person | None) -> tuple[int, Person | None]:
        """"Menurut Ketua Panitia, dr. Wayan, …": the comma ending a name set off by
        commas after the title, and the speaker (that name's person, else the title's
        `holder`)."""
        written = self._read_name(comma + 1)
        if written is None or self.text[written.end:written.end + 1] != ",":
            return comma, holder
        return written.end, self.resolve_speaker(comma + 1, written.end) or holder

    def resolve_speaker(self, start: int, end: int) -> Person | None:
        """The person named in text[start:end] ("Lukita", "Wali Kota Bekasi Tri Adhianto")."""
        named = self.register.first_in(start, end, named=True)
        if named:
            return named[2]
        titled = self.register.first_in(start, end, named=False)
        if titled:
            initialled = INITIALS_AFTER.search(titled[3])
            return (self._by_initials(initialled.group(1)) if initialled else None) \
                or self.resolve_title(titled[3], (titled[0], titled[1]))
        phrase = self.text[start:end]
        words = CAP_WORD.findall(phrase)
        if not words:
            lower_title = self.rules.title.fullmatch(phrase.strip())
            return self.resolve_title(phrase.strip(), (start, end)) if lower_title else None
        known = self.find_by_name(" ".join(words)) \
            or (self.find_by_name(words[0]) if phrase.lstrip().startswith(words[0] + " ") else None)
        known = known or self._by_initials(phrase.strip())
        if known:
            self.register.mention(start, end, known, None)
            return known
        title = self.rules.title.match(phrase.strip())
        if title:
            return self.resolve_title(phrase.strip(), (start, end))
        parsed = self._read_name(start)
        if parsed:
            return self._add(parsed, None, None, (parsed.name_span[0], parsed.end))
        return None

    def _by_initials(self, phrase: str) -> Person | None:
        """The one person whose name's initials `phrase` writes ("RFM" for Rusli Fadhil
        Mas'ud, as outlets call a regent after the first mention), else None."""
        if not INITIALS.fullmatch(phrase):
            return None
        holders = [p for p in self.register.people if "".join(w[0] for w in p.name.split()).upper() == phrase]
        return holders[0] if len(holders) == 1 else None

    def last_before(self, pos: int) -> Person | None:
        return self.register.last_named_by(pos)

    def last_mention_within(self, start: int, end: int) -> tuple[bool, Person | None]:
        """Whether a person or title is named inside [start, end], and the person (or
        the holder of the title) named last."""
        mention = self.register.last_within(start, end)
        if mention is None:
            return False, None
        s, e, person, title = mention
        return True, person or self.resolve_title(title, (s, e))
