"""Background jobs, declared beside the domain they serve.

A job is a plain function of one :class:`JobContext` (a database session of its own, the
application's configuration and extensions). The module that owns the work declares it:

    @jobs.job("index.drain")                   # run when asked for
    def drain_job(ctx): ...

    @jobs.periodic("release.publish-due", every="PUBLISH_CHECK_SECONDS")
    def publish_due_job(ctx): ...              # also run every N seconds (a number or a config key)

and domain code asks for a job to run once its transaction has committed with
:func:`after_commit` (nothing is queued for a transaction that rolls back). The runner
(``press.job_queue``: huey, a worker process or thread, or in-process under test)
commits the job's session when the function returns and rolls it back when it raises.

A job may be cut off at any point (a worker killed with SIGKILL loses the job it was
running) and must therefore be safe to run again: its effect is written in its one
transaction, and what is left to do is found in the database (the index queue, the
scheduled releases), not carried in the job's arguments. Periodic jobs are how work
whose job was lost gets done anyway.

Imports nothing but the standard library: services declare their jobs without Flask
or the queue library.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

AFTER_COMMIT_KEY = "jobs_after_commit"


@dataclass(frozen=True)
class JobContext:
    """What a job gets: its own session (committed by the runner), the configuration, the extensions."""

    session: Session
    config: Mapping[str, Any]
    extensions: Mapping[str, Any]


@dataclass(frozen=True)
class Job:
    """One declared job: its name, its function, and for a periodic job how often it runs
    (seconds, or the name of the configuration key holding them)."""

    name: str
    run: Callable[[JobContext], object]
    every: int | str | None = None
    retries: int = 2
    retry_delay: int = 5
    retry_backoff: float = 2.0

    def interval(self, config: Mapping[str, Any]) -> int | None:
        """Seconds between two runs of a periodic job (at least one); None for an on-demand job."""
        if self.every is None:
            return None
        seconds = config[self.every] if isinstance(self.every, str) else self.every
        return max(1, int(seconds))


JOBS: dict[str, Job] = {}


def _declare(entry: Job) -> Callable:
    if entry.name in JOBS and JOBS[entry.name].run is not entry.run:
        raise ValueError(f"two jobs are named {entry.name!r}")
    JOBS[entry.name] = entry
    return entry.run


def job(name: str, *, retries: int = 2, retry_delay: int = 5, retry_backoff: float = 2.0):
    """Declare ``run(ctx)`` as the job ``name``, run when asked for; on an error retried
    ``retries`` times, ``retry_delay`` seconds later, the delay times ``retry_backoff`` each time."""
    return lambda run: _declare(Job(name, run, None, retries, retry_delay, retry_backoff))


def periodic(name: str, *, every: int | str, retries: int = 2, retry_delay: int = 5, retry_backoff: float = 2.0):
    """Declare ``run(ctx)`` as the job ``name``, run every ``every`` seconds (or config key) and when
    asked for; a run that fails is retried like :func:`job`'s, sooner than the next period."""
    return lambda run: _declare(Job(name, run, every, retries, retry_delay, retry_backoff))


def after_commit(session: Session, name: str) -> None:
    """Ask for the job ``name`` once the session's transaction commits (once, however often asked)."""
    session.info.setdefault(AFTER_COMMIT_KEY, {})[name] = None


def take_requested(session: Session) -> list[str]:
    """The jobs asked for in the session's transaction, forgotten as they are returned."""
    return list(session.info.pop(AFTER_COMMIT_KEY, {}) or ())
