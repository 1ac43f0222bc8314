"""Benchmark of the blob store's two backends: put and get of a 5 MB original on the
filesystem and on S3-compatible object storage (a throw-away OpenStack Swift node with
``s3api`` on loopback, ``tests/swift_server.py``), beside the yardstick run in the same
process: raw boto3 ``put_object``/``get_object`` of the same bytes to the same node, with
none of the store's guarantees (no spool file, no ``Content-MD5``, no re-hash on read).

Every round stores new bytes (the store is content-addressed: the same bytes again cost a
look-up only, which the last row measures). Needs Debian's swift-* packages.

Run: python bench/storage.py [--rounds N] [--megabytes M]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from press.storage import store_from_config  # noqa: E402
from tests.storage.conftest import raw_client, s3_config  # noqa: E402
from tests.swift_server import throwaway_swift  # noqa: E402


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def read_all(handle) -> None:
    with handle:
        while handle.read(1 << 20):
            pass


def measure(store, blobs: list[bytes]) -> dict[str, list[float]]:
    times = {"put": [], "get": [], "put again": []}
    for blob in blobs:
        holder = {}
        times["put"].append(timed(lambda: holder.update(key=store.put(blob))))
        times["get"].append(timed(lambda: read_all(store.open(holder["key"]))))
        times["put again"].append(timed(lambda: store.put(blob)))
    return times


def measure_raw(client, bucket: str, blobs: list[bytes]) -> dict[str, list[float]]:
    times = {"put": [], "get": []}
    for number, blob in enumerate(blobs):
        key = f"raw/{number}"
        times["put"].append(timed(lambda: client.put_object(Bucket=bucket, Key=key, Body=blob)))
        times["get"].append(timed(lambda: client.get_object(Bucket=bucket, Key=key)["Body"].read()))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--megabytes", type=int, default=5)
    args = parser.parse_args()
    size = args.megabytes * 1024 * 1024
    blobs = [os.urandom(size) for _ in range(args.rounds)]
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="siaran-bench-store-") as scratch, throwaway_swift() as node:
        root = Path(scratch)
        file_store = store_from_config({"MEDIA_ROOT": str(root / "media")})
        s3_store = store_from_config(s3_config(node, "bench", root))
        client = raw_client(node)
        client.create_bucket(Bucket="yardstick")
        results = {"file": measure(file_store, blobs), "s3 (Swift)": measure(s3_store, blobs),
                   "yardstick: raw boto3": measure_raw(client, "yardstick", blobs)}
    yard = {op: statistics.median(values) for op, values in results["yardstick: raw boto3"].items()}
    print(f"\n{args.rounds} rounds of a {args.megabytes} MB blob, median ms (MB/s); "
          f"load average after: {os.getloadavg()[0]:.1f}\n")
    print("| backend | operation | median ms | MB/s | × raw boto3 |")
    print("| --- | --- | ---: | ---: | ---: |")
    for backend, ops in results.items():
        for op, values in ops.items():
            median = statistics.median(values)
            ratio = f"{median / yard[op]:.2f}" if op in yard else ""
            print(f"| {backend} | {op} | {median:.1f} | {args.megabytes / (median / 1000):.0f} | {ratio} |")


if __name__ == "__main__":
    main()
