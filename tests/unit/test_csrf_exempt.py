"""CSRF exemptions live in one list (``press.web.csrf_exempt.EXEMPT``) and each exempt
view carries its own signed token: the application exempts exactly what the list names,
and the token helper refuses missing, forged and expired signatures."""
from __future__ import annotations

import pytest
from flask import Flask
from flask_wtf.csrf import CSRFProtect

from press.extensions import csrf
from press.web import csrf_exempt
from press.web.csrf_exempt import EXEMPT, Exemption, LinkTokenError, make_token, read_token

KEY = "test-secret"
DAY = 86_400


def test_the_apps_csrf_exemptions_are_exactly_the_registry(app):
    expected = {f"{app.view_functions[item.endpoint].__module__}.{app.view_functions[item.endpoint].__name__}"
                for item in EXEMPT}
    assert csrf._exempt_views == expected
    assert csrf._exempt_blueprints == set()


def token_argument():
    from flask import request
    return request.args.get("t")


def test_a_listed_view_is_exempt_and_the_others_are_not():
    app = Flask(__name__)
    app.config.update(SECRET_KEY=KEY)
    protect = CSRFProtect(app)

    @app.post("/berhenti")
    def unsubscribe():
        return {"email": read_token("unsubscribe", token_argument(), max_age=DAY)}

    @app.post("/lain")
    def other():
        return "ok"

    csrf_exempt.init_app(app, protect, (Exemption("unsubscribe", "unsubscribe", DAY),))
    client = app.test_client()
    with app.app_context():
        token = make_token("unsubscribe", "wartawan@contoh.id")
    assert client.post(f"/berhenti?t={token}").get_json() == {"email": "wartawan@contoh.id"}
    assert client.post("/lain").status_code == 400
    with pytest.raises(RuntimeError):
        csrf_exempt.init_app(app, protect, (Exemption("tidak.ada", "x", DAY),))


def test_a_token_made_for_a_purpose_reads_back_within_its_age():
    token = make_token("unsubscribe", {"subscriber": 12}, secret_key=KEY, now=1_000_000)
    assert read_token("unsubscribe", token, max_age=DAY, secret_key=KEY, now=1_000_000 + DAY - 1) == {"subscriber": 12}


@pytest.mark.parametrize("token", [None, ""], ids=["none", "empty"])
def test_a_missing_token_is_refused(token):
    with pytest.raises(LinkTokenError) as refused:
        read_token("unsubscribe", token, max_age=DAY, secret_key=KEY)
    assert refused.value.reason == "missing" and "tidak lengkap" in refused.value.message


def forged_tokens() -> dict[str, str]:
    good = make_token("unsubscribe", {"subscriber": 12}, secret_key=KEY)
    payload, stamp, signature = good.split(".")
    return {
        "tampered_signature": f"{payload}.{stamp}.{signature[:-2]}{'AA' if signature[-2:] != 'AA' else 'BB'}",
        "tampered_payload": f"{make_token('unsubscribe', {'subscriber': 13}, secret_key=KEY).split('.')[0]}.{stamp}.{signature}",
        "other_purpose": make_token("confirm", {"subscriber": 12}, secret_key=KEY),
        "other_key": make_token("unsubscribe", {"subscriber": 12}, secret_key="someone-else"),
        "garbage": "bukan-token",
    }


@pytest.mark.parametrize("case", list(forged_tokens()))
def test_a_forged_token_is_refused(case):
    with pytest.raises(LinkTokenError) as refused:
        read_token("unsubscribe", forged_tokens()[case], max_age=DAY, secret_key=KEY)
    assert refused.value.reason == "forged" and "tidak sah" in refused.value.message


def test_an_expired_token_is_refused():
    token = make_token("unsubscribe", {"subscriber": 12}, secret_key=KEY, now=1_000_000)
    with pytest.raises(LinkTokenError) as refused:
        read_token("unsubscribe", token, max_age=DAY, secret_key=KEY, now=1_000_000 + DAY + 1)
    assert refused.value.reason == "expired" and "kedaluwarsa" in refused.value.message
