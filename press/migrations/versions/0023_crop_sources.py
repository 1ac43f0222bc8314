"""The crops' sources of a photo: private intermediates kept beside its original

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-02 14:30:00

New column ``media.crop_sources`` (JSON, a list of ``{"name", "sha256", "width",
"height"}``): the private files (``private/…/<key>/<name>.jpg``) the crops are cut from
(``press.photos.crop_sources``). Empty for every existing photo: the next crops made
from its original keep them. The downgrade drops the column; the files stay in the store
until ``flask doctor --repair`` finds them (an orphan only once the original is gone).
"""
from alembic import op
import sqlalchemy as sa


revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('media') as batch_op:
        batch_op.add_column(sa.Column('crop_sources', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('media') as batch_op:
        batch_op.drop_column('crop_sources')
