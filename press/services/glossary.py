"""The admin's extra glossary: the ``glossary_entry`` rows (one per glossary key),
validated, tried on a sample note and merged over the built-in glossary of
``press.notes``.

In the database, not a node's instance folder, so every node sees a change at once: each
read selects the rows, and the merged :class:`Glossary` is cached only under the rows'
content, so a cached one is never out of date. (Migration 0022 copies an office's old
``instance/glossary.json`` into the table.)

An extra glossary is a JSON object whose keys are glossary keys and whose values have
the built-in value's shape; nothing in it is nested deeper than MAX_DEPTH levels (the
built-in one needs two), which is checked before the JSON is parsed, so a text nested
thousands deep is refused with a reason instead of exhausting the parser's stack.
Takes a session and the acting user, never imports Flask, never commits.
"""
from __future__ import annotations

import json
import re

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from press.errors import N_
from press.models import GlossaryEntry, User
from press.notes import ActivityContext, Glossary, extract, load_glossary
from press.notes.glossary import merge

from .audit import record
from .notes import NoteError

MAX_DEPTH = 20
JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')

_GLOSSARIES: dict[tuple, Glossary] = {}


def _rows(session: Session) -> tuple[tuple[str, str], ...]:
    return tuple(tuple(row) for row in session.execute(select(GlossaryEntry.key, GlossaryEntry.value)
                                 .order_by(GlossaryEntry.position, GlossaryEntry.key)).all())


def extra_data(session: Session) -> dict:
    """The admin's additions as one extra-glossary object (empty when there are none)."""
    return {key: json.loads(value) for key, value in _rows(session)}


def glossary_for(session: Session) -> Glossary:
    """The built-in glossary with the admin's additions merged over it, as stored now."""
    rows = _rows(session)
    if not rows:
        return load_glossary()
    if rows not in _GLOSSARIES:
        data = {key: json.loads(value) for key, value in rows}
        _GLOSSARIES.clear()
        _GLOSSARIES[rows] = Glossary(merge(load_glossary().data, data))
    return _GLOSSARIES[rows]


def read_glossary_extra(session: Session) -> str:
    """The admin's additions as the JSON text the glossary page edits."""
    data = extra_data(session)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n" if data else "{}\n"


def parse_glossary_extra(text: str) -> dict:
    """Parse and check an extra glossary: a JSON object whose keys are glossary keys and
    whose values have the built-in value's shape. Raises :class:`NoteError` saying where."""
    depth = nesting_depth(text or "{}")
    if depth > MAX_DEPTH:
        raise NoteError(N_("Glosarium bersarang terlalu dalam (%(depth)s tingkat; paling banyak %(limit)s). "
                           "Gunakan bentuk glosarium bawaan: objek berisi daftar teks."), depth=depth, limit=MAX_DEPTH)
    try:
        data = json.loads(text or "{}")
    except json.JSONDecodeError as error:
        raise NoteError(N_("Bukan JSON yang sah: %(reason)s (baris %(line)s, kolom %(column)s)."),
                        reason=error.msg, line=error.lineno, column=error.colno) from None
    if not isinstance(data, dict):
        raise NoteError(N_("Glosarium harus berupa objek JSON { … }."))
    builtin = load_glossary().data
    for key, value in data.items():
        if key not in builtin:
            raise NoteError(N_("Kunci “%(key)s” tidak dikenal. Kunci yang boleh: %(keys)s."),
                            key=key, keys=", ".join(sorted(builtin)))
        _check_shape(key, value, builtin[key])
    if "months" in data and not set(data["months"]) <= {str(n) for n in range(1, 13)}:
        raise NoteError(N_("Kunci bulan harus angka 1 sampai 12."))
    if "weekdays" in data and not set(data["weekdays"]) <= set(builtin["weekdays"]):
        raise NoteError(N_("Nama hari harus salah satu dari: %(keys)s."), keys=", ".join(builtin["weekdays"]))
    return data


def _check_shape(key: str, value, model, where: str | None = None) -> None:
    where = where or key
    if isinstance(model, dict):
        if not isinstance(value, dict):
            raise NoteError(N_("“%(key)s” harus berupa objek { … }."), key=where)
        sample = next(iter(model.values()))
        for name, inner in value.items():
            if not name.strip():
                raise NoteError(N_("“%(key)s” berisi nama kosong."), key=where)
            _check_shape(key, inner, model.get(name, sample), f"{where} → {name}")
    elif isinstance(model, list):
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise NoteError(N_("“%(key)s” harus berupa daftar teks [\"…\", \"…\"] tanpa isian kosong."), key=where)
    elif not isinstance(value, str) or not value.strip():
        raise NoteError(N_("“%(key)s” harus berupa teks yang tidak kosong."), key=where)


def save_glossary_extra(session: Session, text: str, actor: User | None) -> dict:
    """Check the extra glossary, try it on a sample note, then replace the stored rows."""
    data = parse_glossary_extra(text)
    glossary = Glossary(merge(load_glossary().data, data))
    try:
        extract("Wali Kota Bekasi H. Ahmad Suryana, S.E. mengatakan \"Terima kasih,\" ujarnya, Kamis (30/9/2021).",
                ActivityContext(), glossary)
    except Exception as error:  # the merged data must still build the extractor's patterns
        raise NoteError(N_("Glosarium tidak dapat dipakai: %(reason)s."), reason=str(error)) from None
    store_glossary_extra(session, data)
    record(session, actor, "glossary.saved", GlossaryFile(), keys=sorted(data))
    return data


def store_glossary_extra(session: Session, data: dict) -> None:
    """Replace the stored additions by ``data`` (already checked), keeping its order."""
    session.execute(delete(GlossaryEntry))
    session.add_all(GlossaryEntry(key=key, value=json.dumps(value, ensure_ascii=False), position=position)
                    for position, (key, value) in enumerate(data.items()))
    session.flush()


class GlossaryFile:
    """The audit event's object for the admin's glossary (there is one; no id)."""

    id = None


def nesting_depth(text: str) -> int:
    """How deeply the arrays and objects of a JSON text nest (brackets inside strings
    do not count); one pass, no parsing."""
    depth = deepest = 0
    for token in JSON_TOKEN.findall(text):
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest
