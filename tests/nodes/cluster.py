"""Siaran on several nodes of one machine: two gunicorn servers, each with its own instance
folder, sharing PostgreSQL (database and search), one Swift node speaking S3, Redis, and
one job worker run by ``flask worker --supervise``; every server throw-away, on loopback.

``two_nodes(root)`` yields a :class:`Cluster` and stops everything afterwards. The
two-node test (``tests/nodes/``) and ``bench/nodes.py`` use it.
"""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests import pg_server, redis_server
from tests.browser.conftest import LiveServer
from tests.conftest import EMAILS, PASSWORDS, REPO_ROOT
from tests.faults.conftest import child_pids, kill_server, wait_for
from tests.swift_server import throwaway_swift

# A killed worker's jobs go back to the queue when its lease runs out: 2 s here, 30 by default.
LEASE_SECONDS = 2
APPROVED_TITLE = "Pemkot Bekasi Tinjau Dermaga Muara Gembong"

# The schema, and only what the tests use (the demo data would take half a minute more):
# the central office, a photographer and an editor (the demo's addresses and passwords),
# one activity (id 1) and releases of it approved and waiting to be published: the first
# titled ``title``, any further one "``title``, tahap N" (the benchmark publishes several).
SEED = """
import sys
from datetime import date
from flask_migrate import upgrade
from press import create_app
from press.codes import ActivityKind, Role, WorkflowAction
from press.demo.offices import demo_units
from press.extensions import db
from press.services import accounts, releases, workflow
from press.services.activities import ActivityData, create_activity

photographer, editor, password_p, password_e, title, count = sys.argv[1:]
app = create_app()
with app.app_context():
    upgrade()
    humas = demo_units(db.session)["Bagian Humas Setda"]
    accounts.create_user(db.session, photographer, password_p, Role.PHOTOGRAPHER, name="Fotografer", unit_id=humas.id)
    chief = accounts.create_user(db.session, editor, password_e, Role.EDITOR, name="Redaktur", unit_id=humas.id)
    activity = create_activity(db.session, ActivityData(title=title, kind=ActivityKind.KUNJUNGAN_KERJA,
                                                        starts_on=date(2026, 11, 20), unit_id=humas.id), actor=None)
    for number in range(1, int(count) + 1):
        release, _missing = releases.create_draft(db.session, activity, chief)
        releases.save_release(db.session, release, title=title if number == 1 else f"{title}, tahap {number}",
                              dateline="BEKASI \\u2013", body="Pemerintah Kota Bekasi meninjau dermaga nelayan.",
                              signature=None, expected_version=release.version, actor=chief)
        workflow.apply(db.session, release, WorkflowAction.SUBMIT, chief)
        workflow.apply(db.session, release, WorkflowAction.APPROVE, chief)
    db.session.commit()
"""


@dataclass
class Cluster:
    nodes: dict[str, LiveServer]
    supervisor: subprocess.Popen
    env: dict[str, str]
    log: Path

    def worker_pid(self, other_than: int | None = None, timeout: float = 60) -> int | None:
        """The pid of the supervised worker, once one other than ``other_than`` runs."""
        def running() -> int | None:
            pids = [pid for pid in child_pids(self.supervisor.pid) if pid != other_than]
            return pids[0] if pids else None

        wait_for(lambda: running() is not None, timeout=timeout)
        return running()


def shared_settings(database_url: str, redis_url: str, s3, bucket: str = "siaran") -> dict[str, str]:
    """What every node and the worker are given alike: one secret key, one database (which
    also holds the search index), one bucket, one queue."""
    return {
        "PRESS_ENV": "development",
        "PRESS_SECRET_KEY": "two-nodes-secret-key-shared-by-every-node",
        "PRESS_DATABASE_URL": database_url,
        "PRESS_SEARCH_URL": database_url,
        "PRESS_MEDIA_URL": f"s3://{bucket}/media",
        "PRESS_S3_ENDPOINT_URL": s3.endpoint,
        "PRESS_S3_REGION": s3.region,
        "AWS_ACCESS_KEY_ID": s3.access_key,
        "AWS_SECRET_ACCESS_KEY": s3.secret_key,
        "PRESS_JOBS_URL": f"{redis_url}/0",
        "PRESS_JOBS_LEASE_SECONDS": str(LEASE_SECONDS),
        # Only the shared invalidation can then drop a page another node cached.
        "PRESS_PAGE_CACHE_MAX_AGE": "3600",
    }


def start_supervised_worker(root: Path, env: dict[str, str]) -> subprocess.Popen:
    (root / "worker").mkdir(exist_ok=True)
    with open(root / "worker.log", "ab") as log:
        return subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "worker", "--supervise"],
                                cwd=REPO_ROOT, env={**env, "PRESS_INSTANCE_PATH": str(root / "worker")},
                                stdout=log, stderr=log)


def stop_together(processes: list[subprocess.Popen | None]) -> None:
    """Ask every process to stop at once (gunicorn's quick shutdown, SIGINT; the supervisor
    passes it to the worker), then wait for each: one after another took half a minute."""
    running = [process for process in processes if process is not None and process.poll() is None]
    for process in running:
        process.send_signal(signal.SIGINT)
    for process in running:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)


def seed(root: Path, database_url: str, redis_url: str, releases: int = 1) -> None:
    env = {**os.environ, "PRESS_ENV": "development", "PRESS_SECRET_KEY": "seed", "PRESS_DATABASE_URL": database_url,
           "PRESS_SEARCH_URL": database_url, "PRESS_JOBS_URL": f"{redis_url}/0",
           "PRESS_INSTANCE_PATH": str(root / "seed")}
    done = subprocess.run([sys.executable, "-c", SEED, EMAILS["photographer"], EMAILS["editor"],
                           PASSWORDS["photographer"], PASSWORDS["editor"], APPROVED_TITLE, str(releases)],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"seeding the database failed:\n{done.stderr[-3000:]}")


@contextlib.contextmanager
def two_nodes(root: Path, *, gunicorn_workers: int = 1, releases: int = 1):
    """Yields a :class:`Cluster` whose nodes ``a`` and ``b`` answer, the database seeded
    (:data:`SEED`, with ``releases`` approved releases)."""
    with contextlib.ExitStack() as stack:
        redis_url = stack.enter_context(redis_server.throwaway_server())
        swift = throwaway_swift(root)
        with ThreadPoolExecutor(1) as pool:  # Swift starts while the database is made
            s3_started = pool.submit(swift.__enter__)
            try:
                database_url = stack.enter_context(pg_server.throwaway_server(max_connections=100))
                seed(root, database_url, redis_url, releases)
            finally:
                s3 = s3_started.result()  # raises if Swift did not start (it then stopped itself)
                stack.push(swift.__exit__)
        env = shared_settings(database_url, redis_url, s3)
        nodes = {}
        for name in ("a", "b"):
            folder = root / f"node-{name}"
            folder.mkdir()
            nodes[name] = LiveServer(folder, workers=gunicorn_workers, with_job_worker=False,
                                     env={**env, "PRESS_INSTANCE_PATH": str(folder / "instance")})
        supervisor = start_supervised_worker(root, env)
        stack.callback(lambda: stop_together([supervisor, *(node.process for node in nodes.values())]))
        with ThreadPoolExecutor(len(nodes)) as pool:  # both load the application at once
            list(pool.map(LiveServer.serve, nodes.values()))
        yield Cluster(nodes, supervisor, env, root / "worker.log")


def kill_node(node: LiveServer) -> None:
    """SIGKILL a node's gunicorn master and workers."""
    kill_server(node)
