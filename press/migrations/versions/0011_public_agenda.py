"""the public agenda and the press invitation's facts

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 10:00:00

``activity.on_agenda``: the activity is shown on the public agenda (``/agenda``,
``/agenda.ics``); existing activities are not. ``dress_code`` and ``contact``: what a
press invitation (``undangan_liputan``) tells journalists besides time and place.
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.add_column(sa.Column('on_agenda', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('dress_code', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('contact', sa.String(length=300), nullable=True))
        batch_op.create_index(batch_op.f('ix_activity_on_agenda'), ['on_agenda'], unique=False)


def downgrade():
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_on_agenda'))
        batch_op.drop_column('contact')
        batch_op.drop_column('dress_code')
        batch_op.drop_column('on_agenda')
