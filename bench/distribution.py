"""Benchmark of e-mail distribution: a release published to 5,000 subscribers, then sent
through a local SMTP server (aiosmtpd in its own process) — messages per second and wall
time from the first claim to the last message accepted; and the publish request's own
time (the staff POST, through Flask's test client) with 0 and with 5,000 subscribers: the
request owes the alerts in one row, and the send job lists them per address (timed apart).

Yardstick, in the same process: ``smtplib`` sending one ready-made message of the same
size 5,000 times over one connection to the same server (what the transport alone
costs: the ceiling of the outbox's throughput).

Run: python bench/distribution.py [--subscribers 5000] [--publishes 5]
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import smtplib
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import insert, select, update  # noqa: E402

from bench.support.smtp_sink import free_port  # noqa: E402
from press import create_app  # noqa: E402
from press.codes import OutboxState, ReleaseState  # noqa: E402
from press.demo import load_demo  # noqa: E402
from press.demo.staff import DEMO_ACCOUNTS  # noqa: E402
from press.extensions import db  # noqa: E402
from press.models import MailOwed, OutboxMessage, Release, Subscription, Unit, utcnow  # noqa: E402
from press.services import mail_message, outbox, outbox_sender, units  # noqa: E402
from press.text import slugify  # noqa: E402

TOKEN = re.compile(r'name="csrf-token" content="([^"]+)"')


def serve(port: int, count, last, ready) -> None:
    """The SMTP server process: counts what it accepts and when the last one came."""
    import asyncio  # noqa: F401  (aiosmtpd's loop)
    from aiosmtpd.controller import Controller

    class Counter:
        async def handle_DATA(self, server, session, envelope):
            with count.get_lock():
                count.value += 1
                last.value = time.perf_counter()
            return "250 2.0.0 OK"

    controller = Controller(Counter(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    while True:
        time.sleep(3600)


def releases(count: int, model: Release, first: int = 0, unit_id: int | None = None) -> list[int]:
    made = []
    for n in range(first, first + count):
        title = f"Wali Kota Bekasi Resmikan Jembatan Penghubung ke-{n} di Kali Bekasi"
        release = Release(slug=slugify(title), title=title, dateline="Bekasi, 30 September 2021",
                          body="Wali Kota meninjau pekerjaan jembatan bersama warga. " * 30,
                          state=ReleaseState.APPROVED, unit_id=unit_id or model.unit_id,
                          activity_id=None if unit_id else model.activity_id)
        db.session.add(release)
        db.session.flush()
        made.append(release.id)
    db.session.commit()
    return made


def publish_times(app, client, ids: list[int]) -> list[float]:
    token = TOKEN.search(client.get("/staf/", follow_redirects=True).get_data(as_text=True)).group(1)
    times = []
    for release_id in ids:
        start = time.perf_counter()
        answer = client.post(f"/staf/siaran/{release_id}/alur", data={"action": "publish", "csrf_token": token})
        times.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 302, answer.status_code
    with app.app_context():
        assert all(db.session.get(Release, i).state == ReleaseState.PUBLISHED for i in ids)
    return times


def yardstick(url_port: int, size: int, count: int) -> float:
    body = ("x" * 76 + "\r\n") * max(1, size // 78)
    message = f"From: a@localhost\r\nTo: b@localhost\r\nSubject: yardstick\r\n\r\n{body}".encode()
    start = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", url_port) as connection:
        for _ in range(count):
            connection.sendmail("a@localhost", ["b@localhost"], message)
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=5000)
    parser.add_argument("--publishes", type=int, default=5, help="publish requests timed in each case")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    port = free_port()
    count, last, ready = multiprocessing.Value("i", 0), multiprocessing.Value("d", 0.0), multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(port, count, last, ready), daemon=True)
    server.start()
    ready.wait(30)

    root = Path(tempfile.mkdtemp(prefix="siaran-distribution-"))
    app = create_app({"ENV": "testing", "SECRET_KEY": "bench-distribution", "TESTING": True,
                      "DATABASE_URL": f"sqlite:///{root / 'siaran.db'}", "MEDIA_ROOT": str(root / "media"),
                      "INDEX_ROOT": str(root / "search"), "JOBS_URL": f"sqlite:///{root / 'jobs.db'}",
                      "GLOSSARY_PATH": str(root / "glossary.json"), "OUTBOX_DIR": str(root / "outbox"),
                      "SMTP_URL": f"smtp://127.0.0.1:{port}", "MAIL_RATE_PER_MINUTE": 0})
    with app.app_context():
        upgrade()
        load_demo(db.session)
        db.session.commit()
        model = db.session.scalars(select(Release).where(Release.state == ReleaseState.APPROVED)).first()
        elsewhere = next(unit for unit in db.session.scalars(select(Unit.id))
                         if model.unit_id not in units.above(db.session, unit))
        warm = releases(1, model, 2 * args.publishes + 1, elsewhere)
        without = releases(args.publishes, model, 0, elsewhere)
        with_subscribers = releases(args.publishes, model, args.publishes)
        now = utcnow()  # the subscribers follow the unit of one set of releases only
        db.session.execute(insert(Subscription), [
            {"address": f"wartawan{n:05d}@media{n % 97}.co.id", "scope": "unit", "scope_value": str(model.unit_id),
             "cadence": "immediate", "state": "confirmed", "created_at": now, "confirmed_at": now}
            for n in range(args.subscribers)])
        db.session.execute(update(OutboxMessage).values(state=OutboxState.SENT))  # the demo's own mail, out of the way
        db.session.commit()
    client = app.test_client()
    editor_email, _role, _name, password = next(a for a in DEMO_ACCOUNTS if a[1] == "editor")
    login_token = TOKEN.search(client.get("/staf/login").get_data(as_text=True)).group(1)
    client.post("/staf/login", data={"email": editor_email, "password": password, "csrf_token": login_token})

    publish_times(app, client, warm)  # the first request warms Flask and SQLite up
    times_0, times_n = [], []
    for plain, followed in zip(without, with_subscribers):  # alternately: the machine's load drifts
        times_0 += publish_times(app, client, [plain])
        times_n += publish_times(app, client, [followed])

    with app.app_context():
        keep = f"release:{with_subscribers[-1]}"
        owed_rows = db.session.query(MailOwed).filter(MailOwed.object_key.in_(
            [f"release:{i}" for i in with_subscribers])).count()
        in_requests = db.session.query(OutboxMessage).filter(OutboxMessage.object_key.in_(
            [f"release:{i}" for i in with_subscribers])).count()
        db.session.execute(update(MailOwed).where(MailOwed.object_key != keep).values(done_at=utcnow()))
        db.session.commit()
        start = time.perf_counter()
        listed = outbox.expand_owed(db.session)
        expand_seconds = time.perf_counter() - start
        queued = db.session.query(OutboxMessage).filter_by(state=OutboxState.QUEUED).count()
        before = count.value
        report = outbox_sender.drain(db.session, app.config, app.extensions["outbox_composers"])
        deadline = time.perf_counter() + 60
        while count.value - before < report.sent and time.perf_counter() < deadline:
            time.sleep(0.01)
        wall = last.value - start
        sample = db.session.scalar(select(OutboxMessage).where(OutboxMessage.object_key == keep).limit(1))
        composers = app.extensions["outbox_composers"]
        with composers.writing():
            size = len(mail_message.build_message(sample, composers["release_alert"](db.session, sample), app.config, utcnow()))
    rate = report.sent / wall
    ceiling = yardstick(port, size, args.subscribers)

    print(f"\n{'case':<58}{'value':>14}")
    print(f"{'publish request, 0 subscribers (median ms)':<58}{statistics.median(times_0):>14.1f}")
    print(f"{f'publish request, {args.subscribers:,} subscribers (median ms)':<58}{statistics.median(times_n):>14.1f}")
    print(f"{'publish request grows by (ms)':<58}{statistics.median(times_n) - statistics.median(times_0):>14.1f}")
    print(f"{f'rows the {args.publishes} publish requests wrote: owed / per address':<58}{f'{owed_rows} / {in_requests}':>14}")
    print(f"{f'job: one release listed to {listed:,} addresses (s)':<58}{expand_seconds:>14.2f}")
    print(f"{'messages queued, then sent':<58}{f'{queued} / {report.sent}':>14}")
    print(f"{'wall time, listing to last accepted (s)':<58}{wall:>14.2f}")
    print(f"{'outbox messages/s (compose, build, SMTP, mark sent)':<58}{rate:>14.1f}")
    print(f"{f'yardstick: smtplib, one ready message of {size:,} B (msg/s)':<58}{ceiling:>14.1f}")
    print(f"{'outbox / yardstick':<58}{rate / ceiling:>14.2f}")
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    server.terminate()


if __name__ == "__main__":
    main()
