"""PPID classes: each release and each activity carries its class of public information

Revision ID: 0012
Revises: 0008
Create Date: 2026-12-05 10:00:00

``release.ppid_class`` and ``activity.ppid_class`` (``press.codes.PpidClass``); existing
rows get ``setiap_saat``, the default class.
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

TABLES = ('release', 'activity')


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('ppid_class', sa.String(length=16), nullable=False,
                                          server_default='setiap_saat'))


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('ppid_class')
