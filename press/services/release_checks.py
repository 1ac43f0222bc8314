"""The editorial checks as the editor uses them: findings the editor left ("biarkan") kept
per release by (check, text, occurrence), and the replacements applied in one click, saved
as a revision like any edit (``releases.save_release``: the same version check, audit event
and revision).

A finding's occurrence is its rank among the findings of the same check on the same text
in the release, counted in text order: editing another paragraph does not change it.
"""
from __future__ import annotations

from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from press.drafting.finding import FIELDS, Finding, apply_fixes
from press.errors import N_
from press.models import CheckDismissal, Release, User

from . import access
from .audit import record
from .release_text import ReleaseError
from .releases import check, save_release

Key = tuple[str, str, int]


def keyed(findings: list[Finding]) -> list[tuple[Finding, Key]]:
    """Each finding with its (check, text, occurrence)."""
    seen: Counter = Counter()
    out = []
    for finding in findings:
        pair = (finding.code, finding.text)
        out.append((finding, (finding.code, finding.text, seen[pair])))
        seen[pair] += 1
    return out


def dismissed(session: Session, release: Release) -> set[Key]:
    rows = session.execute(select(CheckDismissal.code, CheckDismissal.text, CheckDismissal.occurrence)
                           .where(CheckDismissal.release_id == release.id))
    return {tuple(row) for row in rows}


def open_findings(session: Session, release: Release, **text) -> list[tuple[Finding, Key]]:
    """The findings on the release (or its unsaved ``text``) the editor has not left."""
    left = dismissed(session, release)
    return [(f, key) for f, key in keyed(check(release, **text)) if key not in left]


def dismiss(session: Session, release: Release, key: Key, actor: User) -> None:
    """Leave the finding ``key`` in this release: it is not shown again."""
    access.require(session, actor, "release.write", release, error=ReleaseError,
                   message=N_("Peran Anda tidak boleh mengubah siaran."))
    code, text, occurrence = key
    if (code, text, occurrence) not in {k for _, k in keyed(check(release))}:
        raise ReleaseError(N_("Temuan itu tidak ada lagi di siaran ini; muat ulang halaman."))
    if key in dismissed(session, release):
        return
    session.add(CheckDismissal(release_id=release.id, code=code, text=text[:300], occurrence=occurrence,
                               created_by_id=actor.id))
    session.flush()
    record(session, actor, "release.check_dismiss", release, check=code, text=text[:80])


def apply(session: Session, release: Release, actor: User, expected_version: int, *, key: Key | None = None,
          code: str | None = None, label: str | None = None) -> int:
    """Apply one finding's replacement (``key``) or every replacement of a check (``code``),
    saved as a revision; returns how many were applied."""
    chosen = [f for f, k in open_findings(session, release, label=label)
              if f.replacement is not None and (k == key if key else f.code == code)]
    if not chosen:
        raise ReleaseError(N_("Tidak ada perbaikan yang bisa diterapkan; muat ulang halaman."))
    text = {"title": release.title, "dateline": release.dateline or "", "body": release.body,
            "signature": release.signature or ""}
    applied = 0
    for field in FIELDS:
        text[field], count = apply_fixes(text[field], chosen, field)
        applied += count
    if not applied:
        raise ReleaseError(N_("Tidak ada perbaikan yang bisa diterapkan; muat ulang halaman."))
    save_release(session, release, title=text["title"], dateline=text["dateline"] or None, body=text["body"],
                 signature=text["signature"] or None, expected_version=expected_version, actor=actor,
                 comment=f"Terapkan: {', '.join(sorted({f.code for f in chosen}))}")
    return applied
