"""Quotations and who said them: after-quote (`"…," ujar X`), interposed
(`"…," kata X, "…"`), fronted (`Menurut X, …`, `Dalam sambutannya X mengatakan "…"`) and
reported speech, with straight or curly marks and quotes running over paragraphs.

A speaker is looked for in the sentence before the quote or verb, and at most LOOKBACK
characters back; the verbs and sentence ends are found once for the whole text, so
thousands of quotes in one paragraph cost no more than thousands in many.
Imports the rules, the items and the people finder."""

from __future__ import annotations

import re
from bisect import bisect_right

from press.notes.fronted_tags import fronted_tag_quotes
from press.notes.items import Person, Quote
from press.notes.name_leads import ONE_OF
from press.notes.names import is_title_case
from press.notes.people import PeopleFinder
from press.notes.quote_spans import OPEN_MARKS, QUOTE_MARK, first_inside, inside, last_inside, quoted_segments, stands_alone
from press.notes.rules import CAP, NextMatch, Rules, alternation
from press.notes.speakers import DESCRIBED, DESCRIBED_BY_TITLE, DESCRIBED_TO_END, PRONOUN_SUBJECT

LOOKBACK = 2000
# A full stop after an initial, an abbreviated honorific, name, acting prefix or region
# word ("Budi S. Hartono", "Dr. Ari", "ucap dr. Ria", "Herman Ch. Wanggai", "Pj. Gubernur") ends no sentence.
NOT_AN_END = r"(?<![\s.(][A-Z][.])(?<!\b(?:Dr|dr|Ir|Hj|St|Ch|Dj|Dg|Dt|Hi|Pj)[.])(?<!\b(?:Drs|Dra|drg|Muh|Moh|Abd|Mhd|Plt|Plh|Pjs|Kab|Kec)[.])(?<!\bProf[.])"
# "menyampaikan terima kasih/apresiasi/ucapan selamat": an attitude, not what was said.
ATTITUDE_OBJECT = re.compile(r"[ \t]+(?:rasa[ \t]+)?(?:terima[ \t]+kasih|apresiasi|ucapan|selamat|syukur|dukungan|permohonan"
                             r"|pentingnya|harapan)\b")
# "Menurutnya, …", "Menurut beliau, …", "Dikatakan pula, …", "Dikatakannya lagi, …", and a "-nya" tag
# opening a sentence ("Lanjutnya, …", "Kata dia, …"): indirect speech of the person last spoken of.
MENURUTNYA = re.compile(r"\b(?:Menurut(?:nya|[ \t]+(?:dia|beliau))\b[ \t]*,?|(?P<verb>Di(?:katakan|tambahkan|jelaskan|sampaikan|ungkapkan"
                        r"|tegaskan|terangkan)(?:nya)?)(?:[ \t]+(?:pula|juga|lagi))?[ \t]*,"
                        r"|(?:(?<=[.!?\n][ \t])|(?<=[.!?\n])|(?<!.))(?P<tag>(?:Lanjut|Kata|Tambah|Imbuh|Sambung)nya|Kata[ \t]+(?:dia|beliau))[ \t]*,"
                        r"(?![ \t]*[\"“”']))[ \t]*")
# Adverbs between a speaker and the speech verb ("ATS juga menjelaskan").
ADVERBS_BEFORE = re.compile(r"(?:[ \t]+(?:juga|pun|kembali|lalu|kemudian|pula|sempat|sekaligus|lebih[ \t]+lanjut))+[ \t]*$")
SUBJECT_TO_VERB = re.compile(r"(?:[ \t]+(?:juga|pun|kembali|lalu|kemudian|pula|sempat|lebih[ \t]+lanjut))*[ \t]*")
TOPIC_AFTER = re.compile(r"[ \t]+ini[ \t]+(?!,)(?=[a-z])")
STOP = re.compile(rf"[.!?]{NOT_AN_END}")
SENTENCE_END = re.compile(rf"[.!?]{NOT_AN_END}(?=\s+[A-Z\"“(]|\s*$)|\n")
PHRASE_END = re.compile(rf"\.{NOT_AN_END}|[;\n\"“”]|[ \t]+(?:yang|didampingi|bersama|beserta|usai|seusai|saat|ketika|kepada)\b|\((?![A-Z][A-Za-z.]{{0,12}}\))|,\s*(?:[a-z]|[\"“])|$")
INTERPOSED = re.compile(r"[^.\n\"“”]*,\s*[\"“]")
# "Olehnya, lanjut dia, balai …": a tag set between the two halves of one reported sentence.
INTERPOSED_REST = re.compile(r",[ \t]*(?=[a-z])")
CLAUSE_LEAD = re.compile(r"\s*[,:]?\s*(?:bahwa(?:sanya)?\s+)?")
CLAUSE_END = re.compile(rf"[.!?]{NOT_AN_END}(?=\s+[A-Z\"“(]|\s*$)|\n|,?\s*[\"“]")
NAME_PHRASE = re.compile(rf"{CAP}(?: {CAP}){{0,3}}")
NAME_AT_END = re.compile(rf"({CAP}(?: {CAP}){{0,4}})\s*,?\s*$")
WHITESPACE = re.compile(r"\s")
NOT_SUBJECT = re.compile(r"\b(?:dihadiri|diikuti|disaksikan|oleh|kepada|didampingi|menggantikan|sebagai|yang[ \t]+dilantik"
                         r"|yaitu|yakni)\b(?![ \t]+wartawan)")
# A person asked or told something ("Nius Kogoya diminta tidak hanya …"): spoken to, not speaking.
SPOKEN_TO = re.compile(r"[ \t]+(?:juga[ \t]+)?di(?:minta|harapkan|ingatkan|instruksikan|tugaskan|perintahkan|imbau)\b")
# "X melalui Y menjelaskan": Y speaks for X; "X yang didampingi Y, Z menjelaskan": X does.
THROUGH = re.compile(r"\bmelalui\b")
ACCOMPANIED = re.compile(r"\b(?:yang[ \t]+)?didampingi\b")
# The theme of an event in quote marks: "bertema “…”", "Tema yang diusung tahun ini adalah “…”".
THEME_BEFORE = re.compile(r"\b(?:tema|bertema|bertajuk|berjudul|judul|slogan|tagline|motto|semboyan|jargon)"
                          r"(?:[ \t]+(?:yang|diusung|diangkat|tahun|kali|ini|adalah|yakni|yaitu|ialah)){0,6}[ \t]*:?[ \t]*$", re.I)


class QuoteFinder:
    """Finds quotations and attributes them."""

    def __init__(self, text: str, rules: Rules, people: PeopleFinder):
        self.text = text
        self.rules = rules
        self.people = people
        self._sentence_ends = [m.end() for m in SENTENCE_END.finditer(text)]
        self._reported_verbs = list(rules.reported_verb.finditer(text))
        self._reported_starts = [m.start() for m in self._reported_verbs]
        self._verb_ends = {m.end() for m in self._reported_verbs}
        self._fronted_verbs = list(rules.fronted.finditer(text))
        self._fronted_starts = [m.start() for m in self._fronted_verbs]
        self._continuing = set(rules.glossary.speech_verbs("continuing"))
        # `…,”Terang X`, `…”,Ungkap X`: a quote ending with a comma, inside or after its mark,
        # goes on with its verb, capitalised or not.
        self._capital_verb = rules.pattern("capital-after-verb", lambda: r"[ \t]*,?[ \t]*(?P<verb>" + alternation(
            [v.capitalize() for v in rules.glossary.speech_verbs("after")]) + r")\b")
        # `….” Tandas Yosef bangga.`: after a full stop, a capitalised verb tags the quote when
        # a name follows it on the line.
        self._capital_verb_and_name = rules.pattern("capital-verb-and-name", lambda: r"[ \t]+(?P<verb>" + alternation(
            [v.capitalize() for v in rules.glossary.speech_verbs("after") if " " not in v]) + r")(?=[ \t]+[A-Z][a-z])")
        self._pronoun = rules.pattern("pronoun-end", lambda: rf"\b(?:{alternation(rules.glossary.data['pronouns'])})\s*$")
        self._clause_end = NextMatch(CLAUSE_END, text)
        self._unmarked_verbs = rules.pattern("unmarked-verb-or-menurut", lambda: rf",[ \t]*(?P<verb>{rules.after_words}|menurut)\b")
        self._inside_verb = rules.pattern("inside-verb", lambda: rf",\s*(?P<verb>{rules.after_words})\s+(?P<who>[^,]+),")
        self._comma = NextMatch(re.compile(","), text)
        self._newline = NextMatch(re.compile("\n"), text)

    def find(self) -> list[Quote]:
        segments = quoted_segments(self.text, self._verb_ends)
        self._quoted = [(s, e) for s, e, _ in segments]
        self._quoted_starts = [s for s, _ in self._quoted]
        self._last_speaker, self._last_end = None, 0
        quotes = self._reported(segments)
        inherited: Person | None = None
        for index, (start, end, inner) in enumerate(segments):
            quote = self._attribute(start, end, inner, inherited)
            inherited = None
            if THEME_BEFORE.search(self.text, max(0, start - 70), start) \
                    or (quote.speaker is None and is_title_case(inner) and inner.rstrip()[-1:] not in ".!?,"):
                continue
            if quote.placement == "interposed" and quote.speaker and index + 1 < len(segments):
                if re.fullmatch(r"[^.\n]*,\s*", self.text[end:segments[index + 1][0]]):
                    inherited = self.people.find_by_name(quote.speaker)
            if quote.speaker:
                self._last_speaker = self.people.find_by_name(quote.speaker)
            self._last_end = end
            quotes.append(quote)
        quotes += self._unmarked(quotes)
        return sorted(quotes, key=lambda q: q.span)

    def _back_reference(self, pos: int, floor: int | None = None) -> Person | None:
        """Who "-nya" at `pos` points back to: the subject of the last sentence since
        the previous quote (from `floor` if given) that names someone outside quote
        marks (its first person named, unless a pronoun comes first: then the one spoken
        of before), else the last speaker (not when `floor` is given)."""
        lowest = max(self._last_end, pos - LOOKBACK) if floor is None else floor
        mentions = [m for _, m in self.people.register.starting_in(lowest, pos) if m[1] <= pos]
        known = ((m.start(), m.end(), self._person_in(m.group(0)), None)
                 for m in NAME_PHRASE.finditer(self.text, lowest, pos))
        mentions = sorted([m for m in mentions if not inside(self._quoted, self._quoted_starts, m[0])]
                          + [m for m in known if m[2] and not inside(self._quoted, self._quoted_starts, m[0])],
                          key=lambda m: m[0])
        while mentions:
            sentence_start = self._sentence_start(mentions[-1][0])
            in_sentence = [m for m in mentions if m[0] >= sentence_start]
            mentions = mentions[:len(mentions) - len(in_sentence)]
            first = in_sentence[0]
            if self._pronoun_before(sentence_start, first[0]):
                return self._last_speaker or self.people.last_before(sentence_start)
            # "Ketika ditanya … Bupati …, Hendri mengatakan": the one before the speech verb speaks.
            speaking = next((m for m in in_sentence[1:] if self.text[max(0, m[0] - 2):m[0]] == ", "
                             and self.rules.reported_verb.match(self.text, SUBJECT_TO_VERB.match(self.text, m[1]).end())
                             and not ACCOMPANIED.search(self.text, first[1], m[0])), None)
            if speaking is None and ((NOT_SUBJECT.search(self.text, sentence_start, first[0])
                                      and not ONE_OF.search(self.text, sentence_start, first[0] + 1)) or SPOKEN_TO.match(self.text, first[1])):
                # "… yang dikomandoi oleh Kolonel Inf X ini akan …": the sentence is about X.
                speaking = next((m for m in in_sentence if TOPIC_AFTER.match(self.text, m[1])), None)
                if speaking is None:
                    continue
            through = next((m for m in in_sentence[1:] if THROUGH.search(self.text, first[1], m[0])), None)
            first = speaking or through or first
            return first[2] or self.people.resolve_title(first[3], (first[0], first[1]))
        return self._last_speaker if floor is None else None

    def _person_in(self, phrase: str) -> Person | None:
        """The person a capitalised phrase names, also when words that are nobody's name
        stand around the name ("Narasumber Meyke Sumolang SH")."""
        person = self.people.find_by_name(phrase)
        if person is None:
            words = [w for w in phrase.split() if self.people.register.knows_word(w)]
            if words and len(words) < len(phrase.split()):
                person = self.people.find_by_name(" ".join(words))
            elif not words:
                person = self.people.called_by_first_letters(phrase.split()[-1])
        return person

    def _pronoun_before(self, start: int, end: int) -> bool:
        return bool(PRONOUN_SUBJECT.search(self.text, start, end))

    def _attribute(self, start: int, end: int, inner: str, inherited: Person | None) -> Quote:
        people, text = self.people, self.text
        after = self.rules.after_verb.match(text, end) or ((text[max(0, end - 3):end - 1].rstrip().endswith(",")
                                                            or text[end:end + 1] == ",") and self._capital_verb.match(text, end)) \
            or self._capital_verb_and_name.match(text, end)
        if after:
            verb = after["verb"]
            who_start = after.end()
            who_end = self._phrase_end(who_start)
            speaker = None
            if verb.endswith("nya") or text[who_start:who_end].strip() in ("", "nya") \
                    or PRONOUN_SUBJECT.fullmatch(text[who_start:who_end].strip()) \
                    or DESCRIBED.fullmatch(text[who_start:who_end].strip()):
                speaker = self._described(start, inherited, verb)
            else:
                speaker = people.resolve_speaker(who_start, who_end) or inherited
                by_title = DESCRIBED_BY_TITLE.match(text, who_start)
                if speaker is None and (DESCRIBED_TO_END.match(text, who_start)
                                        or (by_title and self.rules.title.match(text, by_title.start(1)))):
                    speaker = self._described(start, inherited, verb)
            interposed = INTERPOSED.match(text, who_start)
            return Quote(speaker.name if speaker else None, verb.removesuffix("nya"), inner, (start, end), "direct",
                         "interposed" if interposed else "after")
        inside = self._inside_verb.search(inner)
        if inside:
            who_start = text.find(inside["who"], start)
            speaker = people.resolve_speaker(who_start, who_start + len(inside["who"]))
            return Quote(speaker.name if speaker else None, inside["verb"], inner, (start, end), "direct",
                         "interposed")
        if inherited:
            return Quote(inherited.name, None, inner, (start, end), "direct", "interposed")
        fronted = self._fronted(start)
        if fronted:
            speaker, verb = fronted
            return Quote(speaker.name if speaker else None, verb, inner, (start, end), "direct", "fronted")
        if stands_alone(self.text, start):
            before = self._sentence_start(start)
            while before > 0 and self.text[before - 1].isspace():
                before -= 1
            speaker = self._back_reference(start, floor=self._sentence_start(max(0, before - 1)))
            if speaker:
                return Quote(speaker.name, None, inner, (start, end), "direct", "before")
        return Quote(None, None, inner, (start, end), "direct", "after")

    def _described(self, start: int, inherited: Person | None, verb: str) -> Person | None:
        """The speaker of a quote at `start` whose tag names nobody ("tuturnya", "kata
        pria ini"): the one speaking on, else the one last spoken of."""
        return inherited or self._fronted_speaker(start) or self._continued(verb, start) or self._back_reference(start) \
            or self._named_before(start) or self.people.last_before(start)

    def _continued(self, verb: str, start: int) -> Person | None:
        """The last speaker, for a verb going on with what was said ("tambahnya") when
        nobody was reported speaking between the last quote and this one, else None."""
        if verb.removesuffix("nya") not in self._continuing or self._last_speaker is None:
            return None
        spoke = any(first_inside(verbs, starts, self._last_end, start) for verbs, starts in (
            (self._reported_verbs, self._reported_starts), (self._fronted_verbs, self._fronted_starts)))
        return None if spoke else self._last_speaker

    def _phrase_end(self, pos: int) -> int:
        return PHRASE_END.search(self.text, pos).start()

    def _sentence_start(self, pos: int) -> int:
        """Where the sentence holding `pos` starts (as if the text ended at `pos`), or
        LOOKBACK characters back, just after a space, if that is later."""
        text = self.text
        at = bisect_right(self._sentence_ends, pos)
        start = self._sentence_ends[at - 1] if at else 0
        floor = max(start, pos - LOOKBACK)
        last = pos - 1
        while last >= floor and text[last].isspace():
            last -= 1
        if last >= floor and STOP.match(text, last):
            start = max(start, last + 1)
        if start < pos - LOOKBACK:
            space = WHITESPACE.search(text, pos - LOOKBACK, pos)
            start = space.end() if space else pos
        return start

    def _fronted(self, quote_start: int):
        """Speaker and verb introducing a quote: "Dalam sambutannya X mengatakan", "Menurut X,"."""
        text = self.text
        lead_start = self._sentence_start(quote_start)
        verb = last_inside(self._reported_verbs, self._reported_starts, lead_start, quote_start)
        if verb and not text[verb.end():quote_start].strip(" ,:bahwa"):
            speaker = self._speaker_before(lead_start, verb.start())
            return speaker, verb["verb"]
        front = first_inside(self._fronted_verbs, self._fronted_starts, lead_start, quote_start)
        if front:
            who_start = front.end()
            comma = text.find(",", who_start, quote_start)
            who_end = comma if comma >= 0 else quote_start
            speaker = self.people.resolve_speaker(who_start, who_end)
            return speaker, front["verb"]
        return None

    def _named_before(self, pos: int) -> Person | None:
        """The last person named in the paragraph before `pos`: a known name, or a name
        introduced with a personal honorific ("Seorang pedagang, Ibu Yusnidar, …")."""
        start = self._paragraph_start(pos)
        found, found_at = None, -1
        for m in NAME_PHRASE.finditer(self.text, start, pos):
            person = self._person_in(m.group(0))
            if person:
                found, found_at = person, m.start()
        for m in self.rules.called_by_name.finditer(self.text, start, pos):
            if m.start() > found_at:
                found = self.people.resolve_speaker(m.start(), m.end()) or found
        return found

    def _paragraph_start(self, pos: int) -> int:
        """The start of the paragraph holding `pos`, or LOOKBACK characters back, just
        after a space, if that is later."""
        floor = max(0, pos - LOOKBACK)
        newline = self.text.rfind("\n", floor, pos)
        if newline >= 0 or floor == 0:
            return newline + 1
        space = WHITESPACE.search(self.text, floor, pos)
        return space.end() if space else pos

    def _fronted_speaker(self, quote_start: int) -> Person | None:
        fronted = self._fronted(quote_start)
        return fronted[0] if fronted else None

    def _speaker_before(self, start: int, verb_start: int) -> Person | None:
        """Who the words from `start` to a speech verb name: a pronoun (the last person
        named), the last mention inside, or capitalised words just before the verb."""
        text = self.text
        adverbs = ADVERBS_BEFORE.search(text, start, verb_start)
        verb_start = adverbs.start() if adverbs else verb_start
        if self._pronoun.search(text, self._last_words_start(start, verb_start, 1), verb_start):
            return self.people.last_before(start)
        named, speaker = self.people.last_mention_within(start, verb_start + 1)
        if named:
            return speaker
        words = NAME_AT_END.search(text, self._last_words_start(start, verb_start, 5), verb_start)
        if words and (" " in words.group(1) or self.people.find_by_name(words.group(1))):
            return self.people.resolve_speaker(words.start(1), words.end(1))
        return None

    def _last_words_start(self, floor: int, end: int, count: int) -> int:
        """A position at or before the start of the last `count` words before `end`
        (after trailing spaces and one comma), not before `floor`."""
        text, pos = self.text, end
        for _ in range(count + 1):
            while pos > floor and text[pos - 1].isspace():
                pos -= 1
            while pos > floor and not text[pos - 1].isspace():
                pos -= 1
        return pos

    def _reported(self, segments) -> list[Quote]:
        """Indirect speech: "X menjelaskan bahwa …", "Menurut X, …" outside quotation marks."""
        text, quotes = self.text, []
        quoted = [(s, e) for s, e, _ in segments]
        quoted_starts = [s for s, _ in quoted]
        attitude = set(self.rules.glossary.data["speech_verbs"]["attitude"])
        for m in self._reported_verbs:
            if inside(quoted, quoted_starts, m.start()) or m["verb"] in attitude \
                    or ATTITUDE_OBJECT.match(text, m.end()):
                continue
            clause_start = CLAUSE_LEAD.match(text, m.end()).end()
            if clause_start >= len(text) or text[clause_start] in OPEN_MARKS:
                continue
            clause_end = self._end_of_clause(clause_start)
            lead_start = self._sentence_start(m.start())
            speaker = self._speaker_before(lead_start, m.start())
            body = text[clause_start:clause_end].strip(" ,")
            if speaker and len(body.split()) >= 4:
                quotes.append(Quote(speaker.name, m["verb"], body, (clause_start, clause_end), "indirect", "reported"))
        for m in MENURUTNYA.finditer(text):
            if inside(quoted, quoted_starts, m.start()):
                continue
            clause_end = self._end_of_clause(m.end())
            speaker = self._back_reference(m.start(), floor=max(0, m.start() - LOOKBACK))
            body = text[m.end():clause_end].strip(" ,")
            if speaker and len(body.split()) >= 4:
                quotes.append(Quote(speaker.name, m["verb"] or m["tag"] or "Menurut", body, (m.end(), clause_end), "indirect", "fronted"))
        for m in self._fronted_verbs:
            if inside(quoted, quoted_starts, m.start()):
                continue
            comma = self._comma.at(m.end())
            comma = comma.start() if comma and comma.start() - m.end() <= LOOKBACK else -1
            newline = self._newline.at(m.end())
            if comma < 0 or (newline and newline.start() < comma) \
                    or text[comma + 1:comma + 3].strip()[:1] in OPEN_MARKS or QUOTE_MARK.search(text, m.end(), comma):
                continue
            speaker = self.people.resolve_speaker(m.end(), comma)
            if self.rules.title.match(text, m.end()):
                comma, speaker = self.people.titled_name_after(comma, speaker)
            clause_end = self._end_of_clause(comma + 1)
            if speaker:
                quotes.append(Quote(speaker.name, m["verb"], text[comma + 1:clause_end].strip(), (comma + 1, clause_end),
                                    "indirect", "fronted"))
        return quotes + fronted_tag_quotes(text, self.people, lambda pos: inside(quoted, quoted_starts, pos), self._end_of_clause)

    def _unmarked(self, found: list[Quote]) -> list[Quote]:
        """Indirect speech ending in a speech verb without quote marks: "Program ini …,
        kata Kepala Dinas X." (the clause is the sentence up to the comma)."""
        text, out = self.text, []
        reported = sorted(q.span for q in found if q.form == "indirect")
        reported_starts = [s for s, _ in reported]
        for m in self._unmarked_verbs.finditer(text):
            if (m.start() and text[m.start() - 1] in OPEN_MARKS) \
                    or inside(self._quoted, self._quoted_starts, m.start()):
                continue
            clause_start = self._sentence_start(m.start())
            body = text[clause_start:m.start()].strip()
            verb, who_start = m["verb"], m.end()
            who_end = self._phrase_end(who_start)
            rest = INTERPOSED_REST.match(text, who_end)
            short = len(body.split()) < 4
            if (short or verb == "menurut") and not rest or not body or any(mark in body for mark in OPEN_MARKS) \
                    or inside(reported, reported_starts, clause_start):
                continue
            end = self._end_of_clause(rest.end()) if rest else m.start()
            body = f"{body.rstrip(' ,')}, {text[rest.end():end].strip()}" if rest else body
            if verb.endswith("nya") or text[who_start:who_end].strip() in ("", "nya") \
                    or PRONOUN_SUBJECT.fullmatch(text[who_start:who_end].strip()):
                speaker = self._named_before(clause_start) or self.people.last_before(clause_start)
            else:
                who = text[who_start:who_end].strip()
                speaker = self.people.resolve_speaker(who_start, who_end) if not short \
                    or (rest and self.rules.title.match(who)) or self.people.find_by_name(who) else None
            if speaker:
                out.append(Quote(speaker.name, verb.removesuffix("nya"), body, (clause_start, end), "indirect",
                                 "interposed" if rest else "after"))
        return out

    def _end_of_clause(self, pos: int) -> int:
        m = self._clause_end.at(pos)
        return m.start() if m else len(self.text)
