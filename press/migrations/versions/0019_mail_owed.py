"""Mail owed by a publication, expanded by the send job; what a digest listed

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 06:10:00

``mail_owed``: one row per release alert or follow-up a transaction owes (its addresses
are listed into ``outbox_message`` by the ``outbox.send`` job, a batch at a time);
``digest_listing``: the releases each digest message lists, so a correction or a
retraction reaches digest readers too.
"""
from alembic import op
import sqlalchemy as sa


revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'mail_owed',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('purpose', sa.String(length=24), nullable=False),
        sa.Column('object_key', sa.String(length=120), nullable=False),
        sa.Column('data', sa.JSON(), nullable=True),
        sa.Column('cursor', sa.String(length=254), nullable=True),
        sa.Column('queued', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_owed')),
        sa.UniqueConstraint('purpose', 'object_key', name='uq_mail_owed_key'),
    )
    with op.batch_alter_table('mail_owed', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mail_owed_done_at'), ['done_at'], unique=False)
    op.create_table(
        'digest_listing',
        sa.Column('message_id', sa.Integer(), nullable=False),
        sa.Column('release_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['message_id'], ['outbox_message.id'],
                                name=op.f('fk_digest_listing_message_id_outbox_message'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['release_id'], ['release.id'],
                                name=op.f('fk_digest_listing_release_id_release'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('message_id', 'release_id', name=op.f('pk_digest_listing')),
    )
    with op.batch_alter_table('digest_listing', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_digest_listing_release_id'), ['release_id'], unique=False)


def downgrade():
    with op.batch_alter_table('digest_listing', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_digest_listing_release_id'))
    op.drop_table('digest_listing')
    with op.batch_alter_table('mail_owed', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mail_owed_done_at'))
    op.drop_table('mail_owed')
