"""``flask setup``: migrate the instance database and load demo data into an empty one."""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from press.demo import instance_is_empty, load_demo, load_demo_photos
from press.cli.search import ensure_index
from press.extensions import db


@click.command("setup")
@with_appcontext
@click.option("--no-demo", is_flag=True, help="Do not load demo data (a production instance).")
def setup_command(no_demo: bool) -> None:
    """Migrate the database to the latest schema; add demo data to an empty instance."""
    from flask_migrate import upgrade  # with Alembic: imported by this command alone

    upgrade()
    click.echo(f"Database at {current_app.config['SQLALCHEMY_DATABASE_URI']} is up to date.")
    if no_demo:
        ensure_index()
        return
    if not instance_is_empty(db.session):
        click.echo("The instance already has users: demo data not loaded.")
        ensure_index()
        return
    from press.storage import store_from_config

    credentials = load_demo(db.session, store_from_config(current_app.config))
    db.session.commit()
    _demo_photos()
    click.echo("Demo data loaded. Demo accounts (email / role / password):")
    for email, role, password in credentials:
        click.echo(f"  {email:30} {role:13} {password}")
    ensure_index()


def _demo_photos() -> None:
    """A few drawn photos in the example activity's gallery (through the media service)."""
    from press.services.media import IngestConfig
    from press.storage import store_from_config

    photos = load_demo_photos(db.session, store_from_config(current_app.config),
                              IngestConfig.from_mapping(current_app.config))
    db.session.commit()
    click.echo(f"Demo photos: {len(photos)} in the example activity's gallery.")
