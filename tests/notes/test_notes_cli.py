"""``flask notes extract`` and ``flask notes add``: the JSON shape, the golden example
release, activity context, refusals on stderr with exit status 1, storing and indexing."""
from __future__ import annotations

import json

from sqlalchemy import select

from press.extensions import db
from press.models import Activity, AuditEvent, Note
from tests.conftest import EMAILS, FIXTURES, SHARED

EXAMPLE = SHARED / "example-release.txt"


def extract_json(runner, *args):
    result = runner.invoke(args=["notes", "extract", *map(str, args)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def activity_id(app, title_start: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Activity.id).where(Activity.title.startswith(title_start)))


def test_extract_prints_the_example_release_golden_extraction(runner):
    found = extract_json(runner, EXAMPLE)
    people = {(p["name"], p["title"], p["organisation"], tuple(p["honorifics"]), tuple(p["degrees"]))
              for p in found["people"]}
    assert people == {
        ("Sajekti Rubiyah", "Kepala Bagian Humas", "Sekretariat Daerah Kota Bekasi", (), ()),
        ("Diah Setiyawati", "Kasubag Hubungan Dokumentasi Internal", None, (), ()),
        ("Muhammad Muchlis", "Kasubag Publikasi Eksternal", None, (), ()),
        ("Indra Subhan", "Kepala Diskominfo", "Kota Subang", ("Mas",), ()),
        ("Lukita Harjana", "Sekretaris Diskominfo", "Kota Subang", (), ()),
    }
    direct = [q["speaker"] for q in found["quotes"] if q["form"] == "direct"]
    assert direct == ["Lukita Harjana", "Sajekti Rubiyah", "Sajekti Rubiyah", "Diah Setiyawati"]
    assert {q["speaker"] for q in found["quotes"]} == {"Lukita Harjana", "Sajekti Rubiyah", "Diah Setiyawati"}
    assert [(d["date"], d["text"], d["weekday_mismatch"]) for d in found["dates"]] == [
        ("2021-09-30", "Kamis, (30/9/2021)", False)]
    assert {"Kota Bekasi", "Kabupaten Subang", "Jawa Barat"} <= {p["name"] for p in found["places"]}
    names = {n for o in found["organisations"] for n in (o["name"], o["abbreviation"]) if n}
    assert {"PPID", "Bagian Humas", "Diskominfo", "Komisi Informasi", "SP4N Lapor"} <= names
    assert "Â" not in found["text"]
    for kind in ("people", "organisations", "places", "dates", "quotes"):
        for item in found[kind]:
            start, end = item["span"]
            assert 0 <= start < end <= len(found["text"])
    first = found["people"][0]
    assert found["text"][first["span"][0]:first["span"][1]].endswith(first["name"])


def test_extract_without_activity_leaves_a_missing_year_unknown_and_with_it_takes_the_activitys(app, runner, tmp_path):
    note = tmp_path / "catatan.txt"
    note.write_text("Rapat digelar Kamis (30/9) di Aula Nonon Sonthanie.\n", encoding="utf-8")
    assert [d["date"] for d in extract_json(runner, note)["dates"]] == ["--09-30"]
    example_activity = activity_id(app, "Kunjungan Kerja PPID")
    assert [d["date"] for d in extract_json(runner, note, "--activity", example_activity)["dates"]] == ["2021-09-30"]


def test_extract_reports_a_wrong_weekday(runner, tmp_path):
    note = tmp_path / "catatan.md"
    note.write_text("# Rakor\n\nRapat digelar **Senin (30/9/2021)** di Bekasi.\n", encoding="utf-8")
    (found,) = extract_json(runner, note)["dates"]
    assert found["date"] == "2021-09-30" and found["weekday_mismatch"] is True


def test_extract_with_activity_resolves_a_title_alone_to_whoever_held_it(app, runner, tmp_path):
    note = tmp_path / "peresmian.txt"
    note.write_text('"Gedung ini untuk warga Jatisampurna," kata Wali Kota.\n', encoding="utf-8")
    opening = activity_id(app, "Peresmian Gedung Baru")
    (quote,) = extract_json(runner, note, "--activity", opening)["quotes"]
    assert quote["speaker"] == "Ahmad Suryana" and quote["verb"] == "kata"


def test_extract_of_a_refused_file_says_why_on_stderr_and_exits_1(runner):
    result = runner.invoke(args=["notes", "extract", str(FIXTURES / "docs" / "strict.docx")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Strict Open XML" in result.stderr
    result = runner.invoke(args=["notes", "extract", str(FIXTURES / "docs" / "having-images.docx")])
    assert result.exit_code == 1 and "tidak berisi teks" in result.stderr


def test_extract_of_a_missing_file_or_activity_fails_cleanly(runner, tmp_path):
    result = runner.invoke(args=["notes", "extract", str(tmp_path / "tidak-ada.txt")])
    assert result.exit_code == 1 and "tidak ada" in result.stderr
    note = tmp_path / "a.txt"
    note.write_text("Catatan.\n", encoding="utf-8")
    result = runner.invoke(args=["notes", "extract", str(note), "--activity", "9999"])
    assert result.exit_code == 1 and "9999" in result.stderr


def test_add_stores_the_note_cleaned_extracted_and_indexed(app, runner):
    example_activity = activity_id(app, "Kunjungan Kerja PPID")
    result = runner.invoke(args=["notes", "add", str(EXAMPLE), "--activity", str(example_activity),
                                 "--as", EMAILS["writer"], "--json"])
    assert result.exit_code == 0, result.output
    note_id = json.loads(result.stdout)["id"]
    with app.app_context():
        note = db.session.get(Note, note_id)
        assert note.activity_id == example_activity and note.source == "txt"
        assert note.filename == "example-release.txt" and "Â" not in note.text
        assert note.cleaning["changes"]["mojibake_lines"] > 0
        assert len(note.extraction["people"]) == 5
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "note.added",
                                                          AuditEvent.object_id == note_id)) is not None
    hits = runner.invoke(args=["search", "query", "bersinergi", "--json"])
    assert hits.exit_code == 0, hits.output
    assert f'"id": {note_id}' in hits.stdout and '"note"' in hits.stdout


def test_add_prints_the_bare_id_without_json(app, runner, tmp_path):
    note = tmp_path / "catatan.txt"
    note.write_text("Camat Medan Satria Lia Erliani membuka acara.\n", encoding="utf-8")
    result = runner.invoke(args=["notes", "add", str(note), "--activity", str(activity_id(app, "Sosialisasi"))])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().isdigit()


def test_add_refuses_a_bad_file_a_photographer_and_an_unknown_activity_storing_nothing(app, runner):
    example_activity = str(activity_id(app, "Kunjungan Kerja PPID"))
    lock = runner.invoke(args=["notes", "add", str(FIXTURES / "docs" / "~$xample.docx"), "--activity", example_activity])
    assert lock.exit_code == 1 and "berkas kunci Word" in lock.stderr
    photographer = runner.invoke(args=["notes", "add", str(EXAMPLE), "--activity", example_activity,
                                       "--as", EMAILS["photographer"]])
    assert photographer.exit_code == 1 and "photographer" in photographer.stderr
    unknown = runner.invoke(args=["notes", "add", str(EXAMPLE), "--activity", "9999"])
    assert unknown.exit_code == 1
    with app.app_context():
        assert db.session.scalar(select(Note.id)) is None
