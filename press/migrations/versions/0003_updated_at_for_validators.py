"""updated_at on media, units and people: the public site's Last-Modified follows their changes

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 09:00:00

Existing rows start from their creation time (units, which have none, from now).
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

TABLES = ('media', 'unit', 'person')


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE media SET updated_at = created_at")
    op.execute("UPDATE person SET updated_at = created_at")
    op.execute("UPDATE unit SET updated_at = CURRENT_TIMESTAMP")
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('updated_at', existing_type=sa.DateTime(timezone=True), nullable=False)
    with op.batch_alter_table('media', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_media_updated_at'), ['updated_at'], unique=False)


def downgrade():
    with op.batch_alter_table('media', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_media_updated_at'))
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('updated_at')
