"""Quotations and who said them: after-quote (`"…," ujar X`), interposed
(`"…," kata X, "…"`), fronted (`Menurut X, …`, `Dalam sambutannya X mengatakan "…"`) and
reported speech, with straight or curly marks and quotes running over paragraphs.
Imports the rules, the items and the people finder."""

from __future__ import annotations

import re

from press.notes.items import Person, Quote
from press.notes.people import PeopleFinder
from press.notes.rules import CAP, Rules, alternation

OPEN_MARKS = "\"“”"
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“(]|\s*$)|\n")


class QuoteFinder:
    """Finds quotations and attributes them."""

    def __init__(self, text: str, rules: Rules, people: PeopleFinder):
        self.text = text
        self.rules = rules
        self.people = people

    def find(self) -> list[Quote]:
        segments = self._segments()
        quotes = self._reported(segments)
        inherited: Person | None = None
        for index, (start, end, inner) in enumerate(segments):
            quote = self._attribute(start, end, inner, inherited)
            inherited = None
            if quote.form == "interposed" and quote.speaker and index + 1 < len(segments):
                if re.fullmatch(r"[^.\n]*,\s*", self.text[end:segments[index + 1][0]]):
                    inherited = self.people.find_by_name(quote.speaker)
            quotes.append(quote)
        return sorted(quotes, key=lambda q: q.span)

    def _segments(self) -> list[tuple[int, int, str]]:
        """(start, end, inner text) of each quotation, joined across paragraphs when a
        paragraph leaves a quote open and the next one opens with a quote mark."""
        text = self.text
        segments, open_at, parts = [], None, []
        paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        for p_index, (p_start, p_end) in enumerate(paragraphs):
            cursor = p_start
            if open_at is not None:
                if text[p_start] in OPEN_MARKS:
                    cursor = p_start + 1
                else:
                    open_at, parts = None, []
            part_start = cursor
            for i in range(cursor, p_end):
                char = text[i]
                if char not in OPEN_MARKS:
                    continue
                if open_at is None:
                    if char == "”" and i > p_start and not text[i - 1].isspace():
                        continue
                    open_at, part_start, parts = i, i + 1, []
                elif char != "“" or text[i - 1].isspace() is False:
                    parts.append(text[part_start:i])
                    segments.append((open_at, i + 1, " ".join(p.strip() for p in parts)))
                    open_at = None
            if open_at is not None:
                parts.append(text[part_start:p_end])
                if p_index + 1 == len(paragraphs):
                    segments.append((open_at, p_end, " ".join(p.strip() for p in parts)))
        return [(s, e, inner.strip(" ,")) for s, e, inner in segments if len(inner) > 15]

    def _attribute(self, start: int, end: int, inner: str, inherited: Person | None) -> Quote:
        people, text = self.people, self.text
        after = self.rules.after_verb.match(text, end)
        if after:
            verb = after["verb"]
            who_start = after.end()
            who_end = self._phrase_end(who_start)
            speaker = None
            if verb.endswith("nya") or not text[who_start:who_end].strip():
                speaker = inherited or self._fronted_speaker(start) or self._named_before(start) \
                    or people.last_before(start)
            else:
                speaker = people.resolve_speaker(who_start, who_end) or inherited
            interposed = re.match(r"[^.\n\"“”]*,\s*[\"“]", text[who_start:])
            return Quote(speaker.name if speaker else None, verb.removesuffix("nya"), inner, (start, end),
                         "interposed" if interposed else "after")
        inside = re.search(rf",\s*(?P<verb>{self.rules.after_words})\s+(?P<who>[^,]+),", inner)
        if inside:
            who_start = text.find(inside["who"], start)
            speaker = people.resolve_speaker(who_start, who_start + len(inside["who"]))
            return Quote(speaker.name if speaker else None, inside["verb"], inner, (start, end), "interposed")
        if inherited:
            return Quote(inherited.name, None, inner, (start, end), "interposed")
        fronted = self._fronted(start)
        if fronted:
            speaker, verb = fronted
            return Quote(speaker.name if speaker else None, verb, inner, (start, end), "fronted")
        return Quote(None, None, inner, (start, end), "after")

    def _phrase_end(self, pos: int) -> int:
        m = re.search(r"[.;\n\"“”(]|,\s*(?:[a-z]|[\"“])|$", self.text[pos:])
        return pos + m.start()

    def _sentence_start(self, pos: int) -> int:
        starts = [m.end() for m in SENTENCE_END.finditer(self.text, 0, pos)]
        return starts[-1] if starts else 0

    def _fronted(self, quote_start: int):
        """Speaker and verb introducing a quote: "Dalam sambutannya X mengatakan", "Menurut X,"."""
        text = self.text
        lead_start = self._sentence_start(quote_start)
        lead = text[lead_start:quote_start]
        verb = None
        for m in self.rules.reported_verb.finditer(lead):
            verb = m
        if verb and not text[lead_start + verb.end():quote_start].strip(" ,:bahwa"):
            speaker = self._speaker_before(lead_start, lead_start + verb.start())
            return speaker, verb["verb"]
        front = self.rules.fronted.search(lead)
        if front:
            who_start = lead_start + front.end()
            rest = lead[front.end():]
            who_end = who_start + (rest.find(",") if "," in rest else len(rest))
            speaker = self.people.resolve_speaker(who_start, min(who_end, quote_start))
            return speaker, front["verb"]
        return None

    def _named_before(self, pos: int) -> Person | None:
        """The last person named in the paragraph before `pos`: a known name, or a name
        introduced with a personal honorific ("Seorang pedagang, Ibu Yusnidar, …")."""
        start = self.text.rfind("\n", 0, pos) + 1
        found, found_at = None, -1
        for m in re.finditer(rf"{CAP}(?: {CAP}){{0,3}}", self.text[start:pos]):
            person = self.people.find_by_name(m.group(0))
            if person:
                found, found_at = person, m.start()
        for m in re.finditer(rf"\b(?:Ibu|Bapak|Pak|Bu|Sdr\.|Sdri\.)[ \t]+{CAP}(?: {CAP}){{0,3}}", self.text[start:pos]):
            if m.start() > found_at:
                found = self.people.resolve_speaker(start + m.start(), start + m.end()) or found
        return found

    def _fronted_speaker(self, quote_start: int) -> Person | None:
        fronted = self._fronted(quote_start)
        return fronted[0] if fronted else None

    def _speaker_before(self, start: int, verb_start: int) -> Person | None:
        span_text = self.text[start:verb_start]
        if re.search(rf"\b(?:{alternation(self.rules.glossary.data['pronouns'])})\s*$", span_text):
            return self.people.last_before(start)
        mentions = [(s, e, p, t) for s, e, p, t in self.people.mentions if start <= s and e <= verb_start + 1]
        if mentions:
            s, e, person, title = max(mentions, key=lambda m: m[1])
            return person or self.people.resolve_title(title, (s, e))
        words = re.search(rf"({CAP}(?: {CAP}){{0,3}})\s*,?\s*$", span_text)
        if words:
            return self.people.resolve_speaker(start + words.start(1), start + words.end(1))
        return None

    def _reported(self, segments) -> list[Quote]:
        """Indirect speech: "X menjelaskan bahwa …", "Menurut X, …" outside quotation marks."""
        text, quotes = self.text, []
        quoted = [(s, e) for s, e, _ in segments]
        for m in self.rules.reported_verb.finditer(text):
            if any(s <= m.start() < e for s, e in quoted):
                continue
            clause = re.match(r"\s*[,:]?\s*(?:bahwa(?:sanya)?\s+)?", text[m.end():])
            clause_start = m.end() + clause.end()
            if clause_start >= len(text) or text[clause_start] in OPEN_MARKS:
                continue
            clause_end = self._clause_end(clause_start)
            lead_start = self._sentence_start(m.start())
            speaker = self._speaker_before(lead_start, m.start())
            body = text[clause_start:clause_end].strip(" ,")
            if speaker and len(body.split()) >= 4:
                quotes.append(Quote(speaker.name, m["verb"], body, (clause_start, clause_end), "reported"))
        for m in self.rules.fronted.finditer(text):
            if any(s <= m.start() < e for s, e in quoted) or m["verb"] != "Menurut":
                continue
            comma = text.find(",", m.end())
            if comma < 0 or "\n" in text[m.end():comma] or text[comma + 1:comma + 3].strip()[:1] in OPEN_MARKS:
                continue
            speaker = self.people.resolve_speaker(m.end(), comma)
            clause_end = self._clause_end(comma + 1)
            if speaker:
                quotes.append(Quote(speaker.name, m["verb"], text[comma + 1:clause_end].strip(), (comma + 1, clause_end),
                                    "fronted"))
        return quotes

    def _clause_end(self, pos: int) -> int:
        m = re.search(r"[.!?](?=\s+[A-Z\"“(]|\s*$)|\n|,?\s*[\"“]", self.text[pos:])
        return pos + (m.start() if m else len(self.text) - pos)
