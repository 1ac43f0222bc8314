"""Consent for photos of sensitive subjects, and crops around a focal point

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 03:20:00

``media.sensitive`` (``press.codes.SensitiveSubject``), ``media.focal_x``/``focal_y`` and
``media.crops_pending``; the ``consent_record`` table (who, for which use, until when,
the signed form's key in the store).
"""
from alembic import op
import sqlalchemy as sa


revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('media', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sensitive', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('focal_x', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('focal_y', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('crops_pending', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.create_index('ix_media_crops_pending', ['crops_pending'], unique=False)
    op.create_table(
        'consent_record',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('media_id', sa.Integer(), nullable=False),
        sa.Column('given_by', sa.String(length=200), nullable=False),
        sa.Column('purpose', sa.String(length=300), nullable=False),
        sa.Column('valid_until', sa.Date(), nullable=False),
        sa.Column('form_sha256', sa.String(length=64), nullable=False),
        sa.Column('form_mime', sa.String(length=40), nullable=False),
        sa.Column('form_bytes', sa.Integer(), nullable=False),
        sa.Column('form_filename', sa.String(length=255), nullable=True),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('withdrawn_by_id', sa.Integer(), nullable=True),
        sa.Column('lapse_handled_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['media_id'], ['media.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['user.id'], ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['withdrawn_by_id'], ['user.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('consent_record', schema=None) as batch_op:
        batch_op.create_index('ix_consent_record_media_id', ['media_id'], unique=False)
        batch_op.create_index('ix_consent_record_valid_until', ['valid_until'], unique=False)


def downgrade():
    with op.batch_alter_table('consent_record', schema=None) as batch_op:
        batch_op.drop_index('ix_consent_record_valid_until')
        batch_op.drop_index('ix_consent_record_media_id')
    op.drop_table('consent_record')
    with op.batch_alter_table('media', schema=None) as batch_op:
        batch_op.drop_index('ix_media_crops_pending')
        batch_op.drop_column('crops_pending')
        batch_op.drop_column('focal_y')
        batch_op.drop_column('focal_x')
        batch_op.drop_column('sensitive')
