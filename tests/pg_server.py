"""A throw-away PostgreSQL server for the tests, and the databases each test gets on it.

``throwaway_server()`` makes a cluster in a temporary folder and serves it on a Unix socket
only (``listen_addresses=``), as the ``postgres`` system user when run as root (PostgreSQL
refuses root), with ``fsync=off``. ``tests/unit/test_postgres.py`` uses it for one test;
``make test-postgres`` runs ``python -m tests.pg_server pytest …``, which starts one server,
gives its URL to the suite in ``PRESS_TEST_DATABASE_URL`` and stops it when pytest ends.

Needs Debian's ``postgresql`` package (``tools/system-packages`` installs it); without it
the caller is told which package is missing rather than skipped.
"""
from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

USER = "siaran"


class PostgresMissing(RuntimeError):
    pass


def pg_bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if not found:
        raise PostgresMissing(f"PostgreSQL's {name} is missing: install Debian's `postgresql` package (make test does)")
    return found


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root; run it as the ``postgres`` system user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextlib.contextmanager
def throwaway_server(max_connections: int = 200, settings: dict[str, str] | None = None):
    """Yields the SQLAlchemy URL of the server's ``postgres`` database; stops the server
    and removes its folder afterwards. ``settings``: more server settings (name → value),
    as the benchmarks give a deployment's memory settings."""
    # Not under pytest's tmp folder: the server user must be able to reach it.
    base = Path(tempfile.mkdtemp(prefix="siaran-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
    server = None
    try:
        subprocess.run(_as_server_user([pg_bin("initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8"]),
                       check=True, capture_output=True)
        server = subprocess.Popen(
            _as_server_user([pg_bin("postgres"), "-D", str(data), "-k", str(sock), "-c", "listen_addresses=",
                             "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                             "-c", f"max_connections={max_connections}",
                             *(f"-c{name}={value}" for name, value in (settings or {}).items())]),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        for _attempt in range(300):
            if subprocess.run([pg_bin("pg_isready"), "-h", str(sock), "-U", USER], capture_output=True).returncode == 0:
                break
            if server.poll() is not None:
                raise RuntimeError("the PostgreSQL server stopped while starting")
            time.sleep(0.1)
        yield f"postgresql+psycopg://{USER}@/postgres?host={sock}"
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(base, ignore_errors=True)


def main(argv: list[str]) -> int:
    """Run ``argv`` with ``PRESS_TEST_DATABASE_URL`` pointing at a throw-away server."""
    with throwaway_server() as url:
        return subprocess.run(argv, env={**os.environ, "PRESS_TEST_DATABASE_URL": url}).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
