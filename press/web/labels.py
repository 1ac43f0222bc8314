"""Translatable labels for the domain's codes (kinds, roles, states, actions).

Each label is defined here once; templates get them from the ``labels`` context
processor of ``press.web.i18n``.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from press.codes import Role

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
    Role.ADMIN: _l("Admin"),
    Role.EDITOR: _l("Redaktur"),
    Role.WRITER: _l("Penulis"),
    Role.PHOTOGRAPHER: _l("Fotografer"),
}

PARTICIPANT_ROLE_LABELS = {
    "host": _l("Tuan rumah"),
    "guest": _l("Tamu"),
    "speaker": _l("Narasumber"),
    "attendee": _l("Peserta"),
}

# One label per action a release's history records (``release.<action>`` audit events):
# the workflow's moves, the embargo clock, and the writers' edits.
ACTION_LABELS = {
    "submit": _l("Ajukan untuk ditinjau"),
    "send_back": _l("Kembalikan ke penulis"),
    "approve": _l("Setujui"),
    "publish": _l("Terbitkan sekarang"),
    "schedule": _l("Jadwalkan (embargo)"),
    "unschedule": _l("Batalkan jadwal"),
    "correct": _l("Terbitkan koreksi"),
    "retract": _l("Tarik siaran"),
    "publish_due": _l("Terbit otomatis (embargo berakhir)"),
    "draft": _l("Draf dibuat dari kegiatan"),
    "save": _l("Disimpan (revisi baru)"),
    "photo_attach": _l("Foto dilampirkan"),
    "photo_detach": _l("Foto dilepas"),
    "photo_order": _l("Urutan foto diubah"),
    "photo_caption": _l("Keterangan foto diubah"),
}

LOCALE_LABELS = {"id": "Bahasa Indonesia", "en": "English"}
