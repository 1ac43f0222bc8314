"""The demo's releases: one in every state of the workflow, moved there by the workflow
itself, and one in each PPID class."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.codes import PpidClass, ReleaseState, Role, WorkflowAction
from press.config import DEFAULTS
from press.models import Activity, Release, User, utcnow
from press.services import ppid, workflow
from press.text import slugify

from .staff import DEMO_UNIT_ACCOUNTS, demo_account

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
        "keterbukaan informasi publik bagi PPID Pembantu di Aula Nonon Sonthanie (draf-rahasia-sosialisasi).\n"
        # Slips the editorial checks find, each with its one-click fix (the tour's "Terapkan").
        "Acara dimulai pukul 09:00 wib s/d selesai dan di buka oleh Wali Kota Bekasi Budi Hartanto.\n"
        "Turut hadir Kepala Dinas Kesehatan Tanti Rohilawati, Ketua DPRD Kota Bekasi Choiruman Juwono Putro, "
        "Bupati Bekasi Dani Ramdan, dan Sekretaris Daerah Kota Bekasi Reny Hendrawati beserta jajaran.\n"
        "Setiap PPID Pembantu menerima dana pendampingan Rp. 5.000.000,- untuk tahun 2021an.\n"
        "Materi sosialisasi diunggah ke website dinas dan dapat diikuti secara online. Walikota menghimbau "
        "setiap perangkat daerah menjawab permohonan informasi paling lama sepuluh hari kerja. Sebanyak 1250 "
        "warga dari 56 kelurahan sudah mengikuti kegiaatan serupa.",
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


# -- PPID classes: a release in each class -------------------------------------------

DEMO_PPID_CLASSES = {  # the example release keeps the default, setiap saat
    "Humas Kota Bekasi Siapkan Pelatihan Juru Bicara Perangkat Daerah": PpidClass.BERKALA,
    "Jadwal Vaksinasi Keliling Dinkes Kota Bekasi Pekan Ini": PpidClass.SERTA_MERTA,
}
EXEMPT_RELEASE_TITLE = "Nilai Asesmen Peserta Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama"
EXEMPT_RELEASE_BODY = (
    "Panitia seleksi menyampaikan nilai asesmen kompetensi setiap peserta seleksi terbuka "
    "jabatan pimpinan tinggi pratama (dikecualikan-rahasia-asesmen)."
)
EXEMPT_NOTICE = (
    "Siaran ini ditarik karena memuat data pribadi peserta seleksi, informasi yang dikecualikan "
    "menurut Pasal 17 huruf h UU Nomor 14 Tahun 2008."
)


def load_demo_ppid_classes(session: Session) -> None:
    """The demo releases in every PPID class; the exempt one was published by mistake and
    withdrawn by marking it ``dikecualikan`` (retracted with its notice)."""
    for release in session.scalars(select(Release).where(Release.title.in_(DEMO_PPID_CLASSES))):
        release.ppid_class = DEMO_PPID_CLASSES[release.title]
    writer, editor = demo_account(session, Role.WRITER), demo_account(session, Role.EDITOR)
    moment = datetime(2021, 10, 20, 3, 0, tzinfo=timezone.utc)
    release = _demo_release(session, EXEMPT_RELEASE_TITLE, EXEMPT_RELEASE_BODY, None, writer,
                            session.scalar(select(Activity.unit_id).order_by(Activity.id).limit(1)))
    workflow.apply(session, release, WorkflowAction.SUBMIT, writer, now=moment - timedelta(hours=1))
    workflow.apply(session, release, WorkflowAction.PUBLISH, editor, now=moment)
    ppid.classify_release(session, release, PpidClass.DIKECUALIKAN, editor, notice=EXEMPT_NOTICE,
                          now=moment + timedelta(hours=2))
