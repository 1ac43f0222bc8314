"""``flask worker`` processes sharing one Redis queue: a periodic job runs once per period
whatever the number of workers, and a job whose worker was SIGKILLed in the middle of it
runs again on another worker, its effect happening once."""
from __future__ import annotations

import signal
import subprocess
import sys
from datetime import datetime, timedelta, timezone

from press import create_app, job_queue
from press.extensions import db
from press.models import Release
from tests import databases
from tests.browser.conftest import LiveServer
from tests.faults import test_job_killed as job_killed
from tests.conftest import REPO_ROOT, make_config
from tests.faults.conftest import wait_for
from tests.unit.test_jobs import state_and_events

LEASE_SECONDS = 2

# A worker with one more periodic job, every second, that notes each run in a file.
TICKING_WORKER = """
import os, sys, time
from press import create_app, job_queue, jobs

@jobs.periodic("test.tick", every=1)
def tick(ctx):
    with open(sys.argv[1], "a") as runs:
        runs.write(f"{os.getpid()} {time.time()}\\n")

job_queue.consumer(create_app()).run()
"""

# The fault test's worker that stops for good in the middle of publishing a due release
# (flushed, not committed), here taking queued jobs only.
STOPPING_WORKER = job_killed.STOPPING_WORKER.replace("consumer(create_app())", "consumer(create_app(), periodic=False)")

# Another worker taking queued jobs only (no periodic run can do the work for it), loaded
# beside the first but starting to take jobs once the file argv[1] exists.
WAITING_WORKER = """
import os, sys, time
from press import create_app, job_queue

app = create_app()
while not os.path.exists(sys.argv[1]):
    time.sleep(0.05)
job_queue.consumer(app, periodic=False).run()
"""


def environment(root, redis_url: str) -> dict:
    return {**LiveServer(root).env, "PRESS_JOBS_URL": redis_url, "PRESS_JOBS_LEASE_SECONDS": str(LEASE_SECONDS)}


def stop(process: subprocess.Popen, how=signal.SIGTERM) -> None:
    if process.poll() is None:
        process.send_signal(how)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


def runs_of(path) -> list[tuple[int, float]]:
    if not path.exists():
        return []
    return [(int(pid), float(at)) for pid, at in (line.split() for line in path.read_text().splitlines())]


def test_two_workers_run_a_periodic_job_once_per_period(tmp_path, migrated_db, redis_url):
    databases.copy_demo(migrated_db, tmp_path)
    env, runs = environment(tmp_path, redis_url), tmp_path / "runs"
    workers = [subprocess.Popen([sys.executable, "-c", TICKING_WORKER, str(runs)], cwd=REPO_ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
    try:
        assert wait_for(lambda: len(runs_of(runs)) >= 6, watch=workers), runs_of(runs)
        assert [worker.poll() for worker in workers] == [None, None]  # both scheduling all along
    finally:
        for worker in workers:
            stop(worker)
    ticks = runs_of(runs)
    first, last = ticks[0][1], ticks[-1][1]
    # One run per one-second period (two workers each running it would make twice as many).
    assert len(ticks) <= (last - first) + 2, ticks


def test_a_job_whose_worker_was_killed_runs_again_on_another_worker_once(tmp_path, migrated_db, redis_url):
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path, JOBS_URL=redis_url))
    with app.app_context():
        release = Release(slug="festival-tabuik", title="Festival Tabuik Pariaman", body="Isi.", state="scheduled",
                          embargo_at=datetime.now(timezone.utc) - timedelta(seconds=1))
        db.session.add(release)
        db.session.commit()
        release_id = release.id
        db.engine.dispose()
    huey = job_queue.queue_of(app).huey
    env, marker = environment(tmp_path, redis_url), tmp_path / "publishing"

    stopping = subprocess.Popen([sys.executable, "-c", STOPPING_WORKER, str(marker)], cwd=REPO_ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log = open(tmp_path / "worker.log", "wb")
    other = subprocess.Popen([sys.executable, "-c", WAITING_WORKER, str(marker)], cwd=REPO_ROOT, env=env,
                             stdout=log, stderr=log)
    try:
        job_queue.queue_of(app).enqueue("release.publish-due")
        assert wait_for(marker.exists, watch=(stopping,)), "the first worker never reached the publication"
        assert (huey.pending_count(), huey.storage.in_flight()) == (0, 1)
        stopping.send_signal(signal.SIGKILL)
        stopping.wait(timeout=30)
        assert wait_for(lambda: state_and_events(app, release_id)[0] == "published", watch=(other,)), \
            (tmp_path / "worker.log").read_text()
        index = app.extensions["search_index"]
        assert wait_for(lambda: index.search("tabuik", public=True).total == 1, watch=(other,))
        # Publishing queues follow-on jobs (sending, indexing): the queue is drained once the other
        # worker has taken them, and nothing stays in flight from the killed worker.
        assert wait_for(lambda: (huey.pending_count(), huey.storage.in_flight()) == (0, 0), watch=(other,)), \
            (huey.pending_count(), huey.storage.in_flight())
    finally:
        stop(stopping, signal.SIGKILL)
        stop(other, signal.SIGINT)
        log.close()
    assert state_and_events(app, release_id) == ("published", 1)
