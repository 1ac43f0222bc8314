"""The Redis queue's delivery, storage by storage (each ``LeasedRedisStorage`` stands for
one worker process): a job taken is not lost with its worker, and is not handed to a
second worker while the first is alive."""
from __future__ import annotations

from press.redis_queue import LeasedRedisStorage
from tests.unit.test_jobs import wait_until


def worker(redis_url: str, lease_seconds: int = 30) -> LeasedRedisStorage:
    storage = LeasedRedisStorage("siaran", url=redis_url, lease_seconds=lease_seconds)
    storage.renew()
    return storage


def test_a_job_stays_with_a_live_worker_and_returns_when_its_lease_runs_out(redis_url):
    first, second = worker(redis_url, lease_seconds=2), worker(redis_url)
    first.enqueue(b"job-1")
    assert first.dequeue() == b"job-1"
    second.tick()  # the first is alive: its job stays with it
    assert (second.dequeue(), first.in_flight()) == (None, 1)
    # The first stops renewing (killed); once its lease is gone another worker's second returns the job.
    assert wait_until(lambda: not first.conn.exists(first.lease_prefix + first.consumer_id), timeout=10)
    second.tick()
    assert second.dequeue() == b"job-1"
    second.ack(b"job-1")
    assert (second.queue_size(), second.in_flight()) == (0, 0)


def test_an_acknowledged_job_is_gone_and_a_stopping_worker_hands_back_the_rest_at_once(redis_url):
    first, second = worker(redis_url), worker(redis_url)
    for n in range(3):
        first.enqueue(f"job-{n}".encode())
    done, cut_off = first.dequeue(), first.dequeue()
    first.ack(done)
    first.retire()  # stopped in the middle of ``cut_off``: no waiting for the lease
    assert sorted([second.dequeue(), second.dequeue()]) == sorted([cut_off, b"job-2"])
    assert second.dequeue() is None and done == b"job-0"


def test_one_scheduler_across_nodes_claims_each_period(redis_url):
    nodes = [worker(redis_url) for _ in range(3)]
    assert [node.claim_period("release.publish-due", 15, 1000) for node in nodes] == [True, False, False]
    assert [node.claim_period("release.publish-due", 15, 1001) for node in reversed(nodes)] == [True, False, False]
    assert nodes[0].claim_period("outbox.send", 15, 1000)  # each job its own periods


def test_a_worker_started_before_its_redis_runs_the_jobs_once_redis_answers(tmp_path, migrated_db, monkeypatch):
    from press import create_app, job_queue, jobs
    from press.extensions import db
    from tests import databases
    from tests.conftest import make_config
    from tests.redis_server import free_port, throwaway_server

    ran = []
    monkeypatch.setitem(jobs.JOBS, "test.note", jobs.Job("test.note", lambda ctx: ran.append(1)))
    databases.copy_demo(migrated_db, tmp_path)
    port = free_port()
    app = create_app(make_config(tmp_path, JOBS_URL=f"redis://127.0.0.1:{port}/0"))
    consumer = job_queue.start_embedded(app)  # nothing answers on the port yet
    try:
        with throwaway_server(port):
            job_queue.queue_of(app).enqueue("test.note")
            assert wait_until(lambda: ran == [1], timeout=30)
            assert wait_until(lambda: job_queue.queue_of(app).huey.storage.in_flight() == 0, timeout=10)
    finally:
        consumer.stop(graceful=True)
        with app.app_context():
            db.engine.dispose()
