"""The domain's codes: the values stored in rows, sent by forms and compared in code.

Each is a ``StrEnum``, so a member equals its string (``Role.ADMIN == "admin"``) and rows
keep the text they always held. Base layer: no Flask, importable by models, stages and
services. What each code is called in Indonesian and English is in ``press/web/labels.py``.
"""
from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """An account's one role; what each may do, and where, is ``press.permissions.TABLE``.
    ``JOURNALIST`` is no staff role: journalists have their own accounts (``Journalist``),
    sign in on the public site and never reach a staff page."""

    ADMIN = "admin"
    EDITOR = "editor"
    """The central editor (redaktur) of the Humas office: reviews and publishes for every unit."""
    UNIT_EDITOR = "unit_editor"
    """A unit's own editor (redaktur unit): approves inside the unit; publishes only where the
    admin lets the unit publish itself."""
    WRITER = "writer"
    PHOTOGRAPHER = "photographer"
    JOURNALIST = "journalist"


STAFF_ROLES = tuple(role for role in Role if role is not Role.JOURNALIST)
"""The roles a staff account (``User.role``) may hold."""


class ActivityKind(StrEnum):
    """The twelve kinds of activity of ``../shared/INDONESIAN.md`` and the press invitation;
    each selects a release template (``templates/releases/<kind>.jinja``)."""

    KUNJUNGAN_KERJA = "kunjungan_kerja"
    STUDI_BANDING = "studi_banding"
    RAPAT_KOORDINASI = "rapat_koordinasi"
    PERESMIAN = "peresmian"
    SOSIALISASI = "sosialisasi"
    PENYERAHAN_BANTUAN = "penyerahan_bantuan"
    UPACARA = "upacara"
    PENANDATANGANAN_MOU = "penandatanganan_mou"
    PELANTIKAN = "pelantikan"
    AUDIENSI = "audiensi"
    LOMBA_FESTIVAL = "lomba_festival"
    BAKTI_SOSIAL = "bakti_sosial"
    UNDANGAN_LIPUTAN = "undangan_liputan"
    """The press invitation: its template invites journalists (time, place, dress code, contact)."""


class ParticipantRole(StrEnum):
    """What a participant is at an activity; the release templates name them by role."""

    HOST = "host"
    GUEST = "guest"
    SPEAKER = "speaker"
    ATTENDEE = "attendee"


class QuoteForm(StrEnum):
    """How a note gives a quote: the speaker's words inside quote marks, or reported."""

    DIRECT = "direct"
    INDIRECT = "indirect"


class CorrectionKind(StrEnum):
    """What a writer corrected on a note's review page (``NoteCorrection.kind``)."""

    NOT_PERSON = "not_person"
    TITLE = "title"
    NAME = "name"
    HONORIFICS = "honorifics"
    RANKS = "ranks"
    DEGREES = "degrees"


class ReleaseState(StrEnum):
    """Where a release is in the workflow (``press.services.workflow.TRANSITIONS``)."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    RETRACTED = "retracted"


class WorkflowAction(StrEnum):
    """What moves a release from one state to another; the audit event is ``release.<action>``."""

    SUBMIT = "submit"
    SEND_BACK = "send_back"
    APPROVE = "approve"
    PUBLISH = "publish"
    SCHEDULE = "schedule"
    UNSCHEDULE = "unschedule"
    CORRECT = "correct"
    RETRACT = "retract"
    PUBLISH_DUE = "publish_due"
    """The embargo clock's, never a person's: in audit events only."""


class MediaStatus(StrEnum):
    """Whether a photo's pixels can be shown: only ``OK`` photos have previews the public may see."""

    OK = "ok"
    PROCESSING = "processing"
    """The original is checked and stored; the ``media.process`` job is making its renditions."""
    REJECTED = "rejected"
    """The original passed the upload's checks but its pixels could not be rendered
    (``Media.problems`` says why); kept so the photographer sees what happened."""
    METADATA_ONLY = "metadata_only"
    """The pixels are damaged but the facts (time, camera, place) were kept; no previews."""
    MISSING = "missing"
    """The original is no longer in the store (``flask doctor --repair`` marks it)."""
    DAMAGED = "damaged"
    """The original no longer hashes to its key."""


class ExtractionState(StrEnum):
    """Whether a note's text has been through the extractor (``Note.extraction_state``). A note is
    stored ``PENDING`` and extracted after the commit; pending or failed, it is "belum diekstrak"
    and can be extracted again."""

    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"
    """The extractor raised; the note's text is kept."""

class PpidClass(StrEnum):
    """A release's or an activity's class of public information (UU 14/2008 on public
    information, the PPID's list): what the public may see of it. An activity's photos
    follow its class. Only ``DIKECUALIKAN`` changes what the public sees: it never does."""

    BERKALA = "berkala"
    """Published periodically (programmes, reports, the agenda)."""
    SERTA_MERTA = "serta_merta"
    """Published at once (a threat to life or public order: disasters, outbreaks)."""
    SETIAP_SAAT = "setiap_saat"
    """Available at any time; the default, and what the migration gave existing rows."""
    DIKECUALIKAN = "dikecualikan"
    """Exempt: never on the public site, its feeds, API, search or export."""


class ActivityState(StrEnum):
    """Where an activity is in the office's plan (``Activity.state``): planned, covered (the
    photographers and writers were there), done (its work is finished) or cancelled (kept, so
    the agenda can say so)."""

    PLANNED = "direncanakan"
    COVERED = "diliput"
    DONE = "selesai"
    CANCELLED = "batal"


class AssignmentRole(StrEnum):
    """What a staff member is assigned to do at an activity (``Assignment.role``)."""

    PHOTOGRAPHER = "photographer"
    WRITER = "writer"


class NotificationKind(StrEnum):
    """What an in-app notification tells its user about an activity (``Notification.kind``)."""

    ASSIGNED = "assigned"
    UNASSIGNED = "unassigned"
    TIME_CHANGED = "time_changed"
    CANCELLED = "cancelled"
    CONSENT_LAPSED = "consent_lapsed"
    """A photo a published release showed lost its consent and left the public site
    (``data``: the release and the photo)."""


class JournalistState(StrEnum):
    """Where a journalist's account is: registered (its e-mail confirmed or not) and waiting
    for an editor, approved, or rejected with a reason. Only approved journalists sign in."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class OutletKind(StrEnum):
    """What kind of news outlet a journalist works for (``Outlet.kind``)."""

    ONLINE = "online"
    PRINT = "print"
    TV = "tv"
    RADIO = "radio"
    SOCIAL = "social"
    """An account on Instagram, Facebook and the like: a media partner's proof is a screenshot."""


class UkwLevel(StrEnum):
    """The level of a journalist's competency certificate (Uji Kompetensi Wartawan, Dewan Pers)."""

    MUDA = "muda"
    MADYA = "madya"
    UTAMA = "utama"


class EmbargoAudience(StrEnum):
    """Which approved journalists see a scheduled release before its embargo ends."""

    ALL = "all"
    VERIFIED = "verified"
    """Only journalists of outlets verified by the Dewan Pers (as an editor recorded it)."""


class EmbargoAccess(StrEnum):
    """What a journalist did with an embargoed release (``EmbargoView.action``)."""

    VIEW = "view"
    DOWNLOAD = "download"


class OutboxPurpose(StrEnum):
    """Why a message sits in the outbox (``OutboxMessage.purpose``); one row per purpose,
    object and address, so nothing is sent twice."""

    RELEASE_ALERT = "release_alert"
    """A release was published; to each subscriber it matches, at once."""
    FOLLOW_UP = "follow_up"
    """A release was corrected or retracted; to everyone who received its alert."""
    DIGEST = "digest"
    """The morning digest of one day's releases (07.00 WIB)."""
    CONFIRMATION = "confirmation"
    """Confirm an address: a subscription's double opt-in, a journalist's registration."""
    JOURNALIST_DECISION = "journalist_decision"
    """An editor approved or rejected a journalist's account."""
    ASSIGNMENT_NOTICE = "assignment_notice"
    """A planning notification (assigned, taken off, time changed, cancelled) by e-mail."""


class OutboxState(StrEnum):
    """Where a message is in the outbox (``OutboxMessage.state``)."""

    QUEUED = "queued"
    SENDING = "sending"
    """Claimed by a sender before the SMTP ``DATA``; sent again after the in-flight window."""
    SENT = "sent"
    FAILED = "failed"
    """Refused for good (5xx), too many temporary failures, or the address is disabled."""
    DROPPED = "dropped"
    """Nothing left to send: the release is no longer public, the subscription ended."""


class SubscriptionScope(StrEnum):
    """What a subscription follows (``Subscription.scope``); ``scope_value`` names the unit,
    tag or activity kind."""

    ALL = "all"
    UNIT = "unit"
    TAG = "tag"
    KIND = "kind"


class SubscriptionCadence(StrEnum):
    """When a subscriber hears of a release: at once, or in the 07.00 WIB morning digest."""

    IMMEDIATE = "immediate"
    DIGEST = "digest"


class SubscriptionState(StrEnum):
    """A subscription waits for its address to be confirmed (double opt-in), then runs until unsubscribed."""

    PENDING = "pending"
    CONFIRMED = "confirmed"
    UNSUBSCRIBED = "unsubscribed"


class SensitiveSubject(StrEnum):
    """Why a photo may not be public without a consent record covering it (``Media.sensitive``)."""

    CHILD = "anak"
    AID_RECIPIENT = "penerima_bantuan"
    PATIENT = "pasien"
    ASKED_NOT_SHOWN = "minta_tidak_ditampilkan"


class PublishRefusal(StrEnum):
    """Why a photo cannot be made public now (``public.publish_refusal``). Each is also a
    problem code: its sentence, the one every page, bulk edit and command shows, is in
    ``press.problems.MESSAGES``; its label (a badge) in ``press.web.labels``."""

    LICENCE_INTERNAL = "licence_internal"
    NO_CONSENT = "consent_missing"
    CONSENT_EXPIRED = "consent_expired"
    CONSENT_WITHDRAWN = "consent_withdrawn"


class PlacementState(StrEnum):
    """Where a release placed with a media partner is (``Placement.state``): sent to the
    partner, its proof received, verified or rejected (with a reason) by an editor, or late
    (the daily ``placements.late`` job: the due date passed with no proof)."""

    SENT = "sent"
    PROOF_RECEIVED = "proof_received"
    VERIFIED = "verified"
    REJECTED = "rejected"
    LATE = "late"


class ProofVerdict(StrEnum):
    """What a check of a proof of publication proposes (``ProofCheck.verdict``), or the verdict
    an editor gave a placement (``Placement.verdict``): ``press.proofs`` decides the first."""

    VERIFIED = "verified"
    INCOMPLETE = "incomplete"
    NO_LABEL = "no_label"
    LATE = "late"
    NOT_FOUND = "not_found"
    UNREACHABLE = "unreachable"


class ProofKind(StrEnum):
    """What a proof of publication is (``ProofFile.kind``): a page address is checked
    (``ProofCheck``); the other kinds are files or a reference judged by an editor."""

    SCAN = "scan"
    PHOTO = "photo"
    PDF = "pdf"
    SCREENSHOT = "screenshot"
    RECORDING = "recording"
    """A broadcast's reference (programme, time, archive number), no file needed."""
