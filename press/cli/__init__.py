"""The ``flask`` commands operators script Siaran with; names and ``--json`` shapes are an interface."""
from __future__ import annotations

from flask import Flask

from . import activities, agenda, db, setup, units, users
from . import permissions as permission_commands
from . import search as search_commands
from . import releases, site
from . import drafting as drafting_commands  # noqa: F401  (adds draft|check|export to the releases group)
from . import doctor
from . import notes as notes_commands
from . import media as media_commands
from . import photo_desk
from . import media_crops  # noqa: F401  (adds crops to the media group)
from . import worker
from . import journalists as journalist_commands
from . import outbox as outbox_commands
from . import partners as partner_commands
from . import reports as report_commands
from . import migrate_to
from .unset_database import guard_commands


def register_commands(app: Flask) -> None:
    app.cli.add_command(setup.setup_command)
    app.cli.add_command(db.MigrationCommands())
    app.cli.add_command(users.users)
    app.cli.add_command(units.units)
    app.cli.add_command(permission_commands.permissions)
    app.cli.add_command(activities.activities)
    app.cli.add_command(agenda.agenda_command)
    app.cli.add_command(search_commands.search)
    app.cli.add_command(releases.releases)
    app.cli.add_command(releases.publish_due_command)
    app.cli.add_command(site.site)
    app.cli.add_command(doctor.doctor_command)
    app.cli.add_command(notes_commands.notes)
    app.cli.add_command(media_commands.media)
    app.cli.add_command(photo_desk.collections_group)
    app.cli.add_command(worker.worker_command)
    app.cli.add_command(journalist_commands.journalists_group)
    app.cli.add_command(outbox_commands.subscribers)
    app.cli.add_command(outbox_commands.outbox_group)
    app.cli.add_command(partner_commands.partners_group)
    app.cli.add_command(partner_commands.placements_group)
    app.cli.add_command(partner_commands.proofs_group)
    app.cli.add_command(report_commands.report_group)
    app.cli.add_command(migrate_to.migrate_to_command)
    for command in app.cli.commands.values():
        guard_commands(command)
