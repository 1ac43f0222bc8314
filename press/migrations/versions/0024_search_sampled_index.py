"""The search's sampled bucket gets a GIN index of its own (PostgreSQL only)

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-02 17:45:00

A partial GIN index on ``search_documents.tsv`` for the rows of one hash bucket
(``sample = 0``, one document in 64): a broad query's total and facets are estimated from
its matches there without reading the whole posting list of its terms
(``press.search.pg_search``). A rebuild makes it too (``press.search.pg_rows.index_ddl``).
Nothing on SQLite, where the search is whoosh's.
"""
from alembic import op

revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE INDEX IF NOT EXISTS search_documents_sampled_tsv ON search_documents "
               "USING gin (tsv) WHERE sample = 0")


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS search_documents_sampled_tsv")
