"""A throw-away Redis server for the tests and benchmarks: Debian's ``redis-server`` on a
free loopback port, nothing written to disk (``--save ''``, no append-only file), stopped
when its ``with`` block ends.

The session fixture ``redis_server`` starts one per pytest process (each xdist worker has
its own); ``redis_url`` hands a test an emptied database on it. Tests using them carry the
``redis`` marker (``tests/conftest.py``), which ``make test-fast`` leaves out. Without the
package the test fails saying which package to install, rather than being skipped.
"""
from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time

import pytest
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError


class RedisMissing(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_answering(url: str, process: subprocess.Popen, timeout: float = 20.0) -> None:
    client = Redis.from_url(url)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                client.ping()
                return
            except RedisConnectionError:
                if process.poll() is not None:
                    raise RuntimeError(f"redis-server stopped while starting (exit {process.returncode})") from None
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
    finally:
        client.close()


@contextlib.contextmanager
def throwaway_server(port: int | None = None):
    """Yields ``redis://127.0.0.1:PORT`` (a free port unless given); the server and its
    folder are gone afterwards."""
    binary = shutil.which("redis-server")
    if not binary:
        raise RedisMissing("redis-server is missing: install Debian's `redis-server` package (make test does)")
    folder = tempfile.mkdtemp(prefix="siaran-redis-")
    port = port or free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--dir", folder, "--daemonize", "no", "--loglevel", "warning"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}"
    try:
        wait_until_answering(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_server():
    """The URL of this test process's Redis server (database 0 of it)."""
    with throwaway_server() as url:
        yield url


@pytest.fixture
def redis_url(redis_server) -> str:
    """An emptied database on the session's Redis server."""
    url = f"{redis_server}/0"
    client = Redis.from_url(url)
    client.flushdb()
    client.close()
    return url
