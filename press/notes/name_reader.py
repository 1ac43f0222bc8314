"""`NameReader`: `read_name` over one text, each reading remembered by the text around its
position, so a note repeating one phrase reads its names once. Imports the names module
and the rules only."""

from __future__ import annotations

from press.notes.names import WrittenName, read_name
from press.notes.rules import Rules


class NameReader:
    """`read_name` over one text, remembering what it read by the text around the
    position: a note that repeats one phrase ("Wali Kota Bekasi Ahmad, " thousands of
    times) reads each of its names once. A name is remembered only when what decided
    it (two characters before, the name, what follows it) lies inside the key. A reading
    is kept among the RECENT last ones and for good once its key is met again: a note of
    thousands of different names does not keep them all (the garbage collector walked
    every one of them, 100,000 objects more), while a position asked twice, or a phrase
    repeated, is read once."""

    WINDOW = 160
    REACH = 80
    RECENT = 256

    def __init__(self, text: str, rules: Rules, places) -> None:
        self.text, self.rules, self.places = text, rules, places
        self._read: dict[str, tuple[WrittenName | None, int]] = {}
        self._recent: dict[str, tuple[WrittenName | None, int]] = {}

    def at(self, pos: int) -> WrittenName | None:
        text = self.text
        if pos < 2 or pos + self.WINDOW >= len(text):
            return read_name(text, pos, self.rules, self.places)
        key = text[pos - 2:pos + self.WINDOW]
        known = self._read.get(key)
        if known is None:
            known = self._recent.get(key)
            if known is not None:
                self._read[key] = known
        if known is not None:
            written, at = known
            return written if written is None or at == pos else _shifted(written, pos - at)
        written = read_name(text, pos, self.rules, self.places)
        if written is None or written.end - pos <= self.REACH:
            if len(self._recent) >= self.RECENT:
                self._recent.clear()
            self._recent[key] = (written, pos)
        return written


def _shifted(written: WrittenName, by: int) -> WrittenName:
    return written._replace(end=written.end + by, name_span=(written.name_span[0] + by, written.name_span[1] + by))
