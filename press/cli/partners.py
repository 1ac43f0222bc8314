"""``flask partners list|import``, ``flask placements list``, ``flask proofs check``: the
media partners desk from the command line (``--json`` output holds codes)."""
from __future__ import annotations

import json

import click
from flask import current_app
from flask.cli import AppGroup

from press.codes import PlacementState, ProofVerdict
from press.errors import ServiceError
from press.extensions import db
from press.models import Partner, Placement, User
from press.services import accounts, partner_import, partners, placements, proof_checks
from press.storage import store_from_config

from .language import label, refusal_text
from .params import DATABASE_ID


def _actor(email: str) -> User:
    actor = accounts.find_user(db.session, email)
    if actor is None:
        raise click.ClickException(f"Tidak ada akun {email}.")
    return actor


def partner_dict(partner: Partner) -> dict:
    return {"id": partner.id, "name": partner.name, "outlet": partner.outlet_id, "kind": partner.outlet.kind,
            "legal_name": partner.legal_name, "address": partner.address, "contact_name": partner.contact_name,
            "contact_phone": partner.contact_phone, "contact_email": partner.contact_email,
            "contracts": [{"id": c.id, "number": c.number, "starts_on": c.starts_on.isoformat(),
                           "ends_on": c.ends_on.isoformat(), "value": c.value, "rate": c.rate, "quota": c.quota,
                           "due_days": c.due_days, "tolerance_days": c.tolerance_days,
                           "units": [u.id for u in c.units]} for c in partner.contracts]}


def placement_dict(placement: Placement) -> dict:
    latest = placement.latest_check
    return {"id": placement.id, "release": placement.release_id, "partner": placement.partner_id,
            "partner_name": placement.partner.name, "contract": placement.contract_id,
            "due_on": placement.due_on.isoformat(), "state": placement.state, "verdict": placement.verdict,
            "published_on": placement.published_on.isoformat() if placement.published_on else None,
            "proof_url": placement.proof_url, "rejection_reason": placement.rejection_reason,
            "latest_check": proof_checks.as_dict(latest) if latest is not None and latest.done else None}


@click.group("partners", cls=AppGroup)
def partners_group() -> None:
    """Media partners and their contracts."""


@partners_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per partner.")
def list_partners(as_json: bool) -> None:
    """List the media partners with their contracts."""
    for partner in partners.all_partners(db.session):
        if as_json:
            click.echo(json.dumps(partner_dict(partner), ensure_ascii=False))
            continue
        contracts = ", ".join(f"{c.number} ({c.starts_on}–{c.ends_on}, {c.quota} × {partners.rupiah(c.rate)})"
                              for c in partner.contracts) or "-"
        click.echo(f"{partner.id:4}  {partner.name:30} {partner.legal_name:35} {contracts}")


@partners_group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--as", "email", required=True, help="Act as this staff account (its role decides).")
@click.option("--json", "as_json", is_flag=True, help="The result (or the problems) as JSON.")
def import_command(path: str, email: str, as_json: bool) -> None:
    """Import partners and contracts from a CSV file (docs/partners.md): all or nothing."""
    actor = _actor(email)
    with open(path, "rb") as stream:
        data = stream.read(partner_import.MAX_BYTES + 1)
    try:
        added = partner_import.import_partners(db.session, actor, data)
    except partner_import.ImportRefused as refused:
        db.session.rollback()
        problems = [{"line": p.line, "message": p.message % p.params if p.params else p.message}
                    for p in refused.problems]
        if as_json:
            click.echo(json.dumps({"imported": 0, "problems": problems}, ensure_ascii=False))
        else:
            for problem in problems:
                click.echo(f"baris {problem['line']}: {problem['message']}", err=True)
        raise click.ClickException(refusal_text(refused)) from None
    except ServiceError as exc:
        db.session.rollback()
        raise click.ClickException(refusal_text(exc)) from exc
    db.session.commit()
    if as_json:
        click.echo(json.dumps({"imported": len(added), "partners": [p.id for p in added]}, ensure_ascii=False))
    else:
        click.echo(f"{len(added)} partner(s) imported.")


@click.group("placements", cls=AppGroup)
def placements_group() -> None:
    """Releases placed with media partners."""


@placements_group.command("list")
@click.option("--release", "release_id", type=DATABASE_ID, default=None, help="Only this release's placements.")
@click.option("--state", type=click.Choice([s.value for s in PlacementState]), default=None)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per placement.")
def list_placements(release_id: int | None, state: str | None, as_json: bool) -> None:
    """List placements by due date."""
    for placement in placements.listing(db.session, release_id=release_id, state=state):
        if as_json:
            click.echo(json.dumps(placement_dict(placement), ensure_ascii=False))
        else:
            click.echo(f"{placement.id:4}  {placement.due_on}  {label(PlacementState(placement.state)):15} "
                       f"{placement.partner.name:25} {placement.release.title}")


@click.group("proofs", cls=AppGroup)
def proofs_group() -> None:
    """Proofs of publication."""


@proofs_group.command("check")
@click.argument("placement_id", type=DATABASE_ID)
@click.option("--url", default=None, help="The page to record as the proof (else the placement's own, again).")
@click.option("--as", "email", required=True, help="Act as this staff account (its role decides).")
@click.option("--json", "as_json", is_flag=True, help="What the check found, as JSON.")
def check_command(placement_id: int, url: str | None, email: str, as_json: bool) -> None:
    """Fetch the placement's page now, compare it with the release and keep the snapshot."""
    actor = _actor(email)
    placement = db.session.get(Placement, placement_id)
    if placement is None:
        raise click.ClickException(f"Penempatan {placement_id} tidak ada.")
    try:
        check = (placements.submit_url(db.session, placement, url, actor=actor) if url is not None
                 else placements.recheck(db.session, actor, placement))
        proof_checks.run(store_from_config(current_app.config), check,
                         allow=proof_checks.fetch_allow(current_app.config))
    except ServiceError as exc:
        db.session.rollback()
        raise click.ClickException(refusal_text(exc)) from exc
    db.session.commit()
    found = proof_checks.as_dict(check)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False))
        return
    click.echo(f"verdict: {label(ProofVerdict(check.verdict))}")
    for name in ("similarity", "label_found", "page_date", "snapshot"):
        click.echo(f"{name}: {found[name]}")
    for text in found["missing_paragraphs"]:
        click.echo(f"missing: {text}")
    if check.refusal:
        click.echo(f"refusal: {check.refusal['code']}")
