"""``flask notes extract FILE [--activity ID]`` and ``flask notes add FILE --activity ID``.

``extract`` prints what the extractor finds in a note as one JSON object: ``people``
[{name, title, organisation, ranks, honorifics, degrees, span, …}], ``organisations`` [{name,
abbreviation, span, …}], ``places`` [{name, kind, span}], ``dates`` [{date (ISO, or
``--MM-DD`` when the year is unknown and no activity gives it), text, weekday_mismatch,
span, …}], ``quotes`` [{speaker (full name), verb, text, form ("direct" | "indirect"),
span, …}], plus ``cleaning`` (what the cleaning changed) and ``text`` (the cleaned text
the spans point into). With ``--activity`` the activity completes the note and the
corrections writers made on its notes' review pages are applied, as when a note is added.
``add`` stores the note on an activity as the upload page does and prints its id; the
note is committed before it is extracted, so when the extraction fails the id is still
printed (``{"id": …, "extracted": false}`` with ``--json``) and stderr says the note is
"belum diekstrak" (extract it again from its page).
Bad input (a file that is missing, a folder, binary, too large or unreadable; an
activity id that does not exist): the reason on stderr, exit status 1, no traceback.
"""
from __future__ import annotations

import json
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select

from press.codes import Role
from press.errors import ServiceError
from press.extensions import db
from press.models import Activity, User
from press.numbers import parse_id
from press.notes import clean
from press.services import glossary as glossaries
from press.services import access
from press.services import notes as service

from .language import label, refusal_text
from .params import DATABASE_ID

@click.group("notes", cls=AppGroup)
def notes() -> None:
    """Writers' notes: extract, add."""


def _activity(activity_id: int | None) -> Activity | None:
    if activity_id is None:
        return None
    activity = db.session.get(Activity, activity_id) if parse_id(activity_id) else None
    if activity is None:
        raise click.ClickException(f"Kegiatan {activity_id} tidak ada.")
    return activity


def _file_bytes(path: str) -> tuple[str, bytes]:
    """(name, bytes) of the note file at `path`; a ClickException saying why not."""
    file = Path(path)
    limit = current_app.config["MAX_UPLOAD_BYTES"]
    try:
        if file.is_dir():
            raise click.ClickException(f"{path} adalah folder, bukan berkas catatan.")
        if not file.is_file():
            raise click.ClickException(f"Berkas {path} tidak ada.")
        size = file.stat().st_size
        if size > limit:
            raise click.ClickException(f"Berkas {path} terlalu besar ({size / 1048576:.1f} MB; "
                                       f"paling besar {limit // 1048576} MB).")
        return file.name, file.read_bytes()
    except OSError as error:
        raise click.ClickException(f"Berkas {path} tidak dapat dibaca: {error.strerror or error}.") from None


def _read(path: str):
    read, refusal = service.read_upload(*_file_bytes(path))
    if refusal is not None:
        raise click.ClickException(refusal_text(refusal))
    return read


@notes.command("extract")
@click.argument("path", metavar="FILE")
@click.option("--activity", "activity_id", type=DATABASE_ID, default=None,
              help="Complete the note from this activity (year, region, who holds a title) and apply "
                   "the corrections remembered for it.")
def extract_command(path: str, activity_id: int | None) -> None:
    """Print what the extractor finds in FILE (.txt, .md, .docx) as one JSON object."""
    activity = _activity(activity_id)
    read = _read(path)
    cleaned = clean(read.text)
    found = service.extraction_of(db.session, cleaned.text, activity, glossaries.glossary_for(db.session))
    found["cleaning"] = cleaned.changes
    found["encoding"] = read.encoding
    found["text"] = cleaned.text
    click.echo(json.dumps(found, ensure_ascii=False, indent=2))


@notes.command("add")
@click.argument("path", metavar="FILE")
@click.option("--activity", "activity_id", type=DATABASE_ID, required=True, help="The activity the note belongs to.")
@click.option("--as", "email", default=None, help="Add it as this writer or editor (the author).")
@click.option("--json", "as_json", is_flag=True, help='Print {"id": …, "extracted": true|false}.')
def add_command(path: str, activity_id: int, email: str | None, as_json: bool) -> None:
    """Store FILE as a note of an activity (cleaned, extracted, indexed) and print its id."""
    activity = _activity(activity_id)
    author = None
    if email:
        author = db.session.scalar(select(User).where(User.email == email.strip().lower()))
        if author is None:
            raise click.ClickException(f"Tidak ada akun {email}.")
        if not access.allows(db.session, author, "note.write", activity):
            raise click.ClickException(f"{email} ({label(Role(author.role))}) tidak boleh menambah catatan "
                                       "pada kegiatan ini.")
    upload = _file_bytes(path)
    try:
        result = service.add_note(db.session, activity, author, upload=upload)
    except ServiceError as exc:
        db.session.rollback()
        raise click.ClickException(refusal_text(exc)) from exc
    if result.refusal is not None:
        db.session.rollback()
        raise click.ClickException(refusal_text(result.refusal))
    db.session.commit()
    note = result.note
    extracted = service.extract_note(db.session, note, author, glossaries.glossary_for(db.session))
    db.session.commit()
    if as_json:
        click.echo(json.dumps({"id": note.id, "extracted": extracted}))
    else:
        click.echo(note.id)
    if not extracted:
        click.echo(f"Catatan {note.id} disimpan, tetapi belum diekstrak: ekstraksi gagal (lihat log). "
                   "Ekstrak lagi dari halaman catatannya.", err=True)
