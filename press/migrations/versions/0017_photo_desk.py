"""photo desk: usage licences, bulk edits with their undo, collections

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 03:00:00

``licence`` (the admin's list, seeded with "Boleh dipakai media dengan kredit", CC BY 4.0
and "Hanya untuk internal"), ``media.licence_id`` and ``media.restrictions``,
``unit_licence`` (each unit's default); ``photo_bulk_edit`` (what each bulk edit changed, for undo,
and the photos whose renditions wait for the job); ``collection`` and
``collection_item``.
"""
from alembic import op
import sqlalchemy as sa


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

SEED = (
    ('media-kredit', 'Boleh dipakai media dengan kredit', None, False, 1),
    ('cc-by-4.0', 'CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/', False, 2),
    ('internal', 'Hanya untuk internal', None, True, 3),
)


def upgrade():
    licence = op.create_table(
        'licence',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=40), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('url', sa.String(length=300), nullable=True),
        sa.Column('internal', sa.Boolean(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_licence')),
        sa.UniqueConstraint('code', name=op.f('uq_licence_code')),
    )
    op.bulk_insert(licence, [dict(code=c, name=n, url=u, internal=i, position=p) for c, n, u, i, p in SEED])
    with op.batch_alter_table('media', schema=None) as batch_op:
        batch_op.add_column(sa.Column('licence_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('restrictions', sa.Text(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_media_licence_id_licence'), 'licence', ['licence_id'], ['id'],
                                    ondelete='SET NULL')
    op.create_table(
        'unit_licence',
        sa.Column('unit_id', sa.Integer(), nullable=False),
        sa.Column('licence_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_unit_licence_unit_id_unit'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['licence_id'], ['licence.id'], name=op.f('fk_unit_licence_licence_id_licence'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('unit_id', name=op.f('pk_unit_licence')),
    )
    op.create_table(
        'photo_bulk_edit',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('activity_id', sa.Integer(), nullable=True),
        sa.Column('actor_id', sa.Integer(), nullable=True),
        sa.Column('state', sa.String(length=10), nullable=False),
        sa.Column('changes', sa.JSON(), nullable=False),
        sa.Column('photos', sa.JSON(), nullable=False),
        sa.Column('refused', sa.JSON(), nullable=False),
        sa.Column('pending', sa.JSON(), nullable=False),
        sa.Column('rendered', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('kept', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_photo_bulk_edit_activity_id_activity'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['actor_id'], ['user.id'], name=op.f('fk_photo_bulk_edit_actor_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_photo_bulk_edit')),
    )
    with op.batch_alter_table('photo_bulk_edit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_photo_bulk_edit_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_photo_bulk_edit_created_at'), ['created_at'], unique=False)
    op.create_table(
        'collection',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('slug', sa.String(length=220), nullable=False),
        sa.Column('description', sa.Text(), nullable=True),
        sa.Column('is_public', sa.Boolean(), nullable=False),
        sa.Column('cover_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['cover_id'], ['media.id'], name=op.f('fk_collection_cover_id_media'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_collection')),
        sa.UniqueConstraint('slug', name=op.f('uq_collection_slug')),
    )
    with op.batch_alter_table('collection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_collection_updated_at'), ['updated_at'], unique=False)
    op.create_table(
        'collection_item',
        sa.Column('collection_id', sa.Integer(), nullable=False),
        sa.Column('media_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['collection_id'], ['collection.id'], name=op.f('fk_collection_item_collection_id_collection'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['media_id'], ['media.id'], name=op.f('fk_collection_item_media_id_media'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('collection_id', 'media_id', name=op.f('pk_collection_item')),
    )


def downgrade():
    op.drop_table('collection_item')
    with op.batch_alter_table('collection', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_collection_updated_at'))
    op.drop_table('collection')
    with op.batch_alter_table('photo_bulk_edit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_photo_bulk_edit_created_at'))
        batch_op.drop_index(batch_op.f('ix_photo_bulk_edit_activity_id'))
    op.drop_table('photo_bulk_edit')
    op.drop_table('unit_licence')
    with op.batch_alter_table('media', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_media_licence_id_licence'), type_='foreignkey')
        batch_op.drop_column('restrictions')
        batch_op.drop_column('licence_id')
    op.drop_table('licence')
