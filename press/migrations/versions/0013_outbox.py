"""the outbox, the addresses' delivery record, e-mail subscriptions

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 03:00:00

``outbox_message`` (one row per purpose, object and address) and the images embedded in
it (``outbox_image``); ``mail_address`` (permanent refusals in a row, disabled after
three); ``subscription`` (an address following all releases, a unit, a tag or an
activity kind, at once or in the morning digest).
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'outbox_message',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('purpose', sa.String(length=24), nullable=False),
        sa.Column('object_key', sa.String(length=120), nullable=False),
        sa.Column('address', sa.String(length=254), nullable=False),
        sa.Column('subject', sa.String(length=300), nullable=True),
        sa.Column('text', sa.Text(), nullable=True),
        sa.Column('html', sa.Text(), nullable=True),
        sa.Column('sender_name', sa.String(length=200), nullable=True),
        sa.Column('headers', sa.JSON(), nullable=True),
        sa.Column('data', sa.JSON(), nullable=True),
        sa.Column('state', sa.String(length=10), nullable=False),
        sa.Column('message_id', sa.String(length=200), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_error', sa.String(length=500), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_message')),
        sa.UniqueConstraint('purpose', 'object_key', 'address', name='uq_outbox_message_key'),
    )
    with op.batch_alter_table('outbox_message', schema=None) as batch_op:
        batch_op.create_index('ix_outbox_message_due', ['state', 'next_attempt_at'], unique=False)

    op.create_table(
        'outbox_image',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('message_id', sa.Integer(), nullable=False),
        sa.Column('content_id', sa.String(length=120), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=False),
        sa.Column('mime_type', sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(['message_id'], ['outbox_message.id'],
                                name=op.f('fk_outbox_image_message_id_outbox_message'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox_image')),
    )
    with op.batch_alter_table('outbox_image', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbox_image_message_id'), ['message_id'], unique=False)

    op.create_table(
        'mail_address',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('address', sa.String(length=254), nullable=False),
        sa.Column('refusals', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.String(length=500), nullable=True),
        sa.Column('disabled_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_address')),
        sa.UniqueConstraint('address', name=op.f('uq_mail_address_address')),
    )

    op.create_table(
        'subscription',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('address', sa.String(length=254), nullable=False),
        sa.Column('scope', sa.String(length=8), nullable=False),
        sa.Column('scope_value', sa.String(length=60), nullable=False),
        sa.Column('cadence', sa.String(length=10), nullable=False),
        sa.Column('state', sa.String(length=14), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('unsubscribed_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_subscription')),
        sa.UniqueConstraint('address', 'scope', 'scope_value', name='uq_subscription_scope'),
    )
    with op.batch_alter_table('subscription', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_subscription_address'), ['address'], unique=False)
        batch_op.create_index('ix_subscription_match', ['state', 'cadence', 'scope', 'scope_value'], unique=False)


def downgrade():
    op.drop_table('subscription')
    op.drop_table('mail_address')
    op.drop_table('outbox_image')
    op.drop_table('outbox_message')
