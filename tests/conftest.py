"""Shared fixtures: an application on a migrated SQLite copy, clients, and a login helper.

The schema is migrated once per test session (through Alembic, as production does)
and each test gets its own copy of that database file. The slow kinds of test are
marked here by where they live, so ``make test-fast`` can leave them out.
"""
from __future__ import annotations

import atexit
import logging.config
import os
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from flask_migrate import upgrade

from press import create_app, job_queue
from press.dates import office_today
from press.demo import DEMO_ACCOUNTS, DEMO_UNIT_ACCOUNTS, load_demo
from press.extensions import db
from tests import databases, speedups
from tests.redis_server import redis_server, redis_url  # noqa: F401  (fixtures)

speedups.install()

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
FIXTURES = SHARED / "fixtures"

CSRF_RE = re.compile(r'name="csrf-token" content="([^"]+)"')
PASSWORDS = {role: password for _email, role, _name, password in DEMO_ACCOUNTS}
EMAILS = {role: email for email, role, _name, _password in DEMO_ACCOUNTS}
# Every demo account's password by email, the units' own people included.
PASSWORDS_BY_EMAIL = {email: password for email, _role, _name, password, *_unit in (*DEMO_ACCOUNTS, *DEMO_UNIT_ACCOUNTS)}


TESTS = REPO_ROOT / "tests"
# Folder or file under tests/ -> the marker its tests get (registered in pytest.ini).
MARKS_BY_PATH = {
    "browser": "browser",
    "faults": "faults",
    "redis": "redis",
    "nodes": "nodes",
    "unit/test_postgres.py": "postgres",
    # The object store only (its backend-parametrised tests mark their s3 case themselves).
    "storage/test_object_store.py": "objectstore",
    # The real and synthetic notes corpora and the real slips: extraction and checks only,
    # the same on either database.
    "notes/test_notes_corpus.py": "corpus",
    "notes/test_notes_real_corpus.py": "corpus",
    "notes/test_notes_real_quotes.py": "corpus",
    "notes/test_notes_real_writing.py": "corpus",
    "notes/test_notes_real_writing_round2.py": "corpus",
    "notes/test_notes_real_writing_round3.py": "corpus",
    "notes/test_notes_real_writing_round4.py": "corpus",
    "notes/test_notes_real_writing_round5.py": "corpus",
    "notes/test_notes_real_writing_round6.py": "corpus",
    "drafting/test_editorial_recall.py": "corpus",
    # Files using a temporary folder for images, whoosh indexes or settings only (no
    # database: the check in ``pytest_runtest_setup`` holds them to it), left out of
    # ``make test-postgres`` with the tests that have no folder at all.
    "photos/test_photo_crop_sources.py": "no_database",
    "photos/test_photo_fixtures.py": "no_database",
    "photos/test_photo_orientation.py": "no_database",
    "photos/test_photo_public_meta.py": "no_database",
    "photos/test_photo_renditions.py": "no_database",
    "photos/test_photo_storage.py": "no_database",
    "photos/test_photo_storage_crash.py": "no_database",
    "proofs/test_https_pinning.py": "no_database",
    "notes/test_notes_glossary.py": "no_database",
    "search/test_analysis.py": "no_database",
    "search/test_index.py": "no_database",
    "search/test_index_schema_upgrade.py": "no_database",
    "search/test_query.py": "no_database",
    "search/test_relevance.py": "no_database",
    "search/test_reliability.py": "no_database",
    "search/test_visibility.py": "no_database",
    "unit/test_config.py": "no_database",
    "unit/test_import_cycles.py": "no_database",
    "unit/test_layering.py": "no_database",
}
# Folders and files whose tests pytest-xdist runs on one worker, one after another, by group:
# the browser tests share that worker's one Chromium and one live server (session fixtures);
# the two-node tests their servers (a module fixture) and their order; the object-store tests
# the session's Swift node (``swift``, 5-8 s to start) and the search tests the session's
# PostgreSQL (``pg_search_server``), each started once instead of once on each worker; the
# real notes corpus tests share the extraction of every real note (``folder_extractions``,
# once per process), so it is made once instead of on each worker.
ONE_WORKER = {
    "tests/browser/": "browser",
    "tests/nodes/": "nodes",
    "tests/storage/": "swift",
    "tests/faults/test_migrate_to_killed.py": "swift",
    "tests/search/": "search",
    "tests/notes/test_notes_real_corpus": "notes corpus",
}
# A test's database comes from ``migrated_db`` or from an instance folder under its own
# temporary folder (``make_config``, ``LiveServer``): a test with none of these among its
# fixtures is pure Python, the same on either database (marker ``no_database``).
DATABASE_FIXTURES = frozenset({"migrated_db", "tmp_path", "tmp_path_factory"})


def pytest_collection_modifyitems(config, items):
    for item in items:
        where = item.path.relative_to(TESTS).as_posix()
        for path, mark in MARKS_BY_PATH.items():
            if where == path or where.startswith(path + "/"):
                item.add_marker(getattr(pytest.mark, mark))
        fixtures = set(getattr(item, "fixturenames", ()))
        if "redis_server" in fixtures:  # elsewhere, a test on both queues
            item.add_marker(pytest.mark.redis)
        if "swift" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.objectstore)
        if not fixtures & DATABASE_FIXTURES:
            item.add_marker(pytest.mark.no_database)


def pytest_runtest_setup(item):
    """A ``no_database`` test that asks for a test database fails (``databases.refuse``):
    the marker would leave a test that does use one out of ``make test-postgres``."""
    databases.refuse(item.nodeid if item.get_closest_marker("no_database") else None)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadgroup`` with the groups taken from ``ONE_WORKER`` (the group with the most
    tests handed out first): each other test goes to whichever worker is free. (xdist 3.8's
    own ``xdist_group`` marker no longer reaches its scheduler under pytest 9, whose node ids
    it can't suffix.)"""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class FolderGroups(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return next((group for path, group in ONE_WORKER.items() if nodeid.startswith(path)), nodeid)

    return FolderGroups(config, log)


def make_config(root: Path, **extra) -> dict:
    return {
        "ENV": "testing",
        "SECRET_KEY": "test-secret",
        "DATABASE_URL": extra.get("DATABASE_URL") or databases.database_url(root),
        "MEDIA_ROOT": str(root / "media"),
        "INDEX_ROOT": str(root / "search"),
        "JOBS_URL": "immediate",
        # Not the checkout's instance/glossary.json: migration 0022 copies that old
        # file into the database, and the developer's glossary must not reach the tests.
        "GLOSSARY_PATH": str(root / "glossary.json"),
        "OUTBOX_DIR": str(root / "outbox"),
        "TESTING": True,
        **extra,
    }


@pytest.fixture(scope="session")
def swift(tmp_path_factory):
    """One OpenStack Swift node speaking S3 on loopback per test process (``tests/swift_server.py``),
    started when a test first asks for it: its start takes seconds, so the storage tests and
    the move to an object store share it (each test uses a bucket of its own)."""
    from tests.swift_server import SwiftMissing, throwaway_swift

    try:
        with throwaway_swift(tmp_path_factory.mktemp("swift")) as node:
            yield node
    except SwiftMissing as missing:
        pytest.fail(str(missing))


_demo_template: Path | None = None


@pytest.fixture(scope="session")
def migrated_db(tmp_path_factory) -> Path:
    """A database file migrated to head and holding the demo data.

    On SQLite it is made once per process, not per session: ``make mutate``'s mutmut runs a
    pytest session for each mutant in a process forked from one that already ran the tests,
    and would otherwise migrate and load the demo again for each (about 2 s). The file lives
    outside pytest's numbered temporary folders, which later sessions remove, and is removed
    when the process that made it exits. Every test still works on its own copy."""
    global _demo_template
    if databases.ON_POSTGRES:
        return _build_demo(tmp_path_factory.mktemp("template"))
    if _demo_template is None or not _demo_template.exists():
        root = Path(tempfile.mkdtemp(prefix="siaran-demo-"))
        atexit.register(_remove_if_made_here, root, os.getpid())
        _demo_template = _build_demo(root)
    else:
        # what the migrations' env.py does on each run: its log handlers write to this
        # session's stderr, not to the closed capture of the session that built the file
        logging.config.fileConfig(REPO_ROOT / "press" / "migrations" / "alembic.ini", disable_existing_loggers=False)
    return _demo_template


def _remove_if_made_here(root: Path, pid: int) -> None:
    if os.getpid() == pid:
        shutil.rmtree(root, ignore_errors=True)


def _build_demo(root: Path) -> Path:
    app = create_app(make_config(root, DATABASE_URL=databases.template_url(root)))
    (root / "demo-day").write_text(office_today().isoformat())
    with app.app_context():
        upgrade()
        load_demo(db.session)
        db.session.commit()
    with app.app_context():
        db.engine.dispose()
    return root / "siaran.db"


@pytest.fixture(scope="session")
def demo_day(migrated_db) -> date:
    """The office day the demo data was made on: its "tomorrow" stays put when a run
    crosses midnight WIB."""
    return date.fromisoformat((migrated_db.parent / "demo-day").read_text())


@pytest.fixture
def app(tmp_path, migrated_db):
    """An application on its own copy of the demo database.

    No application context stays pushed: a test client request must get its own
    ``g`` as in production. Tests that touch the database use ``ctx`` or
    ``with app.app_context():`` around those lines.
    """
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path))
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _pillow_pixel_limit():
    """``open_image`` sets Pillow's process-wide pixel limit from the limit it is given; a test
    that gives a small one must not leave it for the next test in the same worker."""
    from PIL import Image

    limit = Image.MAX_IMAGE_PIXELS
    yield
    Image.MAX_IMAGE_PIXELS = limit


@pytest.fixture(autouse=databases.ON_POSTGRES)
def _drop_test_databases(request):
    """On PostgreSQL, drop the databases of the test's instance folders when it ends."""
    folder = request.getfixturevalue("tmp_path") if "tmp_path" in request.fixturenames else None
    yield
    if folder is not None:
        databases.drop_under(folder)


@pytest.fixture
def ctx(app):
    """An application context for tests that call services and models directly."""
    with app.app_context():
        yield app
        db.session.remove()


@pytest.fixture
def queued_jobs(app, tmp_path):
    """Jobs wait in a SQLite queue no worker reads, as when the worker has not run yet
    (the tests otherwise run each job where it is asked for). Returns the huey."""
    queue = app.extensions["jobs"] = job_queue.JobQueue(app, job_queue.make_huey(f"sqlite:///{tmp_path / 'jobs.db'}"))
    return queue.huey


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def csrf_token(client, path: str = "/staf/login") -> str:
    """The CSRF token of a staff page (the public site carries none: it sets no cookie)."""
    page = client.get(path, follow_redirects=True).get_data(as_text=True)
    match = CSRF_RE.search(page)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


class Auth:
    """Logs the test client in as a demo account of a role."""

    def __init__(self, client):
        self.client = client

    def login(self, role: str, password: str | None = None):
        """Sign in as the demo account of ``role`` (the central office's; the unit editor of Dinkes)."""
        return self.login_email(EMAILS[role], password or PASSWORDS[role])

    def login_email(self, email: str, password: str | None = None):
        token = csrf_token(self.client)
        return self.client.post(
            "/staf/login",
            data={"email": email, "password": password or PASSWORDS_BY_EMAIL[email], "csrf_token": token},
        )

    def logout(self):
        token = csrf_token(self.client)
        return self.client.post("/staf/logout", data={"csrf_token": token})

    def token(self, path: str = "/staf/login") -> str:
        return csrf_token(self.client, path)


@pytest.fixture
def auth(client):
    return Auth(client)
