"""Benchmark of ``flask migrate-to``: how fast an instance moves from SQLite and a folder
to PostgreSQL and S3-compatible object storage (a throw-away PostgreSQL server and Swift
node, ``tests/pg_server.py`` and ``tests/swift_server.py``), beside yardsticks run in the
same process on the same servers: the same rows inserted with one ``executemany`` per
table in one transaction (no batches, no ledger, no comparison), and the same blobs sent
with raw boto3 ``put_object`` (no hashing at arrival, no ``Content-MD5``).

The instance is the demo plus ``--rows`` audit events (a busy office's history is mostly
audit events and activities) and ``--blobs`` originals of ``--kilobytes`` random bytes,
each with two renditions of a tenth of its size.

Run: python bench/move.py [--rows 20000] [--blobs 200] [--kilobytes 400] [--batch 1000]
"""
from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import create_engine, insert, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from press import create_app  # noqa: E402
from press.demo import load_demo  # noqa: E402
from press.extensions import db  # noqa: E402
from press.models import AuditEvent, utcnow  # noqa: E402
from press.services import instance_move  # noqa: E402
from press.services.move_tables import model_tables, read_batch  # noqa: E402
from press.storage import open_store, store_from_config, store_spec  # noqa: E402
from tests.pg_server import throwaway_server  # noqa: E402
from tests.storage.conftest import raw_client, s3_config  # noqa: E402
from tests.swift_server import throwaway_swift  # noqa: E402


def build_source(folder: Path, rows: int, blobs: int, kilobytes: int):
    app = create_app({"ENV": "testing", "SECRET_KEY": "bench", "DATABASE_URL": f"sqlite:///{folder / 'siaran.db'}",
                      "MEDIA_ROOT": str(folder / "media"), "INDEX_ROOT": str(folder / "search"),
                      "JOBS_URL": "immediate", "GLOSSARY_PATH": str(folder / "glossary.json"),
                      "OUTBOX_DIR": str(folder / "outbox"), "MEDIA_SPOOL_DIR": str(folder / "spool")})
    with app.app_context():
        upgrade()
        load_demo(db.session)
        db.session.commit()
        start = utcnow()
        for first in range(0, rows, 5000):
            db.session.execute(insert(AuditEvent), [
                {"action": "release.edit", "object_type": "release", "object_id": n % 500,
                 "data": {"field": "body", "words": n % 900}, "created_at": start - timedelta(minutes=n)}
                for n in range(first, min(rows, first + 5000))])
        db.session.commit()
        store = store_from_config(app.config)
        payloads = []
        for _ in range(blobs):
            data = os.urandom(kilobytes * 1024)
            key = store.put(io.BytesIO(data))
            for variant in ("thumb", "web"):
                store.put_rendition(key, variant, os.urandom(kilobytes * 102))
            payloads.append(data)
    return app, payloads


def yardstick_rows(app, target_url: str) -> tuple[int, float]:
    """Every table's rows read and inserted with one executemany each, in one transaction."""
    target = create_engine(target_url)
    with target.begin() as connection:
        for table in model_tables():
            table.create(connection)
    copied, started = 0, time.perf_counter()
    with app.app_context(), db.engine.connect() as source, target.begin() as connection:
        for table in model_tables():
            rows = read_batch(source, table, None, 10**9)
            if rows:
                connection.execute(table.insert(), rows)
            copied += len(rows)
    seconds = time.perf_counter() - started
    target.dispose()
    return copied, seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--blobs", type=int, default=200)
    parser.add_argument("--kilobytes", type=int, default=400)
    parser.add_argument("--batch", type=int, default=instance_move.BATCH)
    args = parser.parse_args(argv)
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="siaran-move-") as folder, throwaway_server() as server, \
            throwaway_swift(folder) as node:
        app, payloads = build_source(Path(folder) / "source", args.rows, args.blobs, args.kilobytes)
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE moved"))
            connection.execute(text("CREATE DATABASE yardstick"))
        moved_url = make_url(server).set(database="moved").render_as_string(hide_password=False)
        yard_url = make_url(server).set(database="yardstick").render_as_string(hide_password=False)
        bucket = f"b{uuid.uuid4().hex[:12]}"
        media = s3_config(node, bucket, Path(folder))
        with app.app_context():
            target_store = open_store(store_spec({**app.config, **media}))
            started = time.perf_counter()
            report = instance_move.move_instance(db.engine, store_from_config(app.config), moved_url, target_store,
                                                 moved_url, batch=args.batch)
            whole = time.perf_counter() - started
        yard_rows, yard_seconds = yardstick_rows(app, yard_url)
        client = raw_client(node)
        client.create_bucket(Bucket=bucket + "raw")
        sent, started = 0, time.perf_counter()
        for number, data in enumerate(payloads):
            client.put_object(Bucket=bucket + "raw", Key=f"o/{number}", Body=data)
            for variant in ("thumb", "web"):
                client.put_object(Bucket=bucket + "raw", Key=f"r/{number}/{variant}", Body=os.urandom(len(data) // 10))
            sent += 3
        raw_seconds = time.perf_counter() - started
        admin.dispose()
    summary = report.as_dict()
    blobs = summary["blobs"]
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print(f"{'step':44} {'count':>9} {'seconds':>9} {'per s':>9}")
    print(f"{'tables (batches of ' + str(args.batch) + ', ledger, PostgreSQL)':44} {summary['rows']:>9,} "
          f"{summary['seconds']['tables']:>9.2f} {summary['rows_per_second']:>9,.0f}")
    print(f"{'yardstick: one executemany per table':44} {yard_rows:>9,} {yard_seconds:>9.2f} "
          f"{yard_rows / yard_seconds:>9,.0f}")
    megabytes = blobs["bytes"] / 1e6
    print(f"{'blobs (hash at arrival, Content-MD5, Swift)':44} {blobs['originals'] + blobs['renditions']:>9,} "
          f"{blobs['seconds']:>9.2f} {blobs['blobs_per_second']:>9,.1f}  ({megabytes / blobs['seconds']:.1f} MB/s)")
    print(f"{'yardstick: raw boto3 put_object':44} {sent:>9,} {raw_seconds:>9.2f} {sent / raw_seconds:>9,.1f}  "
          f"({megabytes / raw_seconds:.1f} MB/s)")
    print(f"{'search rebuild on PostgreSQL (documents)':44} {summary['documents']:>9,} "
          f"{summary['seconds']['search']:>9.2f} {summary['documents'] / summary['seconds']['search']:>9,.0f}")
    print(f"{'schema (migrations on the target)':44} {'':>9} {summary['seconds']['schema']:>9.2f}")
    print(f"{'compare (every table, both sides)':44} {summary['checked_tables']:>9} "
          f"{summary['seconds']['compare']:>9.2f}")
    print(f"{'whole move':44} {'':>9} {whole:>9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
