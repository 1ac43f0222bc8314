"""The demo's media partners: an online partner and a print partner with their contracts,
the published demo release placed with both (verified at the first, late at the second)
and a clipping of it by a television newsroom.

The verified placement's proof is a real check without the network: the demo renders
the page the partner would publish from the release itself (its title and paragraphs,
the advertorial label, the publication date in the page's metadata) and runs the proof
stage's extraction and comparison on it; the snapshot goes to the store when there is
one (``flask setup``), and the row keeps what the comparison found either way.
"""
from __future__ import annotations

import html
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from press import proofs
from press.codes import OutletKind, ProofVerdict, ReleaseState
from press.dates import OFFICE_ZONE, office_today
from press.models import Clipping, Placement, ProofCheck, Release
from press.services import clippings, outlets, partners, placements, proof_checks
from press.storage import Store

ONLINE_URL = "https://bekasihariini.example.id/advertorial/{slug}"
CLIPPING_URL = "https://tvjabarsatu.example.id/berita/{slug}"


def outlet_page(release: Release, published: date, *, paragraphs: list[str] | None = None, label: bool = True) -> str:
    """The release as an outlet would publish it: its site's header, the article with its
    date and the advertorial label, related links and a footer."""
    title, body = proof_checks.release_text(release)
    moment = datetime.combine(published, time(9, 30), OFFICE_ZONE).isoformat()
    text = "".join(f"<p>{html.escape(p)}</p>" for p in (paragraphs if paragraphs is not None else body))
    kicker = '<span class="kategori">Advertorial</span>' if label else ""
    return (f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta property="article:published_time" content="{moment}"></head><body>'
            f'<header><nav><a href="/">Beranda</a> <a href="/kota">Kota</a> <a href="/advertorial">Advertorial</a>'
            f'</nav></header><main><article>{kicker}<h1>{html.escape(title)}</h1>{text}</article>'
            f'<aside><h2>Berita terkait</h2><ul><li><a href="/a">Pasar murah digelar di 12 kecamatan</a></li>'
            f'</ul></aside></main><footer>Redaksi · Pedoman Media Siber</footer></body></html>')


def offline_check(storage: Store | None, check: ProofCheck, page: str, *, due: date, fetched_at: datetime,
                  tolerance_days: int = 3) -> ProofCheck:
    """Run the proof stage's extraction and comparison on ``page`` as if fetched from ``check.url``."""
    release = check.placement.release if check.placement is not None else check.clipping.release
    title, paragraphs = proof_checks.release_text(release)
    body = page.encode("utf-8")
    fetched = proofs.Fetched(check.url, [proofs.Page(check.url, check.url, 200, page, body, "text/html")], fetched_at)
    article = proofs.extract(fetched.pages)
    comparison = proofs.compare(article, title, paragraphs, due=due, tolerance_days=tolerance_days,
                                fetched_on=fetched_at.astimezone(OFFICE_ZONE).date())
    snapshot = proofs.Snapshot(fetched, f"{article.title}\n\n{article.text}")
    return proof_checks.record_result(storage, check, proofs.ProofCheck(fetched, article, comparison, snapshot))


def load_demo_partners(session: Session, storage: Store | None = None) -> None:
    """Partners, contracts, the published demo release placed twice and clipped once."""
    today = office_today()
    release = session.scalar(select(Release).where(Release.state == ReleaseState.PUBLISHED).order_by(Release.id))
    if release is None:
        return
    online = partners.save_partner(session, None, partners.PartnerData(
        outlet_name="Bekasi Hari Ini", legal_name="PT Bekasi Hari Ini Media", outlet_kind=OutletKind.ONLINE,
        address="Jl. Ir. H. Juanda No. 100, Bekasi Timur", contact_name="Rina Marlina",
        contact_phone="0812-3456-7001", contact_email="redaksi@bekasihariini.example.id"))
    printed = partners.save_partner(session, None, partners.PartnerData(
        outlet_name="Radar Bekasi", legal_name="PT Radar Bekasi Media Utama", outlet_kind=OutletKind.PRINT,
        address="Jl. Cut Meutia No. 5, Bekasi Timur", contact_name="Dedi Supriadi", contact_phone="0813-2222-7002"))
    start, end = today - timedelta(days=60), today + timedelta(days=305)
    for partner, number, value, rate, quota in ((online, "027/PKS/HUMAS/2026", 60_000_000, 2_500_000, 24),
                                                (printed, "028/PKS/HUMAS/2026", 36_000_000, 3_000_000, 12)):
        partners.save_contract(session, None, partner, partners.ContractData(
            number=number, starts_on=start, ends_on=end, value=value, rate=rate, quota=quota))
    sent_on = today - timedelta(days=7)
    verified, _late = placements.place(session, None, release, [online, printed], today=sent_on)
    month_start = today.replace(day=1)  # published this month: the current month's report shows them
    _verify(session, storage, verified, release, published=max(sent_on + timedelta(days=1), month_start))
    placements.mark_late(session, today)
    _clip(session, storage, release, max(today - timedelta(days=6), month_start))


def _verify(session: Session, storage: Store | None, placement: Placement, release: Release, *,
            published: date) -> None:
    url = ONLINE_URL.format(slug=release.slug)
    check = placements.submit_url(session, placement, url, by_link=True)
    offline_check(storage, check, outlet_page(release, published), due=placement.due_on,
                  fetched_at=datetime.combine(published, time(12, 0), timezone.utc),
                  tolerance_days=placement.contract.tolerance_days)
    placements.decide(session, None, placement, ProofVerdict.VERIFIED, published_on=check.page_date or published)


def _clip(session: Session, storage: Store | None, release: Release, published: date) -> None:
    outlet = outlets.find(session, "TV Jabar Satu")
    clipping: Clipping = clippings.record_clipping(session, None, release, outlet, CLIPPING_URL.format(
        slug=release.slug), published)
    _title, paragraphs = proof_checks.release_text(release)
    offline_check(storage, clipping.checks[0], outlet_page(release, published, paragraphs=paragraphs[:3], label=False),
                  due=published, fetched_at=datetime.combine(published, time(15, 0), timezone.utc))
