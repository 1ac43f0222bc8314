"""Every web, job and command process starts without what only some commands or pages use:
Alembic (through Flask-Migrate), openpyxl and the production password hash an unknown
e-mail's login is checked against. ``flask db`` and ``flask setup`` still migrate."""
from __future__ import annotations

import os
import subprocess
import sys

from sqlalchemy import text

from press import create_app
from press.extensions import db
from tests import databases
from tests.conftest import REPO_ROOT, make_config

PROBE = ("import sys, wsgi; from press.services import accounts; "
         "print(sorted(m for m in ('alembic', 'flask_migrate', 'openpyxl') if m in sys.modules), "
         "accounts._dummy_hash.cache_info().currsize)")


def test_the_application_starts_without_alembic_openpyxl_or_a_password_hash(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRESS_")}
    env.update(PRESS_ENV="development", PRESS_INSTANCE_PATH=str(tmp_path / "instance"),
               PRESS_DATABASE_URL=f"sqlite:///{tmp_path}/x.db")
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO_ROOT, env=env, capture_output=True,
                            text=True, timeout=120, check=True)
    assert result.stdout.split() == ["[]", "0"]


def test_flask_db_is_listed_and_runs_flask_migrates_commands(tmp_path, migrated_db):
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path))
    runner = app.test_cli_runner()
    listing = runner.invoke(args=["--help"])
    assert any(line.split() == ["db", "Perform", "database", "migrations."] for line in listing.output.splitlines())
    assert "--x-arg" in runner.invoke(args=["db", "--help"]).output
    assert "downgrade" in runner.invoke(args=["db", "--help"]).output
    revisions = []
    for args in ([], ["db", "downgrade"], ["db", "upgrade"]):
        assert not args or runner.invoke(args=args).exit_code == 0
        with app.app_context():
            revisions.append(db.session.scalar(text("SELECT version_num FROM alembic_version")))
            db.session.remove()
    head, below, again = revisions
    assert below != head == again
    with app.app_context():
        db.engine.dispose()
