"""Sending the outbox (:mod:`press.services.outbox` queues it): the ``outbox.send`` job
and ``flask outbox send`` call :func:`drain`, which first lists the addresses of the mail
owed (:func:`press.services.outbox.expand_owed`).

Rows are claimed in small batches — marked ``sending`` with a claim and committed before
the SMTP ``DATA`` — then each is marked sent, retried (4xx, unreachable server: backoff),
or failed (5xx: the address is marked, and three refusals in a row disable it). A row left
``sending`` by a crashed sender for longer than ``MAIL_INFLIGHT_MINUTES`` is sent again
with the same ``Message-ID``. At most ``MAIL_RATE_PER_MINUTE`` messages leave per minute;
the rest wait for the next run.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from press import jobs
from press.codes import OutboxState
from press.models import MailAddress, OutboxMessage, utcnow

from .mail_message import Composed, Composer, Composers, build_message, message_id, outbox_label, sender_address, stored
from .mail_transport import DeliveryError, open_transport
from .outbox import SEND_JOB, expand_owed

log = logging.getLogger(__name__)

BATCH = 50
INFLIGHT_MINUTES = 10
MAX_ATTEMPTS = 8
REFUSALS_TO_DISABLE = 3
BACKOFF_SECONDS = (60, 300, 900, 3600, 3 * 3600, 6 * 3600)


@dataclass
class DrainReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    dropped: int = 0
    left: int = 0  # due rows left for the next run (rate limit, unreachable server)

    def as_dict(self) -> dict:
        return {"sent": self.sent, "retried": self.retried, "failed": self.failed,
                "dropped": self.dropped, "left": self.left}


def _due(now: datetime, window: timedelta):
    return or_(
        and_(OutboxMessage.state == OutboxState.QUEUED, OutboxMessage.next_attempt_at <= now),
        and_(OutboxMessage.state == OutboxState.SENDING, OutboxMessage.claimed_at < now - window),
    )


def _claim(session: Session, size: int, now: datetime, window: timedelta) -> list[OutboxMessage]:
    """Mark up to ``size`` due rows in flight and commit, before any of them is sent. The
    UPDATE repeats the due condition, so two senders never claim the same row; on PostgreSQL
    the rows are picked ``FOR UPDATE SKIP LOCKED``, so a second sender takes the next ones
    instead of waiting for the first (SQLite, one writer at a time, leaves the clause out).
    Two statements: PostgreSQL may run a ``LIMIT`` subquery inside ``IN`` more than once."""
    ids = session.scalars(select(OutboxMessage.id).where(_due(now, window)).order_by(OutboxMessage.id).limit(size)
                          .with_for_update(skip_locked=True)).all()
    if not ids:
        session.commit()
        return []
    claimed = session.scalars(
        update(OutboxMessage).where(OutboxMessage.id.in_(ids), _due(now, window))
        .values(state=OutboxState.SENDING, claimed_at=now, attempts=OutboxMessage.attempts + 1)
        .returning(OutboxMessage.id).execution_options(synchronize_session=False)).all()
    session.commit()
    if not claimed:
        return []
    return list(session.scalars(select(OutboxMessage).where(OutboxMessage.id.in_(claimed)).order_by(OutboxMessage.id)))


def _sent_last_minute(session: Session, now: datetime) -> int:
    return session.scalar(select(func.count()).select_from(OutboxMessage).where(
        OutboxMessage.state == OutboxState.SENT, OutboxMessage.next_attempt_at > now - timedelta(minutes=1))) or 0


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=BACKOFF_SECONDS[min(max(attempts, 1), len(BACKOFF_SECONDS)) - 1])


def _disabled_among(session: Session, addresses: set[str]) -> set[str]:
    return set(session.scalars(select(MailAddress.address).where(
        MailAddress.address.in_(sorted(addresses)), MailAddress.disabled_at.is_not(None))))


def _refused(session: Session, address: str, detail: str, now: datetime) -> None:
    record = session.scalar(select(MailAddress).where(MailAddress.address == address))
    if record is None:
        record = MailAddress(address=address, refusals=0)
        session.add(record)
    record.refusals = (record.refusals or 0) + 1
    record.last_error = detail[:500]
    if record.refusals >= REFUSALS_TO_DISABLE and record.disabled_at is None:
        record.disabled_at = now


def _settle(row: OutboxMessage, state: OutboxState, now: datetime, error: str | None = None) -> None:
    row.state = state
    row.last_error = error[:500] if error else None
    if state == OutboxState.SENT:
        row.sent_at = now
        row.next_attempt_at = now  # what the rate limit counts, on the due index


def drain(session: Session, config: Mapping, composers: Mapping[str, Composer] | Composers | None = None, *,
          transport=None, now: datetime | None = None, clock: Callable[[], datetime] = utcnow) -> DrainReport:
    """List the addresses of the mail owed, then send what is due, a batch at a time;
    return what happened.

    Each batch is claimed and committed before its first message goes out, and its
    outcomes are committed after its last: a sender killed in between leaves that batch
    in flight, to be sent again (same ``Message-ID``) after the window."""
    expand_owed(session, now=now)
    composers = composers if isinstance(composers, Composers) else Composers(composers or {})
    report = DrainReport()
    window = timedelta(minutes=config.get("MAIL_INFLIGHT_MINUTES", INFLIGHT_MINUTES))
    limit = config.get("MAIL_RATE_PER_MINUTE") or 0
    own_transport = transport is None
    transport = transport or open_transport(config)
    stop = False
    try:
        while not stop:
            start = now or clock()
            budget = BATCH if not limit else min(BATCH, limit - _sent_last_minute(session, start))
            if budget <= 0:
                break
            batch = _claim(session, budget, start, window)
            if not batch:
                break
            disabled = _disabled_among(session, {row.address for row in batch})
            accepted: set[str] = set()
            with composers.writing():
                for row in batch:
                    moment = now or clock()
                    if stop:  # the server went away: the rest of the batch waits, without an attempt counted
                        row.attempts -= 1
                        row.next_attempt_at = moment + _backoff(1)
                        _settle(row, OutboxState.QUEUED, moment, row.last_error)
                        continue
                    if row.address in disabled:
                        _settle(row, OutboxState.FAILED, moment, "address disabled after repeated refusals")
                        report.failed += 1
                        continue
                    stop = _send_one(session, row, config, composers, transport, moment, report)
                    if row.state == OutboxState.SENT:
                        accepted.add(row.address)
            if accepted:
                session.execute(update(MailAddress).where(MailAddress.address.in_(sorted(accepted)),
                                                          MailAddress.refusals > 0).values(refusals=0, last_error=None))
            session.commit()
    finally:
        if own_transport:
            transport.close()
    if stop or limit:
        report.left = session.scalar(select(func.count()).select_from(OutboxMessage)
                                     .where(_due(now or clock(), window))) or 0
    return report


def _compose(session: Session, row: OutboxMessage, composers: Mapping[str, Composer]) -> Composed | str | None:
    """What the row says; None when there is nothing left to say; a string saying why it cannot be written."""
    if row.subject is not None:
        return stored(row)
    composer = composers.get(row.purpose)
    if composer is None:
        return f"no composer for {row.purpose}"
    try:
        return composer(session, row)
    except Exception as exc:  # one broken message must not hold the batch in flight
        log.exception("composing outbox row %s", row.id)
        return f"cannot compose: {type(exc).__name__}: {exc}"


def _send_one(session, row, config, composers, transport, now, report) -> bool:
    """Send one claimed row; True when the transport cannot take more now."""
    composed = _compose(session, row, composers)
    if composed is None:
        _settle(row, OutboxState.DROPPED, now)
        report.dropped += 1
        return False
    if isinstance(composed, str):
        _settle(row, OutboxState.FAILED, now, composed)
        report.failed += 1
        return False
    row.message_id = row.message_id or message_id(row, config)
    try:
        transport.send(build_message(row, composed, config, now), sender_address(config), row.address,
                       outbox_label(row))
    except DeliveryError as exc:
        if not exc.temporary:
            _settle(row, OutboxState.FAILED, now, exc.detail)
            _refused(session, row.address, exc.detail, now)
            report.failed += 1
        elif row.attempts >= MAX_ATTEMPTS:
            _settle(row, OutboxState.FAILED, now, exc.detail)
            report.failed += 1
        else:
            row.next_attempt_at = now + _backoff(row.attempts)
            _settle(row, OutboxState.QUEUED, now, exc.detail)
            report.retried += 1
        return exc.connection
    _settle(row, OutboxState.SENT, now)
    report.sent += 1
    return False


@jobs.periodic(SEND_JOB, every="OUTBOX_CHECK_SECONDS")
def send_job(ctx: jobs.JobContext) -> None:
    """Drain the outbox: after each commit that queued mail, and periodically for retries,
    rows a crashed sender left in flight, and what the rate limit held back."""
    drain(ctx.session, ctx.config, ctx.extensions.get("outbox_composers"))
