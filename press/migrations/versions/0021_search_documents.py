"""The PostgreSQL search backend's tables: search_documents, search_words, search_state

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-02 11:30:00

On PostgreSQL only. ``PRESS_SEARCH_URL=postgresql://…`` keeps the search indexes in these
tables (``press/search/pg_index.py``), on the application's database or on one of its own
(the backend then creates them itself, as written here). On SQLite the search is whoosh's
folders, and a ``tsvector`` table nothing reads would only be a second place that looks
like the index, so nothing is created there. The tables are derived data, rebuilt with
``flask search rebuild``; autogenerate leaves them out (``press.search.pg_rows.SEARCH_TABLES``).
"""
from alembic import op

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS fuzzystrmatch")
    op.execute("""
        CREATE TABLE search_documents (
            doc_key text NOT NULL,
            kind text NOT NULL,
            public boolean NOT NULL,
            readers text NOT NULL,
            date timestamp NULL,
            sample smallint NOT NULL,
            unit text NOT NULL,
            tags text[] NOT NULL,
            people text[] NOT NULL,
            title text NOT NULL,
            body text NOT NULL,
            hit jsonb NOT NULL,
            tsv tsvector NOT NULL,
            CONSTRAINT search_documents_pkey PRIMARY KEY (doc_key)
        ) WITH (toast_tuple_target = 128)""")
    for column, storage in (("body", "EXTERNAL"), ("hit", "EXTERNAL"), ("tsv", "EXTERNAL"),
                            ("title", "MAIN"), ("unit", "MAIN"), ("tags", "MAIN"), ("people", "MAIN")):
        op.execute(f"ALTER TABLE search_documents ALTER COLUMN {column} SET STORAGE {storage}")
    op.execute("CREATE INDEX search_documents_tsv ON search_documents USING gin (tsv)")
    op.execute("CREATE INDEX search_documents_date ON search_documents (date)")
    op.execute("CREATE INDEX search_documents_sample ON search_documents (sample)")
    op.execute("CREATE TABLE search_words (word text PRIMARY KEY)")
    op.execute("CREATE INDEX search_words_prefix ON search_words (word text_pattern_ops)")
    op.execute("CREATE TABLE search_state (name text PRIMARY KEY, version bigint NOT NULL)")
    op.execute("INSERT INTO search_state VALUES ('staff', 0), ('public', 0)")


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TABLE IF EXISTS search_documents, search_documents_next, search_rebuild_touched, "
               "search_words, search_state")
