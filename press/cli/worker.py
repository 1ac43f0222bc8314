"""``flask worker``: run the application's background jobs (``press.jobs``) until stopped.

Takes jobs from the queue ``PRESS_JOBS_URL`` names and runs them in ``--workers``
threads; the consumer holding the scheduler lease also runs the periodic jobs (the
embargo clock, the index catch-up). SIGINT or SIGTERM stop it: SIGINT lets running
jobs finish. A worker killed outright loses at most the job it was running, which the
next periodic run does again.
"""
from __future__ import annotations

import logging
import os

import click
from flask import current_app
from flask.cli import with_appcontext

from press import job_queue
from press.config import ConfigError


@click.command("worker")
@click.option("--workers", type=click.IntRange(1, 16), default=1, show_default=True,
              help="Threads running jobs.")
@click.option("--no-periodic", is_flag=True, help="Only run queued jobs; never schedule the periodic ones.")
@click.option("--verbose", is_flag=True, help="Log every job run, not only failures.")
@click.option("--nice", type=click.IntRange(0, 19), default=0, show_default=True,
              help="Lower the worker's CPU priority by this much, so web requests come first.")
@with_appcontext
def worker_command(workers: int, no_periodic: bool, verbose: bool, nice: int) -> None:
    """Run background jobs (and, unless another worker does, the periodic ones) until stopped."""
    if nice:
        os.nice(nice)
    app = current_app._get_current_object()
    try:
        consumer = job_queue.consumer(app, workers=workers, periodic=not no_periodic)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("huey").setLevel(logging.INFO if verbose else logging.WARNING)
    click.echo(f"Siaran worker: jobs from {job_queue.describe(app)}, {workers} thread(s); "
               f"jobs: {', '.join(sorted(job_queue.queue_of(app).tasks))}", err=True)
    consumer.run()
