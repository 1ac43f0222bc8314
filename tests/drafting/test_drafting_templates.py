"""Release templates: the example activity's draft, every kind, missing fields, broken templates."""
from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import select

from press.codes import ActivityKind
from press.drafting import build_context, render_draft
from press.drafting.render import TemplateFailed, load_default
from press.extensions import db
from press.models import ACTIVITY_KINDS, Activity, Note, Release
from press.services import release_templates
from press.services import releases as service

from .conftest import EXAMPLE_QUOTES, make_activity, user

# The kinds whose template writes a news release (the press invitation invites instead).
NEWS_KINDS = [kind for kind in ACTIVITY_KINDS if kind != ActivityKind.UNDANGAN_LIPUTAN]


def example_activity() -> Activity:
    return db.session.scalar(select(Activity).where(Activity.kind == "kunjungan_kerja").order_by(Activity.id))


def test_the_example_activity_drafts_the_example_release(ctx):
    activity = example_activity()
    db.session.add(Note(activity_id=activity.id, source="typed", text="catatan", cleaning={}, extraction={},
                        accepted={"people": [], "quotes": EXAMPLE_QUOTES}))
    db.session.flush()
    release, missing = service.create_draft(db.session, activity, user("writer"), signature="(Adv Humas)")
    assert missing == []
    # Headline: host and guest.
    assert "Sajekti" in release.title and "PPID Utama Kabupaten Subang" in release.title
    assert "Terima Kunker" in release.title
    paragraphs = release.body.split("\n\n")
    lead = paragraphs[0]
    for part in ("Kepala Bagian Humas", "Sajekti Rubiyah", "PPID Utama Kabupaten Subang",
                 "Pengelolaan Informasi dan Dokumentasi", "Kamis, (30/9/2021)"):
        assert part in lead
    attendance = next(p for p in paragraphs if p.startswith("Turut hadir"))
    for title_and_name in ("Kasubag Hubungan Dokumentasi Internal Bagian Humas Setda Kota Bekasi Diah Setiyawati",
                           "Kasubag Publikasi Eksternal", "Muhammad Muchlis",
                           "Kepala Diskominfo Kabupaten Subang Indra Subhan",
                           "Sekretaris Diskominfo Kabupaten Subang Lukita Harjana"):
        assert title_and_name in attendance
    assert '"Kunjungan kali ini bermaksud untuk sharing dan belajar terkait Pelayanan Informasi Publik yang ada di Kota Bekasi," ujar Lukita.' in paragraphs
    assert '"Humas selalu bersinergi dengan dinas-dinas terkait," tambah Sajekti.' in paragraphs
    assert release.dateline == "BEKASI –"
    assert release.signature == "(Adv Humas)"
    assert release.state == "draft" and release.version == 1
    assert [r.number for r in release.revisions] == [1]


@pytest.mark.parametrize("kind", NEWS_KINDS)
def test_every_kind_drafts_without_missing_text(ctx, kind):
    activity = make_activity(kind)
    release, missing = service.create_draft(db.session, activity, user("writer"))
    assert missing == []
    assert "[" not in release.title and "[" not in release.body
    assert activity.topic in release.title + release.body
    assert "Kamis, (30/9/2021)" in release.body
    assert "Turut hadir" in release.body and "Lukita Harjana" in release.body
    assert '," ujar' in release.body
    assert release.signature
    # A clean draft: no editorial finding but the hint on the speaker's own foreign word ("sharing").
    assert [(f.code, f.text, f.replacement) for f in service.check(release)] == [("foreign", "sharing", None)]


def test_the_press_invitation_gives_time_place_dress_code_and_contact(ctx):
    activity = make_activity(ActivityKind.UNDANGAN_LIPUTAN, quotes=[])
    activity.ends_at_time = time(11, 0)
    activity.dress_code = "Batik lengan panjang"
    activity.contact = "Diah Setiyawati (0812-1234-5678)"
    db.session.flush()
    release, missing = service.create_draft(db.session, activity, user("writer"))
    assert missing == []
    assert release.title == f"Undangan Liputan: {activity.title}"
    assert f"{activity.unit.name} mengundang rekan-rekan media untuk meliput {activity.title}" in release.body
    paragraphs = release.body.split("\n\n")
    venue = activity.venue
    for line in ("**Hari/tanggal:** Kamis, 30 September 2021", "**Waktu:** 09.00–11.00 WIB",
                 f"**Tempat:** {venue.name}, {venue.address}",
                 "**Acara:** Peluncuran Aplikasi Layanan Kependudukan",
                 "**Pakaian:** Batik lengan panjang", "**Narahubung:** Diah Setiyawati (0812-1234-5678)"):
        assert line in paragraphs, paragraphs
    assert service.check(release) == []


def test_a_press_invitation_without_dress_code_or_contact_lists_them_as_missing(ctx):
    activity = make_activity(ActivityKind.UNDANGAN_LIPUTAN, quotes=[])
    release, missing = service.create_draft(db.session, activity, user("writer"))
    assert set(missing) == {"activity.dress_code", "activity.contact"}
    assert "**Pakaian:** [pakaian]" in release.body and "**Narahubung:** [narahubung]" in release.body


def test_missing_fields_are_listed_not_invented(ctx):
    activity = make_activity("kunjungan_kerja", quotes=[{"speaker": None, "verb": "kata", "text": "Tanpa nama."}])
    activity.guest_body = None
    activity.topic = None
    activity.venue = None
    activity.participants = [p for p in activity.participants if p.role != "host"]
    db.session.flush()
    release, missing = service.create_draft(db.session, activity, user("writer"))
    assert set(missing) == {"host", "activity.guest_body", "activity.topic", "venue", "quotes.speaker_name"}
    assert "[tempat kegiatan]" in release.body
    assert "[topik kegiatan]" in release.body
    assert '"Tanpa nama," kata [pembicara kutipan].' in release.body
    assert {f.text for f in service.check(release) if f.code == "placeholder"} >= {
        "[tempat kegiatan]", "[topik kegiatan]", "[pembicara kutipan]"}


def test_a_placeholder_left_in_the_headline_is_a_finding_until_the_writer_fills_it(ctx):
    activity = make_activity("peresmian")
    activity.topic = None
    db.session.flush()
    release, _missing = service.create_draft(db.session, activity, user("writer"))
    assert "[topik kegiatan]" in release.title
    headline = [f for f in service.check(release) if f.code == "placeholder" and f.span is None]
    assert [f.text for f in headline] == ["[topik kegiatan]"]
    assert "Judul" in headline[0].as_dict()["message"]
    unsaved = release.title.replace("[topik kegiatan]", "Taman Kota")
    assert not [f for f in service.check(release, title=unsaved) if f.span is None]


def test_a_broken_template_says_where_and_why(ctx):
    context = build_context(kind="audiensi", title="Audiensi", day=date(2021, 9, 30))
    source = "{% block headline %}Judul{% endblock %}\n{% block lead %}\n{{ activity.title }\n{% endblock %}\n{% block body %}{% endblock %}"
    with pytest.raises(TemplateFailed) as failed:
        render_draft(source, context)
    assert failed.value.problem.line == 3
    assert "Kesalahan tulis templat" in str(failed.value.problem)

    runtime = "{% block headline %}Judul{% endblock %}\n{% block lead %}ok{% endblock %}\n{% block body %}\n\n{{ activity.title + 1 }}\n{% endblock %}"
    with pytest.raises(TemplateFailed) as failed:
        render_draft(runtime, context)
    assert failed.value.problem.line == 5
    assert "TypeError" in str(failed.value.problem)

    with pytest.raises(TemplateFailed) as failed:
        render_draft("{% block headline %}Judul{% endblock %}", context)
    assert "block lead" in str(failed.value.problem) and "block body" in str(failed.value.problem)


def test_the_sandbox_keeps_templates_away_from_python(ctx):
    context = build_context(kind="audiensi", title="Audiensi", day=date(2021, 9, 30))
    source = ("{% block headline %}{{ activity.__class__.__mro__ }}{% endblock %}"
              "{% block lead %}x{% endblock %}{% block body %}{% endblock %}")
    with pytest.raises(TemplateFailed):
        render_draft(source, context)


def test_an_admin_override_replaces_the_file_and_a_bad_one_is_refused(ctx):
    admin = user("admin")
    activity = make_activity("audiensi")
    source = load_default("audiensi").replace("Terima Audiensi", "Sambut Audiensi")
    release_templates.save_template(db.session, "audiensi", source, admin)
    release, _missing = service.create_draft(db.session, activity, user("writer"))
    assert "Sambut Audiensi" in release.title
    with pytest.raises(release_templates.DraftTemplateError) as refused:
        release_templates.save_template(db.session, "audiensi", "{% block headline %}{% if %}{% endblock %}", admin)
    assert refused.value.problem.line == 1
    with pytest.raises(service.ReleaseError):
        release_templates.save_template(db.session, "audiensi", source, user("writer"))
    release_templates.reset_template(db.session, "audiensi", admin)
    assert release_templates.template_source(db.session, "audiensi") == (load_default("audiensi"), False)


def test_a_template_error_makes_no_release(ctx):
    admin = user("admin")
    activity = make_activity("upacara")
    release_templates.save_template(db.session, "upacara",
                          "{% block headline %}{{ activity.title * activity }}{% endblock %}{% block lead %}x{% endblock %}{% block body %}{% endblock %}",
                          admin)
    before = db.session.query(Release).count()
    with pytest.raises(release_templates.DraftTemplateError) as failed:
        service.create_draft(db.session, activity, user("writer"))
    assert failed.value.problem.line == 1
    assert db.session.query(Release).count() == before


def test_a_reported_verb_is_written_in_its_after_quote_form(ctx):
    """Notes say "Sajekti menjelaskan, …"; the release writes "…," jelas Sajekti, and the
    check for a quote without a speaker recognises the attribution."""
    quotes = [
        {"speaker": "Lukita Harjana", "verb": "mengatakan", "text": "kunjungan ini untuk belajar."},
        {"speaker": "Sajekti Rubiyah", "verb": "menjelaskan", "text": "PPID Utama berada di Bagian Humas."},
        {"speaker": "Sajekti Rubiyah", "verb": "menyampaikan", "text": "Kami terbuka."},
        {"speaker": "Sajekti Rubiyah", "verb": "tuturnya", "text": "Terima kasih."},
    ]
    activity = make_activity("kunjungan_kerja", quotes=quotes)
    release, missing = service.create_draft(db.session, activity, user("writer"))
    paragraphs = release.body.split("\n\n")
    assert any(p.startswith('"Kunjungan ini untuk belajar," kata Lukita') for p in paragraphs)
    assert '"PPID Utama berada di Bagian Humas," jelas Sajekti.' in paragraphs
    assert '"Kami terbuka," ujar Sajekti.' in paragraphs
    assert '"Terima kasih," tutur Sajekti.' in paragraphs
    assert [f for f in service.check(release) if f.code == "quote_no_speaker"] == []


@pytest.mark.parametrize("name, short", [
    ("Haji Ahmad Suryana", "Ahmad"), ("Ustadz Abdul Somad", "Abdul"), ("Mas Indra Subhan", "Indra"),
    ("Pendeta Yohanes Lumban", "Yohanes"),
])
def test_a_quoted_speaker_is_named_past_every_honorific_of_the_glossary(name, short):
    from press.drafting.context import short_name

    assert short_name(name) == short


def test_an_indirect_quote_is_drafted_without_quote_marks(ctx):
    """A note's reported speech ("Menurut Sajekti, …") is not the speaker's own words:
    the release must not put it inside quote marks."""
    quotes = [
        {"speaker": "Sajekti Rubiyah", "verb": "Menurut", "text": "keterbukaan itu kewajiban", "form": "indirect"},
        {"speaker": "Lukita Harjana", "verb": "ujar", "text": "Kami belajar banyak.", "form": "direct"},
    ]
    release, _missing = service.create_draft(db.session, make_activity("kunjungan_kerja", quotes=quotes),
                                             user("writer"))
    paragraphs = release.body.split("\n\n")
    indirect = next(p for p in paragraphs if "eterbukaan itu kewajiban" in p)
    assert indirect.startswith("Keterbukaan itu kewajiban,") and '"' not in indirect and "“" not in indirect
    assert any(p.startswith('"Kami belajar banyak," ujar') for p in paragraphs)


def test_ranks_are_written_before_honorifics_in_the_formal_name():
    from press.notes.accepted import AcceptedPerson

    context = build_context(kind="audiensi", title="Audiensi", day=date(2021, 9, 30), accepted_people=[
        AcceptedPerson("Bambang Sutrisno", "Dandim 0507", honorifics=("H.",), degrees=("S.Sos.", "M.Si"),
                       ranks=("Letkol", "Kav"))])
    (person,) = context.participants
    assert person.full_name == "Letkol Kav H. Bambang Sutrisno, S.Sos., M.Si"
    assert context.variables()["participants"][0]["ranks"] == ("Letkol", "Kav")


def test_the_draft_lists_those_present_in_the_order_of_precedence(ctx):
    from press.models import Participant
    activity = make_activity("rapat_koordinasi")
    for position, (name, title) in enumerate((("Budi Santoso", "Camat Bekasi Timur"),
                                              ("Tri Adhianto", "Wakil Wali Kota Bekasi"),
                                              ("Reny Hendrawati", "Sekretaris Daerah")), start=10):
        db.session.add(Participant(activity_id=activity.id, name=name, title=title, role="attendee", position=position))
    db.session.flush()
    db.session.refresh(activity)
    release, _missing = service.create_draft(db.session, activity, user("writer"))
    present = next(p for p in release.body.split("\n") if p.startswith("Turut hadir"))
    # Ranked titles first, in their order; a title the precedence data does not rank comes last.
    order = [present.index(name) for name in ("Tri Adhianto", "Reny Hendrawati", "Budi Santoso", "Diah Setiyawati",
                                               "Lukita Harjana")]
    assert order == sorted(order), present
    assert not [f for f in service.check(release) if f.code == "precedence"]
