"""Whether consent covers a photo of a sensitive subject: the part of the public rule
(``press.services.public``) that reads consent records. Every way of making a photo
public asks ``public.publish_refusal``, which asks ``uncovered`` here.

A photo without a flag (``Media.sensitive`` empty) needs no consent. A flagged photo is
public only while one of its consent records covers the day (not withdrawn, ``valid_until``
not passed, on the office's calendar): the rule is read at every request, so a consent
lapses on the public site at the office's midnight, before the consent job has done the
rest (search index, corrections, notices). No Flask; read-only.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import exists, or_, select

from press.codes import PublishRefusal
from press.dates import office_today
from press.models import ConsentRecord, Media


def covered_condition(day: date | None = None):
    """SQL: the ``Media`` row needs no consent, or a record covers ``day`` (today)."""
    day = day or office_today()
    covering = exists(select(ConsentRecord.id).where(
        ConsentRecord.media_id == Media.id, ConsentRecord.withdrawn_at.is_(None), ConsentRecord.valid_until >= day))
    return or_(Media.sensitive.is_(None), covering)


def is_covered(media: Media, day: date | None = None) -> bool:
    """``covered_condition`` for a loaded photo."""
    return uncovered(media, on=day) is None


def uncovered(media: Media, *, on: date | None = None) -> PublishRefusal | None:
    """Why consent does not let ``media`` be public on ``on`` (today); None when it needs
    none or a record covers the day."""
    if not media.sensitive:
        return None
    day = on or office_today()
    records = list(media.consents)
    if any(record.covers(day) for record in records):
        return None
    if any(record.withdrawn_at is None for record in records):
        return PublishRefusal.CONSENT_EXPIRED
    return PublishRefusal.CONSENT_WITHDRAWN if records else PublishRefusal.NO_CONSENT
