"""person ranks apart from honorifics

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 09:00:00

``person.ranks`` holds a military or police rank and its corps as written ("Letkol Kav",
"AKBP"), which used to lead ``person.honorifics`` ("Letkol Inf H."). The upgrade moves
each leading run of rank words out of the honorifics, recognising them by the rank list
(and the corps) of the built-in glossary, the one home of that fact; the downgrade writes
them back in front of the honorifics.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

person = sa.table("person", sa.column("id", sa.Integer), sa.column("honorifics", sa.String),
                  sa.column("ranks", sa.String))


def _rank_words():
    from press.notes.glossary import builtin_data

    data = builtin_data()
    ranks = [tuple(r.lower().split()) for r in data.get("ranks", [])]
    corps = {c.lower().strip("()") for c in data.get("corps", {})}
    return sorted(ranks, key=len, reverse=True), corps


def split_ranks(honorifics, ranks, corps):
    """("Letkol Inf H.") -> ("Letkol Inf", "H."): the rank phrases (and the corps after a
    rank) wherever they stand among the honorifics, the rest in order."""
    words = (honorifics or "").split()
    found, kept, i = [], [], 0
    while i < len(words):
        lowered = [w.lower() for w in words]
        rank = next((r for r in ranks if tuple(lowered[i:i + len(r)]) == r), None)
        if rank:
            found += words[i:i + len(rank)]
            i += len(rank)
            while i < len(words) and lowered[i].strip("()") in corps:
                found.append(words[i])
                i += 1
        else:
            kept.append(words[i])
            i += 1
    return " ".join(found) or None, " ".join(kept) or None


def upgrade():
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ranks', sa.String(length=120), nullable=True))
    ranks, corps = _rank_words()
    connection = op.get_bind()
    rows = connection.execute(sa.select(person.c.id, person.c.honorifics).where(person.c.honorifics.is_not(None)))
    for person_id, honorifics in rows.fetchall():
        found, kept = split_ranks(honorifics, ranks, corps)
        if found:
            connection.execute(person.update().where(person.c.id == person_id).values(ranks=found, honorifics=kept))


def downgrade():
    connection = op.get_bind()
    rows = connection.execute(sa.select(person.c.id, person.c.ranks, person.c.honorifics)
                              .where(person.c.ranks.is_not(None)))
    for person_id, ranks, honorifics in rows.fetchall():
        joined = " ".join(p for p in (ranks, honorifics) if p)[:120] or None
        connection.execute(person.update().where(person.c.id == person_id).values(honorifics=joined))
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('ranks')
