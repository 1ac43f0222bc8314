"""Clippings: coverage of a published release nobody paid for (a journalist wrote about
it), recorded like a proof: the page, its outlet, the day, and a check of the page with
its snapshot and similarity. Listed apart from placements, counted apart in the report."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from press import jobs
from press.codes import ReleaseState
from press.dates import office_today
from press.errors import N_
from press.models import Clipping, Outlet, ProofCheck, Release, User

from .audit import record
from .placements import CHECK_JOB, PlacementError, checked_url, require_desk


def listing(session: Session, *, release_id: int | None = None) -> list[Clipping]:
    query = select(Clipping).order_by(Clipping.published_on.desc(), Clipping.id.desc())
    if release_id is not None:
        query = query.where(Clipping.release_id == release_id)
    return list(session.scalars(query))


def record_clipping(session: Session, actor: User | None, release: Release, outlet: Outlet | None, url: str | None,
                    published_on: date | None) -> Clipping:
    """Record ``url`` of ``outlet`` as coverage of ``release`` on ``published_on``, and ask for its check."""
    require_desk(session, actor)
    if release.state != ReleaseState.PUBLISHED:
        raise PlacementError(N_("Kliping hanya dicatat untuk siaran yang sudah terbit."))
    if outlet is None:
        raise PlacementError(N_("Pilih media yang memuat berita itu."))
    url = checked_url(url)
    if published_on is None or published_on > office_today():
        raise PlacementError(N_("Tulis tanggal tayang berita itu (tidak di masa depan)."))
    if session.scalar(select(Clipping.id).where(Clipping.release_id == release.id, Clipping.url == url)):
        raise PlacementError(N_("Halaman itu sudah dicatat sebagai kliping siaran ini."))
    clipping = Clipping(release=release, outlet=outlet, url=url, published_on=published_on,
                        recorded_by_id=actor.id if actor is not None else None)
    session.add(clipping)
    session.add(ProofCheck(clipping=clipping, url=url, requested_by_id=actor.id if actor is not None else None))
    session.flush()
    jobs.after_commit(session, CHECK_JOB)
    record(session, actor, "clipping.recorded", clipping, release=release.id, outlet=outlet.name, url=url)
    return clipping
