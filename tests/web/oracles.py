"""What the independent oracles share (``test_access_oracle.py``, ``test_csrf_every_post.py``):
one application per module on its own copy of the demo database, the real objects the URL
map's parameters name, signed-in clients, and a snapshot of everything a request could
change (every row of every table, the files of the media store and the outbox), so a
refused request is seen to have changed nothing.

The tests of these modules only read, or are refused: sharing one application across a
module keeps them fast (the demo copy and the photo ingest happen once).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy import select

from press import create_app
from press.demo.journalists import DEMO_JOURNALISTS
from press.extensions import db
from press.models import Placement, Subscription
from press.web import csrf_exempt

from tests import databases
from tests.conftest import PASSWORDS_BY_EMAIL, csrf_token, make_config
from tests.web.test_access_matrix import objects

JOURNALIST_EMAIL, JOURNALIST_PASSWORD = DEMO_JOURNALISTS[0][:2]
CSRF_REFUSAL = "Formulir kedaluwarsa atau tidak sah"
"""The title of the page the application answers a POST without a valid CSRF token with."""


def module_app(root: Path, migrated_db: Path):
    databases.copy_demo(migrated_db, root)
    return create_app(make_config(root))


def url_values(app) -> dict:
    """A real object for every parameter of the URL map: another unit's (not Dinkes')
    activity, draft, note and photo, with every other object the staff routes name; a
    subscription and signed links that would work."""
    with app.app_context():
        values = objects(app, "other")
        values["subscription_id"] = db.session.scalar(select(Subscription.id).order_by(Subscription.id))
        values["late_placement"] = db.session.scalar(select(Placement.id).where(Placement.state == "late"))
        values["token"] = csrf_exempt.make_token("subscription-confirm", {"s": values["subscription_id"]})
        values["ref"] = "1"
        values["slug"] = "x"
        values["sha256"] = "0" * 64
        values["locale"] = "en"
        values["year"], values["month"] = 2021, 9
        values["filename"] = "x.css"
    return values


def build(rule, values: dict) -> str:
    return rule.build({name: values[name] for name in rule.arguments})[1]


def snapshot(app) -> dict:
    """Every row of every table, and each file (size, modification time) of the media store
    and the outbox folder."""
    state: dict = {}
    with app.app_context():
        for table in db.metadata.sorted_tables:
            state[table.name] = sorted((tuple(row) for row in db.session.execute(select(table))), key=repr)
        db.session.remove()
    for folder in (app.config["MEDIA_ROOT"], app.config["OUTBOX_DIR"]):
        for base, _dirs, files in os.walk(folder):
            for name in files:
                stat = os.stat(os.path.join(base, name))
                state[os.path.join(base, name)] = (stat.st_size, stat.st_mtime_ns)
    return state


def changed(before: dict, after: dict) -> list[str]:
    """The tables and files that differ between two snapshots."""
    return sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))


def staff_client(app, email: str):
    client = app.test_client()
    answer = client.post("/staf/login", data={"email": email, "password": PASSWORDS_BY_EMAIL[email],
                                              "csrf_token": csrf_token(client)})
    assert answer.status_code == 302 and "/staf/login" not in answer.headers["Location"], email
    return client


def journalist_client(app):
    client = app.test_client()
    answer = client.post("/wartawan/masuk", data={"email": JOURNALIST_EMAIL, "password": JOURNALIST_PASSWORD,
                                                  "csrf_token": csrf_token(client, "/wartawan/masuk")})
    assert answer.status_code == 302 and "/wartawan/masuk" not in answer.headers["Location"]
    return client


def session_token(client) -> str:
    """The CSRF form token of ``client``'s session (a staff page or the journalists' sign-in
    page carries it in its meta tag)."""
    for path in ("/staf/", "/wartawan/masuk", "/staf/login"):
        page = client.get(path).get_data(as_text=True)
        match = re.search(r'name="csrf-token" content="([^"]+)"', page)
        if match:
            return match.group(1)
    raise AssertionError("no page carries the session's CSRF token")
