"""``flask worker``: run the application's background jobs (``press.jobs``) until stopped.

Takes jobs from the queue ``PRESS_JOBS_URL`` names and runs them in ``--workers``
threads; the consumer holding the scheduler lease also runs the periodic jobs (the
embargo clock, the index catch-up). SIGINT or SIGTERM stop it: SIGINT lets running
jobs finish. A worker killed outright loses at most the job it was running, which the
next periodic run does again. ``--supervise`` runs the worker in a child process and
starts it again whenever it dies (``press.cli.supervise``).
"""
from __future__ import annotations

import logging
import os
import sys

import click
from flask import current_app
from flask.cli import ScriptInfo, with_appcontext

from press import job_queue
from press.config import ConfigError

from .supervise import Supervisor


@click.command("worker")
@click.option("--workers", type=click.IntRange(1, 16), default=1, show_default=True,
              help="Threads running jobs.")
@click.option("--no-periodic", is_flag=True, help="Only run queued jobs; never schedule the periodic ones.")
@click.option("--verbose", is_flag=True, help="Log every job run, not only failures.")
@click.option("--nice", type=click.IntRange(0, 19), default=0, show_default=True,
              help="Lower the worker's CPU priority by this much, so web requests come first.")
@click.option("--supervise", is_flag=True,
              help="Run the worker in a child process and start it again whenever it dies.")
@with_appcontext
def worker_command(workers: int, no_periodic: bool, verbose: bool, nice: int, supervise: bool) -> None:
    """Run background jobs (and, unless another worker does, the periodic ones) until stopped."""
    app = current_app._get_current_object()
    try:
        consumer = job_queue.consumer(app, workers=workers, periodic=not no_periodic)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    if supervise:
        options = ["--workers", str(workers), "--nice", str(nice), *(["--no-periodic"] if no_periodic else []),
                   *(["--verbose"] if verbose else [])]
        sys.exit(Supervisor(_child_command(options), _child_environment()).run())
    if nice:
        os.nice(nice)
    logging.getLogger("huey").setLevel(logging.INFO if verbose else logging.WARNING)
    click.echo(f"Siaran worker: jobs from {job_queue.describe(app)}, {workers} thread(s); "
               f"jobs: {', '.join(sorted(job_queue.queue_of(app).tasks))}", err=True)
    consumer.run()


def _child_command(options: list[str]) -> list[str]:
    return [sys.executable, "-m", "flask", "worker", *options]


def _child_environment() -> dict[str, str]:
    """This environment, with the application the supervisor was given (``--app``) named
    in ``FLASK_APP`` for the child; without one the child finds it as the supervisor did."""
    found = click.get_current_context().find_object(ScriptInfo)
    app_path = found.app_import_path if found is not None else None
    return {**os.environ, **({"FLASK_APP": app_path} if app_path else {})}
