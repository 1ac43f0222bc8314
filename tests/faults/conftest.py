"""A real server for the fault tests: the browser tests' ``LiveServer`` (``flask setup``,
then gunicorn with 2 workers and the job worker on a fresh instance folder), plus helpers to fill it."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.browser.conftest import LiveServer
from tests.conftest import EMAILS, PASSWORDS, REPO_ROOT

BULK_ACTIVITIES = """
import sys
from datetime import date, timedelta
from press import create_app
from press.codes import ActivityKind
from press.extensions import db
from press.models import Activity, Unit
from press.services.indexing import enqueue_index
app = create_app()
with app.app_context():
    unit = db.session.scalars(db.select(Unit.id)).first()
    count = int(sys.argv[1])
    for n in range(count):
        db.session.add(Activity(title=f"Rapat koordinasi pembangunan jembatan ke-{n}", kind=ActivityKind.RAPAT_KOORDINASI,
                                starts_on=date(2025, 1, 1) + timedelta(days=n % 365), unit_id=unit,
                                summary="Pembahasan anggaran dan jadwal pekerjaan jembatan penghubung " * 5))
    db.session.commit()
"""


def run_python(server: LiveServer, code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], cwd=REPO_ROOT, env=server.env,
                          capture_output=True, text=True, check=True, timeout=600)


def add_activities(server: LiveServer, count: int) -> None:
    """Many activities written straight to the database (no queue: a rebuild indexes them)."""
    run_python(server, BULK_ACTIVITIES, str(count))


def flask_json(server: LiveServer, *args: str):
    result = server.flask(*args, "--json", check=False)
    try:
        return result.returncode, json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        raise AssertionError(f"flask {' '.join(args)}: {result.returncode}\n{result.stdout}\n{result.stderr}")


def start_killable(server: LiveServer, *args: str) -> subprocess.Popen:
    """A ``flask`` command in its own process group, so SIGKILL reaches its children too."""
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", *args], cwd=REPO_ROOT,
                            env=server.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def kill_group(process: subprocess.Popen) -> None:
    """SIGKILL a command of :func:`start_killable` and its children; its pipes are closed."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=30)
    process.stdout.close()
    process.stderr.close()


# A guard against a hang, not a wait: the condition, or the end of the process that should
# bring it about, ends a wait first (starting a worker takes over a minute at load 14).
HANG_S = 300


def wait_for(predicate, timeout: float = HANG_S, step: float = 0.05, watch: tuple = ()) -> bool:
    """Whether ``predicate()`` came true: waits until it does, until a process of ``watch``
    (those that should make it true) has ended, or for ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        if any(process.poll() is not None for process in watch):
            return predicate()
        time.sleep(step)
    return False


@pytest.fixture
def server(tmp_path):
    live = LiveServer(tmp_path).start()
    yield live
    live.stop()


def staff_session(server: LiveServer, role: str):
    from bench.support.httpclient import Session

    session = Session(server.url)
    session.login(EMAILS[role], PASSWORDS[role])
    return session


def kill_server(server: LiveServer) -> None:
    """SIGKILL the gunicorn master, its workers and the job worker if it has one (all started by this test)."""
    if server.job_worker is not None:
        server.job_worker.send_signal(signal.SIGKILL)
        server.job_worker.wait(timeout=30)
    master = server.process
    children = child_pids(master.pid)
    master.send_signal(signal.SIGKILL)
    for pid in children:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    master.wait(timeout=30)


def child_pids(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found
