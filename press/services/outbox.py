"""The outbox: every e-mail is a row written in the transaction that causes it, and sent
later by the ``outbox.send`` job (``flask outbox send`` by hand), never inside a request.

One row per (purpose, object, address): asking twice adds nothing, so nothing is sent
twice. A row either holds its message (:func:`enqueue`: subject, text, HTML, images) or
is written at sending time by its purpose's composer (:func:`queue_composed`,
:func:`queue_select`: release alerts, follow-ups, digests, assignment notices), which may
also find there is nothing left to say (the release was withdrawn) and drop it.

Mail to many addresses is first *owed* (:func:`owe`): the transaction that publishes
writes one ``MailOwed`` row, whatever the number of subscribers, and the send job expands
it (:func:`expand_owed`, first thing in :func:`drain`) into one row per address the
purpose's expander lists, a committed batch at a time; the unique key makes a rerun after
a crash queue each address once.

Sending (:func:`drain`): rows are claimed in small batches — marked ``sending`` with a
claim and committed before the SMTP ``DATA`` — then each is marked sent, retried
(4xx, unreachable server: backoff), or failed (5xx: the address is marked, and three
refusals in a row disable it). A row left ``sending`` by a crashed sender for longer than
``MAIL_INFLIGHT_MINUTES`` is sent again with the same ``Message-ID``. At most
``MAIL_RATE_PER_MINUTE`` messages leave per minute; the rest wait for the next run.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from typing import Any
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, func, insert, literal, or_, select, update
from sqlalchemy.orm import Session

from press import jobs
from press.codes import OutboxPurpose, OutboxState
from press.errors import N_, ServiceError
from press.models import MailAddress, MailOwed, OutboxImage, OutboxMessage, utcnow
from press.models.base import UTCDateTime

from .accounts import normalise_email
from .mail_message import (
    Composed, Composer, Composers, build_message, message_id, one_line, outbox_label, sender_address, stored,
)
from .mail_transport import DeliveryError, open_transport

log = logging.getLogger(__name__)

BATCH = 50
EXPAND_BATCH = 1000
INFLIGHT_MINUTES = 10
MAX_ATTEMPTS = 8
REFUSALS_TO_DISABLE = 3
BACKOFF_SECONDS = (60, 300, 900, 3600, 3 * 3600, 6 * 3600)
_ADDRESS = re.compile(r"^[^@\s\x00-\x1f\x7f]{1,64}@[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)+$")


class OutboxError(ServiceError):
    """A message cannot be queued; the message says why."""


def valid_address(text: str) -> str:
    """The address as stored (one spelling, lower case); :class:`OutboxError` when it is none."""
    address = normalise_email(text or "")
    if len(address) > 254 or not _ADDRESS.match(address):
        raise OutboxError(N_("%(email)s bukan alamat surel yang bisa dikirimi."), email=address[:80])
    return address


def _exists(session: Session, purpose: str, object_key: str, address: str) -> bool:
    with session.no_autoflush:  # the caller's own rows may still be half-made
        return session.scalar(select(exists().where(
            OutboxMessage.purpose == purpose, OutboxMessage.object_key == object_key,
            OutboxMessage.address == address))) or False


def _add(session: Session, row: OutboxMessage) -> OutboxMessage | None:
    """Add ``row`` unless its key is taken: by a committed row, or one added in this
    transaction. (Two transactions queuing the same key at the same moment: the later
    commit fails on the unique key, and nothing is sent twice.)"""
    pending = any(isinstance(obj, OutboxMessage) and (obj.purpose, obj.object_key, obj.address)
                  == (row.purpose, row.object_key, row.address) for obj in session.new)
    if pending or _exists(session, row.purpose, row.object_key, row.address):
        return None
    session.add(row)
    jobs.after_commit(session, SEND_JOB)
    return row


def enqueue(session, *, purpose: str, object_key: str, address: str,
            subject: str, text: str, html: str | None = None,
            sender_name: str | None = None, headers: dict[str, str] | None = None,
            inline_images: list[tuple[str, bytes, str]] | None = None) -> OutboxMessage | None:
    """Add one message to the outbox in the caller's transaction (no commit); None when a
    row for (purpose, object_key, address) already exists — nothing is sent twice.

    ``inline_images`` are ``(content_id, bytes, mime type)``, shown in the HTML as
    ``<img src="cid:content_id">``; ``headers`` are added as they are (``List-Unsubscribe``…).
    """
    row = OutboxMessage(
        purpose=OutboxPurpose(purpose).value, object_key=str(object_key)[:120], address=valid_address(address),
        subject=one_line(subject, 300) or "", text=text or "", html=html, sender_name=one_line(sender_name, 200),
        headers={name: one_line(value, 2000) for name, value in (headers or {}).items()} or None,
        state=OutboxState.QUEUED, attempts=0, next_attempt_at=utcnow(),
        images=[OutboxImage(content_id=cid, content=data, mime_type=mime) for cid, data, mime in inline_images or ()],
    )
    return _add(session, row)


def queue_composed(session: Session, *, purpose: str, object_key: str, address: str,
                   data: dict | None = None) -> OutboxMessage | None:
    """A row its purpose's composer writes when it is sent (``data`` says about what)."""
    row = OutboxMessage(purpose=OutboxPurpose(purpose).value, object_key=str(object_key)[:120],
                        address=valid_address(address), data=data, state=OutboxState.QUEUED,
                        attempts=0, next_attempt_at=utcnow())
    return _add(session, row)


def queue_select(session: Session, *, purpose: str, object_key: str, addresses, data: dict | None = None,
                 after: str | None = None, limit: int | None = None, now: datetime | None = None,
                 wake_sender: bool = True) -> int:
    """One composed row per address ``addresses`` (a one-column SELECT) yields, in one
    ``INSERT … SELECT``, skipping addresses that already have theirs and disabled ones;
    with ``limit``, only the first ``limit`` addresses (in order) after ``after``.
    ``wake_sender=False`` when the caller is the sender itself (it sends them next)."""
    purpose = OutboxPurpose(purpose).value
    now = now or utcnow()
    found = addresses.distinct().subquery()
    address = found.c[0]
    already = select(OutboxMessage.id).where(
        OutboxMessage.purpose == purpose, OutboxMessage.object_key == object_key, OutboxMessage.address == address)
    disabled = select(MailAddress.id).where(MailAddress.address == address, MailAddress.disabled_at.is_not(None))
    conditions = [~already.exists(), ~disabled.exists()]
    if after is not None:
        conditions.append(address > after)
    if limit is not None:
        conditions.append(address <= _batch_end(addresses, after, limit).scalar_subquery())
    rows = select(
        literal(purpose), literal(object_key), address, literal(data, OutboxMessage.data.type),
        literal(OutboxState.QUEUED.value), literal(0), literal(now, UTCDateTime()), literal(now, UTCDateTime()),
    ).where(*conditions)
    # Counted from RETURNING: the ORM's INSERT … SELECT reports rowcount -1 on psycopg.
    added = len(session.execute(insert(OutboxMessage).from_select(
        ["purpose", "object_key", "address", "data", "state", "attempts", "next_attempt_at", "created_at"], rows)
        .returning(OutboxMessage.id)).all())
    if added and wake_sender:
        jobs.after_commit(session, SEND_JOB)
    return added


def _batch_end(addresses, after: str | None, size: int):
    """SQL: the last of the next ``size`` addresses after ``after`` (None when none is left)."""
    found = addresses.distinct().subquery()
    address = found.c[0]
    page = select(address.label("address")).order_by(address).limit(size)
    if after is not None:
        page = page.where(address > after)
    page = page.subquery()
    return select(func.max(page.c.address))


# What a purpose's owed row expands into: a one-column SELECT of the addresses, or None
# when nothing is owed any more (the release was withdrawn before its alerts were listed).
Expander = Callable[[Session, dict], Any]
EXPANDERS: dict[str, Expander] = {}


def expander(purpose: str) -> Callable[[Expander], Expander]:
    """Declare the function that lists the addresses ``purpose``'s owed rows expand into."""
    def declare(run: Expander) -> Expander:
        EXPANDERS[OutboxPurpose(purpose).value] = run
        return run
    return declare


def owe(session: Session, *, purpose: str, object_key: str, data: dict | None = None) -> MailOwed | None:
    """Owe the messages of (purpose, object_key) to the addresses its expander will list:
    one row in the caller's transaction (no commit), expanded by the send job; None when
    they are owed already."""
    purpose, object_key = OutboxPurpose(purpose).value, str(object_key)[:120]
    if any(isinstance(obj, MailOwed) and (obj.purpose, obj.object_key) == (purpose, object_key) for obj in session.new):
        return None
    with session.no_autoflush:
        if session.scalar(select(exists().where(MailOwed.purpose == purpose, MailOwed.object_key == object_key))):
            return None
    row = MailOwed(purpose=purpose, object_key=object_key, data=data, queued=0, created_at=utcnow())
    session.add(row)
    jobs.after_commit(session, SEND_JOB)
    return row


def expand_owed(session: Session, *, batch: int = EXPAND_BATCH, now: datetime | None = None) -> int:
    """List every owed row's addresses into the outbox, ``batch`` addresses per commit, the
    row's cursor moving in the same commit; then mark it done. Cut off at any point and run
    again, it goes on from the last commit and queues each address once. How many rows it queued."""
    total = 0
    for owed_id in session.scalars(select(MailOwed.id).where(MailOwed.done_at.is_(None)).order_by(MailOwed.id)).all():
        owed = session.get(MailOwed, owed_id)
        run = EXPANDERS.get(owed.purpose)
        addresses = run(session, owed.data or {}) if run else None
        while addresses is not None:
            count = queue_select(session, purpose=owed.purpose, object_key=owed.object_key, addresses=addresses,
                                 data=owed.data, after=owed.cursor, limit=batch, now=now, wake_sender=False)
            end = session.scalar(_batch_end(addresses, owed.cursor, batch))
            if end is None:
                break
            owed.cursor, owed.queued = end, owed.queued + count
            total += count
            session.commit()
        owed.done_at = now or utcnow()
        session.commit()
    return total


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


SEND_JOB = "outbox.send"


@jobs.periodic(SEND_JOB, every="OUTBOX_CHECK_SECONDS")
def send_job(ctx: jobs.JobContext) -> None:
    """Drain the outbox: after each commit that queued mail, and periodically for retries,
    rows a crashed sender left in flight, and what the rate limit held back."""
    drain(ctx.session, ctx.config, ctx.extensions.get("outbox_composers"))


def messages(session: Session, *, state: str | None = None, limit: int = 200) -> list[OutboxMessage]:
    """The outbox's rows, newest first (``flask outbox list``)."""
    query = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)
    if state:
        query = query.where(OutboxMessage.state == OutboxState(state))
    return list(session.scalars(query))
