"""Media partners, their contracts, placements of releases, proofs of publication, clippings

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02 06:05:00

New tables only: ``partner`` (an outlet of the register with its legal entity, address and
contact), ``contract`` and ``contract_unit`` (the units it serves), ``placement`` (a release
sent to a partner, its due date and state), ``clipping`` (unpaid coverage), ``proof_check``
(each run of the page check: its snapshot's store key and what the comparison found) and
``proof_file`` (scans, photos, PDFs, screenshots, recording references).
"""
from alembic import op
import sqlalchemy as sa


revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('partner',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('legal_name', sa.String(length=200), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('contact_name', sa.String(length=120), nullable=False),
    sa.Column('contact_phone', sa.String(length=30), nullable=False),
    sa.Column('contact_email', sa.String(length=254), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlet.id'], name=op.f('fk_partner_outlet_id_outlet')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner')),
    sa.UniqueConstraint('outlet_id', name=op.f('uq_partner_outlet_id'))
    )
    op.create_table('contract',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=80), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.Column('rate', sa.BigInteger(), nullable=False),
    sa.Column('quota', sa.Integer(), nullable=False),
    sa.Column('due_days', sa.Integer(), nullable=False),
    sa.Column('tolerance_days', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_contract_partner_id_partner'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contract')),
    sa.UniqueConstraint('number', name=op.f('uq_contract_number'))
    )
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contract_partner_id'), ['partner_id'], unique=False)

    op.create_table('contract_unit',
    sa.Column('contract_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'], name=op.f('fk_contract_unit_contract_id_contract'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_contract_unit_unit_id_unit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('contract_id', 'unit_id', name=op.f('pk_contract_unit'))
    )
    op.create_table('clipping',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('release_id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlet.id'], name=op.f('fk_clipping_outlet_id_outlet')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user.id'], name=op.f('fk_clipping_recorded_by_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['release_id'], ['release.id'], name=op.f('fk_clipping_release_id_release'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clipping'))
    )
    with op.batch_alter_table('clipping', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clipping_outlet_id'), ['outlet_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_clipping_published_on'), ['published_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_clipping_release_id'), ['release_id'], unique=False)

    op.create_table('placement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('release_id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('contract_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('proof_url', sa.String(length=2000), nullable=True),
    sa.Column('proof_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('verdict', sa.String(length=16), nullable=True),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('rejection_reason', sa.Text(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['contract_id'], ['contract.id'], name=op.f('fk_placement_contract_id_contract'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by_id'], ['user.id'], name=op.f('fk_placement_created_by_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user.id'], name=op.f('fk_placement_decided_by_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_placement_partner_id_partner'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['release_id'], ['release.id'], name=op.f('fk_placement_release_id_release'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement')),
    sa.UniqueConstraint('release_id', 'partner_id', name='uq_placement_pair')
    )
    with op.batch_alter_table('placement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_placement_contract_id'), ['contract_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_published_on'), ['published_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_release_id'), ['release_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_placement_state'), ['state'], unique=False)

    op.create_table('proof_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=True),
    sa.Column('clipping_id', sa.Integer(), nullable=True),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('fetched_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('final_url', sa.String(length=2000), nullable=True),
    sa.Column('snapshot_key', sa.String(length=64), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('page_title', sa.String(length=500), nullable=True),
    sa.Column('title_match', sa.Boolean(), nullable=True),
    sa.Column('similarity', sa.Float(), nullable=True),
    sa.Column('label_found', sa.String(length=60), nullable=True),
    sa.Column('page_date', sa.Date(), nullable=True),
    sa.Column('page_date_from', sa.String(length=30), nullable=True),
    sa.Column('missing_paragraphs', sa.JSON(), nullable=False),
    sa.Column('changed_paragraphs', sa.JSON(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('verdict', sa.String(length=16), nullable=True),
    sa.Column('refusal', sa.JSON(), nullable=True),
    sa.CheckConstraint('(placement_id IS NULL) <> (clipping_id IS NULL)', name=op.f('ck_proof_check_one_subject')),
    sa.ForeignKeyConstraint(['clipping_id'], ['clipping.id'], name=op.f('fk_proof_check_clipping_id_clipping'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_proof_check_placement_id_placement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['requested_by_id'], ['user.id'], name=op.f('fk_proof_check_requested_by_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proof_check'))
    )
    with op.batch_alter_table('proof_check', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proof_check_checked_at'), ['checked_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_proof_check_clipping_id'), ['clipping_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proof_check_placement_id'), ['placement_id'], unique=False)

    op.create_table('proof_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('mime', sa.String(length=60), nullable=True),
    sa.Column('size', sa.Integer(), nullable=True),
    sa.Column('filename', sa.String(length=255), nullable=True),
    sa.Column('reference', sa.Text(), nullable=True),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_proof_file_placement_id_placement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['user.id'], name=op.f('fk_proof_file_uploaded_by_id_user'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proof_file'))
    )
    with op.batch_alter_table('proof_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proof_file_placement_id'), ['placement_id'], unique=False)



def downgrade():
    with op.batch_alter_table('proof_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proof_file_placement_id'))

    op.drop_table('proof_file')
    with op.batch_alter_table('proof_check', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proof_check_placement_id'))
        batch_op.drop_index(batch_op.f('ix_proof_check_clipping_id'))
        batch_op.drop_index(batch_op.f('ix_proof_check_checked_at'))

    op.drop_table('proof_check')
    with op.batch_alter_table('placement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_placement_state'))
        batch_op.drop_index(batch_op.f('ix_placement_release_id'))
        batch_op.drop_index(batch_op.f('ix_placement_published_on'))
        batch_op.drop_index(batch_op.f('ix_placement_partner_id'))
        batch_op.drop_index(batch_op.f('ix_placement_due_on'))
        batch_op.drop_index(batch_op.f('ix_placement_contract_id'))

    op.drop_table('placement')
    with op.batch_alter_table('clipping', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clipping_release_id'))
        batch_op.drop_index(batch_op.f('ix_clipping_published_on'))
        batch_op.drop_index(batch_op.f('ix_clipping_outlet_id'))

    op.drop_table('clipping')
    op.drop_table('contract_unit')
    with op.batch_alter_table('contract', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_contract_partner_id'))

    op.drop_table('contract')
    op.drop_table('partner')
