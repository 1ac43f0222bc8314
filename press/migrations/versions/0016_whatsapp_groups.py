"""WhatsApp groups and sends, the cut length, print requests, the unit's press contact card

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 03:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

CONTACT = (('contact_name', 120), ('contact_role', 120), ('contact_phone', 20), ('contact_whatsapp', 20),
           ('contact_email', 200))


def upgrade():
    op.create_table(
        'whatsapp_group',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('admin', sa.String(length=120), nullable=True),
        sa.Column('members', sa.Integer(), nullable=True),
        sa.Column('unit_id', sa.Integer(), nullable=True),
        sa.Column('active', sa.Boolean(), nullable=False, server_default='1'),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_whatsapp_group_unit_id_unit')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_whatsapp_group')),
        sa.UniqueConstraint('name', name=op.f('uq_whatsapp_group_name')),
    )
    op.create_table(
        'whatsapp_send',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('release_id', sa.Integer(), nullable=False),
        sa.Column('group_id', sa.Integer(), nullable=False),
        sa.Column('sent_by_id', sa.Integer(), nullable=True),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['release_id'], ['release.id'], name=op.f('fk_whatsapp_send_release_id_release'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['group_id'], ['whatsapp_group.id'],
                                name=op.f('fk_whatsapp_send_group_id_whatsapp_group'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['sent_by_id'], ['user.id'], name=op.f('fk_whatsapp_send_sent_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_whatsapp_send')),
        sa.UniqueConstraint('release_id', 'group_id', name=op.f('uq_whatsapp_send_release_id')),
    )
    with op.batch_alter_table('whatsapp_send', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_whatsapp_send_release_id'), ['release_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_whatsapp_send_group_id'), ['group_id'], unique=False)
    op.create_table(
        'whatsapp_setting',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('cut_length', sa.Integer(), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['updated_by_id'], ['user.id'], name=op.f('fk_whatsapp_setting_updated_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_whatsapp_setting')),
    )
    op.create_table(
        'print_request',
        sa.Column('media_id', sa.Integer(), nullable=False),
        sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['media_id'], ['media.id'], name=op.f('fk_print_request_media_id_media'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('media_id', name=op.f('pk_print_request')),
    )
    with op.batch_alter_table('unit', schema=None) as batch_op:
        for name, length in CONTACT:
            batch_op.add_column(sa.Column(name, sa.String(length=length), nullable=True))


def downgrade():
    with op.batch_alter_table('unit', schema=None) as batch_op:
        for name, _length in CONTACT:
            batch_op.drop_column(name)
    op.drop_table('print_request')
    op.drop_table('whatsapp_setting')
    op.drop_table('whatsapp_send')
    op.drop_table('whatsapp_group')
