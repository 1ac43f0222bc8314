"""A command run against a database that `flask setup` never created says what to do, with no
traceback; a database error of any other kind is not hidden behind that message."""
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from press import create_app
from press.cli.unset_database import MESSAGE, _guarded
from tests.conftest import make_config

RELEASE = Path(__file__).resolve().parents[1] / "drafting" / "slips" / "correct-1.txt"


@pytest.mark.parametrize("args", [["releases", "check", str(RELEASE), "--json"], ["users", "list"],
                                  ["activities", "list", "--json"]])
def test_a_command_before_setup_says_to_run_setup(tmp_path, args):
    app = create_app(make_config(tmp_path))
    result = app.test_cli_runner().invoke(args=args)
    assert result.exit_code == 1
    assert MESSAGE in result.output
    assert "Traceback" not in result.output and result.exception.__class__ is SystemExit


def test_another_database_error_is_not_called_a_missing_setup():
    def locked():
        raise OperationalError("SELECT 1", {}, Exception("database is locked"))
    with pytest.raises(OperationalError):
        _guarded(locked)()
