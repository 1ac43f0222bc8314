"""The order of precedence (tata tempat): the rank of a title at an event of the host region,
the drafting templates' order of those present, and the check of a "Turut hadir" list.

Ranks come from ``data/precedence.json`` (UU 9/2010, PP 39/2018; its ``_source`` says which
part each rank follows). A title is read from the start of an item ("Bupati Karawang Aep
Syaepuloh"); what follows it says whose it is: a province ("Provinsi", a province's name)
makes it the province's, another regency or city than the host's makes it a peer of another
region, ranked right after the host's holder of the title; the centre's and the province's
own titles (Menteri, Anggota DPR RI, Gubernur, Kapolda) go before the host's head of region.

The host region is given ("Kota Bekasi", "Bekasi") or read from the body: the dateline's
city ("SUBANG –"), else the first head of region named with a region ("Wali Kota Bekasi").
Without one every title is the host's.
"""
from __future__ import annotations

import re
from functools import lru_cache

from press.errors import N_
from press.notes.glossary import load_glossary

from .finding import Finding, finding_at
from .rule_data import rule_data

ATTENDANCE = re.compile(
    r"(?:Turut|Tampak|Juga)?\s*[Hh]adir(?:\s+(?:pula|juga))?(?:\s+(?:dalam|pada)\s+[^,.\n]{0,40}?\b(?:tersebut|ini|itu))?"
    r"(?:\s+(?:di antaranya|antara lain))?,?\s+")
LIST_END = re.compile(r"\.(?:\s|$)|\n|$")
TAIL = re.compile(r"\s*(?:,\s*)?(?:beserta|serta|dan)\s+(?:jajaran|undangan|tamu|para|seluruh)\b.*$", re.I | re.S)
SEPARATOR = re.compile(r",\s*(?:dan|serta)\s+|,\s*|\s+(?:dan|serta)\s+")
ACTING_PREFIX_AT_START = re.compile(r"^(?:(?:Plt|Plh|Pjs|Pj)\.?|Pelaksana Tugas|Pelaksana Harian|Penjabat)\s+")
DATELINE_CITY = re.compile(r"\A\s*([A-Z][A-Z .'-]+?)\s*[–—-]\s")
HEAD_KINDS = {"bupati": "kabupaten", "wakil bupati": "kabupaten", "wali kota": "kota", "walikota": "kota",
              "wakil wali kota": "kota", "wakil walikota": "kota"}
UNRANKED = 99


@lru_cache(maxsize=1)
def _places():
    """(regions pattern, regions, provinces pattern, names that are only provinces)."""
    glossary = load_glossary()
    regions = glossary.regions
    provinces = set(glossary.data["provinces"]) | set(glossary.data["province_short_forms"])

    def pattern(names):
        ordered = sorted(names, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:(Kabupaten|Kab\.|Kota)\s+)?(" + "|".join(re.escape(n) for n in ordered)
                          + r")(?![\w-])")
    return pattern(regions), regions, pattern(provinces), frozenset(provinces - set(regions))


def _region_in(text: str, title: str = "") -> tuple[str | None, str | None]:
    """(kind, name) of the regency or city ``text`` names first ("Kota Bandung" → ("kota",
    "Bandung")); the kind from the title ("Bupati") when the text does not say it."""
    region_pattern, regions, _provinces, _only = _places()
    match = region_pattern.search(text)
    if not match:
        return None, None
    word = (match.group(1) or "").rstrip(".").lower()
    kind = {"kab": "kabupaten", "kabupaten": "kabupaten", "kota": "kota"}.get(word) or HEAD_KINDS.get(title.lower())
    name = regions[match.group(2)][0]["name"]
    return kind, name


def _names_province(text: str) -> bool:
    _region_pattern, _regions, province_pattern, only_provinces = _places()
    return bool(re.search(r"\bProvinsi\b|\bProv\.", text)) or any(
        m.group(2) in only_provinces for m in province_pattern.finditer(text))


def host_region(body: str, given: str | None = None) -> tuple[str | None, str | None] | None:
    """The host region as (kind, name): ``given`` (a region, or the dateline "BEKASI –"), else
    the dateline's city in the body; its kind ("kota") from the first head of region named
    with it ("Wali Kota Bekasi"); without a name, the first head of region named with a
    region. None when the text does not tell."""
    if given:
        given = given.strip(" –—-")
        kind, name = _region_in(given.title() if given.isupper() else given)
    else:
        city = DATELINE_CITY.match(body or "")
        kind, name = _region_in(city.group(1).title()) if city else (None, None)
    if kind:
        return kind, name
    region_pattern, regions, _provinces, _only = _places()
    for match in re.finditer(r"(?<!Wakil )\b(Wali Kota|Walikota|Bupati)\s+", body or ""):
        region = region_pattern.match(body, match.end())
        if region and not region.group(1):
            head = HEAD_KINDS[match.group(1).lower()], regions[region.group(2)][0]["name"]
            if name is None or (head[1] == name and kind in (None, head[0])):
                return head
    return (kind, name) if name else None


@lru_cache(maxsize=4096)
def precedence_rank(title: str | None, host=None) -> float:
    """The rank of a title (1 goes first; the centre's and the province's below 1) from the
    start of ``title``, at an event of the ``host`` region ((kind, name), or None); 99 when
    it has none."""
    data = rule_data()
    text = ACTING_PREFIX_AT_START.sub("", " ".join((title or "").split()))
    for known, rank in data.guest_ranks:
        if _starts(text, known):
            return rank
    if text.startswith("Anggota ") and any(re.search(rf"(?<![\w-]){re.escape(b)}(?![\w-])", text)
                                           for b in data.centre_bodies):
        return data.centre_member_rank
    for known, rank in data.ranks:
        if not _starts(text, known):
            continue
        rest = text[len(known):]
        if _names_province(rest) and not _region_in(rest, known)[1]:
            return data.province_of_host_rank.get(rank, rank - data.province_offset)
        if host:
            kind, name = _region_in(rest, known)
            if name and (name != host[1] or (kind and host[0] and kind != host[0])):
                return rank + data.other_region_offset
        return rank
    return UNRANKED


def _starts(text: str, known: str) -> bool:
    return text == known or text.startswith(known + " ") or text.startswith(known + ",")


def in_precedence(people, title_of=lambda p: p.get("title"), host: str | None = None) -> list:
    """``people`` in the order of precedence of their titles at an event of the ``host``
    region ("Kota Bekasi"; the same rank keeps the given order)."""
    region = host_region("", host) if host else None
    return sorted(people, key=lambda person: precedence_rank(title_of(person), region))


def _items(text: str, offset: int, host):
    """The list's items as (start, end) into the body: "Title Name" items; a name alone after a
    comma ("Kepala Bagian Humas, Sajekti Rubiyah") stays with the title before it."""
    items, cursor = [], 0
    for sep in list(SEPARATOR.finditer(text)) + [None]:
        end = sep.start() if sep else len(text)
        piece = text[cursor:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            span = [offset + cursor + lead, offset + end]
            if items and precedence_rank(piece.strip(), host) == UNRANKED and _bare_name(piece.strip()):
                items[-1][1] = span[1]
            else:
                items.append(span)
        cursor = sep.end() if sep else len(text)
    return items


def _bare_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() or w.endswith(".") for w in words)


def check_precedence(body: str, host: str | None = None) -> list[Finding]:
    region = host_region(body, host)
    found = []
    for match in ATTENDANCE.finditer(body):
        if match.start() and body[match.start() - 1] not in " \n":
            continue
        end = LIST_END.search(body, match.end()).start()
        listed = body[match.end():end]
        tail = TAIL.search(listed)
        if tail:
            listed = listed[:tail.start()]
        items = _items(listed, match.end(), region)
        ranks = [precedence_rank(body[s:e], region) for s, e in items]
        ranked = [i for i, rank in enumerate(ranks) if rank != UNRANKED]
        if len(ranked) < 2 or all(ranks[a] <= ranks[b] for a, b in zip(ranked, ranked[1:])):
            continue
        order = sorted(ranked, key=lambda i: ranks[i])
        texts = [body[s:e] for s, e in items]
        for slot, source in zip(ranked, order):
            texts[slot] = body[items[source][0]:items[source][1]]
        start, stop = items[0][0], items[-1][1]
        pieces, cursor = [], start
        for (s, e), text in zip(items, texts):
            pieces += [body[cursor:s], text]
            cursor = e
        replacement = "".join(pieces)
        first = body[items[order[0]][0]:items[order[0]][1]]
        found.append(finding_at(
            body, "precedence", (start, stop),
            N_("Urutan yang hadir tidak mengikuti tata tempat (UU 9/2010, PP 39/2018): “%(first)s” lebih dahulu."),
            N_("Urutkan: pejabat pusat dan provinsi, kepala daerah (tamu dari daerah lain sesudah tuan rumah yang "
               "setara), wakil, pimpinan DPRD, Forkopimda dan sekretaris daerah, lalu kepala perangkat daerah."),
            {"first": first}, {}, replacement))
    return found
