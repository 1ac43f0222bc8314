"""The demo's photo desk: licences on the example gallery (through a bulk edit, so its
history shows one to undo), the Humas office's default licence, and a public collection
with a cover."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.models import Unit, User


def load_demo_photo_desk(session: Session, storage, photos: list) -> None:
    """``photos``: the example gallery in ``DEMO_PHOTOS`` order (public: 0, 1, 4; private: 2, 3)."""
    from press.services import bulk_edit, collections, licences

    if len(photos) < 5:
        return
    editor = session.scalar(select(User).where(User.email == "redaktur@siaran.test"))
    humas = session.scalar(select(Unit).where(Unit.abbreviation == "Bagian Humas Setda"))
    if humas is not None:
        licences.set_unit_default(session, None, humas, licences.by_code(session, "media-kredit"))
    activity_id = photos[0].activity_id
    for ids, changes in (
        ([photos[0].id, photos[1].id], bulk_edit.Changes(licence="media-kredit")),
        ([photos[4].id], bulk_edit.Changes(licence="cc-by-4.0", restrictions="Tidak untuk iklan atau kampanye politik")),
        ([photos[2].id, photos[3].id], bulk_edit.Changes(licence="internal")),
    ):
        edit = bulk_edit.apply(session, editor, ids, changes, activity_id=activity_id)
        while bulk_edit.render_pending(session, storage, edit):
            pass
    collection = collections.save(session, editor, name="Keterbukaan Informasi Publik",
                                  description="Foto kunjungan dan diskusi tentang layanan informasi publik.")
    collections.add_photos(session, editor, collection, [photos[4].id, photos[0].id, photos[1].id, photos[3].id])
    collections.save(session, editor, name=collection.name, description=collection.description, public_=True,
                     cover_id=photos[4].id, collection=collection)
