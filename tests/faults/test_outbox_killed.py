"""The sender SIGKILLed in the middle of 500 messages and started again: every subscriber
gets the release under one Message-ID of its own, and only the rows that were in flight
at the kill (claimed, committed before DATA) may arrive twice."""
from __future__ import annotations

import subprocess
import sys
from collections import defaultdict

from sqlalchemy import func, select

from bench.support.smtp_sink import SmtpServer
from press import create_app
from press.codes import OutboxState, ReleaseState, Role
from press.demo.staff import demo_account
from press.extensions import db
from press.models import OutboxMessage, Release, Subscription, utcnow
from press.services import workflow
from tests.browser.conftest import LiveServer
from tests import databases
from tests.conftest import REPO_ROOT, make_config
from tests.faults.conftest import wait_for

SUBSCRIBERS = 500


def _states(app) -> dict[str, int]:
    with app.app_context():
        rows = db.session.execute(select(OutboxMessage.state, func.count()).group_by(OutboxMessage.state)).all()
        db.session.remove()
        return dict(rows)


def test_a_sender_killed_mid_batch_sends_each_subscriber_one_message_id(tmp_path, migrated_db):
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path, JOBS_URL=f"sqlite:///{tmp_path / 'jobs.db'}"))
    with app.app_context():
        now = utcnow()
        db.session.add_all(Subscription(address=f"wartawan{n:03d}@media{n % 7}.id", scope="all", scope_value="",
                                        cadence="immediate", state="confirmed", confirmed_at=now)
                           for n in range(SUBSCRIBERS))
        release = db.session.scalars(select(Release).where(Release.state == ReleaseState.APPROVED)).first()
        workflow.apply(db.session, release, "publish", demo_account(db.session, Role.EDITOR))
        db.session.commit()
        db.engine.dispose()

    with SmtpServer(delay=0.004) as smtp:
        env = {**LiveServer(tmp_path).env, "PRESS_SMTP_URL": smtp.url, "PRESS_MAIL_RATE_PER_MINUTE": "0",
               "PRESS_OUTBOX_DIR": str(tmp_path / "outbox")}
        sender = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "outbox", "send"], cwd=REPO_ROOT,
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            assert wait_for(lambda: len(smtp.sink.accepted) >= 175, watch=(sender,)), "the sender never got going"
        finally:
            sender.kill()
            sender.wait(timeout=30)
        delivered_before = len(smtp.sink.accepted)
        states = _states(app)
        in_flight = states.get(OutboxState.SENDING, 0)
        assert delivered_before < SUBSCRIBERS and in_flight > 0, (delivered_before, states)

        # Started again after the in-flight window (0 minutes here): the claimed rows go again.
        again = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "outbox", "send", "--json"],
                               cwd=REPO_ROOT, env={**env, "PRESS_MAIL_INFLIGHT_MINUTES": "0"},
                               capture_output=True, text=True, timeout=300)
        assert again.returncode == 0, again.stderr

    alerts = [m for m in smtp.sink.accepted if m["X-Siaran-Outbox"].endswith("release_alert")]
    by_address = defaultdict(set)
    for message in alerts:
        by_address[message["To"]].add(message["Message-ID"])
    assert len(by_address) == SUBSCRIBERS + len(set(by_address) - {f"wartawan{n:03d}@media{n % 7}.id"
                                                                   for n in range(SUBSCRIBERS)})
    assert all(len(ids) == 1 for ids in by_address.values())
    assert len({next(iter(ids)) for ids in by_address.values()}) == len(by_address)
    assert len(alerts) - len(by_address) <= in_flight
    assert _states(app).get(OutboxState.SENT, 0) >= SUBSCRIBERS and OutboxState.SENDING not in _states(app)
