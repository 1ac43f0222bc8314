"""``flask db …``: Flask-Migrate's commands, imported (with Alembic) when one of them runs.

Listing it costs nothing: ``flask --help`` and every other command, the job worker's
included, no longer import Alembic at start. Its name, help and every subcommand and option
are Flask-Migrate's own, and they are guarded like the other commands (``unset_database``).
"""
from __future__ import annotations

import functools

import click

from .unset_database import guard_commands

HELP = "Perform database migrations."
"""Flask-Migrate's own help line for the group, shown by ``flask --help`` without importing it."""


@functools.cache
def migration_commands() -> click.Group:
    from flask_migrate.cli import db

    guard_commands(db)
    return db


class MigrationCommands(click.Group):
    """Stands for Flask-Migrate's group in ``flask``'s list; running or completing it hands
    the arguments to the real group, which parses, helps and runs as it always did."""

    def __init__(self) -> None:
        super().__init__("db", help=HELP)

    def make_context(self, info_name, args, parent=None, **extra):
        return migration_commands().make_context(info_name, args, parent=parent, **extra)
