"""``flask releases draft|check|export``: drafting from the shell (added to the ``releases`` group).

``releases draft --activity ID`` creates the draft exactly as the activity page's button
does and prints it (``id``, ``title``, ``dateline``, ``body``, ``signature``, ``photos``,
``checks``, ``missing``); ``releases check FILE`` runs the editorial checks on a UTF-8
text file and prints each finding (``check``, ``message``, ``span``, ``text``, ``hint``,
``replacement``: null when the fix needs the writer); ``releases fix FILE [--check CODE]…
[--out FILE]`` writes the text with the replacements applied (of those checks only);
``releases export ID --docx FILE --kit FILE`` writes the DOCX and the media-kit ZIP.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click
from flask import current_app, url_for
from sqlalchemy import select

from press import permissions
from press.drafting.checks import check_release
from press.drafting.finding import CODES, apply_fixes
from press.errors import ServiceError
from press.extensions import db
from press.models import Activity, Release, User
from press.services import release_exports
from press.services import releases as service
from press.services.people import register_people
from press.storage import store_from_config
from .language import refusal_text
from .params import DATABASE_ID

from .releases import releases


def _actor(email: str | None) -> User:
    if email:
        actor = db.session.scalar(select(User).where(User.email == email.strip().lower()))
        if actor is None:
            raise click.ClickException(f"Tidak ada akun {email}.")
        return actor
    # Without --as: the first active account that may draft for every unit.
    for actor in db.session.scalars(select(User).where(User.active.is_(True)).order_by(User.id)):
        if permissions.scope(actor.role, "release.write") is permissions.Scope.ALL:
            return actor
    raise click.ClickException("Belum ada akun staf; jalankan flask setup atau flask users create.")


def _print_findings(findings: list[dict], as_json: bool) -> None:
    for item in findings:
        if as_json:
            click.echo(json.dumps(item, ensure_ascii=False))
        else:
            where = f"{item['span'][0]}-{item['span'][1]}" if item["span"] else "foto"
            click.echo(f"[{item['check']}] {where}: {item['message']}" + (f" — “{item['text']}”" if item["text"] else ""))
            if item.get("hint"):
                click.echo(f"    {item['hint']}")


@releases.command("draft")
@click.option("--activity", "activity_id", type=DATABASE_ID, required=True, help="The activity to draft from.")
@click.option("--as", "email", default=None, help="Act as this staff account (default: the first admin).")
@click.option("--json", "as_json", is_flag=True, help="Print the draft as one JSON object.")
def draft(activity_id: int, email: str | None, as_json: bool) -> None:
    """Create a draft release from activity ID, as the activity page's button does."""
    activity = db.session.get(Activity, activity_id)
    if activity is None:
        raise click.ClickException(f"Kegiatan {activity_id} tidak ada.")
    try:
        release, missing = service.create_draft(
            db.session, activity, _actor(email), office=current_app.config.get("OFFICE_NAME"),
            signature=current_app.config.get("OFFICE_SIGNATURE"))
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        raise click.ClickException(refusal_text(exc)) from exc
    row = service.as_dict(release, service.check(release))
    row["missing"] = missing
    if as_json:
        click.echo(json.dumps(row, ensure_ascii=False))
        return
    click.echo(f"Siaran {release.id} (draf): {release.title}")
    click.echo(f"{release.dateline or ''} {release.body}\n{release.signature or ''}")
    click.echo(f"Foto: {len(row['photos'])}")
    if missing:
        click.echo("Belum ada di data kegiatan: " + ", ".join(missing))
    _print_findings(row["checks"], False)


def _read(path: Path, day: str | None):
    try:
        text = path.read_text(encoding="utf-8")
        activity_date = date.fromisoformat(day) if day else None
    except (UnicodeDecodeError, ValueError) as exc:
        raise click.ClickException(f"Tidak bisa dibaca: {exc}") from exc
    return text, check_release(text, activity_date=activity_date, register=register_people(db.session),
                               label=current_app.config.get("OFFICE_SIGNATURE"))


@releases.command("check")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--date", "day", default=None, help="The activity's date (YYYY-MM-DD) for the date and title checks.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per finding.")
def check(path: Path, day: str | None, as_json: bool) -> None:
    """Run the editorial checks on a text file (UTF-8) and print each finding."""
    _text, found = _read(path, day)
    findings = [f.as_dict() for f in found]
    _print_findings(findings, as_json)
    if not findings and not as_json:
        click.echo("Tidak ada temuan.")


@releases.command("fix")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--check", "codes", multiple=True, type=click.Choice(CODES), help="Apply only this check's fixes (repeatable).")
@click.option("--date", "day", default=None, help="The activity's date (YYYY-MM-DD) for the date and title checks.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the fixed text here (default: print it).")
def fix(path: Path, codes: tuple[str, ...], day: str | None, out: Path | None) -> None:
    """Write the text of FILE with the checks' replacements applied."""
    text, found = _read(path, day)
    fixed, applied = apply_fixes(text, found, "body", set(codes) or None)
    if out:
        out.write_text(fixed, encoding="utf-8")
        click.echo(f"{applied} perbaikan diterapkan: {out}", err=True)
    else:
        click.echo(fixed, nl=False)
        click.echo(f"\n{applied} perbaikan diterapkan.", err=True)


@releases.command("export")
@click.argument("release_id", type=DATABASE_ID)
@click.option("--docx", "docx_path", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write the DOCX here.")
@click.option("--kit", "kit_path", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write the media-kit ZIP here.")
def export(release_id: int, docx_path: Path | None, kit_path: Path | None) -> None:
    """Write release ID as DOCX and/or as a media-kit ZIP."""
    release = db.session.get(Release, release_id)
    if release is None:
        raise click.ClickException(f"Siaran {release_id} tidak ada.")
    if not docx_path and not kit_path:
        raise click.ClickException("Sebutkan --docx FILE dan/atau --kit FILE.")
    storage = store_from_config(current_app.config)
    office = current_app.config.get("OFFICE_NAME", "")
    if docx_path:
        docx_path.write_bytes(release_exports.export_docx(release, storage, office=office))
        click.echo(f"DOCX: {docx_path}")
    if kit_path:
        kit_path.write_bytes(release_exports.export_kit(release, storage, office=office, photo_page=_photo_page()))
        click.echo(f"Kit: {kit_path}")


def _photo_page():
    """Photo page addresses on ``SITE_URL`` for the kit's captions.txt (none without it)."""
    site_url = current_app.config.get("SITE_URL")
    if not site_url:
        return None

    def page(media_id: int) -> str:
        with current_app.test_request_context(base_url=site_url.rstrip("/") + "/"):
            return url_for("site.photo", media_id=media_id, _external=True)

    return page
