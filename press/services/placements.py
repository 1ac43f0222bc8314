"""Placements: a published release sent to media partners, and what comes back.

An editor (``placement.edit``) picks the partners; each placement falls under the
partner's contract running today for the release's unit, and is due ``due_days`` after
today unless the editor writes another day. The proof comes back as a page address,
typed by staff or given by the partner through the placement's link (a signed token:
the link takes one proof, and none once the placement is decided), or as files an editor
judges by eye (print, TV, radio, social media). A page is checked by the ``proofs.check``
job (``press.services.proof_checks``); the editor then confirms it or rejects it with a
reason. The ``placements.late`` job marks the placements whose due day passed with no proof.
"""
from __future__ import annotations

import io
from datetime import date, timedelta
from urllib.parse import urlsplit

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from press import jobs
from press.codes import PlacementState, ProofKind, ProofVerdict, ReleaseState
from press.dates import office_today
from press.errors import N_, ServiceError
from press.models import Partner, Placement, ProofCheck, ProofFile, Release, User, utcnow
from press.models.placement import MAX_URL
from press.photos.errors import Rejected
from press.storage import Store

from . import access
from .audit import record
from .consent import scan_type
from .partners import contract_for

CHECK_JOB = "proofs.check"
LATE_JOB = "placements.late"
DECIDED = (PlacementState.VERIFIED, PlacementState.REJECTED)
MAX_REASON = 1000
MAX_REFERENCE = 1000
MAX_PROOF_BYTES = 25 * 1024 * 1024


class PlacementError(ServiceError):
    """A placement or its proof cannot be recorded as asked; the message says why."""


class PlacementClosed(PlacementError):
    """The placement takes no more proofs: decided, or (through the partner's link) one received."""


def require_desk(session: Session, actor: User | None) -> None:
    """Refuse anyone who may not keep placements and clippings (``placement.edit``)."""
    access.require_user(session, actor, "placement.edit", error=PlacementError)


def listing(session: Session, *, release_id: int | None = None, state: str | None = None) -> list[Placement]:
    query = select(Placement).order_by(Placement.due_on, Placement.id)
    if release_id is not None:
        query = query.where(Placement.release_id == release_id)
    if state is not None:
        query = query.where(Placement.state == state)
    return list(session.scalars(query))


def checked_url(url: str | None) -> str:
    """A page address as given (spaces around it dropped); refused unless it is an http or
    https address with a site name."""
    url = (url or "").strip()
    parts = urlsplit(url) if url and len(url) <= MAX_URL and not any(c.isspace() for c in url) else None
    try:
        host = parts.hostname if parts else None
    except ValueError:
        host = None
    if parts is None or parts.scheme not in ("http", "https") or not host:
        raise PlacementError(N_("“%(url)s” bukan alamat halaman web; salin alamat lengkapnya, mulai dari https://."),
                             url=url[:200])
    return url


def place(session: Session, actor: User | None, release: Release, partners: list[Partner], *,
          due_on: date | None = None, today: date | None = None) -> list[Placement]:
    """Send ``release`` (published) to each of ``partners``."""
    require_desk(session, actor)
    if release.state != ReleaseState.PUBLISHED:
        raise PlacementError(N_("Hanya siaran yang sudah terbit yang dapat dikirim ke mitra media."))
    if not partners:
        raise PlacementError(N_("Pilih sedikitnya satu mitra media."))
    today = today or office_today()
    if due_on is not None and due_on < today:
        raise PlacementError(N_("Tenggat tayang tidak boleh sebelum hari ini."))
    unit_id = access.unit_of(release) or None
    placed = []
    for partner in dict.fromkeys(partners):
        if session.scalar(select(Placement.id).where(Placement.release_id == release.id,
                                                     Placement.partner_id == partner.id)):
            raise PlacementError(N_("Siaran ini sudah dikirim ke %(name)s."), name=partner.name)
        contract = contract_for(partner, unit_id, today)
        if contract is None:
            raise PlacementError(N_("%(name)s tidak punya kontrak yang berlaku hari ini untuk unit siaran ini."),
                                 name=partner.name)
        placement = Placement(release=release, partner=partner, contract=contract, state=PlacementState.SENT,
                              due_on=due_on or today + timedelta(days=contract.due_days),
                              created_by_id=actor.id if actor is not None else None)
        session.add(placement)
        session.flush()
        record(session, actor, "placement.sent", placement, release=release.id, partner=partner.name,
               due=placement.due_on.isoformat())
        placed.append(placement)
    return placed


def set_due(session: Session, actor: User | None, placement: Placement, due_on: date | None, *,
            today: date | None = None) -> None:
    """Move the due day of an undecided placement; a late one whose new day is still ahead
    is sent again."""
    require_desk(session, actor)
    _undecided(placement)
    if due_on is None:
        raise PlacementError(N_("Tulis tanggal tenggat tayang."))
    placement.due_on = due_on
    if placement.state == PlacementState.LATE and due_on >= (today or office_today()):
        placement.state = PlacementState.SENT
    record(session, actor, "placement.due", placement, due=due_on.isoformat())


def _undecided(placement: Placement) -> None:
    if placement.state == PlacementState.VERIFIED:
        raise PlacementClosed(N_("Penempatan ini sudah diverifikasi; buktinya tidak dapat diubah lagi."))
    if placement.state == PlacementState.REJECTED:
        raise PlacementClosed(N_("Penempatan ini sudah ditolak: %(reason)s"), reason=placement.rejection_reason or "")


def link_open(placement: Placement) -> None:
    """Refuse (``PlacementClosed``) when the partner's link takes no proof any more: one
    was received, or the placement is decided."""
    _undecided(placement)
    if placement.state == PlacementState.PROOF_RECEIVED:
        raise PlacementClosed(N_("Bukti tayang untuk penempatan ini sudah diterima dan sedang diperiksa. Untuk "
                                 "mengubahnya, hubungi Humas."))


def _proof_received(placement: Placement) -> None:
    placement.proof_at = utcnow()
    if placement.state in (PlacementState.SENT, PlacementState.LATE):
        placement.state = PlacementState.PROOF_RECEIVED


def ask_check(session: Session, placement: Placement, url: str, actor: User | None) -> ProofCheck:
    """A check of ``url`` for ``placement``, run by the ``proofs.check`` job after the commit."""
    check = ProofCheck(placement=placement, url=url, requested_by_id=actor.id if actor is not None else None)
    session.add(check)
    session.flush()
    jobs.after_commit(session, CHECK_JOB)
    return check


def submit_url(session: Session, placement: Placement, url: str | None, *, actor: User | None = None,
               by_link: bool = False) -> ProofCheck:
    """Record ``url`` as the proof of ``placement`` and ask for its check: staff typing it
    (``actor``), or the partner through the placement's link (``by_link``: refused once a
    proof was received, and once the placement is decided)."""
    if by_link:
        link_open(placement)
    else:
        require_desk(session, actor)
        _undecided(placement)
    url = checked_url(url)
    placement.proof_url = url
    _proof_received(placement)
    check = ask_check(session, placement, url, actor)
    record(session, actor, "placement.proof", placement, url=url, by_link=by_link)
    return check


def recheck(session: Session, actor: User | None, placement: Placement) -> ProofCheck:
    """Check the placement's page again (each run is kept)."""
    require_desk(session, actor)
    if not placement.proof_url:
        raise PlacementError(N_("Belum ada alamat halaman untuk diperiksa."))
    return ask_check(session, placement, placement.proof_url, actor)


def add_file(session: Session, storage: Store, actor: User | None, placement: Placement, kind: str, *,
             data: bytes | None = None, filename: str | None = None, reference: str | None = None) -> ProofFile:
    """A proof judged by eye: a scan, photo, PDF or screenshot (``data``), or a recording's
    reference (programme, air time, archive number)."""
    require_desk(session, actor)
    _undecided(placement)
    if kind not in set(ProofKind):
        raise PlacementError(N_("Jenis bukti tidak dikenal."))
    proof = ProofFile(kind=kind, uploaded_by_id=actor.id if actor is not None else None)
    if kind == ProofKind.RECORDING:
        reference = " ".join((reference or "").split())
        if not reference or len(reference) > MAX_REFERENCE:
            raise PlacementError(N_("Tulis rujukan rekaman: acara, jam tayang, nomor arsip (paling panjang "
                                    "%(n)d karakter)."), n=MAX_REFERENCE)
        proof.reference = reference
    else:
        if not data or len(data) > MAX_PROOF_BYTES:
            raise PlacementError(N_("Lampirkan berkas bukti (paling besar %(mb)d MB)."), mb=MAX_PROOF_BYTES // 2**20)
        try:
            proof.mime = scan_type(data)
        except Rejected:
            raise PlacementError(N_("Berkas bukti harus berupa PDF atau gambar (JPEG, PNG, HEIC, WebP).")) from None
        proof.sha256, proof.size = storage.put(io.BytesIO(data)), len(data)
        proof.filename = (filename or "")[-255:] or None
        proof.reference = " ".join((reference or "").split())[:MAX_REFERENCE] or None
    proof.placement = placement
    session.add(proof)
    _proof_received(placement)
    session.flush()
    record(session, actor, "placement.file", placement, kind=kind, file=proof.id)
    return proof


def decide(session: Session, actor: User | None, placement: Placement, verdict: str, *,
           published_on: date | None = None, reason: str | None = None) -> None:
    """An editor's verdict: ``verified`` (with the publication date the report counts the
    piece in: by default the date the last check read on the page) or another verdict,
    which rejects the placement with ``reason``."""
    require_desk(session, actor)
    _undecided(placement)
    if verdict not in set(ProofVerdict):
        raise PlacementError(N_("Pilih keputusan yang dikenal."))
    if not placement.files and not any(check.done for check in placement.checks):
        raise PlacementError(N_("Belum ada bukti tayang yang diperiksa; tunggu hasil pemeriksaan atau unggah "
                                "buktinya."))
    reason = " ".join((reason or "").split())
    if verdict == ProofVerdict.VERIFIED:
        latest = placement.latest_check
        published_on = published_on or (latest.page_date if latest is not None and latest.done else None)
        if published_on is None:
            raise PlacementError(N_("Tulis tanggal tayang: halaman tidak menyebutkannya."))
        if published_on > office_today():
            raise PlacementError(N_("Tanggal tayang tidak boleh di masa depan."))
        placement.state, placement.published_on, placement.rejection_reason = PlacementState.VERIFIED, published_on, None
    else:
        if not reason or len(reason) > MAX_REASON:
            raise PlacementError(N_("Tulis alasan penolakan (paling panjang %(n)d karakter)."), n=MAX_REASON)
        placement.state, placement.rejection_reason = PlacementState.REJECTED, reason
        placement.published_on = published_on
    placement.verdict, placement.decided_at = verdict, utcnow()
    placement.decided_by_id = actor.id if actor is not None else None
    record(session, actor, "placement.decided", placement, verdict=verdict, reason=reason or None,
           published_on=placement.published_on.isoformat() if placement.published_on else None)


def mark_late(session: Session, today: date | None = None) -> int:
    """Placements still waiting for a proof after their due day become ``late``; how many."""
    result = session.execute(update(Placement).where(
        Placement.state == PlacementState.SENT, Placement.due_on < (today or office_today()))
        .values(state=PlacementState.LATE, updated_at=utcnow()))
    return result.rowcount or 0


@jobs.periodic(LATE_JOB, every=3600)
def late_job(ctx: jobs.JobContext) -> None:
    """Hourly, so a worker started late in the day still marks the day's late placements."""
    mark_late(ctx.session)
