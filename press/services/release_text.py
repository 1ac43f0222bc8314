"""A release's text as stored: the length limits of each part and the cleaning rules.

Read by the release editor (:mod:`press.services.releases`), the workflow's corrections
and notes (:mod:`press.services.workflow`) and the pages' ``maxlength``; kept apart so
neither service needs the other for them.
"""
from __future__ import annotations

from press.errors import N_, ServiceError

# The longest text (in characters) each part of a release and each note on a workflow
# action may hold: the editor, the correction form, the workflow and the pages' maxlength
# read them here. "comment" is a revision's comment or the note sent back to the writer,
# "note" the public "Diperbarui" note of a correction, "notice" the public retraction notice.
LIMITS = {"title": 300, "dateline": 200, "body": 100_000, "signature": 60, "comment": 500, "note": 500, "notice": 2000}
# What a refusal says for each part over its limit, one whole sentence each so that it
# translates as one.
TOO_LONG = {
    "title": N_("Judul terlalu panjang: paling banyak %(limit)s huruf."),
    "dateline": N_("Baris tempat terlalu panjang: paling banyak %(limit)s huruf."),
    "body": N_("Isi siaran terlalu panjang: paling banyak %(limit)s huruf."),
    "signature": N_("Tanda akhir terlalu panjang: paling banyak %(limit)s huruf."),
    "comment": N_("Catatan terlalu panjang: paling banyak %(limit)s huruf."),
    "note": N_("Catatan “Diperbarui” terlalu panjang: paling banyak %(limit)s huruf."),
    "notice": N_("Pemberitahuan penarikan terlalu panjang: paling banyak %(limit)s huruf."),
}


class ReleaseError(ServiceError):
    """A release change refused; the message says why."""


def check_length(name: str, value: str | None) -> None:
    """Refuse ``value`` if it is longer than ``LIMITS[name]``, naming the part and the limit."""
    limit = LIMITS[name]
    if value and len(value) > limit:
        raise ReleaseError(TOO_LONG[name], limit=limit)


def clean_text(title, dateline, body, signature) -> dict:
    """The release's text as stored (spaces collapsed, paragraphs one blank line apart),
    refused when the title or body is empty or any part is over its limit."""
    text = {
        "title": " ".join((title or "").split()),
        "dateline": " ".join((dateline or "").split()) or None,
        "body": "\n\n".join(line.strip() for line in (body or "").replace("\r\n", "\n").split("\n") if line.strip()),
        "signature": " ".join((signature or "").split()) or None,
    }
    if not text["title"]:
        raise ReleaseError(N_("Siaran harus punya judul."))
    if not text["body"]:
        raise ReleaseError(N_("Isi siaran tidak boleh kosong."))
    for name, value in text.items():
        check_length(name, value)
    return text
