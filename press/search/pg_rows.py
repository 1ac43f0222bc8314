"""A Document as a row of PostgreSQL's ``search_documents`` table, its tokens in a ``tsvector``.

Owns the table's DDL (:data:`TABLE_DDL`, :func:`index_ddl`, :func:`key_ddl`), the lexeme spelling and
:func:`row_for`. Imports the sibling ``analysis``, ``document`` and ``schema`` modules
only: the tokens are the whoosh backend's, produced by the same Indonesian analyser.

PostgreSQL's own parsing and stemming are never used: the analyser's tokens are written
as a ``tsvector`` literal (the ``simple`` configuration's job, done here without its
parser, which would split ``30/9/2021`` and ``1500-444``). The fields whoosh keeps apart
share one ``tsvector`` (one GIN index, one ``tsquery`` per search): each lexeme carries
its field's letter, ``w:kunjungan`` (title, body and names as written, with positions for
``<->`` phrases), ``t:`` title words (weight A, for ranking and ``judul:``), ``s:`` the
Sastrawi stems that differ from the word, and ``p:`` people, ``l:`` places,
``o:`` organisations, ``u:`` unit, ``g:`` tags, ``j:`` activity kind, ``k:`` document kind,
``m:`` the month of its date.

Visibility is a column: ``public`` is true only for a :class:`PublicDocument`, which
cannot be built for anything unpublished; every public search filters on it in
:mod:`press.search.pg_query`'s one builder.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache

from .analysis import name_tokens, stems_of, terms
from .document import Document, PublicDocument
from .schema import protected_names

FIELD_LETTERS = {
    "text": "w", "title": "t", "stem": "s", "people": "p", "places": "l", "organisations": "o",
    "unit": "u", "tags": "g", "activity_kind": "j", "kind": "k", "month": "m",
}
# The layout of the rows' lexemes, kept in ``search_state`` (name ``layout``) once every row
# has it: 1, a dated document carries its month (``m:2021-09``), which lets the GIN index
# answer a date range with a broad word without reading the word's whole posting list.
LAYOUT = 1
TABLE = "search_documents"
# Every table the backend keeps (migration 0021 makes them; autogenerate leaves them out).
SEARCH_TABLES = (TABLE, f"{TABLE}_next", "search_rebuild_touched", "search_words", "search_state")
COLUMNS = ("doc_key", "kind", "public", "readers", "date", "sample", "unit", "tags", "people",
           "title", "body", "hit", "tsv")
# One in SAMPLE_BUCKETS documents per bucket: facets past a threshold are counted on a few buckets.
SAMPLE_BUCKETS = 64
# The bucket with a GIN index of its own (partial): a broad term's matches in it are found
# without reading the whole term's posting list, for estimating its total and its facets.
SAMPLED_BUCKET = 0

TABLE_DDL = """
CREATE TABLE IF NOT EXISTS {table} (
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
    tsv tsvector NOT NULL
) WITH (toast_tuple_target = 128)"""
# The text and the tsvector are kept out of line (uncompressed), so the heap pages a broad
# term's count and facets visit hold only the short columns, which stay in line (``MAIN``:
# the low ``toast_tuple_target`` would otherwise move the facet arrays out too).
STORAGE_DDL = [f"ALTER TABLE {{table}} ALTER COLUMN {column} SET STORAGE {storage}"
               for column, storage in (("body", "EXTERNAL"), ("hit", "EXTERNAL"), ("tsv", "EXTERNAL"),
                                       ("title", "MAIN"), ("unit", "MAIN"), ("tags", "MAIN"), ("people", "MAIN"))]


def not_search_table(name, type_, parent_names) -> bool:
    """Alembic's ``include_name`` hook: compare the models with every table but the search's."""
    return not (type_ == "table" and name in SEARCH_TABLES)


def index_ddl(table: str, suffix: str = "") -> list[list[str]]:
    """The indexes of ``table`` (named ``search_documents_*`` plus ``suffix``) in lanes that
    may be built at the same time, each on a connection of its own: the GIN index alone
    (the longest), the rest in the other. :func:`key_ddl` comes after them all."""
    name = f"{TABLE}{suffix}"
    return [
        [f"CREATE INDEX IF NOT EXISTS {name}_tsv ON {table} USING gin (tsv)"],
        [
            f"CREATE UNIQUE INDEX IF NOT EXISTS {name}_pkey ON {table} (doc_key)",
            f"CREATE INDEX IF NOT EXISTS {name}_date ON {table} (date DESC NULLS LAST, doc_key)",
            f"CREATE INDEX IF NOT EXISTS {name}_sample ON {table} (sample)",
            f"CREATE INDEX IF NOT EXISTS {name}_sampled_tsv ON {table} USING gin (tsv) WHERE sample = {SAMPLED_BUCKET}",
        ],
    ]


def key_ddl(table: str, suffix: str = "") -> str:
    """The primary key made from its unique index (the table's exclusive lock, briefly)."""
    name = f"{TABLE}{suffix}_pkey"
    return f"ALTER TABLE {table} ADD CONSTRAINT {name} PRIMARY KEY USING INDEX {name}"


def lexeme(field: str, token: str) -> str:
    return f"{FIELD_LETTERS[field]}:{token}"


def quoted(lex: str) -> str:
    """A lexeme as ``tsvector`` and ``tsquery`` input read it: taken whole, never parsed."""
    if "'" in lex or "\\" in lex:
        lex = lex.replace("\\", "\\\\").replace("'", "''")
    return f"'{lex}'"


# A rebuild spells the same lexemes and positions over and over: each is quoted once.
_QUOTED: dict[str, str] = {}
_QUOTED_LIMIT = 200_000
# A tsvector keeps positions up to 16,383: a field's tokens past it are not indexed.
MAX_POSITION = 16383
_POSITIONS = [str(n) for n in range(MAX_POSITION + 1)]
_POSITIONS_A = [f"{n}A" for n in range(MAX_POSITION + 1)]


def _lex(letter: str, token: str) -> str:
    key = letter + token
    found = _QUOTED.get(key)
    if found is None:
        found = quoted(key)
        if len(_QUOTED) < _QUOTED_LIMIT:
            _QUOTED[key] = found
    return found


def _run(letter: str, tokens: list[str], weight: str = "") -> tuple[list[str], dict]:
    """``'w:wali':1,5 'w:kota':2``: each token of one field with its positions (at most 256,
    none past 16,383, as a ``tsvector`` keeps them); and the positions by token."""
    spelled = _POSITIONS_A if weight else _POSITIONS
    positions: dict[str, list[str]] = {}
    for pos, token in enumerate(tokens[:MAX_POSITION], start=1):
        where = positions.get(token)
        if where is None:
            positions[token] = [spelled[pos]]
        elif len(where) < 256:
            where.append(spelled[pos])
    memo = _QUOTED
    return [f"{memo.get(letter + token) or _lex(letter, token)}:{','.join(where)}"
            for token, where in positions.items()], positions


def _bare(letter: str, tokens) -> list[str]:
    return [_lex(letter, token) for token in set(tokens)]


def _names(doc: Document) -> str:
    return "\n".join((*doc.people, *doc.organisations, *doc.places, doc.unit, *doc.tags, doc.activity_kind))


def _name_tokens(values) -> list[str]:
    return [t for v in values for t in name_tokens(v)]


def tsvector_text(doc: Document) -> str:
    """The ``tsvector`` literal of ``doc``: the fields the whoosh schema indexes, by letter."""
    return _analysed(doc)[0]


def _analysed(doc: Document) -> tuple[str, set[str]]:
    """The ``tsvector`` literal and the words "did you mean" may offer from ``doc``."""
    title, body, names = terms(doc.title), terms(doc.body), terms(_names(doc))
    parts, written = _run("w:", title + body + names)
    parts += _run("t:", title, weight="A")[0]
    parts += _bare("s:", stems_of(set(title + body), protected_names(doc)))
    for name in ("people", "places", "organisations", "tags"):
        parts += _run(f"{FIELD_LETTERS[name]}:", _name_tokens(getattr(doc, name)))[0]
    parts += _run("u:", _name_tokens([doc.unit]))[0]
    parts += _run("j:", _name_tokens([doc.activity_kind]))[0]
    parts.append(_lex("k:", doc.kind))
    if doc.date is not None:
        parts.append(_lex("m:", month_of(doc.date)))
    words = {t for t in written if _offered(t)}
    return " ".join(parts), words


def month_of(when) -> str:
    """``2021-09``: the month lexeme's token for a date."""
    return f"{when.year:04d}-{when.month:02d}"


@lru_cache(maxsize=262144)
def _offered(word: str) -> bool:
    return len(word) >= 3 and word.isalpha()


def sample_of(key: str) -> int:
    """A fixed bucket of ``0 … SAMPLE_BUCKETS-1`` for a document key (the same on every node)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=2).digest(), "big") % SAMPLE_BUCKETS


def row_for(doc: Document) -> tuple[tuple, set[str]]:
    """The values of :data:`COLUMNS` for ``doc`` (``public`` only for a public twin), and the
    words of its text "did you mean" may offer (those of whoosh's ``text`` field)."""
    public = isinstance(doc, PublicDocument) and doc.is_public
    hit = {"id": doc.id, "url": doc.url, "thumbnail_key": doc.thumbnail_key, "payload": doc.payload,
           "places": list(doc.places), "status": doc.status}
    vector, words = _analysed(doc)
    row = (
        doc.key, doc.kind, public, doc.readers, doc.date, sample_of(doc.key), doc.unit,
        list(dict.fromkeys(doc.tags)), list(dict.fromkeys(doc.people)), doc.title, doc.body,
        json.dumps(hit, ensure_ascii=False), vector,
    )
    return row, words


def rows_for(docs: list[Document]) -> tuple[list[tuple], set[str]]:
    """:func:`row_for` of each document, and the words of them all (a rebuild's worker runs it)."""
    rows, words = [], set()
    for doc in docs:
        row, more = row_for(doc)
        rows.append(row)
        words |= more
    return rows, words
