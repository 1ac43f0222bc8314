"""The signed-in journalist's bar on the public pages, added around the page every
visitor shares.

A public page is rendered once and shared by every visitor (the page cache before Flask,
``shared_pages`` in it), so nothing of a visitor may be in it. The site's layout leaves
:data:`MARKER` where the bar goes; ``site.conditional`` has :func:`personalise` put a
signed-in journalist's bar there (name, outlet, how many embargoed releases are opened
to them, linked to their private list — never a title on a public URL — and the account link) before the ETag is taken, so the ETag is of this journalist's page, and
such an answer is ``private``: no shared cache keeps it. Any other visitor gets the shared
page with the marker, an HTML comment. The journalist is read on every request (one
query, with the outlet: an account signed out everywhere or no longer approved gets no
bar at once); the bar itself is kept like a shared page, per journalist.
"""
from __future__ import annotations

from flask import Response, render_template

from press.extensions import db
from press.services import embargo

from . import journalists
from .shared_pages import remember, remembered

MARKER = "<!--siaran:personal-->"
PERSONAL_CACHE = "private, no-cache"


def personalise(response: Response) -> bool:
    """Put the signed-in journalist's bar into ``response``; True when the page is now theirs."""
    if response.mimetype != "text/html" or response.direct_passthrough:
        return False
    journalist = journalists.current_journalist()
    if journalist is None:
        return False
    body = response.get_data(as_text=True)
    if MARKER not in body:
        return False
    response.set_data(body.replace(MARKER, _bar(journalist), 1))
    response.headers["Cache-Control"] = PERSONAL_CACHE
    response.vary.add("Cookie")
    return True


def _bar(journalist) -> str:
    """The journalist's bar, rendered once while nothing public changes (an opening made or
    closed is on the audit trail, which the fingerprint follows) for this version of their
    session and their outlet's verification."""
    key = ("journalist-bar", journalist.id, journalist.session_version, journalist.outlet_id,
           embargo.outlet_verified(journalist))
    bar = remembered(key)
    if bar is None:
        bar = render_template("site/_journalist_bar.html", journalist=journalist,
                              openings=len(embargo.previews(db.session, journalist)))
        remember(key, bar)
    return bar
