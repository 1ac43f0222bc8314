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


class PortTaken(RuntimeError):
    """Another Redis answers on the port this one was to listen on."""


def wait_until_answering(url: str, process: subprocess.Popen, timeout: float = 20.0) -> None:
    """Once ``process`` answers on ``url``; :class:`PortTaken` when another server does (the
    port was taken between :func:`free_port` and this one's start, and tests on it would
    share another process's jobs and have their data flushed by it)."""
    client = Redis.from_url(url)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                if client.info("server")["process_id"] != process.pid:
                    raise PortTaken(f"{url} is another process's Redis")
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
    try:
        for attempt in range(1 if port else 3):  # a free port taken meanwhile: another one
            chosen = port or free_port()
            process = subprocess.Popen([binary, "--port", str(chosen), "--bind", "127.0.0.1", "--save", "",
                                        "--appendonly", "no", "--dir", folder, "--daemonize", "no",
                                        "--loglevel", "warning"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            url = f"redis://127.0.0.1:{chosen}"
            try:
                wait_until_answering(url, process)
                break
            except PortTaken:
                _stop(process)
                if port or attempt == 2:
                    raise
            except BaseException:
                _stop(process)
                raise
        try:
            yield url
        finally:
            _stop(process)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


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
