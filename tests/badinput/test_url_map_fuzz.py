"""Every rule of the URL map, every method, every role, with hostile values: never a 500,
never an ERROR (a traceback) in the log.

Each case draws, with Hypothesis, a path (real ids, slugs and hashes of the demo data
mixed with huge, negative, unicode, traversal, NUL and very long values), a query string
(the names the views read, hostile values, or raw broken percent-encoding), form fields
for POSTs (the fields of the view's forms and the names it reads, with a valid CSRF token
so the view itself runs), an upload where the view takes one, and hostile headers
(If-Modified-Since garbage, Range, Accept-Language, X-Forwarded-For, a huge cookie).

``make test`` runs ``FUZZ_EXAMPLES`` (default 10) derandomised examples per rule, method
and role; ``make fuzz`` runs 500 (``FUZZ_EXAMPLES=2000 make fuzz`` for more).

The cases come from ``url_map_cases``, what an example draws from ``hostile_requests``; here
are the instance they are sent to (the demo site, a session per role, the real values a
path is filled with) and the property.
"""
from __future__ import annotations

import logging
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from press import create_app
from press.extensions import db
from press.demo.journalists import DEMO_JOURNALISTS
from press.models import (ACTIVITY_KINDS, TAG_KINDS, Activity, Clipping, Contract, Media, Note, NoteCorrection, Partner,
                          Person, Placement, ProofCheck, ProofFile, Release, Rendition, Subscription, Tag, Unit, User,
                          Venue, utcnow)
from press.services import indexing
from press.services.workflow import ACTIONS
from press.web import csrf_exempt

from tests import databases
from tests.badinput.hostile_requests import HUGE, requests
from tests.badinput.url_map_cases import CASES
from tests.conftest import CSRF_RE, EMAILS, PASSWORDS, REPO_ROOT, make_config
from tests.web.publishing_fixtures import build_site

pytestmark = pytest.mark.filterwarnings("ignore:The 'fuzz' cookie is too large")

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
ROLES = ("anonymous", "photographer", "writer", "editor", "admin", "journalist")


# -- the instance under fire ------------------------------------------------------------

class _Errors(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


class RoleSession:
    """A test client signed in as one role (anonymous: none). A request that may have ended
    the session (a logout, a redirect to a sign-in page) leaves it as it is for the rest of
    that case; the next case starts signed in again: with the cookie its sign-in left when
    the server still takes it (most such requests only lost or overwrote the cookie), else
    with a new sign-in (four requests, one rendering the staff home page, and a hash)."""

    def __init__(self, app, role: str):
        self.app, self.role = app, role
        self.client = app.test_client()
        self.plain = app.test_client()  # no cookie: what the page cache answers
        self.token = ""
        self.ended_by: str | None = None
        self.sign_in()

    def sign_in(self) -> None:
        self.client = self.app.test_client()
        if self.role == "journalist":
            email, password = DEMO_JOURNALISTS[0][0], DEMO_JOURNALISTS[0][1]
            token = self._token()
            answer = self.client.post("/wartawan/masuk", data={"email": email, "password": password,
                                                               "csrf_token": token})
            assert answer.status_code == 302, f"the journalist cannot sign in any more ({answer.status_code})"
        elif self.role != "anonymous":
            token = self._token()
            answer = self.client.post("/staf/login", data={
                "email": EMAILS[self.role], "password": PASSWORDS[self.role], "csrf_token": token})
            assert answer.status_code == 302, f"{self.role} cannot sign in any more ({answer.status_code})"
        self.token = self._token()
        self.cookie = self.client.get_cookie(self.app.config["SESSION_COOKIE_NAME"])

    def resume(self) -> None:
        """The session cookie as the sign-in left it when the server still takes it (the
        browser's cookie was lost or overwritten), else a new sign-in (a logout ended it)."""
        if self.cookie is not None:
            self.client.set_cookie(self.cookie.key, self.cookie.value, domain=self.cookie.domain,
                                   path=self.cookie.path)
            page = "/wartawan/masuk" if self.role == "journalist" else "/staf/login"
            if self.client.get(page).status_code == 302:  # a signed-in visitor is sent on
                return
        self.sign_in()

    def _token(self) -> str:
        page = self.client.get("/staf/login", follow_redirects=True).get_data(as_text=True)
        match = CSRF_RE.search(page)
        assert match, "no CSRF token"
        return match.group(1)

    def send(self, request: dict, case: str):
        if self.ended_by not in (None, case):
            self.resume()
            self.ended_by = None
        client = self.plain if (self.role == "anonymous" and request["method"] == "GET" and not request["cookie"]) \
            else self.client
        if request["cookie"] is not None:
            client.set_cookie("fuzz", request["cookie"])
        data = request["form"]
        if data is not None:
            data = {**data, "csrf_token": self.token}
        errors = _Errors()
        root = logging.getLogger()
        root.addHandler(errors)
        try:
            response = client.open(request["path"], method=request["method"], query_string=request["query"],
                                   data=data, headers=request["headers"])
            body = response.get_data()
        finally:
            root.removeHandler(errors)
            if request["cookie"] is not None:
                client.delete_cookie("fuzz")
        location = response.headers.get("Location", "")
        signed_out = location.startswith(("/staf/login", "/wartawan/masuk")) or request["path"] in (
            "/staf/logout", "/wartawan/keluar")
        if self.role != "anonymous" and signed_out:
            self.ended_by = self.ended_by or case
        return response, body, errors.records


class Instance:
    def __init__(self, app):
        self.app = app
        self.sessions: dict[str, RoleSession] = {}
        with app.app_context():
            build_site(app)
            indexing.rebuild_all(db.session, app.extensions["search_index"])
            self.values = {**_real_values(), **_partner_values()}

    def session(self, role: str) -> RoleSession:
        if role not in self.sessions:
            self.sessions[role] = RoleSession(self.app, role)
        return self.sessions[role]


def _ids(model) -> list[str]:
    return [str(i) for i in db.session.scalars(select(model.id).order_by(model.id).limit(20))]


def _real_values() -> dict[str, list[str]]:
    releases = db.session.scalars(select(Release)).all()
    renditions = db.session.scalars(select(Rendition).limit(10)).all()
    tags = db.session.scalars(select(Tag).limit(20)).all()
    slugs = [s for s in db.session.scalars(select(Unit.slug))] + list(db.session.scalars(select(Person.slug).limit(10)))
    static = sorted(p.name for p in (REPO_ROOT / "press" / "static").iterdir()) if (REPO_ROOT / "press" / "static").is_dir() else []
    media = _ids(Media)
    return {
        "media_id": media, "photo_id": media, "release_id": [str(r.id) for r in releases],
        "ref": [r.slug for r in releases] + [str(r.id) for r in releases], "activity_id": _ids(Activity),
        "note_id": _ids(Note), "correction_id": _ids(NoteCorrection), "user_id": _ids(User), "unit_id": _ids(Unit), "venue_id": _ids(Venue),
        "person_id": _ids(Person), "slug": slugs + [t.slug for t in tags], "kind": list(ACTIVITY_KINDS) + list(TAG_KINDS),
        "sha256": [r.sha256 for r in renditions], "variant": ["web", "thumb", "original"], "locale": ["id", "en"],
        "year": ["2021", "2026"], "month": ["9", "12"], "filename": static,
        "action": list(ACTIONS) + ["check", "preview", "save", "reset"], "value": ["0", "1"], "arah": ["naik", "turun"],
        "version": ["1", "2"], "scope": ["public", "staff"], "order": ["date", "relevance"],
        "status": ["draft", "published"], "page": ["1", "2"],
    }


@pytest.fixture(scope="module")
def instance(tmp_path_factory, migrated_db):
    root = tmp_path_factory.mktemp("fuzz")
    databases.copy_demo(migrated_db, root)
    # The login limits have their own tests; here hostile login posts must not lock the
    # fuzzing users out of the staff pages (429 per address, then the account lock).
    app = create_app(make_config(root, LOGIN_RATE_LIMIT="1000000 per minute", LOGIN_MAX_FAILURES=1_000_000))
    yield Instance(app)
    with app.app_context():
        db.engine.dispose()


def _partner_values() -> dict[str, list[str]]:
    """The demo's partners, contracts, placements (and each one's proof link token, and a
    link to one that is gone), clippings, a proof check and a proof file with blobs in the
    store, the journalists' subscriptions, and the report's filters."""
    placements = db.session.scalars(select(Placement).order_by(Placement.id)).all()
    media = db.session.scalar(select(Media).order_by(Media.id))
    extra = []
    for placement in placements[:1]:
        extra += [ProofCheck(placement=placement, url="https://contoh.example.id/a", snapshot_key=media.sha256,
                             checked_at=utcnow(), verdict="verified"),
                  ProofFile(placement=placement, kind="scan", sha256=media.sha256, mime="image/jpeg", size=1)]
    db.session.add_all(extra)
    db.session.commit()
    tokens = [csrf_exempt.make_token(csrf_exempt.PROOF_LINK.purpose, {"p": p.id}) for p in placements]
    tokens += [csrf_exempt.make_token(csrf_exempt.PROOF_LINK.purpose, {"p": 10**9}),
               csrf_exempt.make_token(csrf_exempt.PROOF_LINK.purpose, ["p", 1]),
               csrf_exempt.make_token(csrf_exempt.UNSUBSCRIBE.purpose, {"p": placements[0].id} if placements else {})]
    partner_ids = _ids(Partner)
    return {
        "partner_id": partner_ids, "contract_id": _ids(Contract), "placement_id": [str(p.id) for p in placements],
        "clipping_id": _ids(Clipping), "check_id": _ids(ProofCheck), "file_id": _ids(ProofFile),
        "subscription_id": _ids(Subscription), "token": tokens, "extension": ["xlsx", "docx"],
        "mitra": partner_ids, "partners": partner_ids, "unit": _ids(Unit), "units": _ids(Unit),
        "bulan": ["2026-12", "2026-13", "0000-01", "９９９９-01", "2026-1", "9999-12", "2026-00"],
        "verdict": ["verified", "rejected"], "kind": list(ACTIVITY_KINDS) + list(TAG_KINDS) + ["scan", "pdf", "recording", "screenshot"],
        "value": ["0", "1", "60.000.000", "Rp 1.000.000", "-5", HUGE], "rate": ["2.500.000", "-1", HUGE],
        "quota": ["24", "-1", HUGE], "due_on": ["2026-12-31", "0001-01-01", "9999-12-31"],
        "published_on": ["2026-12-01", "0001-01-01", "9999-12-31"],
    }


# -- the property ---------------------------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
@settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
@given(data=st.data())
def test_no_route_answers_500_or_logs_an_error(instance, case, role, data):
    request = data.draw(requests(case, instance.values), label="request")
    response, body, errors = instance.session(role).send(request, case.id)
    assert response.status_code < 500, body[:2000]
    assert b"Traceback (most recent call last)" not in body
    assert not errors, "\n".join(f"{r.name}: {r.getMessage()}\n{r.exc_text or ''}" for r in errors)


# Hypothesis's pytest plugin wraps the test's settings in new ones for each parametrized
# case, each falling back on the last: over the module's cases every settings lookup walked
# a chain as long as the cases run so far (about 0.2 s a case on average over 1,200), and
# past about 950 cases in one process each case failed with a RecursionError.
_SETTINGS = test_no_route_answers_500_or_logs_an_error._hypothesis_internal_use_settings


@pytest.fixture(autouse=True)
def _one_settings_link():
    test_no_route_answers_500_or_logs_an_error._hypothesis_internal_use_settings = _SETTINGS
