"""The outbox: every e-mail is a row written in the transaction that causes it, and sent
later by the ``outbox.send`` job (``flask outbox send`` by hand), never inside a request.

One row per (purpose, object, address): asking twice adds nothing, so nothing is sent
twice. A row either holds its message (:func:`enqueue`: subject, text, HTML, images) or
is written at sending time by its purpose's composer (:func:`queue_composed`,
:func:`queue_select`: release alerts, follow-ups, digests, assignment notices), which may
also find there is nothing left to say (the release was withdrawn) and drop it.

Mail to many addresses is first *owed* (:func:`owe`): the transaction that publishes
writes one ``MailOwed`` row, whatever the number of subscribers, and the send job expands
it (:func:`expand_owed`, first thing in the sender's ``drain``) into one row per address the
purpose's expander lists, a committed batch at a time; the unique key makes a rerun after
a crash queue each address once.

The rows are sent by :mod:`press.services.outbox_sender`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from datetime import datetime

from sqlalchemy import exists, func, insert, literal, select
from sqlalchemy.orm import Session

from press import jobs
from press.codes import OutboxPurpose, OutboxState
from press.errors import N_, ServiceError
from press.models import MailAddress, MailOwed, OutboxImage, OutboxMessage, utcnow
from press.models.base import UTCDateTime

from .accounts import normalise_email
from .mail_message import one_line

SEND_JOB = "outbox.send"
EXPAND_BATCH = 1000
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


def messages(session: Session, *, state: str | None = None, limit: int = 200) -> list[OutboxMessage]:
    """The outbox's rows, newest first (``flask outbox list``)."""
    query = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)
    if state:
        query = query.where(OutboxMessage.state == OutboxState(state))
    return list(session.scalars(query))
