"""A journalist follows releases from the account page: a subscription of the account's own
(confirmed) address, active at once, listed by the unit's name, ended by its own button;
a bad choice or someone else's subscription is refused with the reason."""
from __future__ import annotations

from sqlalchemy import select

from press.codes import OutboxPurpose, SubscriptionState
from press.extensions import db
from press.models import OutboxMessage, Subscription, Unit
from press.services import subscriptions

from tests.conftest import csrf_token
from tests.web.test_journalists import APPROVED_EMAIL, sign_in


def _unit(app, name_part: str = "Kesehatan") -> tuple[int, str]:
    with app.app_context():
        unit = db.session.scalar(select(Unit).where(Unit.name.contains(name_part)).order_by(Unit.id))
        return unit.id, unit.name


def _own(app, unit_id: int) -> list[Subscription]:
    """The demo journalist's subscriptions to ``unit_id``."""
    with app.app_context():
        return list(db.session.scalars(select(Subscription).where(
            Subscription.address == APPROVED_EMAIL, Subscription.scope_value == str(unit_id))))


def test_a_journalist_subscribes_to_a_unit_on_the_account_page_and_stops(app, client):
    unit_id, unit_name = _unit(app)
    sign_in(client)
    page = client.get("/wartawan/akun").get_data(as_text=True)
    assert 'action="/wartawan/akun/langganan"' in page and f'<option value="{unit_id}"' in page
    line = f"Siaran satu unit · {unit_name} · Segera setelah terbit · Aktif"
    assert line not in page

    answer = client.post("/wartawan/akun/langganan", data={
        "scope": "unit", "unit": str(unit_id), "cadence": "immediate", "email": "orang.lain@example.id",
        "csrf_token": csrf_token(client, "/wartawan/akun")})
    assert answer.status_code == 302
    [row] = _own(app, unit_id)
    assert (row.scope, row.scope_value, row.state) == ("unit", str(unit_id), SubscriptionState.CONFIRMED)
    with app.app_context():  # the account's address was confirmed with the account: no opt-in message
        assert not db.session.scalars(select(OutboxMessage).where(
            OutboxMessage.purpose == OutboxPurpose.CONFIRMATION, OutboxMessage.address.in_(
                [APPROVED_EMAIL, "orang.lain@example.id"]))).all()
        assert not db.session.scalars(select(Subscription).where(Subscription.address == "orang.lain@example.id")).all()
    page = client.get("/wartawan/akun").get_data(as_text=True)
    assert line in page

    answer = client.post(f"/wartawan/akun/langganan/{row.id}/berhenti",
                         data={"csrf_token": csrf_token(client, "/wartawan/akun")})
    assert answer.status_code == 302
    assert [r.state for r in _own(app, unit_id)] == [SubscriptionState.UNSUBSCRIBED]
    assert line not in client.get("/wartawan/akun").get_data(as_text=True)


def test_a_bad_choice_or_another_addresss_subscription_is_refused_with_the_reason(app, client):
    with app.app_context():
        other = subscriptions.subscribe(db.session, address="redaksi@koran-lain.example.id", scope="all",
                                        confirmed=True)
        db.session.commit()
        other_id = other.id
    sign_in(client)
    answer = client.post("/wartawan/akun/langganan", data={
        "scope": "unit", "unit": "999999", "cadence": "immediate", "csrf_token": csrf_token(client, "/wartawan/akun")})
    assert answer.status_code == 400 and "Pilih unit yang ada." in answer.get_data(as_text=True)
    assert _own(app, 999999) == []

    answer = client.post(f"/wartawan/akun/langganan/{other_id}/berhenti",
                         data={"csrf_token": csrf_token(client, "/wartawan/akun")})
    assert answer.status_code == 400 and "Langganan ini sudah tidak ada" in answer.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Subscription, other_id).state == SubscriptionState.CONFIRMED


def test_only_a_signed_in_journalist_subscribes_from_the_account_page(app, client):
    unit_id, _name = _unit(app)
    token = csrf_token(client, "/staf/login")
    answer = client.post("/wartawan/akun/langganan", data={"scope": "unit", "unit": str(unit_id), "csrf_token": token})
    assert answer.status_code == 302 and "/wartawan/masuk" in answer.headers["Location"]
    assert _own(app, unit_id) == []
