"""A worker SIGKILLed in the middle of a job: the job's effect happens once, when a worker
runs it again. The first worker publishes a due release up to the moment before its
commit and is killed there; ``flask worker`` started afterwards publishes it, with one
audit event, and the release is searchable."""
from __future__ import annotations

import signal
import subprocess
import sys
from datetime import datetime, timedelta, timezone

from press import create_app
from press.extensions import db
from press.models import Release
from tests.browser.conftest import LiveServer
from tests import databases
from tests.conftest import REPO_ROOT, make_config
from tests.faults.conftest import wait_for
from tests.unit.test_jobs import state_and_events

# A worker whose embargo clock stops for good after publishing (flushed, not committed).
STOPPING_WORKER = """
import os, sys, time
from press import create_app, job_queue
from press.services import workflow

publish = workflow.publish_one_due

def publish_then_hang(session, release_id, now):
    release = publish(session, release_id, now)
    session.flush()
    with open(sys.argv[1], "w") as marker:
        marker.write(str(release_id))
    time.sleep(600)

workflow.publish_one_due = publish_then_hang
job_queue.consumer(create_app()).run()
"""


def environment(root) -> dict:
    """The live server's settings for an instance in ``root``, the embargo clock every second."""
    return {**LiveServer(root).env, "PRESS_PUBLISH_CHECK_SECONDS": "1"}


def test_a_worker_killed_in_the_middle_of_the_embargo_clock_publishes_once_when_run_again(tmp_path, migrated_db):
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path, JOBS_URL="immediate"))
    with app.app_context():
        release = Release(slug="pameran-ukm-kolintang", title="Pameran UKM Kolintang", body="Isi.", state="scheduled",
                          embargo_at=datetime.now(timezone.utc) - timedelta(seconds=1))
        db.session.add(release)
        db.session.commit()
        release_id = release.id
        db.engine.dispose()

    env, marker = environment(tmp_path), tmp_path / "publishing"
    stopping_log = open(tmp_path / "stopping.log", "wb")
    stopping = subprocess.Popen([sys.executable, "-c", STOPPING_WORKER, str(marker)], cwd=REPO_ROOT, env=env,
                                stdout=stopping_log, stderr=stopping_log)
    try:
        assert wait_for(marker.exists, watch=(stopping,)), \
            "the first worker never reached the publication:\n" + (tmp_path / "stopping.log").read_text()
        assert marker.read_text() == str(release_id)
    finally:
        stopping.send_signal(signal.SIGKILL)
        stopping.wait(timeout=30)
    assert state_and_events(app, release_id) == ("scheduled", 0)

    log = open(tmp_path / "worker.log", "wb")
    worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "worker"], cwd=REPO_ROOT, env=env,
                              stdout=log, stderr=log)
    try:
        assert wait_for(lambda: state_and_events(app, release_id)[0] == "published", watch=(worker,)), \
            (tmp_path / "worker.log").read_text()
        index = app.extensions["search_index"]
        assert wait_for(lambda: index.search("kolintang", public=True).total == 1, watch=(worker,))
    finally:
        worker.send_signal(signal.SIGINT)
        worker.wait(timeout=30)
    assert state_and_events(app, release_id) == ("published", 1)
