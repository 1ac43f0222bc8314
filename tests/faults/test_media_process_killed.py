"""A job worker SIGKILLed while it renders an uploaded photo: the photo stays
``processing`` (nothing half-recorded), and ``flask worker`` started afterwards finishes
it once: its renditions, tags and index entry, as if nothing had happened."""
from __future__ import annotations

import signal
import subprocess
import sys

from sqlalchemy import func, select

from press import create_app
from press.extensions import db
from press.models import Media, MediaTag, Rendition
from tests.browser.conftest import LiveServer
from tests import databases
from tests.conftest import REPO_ROOT, Auth, make_config
from tests.faults.conftest import wait_for
from tests.photos.test_media_processing import URL, photo_bytes, upload

# A worker that writes the renditions, says so, then hangs before recording them.
STOPPING_WORKER = """
import sys, time
from press import create_app, job_queue
from press.services import media_processing

real = media_processing.finish_photo

def finish_then_hang(*args, **kwargs):
    real(*args, **kwargs)
    open(sys.argv[1], "w").write("rendered")
    time.sleep(600)

media_processing.finish_photo = finish_then_hang
job_queue.consumer(create_app()).run()
"""


def state(app, media_id: int) -> tuple[str, int, int]:
    with app.app_context():
        try:
            media = db.session.get(Media, media_id)
            renditions = db.session.scalar(select(func.count()).select_from(Rendition)
                                           .where(Rendition.media_id == media_id))
            tags = db.session.scalar(select(func.count()).select_from(MediaTag).where(MediaTag.media_id == media_id))
            return media.status, renditions, tags
        finally:
            db.session.remove()


def test_a_worker_killed_while_rendering_a_photo_leaves_it_processing_and_the_next_worker_finishes_it(
        tmp_path, migrated_db):
    databases.copy_demo(migrated_db, tmp_path)
    env = LiveServer(tmp_path).env
    app = create_app(make_config(tmp_path, JOBS_URL=env["PRESS_JOBS_URL"]))
    client = app.test_client()
    auth = Auth(client)
    auth.login("photographer")
    answer = upload(client, auth.token(URL), photo_bytes(7)).get_json()
    assert answer["status"] == "processing", answer
    media_id = answer["media_id"]

    marker = tmp_path / "rendered"
    stopping_log = open(tmp_path / "stopping.log", "wb")
    stopping = subprocess.Popen([sys.executable, "-c", STOPPING_WORKER, str(marker)], cwd=REPO_ROOT, env=env,
                                stdout=stopping_log, stderr=stopping_log)
    try:
        assert wait_for(marker.exists, watch=(stopping,)), \
            "the first worker never rendered the photo:\n" + (tmp_path / "stopping.log").read_text()
    finally:
        stopping.send_signal(signal.SIGKILL)
        stopping.wait(timeout=30)
    assert state(app, media_id) == ("processing", 0, 0)

    log = open(tmp_path / "worker.log", "wb")
    worker = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "worker"], cwd=REPO_ROOT, env=env,
                              stdout=log, stderr=log)
    try:
        assert wait_for(lambda: state(app, media_id)[0] == "ok", watch=(worker,)), (tmp_path / "worker.log").read_text()
        index = app.extensions["search_index"]
        assert wait_for(lambda: index.search("Canon", public=False).total >= 1, watch=(worker,))
    finally:
        worker.send_signal(signal.SIGINT)
        worker.wait(timeout=30)
    status, renditions, tags = state(app, media_id)
    assert (status, renditions) == ("ok", 2) and tags > 0
    thumb = client.get(f"/staf/foto/status?id={media_id}").get_json()["photos"][0]["thumb"]
    assert client.get(thumb).status_code == 200
    with app.app_context():
        db.engine.dispose()
