"""Translatable labels for the domain's codes (kinds, roles, states)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

KIND_LABELS = {
    "kunjungan_kerja": _l("Kunjungan kerja"),
    "studi_banding": _l("Studi banding"),
    "rapat_koordinasi": _l("Rapat koordinasi"),
    "peresmian": _l("Peresmian"),
    "sosialisasi": _l("Sosialisasi"),
    "penyerahan_bantuan": _l("Penyerahan bantuan"),
    "upacara": _l("Upacara"),
    "penandatanganan_mou": _l("Penandatanganan MoU/PKS"),
    "pelantikan": _l("Pelantikan"),
    "audiensi": _l("Audiensi"),
    "lomba_festival": _l("Lomba / festival"),
    "bakti_sosial": _l("Bakti sosial"),
}

ROLE_LABELS = {
    "admin": _l("Admin"),
    "editor": _l("Redaktur"),
    "writer": _l("Penulis"),
    "photographer": _l("Fotografer"),
}

PARTICIPANT_ROLE_LABELS = {
    "host": _l("Tuan rumah"),
    "guest": _l("Tamu"),
    "speaker": _l("Narasumber"),
    "attendee": _l("Peserta"),
}

LOCALE_LABELS = {"id": "Bahasa Indonesia", "en": "English"}
