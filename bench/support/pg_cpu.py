"""CPU seconds a local PostgreSQL server has used, read from Linux's ``/proc``: its postmaster
(with the backends it has reaped) and its live backends. The benchmarks print it beside wall
time, which other work on the machine stretches. None when the server is not on this
machine or ``/proc`` cannot tell (another system, no rights to the data folder)."""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError


def postmaster_pid(engine) -> int | None:
    """The server's postmaster, from ``postmaster.pid`` in its data folder (a superuser may ask)."""
    try:
        with engine.connect() as conn:
            folder = conn.scalar(text("SELECT setting FROM pg_settings WHERE name = 'data_directory'"))
        return int(Path(folder, "postmaster.pid").read_text().split()[0]) if folder else None
    except (OSError, ValueError, IndexError, SQLAlchemyError):  # elsewhere, or a role that may not ask
        return None


def _stat(pid: int) -> tuple[int, list[int]] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()
    return int(fields[1]), [int(x) for x in fields[11:15]]  # ppid; utime, stime, cutime, cstime


def server_cpu(pid: int | None) -> float | None:
    """CPU seconds of the postmaster ``pid`` and its children so far."""
    if pid is None:
        return None
    own = _stat(pid)
    if own is None:
        return None
    ticks = sum(own[1])
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            child = _stat(int(entry))
            if child and child[0] == pid:
                ticks += child[1][0] + child[1][1]
    return ticks / os.sysconf("SC_CLK_TCK")
