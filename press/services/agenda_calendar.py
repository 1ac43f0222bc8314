"""The public agenda as iCalendar (RFC 5545), built with the ``icalendar`` library.

One ``VEVENT`` per activity, its ``UID`` stable (``kegiatan-<id>@<site host>``), so a
subscribed calendar updates an activity in place when its time or place changes and
marks it ``STATUS:CANCELLED`` when it is called off (the summary says so too: not every
calendar shows the status). Times carry ``TZID=Asia/Jakarta`` with its ``VTIMEZONE``;
an activity without a start time is a whole-day event. ``DTSTAMP`` and
``LAST-MODIFIED`` are the activity's last change, as RFC 5545 asks of a calendar without
a ``METHOD``, so the same agenda gives the same bytes (and ETag) until something changes.

The words of the description are Indonesian msgids rendered with the caller's
``gettext`` (the visitor's language on the site, the operator's in the CLI).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event, vDuration

from press.codes import ActivityState
from press.dates import OFFICE_ZONE
from press.errors import N_
from press.models import Activity

MEDIA_TYPE = "text/calendar"
PRODUCT_ID = "-//Siaran//Agenda Humas//ID"
REFRESH = timedelta(hours=1)
"""How often a subscribed calendar should fetch the feed again (``REFRESH-INTERVAL``)."""
LAST_ZONE_YEAR = 2100

CANCELLED_SUMMARY = N_("DIBATALKAN: %(title)s")
DESCRIPTION_LINES = (
    ("kind", N_("Jenis: %(value)s")),
    ("unit", N_("Penyelenggara: %(value)s")),
    ("topic", N_("Topik: %(value)s")),
    ("dress_code", N_("Pakaian: %(value)s")),
    ("contact", N_("Narahubung: %(value)s")),
)


def uid_domain(site_url: str | None) -> str:
    """The right-hand side of every event's UID: the public site's host, else ``siaran``
    (never the request's host, so the site and ``flask agenda --ics`` give the same UIDs)."""
    return (urlsplit(site_url).hostname if site_url else None) or "siaran"


def is_cancelled(activity: Activity) -> bool:
    return activity.state == ActivityState.CANCELLED


def location(activity: Activity) -> str | None:
    """The venue's name, address and city, each once."""
    venue = activity.venue
    if venue is None:
        return None
    parts: list[str] = []
    for part in (venue.name, venue.address, venue.city):
        if part and not any(part.lower() in known.lower() for known in parts):
            parts.append(part)
    return ", ".join(parts)


def _moments(activity: Activity) -> tuple[date | datetime, date | datetime | None]:
    if activity.starts_at_time is None:
        return activity.starts_on, activity.starts_on + timedelta(days=1)
    start = datetime.combine(activity.starts_on, activity.starts_at_time, tzinfo=OFFICE_ZONE)
    if activity.ends_at_time is None or activity.ends_at_time < activity.starts_at_time:
        return start, None
    return start, datetime.combine(activity.starts_on, activity.ends_at_time, tzinfo=OFFICE_ZONE)


def event(activity: Activity, *, domain: str, gettext: Callable[..., str],
          kind_label: Callable[[str], str] = str, url: str | None = None) -> Event:
    """The ``VEVENT`` of one agenda activity."""
    item = Event()
    item.add("uid", f"kegiatan-{activity.id}@{domain}")
    item.add("dtstamp", activity.updated_at)
    item.add("created", activity.created_at)
    item.add("last-modified", activity.updated_at)
    start, end = _moments(activity)
    item.add("dtstart", start)
    if end is not None:
        item.add("dtend", end)
    cancelled = is_cancelled(activity)
    item.add("summary", gettext(CANCELLED_SUMMARY, title=activity.title) if cancelled else activity.title)
    item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    item.add("class", "PUBLIC")
    facts = {"kind": kind_label(activity.kind), "unit": activity.unit.name if activity.unit else None,
             "topic": activity.topic, "dress_code": activity.dress_code, "contact": activity.contact}
    lines = [gettext(line, value=facts[name]) for name, line in DESCRIPTION_LINES if facts[name]]
    item.add("description", "\n".join(lines))
    item.add("categories", [facts["kind"]])
    if place := location(activity):
        item.add("location", place)
    venue = activity.venue
    if venue is not None and venue.latitude is not None and venue.longitude is not None:
        item.add("geo", (venue.latitude, venue.longitude))
    if activity.contact:
        item.add("contact", activity.contact)
    if url:
        item.add("url", url)
    return item


def calendar(activities: Iterable[Activity], *, name: str, domain: str, gettext: Callable[..., str],
             kind_label: Callable[[str], str] = str, url_of: Callable[[Activity], str | None] | None = None) -> bytes:
    """The agenda ``activities`` as one iCalendar file named ``name`` (``X-WR-CALNAME``, ``NAME``)."""
    feed = Calendar()
    feed.add("prodid", PRODUCT_ID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("name", name)
    feed.add("x-wr-calname", name)
    feed.add("x-wr-timezone", str(OFFICE_ZONE))
    feed.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    feed.add("x-published-ttl", vDuration(REFRESH))
    for activity in activities:
        feed.add_component(event(activity, domain=domain, gettext=gettext, kind_label=kind_label,
                                 url=url_of(activity) if url_of else None))
    feed.add_missing_timezones(last_date=date(LAST_ZONE_YEAR, 1, 1))
    return feed.to_ical()
