"""``flask permissions table [--json]``: the permission table, as ``press.permissions`` holds it."""
from __future__ import annotations

import json

import click
from flask.cli import AppGroup

from press import permissions as table

from .language import label


@click.group("permissions", cls=AppGroup)
def permissions() -> None:
    """Who may do what, and where."""


@permissions.command("table")
@click.option("--json", "as_json", is_flag=True, help='One object per permission: {"permission", "roles": {role: scope}, "allows"}.')
def table_command(as_json: bool) -> None:
    """Each permission, the roles holding it and their scope (unit: their unit and below; all: every unit)."""
    for permission in table.TABLE.values():
        if as_json:
            click.echo(json.dumps({"permission": permission.name,
                                   "roles": {str(role): str(scope) for role, scope in permission.roles.items()},
                                   "allows": permission.allows}, ensure_ascii=False))
            continue
        holders = ", ".join(f"{label(role)} ({scope})" for role, scope in permission.roles.items())
        click.echo(f"{permission.name:24} {holders}")
        click.echo(f"{'':24} {permission.allows}")
