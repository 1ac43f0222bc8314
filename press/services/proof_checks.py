"""Running the proof check (``press.proofs``) on a placement's or a clipping's page.

A check is asked for as a ``ProofCheck`` row (``placements.ask_check``, ``clippings``)
and run by the ``proofs.check`` job, a few at a time, or at once by ``flask proofs
check``. The stage fetches the page under the rules for outside addresses
(``PRESS_FETCH_ALLOW`` lets tests reach their local server), extracts the article and
compares it with the release; the snapshot it returns (a ZIP of the pages, the text and
a manifest) goes to the blob store, and what it found onto the row. Every run is kept.
"""
from __future__ import annotations

import io
import zipfile
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from press import jobs, proofs
from press.drafting.formatting import body_paragraphs, plain
from press.models import ProofCheck, Release, utcnow
from press.storage import StorageError, Store, store_from_config

from .placements import CHECK_JOB

PER_RUN = 5
DEFAULT_TOLERANCE = 3
TEXT_FILE = "teks.txt"


def release_text(release: Release) -> tuple[str, list[str]]:
    """The release's title and paragraphs as the public page shows them, without formatting marks."""
    return release.title, [plain(p) for p in body_paragraphs(release.body)]


def _terms(check: ProofCheck) -> tuple[Release, date, int]:
    """The release a check compares with, the day it was due and the days of tolerance."""
    if check.placement is not None:
        placement = check.placement
        contract = placement.contract
        return placement.release, placement.due_on, contract.tolerance_days if contract else DEFAULT_TOLERANCE
    return check.clipping.release, check.clipping.published_on, DEFAULT_TOLERANCE


def record_result(storage: Store | None, check: ProofCheck, result: proofs.ProofCheck) -> ProofCheck:
    """Keep ``result`` (the stage's) on ``check``, its snapshot in the store (none without
    a store: the demo data loaded before the instance has one)."""
    comparison, fetched = result.comparison, result.fetched
    keep = storage is not None and fetched.pages
    check.snapshot_key = storage.put(io.BytesIO(result.snapshot.archive())) if keep else None
    check.sha256 = result.snapshot.sha256 if fetched.pages else None
    check.fetched_at = fetched.fetched_at
    check.final_url = fetched.pages[-1].final_url[:2000] if fetched.pages else None
    check.page_title = (comparison.page_title or "")[:500] or None
    check.title_match = comparison.title_match
    check.similarity = round(comparison.similarity, 4)
    check.label_found = (comparison.label_found or "")[:60] or None
    check.page_date, check.page_date_from = comparison.page_date, comparison.page_date_from
    check.missing_paragraphs = [{"index": index, "text": text} for index, text in comparison.missing_paragraphs]
    check.changed_paragraphs = [changed.as_dict() for changed in comparison.changed_paragraphs]
    check.reasons = [{"code": code, "params": params} for code, params in comparison.reasons]
    check.refusal = ({"code": comparison.refusal.code, "params": dict(comparison.refusal.params)}
                     if comparison.refusal else None)
    check.verdict = str(comparison.verdict)
    check.checked_at = utcnow()
    return check


def run(storage: Store, check: ProofCheck, *, allow=(), timeout: float = 10) -> ProofCheck:
    """Fetch, extract and compare ``check``'s page now, and keep what was found."""
    release, due, tolerance = _terms(check)
    title, paragraphs = release_text(release)
    result = proofs.check(check.url, title, paragraphs, due=due, tolerance_days=tolerance, allow=allow,
                          timeout=timeout)
    return record_result(storage, check, result)


def pending(session: Session, limit: int = PER_RUN) -> list[ProofCheck]:
    return list(session.scalars(select(ProofCheck).where(ProofCheck.checked_at.is_(None))
                                .order_by(ProofCheck.id).limit(limit)))


def fetch_allow(config) -> str:
    """``PRESS_FETCH_ALLOW`` as the stage takes it (``host:port,…``)."""
    return config.get("FETCH_ALLOW") or ""


@jobs.periodic(CHECK_JOB, every=300)
def check_job(ctx: jobs.JobContext) -> None:
    """The checks waiting, a few per run (each may wait 10 s for a page); asks for itself
    again while more wait. Every 5 minutes too, for checks whose job was lost."""
    storage = store_from_config(ctx.config)
    allow = fetch_allow(ctx.config)
    waiting = pending(ctx.session, PER_RUN + 1)
    for check in waiting[:PER_RUN]:
        run(storage, check, allow=allow)
    if len(waiting) > PER_RUN:
        jobs.after_commit(ctx.session, CHECK_JOB)


def snapshot_text(storage: Store, check: ProofCheck) -> str | None:
    """The article's text as extracted when the check ran (from its snapshot)."""
    if not check.snapshot_key:
        return None
    try:
        with storage.open(check.snapshot_key) as stream, zipfile.ZipFile(stream) as archive:
            return archive.read(TEXT_FILE).decode("utf-8")
    except (StorageError, OSError, KeyError, zipfile.BadZipFile):
        return None


def as_dict(check: ProofCheck) -> dict:
    """What a check found, for ``flask proofs check --json`` and the API of pages."""
    return {
        "check": check.id, "url": check.url, "final_url": check.final_url,
        "checked_at": check.checked_at.isoformat() if check.checked_at else None,
        "fetched_at": check.fetched_at.isoformat() if check.fetched_at else None,
        "similarity": check.similarity, "label_found": check.label_found,
        "page_date": check.page_date.isoformat() if check.page_date else None,
        "title_match": check.title_match,
        "missing_paragraphs": [item["text"] for item in check.missing_paragraphs or []],
        "changed_paragraphs": len(check.changed_paragraphs or []),
        "verdict": check.verdict, "reasons": check.reasons, "refusal": check.refusal,
        "snapshot": check.snapshot_key, "sha256": check.sha256,
    }
