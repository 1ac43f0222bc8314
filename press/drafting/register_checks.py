"""Titles against the people register (the order of precedence is in ``precedence.py``).

``check_titles`` reads the people register's persons (``press.models.Person``, passed in by
the service: ``name``, ``positions`` and ``position_on(day)``, the register's one answer to
"who held what on that day"): on the activity's date, a person given a title the register
says they did not hold, held only as Plt./Pj./Plh./Pjs., held before and left, or held that
day by someone else.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from press.errors import N_

from .finding import Finding, finding_at

ACTING = re.compile(r"(?:(Plt|Plh|Pjs|Pj)\.?|Pelaksana Tugas|Pelaksana Harian|Penjabat Sementara|Penjabat)\s+$")
ACTING_WORDS = {"Pelaksana Tugas": "Plt.", "Pelaksana Harian": "Plh.", "Penjabat Sementara": "Pjs.", "Penjabat": "Pj."}
BOUNDARY = re.compile(r"[.;:\n(\"“”]|\bdan\b|\bserta\b")


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
