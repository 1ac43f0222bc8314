from __future__ import annotations

import json
import re

from sqlalchemy import select

from press.extensions import db
from press.models import Release, User


def test_users_create_and_list(app, runner):
    result = runner.invoke(args=["users", "create", "--role", "editor", "Redaktur2@Siaran.test", "--password", "sandi-yang-panjang"])
    assert result.exit_code == 0, result.output
    assert "Created redaktur2@siaran.test (Redaktur)" in result.output
    listed = runner.invoke(args=["users", "list", "--json"])
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert {"email": "redaktur2@siaran.test", "role": "editor"}.items() <= next(r for r in rows if r["email"] == "redaktur2@siaran.test").items()
    with app.app_context():
        assert db.session.scalar(select(User).where(User.email == "redaktur2@siaran.test")).password_hash != "sandi-yang-panjang"


def test_users_create_generates_a_password_without_a_terminal(runner, client, auth):
    result = runner.invoke(args=["users", "create", "--role", "writer", "penulis2@siaran.test"])
    assert result.exit_code == 0, result.output
    [password] = re.findall(r"Password: (\S+)", result.output)
    assert len(password) >= 12
    refused = auth.login_email("penulis2@siaran.test", password[:-1] + ("x" if password[-1] != "x" else "y"))
    assert refused.status_code == 401, "a wrong password is refused"
    signed_in = auth.login_email("penulis2@siaran.test", password)
    assert signed_in.status_code == 302, "the printed password signs the new account in"
    home = client.get("/staf/", follow_redirects=True)
    assert home.status_code == 200 and home.request.path != "/staf/login"


def test_users_create_refuses_a_duplicate_and_a_bad_role(runner):
    duplicate = runner.invoke(args=["users", "create", "--role", "writer", "penulis@siaran.test", "--password", "x" * 12])
    assert duplicate.exit_code != 0 and "sudah punya akun" in duplicate.output
    bad_role = runner.invoke(args=["users", "create", "--role", "boss", "a@b.c", "--password", "x" * 12])
    assert bad_role.exit_code != 0 and "boss" in bad_role.output


def test_activities_list_json_has_the_documented_shape(runner):
    result = runner.invoke(args=["activities", "list", "--json"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 6
    example = next(r for r in rows if r["kind"] == "kunjungan_kerja")
    assert set(example) >= {"id", "title", "kind", "state", "date", "unit", "venue", "participants"}
    assert example["state"] == "selesai"
    assert example["date"] == "2021-09-30"
    assert example["unit"] == "Bagian Humas Sekretariat Daerah Kota Bekasi"
    assert {"name": "Lukita Harjana", "title": "Sekretaris Diskominfo", "organisation": "Kabupaten Subang", "role": "guest"} in example["participants"]


def test_activities_list_filters(runner):
    result = runner.invoke(args=["activities", "list", "--json", "--month", "2021-10"])
    assert [json.loads(line)["kind"] for line in result.output.splitlines()] == ["sosialisasi"]
    bad = runner.invoke(args=["activities", "list", "--month", "Oktober"])
    assert bad.exit_code != 0 and "TTTT-BB" in bad.output


def test_setup_on_an_existing_instance_loads_no_demo_twice(runner):
    result = runner.invoke(args=["setup"])
    assert result.exit_code == 0
    assert "demo data not loaded" in result.output


def test_the_commands_name_codes_by_their_indonesian_labels_and_json_keeps_the_codes(app, runner):
    with app.app_context():
        draft = db.session.scalar(select(Release).where(Release.state == "draft").limit(1))
        published = db.session.scalar(select(Release).where(Release.state == "published").limit(1))
        draft_id, published_id, published_title = draft.id, published.id, published.title
    refused = runner.invoke(args=["releases", "transition", str(draft_id), "publish", "--as", "redaktur@siaran.test"])
    assert refused.exit_code == 1
    assert "Siaran ini berstatus Draf; tindakan itu tidak berlaku sekarang." in refused.output

    listed = runner.invoke(args=["releases", "list"]).output.splitlines()
    line = next(line for line in listed if line.split()[0] == str(published_id))
    assert line.split(published_title)[0].split() == [str(published_id), "Terbit"]
    rows = [json.loads(line) for line in runner.invoke(args=["releases", "list", "--json"]).output.splitlines()]
    assert next(r for r in rows if r["id"] == published_id)["state"] == "published"

    users = runner.invoke(args=["users", "list"]).output
    assert "Redaktur" in users and " editor " not in users
    activities = runner.invoke(args=["activities", "list"]).output
    assert "Kunjungan kerja" in activities and "kunjungan_kerja" not in activities


def test_activities_assign_notifies_and_list_filters_by_state_and_assignee(app, runner):
    sosialisasi = json.loads(runner.invoke(args=["activities", "list", "--json", "--month", "2021-10"]).output)
    result = runner.invoke(args=["activities", "assign", str(sosialisasi["id"]), "--user", "Penulis@Siaran.test",
                                 "--as", "redaktur@siaran.test", "--note", "Liput sesi tanya jawab", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"activity_id": sosialisasi["id"], "user": "penulis@siaran.test",
                                         "role": "writer", "note": "Liput sesi tanya jawab"}
    assigned = runner.invoke(args=["activities", "list", "--json", "--assigned", "penulis@siaran.test"])
    titles = [json.loads(line)["title"] for line in assigned.output.splitlines()]
    assert titles == ["Audiensi Persatuan Wartawan Indonesia Kota Bekasi dengan Wali Kota", sosialisasi["title"]]
    planned = runner.invoke(args=["activities", "list", "--state", "direncanakan"])
    assert planned.exit_code == 0 and "Direncanakan" in planned.output and "Audiensi Persatuan" in planned.output
    assert "Sosialisasi" not in planned.output
    with app.app_context():
        from press.models import Notification
        writer = db.session.scalar(select(User).where(User.email == "penulis@siaran.test"))
        kinds = db.session.scalars(select(Notification.kind).where(Notification.user_id == writer.id,
                                                                   Notification.activity_id == sosialisasi["id"])).all()
        assert kinds == ["assigned"]
