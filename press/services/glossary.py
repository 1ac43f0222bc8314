"""The admin's extra glossary: the instance's JSON file (``instance/glossary.json``, or
``GLOSSARY_PATH``) validated, tried on a sample note and merged over the built-in
glossary of ``press.notes``.

An extra glossary is a JSON object whose keys are glossary keys and whose values have
the built-in value's shape; nothing in it is nested deeper than MAX_DEPTH levels (the
built-in one needs two), which is checked before the JSON is parsed, so a file nested
thousands deep is refused with a reason instead of exhausting the parser's stack.
Takes a session and the acting user, never imports Flask, never commits.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

from sqlalchemy.orm import Session

from press.errors import N_
from press.models import User
from press.notes import ActivityContext, Glossary, extract, load_glossary
from press.notes.glossary import merge

from .audit import record
from .notes import NoteError

MAX_DEPTH = 20
JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')

_GLOSSARIES: dict[tuple, Glossary] = {}
EXTRA_FILE_NAME = "glossary.json"


def extra_path(config, instance_path: str | Path) -> str:
    """Where the admin's extra glossary lives: ``GLOSSARY_PATH``, else the instance folder."""
    return config.get("GLOSSARY_PATH") or os.path.join(instance_path, EXTRA_FILE_NAME)


def glossary_for(extra_path: str | Path | None) -> Glossary:
    """The built-in glossary with the instance's extra file merged over it; re-read when
    the file changes (a broken file on disk falls back to the built-in glossary)."""
    if not extra_path or not os.path.exists(extra_path):
        return load_glossary()
    stat = os.stat(extra_path)
    key = (str(extra_path), stat.st_mtime_ns, stat.st_size)
    if key not in _GLOSSARIES:
        try:
            data = parse_glossary_extra(Path(extra_path).read_text(encoding="utf-8"))
        except (NoteError, OSError, UnicodeDecodeError):
            return load_glossary()
        _GLOSSARIES.clear()
        _GLOSSARIES[key] = Glossary(merge(load_glossary().data, data))
    return _GLOSSARIES[key]


def read_glossary_extra(extra_path: str | Path) -> str:
    path = Path(extra_path)
    return path.read_text(encoding="utf-8") if path.exists() else "{}\n"


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


def save_glossary_extra(session: Session, extra_path: str | Path, text: str, actor: User | None) -> dict:
    """Check the extra glossary, try it on a sample note, then write it atomically."""
    data = parse_glossary_extra(text)
    glossary = Glossary(merge(load_glossary().data, data))
    try:
        extract("Wali Kota Bekasi H. Ahmad Suryana, S.E. mengatakan \"Terima kasih,\" ujarnya, Kamis (30/9/2021).",
                ActivityContext(), glossary)
    except Exception as error:  # the merged data must still build the extractor's patterns
        raise NoteError(N_("Glosarium tidak dapat dipakai: %(reason)s."), reason=str(error)) from None
    path = Path(extra_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    record(session, actor, "glossary.saved", GlossaryFile(), keys=sorted(data))
    return data


class GlossaryFile:
    """The audit event's object for the instance glossary (there is one; no id)."""

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
