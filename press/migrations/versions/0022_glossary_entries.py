"""The admin's glossary additions move from the instance folder into the database

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-02 12:30:00

New table ``glossary_entry`` (one row per glossary key, its JSON value, the admin's order).
An office's existing ``instance/glossary.json`` (or ``GLOSSARY_PATH``) is copied into it so
nothing is lost; the file is left where it was and no longer read. A file the glossary
check refuses is not copied (it was not used either: the old reader fell back to the
built-in glossary), and a warning says so. The downgrade drops the table; the file, if any, is still there.
"""
import json
import logging
import os

from alembic import op
import sqlalchemy as sa


revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table('glossary_entry',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_glossary_entry'))
    )
    data = _instance_file()
    if data:
        from press.models.base import utcnow
        now = utcnow()
        op.bulk_insert(table, [{"key": key, "value": json.dumps(value, ensure_ascii=False), "position": position,
                                "updated_at": now} for position, (key, value) in enumerate(data.items())])


def _instance_file() -> dict:
    """The old extra glossary file's object, or {} when there is none or it cannot be read."""
    from flask import current_app
    path = current_app.config.get("GLOSSARY_PATH") or os.path.join(current_app.instance_path, "glossary.json")
    from press.errors import ServiceError
    from press.services.glossary import parse_glossary_extra
    try:
        with open(path, encoding="utf-8") as handle:
            return parse_glossary_extra(handle.read())
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, ServiceError) as error:
        logging.getLogger("alembic.runtime.migration").warning(
            "%s not copied into glossary_entry: %s", path, error)
        return {}


def downgrade():
    op.drop_table('glossary_entry')
