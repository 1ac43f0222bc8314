"""Titles against the people register, and the order of precedence of a "Turut hadir" list.

``check_titles`` reads the people register's persons (``press.models.Person``, passed in by
the service: ``name``, ``positions`` and ``position_on(day)``, the register's one answer to
"who held what on that day"): on the activity's date, a person given a title the register
says they did not hold, held only as Plt./Pj./Plh./Pjs., held before and left, or held that
day by someone else.

``check_precedence`` ranks the titles of an attendance list by
``press/drafting/data/precedence.json`` (UU 9/2010, PP 39/2018) and proposes the list in
that order; :func:`precedence_rank` is what the drafting templates sort by.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from press.errors import N_

from .finding import Finding, finding_at
from .rule_data import rule_data

ACTING = re.compile(r"(?:(Plt|Plh|Pjs|Pj)\.?|Pelaksana Tugas|Pelaksana Harian|Penjabat Sementara|Penjabat)\s+$")
ACTING_WORDS = {"Pelaksana Tugas": "Plt.", "Pelaksana Harian": "Plh.", "Penjabat Sementara": "Pjs.", "Penjabat": "Pj."}
BOUNDARY = re.compile(r"[.;:\n(\"“”]|\bdan\b|\bserta\b")
ATTENDANCE = re.compile(
    r"(?:Turut|Tampak|Juga)?\s*[Hh]adir(?:\s+(?:pula|juga))?(?:\s+(?:dalam|pada)\s+[^,.\n]{0,40}?\b(?:tersebut|ini|itu))?"
    r"(?:\s+(?:di antaranya|antara lain))?,?\s+")
LIST_END = re.compile(r"\.(?:\s|$)|\n|$")
TAIL = re.compile(r"\s*(?:,\s*)?(?:beserta|serta|dan)\s+(?:jajaran|undangan|tamu|para|seluruh)\b.*$", re.I | re.S)
SEPARATOR = re.compile(r",\s*(?:dan|serta)\s+|,\s*|\s+(?:dan|serta)\s+")
UNRANKED = 99


def _norm(title: str, forms: dict[str, str]) -> str:
    title = " ".join(title.split())
    return " ".join(forms.get(title, title).lower().split())


def _same(written: str, held: str) -> bool:
    """"Wali Kota Bekasi" is the register's "Wali Kota" (one starts with the other, by words)."""
    a, b = written.split(), held.split()
    n = min(len(a), len(b))
    return n > 0 and a[:n] == b[:n]


def check_titles(body: str, register, day: date | None, title_forms: dict[str, str] | None = None) -> list[Finding]:
    if not day or not register:
        return []
    forms = dict(title_forms or {})
    title_pattern = _title_pattern(frozenset({p.title for person in register for p in person.positions} | set(forms)))
    on_day = {person.name: person.position_on(day) for person in register}
    found = []
    for person in register:
        for match in re.finditer(rf"(?<!\w){re.escape(person.name)}(?!\w)", body):
            finding = _title_finding(body, match.start(), person, on_day, day, forms, title_pattern)
            if finding:
                found.append(finding)
    return found


@lru_cache(maxsize=8)
def _title_pattern(titles: frozenset[str]) -> re.Pattern:
    ordered = sorted(titles, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(t) for t in ordered) + r")(?![\w])")


def _written_title(body: str, start: int, title_pattern):
    """The title written before the name at ``start`` ("Pj. Wali Kota Bekasi, H. Nama"): its
    span, its text and the acting prefix written with it."""
    window_start = max(0, start - 90)
    window = body[window_start:start]
    cut = max((m.end() for m in BOUNDARY.finditer(window)), default=0)
    segment = window[cut:]
    trimmed = segment.rstrip().rstrip(",")
    last_comma = trimmed.rfind(",")
    if last_comma >= 0:
        cut, segment = cut + last_comma + 1, segment[last_comma + 1:]
    match = title_pattern.search(segment)
    if not match:
        return None
    offset = window_start + cut
    title_start, title_end = offset + match.start(), offset + match.end()
    acting = ACTING.search(body[max(0, title_start - 20):title_start])
    prefix = None
    if acting:
        prefix = f"{acting.group(1)}." if acting.group(1) else ACTING_WORDS[acting.group().strip()]
    return (title_start, title_end), match.group(), prefix


def _title_finding(body, start, person, on_day, day, forms, title_pattern) -> Finding | None:
    written = _written_title(body, start, title_pattern)
    if not written:
        return None
    span, title, acting = written
    wanted, name = _norm(title, forms), person.name
    now = on_day[name]
    when = day.strftime("%d-%m-%Y")
    if now is not None and _same(wanted, _norm(now.title, forms)):
        if now.acting and acting != now.acting:
            replacement = f"{now.acting} {title}"
            return finding_at(
                body, "title_register", span,
                N_("Pada %(date)s %(name)s menjabat %(title)s hanya sebagai %(acting)s (daftar pejabat)."),
                N_("Tulis “%(replacement)s”."),
                {"date": when, "name": name, "title": title, "acting": now.acting},
                {"replacement": replacement}, replacement)
        return None
    current = now.display_title if now is not None else None
    former = [p for p in person.positions if _same(wanted, _norm(p.title, forms)) and p.ends_on and p.ends_on < day]
    if former:
        return finding_at(
            body, "title_register", span,
            N_("%(name)s tidak lagi menjabat %(title)s pada %(date)s (sampai %(ended)s)."),
            N_("Tulis jabatannya pada tanggal kegiatan: “%(current)s”.") if current
            else N_("Periksa jabatannya pada tanggal kegiatan di daftar pejabat."),
            {"name": name, "title": title, "date": when, "ended": former[-1].ends_on.strftime("%d-%m-%Y")},
            {"current": current or ""}, current)
    others = sorted(other for other, held in on_day.items()
                    if other != name and held is not None and _same(wanted, _norm(held.title, forms)))
    if others:
        return finding_at(
            body, "title_register", span,
            N_("Pada %(date)s yang menjabat %(title)s adalah %(holder)s, bukan %(name)s."),
            N_("Periksa nama atau jabatannya di daftar pejabat."),
            {"date": when, "title": title, "holder": ", ".join(others), "name": name})
    if not person.positions:
        return None
    return finding_at(
        body, "title_register", span,
        N_("Menurut daftar pejabat, %(name)s tidak menjabat %(title)s pada %(date)s."),
        N_("Tulis jabatannya pada tanggal kegiatan: “%(current)s”.") if current
        else N_("Periksa jabatannya di daftar pejabat."),
        {"name": name, "title": title, "date": when}, {"current": current or ""}, current)


# -- order of precedence ----------------------------------------------------------------------

ACTING_PREFIX_AT_START = re.compile(r"^(?:(?:Plt|Plh|Pjs|Pj)\.?|Pelaksana Tugas|Pelaksana Harian|Penjabat)\s+")


def precedence_rank(title: str | None) -> int:
    """The rank of a title (1 goes first) from the start of ``title``; 99 when it has none."""
    text = ACTING_PREFIX_AT_START.sub("", " ".join((title or "").split()))
    for known, rank in rule_data().ranks:
        if text == known or text.startswith(known + " ") or text.startswith(known + ","):
            return rank
    return UNRANKED


def in_precedence(people, title_of=lambda p: p.get("title")) -> list:
    """``people`` in the order of precedence of their titles (the same rank keeps the given order)."""
    return sorted(people, key=lambda person: precedence_rank(title_of(person)))


def _items(text: str, offset: int):
    """The list's items as (start, end) into the body: "Title Name" items; a name alone after a
    comma ("Kepala Bagian Humas, Sajekti Rubiyah") stays with the title before it."""
    items, cursor = [], 0
    for sep in list(SEPARATOR.finditer(text)) + [None]:
        end = sep.start() if sep else len(text)
        piece = text[cursor:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            span = [offset + cursor + lead, offset + end]
            if items and precedence_rank(piece.strip()) == UNRANKED and _bare_name(piece.strip()):
                items[-1][1] = span[1]
            else:
                items.append(span)
        cursor = sep.end() if sep else len(text)
    return items


def _bare_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() or w.endswith(".") for w in words)


def check_precedence(body: str) -> list[Finding]:
    found = []
    for match in ATTENDANCE.finditer(body):
        if match.start() and body[match.start() - 1] not in " \n":
            continue
        end = LIST_END.search(body, match.end()).start()
        listed = body[match.end():end]
        tail = TAIL.search(listed)
        if tail:
            listed = listed[:tail.start()]
        items = _items(listed, match.end())
        ranks = [precedence_rank(body[s:e]) for s, e in items]
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
            N_("Urutkan: kepala daerah, wakil, pimpinan DPRD, Forkopimda dan sekretaris daerah, lalu kepala perangkat daerah."),
            {"first": first}, {}, replacement))
    return found
