"""Background jobs: declared beside their domain, run by a real consumer with no web request,
and periodic ones scheduled by one consumer at a time."""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from press import create_app, job_queue, jobs
from press.config import ConfigError
from press.extensions import db
from press.models import AuditEvent, Release
from tests import databases
from tests.conftest import make_config

WAIT_S = 30


@pytest.fixture(params=["sqlite", pytest.param("redis", marks=pytest.mark.redis)])
def queue_url(request, tmp_path) -> str:
    """Each queue a worker takes jobs from: a SQLite file, and a Redis server."""
    if request.param == "redis":
        return request.getfixturevalue("redis_url")
    return f"sqlite:///{tmp_path / 'jobs.db'}"


@pytest.fixture
def worker_app(tmp_path, migrated_db, queue_url):
    """An application whose jobs wait in a queue for a consumer, the clock every second."""
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path, JOBS_URL=queue_url, PUBLISH_CHECK_SECONDS=1))
    yield app
    with app.app_context():
        db.engine.dispose()


def wait_until(predicate, timeout: float = WAIT_S) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def schedule_release(app, title: str, seconds_ahead: float) -> int:
    with app.app_context():
        release = Release(slug=title.lower().replace(" ", "-"), title=title, body="Isi siaran.", state="scheduled",
                          embargo_at=datetime.now(timezone.utc) + timedelta(seconds=seconds_ahead))
        db.session.add(release)
        db.session.commit()
        return release.id


def state_and_events(app, release_id: int) -> tuple[str, int]:
    with app.app_context():
        state = db.session.scalar(select(Release.state).where(Release.id == release_id))
        events = db.session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "release.publish_due", AuditEvent.object_id == release_id))
        db.session.remove()
        return state, events


def test_the_embargo_clock_publishes_a_due_release_with_no_request_arriving(worker_app):
    release_id = schedule_release(worker_app, "Peluncuran Aplikasi Zirkonia", seconds_ahead=2)
    consumer = job_queue.start_embedded(worker_app)
    try:
        assert wait_until(lambda: state_and_events(worker_app, release_id)[0] == "published")
        # The publication asked for the index drain, which the same consumer ran.
        index = worker_app.extensions["search_index"]
        assert wait_until(lambda: index.search("zirkonia", public=True).total == 1)
    finally:
        consumer.stop(graceful=True)
    assert state_and_events(worker_app, release_id) == ("published", 1)
    with worker_app.app_context():
        release = db.session.get(Release, release_id)
        assert release.published_at == release.embargo_at


def test_a_commit_that_queues_index_rows_queues_one_drain_job(worker_app):
    huey = job_queue.queue_of(worker_app).huey
    schedule_release(worker_app, "Rapat Tanpa Antrean", seconds_ahead=3600)
    assert huey.pending_count() == 0  # nothing queued the index
    with worker_app.app_context():
        from press.services.indexing import enqueue_index

        enqueue_index(db.session, "release", 1)
        enqueue_index(db.session, "activity", 1)
        db.session.rollback()
        assert huey.pending_count() == 0  # a rolled-back transaction asks for nothing
        enqueue_index(db.session, "release", 1)
        enqueue_index(db.session, "activity", 1)
        db.session.commit()
    assert [task.name for task in huey.pending()] == ["index.drain"]


def test_only_one_consumer_at_a_time_holds_the_scheduler_lease(tmp_path):
    first, second = (job_queue.SchedulerLease(str(tmp_path / "jobs.db.scheduler")) for _ in range(2))
    assert first.acquire() and first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_every_declared_job_has_a_task_and_periodic_ones_an_interval(app):
    queue = job_queue.queue_of(app)
    assert set(queue.tasks) == set(jobs.JOBS) >= {"release.publish-due", "index.drain"}
    assert jobs.JOBS["release.publish-due"].interval(app.config) == app.config["PUBLISH_CHECK_SECONDS"]


def test_an_unknown_jobs_url_is_refused_with_the_forms_understood(tmp_path, migrated_db):
    with pytest.raises(ConfigError, match="sqlite:///PATH, redis://HOST:PORT/DB or immediate"):
        create_app(make_config(tmp_path, JOBS_URL="redsi://localhost"))


def test_the_worker_command_refuses_an_immediate_queue(runner):
    result = runner.invoke(args=["worker"])
    assert result.exit_code == 1 and "immediate" in result.output


def test_jobs_wait_in_a_sqlite_file_under_instance_by_default(monkeypatch, tmp_path, migrated_db):
    monkeypatch.delenv("PRESS_JOBS_URL", raising=False)
    config = make_config(tmp_path)
    del config["JOBS_URL"]
    app = create_app(config)
    assert app.config["JOBS_URL"] == f"sqlite:///{app.instance_path}/jobs.db"
    assert job_queue.queue_of(app).huey.storage.filename == f"{app.instance_path}/jobs.db"


def test_a_failing_job_is_retried_a_second_later_then_two_then_given_up(tmp_path, migrated_db, queue_url, monkeypatch):
    from huey.utils import utcnow

    attempts = []

    def flaky(ctx):
        attempts.append(ctx.config["JOBS_URL"])
        raise RuntimeError("the mail server is away")

    monkeypatch.setitem(jobs.JOBS, "test.flaky", jobs.Job("test.flaky", flaky, retries=2, retry_delay=1, retry_backoff=2))
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path, JOBS_URL=queue_url))
    huey = job_queue.queue_of(app).huey
    job_queue.queue_of(app).enqueue("test.flaky")
    task, waits = huey.dequeue(), []
    while task is not None:
        before = utcnow()
        huey.execute(task, task.eta)  # at its time, without waiting for it
        after = utcnow()
        retry = huey.scheduled()
        if not retry:
            break
        assert len(retry) == 1 and huey.pending_count() == 0  # waiting for its time, not queued
        waits.append(((retry[0].eta - after).total_seconds(), (retry[0].eta - before).total_seconds()))
        [task] = huey.read_schedule(retry[0].eta)
    assert len(attempts) == 3
    assert [lo <= expected <= hi for (lo, hi), expected in zip(waits, (1, 2))] == [True, True]
    assert huey.pending_count() == 0 and huey.scheduled_count() == 0
    if queue_url.startswith("redis"):
        assert huey.storage.in_flight() == 0  # each run acknowledged
    with app.app_context():
        db.engine.dispose()


def test_queue_url_is_the_other_name_of_the_jobs_url_and_may_not_disagree(monkeypatch, tmp_path, migrated_db):
    for name in ("PRESS_JOBS_URL", "PRESS_QUEUE_URL"):
        monkeypatch.delenv(name, raising=False)
    config = make_config(tmp_path, QUEUE_URL=f"sqlite:///{tmp_path / 'queue.db'}")
    del config["JOBS_URL"]
    assert create_app(config).config["JOBS_URL"] == f"sqlite:///{tmp_path / 'queue.db'}"
    with pytest.raises(ConfigError, match="set one of them"):
        create_app(make_config(tmp_path, QUEUE_URL="redis://127.0.0.1:6379/0"))


def test_a_redis_url_that_cannot_be_read_is_refused(tmp_path, migrated_db):
    with pytest.raises(ConfigError, match="redis://localhost:port/0.*Port"):
        create_app(make_config(tmp_path, JOBS_URL="redis://localhost:port/0"))


def test_a_publication_reaches_its_subscriber_once_through_two_worker_threads(tmp_path, migrated_db, queue_url):
    from huey import signals

    from bench.support.smtp_sink import SmtpServer
    from tests.mail.conftest import publish, ready_release, subscriber

    address = "redaksi@koran-bekasi.co.id"
    databases.copy_demo(migrated_db, tmp_path)
    with SmtpServer() as server:
        app = create_app(make_config(tmp_path, JOBS_URL=queue_url, SMTP_URL=server.url, MAIL_RATE_PER_MINUTE=0,
                                     OUTBOX_CHECK_SECONDS=1))
        sends = []
        job_queue.queue_of(app).huey.signal(signals.SIGNAL_COMPLETE)(
            lambda _signal, task, *_args: sends.append(task.name) if task.name == "outbox.send" else None)
        with app.app_context():
            subscriber(address)
            publish(ready_release())
            db.session.commit()
            db.session.remove()

        def delivered() -> int:
            return sum(message["To"] == address for message in server.sink.accepted)

        consumer = job_queue.start_embedded(app, workers=2)
        try:
            assert wait_until(lambda: delivered() >= 1)
            runs = len(sends)
            assert wait_until(lambda: len(sends) >= runs + 3)  # the periodic send ran again and again
        finally:
            consumer.stop(graceful=True)
        assert delivered() == 1
    with app.app_context():
        db.engine.dispose()
