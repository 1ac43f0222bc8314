"""Every staff route × who asks × whose object → redirect to login, 403 or success.

Generated from the URL map and ``press.permissions.TABLE``: each staff view declares its
permission (``permission_required``); the object a URL names (an activity, a release, a
note, a photo) belongs to a unit. The people asking are anonymous, a photographer, a writer
and the unit editor of Dinkes, Dinkes' writer and photographer assigned to the activity
the URLs name, the central editor and the admin; the objects are those of another unit
(Bagian Humas, Diskominfostandi) and of Dinkes itself. What each may do is read from the
table, for the permission each route must ask for written here by hand (never from the
decorator under test), with the reach written here by hand (Dinkes and the Puskesmas
below it; the central office every unit) and the assignment: a new permission is covered
without editing this test, a new staff route once its permission is listed. The public
pages of the agenda and the PPID list answer everyone. ``test_access_policy.py`` and
``test_access_oracle.py`` check the table itself against hand-written policies.
"""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from press import permissions
from press.extensions import db
from press.models import (Activity, Assignment, ConsentRecord, Journalist, Media, Note, NoteCorrection, Outlet, Release,
                          ReleasePhoto, Unit, User, Venue, WhatsAppGroup)

from tests.conftest import FIXTURES

PUBLIC_BLUEPRINTS = {"site", "agenda", "auth", "api", "site_search", "feeds", "api_releases", "api_docs", "ppid_site",
                     "journalists", "embargo_site", "toolkit", "subscriptions", "proof_link", None}

# The permission each staff view must ask for, written here (not read from the view's
# decorator, which is what this test checks): a new staff route fails
# ``test_every_staff_route_asks_for_the_permission_written_here`` until it is listed.
EXPECTED_PERMISSION = {endpoint: name for name, endpoints in {
    "staff.enter": ("planning.mark_read", "planning.my_assignments", "planning.notifications", "search.index", "staff.dashboard", "staff.profile",),
    "activity.read": ("activities.index", "activities.view", "bulk_edit.status", "photos.rendition", "photos.status", "photos.view",),
    "activity.edit": ("activities.create", "activities.edit",),
    "activity.plan": ("planning.assign", "planning.unassign",),
    "activity.report": ("planning.set_state",),
    "user.manage": ("admin.audit", "admin.user_create", "admin.user_edit", "admin.users",),
    "directory.manage": ("admin.unit_edit", "admin.units", "admin.venue_edit", "admin.venues", "distribution.contact",),
    "whatsapp.groups": ("distribution.add_group", "distribution.cut_length", "distribution.edit_group", "distribution.groups", "distribution.remove_group",),
    "whatsapp.record": ("distribution.record",),
    "release.write": ("releases.apply_check", "releases.apply_fix", "releases.attach", "releases.caption", "releases.create", "releases.detach", "releases.dismiss_finding", "releases.edit", "releases.move", "workflow.queue", "workflow.transition",),
    "release.read_published": ("releases.docx", "releases.index", "releases.kit", "releases.preview", "releases.revisions", "releases.view", "workflow.history",),
    "note.write": ("notes.add", "notes.extract_again", "notes.forget_correction", "notes.review",),
    "note.read": ("notes.view",),
    "glossary.edit": ("notes.accept_offer", "notes.glossary",),
    "photo.edit": ("bulk_edit.apply", "bulk_edit.undo", "photos.edit_people", "photos.edit_text", "photos.record_consent", "photos.request_crops", "photos.set_focal", "photos.set_subject", "photos.toggle_highlight",),
    "photo.publish": ("photos.toggle_public", "photos.withdraw", "photos.withdraw_consent",),
    "photo.original": ("photos.consent_form", "photos.original",),
    "photo.upload": ("photos.upload", "photos.upload_post",),
    "template.edit": ("releases.template", "releases.templates",),
    "photo.collect": ("collections.add", "collections.edit", "collections.index", "collections.order",),
    "licence.manage": ("licences.edit", "licences.index", "licences.unit_default",),
    "ppid.classify": ("ppid.classify_activity", "ppid.classify_release",),
    "release.open_to_journalists": ("embargo.open_to_journalists",),
    "journalist.approve": ("journalist_desk.index", "journalist_desk.view",),
    "outlet.edit": ("journalist_desk.outlet_edit", "journalist_desk.outlet_new", "journalist_desk.outlets_index",),
    "partner.edit": ("partners.contract", "partners.edit", "partners.import_csv", "partners.index", "partners.new", "partners.new_contract",),
    "placement.edit": ("placements.clipping", "placements.clipping_index", "placements.decide", "placements.due", "placements.index", "placements.new_clipping", "placements.proof_file", "placements.proof_url", "placements.recheck", "placements.release", "placements.snapshot", "placements.upload", "placements.view",),
    "report.read": ("reports.download", "reports.monthly",),
}.items() for endpoint in endpoints}


# Who asks: (email or None, role, reach: "dinkes" = Dinkes and the units below it, "all";
# assigned to the activity the URLs name).
ASKERS = {
    "anonymous": (None, None, None, False),
    "unit_photographer": ("fotografer.dinkes@siaran.test", "photographer", "dinkes", False),
    "unit_writer": ("penulis.dinkes@siaran.test", "writer", "dinkes", False),
    "assigned_photographer": ("fotografer.dinkes@siaran.test", "photographer", "dinkes", True),
    "assigned_writer": ("penulis.dinkes@siaran.test", "writer", "dinkes", True),
    "unit_editor": ("redaktur.dinkes@siaran.test", "unit_editor", "dinkes", False),
    "central_editor": ("redaktur@siaran.test", "editor", "all", False),
    "admin": ("admin@siaran.test", "admin", "all", False),
}

# The URL parameter naming the object a route acts on, and the permission reading it needs.
OBJECT_PARAMETERS = ("release_id", "note_id", "media_id", "activity_id")


def staff_rules(app):
    for rule in app.url_map.iter_rules():
        blueprint = rule.endpoint.rsplit(".", 1)[0] if "." in rule.endpoint else None
        if rule.endpoint == "static" or blueprint in PUBLIC_BLUEPRINTS:
            continue
        yield rule


def _unit(abbreviation: str) -> Unit:
    return db.session.scalar(select(Unit).where(Unit.abbreviation == abbreviation))


def objects(app, whose: str) -> dict:
    """A real object for every URL parameter the staff routes use: another unit's activity,
    draft, note and photo, or those of Dinkes (its activity, the release in review there)."""
    if whose == "other":
        activity = db.session.scalar(select(Activity).where(Activity.unit_id == _unit("Bagian Humas Setda").id))
        release = db.session.scalar(select(Release).where(Release.state == "draft"))
        photographer = "fotografer@siaran.test"
    else:
        activity = db.session.scalar(select(Activity).where(Activity.unit_id == _unit("Dinkes").id))
        release = db.session.scalar(select(Release).where(Release.activity_id == activity.id))
        photographer = "fotografer.dinkes@siaran.test"
    note = _a_note(activity)
    media_id = _a_media_id(app, activity, photographer)
    return {
        "activity_id": activity.id,
        "user_id": db.session.scalar(select(User.id).where(User.email == "penulis@siaran.test")),
        "unit_id": activity.unit_id,
        "venue_id": db.session.scalar(select(Venue.id).limit(1)),
        "release_id": release.id,
        "note_id": note.id,
        "media_id": media_id,
        "variant": "thumb",
        "extension": "xlsx",
        "kind": "kunjungan_kerja",
        "photo_id": db.session.scalar(select(ReleasePhoto.id).where(ReleasePhoto.release_id == release.id).limit(1)) or 1,
        "correction_id": _a_correction(note).id,
        "journalist_id": db.session.scalar(select(Journalist.id).order_by(Journalist.id)),
        "outlet_id": db.session.scalar(select(Outlet.id).order_by(Outlet.id)),
        "group_id": db.session.scalar(select(WhatsAppGroup.id).limit(1)),
        **_photo_desk_objects(activity, media_id),
        "consent_id": _a_consent(media_id).id,
        **_partner_objects(media_id),
    }


def _partner_objects(media_id: int) -> dict:
    """The demo's partner, contract, verified placement and clipping; a check and a proof file
    whose blobs are the photo's original (in the store)."""
    from press.models import Clipping, Contract, Placement, ProofCheck, ProofFile, utcnow

    placement = db.session.scalar(select(Placement).order_by(Placement.id))
    sha256 = db.session.get(Media, media_id).sha256
    check = ProofCheck(placement=placement, url="https://contoh.example.id/a", snapshot_key=sha256,
                       checked_at=utcnow(), verdict="verified")
    proof = ProofFile(placement=placement, kind="scan", sha256=sha256, mime="image/jpeg", size=1)
    db.session.add_all([check, proof])
    db.session.commit()
    return {"partner_id": placement.partner_id, "contract_id": db.session.scalar(select(Contract.id).limit(1)),
            "placement_id": placement.id, "check_id": check.id, "file_id": proof.id,
            "clipping_id": db.session.scalar(select(Clipping.id).limit(1))}


def _photo_desk_objects(activity: Activity, media_id: int) -> dict:
    """A bulk edit of the activity's photo, a collection holding it, a licence."""
    from press.services import bulk_edit, collections, licences

    edit = bulk_edit.apply(db.session, None, [media_id], bulk_edit.Changes(credit="Humas"), activity_id=activity.id)
    collection = collections.save(db.session, None, name=f"Koleksi {activity.id}")
    db.session.commit()
    return {"bulk_id": edit.id, "collection_id": collection.id, "licence_id": licences.all_licences(db.session)[0].id}


def url_values(app) -> dict:
    """Another unit's objects, for tests that open every staff page as the central office."""
    return objects(app, "other")


def _a_consent(media_id: int) -> ConsentRecord:
    """A consent record whose signed form is the photo's own original (a blob in the store)."""
    media = db.session.get(Media, media_id)
    consent = ConsentRecord(media_id=media_id, given_by="Orang tua", purpose="Publikasi kegiatan",
                            valid_until=date(2099, 1, 1), form_sha256=media.sha256, form_mime=media.mime,
                            form_bytes=media.bytes)
    db.session.add(consent)
    db.session.commit()
    return consent


def _a_correction(note: Note) -> NoteCorrection:
    correction = NoteCorrection(activity_id=note.activity_id, note_id=note.id, kind="title",
                                source_name="Ahmad Suryana", wrong="Walikota", right="Kabag Tapem")
    db.session.add(correction)
    db.session.commit()
    return correction


def _a_note(activity: Activity) -> Note:
    note = Note(activity_id=activity.id, source="typed", text="Wali Kota Bekasi membuka acara.",
                cleaning={}, extraction={}, accepted={})
    db.session.add(note)
    db.session.commit()
    return note


def _a_media_id(app, activity: Activity, email: str) -> int:
    from press.services import media as media_service
    from press.services import media_ingest
    from press.storage import FileStorage

    photographer = db.session.scalar(select(User).where(User.email == email))
    outcome = media_ingest.ingest(
        db.session, FileStorage(app.config["MEDIA_ROOT"]), FIXTURES / "images" / "r_canon.jpg", "r_canon.jpg",
        activity=activity, uploader=photographer, config=media_service.IngestConfig.from_mapping(app.config))
    db.session.commit()
    return outcome.media.id


def build(rule, values) -> str:
    missing = set(rule.arguments) - set(values)
    assert not missing, f"{rule.endpoint}: add a value for {sorted(missing)} to objects()"
    return rule.build({name: values[name] for name in rule.arguments})[1]


def reading(parameter: str, release_state: str) -> str:
    """The permission reading the object ``parameter`` names."""
    if parameter == "release_id":
        return "release.read_published" if release_state in ("published", "retracted") else "release.read"
    return {"note_id": "note.read", "media_id": "activity.read", "activity_id": "activity.read"}[parameter]


def expected_allowed(rule, view, role: str, reach, values: dict, release_state: str) -> bool:
    """From the table: the view's permission, on the unit of the object the URL names (and
    that object readable), with the asker assigned to its activity or not."""
    name = EXPECTED_PERMISSION[rule.endpoint]
    parameter = next((p for p in OBJECT_PARAMETERS if p in rule.arguments), None)
    if parameter is None:
        return permissions.can(role, reach, name)
    unit, assigned = values["_units"][parameter], values["_assigned"][parameter]
    return (permissions.can(role, reach, name, unit, assigned=assigned)
            and permissions.can(role, reach, reading(parameter, release_state), unit, assigned=assigned))


def test_every_staff_route_declares_a_permission_of_the_table(app):
    undeclared = [r.endpoint for r in staff_rules(app)
                  if getattr(app.view_functions[r.endpoint], "permission", None) not in permissions.TABLE]
    assert undeclared == []


def test_every_staff_route_asks_for_the_permission_written_here(app):
    declared = {r.endpoint: getattr(app.view_functions[r.endpoint], "permission", None) for r in staff_rules(app)}
    assert declared == {endpoint: EXPECTED_PERMISSION.get(endpoint) for endpoint in declared}


def test_staff_routes_exist(app):
    assert len(list(staff_rules(app))) >= 10


@pytest.mark.parametrize("whose", ["other", "own"])
@pytest.mark.parametrize("who", list(ASKERS))
def test_access_matrix(app, client, auth, who, whose):
    email, role, reach_name, assigned = ASKERS[who]
    with app.app_context():
        values = objects(app, whose)
        if assigned:
            user_id = db.session.scalar(select(User.id).where(User.email == email))
            db.session.add(Assignment(activity_id=values["activity_id"], user_id=user_id, role=role))
            db.session.commit()
        dinkes = _unit("Dinkes").id
        reach = (permissions.EVERY_UNIT if reach_name == "all"
                 else {u.id for u in db.session.scalars(select(Unit)) if dinkes in (u.id, u.parent_id)})
        release = db.session.get(Release, values["release_id"])
        release_state = release.state
        values["_units"] = {
            "release_id": release.unit_id, "activity_id": db.session.get(Activity, values["activity_id"]).unit_id,
            "note_id": db.session.get(Note, values["note_id"]).activity.unit_id,
            "media_id": db.session.get(Activity, values["activity_id"]).unit_id,
        }
        values["_assigned"] = {
            "release_id": assigned and release.activity_id == values["activity_id"], "activity_id": assigned,
            "note_id": assigned, "media_id": assigned,
        }
    if email:
        assert auth.login_email(email).status_code == 302
    token = auth.token()
    failures = []
    for rule in staff_rules(app):
        url = build(rule, values)
        view = app.view_functions[rule.endpoint]
        method = "GET" if "GET" in rule.methods else "POST"
        response = client.open(url, method=method, data={"csrf_token": token} if method == "POST" else None)
        if role is None:
            ok = response.status_code == 302 and "/staf/login" in response.headers["Location"]
            expected = "redirect to login"
        elif expected_allowed(rule, view, role, reach, values, release_state):
            ok = response.status_code in ((200, 302) if method == "GET" else (200, 302, 400, 409))
            ok = ok and "/staf/login" not in response.headers.get("Location", "")
            expected = "success"
        else:
            ok = response.status_code == 403
            expected = "403"
        if not ok:
            failures.append(f"{method} {url} as {who} on {whose} ({view.permission}): "
                            f"got {response.status_code}, expected {expected}")
    assert failures == []


NEW_PUBLIC_BLUEPRINTS = ("agenda", "ppid_site")


@pytest.mark.parametrize("who", list(ASKERS))
def test_the_agenda_and_the_public_information_list_answer_everyone(app, client, auth, who):
    email = ASKERS[who][0]
    with app.app_context():
        activity = db.session.scalar(select(Activity).where(Activity.on_agenda.is_(True)).order_by(Activity.id))
        values = {"activity_id": activity.id, "slug": activity.unit.slug}
    if email:
        assert auth.login_email(email).status_code == 302
    rules = [r for r in app.url_map.iter_rules() if r.endpoint.rsplit(".", 1)[0] in NEW_PUBLIC_BLUEPRINTS]
    assert len(rules) >= 7
    answers = {r.rule: client.get(build(r, values)).status_code for r in rules}
    assert answers == {r.rule: 200 for r in rules}
