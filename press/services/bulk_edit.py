"""Bulk edit of photos: one change applied to many, the refused ones listed, undone within a day.

``apply`` changes every photo it may and lists the others with a refusal code
(``press.problems``): the role may not (``not_permitted``), the photo may not be public
(``public.publish_refusal``: an internal licence, and whatever else the one public rule
adds), a photo without a preview made public (``no_preview``), a photo published releases
show whose text or flag would change without the correction they need
(``shown_by_release``). Nothing is half applied to a photo: its checks run first.

What each photo was before and after is kept on the ``BulkEdit`` row; ``undo`` restores
the photos still as the edit left them and lists those edited again since
(``edited_since``), left as they are. The public renditions are rewritten by the
``photos.bulk-render`` job, which takes its work from ``BulkEdit.pending`` (safe to run
twice: rewriting gives the same bytes), so the page shows its progress. One audit event
names every photo. No Flask; nothing here commits.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from press import jobs
from press.codes import MediaStatus
from press.errors import N_
from press.models import BulkEdit, Licence, Media, MediaTag, Person, User, utcnow
from press.numbers import parse_id
from press.photos.process import rewrite_public_meta
from press.problems import problem
from press.storage import StorageError, Store, store_from_config

from . import access, licences, photo_corrections, public
from .audit import record as audit
from .indexing import enqueue_index
from .media import UNKNOWN_PEOPLE, MediaError, clean_text, public_meta, sync_renditions
from .people import named_people
from .tags import attach_tags

RENDER_JOB = "photos.bulk-render"
UNDO_WINDOW = timedelta(days=1)
MAX_PHOTOS = 1000
CAPTION_MODES = ("replace", "prefix", "suffix")
TEXT_FIELDS = ("caption", "credit", "copyright")
SCALARS = ("caption", "credit", "copyright", "licence_id", "restrictions", "is_public", "is_highlight")
RENDERED = ("caption", "credit", "copyright", "licence_id", "restrictions")  # what the renditions carry
RENDER_CHUNK = 20


@dataclass(frozen=True)
class Changes:
    """What a bulk edit sets; ``None`` leaves a field as it is on each photo."""

    caption: str | None = None
    caption_mode: str = "replace"
    credit: str | None = None
    copyright: str | None = None
    people: tuple[int, ...] = ()
    tags: tuple[str, ...] = ()
    licence: str | None = None
    restrictions: str | None = None
    public: bool | None = None
    highlight: bool | None = None
    note: str | None = None  # the correction note for photos published releases show

    def is_empty(self) -> bool:
        return not any((self.caption, self.credit, self.copyright, self.people, self.tags, self.licence,
                        self.restrictions, self.public is not None, self.highlight is not None))


def parse_ids(values) -> list[int]:
    """Photo ids as typed (``"1,2, 3"`` or a list), in order, once each; refused when malformed,
    and at the first id past ``MAX_PHOTOS``, before reading the rest of a long paste."""
    raw = values.split(",") if isinstance(values, str) else values
    ids: dict[int, None] = {}
    for value in (str(v).strip() for v in raw):
        if not value:
            continue
        media_id = parse_id(value)
        if media_id is None:
            raise MediaError(N_("Nomor foto tidak sah: %(value)s."), value=value[:40])
        ids[media_id] = None
        if len(ids) > MAX_PHOTOS:
            raise MediaError(N_("Paling banyak %(limit)s foto sekali ubah."), limit=MAX_PHOTOS)
    if not ids:
        raise MediaError(N_("Pilih setidaknya satu foto."))
    return list(ids)


def _may(session: Session, actor: User | None, permission: str, media: Media) -> bool:
    return actor is None or access.allows(session, actor, permission, media)


def snapshot(session: Session, media: Media) -> dict:
    """The values a bulk edit changes, as they are now (JSON)."""
    values = {name: getattr(media, name) for name in SCALARS}
    values["people"] = sorted(p.id for p in media.people)
    values["tags"] = sorted(session.scalars(select(MediaTag.tag_id).where(MediaTag.media_id == media.id)))
    return values


def _checked(session: Session, changes: Changes):
    """The changes validated once for every photo: (licence or None, people, cleaned texts)."""
    if changes.caption_mode not in CAPTION_MODES:
        raise MediaError(N_("Cara mengubah keterangan tidak dikenal."))
    texts = {"caption": clean_text(changes.caption, multiline=True), "credit": clean_text(changes.credit),
             "copyright": clean_text(changes.copyright)}
    if len(texts["credit"] or "") > 200 or len(texts["copyright"] or "") > 200:
        raise MediaError(N_("Kredit dan hak cipta paling panjang 200 karakter."))
    if len(texts["caption"] or "") > 5000:
        raise MediaError(N_("Keterangan foto paling panjang 5000 karakter."))
    licence = None
    if changes.licence:
        licence = licences.by_code(session, changes.licence)
        if licence is None:
            raise MediaError(N_("Lisensi %(code)s tidak ada di daftar."), code=changes.licence[:40])
    people = named_people(session, changes.people)
    if people is None:
        raise MediaError(UNKNOWN_PEOPLE)
    if any(len(t) > 200 for t in changes.tags):
        raise MediaError(N_("Tag paling panjang 200 karakter."))
    return licence, people, texts, licences.clean_restrictions(changes.restrictions)


def _new_caption(current: str | None, text: str, mode: str) -> str:
    if mode == "prefix":
        return f"{text} {current}".strip() if current else text
    if mode == "suffix":
        return f"{current} {text}".strip() if current else text
    return text


def _refusal(session: Session, actor: User | None, media: Media, changes: Changes, texts: dict) -> dict | None:
    """Why this photo is left as it is (checks only: nothing changed yet)."""
    if not _may(session, actor, "photo.edit", media):
        return problem("not_permitted")
    if changes.public is not None and not _may(session, actor, "photo.publish", media):
        return problem("not_permitted")
    if changes.public and media.status != MediaStatus.OK:
        return problem("no_preview")
    shown = photo_corrections.releases_showing(session, media)
    texts_change = any(v is not None for v in texts.values())
    if shown and (changes.public is False or (texts_change and not (
            photo_corrections.may_correct(session, actor, media) and (changes.note or "").strip()))):
        return problem("shown_by_release", titles="; ".join(f"«{r.title}»" for r in shown))
    return None


def _apply_scalars(media: Media, changes: Changes, licence, texts: dict, restrictions) -> None:
    if texts["caption"] is not None:
        media.caption = _new_caption(media.caption, texts["caption"], changes.caption_mode)[:5000]
    for name in ("credit", "copyright"):
        if texts[name] is not None:
            setattr(media, name, texts[name])
    if licence is not None:
        media.licence, media.licence_id = licence, licence.id  # the id too: snapshots read it before a flush
    if restrictions is not None:
        media.restrictions = restrictions
    if changes.public is not None:
        media.is_public = changes.public
    if changes.highlight is not None:
        media.is_highlight = changes.highlight


def _restore_scalars(session: Session, media: Media, values: dict) -> None:
    for name in SCALARS:
        if name != "licence_id":
            setattr(media, name, values[name])
    media.licence = session.get(Licence, values["licence_id"]) if values["licence_id"] else None
    media.licence_id = values["licence_id"]


def apply(session: Session, actor: User | None, media_ids, changes: Changes, *, activity_id: int | None = None) -> BulkEdit:
    """Apply ``changes`` to each photo of ``media_ids`` it may; the ``BulkEdit`` with the refused listed."""
    ids = parse_ids(media_ids)
    if changes.is_empty():
        raise MediaError(N_("Tidak ada yang diubah: isi setidaknya satu kolom."))
    licence, people, texts, restrictions = _checked(session, changes)
    found = {m.id: m for m in session.scalars(
        select(Media).where(Media.id.in_(ids)).options(selectinload(Media.people), selectinload(Media.renditions)))}
    edit = BulkEdit(activity_id=activity_id, actor_id=actor.id if actor else None, state="applied",
                    changes={k: v for k, v in asdict(changes).items() if v not in (None, (), "")},
                    photos=[], refused=[], pending=[], kept=[])
    edit.changes["people"], edit.changes["tags"] = list(changes.people), list(changes.tags)
    done, refused, pending = [], [], []
    for media_id in ids:
        media = found.get(media_id)
        refusal = problem("not_found", id=media_id) if media is None else _refusal(session, actor, media, changes, texts)
        if refusal is None:
            before = snapshot(session, media)
            _apply_scalars(media, changes, licence, texts, restrictions)
            if media.is_public or photo_corrections.releases_showing(session, media):
                refusal = public.publish_refusal(media)
            if refusal is not None:
                _restore_scalars(session, media, before)
        if refusal is not None:
            refused.append({"media_id": media_id, **refusal})
            continue
        changed_text = [n for n in TEXT_FIELDS if before[n] != getattr(media, n)]
        if changed_text:
            photo_corrections.correct_text(session, media, actor, changes.note, changed_text)
        if people:
            media.people = sorted({*media.people, *people}, key=lambda p: p.id)
        if changes.tags:
            attach_tags(session, "media", media.id, [("topic", t, "manual") for t in changes.tags])
        after = snapshot(session, media)
        if after == before:
            continue
        done.append({"id": media.id, "before": before, "after": after})
        if media.renditions and any(before[n] != after[n] for n in RENDERED):
            pending.append(media.id)
        media.updated_at = utcnow()
        enqueue_index(session, "photo", media.id)
    edit.photos, edit.refused, edit.pending = done, refused, pending
    edit.changes["render_total"] = len(pending)
    session.add(edit)
    session.flush()
    audit(session, actor, "media.bulk_edit", edit, media=[p["id"] for p in done],
          refused=[r["media_id"] for r in refused], activity_id=activity_id)
    if pending:
        jobs.after_commit(session, RENDER_JOB)
    return edit


def may_undo(edit: BulkEdit, now=None) -> bool:
    return edit.state == "applied" and (now or utcnow()) - edit.created_at <= UNDO_WINDOW and bool(edit.photos)


def undo(session: Session, actor: User | None, edit: BulkEdit) -> BulkEdit:
    """Put back what ``edit`` changed on each photo still as it left it; the others are
    listed in ``edit.kept`` (``edited_since``, or the refusal of the undo) and left as they are."""
    if edit.state != "applied":
        raise MediaError(N_("Suntingan massal ini sudah dibatalkan."))
    if not may_undo(edit):
        raise MediaError(N_("Suntingan massal hanya dapat dibatalkan dalam sehari."))
    media_by_id = {m.id: m for m in session.scalars(
        select(Media).where(Media.id.in_([p["id"] for p in edit.photos]))
        .options(selectinload(Media.people), selectinload(Media.renditions)))}
    kept, pending, restored = [], [], []
    for entry in edit.photos:
        media, before, after = media_by_id.get(entry["id"]), entry["before"], entry["after"]
        if media is None:
            kept.append({"media_id": entry["id"], **problem("not_found", id=entry["id"])})
            continue
        now = snapshot(session, media)
        if any(now[k] != after[k] for k in (*SCALARS, "people")):
            kept.append({"media_id": media.id, **problem("edited_since")})
            continue
        if not _may(session, actor, "photo.edit", media) or (
                before["is_public"] != after["is_public"] and not _may(session, actor, "photo.publish", media)):
            kept.append({"media_id": media.id, **problem("not_permitted")})
            continue
        if photo_corrections.releases_showing(session, media) and any(before[n] != after[n] for n in TEXT_FIELDS):
            kept.append({"media_id": media.id, **problem(
                "shown_by_release", titles="; ".join(f"«{r.title}»" for r in photo_corrections.releases_showing(session, media)))})
            continue
        _restore_scalars(session, media, before)
        media.people = list(session.scalars(select(Person).where(Person.id.in_(before["people"])))) if before["people"] else []
        added = set(after["tags"]) - set(before["tags"])
        if added:
            session.execute(delete(MediaTag).where(MediaTag.media_id == media.id, MediaTag.tag_id.in_(added)))
        restored.append(media.id)
        if media.renditions and any(before[n] != after[n] for n in RENDERED):
            pending.append(media.id)
        media.updated_at = utcnow()
        enqueue_index(session, "photo", media.id)
    edit.state, edit.undone_at, edit.kept = "undone", utcnow(), kept
    edit.pending = sorted(set(edit.pending) | set(pending))
    edit.changes = {**edit.changes, "render_total": len(edit.pending)}
    edit.rendered = 0
    audit(session, actor, "media.bulk_undo", edit, media=restored, kept=[k["media_id"] for k in kept])
    if edit.pending:
        jobs.after_commit(session, RENDER_JOB)
    session.flush()
    return edit


def progress(edit: BulkEdit) -> dict:
    """``{"done": n, "total": n}`` of the renditions' rewrite."""
    total = int((edit.changes or {}).get("render_total", 0))
    return {"done": max(0, total - len(edit.pending or [])), "total": total}


def history(session: Session, activity_id: int, *, limit: int = 20) -> list[BulkEdit]:
    """The activity's bulk edits, newest first."""
    return list(session.scalars(select(BulkEdit).where(BulkEdit.activity_id == activity_id)
                                .order_by(BulkEdit.id.desc()).limit(limit)))


def render_pending(session: Session, storage: Store, edit: BulkEdit, *, chunk: int = RENDER_CHUNK) -> int:
    """Rewrite the public metadata of the next ``chunk`` pending photos of ``edit``; how many."""
    ids = list(edit.pending or [])[:chunk]
    if not ids:
        return 0
    photos = session.scalars(select(Media).where(Media.id.in_(ids)).options(
        selectinload(Media.renditions), selectinload(Media.licence)))
    for media in photos:
        if not media.renditions:
            continue
        try:
            paths = rewrite_public_meta(storage, media.sha256, public_meta(media))
        except (StorageError, OSError) as exc:
            raise MediaError(N_("Metadata foto tidak dapat ditulis ulang: %(error)s"), error=str(exc)) from exc
        sync_renditions(storage, media, paths)
    edit.pending = [i for i in edit.pending if i not in ids]
    edit.rendered = progress(edit)["done"]
    return len(ids)


@jobs.periodic(RENDER_JOB, every=60)
def render_job(ctx: jobs.JobContext) -> None:
    """Rewrite the renditions of every bulk edit's pending photos, a chunk per transaction."""
    storage = store_from_config(ctx.config)
    while True:
        edit = ctx.session.scalars(select(BulkEdit).where(func.json_array_length(BulkEdit.pending) > 0).order_by(BulkEdit.id)).first()
        if edit is None or not edit.pending:
            return
        render_pending(ctx.session, storage, edit)
        ctx.session.commit()

