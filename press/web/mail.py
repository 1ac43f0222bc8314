"""The composers of the outbox: what a release alert, a follow-up, a digest, a
subscription's confirmation and an assignment notice say, written when the message is
sent (``press.services.outbox_sender.drain`` calls them by purpose), in Indonesian, from the
release as it is then.

Each message has a plain-text and an HTML part (``templates/mail/``), links made absolute
on ``SITE_URL``, the lead photo — when the public may see it (``public.may_show``) — embedded
in the alert as an inline ``cid:`` image of its web rendition (which, like every rendition,
carries no GPS) and linked through its stable photo page (never a rendition address, which
changes when renditions are rebuilt), the unit as the sender's name, and
for subscriber mail ``List-Unsubscribe`` with RFC 8058's one-click
``List-Unsubscribe-Post`` (the link carries a signed token: ``csrf_exempt``).
"""
from __future__ import annotations

import secrets
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from urllib.parse import urlsplit

from flask import Flask, current_app
from flask_babel import force_locale, gettext
from markupsafe import escape
from sqlalchemy import bindparam, func, select

from press import dates
from press.drafting import formatting
from press.codes import OutboxPurpose, SubscriptionScope, SubscriptionState
from press.models import Activity, Media, OutboxMessage, Release, ReleasePhoto, Subscription
from press.services import public, release_mail, subscriptions
from press.services.mail_message import Composed, Composers
from press.storage import StorageError

from . import stored_files
from . import csrf_exempt, links
from .labels import ACTIVITY_KIND_LABELS, NOTIFICATION_KIND_LABELS, SUBSCRIPTION_CADENCE_LABELS, SUBSCRIPTION_SCOPE_LABELS

CONFIRM_PURPOSE = "subscription-confirm"
CONFIRM_MAX_AGE = 14 * 24 * 3600
MAIL_LOCALE = "id"


def unsubscribe_url(address: str) -> str:
    return links.absolute("subscriptions.unsubscribe", token=csrf_exempt.make_token(csrf_exempt.UNSUBSCRIBE.purpose, {"a": address}))


def _subscriber_headers(unsubscribe: str) -> dict[str, str]:
    return {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


# Rendered where a subscriber's own unsubscribe link goes, in a message rendered once for
# all of them: nothing a template or a release holds can contain it.
UNSUBSCRIBE_MARK = f"\x00unsubscribe-{secrets.token_hex(8)}\x00"


def _for_subscriber(shared: Composed, address: str) -> Composed:
    """``shared`` (rendered with ``UNSUBSCRIBE_MARK``) with ``address``'s signed link."""
    link = unsubscribe_url(address)
    return Composed(subject=shared.subject, text=shared.text.replace(UNSUBSCRIBE_MARK, link),
                    html=shared.html.replace(UNSUBSCRIBE_MARK, str(escape(link))), sender_name=shared.sender_name,
                    headers=_subscriber_headers(link), images=list(shared.images))


def _render(name: str, subject: str, sender: str | None = None, headers: dict | None = None, **values) -> Composed:
    """Both parts from ``templates/mail/<name>.txt|html``, with the values given and the
    environment's globals (``_``, ``url_for``) but no page context: a message is nobody's page."""
    values.update(subject=subject, office=current_app.config.get("OFFICE_NAME"))
    env = current_app.jinja_env
    return Composed(subject=subject, text=env.get_template(f"mail/{name}.txt").render(values),
                    html=env.get_template(f"mail/{name}.html").render(values), sender_name=sender, headers=headers or {})


def _unit_name(release: Release) -> str | None:
    unit = release.unit or (release.activity.unit if release.activity else None)
    return unit.name if unit else None


# What a release's alerts share — its values and the alert itself, rendered once with a
# mark where each subscriber's link goes — kept per app by (id, last change, state,
# class, its photos' number and last change, today): 5,000 alerts of one release read
# and render it once, and any change to it (a retraction, a correction) or to a photo of
# it (one taken out of public view, a consent withdrawn or ended) is a new key.
RELEASE_VALUES_KEPT = 64


def _key_query():
    """Built once: the release's own columns, and its photos' number and latest change."""
    photos = (select(func.count(ReleasePhoto.media_id), func.max(Media.updated_at))
              .join(Media, Media.id == ReleasePhoto.media_id).where(ReleasePhoto.release_id == Release.id)
              .correlate(Release))
    return select(Release.id, Release.updated_at, Release.state, Release.ppid_class, Release.activity_id,
                  photos.with_only_columns(func.count(ReleasePhoto.media_id)).scalar_subquery(),
                  photos.with_only_columns(func.max(Media.updated_at)).scalar_subquery(),
                  ).where(Release.id == bindparam("release_id"))


KEY_QUERY = _key_query()


# The keys read in the batch being written (MailComposers.writing), by release.
_BATCH_KEYS: ContextVar[dict | None] = ContextVar("mail_batch_release_keys", default=None)


def _release_key(session, release_id):
    """Read once per batch the sender writes: a change committed while a batch goes out
    reaches the next batch (a follow-up then goes to every address its alert reached)."""
    keys = _BATCH_KEYS.get()
    if keys is not None and release_id in keys:
        return keys[release_id]
    # On the session's connection, not through the ORM (it is half the cost), without
    # flushing: the sender's settled rows wait for its batch's commit.
    key = session.connection().execute(KEY_QUERY, {"release_id": release_id}).one_or_none()
    key = None if key is None else (*key, dates.office_today())
    if keys is not None:
        keys[release_id] = key
    return key


def _release_values(session, release_id) -> dict | None:
    """The release's title, dateline, summary, links, lead photo and sender as plain
    values; None when the public may not see it (nothing is written about it then)."""
    key = _release_key(session, release_id)
    if key is None:
        return None
    kept: OrderedDict = current_app.extensions["mail_release_values"]
    if key in kept:
        kept.move_to_end(key)
        return kept[key]
    release = session.get(Release, release_id)
    values = _read_release(release) if public.release_is_public(release) else None
    if values is not None:
        photo = values["photo"]
        values["alert"] = _render("release", values["title"], values["unit_name"], unsubscribe=UNSUBSCRIBE_MARK,
                                  photo_cid=photo[0] if photo else None, **values)
        values["alert"].images = [photo] if photo else []
    kept[key] = values
    while len(kept) > RELEASE_VALUES_KEPT:
        kept.popitem(last=False)
    return values


def _read_release(release: Release) -> dict:
    lead = public.lead_photo(release)
    caption = None
    if lead is not None:
        caption = next((link.caption for link, media in public.public_photos_of(release) if media.id == lead.id), None)
    return {"title": release.title, "dateline": release.dateline, "summary": formatting.summary(release.body, 400),
            "url": links.public_url("release", release, external=True), "unit_name": _unit_name(release),
            "photo_url": links.public_url("photo", lead, external=True) if lead is not None else None,
            "photo_caption": caption or (lead.caption if lead is not None else None),
            "photo": _inline_photo(lead) if lead is not None else None}


def _inline_photo(media) -> tuple[str, bytes, str] | None:
    """The public web rendition of ``media`` as an inline image (Content-ID, bytes, type);
    None when it cannot be read (the message then only links the photo's page)."""
    rendition = media.rendition("web")
    if rendition is None:
        return None
    try:
        with stored_files.store().open_rendition(media.sha256, "web") as handle:
            data = handle.read()
    except (OSError, StorageError):
        return None
    host = urlsplit(current_app.config.get("SITE_URL") or "").hostname or "siaran"
    return f"foto-{media.id}.{rendition.sha256[:16]}@{host}", data, "image/jpeg"


def release_alert(session, row: OutboxMessage) -> Composed | None:
    values = _release_values(session, (row.data or {}).get("release"))
    return None if values is None else _for_subscriber(values["alert"], row.address)


def follow_up(session, row: OutboxMessage) -> Composed | None:
    release = session.get(Release, (row.data or {}).get("release"))
    if release is None:
        return None
    retracted = row.data.get("change") == "retract"
    title = None if public.is_exempt(release) else release.title
    if retracted:
        subject = gettext("Ditarik: %(title)s", title=title) if title else gettext("Siaran pers ditarik")
    elif public.release_is_public(release):
        subject = gettext("Koreksi: %(title)s", title=release.title)
    else:
        return None
    unsubscribe = unsubscribe_url(row.address)
    return _render("follow_up", subject, _unit_name(release), _subscriber_headers(unsubscribe), unsubscribe=unsubscribe,
                   retracted=retracted, title=title,
                   notice=release.retraction_notice if retracted else release.correction_note,
                   url=links.public_url("release", release, external=True))


def digest(session, row: OutboxMessage) -> Composed | None:
    day = date.fromisoformat((row.data or {}).get("day", ""))
    releases = release_mail.digest_releases(session, row)
    if not releases:
        return None
    subject = gettext("Ringkasan siaran pers %(day)s", day=dates.long_date(day, MAIL_LOCALE))
    unsubscribe = unsubscribe_url(row.address)
    return _render("digest", subject, None, _subscriber_headers(unsubscribe), unsubscribe=unsubscribe,
                   items=[_read_release(release) for release in releases])


def confirmation(session, row: OutboxMessage) -> Composed | None:
    subscription = session.get(Subscription, (row.data or {}).get("subscription"))
    if subscription is None or subscription.state != SubscriptionState.PENDING:
        return None
    token = csrf_exempt.make_token(CONFIRM_PURPOSE, {"s": subscription.id})
    scope = SUBSCRIPTION_SCOPE_LABELS[subscription.scope]
    name = subscriptions.scope_name(session, subscription)
    if subscription.scope == SubscriptionScope.KIND and name:
        name = ACTIVITY_KIND_LABELS.get(name, name)
    return _render("confirmation", gettext("Konfirmasi langganan siaran pers"),
                   url=links.absolute("subscriptions.confirm", token=token), scope=scope, scope_name=name,
                   cadence=SUBSCRIPTION_CADENCE_LABELS[subscription.cadence])


def assignment_notice(session, row: OutboxMessage) -> Composed | None:
    data = row.data or {}
    activity = session.get(Activity, data.get("activity"))
    if activity is None or data.get("kind") not in NOTIFICATION_KIND_LABELS:
        return None
    kind = NOTIFICATION_KIND_LABELS[data["kind"]]
    return _render("assignment", f"{kind}: {activity.title}", kind=kind, activity=activity,
                   url=links.staff_url("activity", activity, external=True))


COMPOSERS = {
    OutboxPurpose.RELEASE_ALERT: release_alert,
    OutboxPurpose.FOLLOW_UP: follow_up,
    OutboxPurpose.DIGEST: digest,
    OutboxPurpose.CONFIRMATION: confirmation,
    OutboxPurpose.ASSIGNMENT_NOTICE: assignment_notice,
}


class MailComposers(Composers):
    """The composers, written in a request context on ``SITE_URL`` and in Indonesian,
    whoever drains: one context for a batch of messages."""

    def __init__(self, app: Flask):
        super().__init__({purpose.value: compose for purpose, compose in COMPOSERS.items()})
        self.app = app

    @contextmanager
    def writing(self):
        keys = _BATCH_KEYS.set({})
        try:
            with self.app.test_request_context(base_url=self.app.config.get("SITE_URL") or "http://localhost/"):
                with force_locale(MAIL_LOCALE):
                    yield
        finally:
            _BATCH_KEYS.reset(keys)


def init_app(app: Flask) -> None:
    app.extensions["mail_release_values"] = OrderedDict()
    app.extensions["outbox_composers"] = MailComposers(app)
