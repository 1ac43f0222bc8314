"""What each code of ``press.codes`` is called, in Indonesian msgids (English in the catalogue).

Each label is defined here once; templates get them from the ``labels`` context processor
of ``press.web.i18n``; :data:`LABELS` lists the table of every code, so a test finds a
member without a label.
"""
from __future__ import annotations

from enum import StrEnum

from flask_babel import gettext
from flask_babel import lazy_gettext as _l

from press.codes import (
    ActivityKind, ActivityState, AssignmentRole, CorrectionKind, EmbargoAccess, EmbargoAudience, ExtractionState,
    JournalistState, MediaStatus, NotificationKind, OutboxPurpose, OutboxState, OutletKind, ParticipantRole,
    PlacementState, PpidClass, ProofKind, ProofVerdict, PublishRefusal, QuoteForm, ReleaseState, Role, SensitiveSubject, SubscriptionCadence, SubscriptionScope,
    SubscriptionState, UkwLevel, WorkflowAction,
)
from press.errors import ServiceError

ACTIVITY_KIND_LABELS = {
    ActivityKind.KUNJUNGAN_KERJA: _l("Kunjungan kerja"),
    ActivityKind.STUDI_BANDING: _l("Studi banding"),
    ActivityKind.RAPAT_KOORDINASI: _l("Rapat koordinasi"),
    ActivityKind.PERESMIAN: _l("Peresmian"),
    ActivityKind.SOSIALISASI: _l("Sosialisasi"),
    ActivityKind.PENYERAHAN_BANTUAN: _l("Penyerahan bantuan"),
    ActivityKind.UPACARA: _l("Upacara"),
    ActivityKind.PENANDATANGANAN_MOU: _l("Penandatanganan MoU/PKS"),
    ActivityKind.PELANTIKAN: _l("Pelantikan"),
    ActivityKind.AUDIENSI: _l("Audiensi"),
    ActivityKind.LOMBA_FESTIVAL: _l("Lomba / festival"),
    ActivityKind.BAKTI_SOSIAL: _l("Bakti sosial"),
    ActivityKind.UNDANGAN_LIPUTAN: _l("Undangan liputan"),
}

ROLE_LABELS = {
    Role.ADMIN: _l("Admin"),
    Role.EDITOR: _l("Redaktur"),
    Role.UNIT_EDITOR: _l("Redaktur unit"),
    Role.WRITER: _l("Penulis"),
    Role.PHOTOGRAPHER: _l("Fotografer"),
    Role.JOURNALIST: _l("Wartawan"),
}

STATE_LABELS = {
    ReleaseState.DRAFT: _l("Draf"),
    ReleaseState.IN_REVIEW: _l("Ditinjau"),
    ReleaseState.APPROVED: _l("Disetujui"),
    ReleaseState.SCHEDULED: _l("Dijadwalkan"),
    ReleaseState.PUBLISHED: _l("Terbit"),
    ReleaseState.RETRACTED: _l("Ditarik"),
}

MEDIA_STATUS_LABELS = {
    MediaStatus.OK: _l("Siap pakai"),
    MediaStatus.PROCESSING: _l("Diproses"),
    MediaStatus.REJECTED: _l("Ditolak"),
    MediaStatus.METADATA_ONLY: _l("Tanpa pratinjau"),
    MediaStatus.MISSING: _l("Berkas asli hilang"),
    MediaStatus.DAMAGED: _l("Berkas asli rusak"),
}

# One label per action a release's history records (``release.<action>`` audit events):
# the workflow's moves, the embargo clock, and the writers' edits.
ACTION_LABELS = {
    WorkflowAction.SUBMIT: _l("Ajukan untuk ditinjau"),
    WorkflowAction.SEND_BACK: _l("Kembalikan ke penulis"),
    WorkflowAction.APPROVE: _l("Setujui"),
    WorkflowAction.PUBLISH: _l("Terbitkan sekarang"),
    WorkflowAction.SCHEDULE: _l("Jadwalkan (embargo)"),
    WorkflowAction.UNSCHEDULE: _l("Batalkan jadwal"),
    WorkflowAction.CORRECT: _l("Terbitkan koreksi"),
    WorkflowAction.RETRACT: _l("Tarik siaran"),
    WorkflowAction.PUBLISH_DUE: _l("Terbit otomatis (embargo berakhir)"),
    "draft": _l("Draf dibuat dari kegiatan"),
    "save": _l("Disimpan (revisi baru)"),
    "photo_attach": _l("Foto dilampirkan"),
    "photo_detach": _l("Foto dilepas"),
    "photo_order": _l("Urutan foto diubah"),
    "photo_caption": _l("Keterangan foto diubah"),
    "ppid_class": _l("Klasifikasi informasi publik diubah"),
    "open_to_journalists": _l("Dibuka untuk wartawan sebelum embargo"),
    "close_to_journalists": _l("Ditutup lagi untuk wartawan"),
    "check_dismiss": _l("Temuan pemeriksaan dibiarkan"),
    "whatsapp_sent": _l("Dikirim ke grup WhatsApp"),
    "whatsapp_unsent": _l("Tanda kirim WhatsApp dihapus"),
}

PARTICIPANT_ROLE_LABELS = {
    ParticipantRole.HOST: _l("Tuan rumah"),
    ParticipantRole.GUEST: _l("Tamu"),
    ParticipantRole.SPEAKER: _l("Narasumber"),
    ParticipantRole.ATTENDEE: _l("Peserta"),
}

QUOTE_FORM_LABELS = {
    QuoteForm.DIRECT: _l("langsung"),
    QuoteForm.INDIRECT: _l("tidak langsung"),
}

CORRECTION_KIND_LABELS = {
    CorrectionKind.NOT_PERSON: _l("Bukan orang"),
    CorrectionKind.TITLE: _l("Jabatan"),
    CorrectionKind.NAME: _l("Nama"),
    CorrectionKind.HONORIFICS: _l("Sapaan"),
    CorrectionKind.RANKS: _l("Pangkat"),
    CorrectionKind.DEGREES: _l("Gelar"),
}

EXTRACTION_STATE_LABELS = {
    ExtractionState.PENDING: _l("Menunggu ekstraksi"),
    ExtractionState.DONE: _l("Sudah diekstrak"),
    ExtractionState.FAILED: _l("Ekstraksi gagal"),
}

PPID_CLASS_LABELS = {
    PpidClass.BERKALA: _l("Informasi berkala"),
    PpidClass.SERTA_MERTA: _l("Informasi serta-merta"),
    PpidClass.SETIAP_SAAT: _l("Informasi setiap saat"),
    PpidClass.DIKECUALIKAN: _l("Informasi dikecualikan"),
}

ACTIVITY_STATE_LABELS = {
    ActivityState.PLANNED: _l("Direncanakan"),
    ActivityState.COVERED: _l("Diliput"),
    ActivityState.DONE: _l("Selesai"),
    ActivityState.CANCELLED: _l("Dibatalkan"),
}

ASSIGNMENT_ROLE_LABELS = {
    AssignmentRole.PHOTOGRAPHER: _l("Fotografer"),
    AssignmentRole.WRITER: _l("Penulis"),
}

NOTIFICATION_KIND_LABELS = {
    NotificationKind.ASSIGNED: _l("Penugasan baru"),
    NotificationKind.UNASSIGNED: _l("Penugasan dibatalkan"),
    NotificationKind.TIME_CHANGED: _l("Waktu kegiatan berubah"),
    NotificationKind.CANCELLED: _l("Kegiatan batal"),
    NotificationKind.CONSENT_LAPSED: _l("Persetujuan foto berakhir: foto dilepas dari siaran"),
}

SENSITIVE_SUBJECT_LABELS = {
    SensitiveSubject.CHILD: _l("Anak"),
    SensitiveSubject.AID_RECIPIENT: _l("Penerima bantuan"),
    SensitiveSubject.PATIENT: _l("Pasien"),
    SensitiveSubject.ASKED_NOT_SHOWN: _l("Minta tidak ditampilkan"),
}

PUBLISH_REFUSAL_LABELS = {
    PublishRefusal.LICENCE_INTERNAL: _l("lisensi internal"),
    PublishRefusal.NO_CONSENT: _l("belum ada persetujuan"),
    PublishRefusal.CONSENT_EXPIRED: _l("persetujuan sudah berakhir"),
    PublishRefusal.CONSENT_WITHDRAWN: _l("persetujuan ditarik"),
}

JOURNALIST_STATE_LABELS = {
    JournalistState.PENDING: _l("Menunggu keputusan"),
    JournalistState.APPROVED: _l("Disetujui"),
    JournalistState.REJECTED: _l("Ditolak"),
}

OUTLET_KIND_LABELS = {
    OutletKind.ONLINE: _l("Daring"),
    OutletKind.PRINT: _l("Cetak"),
    OutletKind.TV: _l("Televisi"),
    OutletKind.RADIO: _l("Radio"),
    OutletKind.SOCIAL: _l("Media sosial"),
}

PLACEMENT_STATE_LABELS = {
    PlacementState.SENT: _l("Dikirim"),
    PlacementState.PROOF_RECEIVED: _l("Bukti diterima"),
    PlacementState.VERIFIED: _l("Terverifikasi"),
    PlacementState.REJECTED: _l("Ditolak"),
    PlacementState.LATE: _l("Terlambat"),
}

PROOF_VERDICT_LABELS = {
    ProofVerdict.VERIFIED: _l("Sesuai"),
    ProofVerdict.INCOMPLETE: _l("Tidak lengkap"),
    ProofVerdict.NO_LABEL: _l("Tanpa label advertorial"),
    ProofVerdict.LATE: _l("Terbit terlambat"),
    ProofVerdict.NOT_FOUND: _l("Siaran tidak ditemukan"),
    ProofVerdict.UNREACHABLE: _l("Halaman tidak dapat dibuka"),
}

PROOF_KIND_LABELS = {
    ProofKind.SCAN: _l("Pindaian halaman cetak"),
    ProofKind.PHOTO: _l("Foto"),
    ProofKind.PDF: _l("Berkas PDF"),
    ProofKind.SCREENSHOT: _l("Tangkapan layar"),
    ProofKind.RECORDING: _l("Rujukan rekaman siaran"),
}

UKW_LEVEL_LABELS = {
    UkwLevel.MUDA: _l("Muda"),
    UkwLevel.MADYA: _l("Madya"),
    UkwLevel.UTAMA: _l("Utama"),
}

EMBARGO_AUDIENCE_LABELS = {
    EmbargoAudience.ALL: _l("Semua wartawan yang disetujui"),
    EmbargoAudience.VERIFIED: _l("Wartawan dari media terverifikasi Dewan Pers saja"),
}

EMBARGO_ACCESS_LABELS = {
    EmbargoAccess.VIEW: _l("membaca siaran"),
    EmbargoAccess.DOWNLOAD: _l("mengunduh foto"),
}

OUTBOX_PURPOSE_LABELS = {
    OutboxPurpose.RELEASE_ALERT: _l("Kabar siaran baru"),
    OutboxPurpose.FOLLOW_UP: _l("Kabar koreksi atau penarikan"),
    OutboxPurpose.DIGEST: _l("Ringkasan pagi"),
    OutboxPurpose.CONFIRMATION: _l("Konfirmasi alamat surel"),
    OutboxPurpose.JOURNALIST_DECISION: _l("Keputusan akun wartawan"),
    OutboxPurpose.ASSIGNMENT_NOTICE: _l("Pemberitahuan penugasan"),
}

OUTBOX_STATE_LABELS = {
    OutboxState.QUEUED: _l("Antre"),
    OutboxState.SENDING: _l("Sedang dikirim"),
    OutboxState.SENT: _l("Terkirim"),
    OutboxState.FAILED: _l("Gagal"),
    OutboxState.DROPPED: _l("Dibatalkan"),
}

SUBSCRIPTION_SCOPE_LABELS = {
    SubscriptionScope.ALL: _l("Semua siaran"),
    SubscriptionScope.UNIT: _l("Siaran satu unit"),
    SubscriptionScope.TAG: _l("Siaran satu topik"),
    SubscriptionScope.KIND: _l("Siaran satu jenis kegiatan"),
}

SUBSCRIPTION_CADENCE_LABELS = {
    SubscriptionCadence.IMMEDIATE: _l("Segera setelah terbit"),
    SubscriptionCadence.DIGEST: _l("Ringkasan pagi pukul 07.00 WIB"),
}

SUBSCRIPTION_STATE_LABELS = {
    SubscriptionState.PENDING: _l("Menunggu konfirmasi"),
    SubscriptionState.CONFIRMED: _l("Aktif"),
    SubscriptionState.UNSUBSCRIBED: _l("Berhenti"),
}

# The kinds of document search finds (``press.search.DOCUMENT_KINDS``), as its facet and hits name them.
DOCUMENT_KIND_LABELS = {
    "activity": _l("Kegiatan"),
    "release": _l("Siaran pers"),
    "photo": _l("Foto"),
    "note": _l("Catatan"),
}

LOCALE_LABELS = {"id": "Bahasa Indonesia", "en": "English"}

# Every code of press.codes and its labels: a test checks each member has one in both languages.
LABELS: dict[type[StrEnum], dict] = {
    ActivityKind: ACTIVITY_KIND_LABELS,
    Role: ROLE_LABELS,
    ReleaseState: STATE_LABELS,
    WorkflowAction: ACTION_LABELS,
    MediaStatus: MEDIA_STATUS_LABELS,
    ParticipantRole: PARTICIPANT_ROLE_LABELS,
    QuoteForm: QUOTE_FORM_LABELS,
    CorrectionKind: CORRECTION_KIND_LABELS,
    ExtractionState: EXTRACTION_STATE_LABELS,
    PpidClass: PPID_CLASS_LABELS,
    ActivityState: ACTIVITY_STATE_LABELS,
    AssignmentRole: ASSIGNMENT_ROLE_LABELS,
    NotificationKind: NOTIFICATION_KIND_LABELS,
    JournalistState: JOURNALIST_STATE_LABELS,
    OutletKind: OUTLET_KIND_LABELS,
    PlacementState: PLACEMENT_STATE_LABELS,
    ProofVerdict: PROOF_VERDICT_LABELS,
    ProofKind: PROOF_KIND_LABELS,
    UkwLevel: UKW_LEVEL_LABELS,
    EmbargoAudience: EMBARGO_AUDIENCE_LABELS,
    EmbargoAccess: EMBARGO_ACCESS_LABELS,
    OutboxPurpose: OUTBOX_PURPOSE_LABELS,
    OutboxState: OUTBOX_STATE_LABELS,
    SubscriptionScope: SUBSCRIPTION_SCOPE_LABELS,
    SubscriptionCadence: SUBSCRIPTION_CADENCE_LABELS,
    SubscriptionState: SUBSCRIPTION_STATE_LABELS,
    SensitiveSubject: SENSITIVE_SUBJECT_LABELS,
    PublishRefusal: PUBLISH_REFUSAL_LABELS,
}


def label(code: StrEnum):
    """What ``code`` is called in the reader's language (a lazy string)."""
    return LABELS[type(code)][code]


def error_text(exc: ServiceError) -> str:
    """A service's refusal in the reader's language; a code among its parameters (a release's
    state, say) is written as its label. The one way a refusal reaches a page: also for a
    refusal that is not raised (``notes.Refusal``), which has the same ``message`` and ``params``."""
    params = {name: label(value) if type(value) in LABELS else value for name, value in exc.params.items()}
    return gettext(exc.message, **params)
