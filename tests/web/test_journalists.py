"""Journalists' accounts: registration, the confirmation link, an editor's decision told by
e-mail, the journalist's own sign-in (never a staff session), the account page, and the
outlets register whose verification only editors set."""
from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from press.codes import JournalistState, OutboxPurpose
from press.demo.journalists import DEMO_JOURNALISTS
from press.extensions import db
from press.models import Journalist, OutboxMessage, Outlet, User
from press.services import journalists

from tests.conftest import csrf_token
from tests.web.test_access_matrix import build, objects

APPROVED_EMAIL, APPROVED_PASSWORD = DEMO_JOURNALISTS[0][0], DEMO_JOURNALISTS[0][1]
PENDING_EMAIL, PENDING_PASSWORD = DEMO_JOURNALISTS[1][0], DEMO_JOURNALISTS[1][1]
LINK = re.compile(r"https?://\S+")


def register_form(client, **changes) -> dict:
    data = {"email": "rani@koranpatriot.example.id", "password": "kata-sandi-rani-2021", "name": "Rani Wartawati",
            "outlet": "", "outlet_name": "Koran Patriot", "outlet_kind": "print",
            "outlet_site": "koranpatriot.example.id", "whatsapp": "0812 3456 7890",
            "credential": "KP-7788/KP/2021", "ukw_level": "muda",
            "csrf_token": csrf_token(client, "/wartawan/daftar")}
    data.update(changes)
    return data


def sign_in(client, email: str = APPROVED_EMAIL, password: str = APPROVED_PASSWORD):
    token = csrf_token(client, "/wartawan/masuk")
    return client.post("/wartawan/masuk", data={"email": email, "password": password, "csrf_token": token})


def mail(app, purpose: OutboxPurpose, address: str) -> list[OutboxMessage]:
    with app.app_context():
        return list(db.session.scalars(select(OutboxMessage).where(
            OutboxMessage.purpose == purpose, OutboxMessage.address == address).order_by(OutboxMessage.id)))


def journalist_id(app, email: str) -> int:
    with app.app_context():
        return db.session.scalar(select(Journalist.id).where(Journalist.email == email))


def test_register_confirm_approve_and_sign_in(app, client, auth):
    answer = client.post("/wartawan/daftar", data=register_form(client))
    assert answer.status_code == 200 and "rani@koranpatriot.example.id" in answer.get_data(as_text=True)
    with app.app_context():
        rani = db.session.scalar(select(Journalist).where(Journalist.email == "rani@koranpatriot.example.id"))
        assert (rani.whatsapp, rani.state, rani.outlet.name, rani.outlet.proposed, rani.outlet.verified) == (
            "+6281234567890", "pending", "Koran Patriot", True, False)
        assert rani.outlet.site_url == "https://koranpatriot.example.id"
    # Not before an editor decided: told only to someone who knows the password.
    refused = sign_in(client, "rani@koranpatriot.example.id", "kata-sandi-rani-2021")
    assert refused.status_code == 401 and "belum disetujui" in refused.get_data(as_text=True)
    [confirmation] = mail(app, OutboxPurpose.CONFIRMATION, "rani@koranpatriot.example.id")
    link = LINK.search(confirmation.text).group(0)
    auth.login("editor")
    early = client.post(f"/staf/wartawan/{rani.id}", data={"approve": "1", "csrf_token": auth.token(f"/staf/wartawan/{rani.id}")})
    assert early.status_code == 400 and "belum dikonfirmasi" in early.get_data(as_text=True)
    assert client.get(link.split("localhost", 1)[1]).status_code == 200
    assert client.get(link.split("localhost", 1)[1]).status_code == 200, "following the link twice is fine"
    desk = client.get("/staf/wartawan/?status=pending").get_data(as_text=True)
    assert "Rani Wartawati" in desk and "Koran Patriot" in desk
    decided = client.post(f"/staf/wartawan/{rani.id}", data={"approve": "1", "csrf_token": auth.token(f"/staf/wartawan/{rani.id}")})
    assert decided.status_code == 302
    [decision] = mail(app, OutboxPurpose.JOURNALIST_DECISION, "rani@koranpatriot.example.id")
    assert decision.subject == "Pendaftaran wartawan disetujui" and "/wartawan/masuk" in decision.text
    auth.logout()
    assert sign_in(client, "rani@koranpatriot.example.id", "kata-sandi-rani-2021").status_code == 302
    home = client.get("/wartawan/")
    assert home.status_code == 200 and home.headers["Cache-Control"] == "private, no-store"


def test_a_rejection_needs_a_reason_and_the_journalist_gets_it(app, client, auth):
    pending = journalist_id(app, PENDING_EMAIL)
    auth.login("editor")
    token = auth.token(f"/staf/wartawan/{pending}")
    bare = client.post(f"/staf/wartawan/{pending}", data={"reject": "1", "reason": "  ", "csrf_token": token})
    assert bare.status_code == 400 and "alasan penolakan" in bare.get_data(as_text=True).lower()
    assert mail(app, OutboxPurpose.JOURNALIST_DECISION, PENDING_EMAIL) == []
    reason = "Kartu pers tidak terdaftar di Dewan Pers."
    assert client.post(f"/staf/wartawan/{pending}", data={"reject": "1", "reason": reason, "csrf_token": token}
                       ).status_code == 302
    [decision] = mail(app, OutboxPurpose.JOURNALIST_DECISION, PENDING_EMAIL)
    assert decision.subject == "Pendaftaran wartawan ditolak" and reason in decision.text
    auth.logout()
    refused = sign_in(client, PENDING_EMAIL, PENDING_PASSWORD)
    assert refused.status_code == 401 and reason in refused.get_data(as_text=True)


def test_a_writer_may_not_decide_on_journalists(app, client, auth):
    pending = journalist_id(app, PENDING_EMAIL)
    auth.login("writer")
    assert client.get(f"/staf/wartawan/{pending}").status_code == 403
    with app.app_context():
        assert db.session.get(Journalist, pending).state == JournalistState.PENDING


def test_a_journalist_session_is_refused_on_every_staff_route(app, client):
    values = None
    with app.app_context():
        values = objects(app, "other")
    assert sign_in(client).status_code == 302
    assert client.get("/wartawan/").status_code == 200, "the journalist is signed in"
    token = csrf_token(client, "/wartawan/akun")
    checked = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/staf") or rule.endpoint.startswith("auth."):
            continue
        method = "GET" if "GET" in rule.methods else "POST"
        answer = client.open(build(rule, values), method=method, data={"csrf_token": token} if method == "POST" else None)
        if not (answer.status_code == 302 and "/staf/login" in answer.headers["Location"]):
            checked.append(f"{method} {rule.rule}: {answer.status_code}")
        assert client.get("/wartawan/").status_code == 200, f"{rule.rule} ended the journalist's session"
    assert checked == []


def test_a_staff_login_and_a_journalist_sign_in_never_share_a_session(app, client, auth):
    assert sign_in(client).status_code == 302
    auth.login("editor")
    assert client.get("/wartawan/").status_code == 302, "signing in as staff ends the journalist's session"
    assert client.get("/staf/kegiatan/").status_code == 200
    assert sign_in(client).status_code == 302
    assert client.get("/staf/kegiatan/").status_code == 302


def test_signing_out_ends_the_session_and_a_copied_cookie(app, client):
    sign_in(client)
    copied = app.test_client()
    copied.set_cookie("session", client.get_cookie("session").value)
    assert copied.get("/wartawan/").status_code == 200
    client.post("/wartawan/keluar", data={"csrf_token": csrf_token(client, "/wartawan/akun")})
    assert client.get("/wartawan/").status_code == 302
    assert copied.get("/wartawan/").status_code == 302


def test_the_account_page_changes_the_profile_but_never_the_verification(app, client):
    sign_in(client)
    with app.app_context():
        unverified = db.session.scalar(select(Outlet).where(Outlet.verified.is_(False)).order_by(Outlet.id))
        unverified_id = unverified.id
    token = csrf_token(client, "/wartawan/akun")
    answer = client.post("/wartawan/akun", data={
        "name": "Wahyu W.", "outlet": str(unverified_id), "whatsapp": "+62 813-9999-0000", "credential": "KP-1",
        "ukw_level": "", "verified": "y", "verified_on": "2020-01-01", "state": "approved", "csrf_token": token})
    assert answer.status_code == 302
    with app.app_context():
        wahyu = db.session.scalar(select(Journalist).where(Journalist.email == APPROVED_EMAIL))
        assert (wahyu.name, wahyu.whatsapp, wahyu.outlet_id, wahyu.ukw_level) == ("Wahyu W.", "+6281399990000",
                                                                                  unverified_id, None)
        assert db.session.get(Outlet, unverified_id).verified is False
    page = client.get("/wartawan/akun").get_data(as_text=True)
    assert 'id="langganan"' in page and "Langganan surel" in page


def test_registration_cannot_set_an_outlets_verification(app, client):
    client.post("/wartawan/daftar", data=register_form(client, verified="y", outlet_verified="y",
                                                       verified_on="2020-01-01", proposed=""))
    with app.app_context():
        outlet = db.session.scalar(select(Outlet).where(Outlet.name == "Koran Patriot"))
        assert (outlet.verified, outlet.verified_on, outlet.proposed) == (False, None, True)


@pytest.mark.parametrize("changes, message", [
    ({"whatsapp": "12345"}, "Nomor WhatsApp 12345 tidak terbaca"),
    ({"whatsapp": "021-8899-7766"}, "tidak terbaca"),
    ({"outlet_name": ""}, "Pilih media Anda"),
    ({"outlet": "999999"}, "Pilihan ini tidak tersedia"),
    ({"email": "rani@localhost"}, "bukan alamat surel"),
    ({"email": "redaktur@siaran.test"}, "sudah terdaftar"),
    ({"password": "pendek"}, "minimal 10"),
    ({"ukw_level": "senior"}, "Pilihan ini tidak tersedia"),
    ({"outlet_site": "javascript:alert(1)"}, "tidak terbaca"),
    ({"outlet_kind": "majalah"}, "Pilihan ini tidak tersedia"),
])
def test_bad_registrations_are_refused_with_the_reason(app, client, changes, message):
    answer = client.post("/wartawan/daftar", data=register_form(client, **changes))
    assert answer.status_code == 400
    text = answer.get_data(as_text=True)
    assert message.lower() in text.lower() or message in text
    with app.app_context():
        assert db.session.scalar(select(Journalist).where(Journalist.name == "Rani Wartawati")) is None


def test_a_forged_or_expired_confirmation_link_says_so(app, client):
    assert "tidak sah" in client.get("/wartawan/konfirmasi/bukan-token").get_data(as_text=True)
    from press.web.csrf_exempt import make_token
    from press.web.journalists import CONFIRM_MAX_AGE, CONFIRM_PURPOSE
    with app.test_request_context():
        old = make_token(CONFIRM_PURPOSE, {"id": 1, "email": PENDING_EMAIL}, now=0)
        other = make_token("another-purpose", {"id": 1, "email": PENDING_EMAIL})
    answer = client.get(f"/wartawan/konfirmasi/{old}")
    assert answer.status_code == 400 and "kedaluwarsa" in answer.get_data(as_text=True)
    assert client.get(f"/wartawan/konfirmasi/{other}").status_code == 400
    assert CONFIRM_MAX_AGE == 7 * 24 * 3600


def test_the_journalists_sign_in_counts_failures_with_the_staff_login(app, client):
    app.config["LOGIN_MAX_FAILURES"] = 100
    limit = int(app.config["LOGIN_RATE_LIMIT"].split()[0])
    for _ in range(limit):
        assert sign_in(client, APPROVED_EMAIL, "salah-sandi-123").status_code == 401
    blocked = sign_in(client)
    assert blocked.status_code == 429 and "Retry-After" in blocked.headers
    assert "Masuk wartawan" in blocked.get_data(as_text=True)


def test_the_messages_link_to_the_blueprints_sign_in_page(app):
    from press.services import journalist_mail
    with app.test_request_context():
        from flask import url_for
        assert url_for("journalists.sign_in_page") == journalist_mail.SIGN_IN_PATH


def test_whatsapp_numbers_are_normalised():
    for typed in ("0812-3456-7890", "62 812 3456 7890", "+62 (812) 3456.7890", "+6281234567890"):
        assert journalists.whatsapp_number(typed) == "+6281234567890"
    for bad in ("", "0812", "08123456789012345", "+1 812 3456 7890", "٠٨١٢٣٤٥٦٧٨٩٠"):
        with pytest.raises(journalists.JournalistError):
            journalists.whatsapp_number(bad)


def test_the_command_line_lists_approves_and_rejects(app, runner):
    listed = [json.loads(line) for line in runner.invoke(args=["journalists", "list", "--json"]).output.splitlines()]
    assert {row["email"]: row["state"] for row in listed} == {APPROVED_EMAIL: "approved", PENDING_EMAIL: "pending"}
    pending = journalist_id(app, PENDING_EMAIL)
    refused = runner.invoke(args=["journalists", "approve", str(pending), "--as", "penulis@siaran.test"])
    assert refused.exit_code != 0 and "tidak boleh" in refused.output
    assert runner.invoke(args=["journalists", "reject", str(pending), "--as", "redaktur@siaran.test"]).exit_code == 2
    done = runner.invoke(args=["journalists", "approve", str(pending), "--as", "redaktur@siaran.test"])
    assert done.exit_code == 0, done.output
    assert json.loads(runner.invoke(args=["journalists", "list", "--state", "approved", "--json"]).output
                      .splitlines()[-1])["state"] == "approved"
    [decision] = mail(app, OutboxPurpose.JOURNALIST_DECISION, PENDING_EMAIL)
    assert "http://localhost:5000/wartawan/masuk" in decision.text
    again = runner.invoke(args=["journalists", "reject", str(pending), "--as", "redaktur@siaran.test",
                                "--reason", "Salah pilih."])
    assert again.exit_code == 0 and len(mail(app, OutboxPurpose.JOURNALIST_DECISION, PENDING_EMAIL)) == 2
    assert runner.invoke(args=["journalists", "list", "--state", "lost"]).exit_code == 2
    assert runner.invoke(args=["journalists", "approve", "99999999999999999999", "--as", "x"]).exit_code == 2


def test_editors_keep_the_outlets_register_and_verify(app, client, auth):
    auth.login("editor")
    token = auth.token("/staf/media/")
    made = client.post("/staf/media/baru", data={"name": "Suara Bekasi", "kind": "online",
                                                 "site_url": "suarabekasi.example.id", "verified": "y",
                                                 "verified_on": "2021-05-01", "csrf_token": token})
    assert made.status_code == 302
    with app.app_context():
        outlet = db.session.scalar(select(Outlet).where(Outlet.name == "Suara Bekasi"))
        assert outlet.verified and outlet.verified_on.isoformat() == "2021-05-01"
    twice = client.post("/staf/media/baru", data={"name": "suara  bekasi", "kind": "online", "csrf_token": token})
    assert twice.status_code == 400 and "sudah ada" in twice.get_data(as_text=True)
    future = client.post(f"/staf/media/{outlet.id}", data={"name": "Suara Bekasi", "kind": "online", "verified": "y",
                                                          "verified_on": "2999-01-01", "csrf_token": token})
    assert future.status_code == 400 and "masa depan" in future.get_data(as_text=True)
    assert "Suara Bekasi" in client.get("/staf/media/").get_data(as_text=True)
    auth.logout()
    auth.login("writer")
    assert client.get("/staf/media/").status_code == 403
    with app.app_context():
        assert db.session.scalar(select(User).where(User.role == "journalist")) is None
