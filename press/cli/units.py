"""``flask units tree [--json]``: the unit tree, with the central office and the units that publish themselves."""
from __future__ import annotations

import json

import click
from flask.cli import AppGroup

from press.extensions import db
from press.services import units as service


@click.group("units", cls=AppGroup)
def units() -> None:
    """Units (OPD) and their tree."""


@units.command("tree")
@click.option("--json", "as_json", is_flag=True, help="The tree as JSON: a list of roots, each with its children.")
def tree_command(as_json: bool) -> None:
    """Every unit under its parent, with its id (for ``users create --unit``)."""
    roots = service.tree(db.session)
    if as_json:
        click.echo(json.dumps([node.as_dict() for node in roots], ensure_ascii=False))
        return

    def show(node: service.Node, depth: int) -> None:
        marks = [m for m, on in (("pusat", node.unit.central), ("terbit sendiri", node.unit.publishes_itself)) if on]
        suffix = f"  [{', '.join(marks)}]" if marks else ""
        click.echo(f"{node.unit.id:4}  {'  ' * depth}{node.unit.name}{suffix}")
        for child in node.children:
            show(child, depth + 1)

    for root in roots:
        show(root, 0)
