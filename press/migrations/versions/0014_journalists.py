"""journalists, the outlets register, scheduled releases opened to journalists and their views

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 10:00:00

``outlet`` (the register editors keep, Dewan Pers verification), ``journalist`` (accounts
outside the staff's ``user`` table), ``embargo_opening`` (a scheduled release an editor
opened to approved journalists) and ``embargo_view`` (each view and download by one).
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'outlet',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('name_key', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('site_url', sa.String(length=300), nullable=True),
        sa.Column('verified', sa.Boolean(), nullable=False),
        sa.Column('verified_on', sa.Date(), nullable=True),
        sa.Column('proposed', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_outlet')),
        sa.UniqueConstraint('name_key', name=op.f('uq_outlet_name_key')),
    )
    op.create_table(
        'journalist',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('password_hash', sa.String(length=256), nullable=False),
        sa.Column('outlet_id', sa.Integer(), nullable=False),
        sa.Column('whatsapp', sa.String(length=20), nullable=False),
        sa.Column('credential', sa.String(length=60), nullable=False),
        sa.Column('ukw_level', sa.String(length=10), nullable=True),
        sa.Column('state', sa.String(length=10), nullable=False),
        sa.Column('email_confirmed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('decided_by_id', sa.Integer(), nullable=True),
        sa.Column('rejection_reason', sa.Text(), nullable=True),
        sa.Column('failed_logins', sa.Integer(), nullable=False),
        sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('session_version', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['decided_by_id'], ['user.id'], name=op.f('fk_journalist_decided_by_id_user')),
        sa.ForeignKeyConstraint(['outlet_id'], ['outlet.id'], name=op.f('fk_journalist_outlet_id_outlet')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_journalist')),
        sa.UniqueConstraint('email', name=op.f('uq_journalist_email')),
    )
    with op.batch_alter_table('journalist', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_journalist_outlet_id'), ['outlet_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_journalist_state'), ['state'], unique=False)
    op.create_table(
        'embargo_opening',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('release_id', sa.Integer(), nullable=False),
        sa.Column('audience', sa.String(length=10), nullable=False),
        sa.Column('opened_by_id', sa.Integer(), nullable=True),
        sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['opened_by_id'], ['user.id'], name=op.f('fk_embargo_opening_opened_by_id_user')),
        sa.ForeignKeyConstraint(['release_id'], ['release.id'], name=op.f('fk_embargo_opening_release_id_release'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_embargo_opening')),
        sa.UniqueConstraint('release_id', name=op.f('uq_embargo_opening_release_id')),
    )
    op.create_table(
        'embargo_view',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('release_id', sa.Integer(), nullable=False),
        sa.Column('journalist_id', sa.Integer(), nullable=False),
        sa.Column('action', sa.String(length=10), nullable=False),
        sa.Column('media_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['journalist_id'], ['journalist.id'],
                                name=op.f('fk_embargo_view_journalist_id_journalist'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['media_id'], ['media.id'], name=op.f('fk_embargo_view_media_id_media'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['release_id'], ['release.id'], name=op.f('fk_embargo_view_release_id_release'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_embargo_view')),
    )
    with op.batch_alter_table('embargo_view', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_embargo_view_journalist_id'), ['journalist_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_embargo_view_release_id'), ['release_id'], unique=False)


def downgrade():
    op.drop_table('embargo_view')
    op.drop_table('embargo_opening')
    op.drop_table('journalist')
    op.drop_table('outlet')
