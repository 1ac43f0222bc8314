"""A throw-away OpenStack Swift node speaking S3 on loopback, for the object-store tests.

``throwaway_swift()`` builds one-device, one-replica rings (``swift-ring-builder``'s library) in a
temporary folder (the objects live there too: Swift needs user xattrs, which ext4 has),
starts the account, container, object and proxy servers on ports the kernel picked, the
proxy with ``tempauth`` and ``s3api`` in its pipeline, waits until S3 answers, yields an
:class:`S3Node` and stops the four daemons afterwards. ``python -m tests.swift_server CMD``
runs CMD with ``PRESS_TEST_S3_*`` pointing at one node (what ``bench/storage.py`` uses).

Needs Debian 12's ``swift-proxy``, ``swift-account``, ``swift-container`` and ``swift-object``
(``tools/system-packages`` installs them); without them the caller is told which package
is missing rather than skipped. Swift runs on Debian's own ``/usr/bin/python3``.
"""
from __future__ import annotations

import contextlib
import getpass
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ACCESS_KEY = "siaran:tester"
SECRET_KEY = "testing-secret"
REGION = "us-east-1"
SERVERS = ("account", "container", "object")
PACKAGES = {"account": "swift-account", "container": "swift-container", "object": "swift-object",
            "proxy": "swift-proxy"}


class SwiftMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class S3Node:
    endpoint: str
    access_key: str = ACCESS_KEY
    secret_key: str = SECRET_KEY
    region: str = REGION


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _binary(name: str) -> str:
    found = shutil.which("swift-ring-builder" if name == "ring" else f"swift-{name}-server")
    if not found:
        package = PACKAGES.get(name, "swift")
        raise SwiftMissing(f"Swift's {name} server is missing: install Debian's `{package}` package (make test does)")
    return found


def _common(base: Path, port: int) -> str:
    return (f"[DEFAULT]\nbind_ip = 127.0.0.1\nbind_port = {port}\nworkers = 0\nuser = {getpass.getuser()}\n"
            f"swift_dir = {base}\ndevices = {base / 'srv'}\nmount_check = false\n"
            f"log_level = WARNING\nlog_address = {base / 'no-syslog'}\n")


def _server_conf(base: Path, kind: str, port: int) -> str:
    return (_common(base, port) + f"\n[pipeline:main]\npipeline = {kind}-server\n\n"
            f"[app:{kind}-server]\nuse = egg:swift#{kind}\n")


def _proxy_conf(base: Path, port: int) -> str:
    user = ACCESS_KEY.replace(":", "_")
    return (_common(base, port)
            + "\n[pipeline:main]\npipeline = catch_errors gatekeeper proxy-logging cache listing_formats s3api tempauth "
              "copy slo dlo proxy-logging proxy-server\n\n"
              "[app:proxy-server]\nuse = egg:swift#proxy\naccount_autocreate = true\n\n"
              "[filter:catch_errors]\nuse = egg:swift#catch_errors\n\n"
              "[filter:gatekeeper]\nuse = egg:swift#gatekeeper\n\n"
              "[filter:proxy-logging]\nuse = egg:swift#proxy_logging\n\n"
              # tempauth insists on a cache; nothing listens there, so every look-up misses.
              f"[filter:cache]\nuse = egg:swift#memcache\nmemcache_servers = 127.0.0.1:{_free_port()}\n\n"
              "[filter:listing_formats]\nuse = egg:swift#listing_formats\n\n"
              f"[filter:s3api]\nuse = egg:swift#s3api\nlocation = {REGION}\n\n"
              f"[filter:tempauth]\nuse = egg:swift#tempauth\nuser_{user} = {SECRET_KEY} .admin\n\n"
              "[filter:copy]\nuse = egg:swift#copy\n\n"
              "[filter:slo]\nuse = egg:swift#slo\n\n"
              "[filter:dlo]\nuse = egg:swift#dlo\n")


# What `swift-ring-builder X.builder create 4 1 1`, `add r1z1-127.0.0.1:PORT/sdb1 100` and
# `rebalance` do, for the three rings in one process of Swift's own Python: nine runs of the
# tool took 47 s on the shared 2-core machine (each loads Swift), this one a few seconds.
_RINGS = """
import sys
from swift.common.ring import RingBuilder
base = sys.argv[1]
for spec in sys.argv[2:]:
    kind, port = spec.split(":")
    builder = RingBuilder(4, 1, 1)
    builder.add_dev({"region": 1, "zone": 1, "ip": "127.0.0.1", "port": int(port), "device": "sdb1", "weight": 100})
    builder.rebalance()
    builder.save(f"{base}/{kind}.builder")
    builder.get_ring().save(f"{base}/{kind}.ring.gz")
"""


def _build_rings(base: Path, ports: dict[str, int]) -> None:
    python = Path(_binary("ring")).read_text().split("\n", 1)[0].removeprefix("#!").strip() or "/usr/bin/python3"
    done = subprocess.run([python, "-c", _RINGS, str(base), *(f"{kind}:{ports[kind]}" for kind in SERVERS)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"building Swift's rings failed: {done.stdout}{done.stderr}")


def _wait_for(url: str, processes: list[subprocess.Popen], log: Path) -> None:
    deadline = time.monotonic() + 180  # four daemons loading Swift: 15 s quiet, over a minute at load 15
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"a Swift server stopped while starting:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # the proxy answers (an S3 error for an anonymous request is an answer)
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"Swift did not answer on {url} within 180 s:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def throwaway_swift(base_dir: str | os.PathLike | None = None):
    """Yields an :class:`S3Node`; stops the servers and removes their folder afterwards."""
    for name in (*SERVERS, "proxy", "ring"):
        _binary(name)
    base = Path(tempfile.mkdtemp(prefix="siaran-swift-", dir=base_dir))
    (base / "srv" / "sdb1").mkdir(parents=True)
    (base / "swift.conf").write_text("[swift-hash]\nswift_hash_path_suffix = siaran-tests\n\n"
                                     "[storage-policy:0]\nname = gold\ndefault = yes\n")
    ports = {name: _free_port() for name in (*SERVERS, "proxy")}
    log = base / "servers.log"
    processes: list[subprocess.Popen] = []
    try:
        _build_rings(base, ports)
        with open(log, "ab") as out:
            for kind in SERVERS:
                conf = base / f"{kind}-server.conf"
                conf.write_text(_server_conf(base, kind, ports[kind]))
                processes.append(subprocess.Popen([_binary(kind), str(conf), "--verbose"], stdout=out, stderr=out))
            conf = base / "proxy-server.conf"
            conf.write_text(_proxy_conf(base, ports["proxy"]))
            processes.append(subprocess.Popen([_binary("proxy"), str(conf), "--verbose"], stdout=out, stderr=out))
        endpoint = f"http://127.0.0.1:{ports['proxy']}"
        _wait_for(endpoint + "/", processes, log)
        yield S3Node(endpoint)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(base, ignore_errors=True)

