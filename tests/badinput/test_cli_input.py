"""The same out-of-range values typed at the ``flask`` commands: a clear message on
stderr and exit status 1 (refused) or 2 (usage), never a traceback."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from press.extensions import db
from press.models import Release

HUGE = "99999999999999999999"
EDITOR = ["--as", "redaktur@siaran.test"]

COMMANDS = {
    "transition_huge_id": (["releases", "transition", HUGE, "publish", *EDITOR], 2, "bukan nomor yang sah"),
    "transition_zero_id": (["releases", "transition", "0", "publish", *EDITOR], 2, "bukan nomor yang sah"),
    "export_huge_id": (["releases", "export", HUGE, "--docx", "x.docx"], 2, "bukan nomor yang sah"),
    "draft_huge_activity": (["releases", "draft", "--activity", HUGE], 2, "bukan nomor yang sah"),
    "activities_huge_unit": (["activities", "list", "--unit", HUGE], 2, "bukan nomor yang sah"),
    "activities_month_10000": (["activities", "list", "--month", "10000-01"], 1, "bukan bulan"),
    "activities_month_0": (["activities", "list", "--month", "0-01"], 1, "bukan bulan"),
    "activities_month_huge": (["activities", "list", "--month", f"{HUGE}-01"], 1, "bukan bulan"),
    "rebuild_huge_id": (["media", "rebuild-renditions", "--id", HUGE], 2, "bukan nomor yang sah"),
    "import_huge_activity": (["media", "import", "--activity", HUGE, "."], 2, "bukan nomor yang sah"),
    "note_add_huge_activity": (["notes", "add", "--activity", HUGE, "README.md"], 2, "bukan nomor yang sah"),
    "note_extract_huge_activity": (["notes", "extract", "--activity", HUGE, "README.md"], 2, "bukan nomor yang sah"),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_a_command_given_an_impossible_number_says_so_without_a_traceback(runner, name):
    args, status, message = COMMANDS[name]
    result = runner.invoke(args=args)
    assert result.exit_code == status, result.output
    assert isinstance(result.exception, SystemExit)  # click's own exit, not an exception
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("at, reason", [
    ("0001-01-01T00:00", "Waktu embargo harus di masa depan."),
    ("9999-12-31T23:59", "Waktu embargo paling jauh 2 tahun dari sekarang."),
])
def test_an_embargo_in_year_1_or_9999_is_refused_at_the_command_line(app, runner, at, reason):
    with app.app_context():
        rid = db.session.scalar(select(Release.id).where(Release.state == "approved").limit(1))
    result = runner.invoke(args=["releases", "transition", str(rid), "schedule", *EDITOR, "--at", at])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert reason in result.output
    with app.app_context():
        assert db.session.get(Release, rid).state == "approved"


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2021-02-30", "9999-12-31.."])
def test_a_search_date_filter_at_the_ends_of_the_calendar_answers(runner, day):
    result = runner.invoke(args=["search", "query", f"tanggal:{day}"])
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert "0 hits" in result.output
