"""A command run before the database was set up says so, instead of a traceback.

Every command but ``setup`` and ``migrate-to`` reads tables that ``flask setup`` creates; on a
fresh checkout (or a wrong ``PRESS_DATABASE_URL``) SQLite answers "no such table" and PostgreSQL
"relation … does not exist". Those two answers, and only those, become one clear message."""
from __future__ import annotations

import functools

import click
from sqlalchemy.exc import OperationalError, ProgrammingError

MESSAGE = ("Basis data belum disiapkan (tabel tidak ada): jalankan `flask --app wsgi setup` "
           "(atau `make run`) lebih dulu.")


def _missing_table(error: str) -> bool:
    return error.startswith("no such table") or ("relation" in error and "does not exist" in error)


def _guarded(callback):
    @functools.wraps(callback)
    def run(*args, **kwargs):
        try:
            return callback(*args, **kwargs)
        except (OperationalError, ProgrammingError) as exc:
            if not _missing_table(str(exc.orig)):
                raise
            raise click.ClickException(MESSAGE) from exc
    run.guarded = True
    return run


def guard_commands(command: click.Command, skip: frozenset[str] = frozenset({"setup", "migrate-to"})) -> None:
    """Wrap the callback of `command` and of every command under it, but those named in `skip`,
    once (every app the process makes registers the same command objects)."""
    if command.name in skip:
        return
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            guard_commands(sub, skip)
    elif command.callback is not None and not getattr(command.callback, "guarded", False):
        command.callback = _guarded(command.callback)
