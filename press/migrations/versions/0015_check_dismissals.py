"""Check dismissals: the editorial findings an editor left ("biarkan") in a release

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 03:00:00

``check_dismissal`` (release, check ``code``, spanned text, occurrence): a finding the
editor chose to keep, remembered across edits elsewhere in the text.
"""
from alembic import op
import sqlalchemy as sa



revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'check_dismissal',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('release_id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=32), nullable=False),
        sa.Column('text', sa.String(length=300), nullable=False),
        sa.Column('occurrence', sa.Integer(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['release_id'], ['release.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['created_by_id'], ['user.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('release_id', 'code', 'text', 'occurrence', name='uq_check_dismissal'),
    )
    with op.batch_alter_table('check_dismissal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_dismissal_release_id'), ['release_id'], unique=False)


def downgrade():
    with op.batch_alter_table('check_dismissal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_dismissal_release_id'))
    op.drop_table('check_dismissal')
