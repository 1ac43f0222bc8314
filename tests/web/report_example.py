"""The worked example of ``docs/partners.md`` ("Laporan bulanan") as database rows: two
partners, three contracts, placements verified in October, November and December 2025,
one rejected, one without proof, one beyond its contract's quota, and a clipping, all of
releases of a unit of their own ("Dinas Contoh"), so the demo's placements stay out."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from press.codes import OutletKind, PlacementState, ProofKind, ProofVerdict, ReleaseState
from press.models import Clipping, Contract, Outlet, Partner, Placement, ProofFile, Release, Unit
from press.text import name_key

MONTH = "2025-11"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "partners.md"
TABLE_RE = re.compile(r"<!-- report-example -->\n(.*?)<!-- /report-example -->", re.S)


def docs_table() -> list[list[str]]:
    """The rows of the docs' example table (without its heading and rule)."""
    block = TABLE_RE.search(DOCS.read_text(encoding="utf-8")).group(1)
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in block.strip().splitlines()]
    return rows[2:]


def _outlet(session, name: str, kind: str = OutletKind.ONLINE) -> Outlet:
    outlet = Outlet(name=name, name_key=name_key(name), kind=kind)
    session.add(outlet)
    return outlet


def build(session) -> dict:
    """The example's rows; returns the unit, partners, contracts and placements by name."""
    unit = Unit(name="Dinas Contoh", abbreviation="Contoh", slug="dinas-contoh")
    session.add(unit)
    patriot = Partner(outlet=_outlet(session, "Warta Patriot"), legal_name="PT Warta Patriot Media")
    kini = Partner(outlet=_outlet(session, "Bekasi Kini"), legal_name="CV Bekasi Kini Digital")
    kalimalang = _outlet(session, "Suara Kalimalang")
    k1 = Contract(partner=patriot, number="001/PKS-HUMAS/X/2025", starts_on=date(2025, 10, 1),
                  ends_on=date(2025, 12, 31), value=9_000_000, rate=1_500_000, quota=6)
    k2 = Contract(partner=kini, number="014/PKS-HUMAS/XI/2025", starts_on=date(2025, 11, 1),
                  ends_on=date(2025, 11, 30), value=1_500_000, rate=750_000, quota=2)
    k3 = Contract(partner=kini, number="015/PKS-HUMAS/XI/2025", starts_on=date(2025, 11, 1),
                  ends_on=date(2025, 12, 31), value=8_000_000, rate=2_000_000, quota=4)
    session.add_all([patriot, kini, k1, k2, k3])
    placements = {}

    def place(key, partner, contract, due, state, published=None, reason=None, scan=False):
        release = Release(slug=f"contoh-{key}", title=f"Siaran contoh {key}", state=ReleaseState.PUBLISHED, unit=unit)
        verdict = (ProofVerdict.VERIFIED if state == PlacementState.VERIFIED
                   else ProofVerdict.NO_LABEL if state == PlacementState.REJECTED else None)
        placement = Placement(release=release, partner=partner, contract=contract, due_on=due, state=state,
                              published_on=published, verdict=verdict, rejection_reason=reason,
                              proof_url=None if scan or state == PlacementState.SENT
                              else f"https://{key}.example.id/berita")
        if scan:
            placement.files.append(ProofFile(kind=ProofKind.SCAN, filename="halaman-5.pdf", mime="application/pdf"))
        session.add_all([release, placement])
        placements[key] = placement

    V = PlacementState.VERIFIED
    place("r1", patriot, k1, date(2025, 10, 22), V, date(2025, 10, 20))
    place("r2", patriot, k1, date(2025, 10, 30), V, date(2025, 10, 28))
    place("r3", patriot, k1, date(2025, 11, 5), V, date(2025, 11, 3))
    place("r4", patriot, k1, date(2025, 11, 30), V, date(2025, 11, 30))
    place("r5", patriot, k1, date(2025, 11, 28), V, date(2025, 12, 2))
    place("r6", patriot, k1, date(2025, 11, 12), PlacementState.REJECTED, reason="Tanpa label advertorial")
    place("t1", kini, k2, date(2025, 11, 7), V, date(2025, 11, 5))
    place("t2", kini, k2, date(2025, 11, 12), V, date(2025, 11, 10))
    place("t3", kini, k2, date(2025, 11, 22), V, date(2025, 11, 20))
    place("p1", kini, k3, date(2025, 11, 15), V, date(2025, 11, 14), scan=True)
    place("p2", kini, k3, date(2025, 11, 25), PlacementState.SENT)
    clipped = Release(slug="contoh-kliping", title="Siaran contoh kliping", state=ReleaseState.PUBLISHED, unit=unit)
    session.add_all([clipped, Clipping(release=clipped, outlet=kalimalang, url="https://kalimalang.example.id/berita",
                                       published_on=date(2025, 11, 18))])
    session.flush()
    return {"unit": unit, "patriot": patriot, "kini": kini, "k1": k1, "k2": k2, "k3": k3, **placements}
