"""The job queue of one application: the jobs declared with ``press.jobs``, bound to huey.

Where queued jobs wait is chosen by ``JOBS_URL`` (``PRESS_JOBS_URL``) in one place,
:func:`make_huey`:

- ``sqlite:///PATH`` (the default: ``instance/jobs.db``): huey's SQLite storage, no server.
  A consumer runs the jobs: ``flask worker`` (its own process; ``make run`` starts one
  beside the web server) or :func:`start_embedded` (threads in the calling process).
- ``redis://HOST:PORT/DB`` (also ``rediss://``, ``unix://``): a Redis server that
  ``flask worker`` processes on any number of nodes share (``press.redis_queue``): a job
  is acknowledged when done, so one whose worker was killed runs again on another worker
  after ``JOBS_LEASE_SECONDS``.
- ``immediate``: a job runs in the process that asks for it, at once (the tests, one-off
  scripts). Periodic jobs never run there; nothing needs a worker.

Periodic jobs still run once per period with several workers. On SQLite one consumer at
a time puts them on the queue, whichever holds the scheduler lease (an ``flock`` beside
the SQLite file, let go by the kernel when that process ends however it ends); on Redis
every consumer's scheduler tries and the one that claims the period's key in Redis wins.
Each job is safe to run twice anyway (``press.jobs``). A failed job is retried with a
delay that doubles each time (``jobs.job``'s ``retry_delay`` and ``retry_backoff``).

Jobs asked for with ``jobs.after_commit`` are queued when the request's (or a job's)
session commits; a job runs in an application context with a session of its own,
committed when it returns.
"""
from __future__ import annotations

import contextlib
import functools
import importlib
import logging
import os
import time
from pathlib import Path

from flask import Flask, current_app, has_app_context
from huey import MemoryHuey, SqliteHuey
from huey.api import Huey
from huey.consumer import Consumer, Scheduler
from sqlalchemy import event
from sqlalchemy.orm import sessionmaker

from press import jobs
from press.config import REDIS_SCHEMES, ConfigError
from press.extensions import db
from press.redis_queue import LeasedRedisHuey
from press.search.locking import IndexBusyError, file_lock

log = logging.getLogger(__name__)

IMMEDIATE = "immediate"
SQLITE_PREFIX = "sqlite:///"
QUEUE_NAME = "siaran"
# The modules that declare jobs (``press.jobs``); a module declaring its first job joins them.
DECLARING_MODULES = ("press.services.bulk_edit", "press.services.consent", "press.services.crops",
                     "press.services.indexing", "press.services.media_processing", "press.services.outbox_sender",
                     "press.services.placements", "press.services.proof_checks", "press.services.release_mail", "press.services.toolkit", "press.services.workflow")
# A quiet worker looks for new jobs at least this often (huey backs off up to it).
MAX_POLL_SECONDS = 0.5


def make_huey(url: str, *, lease_seconds: int = 30) -> Huey:
    """The huey that keeps jobs where ``url`` says; the one place a storage is chosen.
    Nothing connects to a server here: a web node starts while Redis is away."""
    if url == IMMEDIATE:
        return MemoryHuey(QUEUE_NAME, immediate=True, results=False)
    if url.startswith(SQLITE_PREFIX):
        path = Path(url[len(SQLITE_PREFIX):])
        path.parent.mkdir(parents=True, exist_ok=True)
        return SqliteHuey(QUEUE_NAME, filename=str(path), results=False)
    if url.startswith(REDIS_SCHEMES):
        try:
            return LeasedRedisHuey(QUEUE_NAME, url=url, lease_seconds=lease_seconds, results=False)
        except ValueError as exc:
            raise ConfigError(f"PRESS_JOBS_URL {url!r}: {exc}") from exc
    raise ConfigError(f"PRESS_JOBS_URL {url!r} is not understood: write sqlite:///PATH, "
                      f"redis://HOST:PORT/DB or {IMMEDIATE}")


def lease_path(huey: Huey) -> str | None:
    """The file whose lock lets one consumer schedule periodic jobs; None where one process holds the queue."""
    filename = getattr(huey.storage, "filename", None)
    return f"{filename}.scheduler" if filename else None


class JobQueue:
    """An application's huey and its tasks, by job name."""

    def __init__(self, app: Flask, huey: Huey):
        self.huey = huey
        self.tasks = {}
        claim = getattr(huey.storage, "claim_period", None)
        for entry in jobs.JOBS.values():
            run = _runner(app, entry)
            every = entry.interval(app.config)
            retrying = {"retries": entry.retries, "retry_delay": entry.retry_delay, "retry_backoff": entry.retry_backoff}
            if every is None:
                task = huey.task(**retrying, name=entry.name)(run)
            else:
                claim_slot = claim and functools.partial(claim, entry.name, every)
                task = huey.periodic_task(_every(every, claim_slot), **retrying, name=entry.name)(run)
            self.tasks[entry.name] = task

    def enqueue(self, name: str) -> None:
        """Queue the job ``name`` (run it now under ``immediate``)."""
        self.tasks[name]()


def init_app(app: Flask) -> JobQueue:
    for module in DECLARING_MODULES:
        importlib.import_module(module)
    huey = make_huey(app.config["JOBS_URL"], lease_seconds=app.config["JOBS_LEASE_SECONDS"])
    queue = app.extensions["jobs"] = JobQueue(app, huey)
    return queue


def queue_of(app: Flask | None = None) -> JobQueue:
    return (app or current_app).extensions["jobs"]


def _runner(app: Flask, entry: jobs.Job):
    def run():
        with app.app_context():
            with _job_sessions(bind=db.engine) as session:
                try:
                    entry.run(jobs.JobContext(session, app.config, app.extensions))
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise

    run.__module__ = entry.run.__module__
    run.__doc__ = entry.run.__doc__
    return run


def _every(seconds: int, claim=None):
    """A periodic task's test: true once in each ``seconds``-long slot of the clock, and
    where several schedulers run (Redis) only for the one whose ``claim(slot)`` wins."""
    last = [None]

    def due(_timestamp) -> bool:
        slot = int(time.time() // seconds)
        if slot == last[0]:
            return False
        last[0] = slot
        try:
            return claim is None or claim(slot)
        except Exception as exc:  # Redis away (the lease's warning says so): asked again at the next second
            log.debug("could not claim the period of a periodic job: %s", exc)
            last[0] = None
            return False

    return due


# -- jobs asked for in a transaction, queued when it commits ---------------------------

_job_sessions = sessionmaker(expire_on_commit=False)


def _queue_requested(session) -> None:
    names = jobs.take_requested(session)
    if not names or not has_app_context():
        return
    queue = current_app.extensions.get("jobs")
    for name in names if queue else ():
        try:
            queue.enqueue(name)
        except Exception:  # the periodic run of the job does the work later
            log.exception("could not queue the job %s", name)


def _forget_requested(session, transaction) -> None:
    if transaction.parent is None:
        jobs.take_requested(session)


for _sessions in (db.session, _job_sessions):
    event.listen(_sessions, "after_commit", _queue_requested)
    event.listen(_sessions, "after_soft_rollback", _forget_requested)


# -- consumers -------------------------------------------------------------------------

class SchedulerLease:
    """Held by at most one consumer of a SQLite queue at a time; tried again on each tick."""

    def __init__(self, path: str | None):
        self.path = path
        self._held: contextlib.ExitStack | None = None

    def acquire(self) -> bool:
        if self.path is None or self._held is not None:
            return True
        stack = contextlib.ExitStack()
        try:
            stack.enter_context(file_lock(self.path, timeout=0, what="job scheduler"))
        except IndexBusyError:
            return False
        self._held = stack
        return True

    def release(self) -> None:
        if self._held is not None:
            self._held.close()
            self._held = None


class _Scheduler(Scheduler):
    """Huey's scheduler, looking at periodic jobs every second while it holds the lease."""

    periodic_task_seconds = 1

    def __init__(self, huey, stop_flag, interval, periodic, lease: SchedulerLease):
        super().__init__(huey, stop_flag, interval, periodic)
        self.wants_periodic = periodic
        self.lease = lease

    def loop(self, now=None):
        tick = getattr(self.huey.storage, "tick", None)
        if tick is not None:
            try:
                tick()
            except Exception as exc:  # Redis away: the next second tries again
                log.warning("could not renew the worker's lease: %s", exc)
        self.periodic = self.wants_periodic and self.lease.acquire()
        return super().loop(now)

    def shutdown(self):
        self.lease.release()


class WorkerConsumer(Consumer):
    """A huey consumer whose scheduler takes the lease; ``embedded`` leaves signals to the host."""

    def __init__(self, huey, *, embedded: bool = False, **options):
        self.lease = SchedulerLease(lease_path(huey))
        self.embedded = embedded
        super().__init__(huey, **options)

    def _create_scheduler(self):
        return _Scheduler(self.huey, self.stop_flag, self.scheduler_interval, self.periodic, self.lease)

    def start(self):
        renew = getattr(self.huey.storage, "renew", None)
        if renew is not None:  # the lease is held before the first job is taken
            try:
                renew()
            except Exception as exc:  # Redis away: the worker waits for it, as each job does
                log.warning("could not reach the jobs' Redis (%s); trying again every second", exc)
        super().start()

    def stop(self, graceful=False):
        super().stop(graceful)
        self._retire()

    def run(self):
        try:
            super().run()
        finally:
            self._retire()

    def _retire(self):
        retire = getattr(self.huey.storage, "retire", None)
        if retire is not None:
            try:
                retire()
            except Exception as exc:  # the lease runs out instead
                log.warning("could not hand back the worker's jobs: %s", exc)

    def _set_signal_handlers(self):
        if not self.embedded:
            super()._set_signal_handlers()


def consumer(app: Flask, *, workers: int = 1, periodic: bool = True, embedded: bool = False) -> WorkerConsumer:
    """A consumer of the app's queue with ``workers`` threads (not started)."""
    huey = queue_of(app).huey
    if huey.immediate:
        raise ConfigError(f"PRESS_JOBS_URL={IMMEDIATE} runs every job where it is asked for; there is no queue to work")
    return WorkerConsumer(huey, embedded=embedded, workers=workers, periodic=periodic, worker_type="thread",
                          max_delay=MAX_POLL_SECONDS, scheduler_interval=1)


def start_embedded(app: Flask, *, workers: int = 1) -> WorkerConsumer:
    """Run a consumer in threads of this process; stop it with ``.stop(graceful=True)``."""
    worker = consumer(app, workers=workers, embedded=True)
    worker.start()
    return worker


def describe(app: Flask) -> str:
    """Where the app's jobs wait, for the worker's first line."""
    url = app.config["JOBS_URL"]
    if url.startswith(REDIS_SCHEMES):
        return queue_of(app).huey.storage.where()
    return url if not url.startswith(SQLITE_PREFIX) else os.path.abspath(url[len(SQLITE_PREFIX):])
