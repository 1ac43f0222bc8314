"""units with their own people: the central office, self-publishing units, every user in a unit

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 09:00:00

``unit.central`` (the Humas office whose staff reach every unit) and
``unit.publishes_itself`` (its unit editor publishes without the central editor). Existing
data keeps its behaviour: the units hang under one top unit (the one root, or a new
"Pemerintah Daerah" above several), the top unit is central, every existing account moves
into it, and a release without a unit takes its activity's or the top one. Then
``user.unit_id`` is required.
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

TOP_NAME = "Pemerintah Daerah"


def upgrade():
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('central', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('publishes_itself', sa.Boolean(), server_default='0', nullable=False))

    connection = op.get_bind()
    top = _top_unit(connection)
    if top is not None:
        connection.execute(sa.text("UPDATE unit SET central = :yes WHERE id = :top"), {"yes": True, "top": top})
        connection.execute(sa.text('UPDATE "user" SET unit_id = :top'), {"top": top})
        connection.execute(sa.text(
            "UPDATE release SET unit_id = COALESCE("
            "(SELECT activity.unit_id FROM activity WHERE activity.id = release.activity_id), :top) "
            "WHERE unit_id IS NULL"), {"top": top})

    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.alter_column('unit_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_index(batch_op.f('ix_user_unit_id'), ['unit_id'], unique=False)


def _top_unit(connection) -> int | None:
    """The one root unit, a new top unit above several roots, or one for accounts without
    any unit; ``None`` for an empty instance."""
    roots = [row[0] for row in connection.execute(sa.text("SELECT id FROM unit WHERE parent_id IS NULL ORDER BY id"))]
    if len(roots) == 1:
        return roots[0]
    has_users = connection.execute(sa.text('SELECT COUNT(*) FROM "user"')).scalar()
    if not roots and not has_users:
        return None
    name, slug, suffix = TOP_NAME, "pemerintah-daerah", 1
    while connection.execute(sa.text("SELECT COUNT(*) FROM unit WHERE name = :name OR slug = :slug"),
                             {"name": name, "slug": slug}).scalar():
        suffix += 1
        name, slug = f"{TOP_NAME} {suffix}", f"pemerintah-daerah-{suffix}"
    connection.execute(sa.text(
        "INSERT INTO unit (name, slug, central, publishes_itself, updated_at) "
        "VALUES (:name, :slug, :yes, :no, CURRENT_TIMESTAMP)"), {"name": name, "slug": slug, "yes": True, "no": False})
    top = connection.execute(sa.text("SELECT id FROM unit WHERE slug = :slug"), {"slug": slug}).scalar()
    if roots:
        connection.execute(sa.text("UPDATE unit SET parent_id = :top WHERE parent_id IS NULL AND id != :top"),
                           {"top": top})
    return top


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_unit_id'))
        batch_op.alter_column('unit_id', existing_type=sa.Integer(), nullable=True)
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+): a batch copy of ``unit`` would drop the table
    # that activities and users refer to, which the enforced foreign keys refuse.
    op.drop_column('unit', 'publishes_itself')
    op.drop_column('unit', 'central')
