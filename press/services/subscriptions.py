"""E-mail subscriptions: an address follows all releases, a unit (and the units under it),
a topic tag or an activity kind, at once or in the 07.00 WIB morning digest.

Anyone may subscribe; a subscription waits (``pending``) until its address confirms it
through the link the confirmation message carries (double opt-in), unless the caller
already knows the address is its owner's (a journalist's confirmed account:
``confirmed=True``). Unsubscribing needs no login: the signed link in every message
ends every subscription of its address and drops what is still queued for it.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from press.codes import (
    ActivityKind, OutboxPurpose, OutboxState, SubscriptionCadence, SubscriptionScope, SubscriptionState,
)
from press.errors import N_, ServiceError
from press.models import OutboxMessage, Subscription, Tag, Unit, utcnow
from press.numbers import parse_id

from . import outbox, public_archives

# Pending subscriptions an address may hold: the subscribe form cannot be used to flood
# someone else's inbox with confirmation requests.
MAX_PENDING = 5
# The purposes a subscriber receives, dropped from the queue when they unsubscribe.
SUBSCRIBER_MAIL = (OutboxPurpose.RELEASE_ALERT, OutboxPurpose.FOLLOW_UP, OutboxPurpose.DIGEST)


class SubscriptionError(ServiceError):
    """A subscription cannot be made or changed; the message says why."""


def _scope_value(session: Session, scope: SubscriptionScope, value) -> str:
    if scope == SubscriptionScope.ALL:
        return ""
    if scope == SubscriptionScope.KIND:
        if value not in set(ActivityKind):
            raise SubscriptionError(N_("Pilih jenis kegiatan yang ada."))
        return str(value)
    model = Unit if scope == SubscriptionScope.UNIT else Tag
    found = session.get(model, parse_id(str(value or ""))) if parse_id(str(value or "")) else None
    if found is None:
        raise SubscriptionError(N_("Pilih unit yang ada.") if model is Unit else N_("Pilih topik yang ada."))
    return str(found.id)


def subscribe(session: Session, *, address: str, scope: str, scope_value: str | int | None = None,
              cadence: str = SubscriptionCadence.IMMEDIATE, confirmed: bool = False,
              now: datetime | None = None) -> Subscription:
    """Subscribe ``address``; a new (or ended) subscription asks its address to confirm
    unless ``confirmed``. Subscribing again to the same scope changes its cadence."""
    now = now or utcnow()
    try:
        scope, cadence = SubscriptionScope(scope), SubscriptionCadence(cadence)
    except ValueError as exc:
        raise SubscriptionError(N_("Pilih apa yang ingin diikuti dan kapan kabarnya dikirim.")) from exc
    address = outbox.valid_address(address)
    value = _scope_value(session, scope, scope_value)
    row = session.scalar(select(Subscription).where(
        Subscription.address == address, Subscription.scope == scope, Subscription.scope_value == value))
    if row is not None and row.state != SubscriptionState.UNSUBSCRIBED:
        row.cadence = cadence
        if confirmed and row.state == SubscriptionState.PENDING:
            row.state, row.confirmed_at = SubscriptionState.CONFIRMED, now
        return row
    if not confirmed and _pending(session, address) >= MAX_PENDING:
        raise SubscriptionError(N_("Alamat ini masih punya %(count)s langganan yang belum dikonfirmasi; "
                                   "konfirmasi dulu lewat surel yang sudah dikirim."), count=MAX_PENDING)
    if row is None:
        row = Subscription(address=address, scope=scope, scope_value=value)
        session.add(row)
    row.cadence = cadence
    row.created_at, row.unsubscribed_at = now, None
    row.state = SubscriptionState.CONFIRMED if confirmed else SubscriptionState.PENDING
    row.confirmed_at = now if confirmed else None
    session.flush()
    if not confirmed:
        outbox.queue_composed(session, purpose=OutboxPurpose.CONFIRMATION,
                              object_key=f"subscription:{row.id}:{int(now.timestamp())}", address=address,
                              data={"subscription": row.id})
    return row


def _pending(session: Session, address: str) -> int:
    return session.scalar(select(func.count()).select_from(Subscription).where(
        Subscription.address == address, Subscription.state == SubscriptionState.PENDING)) or 0


def confirm(session: Session, subscription_id: int, *, now: datetime | None = None) -> Subscription:
    """The address confirmed the subscription (the link of its confirmation message)."""
    row = session.get(Subscription, subscription_id)
    if row is None or row.state == SubscriptionState.UNSUBSCRIBED:
        raise SubscriptionError(N_("Langganan ini sudah tidak ada; silakan berlangganan lagi."))
    if row.state == SubscriptionState.PENDING:
        row.state, row.confirmed_at = SubscriptionState.CONFIRMED, now or utcnow()
    return row


def unsubscribe_address(session: Session, address: str, *, now: datetime | None = None) -> int:
    """End every subscription of ``address`` and drop the subscriber mail still queued for
    it; returns how many subscriptions ended."""
    now = now or utcnow()
    address = outbox.valid_address(address)
    ended = session.execute(update(Subscription).where(
        Subscription.address == address, Subscription.state != SubscriptionState.UNSUBSCRIBED)
        .values(state=SubscriptionState.UNSUBSCRIBED, unsubscribed_at=now)
        .execution_options(synchronize_session=False)).rowcount
    session.execute(update(OutboxMessage).where(
        OutboxMessage.address == address, OutboxMessage.purpose.in_([p.value for p in SUBSCRIBER_MAIL]),
        OutboxMessage.state == OutboxState.QUEUED).values(state=OutboxState.DROPPED)
        .execution_options(synchronize_session=False))
    return ended or 0


def unsubscribe(session: Session, subscription_id: int, address: str, *, now: datetime | None = None) -> None:
    """End one subscription of ``address`` (its account page)."""
    row = session.get(Subscription, subscription_id)
    if row is None or row.address != outbox.valid_address(address):
        raise SubscriptionError(N_("Langganan ini sudah tidak ada; silakan berlangganan lagi."))
    row.state, row.unsubscribed_at = SubscriptionState.UNSUBSCRIBED, now or utcnow()


def for_address(session: Session, address: str) -> list[Subscription]:
    """The subscriptions of ``address`` that have not ended (an account page lists them)."""
    return list(session.scalars(select(Subscription).where(
        Subscription.address == outbox.valid_address(address),
        Subscription.state != SubscriptionState.UNSUBSCRIBED).order_by(Subscription.id)))


def all_subscriptions(session: Session, *, limit: int = 10_000) -> list[Subscription]:
    """Every subscription, oldest first (``flask subscribers list``)."""
    return list(session.scalars(select(Subscription).order_by(Subscription.id).limit(limit)))


def scope_name(session: Session, row: Subscription) -> str | None:
    """The unit's or tag's name a subscription follows (the kind is a code: its label is the web's)."""
    if row.scope == SubscriptionScope.UNIT:
        unit = session.get(Unit, int(row.scope_value))
        return unit.name if unit else None
    if row.scope == SubscriptionScope.TAG:
        tag = session.get(Tag, int(row.scope_value))
        return tag.name if tag else None
    return row.scope_value or None


def scope_choices(session: Session) -> tuple[list[Unit], list[Tag]]:
    """What the subscribe form offers: every unit, and the topic tags of public releases."""
    unit_list = list(session.scalars(select(Unit).order_by(Unit.name)))
    topics = [tag for tag, _count in public_archives.tags_with_releases(session) if tag.kind == "topic"]
    return unit_list, topics
