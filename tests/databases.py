"""Which database a test's instance folder uses: a SQLite file in it, or a PostgreSQL database.

With ``PRESS_TEST_DATABASE_URL`` set (``make test-postgres``), each instance folder a test
makes gets its own database on that server, named after the folder's path, so the workers
never meet and a job runner in a subprocess finds the test's database. ``migrated_db`` migrates one template database per worker and each test
starts from ``CREATE DATABASE … TEMPLATE`` of it — the counterpart of copying the SQLite
file. A folder's database is dropped when the test whose ``tmp_path`` holds it ends.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

SERVER_URL = os.environ.get("PRESS_TEST_DATABASE_URL", "")
ON_POSTGRES = bool(SERVER_URL)

# Two pytest runs may share one server: the template is named after the process too.
_TEMPLATE = f"template_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{os.getpid()}"
_by_root: dict[Path, str] = {}
_admin = None
_refused_to: str | None = None


def refuse(test: str | None) -> None:
    """From now on, ``test`` (a node id; None: no test) may not have a test database."""
    global _refused_to
    _refused_to = test


def _check_allowed() -> None:
    if _refused_to:
        raise AssertionError(f"{_refused_to} makes a test database but is marked no_database, so make "
                             "test-postgres would leave it out: tests/conftest.py gives that marker to tests with "
                             "none of migrated_db, tmp_path, tmp_path_factory among their fixtures and to the "
                             "files MARKS_BY_PATH lists")


def _server():
    global _admin
    if _admin is None:
        _admin = create_engine(SERVER_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    return _admin


def _name(root: Path) -> str:
    """The same name in every process (a worker's job runner in a subprocess finds the test's database)."""
    return "t_" + hashlib.sha1(str(Path(root).resolve()).encode()).hexdigest()[:24]


def _url(name: str) -> str:
    return make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)


def _create(name: str, template: str | None = None) -> None:
    with _server().connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        suffix = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
        connection.execute(text(f'CREATE DATABASE "{name}"{suffix}'))


def database_url(root: Path) -> str:
    """The database of the instance folder ``root`` (an empty one the first time on PostgreSQL)."""
    _check_allowed()
    if not ON_POSTGRES:
        return f"sqlite:///{root / 'siaran.db'}"
    root = Path(root)
    if root not in _by_root:
        _by_root[root] = _name(root)
        with _server().connect() as connection:
            found = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": _by_root[root]})
        if found.first() is None:
            _create(_by_root[root])
    return _url(_by_root[root])


def template_url(root: Path) -> str:
    """Where ``migrated_db`` builds the demo database: ``root``'s own on SQLite, the worker's
    template on PostgreSQL."""
    if not ON_POSTGRES:
        return database_url(root)
    _check_allowed()
    _by_root[Path(root)] = name = _TEMPLATE
    _create(name)
    return _url(name)


def copy_demo(template: Path, root: Path) -> None:
    """Give the instance folder ``root`` a copy of the migrated demo database made in ``template``'s folder."""
    _check_allowed()
    if not ON_POSTGRES:
        shutil.copy(template, Path(root) / "siaran.db")
        return
    root = Path(root)
    _by_root[root] = name = _name(root)
    _create(name, template=_by_root[Path(template).parent])


def copy_instance(folder: Path, root: Path) -> None:
    """Give ``root`` a copy of the instance folder ``folder`` a session fixture built once: its
    database (as ``copy_demo``), its media store and its search index (whose ``current`` is a
    relative link, copied as one)."""
    copy_demo(Path(folder) / "siaran.db", root)
    for name in ("media", "search"):
        if (Path(folder) / name).exists():
            shutil.copytree(Path(folder) / name, Path(root) / name, symlinks=True)


def drop_under(folder: Path) -> None:
    """Drop the databases of the instance folders under ``folder`` (a test's ``tmp_path``)."""
    for root in [root for root in _by_root if root == folder or folder in root.parents]:
        with _server().connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{_by_root.pop(root)}" WITH (FORCE)'))


def connect(url: str):
    """A transaction on the database at ``url``, SQLite or PostgreSQL, outside any application:
    what a test reads or writes behind a server's back (``with connect(url) as connection:``;
    committed at the end of the block)."""
    waits = {"timeout": 30} if url.startswith("sqlite") else {}  # behind a writer's lock, as the server waits
    return create_engine(url, poolclass=NullPool, connect_args=waits).begin()
