"""Every route of the URL map that changes something (POST, PUT, PATCH, DELETE), called
without a CSRF token, with another session's token and with a tampered one: refused with
the application's CSRF page (400) and nothing changed (every row of every table, the media
store, the outbox), whatever blueprint the route lives in, so a new route is covered
without editing this test.

The exemptions are written here by hand, not read from ``press.web.csrf_exempt.EXEMPT``:
a view exempted by mistake (or a whole blueprint) fails the sweep. Each exemption is then
called with its link's signature missing, forged (another key, another purpose) and
expired: refused, nothing changed; with a good signature and no CSRF token: done.
"""
from __future__ import annotations

import time

import pytest

from press.web import csrf_exempt

from tests.web.oracles import (CSRF_REFUSAL, build, changed, journalist_client, module_app, session_token, snapshot,
                               staff_client, url_values)

# The one-click links signed for one purpose, which a mail client or a media partner posts
# with no session: (endpoint, token purpose, the form they post).
EXEMPT_BY_HAND = {
    "subscriptions.unsubscribe": ("unsubscribe", {"List-Unsubscribe": "One-Click"}),
    "proof_link.submit": ("proof-link", {"url": "https://kabarbekasi.example/2021/10/kunjungan"}),
}
CHANGING = ("POST", "PUT", "PATCH", "DELETE")
# What a form could carry for the view to act on, if the request ever reached it.
FORM = {
    "action": "publish", "title": "Judul dari penyerang", "body": "Isi dari penyerang.", "comment": "x",
    "notice": "Ditarik.", "note": "Dikoreksi.", "value": "1", "name": "Penyerang", "email": "penyerang@contoh.id",
    "password": "kata-sandi-penyerang-2026", "role": "admin", "url": "https://contoh.example.id/a", "caption": "x",
    "credit": "x", "text": "Catatan dari penyerang.", "scope": "all", "at": "2030-01-01T09:00", "locale": "en",
    "abbreviation": "PNY", "state": "batal", "ppid_class": "dikecualikan", "audience": "all", "decision": "verified",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory, migrated_db):
    app = module_app(tmp_path_factory.mktemp("csrf"), migrated_db)
    values = url_values(app)
    clients = {"staff": staff_client(app, "admin@siaran.test"), "journalist": journalist_client(app),
               "anonymous": app.test_client()}
    tokens = {who: session_token(client) for who, client in clients.items() if who != "anonymous"}
    return app, values, clients, tokens, session_token(app.test_client())


def _asker(path: str) -> str:
    """Who would be allowed to post there: the admin on the staff side (holds every
    permission), the signed-in journalist on the journalists' side, anyone elsewhere."""
    return "staff" if path.startswith("/staf/") else "journalist" if path.startswith("/wartawan/") else "anonymous"


def _tampered(token: str) -> str:
    return token[:-4] + ("AAAA" if token[-4:] != "AAAA" else "BBBB")


def _changing_rules(app):
    return [(rule, method) for rule in app.url_map.iter_rules() for method in CHANGING if method in rule.methods]


def test_every_changing_route_refuses_a_missing_or_forged_csrf_token_and_changes_nothing(site):
    app, values, clients, tokens, attackers_token = site
    rules = _changing_rules(app)
    assert len(rules) >= 80
    failures = []
    for rule, method in rules:
        if rule.endpoint in EXEMPT_BY_HAND:
            continue
        path = build(rule, values)
        asker = _asker(path)
        client, own_token = clients[asker], tokens.get(asker, attackers_token)
        before = snapshot(app)
        for case, token in (("missing", None), ("another session's", attackers_token),
                            ("tampered", _tampered(own_token))):
            headers = {"X-CSRFToken": token} if token else {}
            data = {**FORM, "csrf_token": token} if token else FORM
            answer = client.open(path, method=method, data=data, headers=headers)
            if answer.status_code != 400 or CSRF_REFUSAL not in answer.get_data(as_text=True):
                failures.append(f"{method} {path} ({rule.endpoint}) with a {case} token: {answer.status_code}")
        if changes := changed(before, snapshot(app)):
            failures.append(f"{method} {path} ({rule.endpoint}) changed {changes}")
    assert failures == []


def test_the_exemptions_are_exactly_the_signed_links(site):
    app, *_ = site
    endpoints = {rule.endpoint for rule, _method in _changing_rules(app)}
    assert set(EXEMPT_BY_HAND) <= endpoints
    assert {item.endpoint for item in csrf_exempt.EXEMPT} == set(EXEMPT_BY_HAND)


def _link(app, values: dict, endpoint: str, token: str) -> str:
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    return build(rule, {**values, "token": token})


def _signed(app, values: dict, endpoint: str, **signing) -> str:
    """A link token of ``endpoint``: for the demo's first subscriber, or the late placement."""
    payload = ({"a": "redaksi@kabarbekasi.example"} if endpoint == "subscriptions.unsubscribe"
               else {"p": values["late_placement"]})
    with app.app_context():
        return csrf_exempt.make_token(signing.pop("purpose", EXEMPT_BY_HAND[endpoint][0]), payload, **signing)


def _bad_links(app, values: dict, endpoint: str) -> dict[str, str]:
    max_age = next(item.max_age for item in csrf_exempt.EXEMPT if item.endpoint == endpoint)
    good = _link(app, values, endpoint, _signed(app, values, endpoint))
    return {
        "missing": good.rsplit("/", 1)[0] + "/",
        "forged with another key": _link(app, values, endpoint, _signed(app, values, endpoint, secret_key="bukan-kunci")),
        "forged for another purpose": _link(app, values, endpoint, _signed(app, values, endpoint, purpose="lain")),
        "tampered": _link(app, values, endpoint, _tampered(_signed(app, values, endpoint))),
        "expired": _link(app, values, endpoint, _signed(app, values, endpoint, now=time.time() - max_age - 3600)),
    }


@pytest.mark.parametrize("endpoint", list(EXEMPT_BY_HAND))
def test_a_signed_link_refuses_a_missing_forged_or_expired_signature_and_works_with_a_good_one(site, endpoint):
    app, values, clients, *_tokens = site
    client, form = clients["anonymous"], EXEMPT_BY_HAND[endpoint][1]
    for case, url in _bad_links(app, values, endpoint).items():
        before = snapshot(app)
        answer = client.post(url, data=form)
        assert answer.status_code in (400, 404), (case, answer.status_code)
        assert changed(before, snapshot(app)) == [], case
    before = snapshot(app)
    answer = client.post(_link(app, values, endpoint, _signed(app, values, endpoint)), data=form)
    assert answer.status_code == 200
    assert changed(before, snapshot(app)) != []
