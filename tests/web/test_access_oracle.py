"""The office's policy of who may never do what, written here by hand from the design brief
(``../shared/DESIGN.md``: who uses Siaran, for what) and checked over HTTP against every
route of the URL map that the policy's paths name, so a new route under ``/staf/`` or
``/staf/admin/`` is covered without editing this test.

Nothing here reads ``press.permissions`` or what a view's decorator declares: the access
matrix (``test_access_matrix.py``) follows the table, this follows the brief. Each clause
is a "never": the asker gets the sign-in page (anonymous) or 403 (signed in, the wrong
role or the wrong unit), and every row and file is as it was.
"""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from press.extensions import db
from press.models import Release

from tests.conftest import csrf_token
from tests.web.oracles import build, changed, journalist_client, module_app, snapshot, staff_client, url_values

# Staff pages anyone may open: the sign-in page and the language switch.
OPEN_STAFF = {"/staf/login", "/staf/bahasa"}
ADMIN_PAGES = re.compile(r"^/staf/admin/|^/staf/siaran/templat")
# Where a release is changed: its pages under /staf/siaran/<id>/ and drafting one from an
# activity. Recording which WhatsApp groups a published release was pasted into changes
# nothing in it, and every member of the staff may do it.
RELEASE_EDITING = re.compile(r"^/staf/siaran/(dari-kegiatan/|<id:release_id>/(?!whatsapp$))")
RELEASE_EDIT_FORM = re.compile(r"^/staf/siaran/<id:release_id>/sunting$")
# Making photos public: one photo public or withdrawn, collections (public galleries).
PHOTO_PUBLISHING = re.compile(r"^/staf/foto/<id:media_id>/(publik|tarik)$|^/staf/koleksi")
WORKFLOW = "/staf/siaran/<id:release_id>/alur"
# A unit's work: what a URL names by one of these (another unit's activity, release, note, photo).
UNIT_OBJECTS = ("activity_id", "release_id", "note_id", "media_id")

STAFF = {
    "photographer": "fotografer@siaran.test", "writer": "penulis@siaran.test", "editor": "redaktur@siaran.test",
    "unit_editor": "redaktur.dinkes@siaran.test", "unit_writer": "penulis.dinkes@siaran.test",
    "unit_photographer": "fotografer.dinkes@siaran.test",
}
UNIT_PEOPLE = ("unit_photographer", "unit_writer", "unit_editor")
NON_ADMINS = tuple(STAFF)


def _staff_side(rule) -> bool:
    return rule.rule.startswith("/staf/") and rule.rule not in OPEN_STAFF


def _posts(rule) -> bool:
    return "POST" in rule.methods


# (who, which routes, which methods: "any" or "POST"): never. Read them as sentences.
POLICY = {
    "anonymous never reaches a staff page": (("anonymous",), _staff_side, "any"),
    "a journalist never reaches a staff page": (("journalist",), _staff_side, "any"),
    "only the admin reaches the admin pages": (NON_ADMINS, lambda r: bool(ADMIN_PAGES.search(r.rule)), "any"),
    "a photographer never edits a release": (
        ("photographer", "unit_photographer"),
        lambda r: bool(RELEASE_EDITING.search(r.rule)) and (_posts(r) or bool(RELEASE_EDIT_FORM.search(r.rule))),
        "POST or edit form"),
    "only editors make photos public": (("photographer", "unit_photographer", "writer", "unit_writer"),
                                        lambda r: bool(PHOTO_PUBLISHING.search(r.rule)) and _posts(r), "POST"),
    "a unit's people never act on another unit's work": (
        UNIT_PEOPLE, lambda r: _posts(r) and any(p in r.arguments for p in UNIT_OBJECTS)
        and not r.rule.endswith("/whatsapp"), "POST"),
}
# The action a writer would send to each release of the demo, in the state it is in.
NEVER_BY_A_WRITER = {"approved": ("publish", "schedule", "send_back"), "in_review": ("approve", "publish"),
                     "scheduled": ("unschedule", "publish"), "published": ("retract", "correct")}


@pytest.fixture(scope="module")
def site(tmp_path_factory, migrated_db):
    app = module_app(tmp_path_factory.mktemp("oracle"), migrated_db)
    return app, url_values(app)


def _client(app, who: str):
    """A client signed in as ``who`` and its session's CSRF token (the requests are to be
    refused for who asks, not for a missing token)."""
    if who == "anonymous":
        client = app.test_client()
    else:
        client = journalist_client(app) if who == "journalist" else staff_client(app, STAFF[who])
    return client, csrf_token(client)


def _refused(who: str, answer) -> bool:
    to_login = answer.status_code == 302 and "/staf/login" in answer.headers.get("Location", "")
    if who == "anonymous":
        return to_login
    if who == "journalist":
        return to_login or answer.status_code == 403
    return answer.status_code == 403


@pytest.mark.parametrize("clause", list(POLICY))
def test_the_policy_holds_on_every_route_it_names(site, clause):
    app, values = site
    askers, names, methods = POLICY[clause]
    # Signing out (the auth blueprint's routes) ends the session and its token: last, each
    # with a fresh token.
    rules = sorted((rule for rule in app.url_map.iter_rules() if names(rule)), key=lambda r: r.endpoint.startswith("auth."))
    assert rules, f"no route matches {clause!r}: the policy names the wrong paths"
    failures = []
    for who in askers:
        client, token = _client(app, who)
        before = snapshot(app)
        for rule in rules:
            path = build(rule, values)
            if rule.endpoint.startswith("auth."):
                token = csrf_token(client)
            for method in ("GET", "POST"):
                if method not in rule.methods or (methods != "any" and method == "GET" and not
                                                  RELEASE_EDIT_FORM.search(rule.rule)):
                    continue
                data = {"csrf_token": token, "action": "submit", "value": "1"} if method == "POST" else None
                answer = client.open(path, method=method, data=data)
                if not _refused(who, answer):
                    failures.append(f"{who}: {method} {path} answered {answer.status_code}")
        if changes := changed(before, snapshot(app)):
            failures.append(f"{who} changed {changes}")
    assert failures == []


@pytest.mark.parametrize("who", ["writer", "unit_writer", "photographer"])
def test_a_writer_or_photographer_never_moves_a_release_past_review(site, who):
    """The central office's writer reaches every unit; none of them approves, publishes,
    schedules, sends back, corrects or retracts: whatever the answer (the release page with
    the refusal, or 403), the release and everything else stay as they were."""
    app, _values = site
    client, token = _client(app, who)
    with app.app_context():
        releases = {state: db.session.scalar(select(Release.id).where(Release.state == state).order_by(Release.id))
                    for state in NEVER_BY_A_WRITER}
    failures = []
    for state, actions in NEVER_BY_A_WRITER.items():
        for action in actions:
            before = snapshot(app)
            client.post(WORKFLOW.replace("<id:release_id>", str(releases[state])),
                        data={"csrf_token": token, "action": action, "comment": "x", "notice": "x", "note": "x",
                              "at": "2030-01-01T09:00"})
            if changes := changed(before, snapshot(app)):
                failures.append(f"{action} on the {state} release changed {changes}")
    assert failures == []
