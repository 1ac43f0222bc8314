"""The same migrations run on PostgreSQL: a throw-away server is started for the test.

Needs Debian's ``postgresql`` package (``make test`` installs it); without it the test
fails and says so, rather than skipping.
"""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, select

from press import create_app
from press.demo import load_demo
from press.extensions import db
from press.models import Activity, Base
from press.services import people

from tests.conftest import make_config


def _pg_bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if not found:
        pytest.fail(f"PostgreSQL's {name} is missing: install Debian's `postgresql` package (make test does)")
    return found


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root; run it as the ``postgres`` system user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="module")
def postgres_url():
    # Not under pytest's tmp folder: the server user must be able to reach it.
    base = Path(tempfile.mkdtemp(prefix="siaran-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
    subprocess.run(_as_server_user([_pg_bin("initdb"), "-D", str(data), "-U", "siaran", "--auth=trust", "-E", "UTF8"]),
                   check=True, capture_output=True)
    server = subprocess.Popen(
        _as_server_user([_pg_bin("postgres"), "-D", str(data), "-k", str(sock), "-c", "listen_addresses=", "-c", "fsync=off"]),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _attempt in range(100):
            ready = subprocess.run([_pg_bin("pg_isready"), "-h", str(sock), "-U", "siaran"], capture_output=True)
            if ready.returncode == 0:
                break
            server.poll()
            assert server.returncode is None, "the PostgreSQL server stopped while starting"
            subprocess.run(["sleep", "0.1"])
        subprocess.run([_pg_bin("createdb"), "-h", str(sock), "-U", "siaran", "siaran"], check=True)
        yield f"postgresql+psycopg://siaran@/siaran?host={sock}"
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(base, ignore_errors=True)


def test_migrations_build_the_model_on_postgresql_and_hold_the_demo(tmp_path, postgres_url):
    app = create_app(make_config(tmp_path, DATABASE_URL=postgres_url, SQLALCHEMY_DATABASE_URI=postgres_url))
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert diff == [], f"models and migrations disagree on PostgreSQL: {diff}"
        load_demo(db.session)
        db.session.commit()
        assert db.session.scalar(select(Activity).where(Activity.kind == "kunjungan_kerja")).starts_on == date(2021, 9, 30)
        assert people.holder_of(db.session, "Wali Kota", date(2021, 9, 30)).name == "Ahmad Suryana"
        db.session.remove()
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()
