"""What subscribers are sent about releases, queued in the outbox in the transaction that
publishes, corrects or retracts (the messages themselves are written when sent, by the
web layer's composers, which read the release as it is then).

- a release published (by an editor or the embargo clock): its alerts are owed (one
  ``MailOwed`` row in the publishing transaction), and the send job lists one
  ``release_alert`` per address whose immediate subscriptions match it then;
- a release corrected or retracted: a ``follow_up`` owed to every address that received
  it, in its alert or in a digest that listed it (``DigestListing``), once per address;
- the morning digest: from 07.00 WIB, one ``digest`` per address whose digest
  subscriptions match a release published in the 24 hours before (a periodic job), with
  the releases it lists recorded beside it.

Nothing is queued for a release the public may not see (``public.release_is_public``),
so nothing scheduled or exempt reaches a subscriber: alerts owed for a release withdrawn
before they were listed are never listed, and an alert still queued when its release is
withdrawn is dropped by its composer.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, func, insert, literal, or_, select
from sqlalchemy.orm import Session

from press import jobs
from press.codes import (
    OutboxPurpose, OutboxState, SubscriptionCadence, SubscriptionScope, SubscriptionState, WorkflowAction,
)
from press.dates import OFFICE_ZONE
from press.models import DigestListing, OutboxMessage, Release, ReleaseTag, Subscription, utcnow

from . import access, outbox, public, units

DIGEST_HOUR = 7
DIGEST_CHECK_SECONDS = 300


def alert_key(release_id: int) -> str:
    return f"release:{release_id}"


def _matching(session: Session, releases: list[Release], cadence: SubscriptionCadence):
    """SQL: the addresses whose ``cadence`` subscriptions follow any of ``releases``."""
    unit_ids, tag_ids, kinds = set(), set(), set()
    for release in releases:
        unit = access.unit_of(release)
        if unit:
            unit_ids.update(units.above(session, unit))
        if release.activity is not None:
            kinds.add(release.activity.kind)
    if releases:
        tag_ids.update(session.scalars(select(ReleaseTag.tag_id).where(
            ReleaseTag.release_id.in_([release.id for release in releases]))))
    follows = or_(
        Subscription.scope == SubscriptionScope.ALL,
        and_(Subscription.scope == SubscriptionScope.UNIT, Subscription.scope_value.in_([str(u) for u in unit_ids])),
        and_(Subscription.scope == SubscriptionScope.TAG, Subscription.scope_value.in_([str(t) for t in tag_ids])),
        and_(Subscription.scope == SubscriptionScope.KIND, Subscription.scope_value.in_(sorted(kinds))),
    )
    return select(Subscription.address).where(
        Subscription.state == SubscriptionState.CONFIRMED, Subscription.cadence == cadence, follows)


def follows(session: Session, address: str, release: Release, cadence: SubscriptionCadence) -> bool:
    """Does ``address`` still follow ``release`` (the composer's check before writing)?"""
    query = _matching(session, [release], cadence).where(Subscription.address == address).limit(1)
    return session.scalar(query) is not None


def on_published(session: Session, release: Release) -> bool:
    """Owe the alerts of a release just published (listed by the send job); False when
    there is nothing to send about it."""
    if not public.release_is_public(release):
        return False
    return outbox.owe(session, purpose=OutboxPurpose.RELEASE_ALERT, object_key=alert_key(release.id),
                      data={"release": release.id}) is not None


@outbox.expander(OutboxPurpose.RELEASE_ALERT)
def _alert_addresses(session: Session, data: dict):
    release = session.get(Release, data.get("release"))
    if release is None or not public.release_is_public(release):
        return None
    return _matching(session, [release], SubscriptionCadence.IMMEDIATE)


def on_changed(session: Session, release: Release, change: str) -> bool:
    """Owe a follow-up of a correction (``change`` names its version) or a retraction."""
    return outbox.owe(session, purpose=OutboxPurpose.FOLLOW_UP, object_key=f"{alert_key(release.id)}:{change}",
                      data={"release": release.id, "change": change}) is not None


@outbox.expander(OutboxPurpose.FOLLOW_UP)
def received(session: Session, data: dict):
    """SQL: every address the release reached (or may have: in flight), in its alert or
    in a digest that listed it."""
    release_id = data.get("release")
    listed = select(DigestListing.message_id).where(DigestListing.release_id == release_id)
    return select(OutboxMessage.address).where(
        OutboxMessage.state.in_((OutboxState.SENT, OutboxState.SENDING)),
        or_(and_(OutboxMessage.purpose == OutboxPurpose.RELEASE_ALERT, OutboxMessage.object_key == alert_key(release_id)),
            and_(OutboxMessage.purpose == OutboxPurpose.DIGEST, OutboxMessage.id.in_(listed))))


def after_action(session: Session, release: Release, action: str) -> None:
    """What a workflow action tells subscribers: the alert of a publication, the follow-up
    of a correction (one per version) or of a retraction."""
    if action in (WorkflowAction.PUBLISH, WorkflowAction.PUBLISH_DUE):
        on_published(session, release)
    elif action == WorkflowAction.CORRECT:
        on_changed(session, release, f"v{release.version}")
    elif action == WorkflowAction.RETRACT:
        on_changed(session, release, "retract")


def digest_day(now: datetime) -> date:
    """The day of the latest digest due at ``now``: today from 07.00 WIB, yesterday before."""
    local = now.astimezone(OFFICE_ZONE)
    return local.date() if local.time() >= time(DIGEST_HOUR) else local.date() - timedelta(days=1)


def digest_window(day: date) -> tuple[datetime, datetime]:
    """The publications a day's digest covers: from 07.00 WIB the day before to 07.00 WIB that day."""
    end = datetime.combine(day, time(DIGEST_HOUR), OFFICE_ZONE)
    return end - timedelta(days=1), end


def _published_in(session: Session, day: date) -> list[Release]:
    start, end = digest_window(day)
    return public.published_releases(session, where=and_(Release.published_at >= start, Release.published_at < end))


def digest_key(day: date) -> str:
    return f"digest:{day.isoformat()}"


def queue_digests(session: Session, now: datetime | None = None) -> int:
    """Queue the latest due digest for each address it concerns (once: the outbox's key),
    recording the releases each new one lists."""
    day = digest_day(now or utcnow())
    releases = _published_in(session, day)
    if not releases:
        return 0
    key = digest_key(day)
    last_before = session.scalar(select(func.max(OutboxMessage.id))) or 0
    queued = outbox.queue_select(session, purpose=OutboxPurpose.DIGEST, object_key=key,
                                 addresses=_matching(session, releases, SubscriptionCadence.DIGEST),
                                 data={"day": day.isoformat()})
    if queued:
        new = select(OutboxMessage.id, OutboxMessage.address).where(
            OutboxMessage.purpose == OutboxPurpose.DIGEST, OutboxMessage.object_key == key,
            OutboxMessage.id > last_before).subquery()
        for release in releases:
            session.execute(insert(DigestListing).from_select(["message_id", "release_id"], select(
                new.c.id, literal(release.id)).where(
                new.c.address.in_(_matching(session, [release], SubscriptionCadence.DIGEST)))))
    return queued


def digest_releases(session: Session, row: OutboxMessage) -> list[Release]:
    """The releases a digest message lists that the public may still see, oldest first
    (a digest queued before listings were recorded: those of its day its address follows)."""
    listed = select(DigestListing.release_id).where(DigestListing.message_id == row.id)
    if session.scalar(listed.limit(1)) is None:
        day = date.fromisoformat((row.data or {}).get("day", ""))
        return [release for release in reversed(_published_in(session, day))
                if follows(session, row.address, release, SubscriptionCadence.DIGEST)]
    chosen = list(session.scalars(select(Release).where(Release.id.in_(listed))))
    return sorted((release for release in chosen if public.release_is_public(release)),
                  key=lambda release: (release.published_at, release.id))


@jobs.periodic("subscriptions.digest", every=DIGEST_CHECK_SECONDS)
def digest_job(ctx: jobs.JobContext) -> None:
    """From 07.00 WIB, the morning digest of the day is queued (once per address)."""
    queue_digests(ctx.session)
