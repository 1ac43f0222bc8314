"""Places in a note: region phrases (Kota, Kabupaten, Provinsi, Kecamatan, Kelurahan,
Desa), provinces by name, and venues (Aula, Gedung, Pendopo, Balai, Ruang Rapat …).
Imports the rules and the items."""

from __future__ import annotations

import re

from press.notes.items import Place
from press.notes.rules import Rules, alternation


def find_places(text: str, rules: Rules, multiword: list[str] = ()) -> list[Place]:
    data = rules.glossary.data
    found: dict[tuple[str, str], Place] = {}
    compass = alternation(data["compass_words"])
    names = "|".join([re.escape(n) for n in multiword] + [rf"[A-Z][a-z][\w'-]*(?:[ \t]+(?:{compass})\b)*"])
    for m in re.finditer(rf"(?<![\w])({alternation(data['region_words'])})[ \t]+({names})", text):
        if re.search(r"(?:Wali|Walikota|Wakil)\s*$", text[max(0, m.start() - 12):m.start()]):
            continue
        word, name = m.group(1), m.group(2)
        if word == "Provinsi":
            province = _province_at(text, m.start(2), data["provinces"])
            name = province or name
            place = Place(name, "provinsi", (m.start(2), m.start(2) + len(name)))
        elif name.split()[0] in data["region_words"] or name.split()[0] in ("Atau", "Yang"):
            continue
        else:
            place = Place(f"{word} {name}", data["region_words"][word], (m.start(), m.end()))
        found.setdefault((place.name, place.kind), place)
    for province in data["provinces"]:
        for m in re.finditer(rf"(?<![\w]){re.escape(province)}(?![\w])", text):
            found.setdefault((province, "provinsi"), Place(province, "provinsi", (m.start(), m.end())))
    venue_words = alternation(data["venue_words"])
    for m in re.finditer(rf"(?<![\w])(?:{venue_words})(?:[ \t]+(?:[A-Z][\w'-]*|\d+)){{1,6}}", text):
        name = m.group(0)
        if name.split()[-1] in rules.stop_names and len(name.split()) == 2:
            continue
        found.setdefault((name, "venue"), Place(name, "venue", (m.start(), m.start() + len(name))))
    return sorted(found.values(), key=lambda p: p.span)


def _province_at(text: str, pos: int, provinces: list[str]) -> str | None:
    for province in sorted(provinces, key=len, reverse=True):
        if text.startswith(province, pos):
            return province
    return None
