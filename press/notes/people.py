"""People in a note: title first ("Kepala Bagian Humas Setda Kota Bekasi Sajekti
Rubiyah") or name first ("Tri Adhianto, Wali Kota Bekasi"), honorifics, ranks and degrees
split from the name, later mentions, and speakers named by name or title alone.
Every reader works at a position of the whole text (never on a copy of the rest of it)
and every lookup goes through the register's indexes, so the time grows with the
note's length and no faster. The people introduced without a title (ranks, honorifics,
credits, lists) are found by the `introduced` mixin. Imports the rules, the items, the
register, the places and the organisation-name reader."""

from __future__ import annotations

import re

from press.notes.designations import PARENTHESIS, REGION_HEADS, Designations
from press.notes.introduced import IntroducedPeople
from press.notes.items import ActivityContext, Person
from press.notes.name_match import same_name
from press.notes.names import ALIAS, WrittenName, bracketed_nicknames, headline_lines, opens_no_name, shortens
from press.notes.organisations import defined_short_forms
from press.notes.places import find_known_places, find_multiword_places
from press.notes.register import Register
from press.notes.rules import Rules, alternation
from press.notes.short_mentions import add_short_mentions
from press.notes.speakers import SpeakerLookup
from press.notes.title_context import (COMMA_CLAUSE, HELD_BY_NAME_BEFORE, LOWER_TITLE_PLACE, NAME_BEFORE,
                                       ONLY_PLACE_AFTER, QUALIFIER, SPEECH_AFTER, TRAILING_COMMA, bare_name_before,
                                       bracketed_post, ends_in_venue, handed_over_after, holder_after_rank_apart,
                                       honoured_namesakes, member_qualifiers, name_cut_before, namesake_before, namesakes, new_post_at,
                                       next_appointed, not_a_name_first, place_then_holder, region_word_before,
                                       title_places, town_of_unit, venue_before, written_title)

CAPITAL_AFTER = re.compile(r"[ \t]*,?[ \t]*[A-Z(]")
# Possessive: a shorter reading of a word or of the run is followed by a word character or
# a space, never by the comma, so giving characters back could never match.
CAPITALISED_RUN = re.compile(r"(?:[ \t]+(?:[A-Z][\w'-]*+|\([^()\n]{1,40}\))){1,10}+(?=,[ \t])")
APPOSITION_END = re.compile(r"[ \t]*(?:(?<=[\w.])[ \t]+(?!(?:dan|serta|beserta|atau)[ \t]+(?![a-z]))(?=[a-z]{3})|,[ \t]*(?!(?:dan|serta|beserta)\b[ \t]*(?:[A-Z]|$))[a-z]|[.;)]|,?[ \t]*\n)")
STAND_IN = re.compile(r"\s*,?\s*(?:yang\s+)?diwakil(?:i|kan)(?:\s+oleh)?\s+")
# The next item of a list of officials after a holder a rank or honorific marks
# ("Dandim 0408 Bengkulu Selatan-Kaur, Letkol Inf Rahmad Saputra, Kapolres Kaur …").
NEXT_IN_LIST = re.compile(r"[ \t]*,[ \t]*(?=[A-Z])")
JOINED = re.compile(r"[ \t]+(?:dan|&)[ \t]+")
HOLDERS_JOINED = re.compile(r",?[ \t]*(?:dan|&|[–—-])[ \t]+")
# "wakil ketua masing-masing A dan B": every name listed after it holds the title.
EACH = re.compile(r"[ \t]*,?[ \t]+(?:masing-masing|di[ \t]+antaranya|antara[ \t]+lain|yakni|yaitu)[ \t]*:?[ \t]+")
LISTED = re.compile(r"(?:[ \t]*\([^()\n]{1,25}\))?[ \t]*(?:,[ \t]*(?:dan[ \t]+)?|[ \t]+dan[ \t]+)")
TERM = re.compile(r"(?:[ \t]+(?:terpilih|definitif|yang[ \t]+baru[ \t]+dilantik))?(?:[ \t]+(?:periode|masa[ \t]+jabatan)[ \t]+\d{4}[ \t]*[–—-][ \t]*\d{4})?")
# The district after a village head's village ("KPN Tulehu Kecamatan Salahutu"): where the
# village lies, not part of the post.
DISTRICT = re.compile(r"(?:Kecamatan|Kec\.|Distrik)\s")
# "mantan Bupati Bantaeng X", "Eks Bupati Busel X": a former holder, the word kept in the title.
FORMER_BEFORE = re.compile(r"(?<![\w-])([Mm]antan|[Ee]ks)[ \t-]+$")


class PeopleFinder(SpeakerLookup, IntroducedPeople):
    """Finds people and keeps track of their mentions.

    `mentions` holds (start, end, person, title) for every place a person is named; a
    title written without a name ("kata Bupati") is kept with person None until a
    speaker attribution resolves it."""

    def __init__(self, text: str, rules: Rules, context: ActivityContext):
        self.text = text
        self.rules = rules
        self.context = context
        self.register = Register(rules.glossary.expand, rules.glossary.data["acting_prefixes"])
        self.people: list[Person] = self.register.people
        self.known_places = find_known_places(text, rules, context)
        self.places = self.known_places | rules.region_names
        self.multiword_places = find_multiword_places(text, rules)
        self.title_organisations: dict[tuple[int, int], str | None] = {}
        self.designations = Designations(text, rules, self.places, self.multiword_places)
        self._holders = [(rules.glossary.expand(held).lower(), name) for held, name in context.title_holders.items()]
        self._headlines = headline_lines(text)
        self._namesakes = namesakes(text, rules)
        self._honoured_namesakes = honoured_namesakes(text, rules, self.designations.names.at)
        self._title_places = title_places(text, rules)
        self._short_forms = defined_short_forms(text, rules)
        self._nicknames = bracketed_nicknames(text)
        self._new_post_holders: dict[int, WrittenName] = {}

    # --- title first: "Kepala Bagian Humas Setda Kota Bekasi Sajekti Rubiyah"
    def find_titled(self) -> None:
        pos = 0
        while True:
            match = self.rules.title.search(self.text, pos)
            if not match:
                return
            if match["head"][0].islower() and not CAPITAL_AFTER.match(self.text, match.end()) \
                    and not EACH.match(self.text, match.end()):
                pos = self._lower_title_after_name(match)
                continue
            headline = self._headlines.holding(match.start())
            post = None if headline else bracketed_post(self.text, match.start(), match.end())
            if post:
                self.register.mention(post[0], post[1], None, self.text[post[0]:post[1]])
                pos = post[2]
                continue
            if headline or self.text[match.start() - 1:match.start()] == "(" or venue_before(self.text, self.rules, match.start()) \
                    or region_word_before(self.text, self.rules, match.start()):
                pos = headline or match.end()
                continue
            pos = self._joint_holders(match) or self._read_titled(match)

    def _joint_holders(self, match: re.Match) -> int | None:
        """Two titles sharing their region, then their two holders in order ("Bupati dan Wakil Bupati Kepulauan Aru terpilih
        A dan B", "…, A, dan B", "…, A – B"): A holds the first, B the second. Where to go on, or None if not written so."""
        text, rules = self.text, self.rules
        joined = JOINED.match(text, match.end())
        second = joined and rules.title.match(text, joined.end())
        if not second or second["head"][0].islower() or match["head"][0].islower():
            return None
        full = rules.title_full[second["head"]]
        organisation, kind, end = self.designations.read_organisation(second.end(), full in rules.place_titles,
                                                                      full in REGION_HEADS)
        first = self._read_name(TERM.match(text, end).end())
        other = first and HOLDERS_JOINED.match(text, first.end)
        holder = other and self._read_name(other.end())
        if not holder:
            return None
        place = text[second.end():end] if kind == "place" else ""
        organisation = None if kind == "place" else organisation
        self._add(first, match.group(0) + place, organisation or first.prefix, (match.start(), first.end))
        self._add(holder, second.group(0) + place, organisation or holder.prefix, (second.start(), holder.end))
        return holder.end

    def _lower_title_after_name(self, match: re.Match) -> int:
        """A title in lower case written after a name and a comma, with its place ("Nius
        Kogoya, penjabat bupati kabupaten Yahukimo,"): kept as a title without a holder,
        which `find_name_first` gives to the name before it. Returns where to go on."""
        if SPEECH_AFTER.match(self.text, match.end()) and self.rules.reported_verb.match(
                self.text, SPEECH_AFTER.match(self.text, match.end()).end()):
            self.register.mention(match.start(), match.end(), None, match.group(0))
            return match.end()
        if not self.text[max(0, match.start() - 2):match.start()].endswith(", "):
            return match.end()
        place = LOWER_TITLE_PLACE.match(self.text, match.end())
        end = place.end() if place else match.end()
        self.register.mention(match.start(), end, None, self.text[match.start():end])
        return end

    def _read_titled(self, match: re.Match) -> int:
        """A title and the person it names. A title written in lower case ("sekda Bungo")
        counts only with a name after it; one with none may name its stand-in ("Bupati,
        diwakili oleh Sekda X") or its holder after a comma clause ("Kadis, yang juga
        Ketua Satgas, X") or a province ("Bupati Paser, Kalimantan Timur, X")."""
        text, rules = self.text, self.rules
        lower = match["head"][0].islower()
        full = rules.title_full[match["head"]]
        absorb = full in rules.place_titles
        title_end = self.designations.skip_units(match.end())
        if self.designations.headline_verb_at(title_end):
            return title_end
        organisation, kind, end = self.designations.read_organisation(title_end, absorb, full in REGION_HEADS)
        if absorb and kind == "place":
            title_end, organisation = end, None
        elif absorb and kind == "region" and title_end > match.end() and DISTRICT.match(organisation):
            organisation = None
        paren = PARENTHESIS.match(text, end)
        if paren and kind:
            end = paren.end()
            if organisation is None:
                title_end = end
            else:
                organisation = text[title_end:end].strip(" ,")
        holder = self._new_post_holders.pop(match.start(), None)
        if holder is not None:
            self._add(holder, written_title(text, rules, match.start(), title_end), organisation or holder.prefix,
                      (holder.name_span[0], max(title_end, end)))
            return max(title_end, end)
        qualifier = QUALIFIER.match(text, end)
        if qualifier and (rules.rank.match(text, qualifier.end()) or self._read_name(qualifier.end())):
            end = qualifier.end()
        member = member_qualifiers(text, rules, end)
        if member:
            if member[0] > end and organisation is not None:
                organisation += text[end:member[0]]
            elif member[0] > end:
                title_end = member[0]
            end = member[1]
        each = EACH.match(text, end)
        holders = self._listed_holders(each.end()) if each else []
        if len(holders) > 1:
            title_text = written_title(text, rules, match.start(), title_end)
            for holder in holders:
                self._add(holder, title_text, organisation or holder.prefix, (match.start(), holder.end))
            return holders[-1].end
        held_before = text[max(0, match.start() - 40):match.start()].rstrip(" \t\n").endswith(("sebagai", "menjabat", "selaku")) \
            and HELD_BY_NAME_BEFORE.search(text, max(0, match.start() - 40), match.start())
        apposed = None if held_before else self._apposed(end)
        if full in rules.words("generic_titles") and title_end == match.end() and organisation is None \
                and not apposed and not (qualifier and end == qualifier.end()):
            return match.end()
        title_text = written_title(text, rules, match.start(), title_end)
        if apposed:
            title_end, person = apposed
            title_text = written_title(text, rules, match.start(), title_end)
            organisation = None
        else:
            person = None if held_before else self._read_name(end)
        if person is None and not lower:
            person = holder_after_rank_apart(text, rules, end, self._read_name)
        if person is None and not lower:
            clause = COMMA_CLAUSE.match(text, end)
            after = clause.end() if clause else self.designations.after_province(end)
            person = self._read_name(after) if after else None
        body_end = None if person is None or apposed else self.designations.body_before_name(person)
        if body_end is not None:
            title_text, title_end = text[match.start():body_end].rstrip(), body_end - 1
            organisation, person = None, self._read_name(body_end - 1)
        if person is not None and not person.ranks and (not person.honorifics or person.name_span[0] in self._honoured_namesakes):
            if person.honorifics or namesake_before(text, rules, match.start(), person.name_span[0]):
                title_text = written_title(text, rules, match.start(), person.end)
                title_end = end = PARENTHESIS.match(text, person.end).end() if PARENTHESIS.match(text, person.end) \
                    else person.end
                organisation, person = None, self._read_name(end)
                if person and text[end:end + 1] == "," and " " not in person.name \
                        and not person.honorifics and not person.ranks:
                    person = None
            elif not apposed and " " not in person.name and not person.degrees \
                    and (ONLY_PLACE_AFTER.match(text, person.end) or person.name in self._title_places
                         or town_of_unit(text, rules, person.name_span[0])) and self.find_by_name(person.name) is None \
                    and (town_of_unit(text, rules, person.name_span[0]) or (absorb and full not in REGION_HEADS and kind is None)
                         or (kind == "institution" and not person.degrees and ends_in_venue(rules, organisation))):
                title_text, title_end, person = text[match.start():person.end], person.end, None
            elif not apposed and not person.degrees and (place_then_holder(text, rules, person.end, absorb and full not in REGION_HEADS)
                                                          or absorb and full not in REGION_HEADS and self.designations.region_word_after(person.end)):
                title_text, title_end, person = text[match.start():person.end], person.end, None
                entrusted = QUALIFIER.match(text, title_end)
                person = self._read_name(entrusted.end()) if entrusted and entrusted.group(0).strip() else None
        if person is None:
            if lower:
                return match.end()
            self.register.mention(match.start(), title_end, None, title_text)
            self.title_organisations[(match.start(), title_end)] = organisation
            if held_before:
                return self._add_appointed(next_appointed(text, max(title_end, end, match.end()), self._read_name),
                                           max(title_end, end, match.end()))
            return self._read_stand_in(max(title_end, end, match.end()))
        if self.designations.headline_verb_at(person.name_span[1]):
            return person.end
        new_post = new_post_at(text, rules, person.end)
        if new_post is not None:
            self._new_post_holders[new_post] = person
            return person.end
        first = self.designations.first_office_before(match.start(), self.register)
        if first is not None:
            title_text, organisation = first[3], self.title_organisations.get(first[:2])
        former = FORMER_BEFORE.search(text, max(0, match.start() - 8), match.start())
        title_text = f"{former.group(1)} {title_text}" if former else title_text
        self._add(person, title_text, organisation or person.prefix, (match.start(), person.end))
        return person.end

    def _listed_holders(self, pos: int) -> list[WrittenName]:
        """The names listed from `pos`, joined by commas and "dan" ("A, B dan C")."""
        holders = []
        while (holder := self._read_name(pos)) is not None:
            holders.append(holder)
            joined = LISTED.match(self.text, holder.end)
            if not joined or joined.end() == holder.end:
                break
            pos = joined.end()
        return holders

    def _apposed(self, pos: int) -> tuple[int, WrittenName] | None:
        """A title's place or unit written out up to a comma, then the holder between
        commas ("Kepala Distrik Teluk Umar Selatan, Herman Ch. Wanggai, memimpin"):
        (end of the designation, the holder), else None."""
        text = self.text
        run = CAPITALISED_RUN.match(text, pos)
        if not run or not run.group(0).strip():
            return None
        holder = None if opens_no_name(text, run.end(), self.rules) else self._read_name(run.end())
        if holder is None or not (APPOSITION_END.match(text, holder.end)
                                  or ((holder.ranks or holder.honorifics) and NEXT_IN_LIST.match(text, holder.end))):
            return None
        return run.end(), holder

    def _add_appointed(self, person: WrittenName | None, pos: int) -> int:
        if person is None:
            return pos
        self._add(person, None, person.prefix, (person.name_span[0], person.end))
        return person.end

    def _read_stand_in(self, pos: int) -> int:
        """After a title with no name: "diwakili oleh X" names X, with X's own title
        if one is written (read next by `find_titled`), else none."""
        stand_in = STAND_IN.match(self.text, pos)
        if not stand_in:
            return pos
        at = stand_in.end()
        title = self.rules.title.match(self.text, at)
        if title and not title["head"][0].islower():
            return at
        person = self._read_name(at)
        if person is None:
            return at
        self._add(person, None, person.prefix, (person.name_span[0], person.end))
        return person.end

    def _read_name(self, pos: int) -> WrittenName | None:
        """The name written at `pos`, unless it is the name of a port, a hospital or a
        street written elsewhere in the note ("Pelabuhan Labuan Bajo") or the short form
        the note gives an organisation ("Universitas Musamus (Unmus)")."""
        written = self.designations.names.at(pos)
        if written and (written.name_span[0] in self._honoured_namesakes or not written.honorifics and not written.ranks
                        and (written.name in self._namesakes or written.name in self._short_forms)):
            return None
        return written

    def _add(self, written: WrittenName, title, organisation, span) -> Person:
        name, name_span = written.name, written.name_span
        existing = self.find_by_name(name) or self.register.initialled_form_of(name) or self.register.misspelt_form_of(
            name) or self._holder_called(name, title) or self.called_by_first_name(name) or self.titled_by_name_word(name) \
            or (self.last_named_with_word(name, span[0]) or self.called_by_first_letters(name) or self.misspelt_first_name(name)
                or self.first_name_of_titled_near(name, span[0]) or self.named_before_with_word_starting(name, span[0]) if " " not in name else None)
        if existing is None and " " in name:
            existing = self.register.shorter_name_of(name) or self._found_without_opener(name)
            if existing:
                self.register.lengthen(existing, name)
                existing.honorifics = existing.honorifics or written.honorifics
                existing.degrees = existing.degrees or written.degrees
        if existing:
            # A title saying more than the known one it starts with ("Wakil Bupati Rote Ndao" after "Wakil Bupati").
            if title and existing.title and not existing.organisation \
                    and self.register.expand(title).startswith(self.register.expand(existing.title) + " "):
                existing.title, existing.organisation = title, organisation
            elif title and not existing.organisation and self.register.expand(title) == self.register.expand(existing.title or ""):
                existing.organisation = organisation
            if not existing.title:
                existing.title, existing.organisation = title, existing.organisation or organisation
            existing.ranks = existing.ranks or written.ranks
            self.register.title_changed(existing)
            self.register.add_span(existing, span)
            person = existing
        else:
            participant = next((p for p in self.context.participants if same_name(p.name, name)), None)
            if participant and not title:
                title, organisation = participant.title, participant.organisation
            person = self.register.add(Person(name, title, organisation, written.honorifics, written.degrees, span,
                                              [span], written.ranks))
        self.register.mention(name_span[0], name_span[1], person, title)
        alias = ALIAS.match(self.text, written.end)
        for called in filter(None, alias.groups() if alias else ()):
            self.register.alias(called, person)
        return person

    def _found_without_opener(self, name: str) -> Person | None:
        """The person found under `name` without its noble or clan opener ("Ahmad Fauzan"
        for "Kgs. Ahmad Fauzan", "Syahrul Anwar" for "Teuku Syahrul Anwar"), else None."""
        opener = self.rules.pattern("leading-opener", lambda: rf"(?:{alternation(self.rules.glossary.data['name_openers'] + self.rules.glossary.data['noble_abbreviations'])})[ \t]+(?=\S+ )")
        found = opener.match(name)
        person = self.find_by_name(name[found.end():]) if found else None
        return person if person is not None and same_name(person.name, name[found.end():]) else None

    def _holder_called(self, name: str, title: str | None) -> Person | None:
        """The one holder of `title` whose name has a word that `name`, one word, starts
        ("Wagub Melki" for Wakil Gubernur Melkianus B. Ndolu), or whose name `name` shortens
        ("Bupati Frans Wangge" for Bupati Fransiskus Ch.Wangge), else None."""
        if not title or len(name) < 4:
            return None
        holder = self.register.by_title(self.register.expand(title))
        if holder and " " in name:
            return holder if shortens(name.split(), holder.name.split()) else None
        return holder if holder and any(w.startswith(name) for w in holder.name.split()) else None

    # --- name first: "Tri Adhianto, Wali Kota Bekasi"
    def find_name_first(self) -> None:
        named = bytearray(len(self.text) + 1)
        for mention in self.register.live():
            named[mention[0]:mention[1]] = b"\1" * (mention[1] - mention[0])
        for seq, (start, end, person, title) in enumerate(list(self.register.mentions)):
            if person is not None:
                continue
            before_start = max(0, start - 60)
            trailing = TRAILING_COMMA.search(self.text, before_start, start)
            bare = not trailing and bare_name_before(self.text, start, end, before_start)
            if not (bare or trailing) or handed_over_after(self.text, self.rules, end):
                continue
            m = bare or NAME_BEFORE.search(self.text[before_start:start])
            if not m:
                continue
            parsed = self._read_name(before_start + m.start(1))
            fronted = parsed is None and self.rules.fronted.match(self.text, before_start + m.start(1))
            if fronted:
                parsed = self._read_name(fronted.end())
            if parsed is None or parsed.end > start or not_a_name_first(self.text, self.rules, parsed) \
                    or self.text[start - 1] == "(" and name_cut_before(self.text, parsed.name_span[0]):
                continue
            name_span = parsed.name_span
            if named[name_span[0]] or named[name_span[1] - 1]:
                continue
            self.register.drop(seq)
            organisation = self.title_organisations.get((start, end))
            self._add(parsed, title, organisation, (name_span[0], end))
            named[name_span[0]:name_span[1]] = b"\1" * (name_span[1] - name_span[0])

    def add_short_mentions(self) -> None:
        add_short_mentions(self.text, self.people)
