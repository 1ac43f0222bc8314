"""The release workflow table: every transition allowed for the roles holding its permission
(``press.permissions``) on the release's unit, refused for the others, audited."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from press import permissions
from press.extensions import db
from press.models import (RELEASE_STATES, ROLES, Activity, AuditEvent, IndexQueueEntry, Media, Release, ReleasePhoto,
                          Rendition, Unit, User)
from press.services import workflow
from press.services.release_text import ReleaseError
from press.services.workflow import TRANSITIONS, WorkflowError

from tests.conftest import EMAILS

NOW = datetime(2026, 1, 5, 3, 0, tzinfo=timezone.utc)
ARGS = {
    "schedule": {"at": NOW + timedelta(days=1)},
    "send_back": {"comment": "Kutipan kedua belum dikonfirmasi."},
    "retract": {"notice": "Ditarik karena data keliru."},
    "correct": {"note": "Nama pejabat diperbaiki."},
}


def user(role: str) -> User:
    """The demo account of ``role``: the central office's, the unit editor of Dinkes."""
    return db.session.scalar(select(User).where(User.email == EMAILS[role]))


def release_in(state: str) -> Release:
    """A release of Dinkes, the unit editor's unit, which does not publish itself."""
    dinkes = db.session.scalar(select(Unit).where(Unit.abbreviation == "Dinkes"))
    release = Release(slug=f"uji-{state}-{datetime.now().timestamp()}", title=f"Siaran uji {state}",
                      body="Isi siaran uji.", state=state, version=1, unit_id=dinkes.id)
    if state == "scheduled":
        release.embargo_at = NOW + timedelta(hours=5)
    if state == "published":
        release.published_at = NOW - timedelta(days=1)
    db.session.add(release)
    db.session.flush()
    return release


def events_of(release: Release) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(
        AuditEvent.object_type == "release", AuditEvent.object_id == release.id)))


# Who may move a release of Dinkes (a unit that does not publish itself), and where to,
# written by hand from the design brief, not read from ``workflow.TRANSITIONS``: writers
# send for review; the unit editor (Dinkes') or the central editor approves or sends back;
# only the central editor publishes, schedules, corrects and retracts; the admin may do
# everything. Every other state and action is refused to everyone.
STATES = ("draft", "in_review", "approved", "scheduled", "published", "retracted")
HAND_ACTIONS = ("submit", "send_back", "approve", "publish", "schedule", "unschedule", "correct", "retract")
WRITERS = {"writer", "unit_editor", "editor", "admin"}
APPROVERS = {"unit_editor", "editor", "admin"}
PUBLISHERS_BY_HAND = {"editor", "admin"}
MAY = {
    ("draft", "submit"): ("in_review", WRITERS),
    ("in_review", "send_back"): ("draft", APPROVERS),
    ("in_review", "approve"): ("approved", APPROVERS),
    ("in_review", "publish"): ("published", PUBLISHERS_BY_HAND),  # approve and publish in one
    ("approved", "send_back"): ("draft", APPROVERS),
    ("approved", "publish"): ("published", PUBLISHERS_BY_HAND),
    ("approved", "schedule"): ("scheduled", PUBLISHERS_BY_HAND),
    ("scheduled", "schedule"): ("scheduled", PUBLISHERS_BY_HAND),  # a new embargo time
    ("scheduled", "unschedule"): ("approved", PUBLISHERS_BY_HAND),
    ("scheduled", "publish"): ("published", PUBLISHERS_BY_HAND),  # before the embargo ends
    ("published", "correct"): ("published", PUBLISHERS_BY_HAND),
    ("published", "retract"): ("retracted", PUBLISHERS_BY_HAND),
}


def test_the_hand_written_workflow_names_every_state_and_action(ctx):
    assert set(STATES) == set(RELEASE_STATES) and set(HAND_ACTIONS) == set(workflow.ACTIONS)


def _applied_as_written(state: str, action: str, role: str) -> str | None:
    """Apply ``action`` to a fresh release in ``state`` as the demo account of ``role``;
    what went wrong against ``MAY``, or ``None``."""
    release = release_in(state)
    actor = user(role)
    to, who = MAY.get((state, action), (None, set()))
    if role not in who:
        try:
            workflow.apply(db.session, release, action, actor, now=NOW, **ARGS.get(action, {}))
        except WorkflowError:
            return None if release.state == state and events_of(release) == [] else "refused but changed"
        return f"allowed (now {release.state})"
    workflow.apply(db.session, release, action, actor, now=NOW, **ARGS.get(action, {}))
    [event] = events_of(release)
    queued = db.session.scalars(select(IndexQueueEntry).where(IndexQueueEntry.doc_id == release.id)).all()
    audited = (event.actor_id, event.action, event.created_at, event.data["from"], event.data["to"])
    if release.state != to or audited != (actor.id, f"release.{action}", NOW, state, to):
        return f"moved to {release.state}, audited {audited}"
    # the editor told when a photo's consent lapses: whoever last acted as one, never the writer submitting
    editor = None if action in ("submit", "unschedule") else actor.id
    if (release.editor_id, release.updated_at) != (editor, NOW):
        return f"editor {release.editor_id}, changed at {release.updated_at}"
    return None if any(q.doc_kind == "release" for q in queued) else "not queued for the index"


@pytest.mark.parametrize("role", ROLES)
def test_every_state_action_role_is_allowed_exactly_as_the_office_decided(ctx, role):
    wrong = {(state, action): outcome for state in STATES for action in HAND_ACTIONS
             if (outcome := _applied_as_written(state, action, role))}
    assert wrong == {}


def test_a_unit_editor_publishes_only_where_the_unit_publishes_itself(ctx):
    dinkes = db.session.scalar(select(Unit).where(Unit.abbreviation == "Dinkes"))
    dinkes.publishes_itself = True
    for action, to in (("publish", "published"), ("schedule", "scheduled")):
        release = release_in("approved")
        workflow.apply(db.session, release, action, user("unit_editor"), now=NOW, **ARGS.get(action, {}))
        assert release.state == to
    elsewhere = release_in("in_review")
    elsewhere.unit_id = db.session.scalar(select(Unit.id).where(Unit.abbreviation == "Diskominfostandi"))
    db.session.flush()
    for action in ("approve", "send_back", "publish"):
        with pytest.raises(WorkflowError):
            workflow.apply(db.session, elsewhere, action, user("unit_editor"), now=NOW, **ARGS.get(action, {}))
    assert elsewhere.state == "in_review"


def held(role: str, needed: tuple[str, ...]) -> bool:
    return any(permissions.scope(role, name) for name in needed)


def test_photographers_and_writers_cannot_publish_and_only_writers_submit(ctx):
    assert not any(held("photographer", needed) for _to, needed in TRANSITIONS.values())
    assert {action for (_s, action), (_to, needed) in TRANSITIONS.items() if held("writer", needed)} == {"submit"}


def test_send_back_keeps_the_editors_comment_in_the_audit(ctx):
    release = release_in("in_review")
    with pytest.raises(WorkflowError, match="catatan"):
        workflow.apply(db.session, release, "send_back", user("editor"), now=NOW, comment="  ")
    workflow.apply(db.session, release, "send_back", user("editor"), now=NOW, comment="Perbaiki judul.")
    assert release.state == "draft"
    assert events_of(release)[0].data["comment"] == "Perbaiki judul."


def test_an_untitled_release_is_never_submitted_scheduled_or_published(ctx):
    for state, action in (("draft", "submit"), ("approved", "schedule"), ("approved", "publish")):
        release = release_in(state)
        release.title = "  "
        with pytest.raises(WorkflowError, match=r"^Siaran tanpa judul tidak bisa diajukan atau diterbitkan\.$"):
            workflow.apply(db.session, release, action, user("editor"), now=NOW, **ARGS.get(action, {}))
        assert (release.state, events_of(release)) == (state, [])


def test_only_an_active_user_acts_and_only_by_a_known_action(ctx):
    release = release_in("in_review")
    editor = user("editor")
    refusals = []
    for action, actor in (("approve", None), ("approve", editor), ("approve_all", user("admin"))):
        editor.active = actor is not editor
        with pytest.raises(WorkflowError) as refused:
            workflow.apply(db.session, release, action, actor, now=NOW)
        refusals.append(str(refused.value))
    assert refusals == ["Tindakan ini perlu pengguna aktif."] * 2 + ["Tindakan approve_all tidak dikenal."]
    assert (release.state, events_of(release)) == ("in_review", [])


@pytest.mark.parametrize("state, action, field, limit", [
    ("in_review", "send_back", "comment", 500), ("published", "retract", "notice", 2000),
    ("published", "correct", "note", 500)])
def test_a_note_over_its_limit_is_refused_with_the_limit(ctx, state, action, field, limit):
    release = release_in(state)
    with pytest.raises(ReleaseError, match=f"paling banyak {limit} huruf"):
        workflow.apply(db.session, release, action, user("editor"), now=NOW, **{field: "x" * (limit + 1)})
    workflow.apply(db.session, release, action, user("editor"), now=NOW, **{field: "x" * limit})
    assert events_of(release)[-1].data[{"send_back": "comment"}.get(action, field)] == "x" * limit


def test_retract_needs_a_notice_and_keeps_it(ctx):
    release = release_in("published")
    with pytest.raises(WorkflowError, match="pemberitahuan"):
        workflow.apply(db.session, release, "retract", user("editor"), now=NOW)
    workflow.apply(db.session, release, "retract", user("editor"), notice="Data keliru.", now=NOW)
    assert (release.state, release.retraction_notice, release.retracted_at) == ("retracted", "Data keliru.", NOW)


def test_a_correction_is_a_new_revision_with_its_public_note(ctx):
    release = release_in("published")
    version = release.version
    with pytest.raises(WorkflowError, match="Diperbarui"):
        workflow.apply(db.session, release, "correct", user("editor"), now=NOW)
    workflow.apply(db.session, release, "correct", user("editor"), note="Nama Kasubag diperbaiki.",
                   text={"body": "Isi yang sudah dikoreksi."}, now=NOW)
    assert release.state == "published"
    assert release.body == "Isi yang sudah dikoreksi."
    assert (release.corrected_at, release.correction_note) == (NOW, "Nama Kasubag diperbaiki.")
    assert release.version == version + 1
    assert release.revisions[-1].body == "Isi yang sudah dikoreksi."
    assert release.revisions[-1].comment == "Nama Kasubag diperbaiki."


def test_a_correction_keeps_the_parts_not_sent_and_numbers_its_revisions(ctx):
    release = release_in("published")
    release.dateline, release.signature = "Bekasi, 4 Januari 2026", "Humas Pemkot Bekasi"
    for number, body in enumerate(("Isi  koreksi\r\n\r\n\r\npertama.  ", "Isi koreksi kedua."), start=1):
        workflow.apply(db.session, release, "correct", user("editor"), note=f"Koreksi {number}.",
                       text={"body": body}, now=NOW + timedelta(hours=number))
        assert release.revisions[-1].number == number
        assert events_of(release)[-1].data["revision"] == number
        assert release.version == 1 + number
    kept = (release.title, release.dateline, release.signature)
    assert kept == ("Siaran uji published", "Bekasi, 4 Januari 2026", "Humas Pemkot Bekasi")
    assert [(r.title, r.dateline, r.signature, r.author_id) for r in release.revisions] == [(*kept, user("editor").id)] * 2
    assert release.revisions[0].body == "Isi  koreksi\n\npertama."  # paragraphs cleaned as the editor cleans them
    assert [r.created_at for r in release.revisions] == [NOW + timedelta(hours=1), NOW + timedelta(hours=2)]


def test_a_correction_naming_an_unknown_part_changes_nothing(ctx):
    release = release_in("published")
    with pytest.raises(WorkflowError) as refused:
        workflow.apply(db.session, release, "correct", user("editor"), note="Koreksi.",
                       text={"judul": "Judul baru", "body": "Isi baru.", "foto": "x"}, now=NOW)
    assert str(refused.value) == "Bagian siaran foto, judul tidak dikenal."
    assert (release.body, release.version, release.revisions, events_of(release)) == ("Isi siaran uji.", 1, [], [])


def test_an_action_on_a_release_changed_since_it_was_opened_is_refused(ctx):
    release = release_in("in_review")
    with pytest.raises(WorkflowError, match="diubah orang lain"):
        workflow.apply(db.session, release, "approve", user("editor"), expected_version=release.version - 1 or 99, now=NOW)
    workflow.apply(db.session, release, "approve", user("editor"), expected_version=release.version, now=NOW)
    assert release.state == "approved"


def test_demo_releases_carry_their_audit_trail(ctx):
    states = {r.state: r for r in db.session.scalars(select(Release).where(Release.ppid_class != "dikecualikan"))}
    assert {"draft", "in_review", "approved", "scheduled", "published", "retracted"} <= set(states)
    assert [e.data["to"] for e in events_of(states["retracted"])] == ["in_review", "published", "retracted"]
    assert states["scheduled"].embargo_at > datetime.now(timezone.utc)


def test_a_releases_photos_follow_it_to_the_index_and_get_their_crops_once_published(ctx):
    """A photo's public visibility follows its release: every action queues the photos for the
    index; publishing asks for the channels' crops of the photos that have none yet."""
    cropped, bare = (Media(sha256=sha * 64, mime="image/jpeg", bytes=1000, width=4000, height=3000, is_public=True,
                           renditions=[Rendition(variant=variant, sha256=sha * 64, path=f"{sha}/{variant}.jpg",
                                                 width=1080, height=1080, bytes=100)])
                     for sha, variant in (("c", "crop-square"), ("d", "web")))
    release = release_in("approved")
    db.session.add_all([ReleasePhoto(release=release, media=cropped, position=0),
                        ReleasePhoto(release=release, media=bare, position=1)])
    db.session.flush()

    def queued_photos():
        return sorted(q.doc_id for q in db.session.scalars(select(IndexQueueEntry).where(
            IndexQueueEntry.doc_kind == "photo", IndexQueueEntry.doc_id.in_([cropped.id, bare.id]))))

    before = queued_photos()
    workflow.apply(db.session, release, "schedule", user("editor"), at=NOW + timedelta(hours=1), now=NOW)
    assert queued_photos() == sorted(before + [cropped.id, bare.id])
    assert (cropped.crops_pending, bare.crops_pending) == (False, False)  # not public yet
    workflow.apply(db.session, release, "publish", user("editor"), now=NOW)
    assert (cropped.crops_pending, bare.crops_pending) == (False, True)


def test_a_refusal_gives_the_reason_that_applies(ctx):
    """The unit's editor publishing in a unit that does not publish itself, the same editor
    publishing another unit's release, a writer publishing: three reasons, word for word."""
    dinkes_editor = db.session.scalar(select(User).where(User.email == "redaktur.dinkes@siaran.test"))
    ours, theirs = release_in("approved"), release_in("approved")
    theirs.unit_id = db.session.scalar(select(Unit.id).where(Unit.abbreviation == "Diskominfostandi"))
    db.session.flush()
    refusals = []
    for release, actor in ((ours, dinkes_editor), (theirs, dinkes_editor), (ours, user("writer"))):
        with pytest.raises(WorkflowError) as refused:
            workflow.apply(db.session, release, "publish", actor, now=NOW)
        refusals.append(str(refused.value))
    assert refusals == [
        "Unit ini belum diizinkan menerbitkan sendiri: siaran yang disetujui menunggu redaktur pusat.",
        permissions.OUTSIDE_UNIT,
        "Peran Anda tidak boleh melakukan tindakan ini pada siaran.",
    ]
    assert (ours.state, theirs.state) == ("approved", "approved")


def test_exempt_information_is_never_published_and_the_refusal_says_which_part_is_exempt(ctx):
    exempt_release, exempt_activity = release_in("approved"), release_in("approved")
    exempt_release.ppid_class = "dikecualikan"
    exempt_activity.activity = db.session.get(Activity, 1)
    exempt_activity.activity.ppid_class = "dikecualikan"
    db.session.flush()
    refusals = []
    for release in (exempt_release, exempt_activity):
        with pytest.raises(WorkflowError) as refused:
            workflow.apply(db.session, release, "publish", user("editor"), now=NOW)
        refusals.append(str(refused.value))
    assert refusals == [
        "Siaran ini berklasifikasi informasi dikecualikan (PPID), jadi tidak boleh terbit; "
        "ubah klasifikasinya lebih dulu bila informasinya boleh dibuka.",
        "Kegiatan siaran ini berklasifikasi informasi dikecualikan (PPID), jadi siarannya tidak boleh terbit.",
    ]


@pytest.mark.parametrize("state, action, given, message", [
    ("draft", "publish", {}, "Siaran ini berstatus draft; tindakan itu tidak berlaku sekarang."),
    ("in_review", "approve", {"expected_version": 7},
     "Siaran ini sudah diubah orang lain sejak Anda membukanya; muat ulang lalu periksa lagi."),
    ("in_review", "send_back", {"comment": " \n "}, "Tulis catatan untuk penulis saat mengembalikan siaran."),
    ("published", "retract", {"notice": "  "}, "Penarikan siaran perlu pemberitahuan publik."),
    ("published", "correct", {"note": ""}, "Koreksi perlu catatan \"Diperbarui\" untuk pembaca."),
    ("approved", "schedule", {}, "Tentukan waktu embargo."),
    ("approved", "schedule", {"at": datetime(2026, 2, 1, 9)}, "Waktu embargo harus menyebut zona waktunya."),
    ("approved", "schedule", {"at": NOW - timedelta(seconds=1)}, "Waktu embargo harus di masa depan."),
    ("approved", "schedule", {"at": NOW + timedelta(days=800)}, "Waktu embargo paling jauh 2 tahun dari sekarang."),
])
def test_each_refusal_says_what_to_do_word_for_word_and_changes_nothing(ctx, state, action, given, message):
    release = release_in(state)
    with pytest.raises(WorkflowError) as refused:
        workflow.apply(db.session, release, action, user("editor"), now=NOW, **given)
    assert str(refused.value) == message
    assert (release.state, release.version, events_of(release)) == (state, 1, [])


def test_a_release_goes_out_at_the_address_of_the_headline_it_has_then(ctx):
    scheduled, published, approved = release_in("approved"), release_in("approved"), release_in("in_review")
    for release, title in ((scheduled, "Taman Kota Dibuka Besok"), (published, "Pasar Baru Diresmikan"),
                           (approved, "Jembatan Diperbaiki")):
        release.title = title
    first_slug = approved.slug
    workflow.apply(db.session, scheduled, "schedule", user("editor"), at=NOW + timedelta(hours=1), now=NOW)
    workflow.apply(db.session, published, "publish", user("editor"), now=NOW)
    workflow.apply(db.session, approved, "approve", user("editor"), now=NOW)
    assert (scheduled.slug, published.slug, approved.slug) == ("taman-kota-dibuka-besok", "pasar-baru-diresmikan",
                                                               first_slug)
