"""People a note introduces without a title before them: a rank, an honorific, a credit,
a spouse word, a noble or adat name's opener, degrees after the name, "Salah satu …,",
a reporting verb after the name, a former post after it; the other names of a list
holding a known person, a name joined to a person's by "dan"; and the title handed over
to or from a person so introduced. Mixed into `people.PeopleFinder`, whose register,
rules, text, name reader and `_add` it uses; kept apart to keep each module short."""

from __future__ import annotations

import re

from press.notes.credits import CREDIT_POST, credited_names
from press.notes.name_leads import (BEFORE_FORMER_POST, ONE_OF, REPLACED, THEME_BEFORE, appositive_names, names_before_age_or_origin,
                                    names_before_degrees)
from press.notes.name_lists import name_lists
from press.notes.names import read_degrees
from press.notes.rules import CAP, alternation, bounded_alternation
from press.notes.title_context import adat_title, written_title

HANDOVER = re.compile(r"(?:[ \t]+[A-Z][\w/.-]*){0,4}[ \t]+(?:juga[ \t]+)?(?:(?:diserahterimakan|diserahkan|beralih|berpindah|berganti)[ \t]+)?dari[ \t]+"
                      r"(?:pejabat[ \t]+lama[ \t]+)?(?:[^;\n]{1,120}?[ \t]+kepada[ \t]+(?:pejabat[ \t]+baru[ \t]+)?)?")
HANDOVER_REACH = 200
# "Kapolres Tabanan kini dijabat AKBP A, S.I.K. menggantikan AKBP B", "Kapolres Gianyar dijabat
# AKBP A, sedangkan pejabat lama AKBP B": B held the post A is named with.
PREDECESSOR_BEFORE = re.compile(r"[ \t.,]*(?:(?:yang[ \t]+)?menggantikan|(?:sedangkan|sementara|dan)[ \t]+pejabat[ \t]+lama(?:nya)?)"
                                r"[ \t]+$")
PREDECESSOR_REACH = 60
PREVIOUS_NAME_WORD = re.compile(r"[A-Z][\w.]*[ \t]+$")
# "dr. Lusiana Maharani, MPH dan Ardi Kurniawan.": a name joined to a person's ends the clause.
PAIRED = re.compile(r"(?:,?[ \t]*[A-Z][A-Za-z.]{1,6}\.?){0,4}[ \t]+(?:dan|serta)[ \t]+")
# How far before a reporting verb its subject's name may start ("…, Wa Ode Nurlia mengaku").
SUBJECT_REACH = 300
CAP_WORD = re.compile(CAP)
# "pengelola homestay di Sarangan, Suryani, berharap …": a name set off by commas after who
# the person is, then a reporting verb; the name speaks.
APPOSED_SUBJECT = re.compile(r",[ \t]+(?![A-Z][a-z]?,)((?:[A-Z][\w.'-]*[ \t]+){0,3}[A-Z][\w'-]*),[ \t]*$")
APPOSED_REACH = 60
CLAUSE_END = re.compile(r"[ \t]*(?:[.;)]|,(?![ \t]*(?:dan|serta)\b)|$)", re.M)
NICKNAME = r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?"
# A nickname given away from the name, to the person named before or to a title's holder:
# "pinta pria yang akrab disapa Rahman ini", "Kapolsek yang akrab disapa Bang Yohan itu",
# "ujar Umi Nur, sapaan akrab Wakil Bupati", "Ya, Andi Sessu sapaan akrabnya, …".
CALLED_AFTER = re.compile(rf"yang(?<!\wyang)[ \t]+(?:akrab[ \t]+|biasa[ \t]+)?(?:disapa|dipanggil)[ \t]+({NICKNAME})(?![\w-])")
SAPAAN = re.compile(r"sapaan(?<!\wsapaan)[ \t]+(?:akrab|karib)(?:nya)?\b[ \t]*")
CALLED_BEFORE = re.compile(rf"(?<![\w-])({NICKNAME})[ \t]*,?[ \t]*$")
# "-nya" glued to a word and a capital after it: where a possessed office may end.
POSSESSIVE = re.compile(r"nya[ \t]+(?=[A-Z])")
# How far before a nickname the person it names may be named.
NICKNAME_REACH = 600


class IntroducedPeople:
    """The finders of people with no title before them (see the module's docstring)."""

    def find_nicknames(self) -> None:
        """Nicknames given away from the name (see CALLED_AFTER): each names the holder of
        the title written right before "yang" or after "sapaan akrab", else the person
        named last before it, so neither the nickname nor its quotes make a second person."""
        text = self.text
        before = ((CALLED_BEFORE.search(text, max(0, s.start() - 30), s.start()), s.end()) for s in SAPAAN.finditer(text))
        for m, after in [(m, None) for m in CALLED_AFTER.finditer(text)] + [(b, end) for b, end in before if b]:
            nickname = m.group(1)
            if self.find_by_name(nickname) is not None:
                continue
            title = self.rules.title.match(text, after) if after is not None else None
            mention = title is None and self.register.last_within(max(0, m.start() - 40), m.start())
            person = self.resolve_title(title.group(0), title.span()) if title else None
            if person is None and mention and mention[2] is None and mention[3] and after is None \
                    and not text[mention[1]:m.start()].strip():
                person = self.resolve_title(mention[3], mention[:2])
            last = self.register.last_named_by(m.start()) if person is None and title is None else None
            if last is not None and self._last_mention_start_before(last, m.start()) >= m.start() - NICKNAME_REACH:
                person = last
            if person is not None:
                self.register.alias(nickname, person)

    def find_introduced(self) -> None:
        """People a rank, an honorific or a credit introduces, with no title written."""
        self.find_nicknames()
        text, rules = self.text, self.rules
        named = bytearray(len(text) + 1)
        for start, end, _, _ in self.register.live():
            named[start:end] = b"\1" * (end - start)
        credits = credited_names(text, rules)
        spouses = rules.pattern("spouse", lambda: rf"\b(?i:{alternation(rules.glossary.data['spouse_words'])})[ \t]+(?=[A-Z])")
        former = {m.start(1): m.end(1) for m in BEFORE_FORMER_POST.finditer(text) if rules.title.match(text, m.end())}
        for verb in rules.reported_verb.finditer(text):
            if _capitalised_word_before(text, verb.start()):
                subject = _subject_before(text, verb.start(), max(0, verb.start() - SUBJECT_REACH)) \
                    or _apposed_subject(text, verb.start())
                if subject:
                    former[subject[0]] = subject[1]
        origin = rules.pattern("origin", lambda: r"asal[ \t]+(?:" + alternation(
            [*rules.glossary.region_words_of("kabupaten", "kota", "kecamatan", "kelurahan", "desa"), "Dusun"]) + r")\b")
        former.update(names_before_age_or_origin(text, origin))
        members = {m.end() for m in self._member_unit().finditer(text)
                   if not PREVIOUS_NAME_WORD.search(text, max(0, m.start() - 30), m.start())}
        # "dipimpin Ketuanya Andi X": a generic office with its possessive, then its holder.
        possessed = rules.pattern("possessed-office", lambda: r"(?<![\w-])(" + alternation(
            rules.glossary.data["generic_titles"]) + r")$")
        offices = {m.end(): office.group(1) for m in POSSESSIVE.finditer(text)
                   if (office := possessed.search(text, max(0, m.start() - 20), m.start()))}
        one_of = {m.end(): m.start() for m in ONE_OF.finditer(text)}
        introduced = credits | {m.end() for m in spouses.finditer(text)} | set(former) | set(one_of) \
            | {m.end() for m in REPLACED.finditer(text)} | members | set(offices)
        openers = rules.pattern("name-opener", lambda: rf"{bounded_alternation(rules.glossary.data['name_openers'])}[ \t]+(?=[A-Z])")
        marked = {m.start() for m in rules.rank.finditer(text)} | {m.start() for m in rules.honorific.finditer(text)} \
            | introduced | set(appositive_names(text)) | {m.start() for m in openers.finditer(text)}
        leads = sorted(marked | set(names_before_degrees(text)))
        after = -1
        for lead in leads:
            if lead < after or named[lead] or (lead not in introduced and PREVIOUS_NAME_WORD.search(text, max(0, lead - 30), lead)) \
                    or (lead not in credits and self._headlines.holding(lead)) \
                    or THEME_BEFORE.search(text, max(0, lead - 40), lead):
                continue
            person = self._read_name(lead)
            if person is None or named[person.name_span[0]] or adat_title(text, rules, person) or person.name in self._nicknames \
                    or (lead not in marked and not person.degrees) or former.get(lead, person.name_span[1]) != person.name_span[1]:
                continue
            title, organisation = self._handed_over(lead)
            if title is None:
                title, organisation = self._successors_post(lead)
            post = CREDIT_POST.match(text, person.end) if lead in credits else None
            title = post.group(1) if post else title or offices.get(lead) or self._one_of_office(lead, one_of.get(lead))
            self._add(person, title, organisation or person.prefix, (lead, person.end))
            after = person.end

    def _one_of_office(self, lead: int, start: int | None) -> str | None:
        """The office of "Salah seorang Pj Keucik yang dilantik, X" (X holds it), written
        with a capital between "Salah seorang" and the comma before `lead`; None for a
        description ("Salah satu warga, X") or no such phrase."""
        office = self.rules.title.search(self.text, start, lead) if start is not None else None
        if office is None or office["head"][0].islower():
            return None
        return written_title(self.text, self.rules, office.start(), self.designations.skip_units(office.end()))

    def find_listed(self) -> None:
        """The other names of a list of names one of which is a person already found, when
        every other item of the list reads whole as a name ("Karo Umum dan Perlengkapan"
        and "Pj Wali Kota Bandung, X dan Y" are no such lists), and a name of two words or
        more joined to a person's by "dan" that ends the clause."""
        for items in name_lists(self.text):
            known = [any(m[2] for _, m in self.register.starting_in(start, end)) for start, end in items]
            read = [None if found else self._read_name(start) for (start, _), found in zip(items, known)]
            if any(known) and all(found or (person and person.name_span == (start, end) and not person.ranks)
                                  for (start, end), found, person in zip(items, known, read)):
                for (start, _), person in zip(items, read):
                    if person:
                        self._add(person, None, person.prefix, (start, person.end))
        for _, end, known, _ in self.register.live():
            joined = known and PAIRED.match(self.text, end)
            other = joined and not self._member_unit().match(self.text, joined.end()) and self._read_name(joined.end())
            if other and " " in other.name and not other.ranks and CLAUSE_END.match(self.text, other.end) \
                    and self.find_by_name(other.name) is None:
                self._add(other, None, other.prefix, (other.name_span[0], other.end))

    def _member_unit(self) -> re.Pattern:
        """A council faction or commission written before its member's name in a list of
        members ("Fraksi Golkar Ikhsan Tinggapy, Fraksi PKB M. Taher Lesilolo", "Komisi A
        Rusli Waekabu"): the unit is no part of the name, nor a title."""
        rules = self.rules
        return rules.pattern("member-unit", lambda: r"(?:F(?<![\w-]F)raksi|K(?<![\w-]K)omisi)[ \t]+(?:" + alternation(rules.glossary.data["member_parties"])
                             + r"|[IVX]{1,4}|[A-E])(?![\w-])[ \t]+(?=[A-Z](?:[a-z]|\.[ \t]*[A-Z][a-z]))")

    def _handed_over(self, pos: int) -> tuple[str | None, str | None]:
        """The title (and its organisation) handed over to or from the person named at
        `pos` ("Jabatan Kapolres Luwu Timur diserahterimakan dari AKBP X kepada AKBP Y",
        "Dirlantas Polda Sulsel dari Kombes Pol. X kepada Kombes Pol. Y"), else None."""
        floor = max(0, pos - HANDOVER_REACH)
        for _, (start, end, person, title) in reversed(self.register.starting_in(floor, pos)):
            if person is None and title and HANDOVER.fullmatch(self.text, end, pos):
                return title, self.title_organisations.get((start, end))
        return None, None


    def _successors_post(self, pos: int) -> tuple[str | None, str | None]:
        """The title and organisation of the person named just before "menggantikan" or
        "sedangkan pejabat lama" at `pos` (see PREDECESSOR_BEFORE), else None."""
        before = PREDECESSOR_BEFORE.search(self.text, max(0, pos - PREDECESSOR_REACH), pos)
        mention = before and self.register.last_within(max(0, before.start() - HANDOVER_REACH), before.start())
        if mention and mention[2] is not None and mention[2].title \
                and before.start() <= read_degrees(self.text, mention[1], self.rules)[1] <= before.end():
            return mention[2].title, mention[2].organisation
        return None, None


def _subject_before(text: str, end: int, floor: int) -> tuple[int, int] | None:
    """Start and end of the capitalised words (one to four) standing before the spaces
    just before `end`, opening a line or following ". ", ", " or "; ", not starting
    before `floor`: a reporting verb's subject. Read backwards word by word, so the cost
    is that of the few words read, not of the REACH before the verb."""
    i = end
    while i > floor and text[i - 1] in " \t":
        i -= 1
    if i == end:
        return None
    last_end, starts = i, []
    while len(starts) < 4:
        j = i
        while j > 0 and text[j - 1] not in " \t\n":
            j -= 1
        if j < floor or not CAP_WORD.fullmatch(text, j, i):
            break
        starts.append(j)
        k = j
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k == j:
            break
        i = k
    for start in reversed(starts):
        if start == 0 or text[start - 1] == "\n" or (start >= 2 and text[start - 2] in ".,;" and text[start - 1] in " \t"):
            return start, last_end
    return None


def _apposed_subject(text: str, pos: int) -> tuple[int, int] | None:
    """Start and end of a name set off by commas just before a reporting verb at `pos`
    (see APPOSED_SUBJECT), else None."""
    apposed = APPOSED_SUBJECT.search(text, max(0, pos - APPOSED_REACH), pos)
    return apposed.span(1) if apposed else None


def _capitalised_word_before(text: str, pos: int) -> bool:
    """Whether spaces and then a capitalised word stand just before `pos` (the cheap test
    before looking for a reporting verb's subject)."""
    end = pos
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    if end == pos or end == 0:
        return False
    start = max(text.rfind(" ", 0, end), text.rfind("\t", 0, end), text.rfind("\n", 0, end)) + 1
    return text[start:start + 1].isupper()
