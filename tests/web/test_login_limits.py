"""Failed logins slow an address down long before an account locks; every refused login
gets the same answer; ``X-Forwarded-For`` counts only behind trusted proxies."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from press import create_app
from press.extensions import db
from press.models import User, utcnow
from press.services import accounts

from tests import databases
from tests.conftest import EMAILS, PASSWORDS, Auth, make_config

ATTACKER, EDITOR_DESK = "198.51.100.9", "192.0.2.20"
TOO_MANY = "Terlalu banyak percobaan masuk yang gagal dari alamat ini"


@pytest.fixture
def make_app(tmp_path, migrated_db):
    """An application on a copy of the demo database, with extra configuration."""
    made = []

    def build(**extra):
        databases.copy_demo(migrated_db, tmp_path)
        made.append(create_app(make_config(tmp_path, **extra)))
        return made[-1]

    yield build
    for app in made:
        with app.app_context():
            db.engine.dispose()


def browser(app, address: str, forwarded_for: str | None = None) -> Auth:
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    if forwarded_for:
        client.environ_base["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return Auth(client)


def attempt(who: Auth, email: str, password: str = "tebakan-salah-1"):
    return who.client.post("/staf/login", data={"email": email, "password": password, "csrf_token": who.token()})


def test_an_attacker_at_one_address_cannot_lock_out_the_editor(app):
    attacker = browser(app, ATTACKER)
    answers = [attempt(attacker, EMAILS["editor"]).status_code for _ in range(15)]
    assert answers == [401] * 10 + [429] * 5
    editor = browser(app, EDITOR_DESK)
    assert editor.login("editor").status_code == 302
    assert "Rina Redaktur" in editor.client.get("/staf/kegiatan/").get_data(as_text=True)


def test_the_eleventh_failure_from_an_address_is_told_to_wait(app):
    attacker = browser(app, ATTACKER)
    for n in range(10):
        assert attempt(attacker, f"tebakan{n}@siaran.test").status_code == 401
    response = attempt(attacker, "lagi@siaran.test")
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 15 * 60
    page = response.get_data(as_text=True)
    assert TOO_MANY in page
    assert 'name="email"' in page  # the login form again, not an error page
    assert attempt(attacker, EMAILS["writer"], PASSWORDS["writer"]).status_code == 429


def test_successful_logins_do_not_count_against_an_office_address(app):
    office = browser(app, EDITOR_DESK)
    for _ in range(11):
        assert office.login("writer").status_code == 302
        office.logout()
    assert attempt(office, EMAILS["editor"]).status_code == 401


def _normalised(response, email: str) -> str:
    page = response.get_data(as_text=True).replace(email, "EMAIL")
    return re.sub(r'(csrf[-_]token"[^>]*(?:value|content)=")[^"]+', r"\1TOKEN", page)


def test_an_unknown_email_gets_the_same_answer_as_a_known_or_locked_one(make_app):
    app = make_app(LOGIN_MAX_FAILURES=3)
    known, unknown = browser(app, "192.0.2.1"), browser(app, "192.0.2.2")
    for _ in range(5):  # the third locks the editor's account
        known_answer = attempt(known, EMAILS["editor"])
        unknown_answer = attempt(unknown, "tidak-ada@siaran.test")
        assert known_answer.status_code == unknown_answer.status_code == 401
        assert _normalised(known_answer, EMAILS["editor"]) == _normalised(unknown_answer, "tidak-ada@siaran.test")
        assert "Email atau kata sandi salah." in known_answer.get_data(as_text=True)
    right_password = attempt(known, EMAILS["editor"], PASSWORDS["editor"])
    assert right_password.status_code == 401
    assert _normalised(right_password, EMAILS["editor"]) == _normalised(unknown_answer, "tidak-ada@siaran.test")



def test_an_unknown_email_is_checked_against_a_hash_made_as_a_known_accounts(app, monkeypatch):
    """The check is what the time of a login is spent on: an unknown e-mail's costs what a
    known one's does only if its hash has the same method and parameters."""
    checked = []
    check = accounts.check_password_hash
    monkeypatch.setattr(accounts, "check_password_hash",
                        lambda hashed, password: checked.append(hashed) or check(hashed, password))
    assert attempt(browser(app, "192.0.2.3"), "tidak-ada@siaran.test").status_code == 401
    assert attempt(browser(app, "192.0.2.4"), EMAILS["editor"]).status_code == 401
    unknown, known = (hashed.split("$")[0] for hashed in checked)
    assert unknown == known

def test_the_account_locks_only_after_fifty_failures(app):
    with app.app_context():
        editor = db.session.scalar(select(User).where(User.email == EMAILS["editor"]))
        editor.failed_logins = 48  # as if 48 guesses had come from five or more addresses
        db.session.commit()
    assert attempt(browser(app, "203.0.113.1"), EMAILS["editor"]).status_code == 401
    assert browser(app, EDITOR_DESK).login("editor").status_code == 302  # 49: not locked
    with app.app_context():
        editor = db.session.scalar(select(User).where(User.email == EMAILS["editor"]))
        editor.failed_logins = 49
        db.session.commit()
    attempt(browser(app, "203.0.113.2"), EMAILS["editor"])
    assert browser(app, EDITOR_DESK).login("editor").status_code == 401  # the 50th locked it


def test_the_configured_lock_still_applies_and_lifts_after_the_window(make_app):
    app = make_app(LOGIN_MAX_FAILURES=5, LOGIN_LOCK_MINUTES=20)
    for n in range(5):
        attempt(browser(app, f"203.0.113.{n}"), EMAILS["editor"])
    assert browser(app, EDITOR_DESK).login("editor").status_code == 401
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == EMAILS["editor"]))
        locked_until = user.locked_until
        assert timedelta(minutes=19) < locked_until - utcnow() <= timedelta(minutes=20)
        still = accounts.authenticate(db.session, EMAILS["editor"], PASSWORDS["editor"],
                                      now=locked_until - timedelta(seconds=1))
        assert still.outcome == "locked"
        after = accounts.authenticate(db.session, EMAILS["editor"], PASSWORDS["editor"],
                                      now=locked_until + timedelta(seconds=1))
        assert after.outcome == "ok"
        db.session.commit()
    assert browser(app, EDITOR_DESK).login("editor").status_code == 302


def test_the_lock_is_per_account(make_app):
    app = make_app(LOGIN_MAX_FAILURES=5)
    desk = browser(app, EDITOR_DESK)
    for _ in range(5):
        attempt(desk, EMAILS["editor"])
    assert desk.login("editor").status_code == 401
    assert desk.login("writer").status_code == 302


SLOW = "3 per 15 minutes"


def test_a_spoofed_forwarded_for_is_ignored_without_trusted_proxies(make_app):
    app = make_app(LOGIN_RATE_LIMIT=SLOW)
    for n in range(3):
        assert attempt(browser(app, ATTACKER, forwarded_for=f"10.9.9.{n}"), EMAILS["editor"]).status_code == 401
    assert attempt(browser(app, ATTACKER, forwarded_for="10.9.9.200"), EMAILS["editor"]).status_code == 429


@pytest.mark.parametrize("trusted", ["1", "10.0.0.0/24, 2001:db8::1"])
def test_forwarded_for_is_honoured_behind_a_trusted_proxy(make_app, trusted):
    app = make_app(TRUSTED_PROXIES=trusted, LOGIN_RATE_LIMIT=SLOW)
    attacker = browser(app, "10.0.0.5", forwarded_for=ATTACKER)
    for _ in range(3):
        assert attempt(attacker, EMAILS["editor"]).status_code == 401
    assert attempt(attacker, EMAILS["editor"]).status_code == 429
    editor = browser(app, "10.0.0.5", forwarded_for=EDITOR_DESK)  # the same proxy, another client
    assert editor.login("editor").status_code == 302


def test_a_client_cannot_pose_as_a_trusted_proxy(make_app):
    app = make_app(TRUSTED_PROXIES="10.0.0.5", LOGIN_RATE_LIMIT=SLOW)
    for n in range(3):
        assert attempt(browser(app, ATTACKER, forwarded_for=f"10.9.9.{n}"), EMAILS["editor"]).status_code == 401
    assert attempt(browser(app, ATTACKER, forwarded_for="10.9.9.99"), EMAILS["editor"]).status_code == 429


def test_a_spoofed_entry_before_the_proxy_chain_is_not_the_client(make_app):
    app = make_app(TRUSTED_PROXIES="10.0.0.0/24", LOGIN_RATE_LIMIT=SLOW)
    for n in range(3):
        spoofed = f"10.9.9.{n}, {ATTACKER}, 10.0.0.7"
        assert attempt(browser(app, "10.0.0.5", forwarded_for=spoofed), EMAILS["editor"]).status_code == 401
    assert attempt(browser(app, "10.0.0.5", forwarded_for=f"1.2.3.4, {ATTACKER}"), EMAILS["editor"]).status_code == 429
