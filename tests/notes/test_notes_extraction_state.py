"""A note is committed before it is extracted: an extraction that raises, or a worker that
dies during it, never loses what was typed; the note says "belum diekstrak" on the
activity page and its own page, and a writer can extract it again."""
from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import select

from press.codes import ExtractionState
from press.extensions import db
from press.models import AuditEvent, Note
from press.services import glossary as glossaries
from press.services import notes as notes_service
from tests.conftest import REPO_ROOT
from tests.notes.test_notes_pages import activity_id, add_note, notes_of

TYPED = ("Kepala Bagian Humas Setda Kota Bekasi Sajekti Rubiyah menerima kunjungan, Kamis (30/9/2021).\n\n"
         "\"Humas selalu bersinergi dengan semua perangkat daerah,\" ujar Sajekti.\n")


def broken_extractor(*args, **kwargs):
    raise RuntimeError("extractor bug")


def test_an_extraction_that_raises_keeps_the_note_marks_it_and_a_writer_extracts_it_again(
        app, client, auth, monkeypatch, caplog):
    example = activity_id(app, "Kunjungan Kerja PPID")
    auth.login("writer")
    monkeypatch.setattr(notes_service, "extract", broken_extractor)
    with caplog.at_level(logging.ERROR, logger="press.services.notes"):
        page = add_note(client, auth, example, TYPED)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Catatan disimpan, tetapi belum diekstrak" in html and "Ekstrak lagi" in html
    assert "extractor bug" in caplog.text
    (note,) = notes_of(app, example)
    assert note.text.startswith("Kepala Bagian Humas") and note.extraction_state == ExtractionState.FAILED
    assert page.request.path == f"/staf/catatan/{note.id}"
    assert 'class="review"' not in html
    activity_page = client.get(f"/staf/kegiatan/{example}").get_data(as_text=True)
    assert "Belum diekstrak" in activity_page and f'action="/staf/catatan/{note.id}/ekstrak"' in activity_page

    monkeypatch.undo()
    url = f"/staf/catatan/{note.id}/ekstrak"
    assert client.post(url).status_code == 400  # no CSRF token
    again = client.post(url, data={"csrf_token": auth.token(f"/staf/catatan/{note.id}")}, follow_redirects=True)
    assert again.status_code == 200 and "Catatan diekstrak" in again.get_data(as_text=True)
    (note,) = notes_of(app, example)
    assert note.extraction_state == ExtractionState.DONE
    assert [p["name"] for p in note.extraction["people"]] == ["Sajekti Rubiyah"]
    assert [q["speaker"] for q in note.extraction["quotes"]] == ["Sajekti Rubiyah"]
    with app.app_context():
        actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.object_id == note.id)).all()
    assert {"note.added", "note.extraction_failed", "note.extracted"} <= set(actions)


def a_failed_note(app, client, auth, monkeypatch) -> tuple[int, Note]:
    """(activity id, the note) a writer typed whose extraction raised."""
    example = activity_id(app, "Kunjungan Kerja PPID")
    auth.login("writer")
    monkeypatch.setattr(notes_service, "extract", broken_extractor)
    add_note(client, auth, example, TYPED)
    (note,) = notes_of(app, example)
    return example, note


def test_only_those_who_add_notes_may_extract_one_again(app, client, auth, monkeypatch):
    example, note = a_failed_note(app, client, auth, monkeypatch)
    auth.logout()
    auth.login("photographer")
    token = auth.token(f"/staf/catatan/{note.id}")
    assert client.post(f"/staf/catatan/{note.id}/ekstrak", data={"csrf_token": token}).status_code == 403
    assert client.post("/staf/catatan/99999999/ekstrak", data={"csrf_token": token}).status_code in (403, 404)
    (note,) = notes_of(app, example)
    assert note.extraction_state == ExtractionState.FAILED


def test_a_note_waiting_for_extraction_refuses_a_review_with_the_reason(app, client, auth, monkeypatch):
    _, note = a_failed_note(app, client, auth, monkeypatch)
    response = client.post(f"/staf/catatan/{note.id}/tinjau",
                           data={"csrf_token": auth.token(f"/staf/catatan/{note.id}")})
    assert response.status_code == 400 and "belum diekstrak" in response.get_data(as_text=True)


def test_the_typed_note_is_kept_when_the_worker_is_stopped_during_extraction(app, client, auth, monkeypatch):
    """gunicorn stops a worker past its timeout with SystemExit raised inside the request."""
    example = activity_id(app, "Kunjungan Kerja PPID")
    auth.login("writer")

    def stopped(*args, **kwargs):
        raise SystemExit(1)

    monkeypatch.setattr(notes_service, "extract", stopped)
    with pytest.raises(SystemExit):
        add_note(client, auth, example, TYPED)
    (note,) = notes_of(app, example)
    assert note.text.startswith("Kepala Bagian Humas") and note.extraction_state == ExtractionState.PENDING
    monkeypatch.undo()
    assert "Belum diekstrak" in client.get(f"/staf/kegiatan/{example}").get_data(as_text=True)


KILLED = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    sys.path.insert(0, {repo!r})
    from press import create_app
    from press.services import notes
    from tests.conftest import make_config

    app = create_app(make_config(Path({root!r})))
    notes.extract = lambda *args, **kwargs: os.kill(os.getpid(), signal.SIGKILL)
    app.test_cli_runner().invoke(args=["notes", "add", {path!r}, "--activity", {activity!r}])
""")


def test_the_note_is_kept_when_the_process_is_killed_during_extraction(app, tmp_path):
    example = activity_id(app, "Kunjungan Kerja PPID")
    note_file = tmp_path / "catatan.txt"
    note_file.write_text(TYPED, encoding="utf-8")
    script = KILLED.format(repo=str(REPO_ROOT), root=str(tmp_path), path=str(note_file), activity=str(example))
    process = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert process.returncode == -signal.SIGKILL, process.stderr
    (note,) = notes_of(app, example)
    assert note.text.startswith("Kepala Bagian Humas") and note.extraction_state == ExtractionState.PENDING


def test_notes_add_prints_the_id_of_a_note_whose_extraction_failed_and_says_so(app, runner, tmp_path, monkeypatch):
    example = activity_id(app, "Kunjungan Kerja PPID")
    note_file = tmp_path / "catatan.txt"
    note_file.write_text(TYPED, encoding="utf-8")
    monkeypatch.setattr(notes_service, "extract", broken_extractor)
    result = runner.invoke(args=["notes", "add", str(note_file), "--activity", str(example), "--json"])
    assert result.exit_code == 0, result.output
    (note,) = notes_of(app, example)
    assert json.loads(result.stdout) == {"id": note.id, "extracted": False}
    assert f"Catatan {note.id} disimpan, tetapi belum diekstrak" in result.stderr
    assert note.extraction_state == ExtractionState.FAILED and note.text.startswith("Kepala Bagian Humas")
    monkeypatch.undo()
    result = runner.invoke(args=["notes", "add", str(note_file), "--activity", str(example), "--json"])
    assert json.loads(result.stdout)["extracted"] is True and not result.stderr


@pytest.fixture
def bad_files(tmp_path, app):
    folder = tmp_path / "folder"
    folder.mkdir()
    binary = tmp_path / "foto.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(200))
    huge = tmp_path / "besar.txt"
    with huge.open("wb") as out:
        out.truncate(app.config["MAX_UPLOAD_BYTES"] + 1)
    return {"missing": (tmp_path / "tidak-ada.txt", "tidak ada"), "folder": (folder, "adalah folder"),
            "binary": (binary, "bukan teks"), "huge": (huge, "terlalu besar")}


@pytest.mark.parametrize("command", ["extract", "add"])
@pytest.mark.parametrize("case", ["missing", "folder", "binary", "huge"])
def test_notes_commands_refuse_a_bad_file_with_a_message_and_status_1(app, runner, bad_files, command, case):
    path, message = bad_files[case]
    example = activity_id(app, "Kunjungan Kerja PPID")
    result = runner.invoke(args=["notes", command, str(path), "--activity", str(example)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    assert message in result.stderr and "Traceback" not in result.output
    assert notes_of(app, example) == []


@pytest.mark.parametrize("command", ["extract", "add"])
def test_notes_commands_refuse_an_activity_that_does_not_exist_with_a_message_and_status_1(
        runner, tmp_path, command):
    note_file = tmp_path / "catatan.txt"
    note_file.write_text(TYPED, encoding="utf-8")
    result = runner.invoke(args=["notes", command, str(note_file), "--activity", "999"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    assert "Kegiatan 999 tidak ada" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("command", ["extract", "add"])
@pytest.mark.parametrize("activity", ["99999999999999999999", "-1", "0"])
def test_notes_commands_refuse_an_id_no_activity_can_have_as_a_usage_error(runner, tmp_path, command, activity):
    note_file = tmp_path / "catatan.txt"
    note_file.write_text(TYPED, encoding="utf-8")
    result = runner.invoke(args=["notes", command, str(note_file), "--activity", activity])
    assert result.exit_code == 2, result.output
    assert "bukan nomor yang sah" in result.output and "Traceback" not in result.output


def test_a_glossary_nested_2000_deep_is_refused_with_the_reason_and_the_saved_one_is_kept(app, client, auth):
    auth.login("admin")
    url = "/staf/admin/glosarium"
    token = auth.token(url)
    good = '{"organisations": {"Disparbud": "Dinas Pariwisata dan Kebudayaan"}}'
    assert client.post(url, data={"csrf_token": token, "content": good}).status_code == 302
    for deep in ('{"titles": {"Kadis": ' + "[" * 2000 + "]" * 2000 + "}}",
                 '{"organisations": ' + '{"a": ' * 2000 + '"b"' + "}" * 2001):
        response = client.post(url, data={"csrf_token": token, "content": deep})
        assert response.status_code == 400
        assert "bersarang terlalu dalam (2001 tingkat" in response.get_data(as_text=True) \
            or "bersarang terlalu dalam (2002 tingkat" in response.get_data(as_text=True)
    assert "Disparbud" in client.get(url).get_data(as_text=True)
    with app.app_context():
        assert "Disparbud" in glossaries.read_glossary_extra(db.session)
