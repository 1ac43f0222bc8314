"""notes: extraction state (a note is stored before it is extracted)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 21:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.add_column(sa.Column('extraction_state', sa.String(length=10), nullable=False,
                                      server_default='done'))


def downgrade():
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.drop_column('extraction_state')
