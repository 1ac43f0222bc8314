"""Mail tests: a real SMTP server on loopback, and helpers to publish a release to subscribers."""
from __future__ import annotations

import pytest
from sqlalchemy import select, update

from bench.support.smtp_sink import SmtpServer
from press.codes import ReleaseState, Role, SubscriptionState
from press.demo.staff import demo_account
from press.extensions import db
from press.models import Release, Subscription
from press.services import outbox_sender, subscriptions, workflow
from press.text import slugify


@pytest.fixture(autouse=True)
def without_demo_subscribers(app):
    """Each test counts the messages of its own subscribers: the demo's are ended."""
    with app.app_context():
        db.session.execute(update(Subscription).values(state=SubscriptionState.UNSUBSCRIBED))
        db.session.commit()
        db.session.remove()


@pytest.fixture
def smtp(app):
    """The app sends through a loopback aiosmtpd server."""
    with SmtpServer() as server:
        app.config["SMTP_URL"] = server.url
        app.config["MAIL_RATE_PER_MINUTE"] = 0
        yield server


def send(app, **kwargs):
    """``flask outbox send``, as the job runs it."""
    return outbox_sender.drain(db.session, app.config, app.extensions["outbox_composers"], **kwargs)


def subscriber(address: str, scope: str = "all", value=None, cadence: str = "immediate"):
    return subscriptions.subscribe(db.session, address=address, scope=scope, scope_value=value, cadence=cadence,
                                   confirmed=True)


def ready_release(title: str = "Wali Kota Resmikan Jembatan Kali Bekasi") -> Release:
    """A new release approved and waiting for the central editor, of the demo's first
    approved release's activity and unit."""
    model = db.session.scalars(select(Release).where(Release.state == ReleaseState.APPROVED).order_by(Release.id)).first()
    release = Release(slug=slugify(title), title=title, dateline="Bekasi, 30 September 2021",
                      body="Wali Kota meninjau lokasi bersama warga. Pekerjaan selesai tepat waktu.",
                      state=ReleaseState.APPROVED, unit_id=model.unit_id, activity_id=model.activity_id)
    db.session.add(release)
    db.session.flush()
    return release


def publish(release: Release) -> Release:
    return workflow.apply(db.session, release, "publish", demo_account(db.session, Role.EDITOR))
