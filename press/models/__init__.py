"""The domain model of DESIGN.md as plain SQLAlchemy 2 mappings (no Flask).

Imports nothing of ``press`` outside this package but the codes (``press.codes``), so stages, services, the CLI and
worker processes can use the models without an application.
"""
from .activity import ACTIVITY_KINDS, ACTIVITY_STATES, PARTICIPANT_ROLES, Activity, Participant
from .audit import AuditEvent, IndexQueueEntry
from .base import Base, utcnow
from .check_dismissal import CheckDismissal
from .consent import ConsentRecord
from .glossary_entry import GlossaryEntry
from .journalist import EmbargoOpening, EmbargoView, Journalist, Outlet
from .media import Media, Rendition, media_person
from .note import NOTE_SOURCES, Note
from .partner import Contract, Partner, contract_unit
from .placement import Clipping, Placement, ProofCheck, ProofFile
from .outbox import DigestListing, MailAddress, MailOwed, OutboxImage, OutboxMessage, Subscription
from .note_correction import CORRECTION_KINDS, NoteCorrection
from .photo_desk import BULK_STATES, BulkEdit, Collection, CollectionItem, Licence, UnitLicence
from .person import ACTING_PREFIXES, Person, Position
from .print_request import PrintRequest
from .planning import ASSIGNMENT_ROLES, NOTIFICATION_KINDS, Assignment, Notification
from .release import RELEASE_STATES, Release, ReleasePhoto, ReleaseSlug, ReleaseTemplate, Revision
from .tag import TAG_KINDS, TAG_SOURCES, ActivityTag, MediaTag, ReleaseTag, Tag
from .unit import Unit
from .user import LOCALES, ROLES, User
from .venue import Venue
from .whatsapp import WhatsAppGroup, WhatsAppSend, WhatsAppSetting

__all__ = [
    "ACTIVITY_KINDS", "ACTIVITY_STATES", "ASSIGNMENT_ROLES", "NOTIFICATION_KINDS", "ACTING_PREFIXES", "CORRECTION_KINDS", "LOCALES", "NOTE_SOURCES", "PARTICIPANT_ROLES",
    "RELEASE_STATES", "ROLES", "TAG_KINDS", "TAG_SOURCES",
    "BULK_STATES", "BulkEdit", "Collection", "CollectionItem", "Licence", "UnitLicence",
    "Activity", "ActivityTag", "EmbargoOpening", "EmbargoView", "Journalist", "Outlet", "Assignment", "CheckDismissal", "ConsentRecord", "GlossaryEntry", "Notification", "AuditEvent", "Base", "IndexQueueEntry", "Media", "MediaTag",
    "DigestListing", "MailAddress", "MailOwed", "Note", "NoteCorrection", "OutboxImage", "OutboxMessage", "Subscription", "Participant", "Person", "Position", "PrintRequest", "Release", "ReleasePhoto", "ReleaseSlug", "ReleaseTag", "ReleaseTemplate",
    "Rendition", "Revision", "Tag", "Unit", "User", "Venue",
    "Clipping", "Contract", "Partner", "Placement", "ProofCheck", "ProofFile", "contract_unit",
    "WhatsAppGroup", "WhatsAppSend", "WhatsAppSetting", "media_person", "utcnow",
]
