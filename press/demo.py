"""Demo data for an empty instance: the activity of ``example-release.txt`` and two more.

Plain module (no Flask): ``load_demo(session)`` adds everything and returns the demo
accounts with their passwords so ``flask setup`` can print them.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from press.codes import ActivityKind, ParticipantRole, ReleaseState, Role, WorkflowAction
from press.config import DEFAULTS
from press.models import Activity, Release, User, utcnow
from press.services import accounts, directory, people, workflow
from press.services.activities import ActivityData, ParticipantData, create_activity
from press.text import slugify

DEMO_ACCOUNTS = (
    ("admin@siaran.test", Role.ADMIN, "Admin Siaran", "demo-admin-2021"),
    ("redaktur@siaran.test", Role.EDITOR, "Rina Redaktur", "demo-redaktur-2021"),
    ("penulis@siaran.test", Role.WRITER, "Wulan Penulis", "demo-penulis-2021"),
    ("fotografer@siaran.test", Role.PHOTOGRAPHER, "Fajar Fotografer", "demo-fotografer-2021"),
    ("redaktur.dinkes@siaran.test", Role.UNIT_EDITOR, "Dewi Redaktur Dinkes", "demo-redaktur-dinkes-2021"),
)  # one account per role: the first four in the central Humas office, the unit editor in Dinkes
# The units' own people (email, role, name, password, unit abbreviation).
DEMO_UNIT_ACCOUNTS = (
    ("penulis.dinkes@siaran.test", Role.WRITER, "Dimas Penulis Dinkes", "demo-penulis-dinkes-2021", "Dinkes"),
    ("fotografer.dinkes@siaran.test", Role.PHOTOGRAPHER, "Dian Fotografer Dinkes", "demo-fotografer-dinkes-2021", "Dinkes"),
    ("penulis.kominfo@siaran.test", Role.WRITER, "Kiki Penulis Kominfo", "demo-penulis-kominfo-2021", "Diskominfostandi"),
)

EXAMPLE_PEOPLE = (
    # name, honorifics, title, organisation, role
    ("Sajekti Rubiyah", None, "Kepala Bagian Humas", "Sekretariat Daerah Kota Bekasi", ParticipantRole.HOST),
    ("Diah Setiyawati", None, "Kasubag Hubungan Dokumentasi Internal", "Bagian Humas Setda Kota Bekasi", ParticipantRole.HOST),
    ("Muhammad Muchlis", None, "Kasubag Publikasi Eksternal", "Bagian Humas Setda Kota Bekasi", ParticipantRole.HOST),
    ("Indra Subhan", "Mas", "Kepala Diskominfo", "Kabupaten Subang", ParticipantRole.GUEST),
    ("Lukita Harjana", None, "Sekretaris Diskominfo", "Kabupaten Subang", ParticipantRole.GUEST),
)


def instance_is_empty(session: Session) -> bool:
    return session.scalar(select(func.count()).select_from(User)) == 0


def load_demo(session: Session) -> list[tuple[str, str, str]]:
    """Add the demo units, venues, people, accounts and activities; the caller commits."""
    units = _demo_units(session)
    humas, kominfo, dinkes = units["Bagian Humas Setda"], units["Diskominfostandi"], units["Dinkes"]

    ruang_humas = directory.save_venue(
        session, None, name="Ruang Rapat Bagian Humas Setda Kota Bekasi",
        address="Jl. Jend. Ahmad Yani No. 1, Bekasi Selatan", city="Kota Bekasi",
        latitude=-6.23827, longitude=106.99405,
    )
    aula = directory.save_venue(
        session, None, name="Aula Nonon Sonthanie", address="Plaza Pemkot Bekasi",
        city="Kota Bekasi", latitude=-6.23790, longitude=106.99330,
    )
    puskesmas = directory.save_venue(
        session, None, name="Puskesmas Jatisampurna", address="Jl. Raya Hankam, Jatisampurna",
        city="Kota Bekasi", latitude=-6.36880, longitude=106.92340,
    )

    credentials = []
    for email, role, name, password in DEMO_ACCOUNTS:
        unit = dinkes if role == Role.UNIT_EDITOR else humas
        accounts.create_user(
            session, email, password, role, name=name, unit_id=unit.id,
            default_credit="Dok. Humas Pemkot Bekasi" if role == Role.PHOTOGRAPHER else None,
        )
        credentials.append((email, role, password))
    for email, role, name, password, unit in DEMO_UNIT_ACCOUNTS:
        accounts.create_user(session, email, password, role, name=name, unit_id=units[unit].id,
                             default_credit=f"Dok. {unit} Kota Bekasi" if role == Role.PHOTOGRAPHER else None)
        credentials.append((email, role, password))

    _register_people(session, humas, kominfo)

    create_activity(
        session,
        ActivityData(
            title="Kunjungan Kerja PPID Utama Kabupaten Subang",
            kind=ActivityKind.KUNJUNGAN_KERJA,
            starts_on=date(2021, 9, 30),
            starts_at_time=time(9, 0),
            ends_at_time=time(12, 0),
            unit_id=humas.id,
            venue_id=ruang_humas.id,
            guest_body="PPID Utama Kabupaten Subang",
            topic="Pengelolaan Informasi dan Dokumentasi",
            summary=(
                "Bagian Humas Setda Kota Bekasi selaku PPID Utama Pemerintah Kota Bekasi menerima "
                "kunjungan kerja PPID Utama Kabupaten Subang terkait pengelolaan informasi dan dokumentasi."
            ),
            participants=[
                ParticipantData(name, title, organisation, role)
                for name, _h, title, organisation, role in EXAMPLE_PEOPLE
            ],
        ),
        actor=None,
    )
    create_activity(
        session,
        ActivityData(
            title="Sosialisasi Keterbukaan Informasi Publik bagi PPID Pembantu",
            kind="sosialisasi",
            starts_on=date(2021, 10, 12),
            starts_at_time=time(13, 0),
            unit_id=kominfo.id,
            venue_id=aula.id,
            topic="Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
            summary="Diskominfostandi menggelar sosialisasi keterbukaan informasi publik bagi PPID Pembantu di lingkungan Pemkot Bekasi.",
            participants=[
                ParticipantData("Sajekti Rubiyah", "Kepala Bagian Humas", "Sekretariat Daerah Kota Bekasi", ParticipantRole.SPEAKER),
                ParticipantData("Diah Setiyawati", "Kasubag Hubungan Dokumentasi Internal", "Bagian Humas Setda Kota Bekasi", ParticipantRole.ATTENDEE),
            ],
        ),
        actor=None,
    )
    create_activity(
        session,
        ActivityData(
            title="Peresmian Gedung Baru Puskesmas Jatisampurna",
            kind=ActivityKind.PERESMIAN,
            starts_on=date(2021, 11, 3),
            starts_at_time=time(8, 30),
            unit_id=dinkes.id,
            venue_id=puskesmas.id,
            topic="Gedung pelayanan rawat jalan dua lantai",
            summary="Wali Kota Bekasi meresmikan gedung baru Puskesmas Jatisampurna.",
            participants=[
                ParticipantData("Ahmad Suryana", "Wali Kota Bekasi", "Pemerintah Kota Bekasi", ParticipantRole.HOST),
                ParticipantData("Tanti Rohilawati", "Kepala Dinas Kesehatan", "Dinas Kesehatan Kota Bekasi", ParticipantRole.SPEAKER),
            ],
        ),
        actor=None,
    )
    load_demo_releases(session)
    return credentials


# The demo unit tree: (name, abbreviation, parent abbreviation, central). Bagian Humas is the
# central office; Dinkes has its own unit editor and a Puskesmas below it.
DEMO_UNITS = (
    ("Pemerintah Kota Bekasi", "Pemkot Bekasi", None, False),
    ("Sekretariat Daerah Kota Bekasi", "Setda", "Pemkot Bekasi", False),
    ("Bagian Humas Sekretariat Daerah Kota Bekasi", "Bagian Humas Setda", "Setda", True),
    ("Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Bekasi", "Diskominfostandi", "Pemkot Bekasi", False),
    ("Dinas Kesehatan Kota Bekasi", "Dinkes", "Pemkot Bekasi", False),
    ("UPTD Puskesmas Pondok Gede", "Puskesmas Pondok Gede", "Dinkes", False),
)


def _demo_units(session: Session) -> dict:
    made: dict = {}
    for name, abbreviation, parent, central in DEMO_UNITS:
        parent_id = made[parent].id if parent else None
        made[abbreviation] = directory.create_unit(session, name, abbreviation, central=central, parent_id=parent_id)
        session.flush()
    return made


def _register_people(session: Session, humas, kominfo) -> None:
    """Dated positions, including an acting holder, so title look-ups have one answer."""
    for name, honorifics, title, organisation, _role in EXAMPLE_PEOPLE:
        person = people.get_or_create_person(session, name, honorifics=honorifics)
        people.add_position(
            session, person, title, organisation=organisation,
            unit=humas if "Bekasi" in organisation else None, starts_on=date(2020, 1, 2),
        )
    mayor = people.get_or_create_person(session, "Ahmad Suryana", honorifics="H.", degrees="S.E., M.M.")
    people.add_position(session, mayor, "Wali Kota", organisation="Pemerintah Kota Bekasi",
                        starts_on=date(2018, 9, 20), ends_on=date(2022, 1, 6))
    acting = people.get_or_create_person(session, "Budi Hartanto", degrees="S.Sos.")
    people.add_position(session, acting, "Wali Kota", organisation="Pemerintah Kota Bekasi",
                        acting="Plt.", starts_on=date(2022, 1, 7), ends_on=date(2023, 9, 20))
    head = people.get_or_create_person(session, "Tanti Rohilawati", honorifics="dr.", degrees="M.Kes.")
    people.add_position(session, head, "Kepala Dinas Kesehatan", organisation="Dinas Kesehatan Kota Bekasi",
                        starts_on=date(2019, 3, 1))


# -- releases in every state of the workflow, moved there by the workflow itself ------

EXAMPLE_RELEASE_TITLE = "Pemerintah Kota Bekasi Terima Kunker PPID Utama Kabupaten Subang"
EXAMPLE_RELEASE_BODY = """\
Bagian Humas Sekretariat Daerah Kota Bekasi selaku Pejabat Pengelola Informasi dan Dokumentasi (PPID) Utama Pemerintah Kota Bekasi menerima Kunjungan Kerja Kabupaten Subang terkait Pengelolaan Informasi dan Dokumentasi yang diterapkan di Kota Bekasi pada Kamis, (30/9/2021).
Turut hadir dalam giat tersebut Kepala Bagian Humas Sekretariat Daerah Kota Bekasi Sajekti Rubiyah, Kasubag Hubungan Dokumentasi Internal Diah Setiyawati, Kasubag Publikasi Eksternal Muhammad Muchlis, Kepala Diskominfo Kabupaten Subang, Mas Indra Subhan, Sekretaris Diskominfo Kabupaten Subang, Lukita Harjana beserta jajaran.
Dalam sambutannya Sekretaris Dinas Kominfo selaku PPID Utama Kabupaten Subang mengatakan "Kunjungan kali ini bermaksud untuk sharing dan belajar terkait Pelayanan Informasi Publik yang ada di Kota Bekasi, tentang bagaimana SOP, alur, dan proses serta apa saja yang ada di dalam PPID Kota Bekasi serta Humas Kota Bekasi," ujar Lukita.
Kepala Bagian Humas Sekretariat Daerah Kota Bekasi, Sajekti Rubiyah menjelaskan bahwasanya PPID Utama di Kota Bekasi berada di Bagian Humas, "Jadi Bagian Humas itu selain memberikan informasi, mendokumentasikan juga mempublikasikan setiap kegiatan Pimpinan ataupun OPD yang ada di Pemerintah Kota Bekasi," ujar Sajekti.
Kasubag Hubungan Dokumentasi Internal, Diah Setiyawati menambahkan, sebagai salah satu implementasi keterbukaan informasi, PPID Utama juga melakukan penyebarluasan informasi melalui kanal website dan media sosial yang dikelola oleh Bagian Humas.
Terakhir Diah menambahkan "lalu hal rutin yang kami lakukan kepada PPID pembantu selaku PPID Utama adalah memberikan pelatihan serta memonitoring dan mengevaluasi PPID Pembantu setiap tahunnya," tutup Diah."""

# title, body, activity title (or None), the state to reach. Each title and body is
# unique text the leak test looks for on every public URL.
DEMO_RELEASES = (
    (
        "Diskominfostandi Gelar Sosialisasi Keterbukaan Informasi bagi PPID Pembantu",
        "Dinas Komunikasi, Informatika, Statistik dan Persandian Kota Bekasi menggelar sosialisasi "
        "keterbukaan informasi publik bagi PPID Pembantu di Aula Nonon Sonthanie (draf-rahasia-sosialisasi).",
        "Sosialisasi Keterbukaan Informasi Publik bagi PPID Pembantu", ReleaseState.DRAFT,
    ),
    (
        "Wali Kota Bekasi Resmikan Gedung Baru Puskesmas Jatisampurna",
        "Wali Kota Bekasi meresmikan gedung pelayanan rawat jalan dua lantai Puskesmas Jatisampurna "
        "(tinjauan-rahasia-puskesmas).",
        "Peresmian Gedung Baru Puskesmas Jatisampurna", ReleaseState.IN_REVIEW,
    ),
    (
        "Humas Kota Bekasi Siapkan Pelatihan Juru Bicara Perangkat Daerah",
        "Bagian Humas Setda Kota Bekasi menyiapkan pelatihan juru bicara bagi perangkat daerah "
        "(disetujui-rahasia-pelatihan).",
        None, ReleaseState.APPROVED,
    ),
    (
        "Pemkot Bekasi Umumkan Pemenang Lomba Inovasi Pelayanan Publik",
        "Pemerintah Kota Bekasi akan mengumumkan pemenang lomba inovasi pelayanan publik "
        "tingkat perangkat daerah (embargo-rahasia-lomba).",
        None, ReleaseState.SCHEDULED,
    ),
    (
        "Jadwal Vaksinasi Keliling Dinkes Kota Bekasi Pekan Ini",
        "Dinas Kesehatan Kota Bekasi membuka layanan vaksinasi keliling di dua belas kelurahan "
        "(ditarik-rahasia-vaksinasi).",
        None, ReleaseState.RETRACTED,
    ),
)

RETRACTION_NOTICE = (
    "Siaran ini ditarik karena jadwal vaksinasi keliling yang dimuat keliru. "
    "Jadwal yang benar diumumkan Dinas Kesehatan Kota Bekasi."
)


def _demo_release(session: Session, title: str, body: str, activity: Activity | None, author: User, unit_id) -> Release:
    """A draft by ``author``: the writer of the activity's unit, or the central office's."""
    release = Release(
        activity_id=activity.id if activity else None, unit_id=activity.unit_id if activity else unit_id,
        slug=slugify(title), title=title, dateline="BEKASI \u2013", body=body,
        signature=DEFAULTS["OFFICE_SIGNATURE"], state=ReleaseState.DRAFT, author_id=author.id,
    )
    session.add(release)
    session.flush()
    return release


def load_demo_releases(session: Session) -> list[Release]:
    """The example activity's release published, and one release in each other state.

    Every state is reached through ``workflow.apply`` so each has its audit trail.
    """
    users = {u.email: u for u in session.scalars(select(User).where(User.email.like("%@siaran.test")))}
    writer = central_writer = users["penulis@siaran.test"]
    editor = users["redaktur@siaran.test"]
    unit_writers = {users[email].unit_id: users[email] for email, role, *_rest in DEMO_UNIT_ACCOUNTS if role == Role.WRITER}
    activities = {a.title: a for a in session.scalars(select(Activity))}
    example = activities["Kunjungan Kerja PPID Utama Kabupaten Subang"]
    published_at = datetime(2021, 9, 30, 7, 30, tzinfo=timezone.utc)

    release = _demo_release(session, EXAMPLE_RELEASE_TITLE, EXAMPLE_RELEASE_BODY, example, writer, None)
    workflow.apply(session, release, WorkflowAction.SUBMIT, writer, now=published_at - timedelta(hours=2))
    workflow.apply(session, release, WorkflowAction.APPROVE, editor, now=published_at - timedelta(hours=1))
    workflow.apply(session, release, WorkflowAction.PUBLISH, editor, now=published_at)
    made = [release]

    now = utcnow()
    for title, body, activity_title, target in DEMO_RELEASES:
        activity = activities.get(activity_title) if activity_title else None
        writer = unit_writers.get(activity.unit_id, central_writer) if activity else central_writer
        release = _demo_release(session, title, body, activity, writer, example.unit_id)
        made.append(release)
        if target == ReleaseState.DRAFT:
            continue
        if target == ReleaseState.RETRACTED:
            moment = datetime(2021, 10, 5, 2, 0, tzinfo=timezone.utc)
            workflow.apply(session, release, WorkflowAction.SUBMIT, writer, now=moment - timedelta(hours=1))
            workflow.apply(session, release, WorkflowAction.PUBLISH, editor, now=moment)
            workflow.apply(session, release, WorkflowAction.RETRACT, editor, notice=RETRACTION_NOTICE, now=moment + timedelta(days=1))
            continue
        workflow.apply(session, release, WorkflowAction.SUBMIT, writer, now=now)
        if target == ReleaseState.IN_REVIEW:
            continue
        workflow.apply(session, release, WorkflowAction.APPROVE, editor, now=now)
        if target == ReleaseState.SCHEDULED:
            workflow.apply(session, release, WorkflowAction.SCHEDULE, editor, at=now + timedelta(days=30), now=now)
    return made


# -- demo photos --------------------------------------------------------------------
# Drawn with Pillow (a meeting room: wall, banner, table, people), with camera EXIF;
# ingested through the media service like any upload. Not part of ``load_demo``: the
# photos need a media store, so ``flask setup`` calls ``load_demo_photos`` after it.

DEMO_PHOTO_CREDIT = "Dok. Humas Pemkot Bekasi"
DEMO_PHOTOS = (
    # (minutes after 09.00 WIB, people, blur, caption, public, highlight)
    (5, 5, 0, "Kepala Bagian Humas Setda Kota Bekasi menyambut rombongan PPID Utama Kabupaten Subang di ruang rapat Bagian Humas.", True, True),
    (12, 7, 0, "Rombongan Kabupaten Subang mendengarkan paparan pengelolaan informasi dan dokumentasi Kota Bekasi.", True, False),
    (13, 7, 4, "Rombongan Kabupaten Subang mendengarkan paparan (bidikan beruntun).", False, False),
    (25, 4, 0, "Diskusi tentang layanan informasi publik dan pengelolaan dokumentasi kegiatan.", False, False),
    (40, 6, 0, "Foto bersama Bagian Humas Setda Kota Bekasi dan PPID Utama Kabupaten Subang.", True, False),
)


def demo_photo_jpeg(seed: int, people: int = 5, blur: float = 0, *, taken_at: datetime | None = None,
                    gps: tuple[float, float] | None = None, size: tuple[int, int] = (1200, 800),
                    make: str = "Canon", model: str = "Canon EOS 80D", orientation: int = 1) -> bytes:
    """A photo-like JPEG drawn with Pillow, with camera EXIF (taken-at with +07:00, GPS)."""
    import io
    import random

    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    width, height = size
    horizon = height * rng.choice((38, 46, 54, 62, 70)) // 100  # each scene framed differently
    wall = rng.choice(((228, 220, 204), (196, 214, 226), (238, 232, 214), (170, 186, 170)))
    image = Image.new("RGB", size, wall)
    draw = ImageDraw.Draw(image)
    for y in range(horizon):  # the wall, lighter towards the ceiling lights
        fade = y * 50 // horizon
        draw.line([(0, y), (width, y)], fill=tuple(max(0, c - fade) for c in wall))
    draw.rectangle([0, horizon, width, height], fill=rng.choice(((122, 92, 70), (84, 96, 120), (140, 60, 50))))
    left = rng.randint(0, width // 3)
    draw.rectangle([left, height // 12, left + width // 2, height // 12 + height // 7], fill=(18, 70, 140))  # banner
    draw.text((left + 20, height // 12 + 20), "KUNJUNGAN KERJA PPID KABUPATEN SUBANG", fill=(255, 255, 255))
    for index in range(people):
        x = width * (index + 1) // (people + 1) + rng.randint(-15, 15)
        top = horizon - 150 + rng.randint(-10, 10)
        colour = rng.choice([(40, 40, 48), (230, 230, 235), (120, 28, 40), (30, 60, 110), (200, 160, 60)])
        draw.ellipse([x - 28, top, x + 28, top + 64], fill=(176, 132, 100))  # face
        draw.rectangle([x - 30, top - 6, x + 30, top + 14], fill=(30, 26, 24))  # hair or cap
        draw.rounded_rectangle([x - 60, top + 70, x + 60, top + 260], radius=30, fill=colour)
    table = min(height - 70, horizon + 90)
    draw.rectangle([width // 10, table, width * 9 // 10, table + 60], fill=(92, 60, 38))  # table
    for _ in range(400):  # grain
        x, y = rng.randrange(width), rng.randrange(height)
        grey = rng.randint(0, 255)
        draw.point((x, y), fill=(grey, grey, grey))
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112] = make, model, orientation
    if taken_at is not None:
        sub = exif.get_ifd(0x8769)
        sub[0x9003] = taken_at.strftime("%Y:%m:%d %H:%M:%S")
        sub[0x9011] = "+07:00"
    if gps is not None:
        lat, lon = gps
        block = exif.get_ifd(0x8825)
        block[1], block[2] = ("S" if lat < 0 else "N"), _dms(abs(lat))
        block[3], block[4] = ("W" if lon < 0 else "E"), _dms(abs(lon))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88, exif=exif)
    return out.getvalue()


def _dms(value: float) -> tuple[float, float, float]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 4)
    return (float(degrees), float(minutes), seconds)


def load_demo_photos(session: Session, storage, config) -> list:
    """A small gallery for the example activity (kunjungan kerja of 30/9/2021), ingested
    through the media service; ``config`` is an ``IngestConfig``. The caller commits."""
    from press.models import Media
    from press.services import media as media_service

    example = session.scalar(select(Activity).where(Activity.title == "Kunjungan Kerja PPID Utama Kabupaten Subang"))
    photographer = session.scalar(select(User).where(User.email == "fotografer@siaran.test"))
    editor = session.scalar(select(User).where(User.email == "redaktur@siaran.test"))
    if example is None or session.scalar(select(func.count()).select_from(Media).where(Media.activity_id == example.id)):
        return []
    venue = example.venue
    gps = (venue.latitude + 0.0001, venue.longitude - 0.0001) if venue and venue.latitude is not None else None
    files = (
        media_service.PhotoFile(f"IMG_{3001 + seed}.JPG", demo_photo_jpeg(
            1 if blur else seed,  # the blurred one repeats the scene of the photo before it
            people_count, blur, gps=gps, taken_at=datetime(2021, 9, 30, 9, 0) + timedelta(minutes=minutes)))
        for seed, (minutes, people_count, blur, *_rest) in enumerate(DEMO_PHOTOS)
    )
    outcomes = media_service.ingest_many(
        session, storage, files, activity=example, uploader=photographer,
        batch=media_service.BatchMeta(credit=DEMO_PHOTO_CREDIT, copyright="© 2021 Pemerintah Kota Bekasi"),
        config=config,
    )
    made = []
    for outcome, (_minutes, _people, _blur, caption, public, highlight) in zip(outcomes, DEMO_PHOTOS):
        if outcome.media is None:
            continue
        media_service.update_text(session, storage, outcome.media, actor=photographer, caption=caption,
                                  credit=DEMO_PHOTO_CREDIT, copyright=outcome.media.copyright)
        media_service.set_flags(session, outcome.media, actor=editor, public=public, highlight=highlight)
        made.append(outcome.media)
    return made
