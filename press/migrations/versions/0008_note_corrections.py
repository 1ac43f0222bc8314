"""note corrections remembered per activity

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 09:10:00

``note_correction``: what a writer corrected on a note's review page (a rejected
"person", a fixed title, name, honorific, rank or degree), applied to the next note of
the same activity and offered to the admin as glossary additions.
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'note_correction',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('activity_id', sa.Integer(), nullable=False),
        sa.Column('note_id', sa.Integer(), nullable=True),
        sa.Column('kind', sa.String(length=12), nullable=False),
        sa.Column('source_name', sa.String(length=200), nullable=False),
        sa.Column('wrong', sa.String(length=200), nullable=False),
        sa.Column('right', sa.String(length=200), nullable=True),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_note_correction_activity_id_activity'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['note_id'], ['note.id'], name=op.f('fk_note_correction_note_id_note'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_note_correction_created_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_note_correction')),
        sa.UniqueConstraint('activity_id', 'kind', 'source_name', 'wrong',
                            name=op.f('uq_note_correction_activity_id')),
    )
    with op.batch_alter_table('note_correction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_correction_activity_id'), ['activity_id'], unique=False)


def downgrade():
    with op.batch_alter_table('note_correction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_note_correction_activity_id'))
    op.drop_table('note_correction')
