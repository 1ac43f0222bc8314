"""A Document as a row of PostgreSQL's ``search_documents`` table, its tokens in a ``tsvector``.

Owns the table's DDL (:data:`TABLE_DDL`, :func:`index_ddl`), the lexeme spelling and
:func:`row_for`. Imports the sibling ``analysis``, ``document`` and ``schema`` modules
only: the tokens are the whoosh backend's, produced by the same Indonesian analyser.

PostgreSQL's own parsing and stemming are never used: the analyser's tokens are written
as a ``tsvector`` literal (the ``simple`` configuration's job, done here without its
parser, which would split ``30/9/2021`` and ``1500-444``). The fields whoosh keeps apart
share one ``tsvector`` (one GIN index, one ``tsquery`` per search): each lexeme carries
its field's letter, ``w:kunjungan`` (title, body and names as written, with positions for
``<->`` phrases), ``t:`` title words (weight A, for ranking and ``judul:``), ``s:`` the
Sastrawi stems that differ from the word, and ``p:`` people, ``l:`` places,
``o:`` organisations, ``u:`` unit, ``g:`` tags, ``j:`` activity kind, ``k:`` document kind.

Visibility is a column: ``public`` is true only for a :class:`PublicDocument`, which
cannot be built for anything unpublished; every public search filters on it in
:mod:`press.search.pg_query`'s one builder.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from .analysis import iter_tokens, stem_text, terms
from .document import Document, PublicDocument
from .schema import protected_names

FIELD_LETTERS = {
    "text": "w", "title": "t", "stem": "s", "people": "p", "places": "l", "organisations": "o",
    "unit": "u", "tags": "g", "activity_kind": "j", "kind": "k",
}
TABLE = "search_documents"
COLUMNS = ("doc_key", "kind", "public", "readers", "date", "sample", "unit", "tags", "people",
           "title", "body", "hit", "tsv")
# One in SAMPLE_BUCKETS documents per bucket: facets past a threshold are counted on a few buckets.
SAMPLE_BUCKETS = 64

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
)"""


def index_ddl(table: str, suffix: str = "") -> list[str]:
    """The key and the indexes of ``table`` (named ``search_documents_*`` plus ``suffix``)."""
    name = f"{TABLE}{suffix}"
    return [
        f"ALTER TABLE {table} ADD CONSTRAINT {name}_pkey PRIMARY KEY (doc_key)",
        f"CREATE INDEX IF NOT EXISTS {name}_tsv ON {table} USING gin (tsv)",
        f"CREATE INDEX IF NOT EXISTS {name}_date ON {table} (date)",
        f"CREATE INDEX IF NOT EXISTS {name}_sample ON {table} (sample)",
    ]


def lexeme(field: str, token: str) -> str:
    return f"{FIELD_LETTERS[field]}:{token}"


def quoted(lex: str) -> str:
    """A lexeme as ``tsvector`` and ``tsquery`` input read it: taken whole, never parsed."""
    return "'" + lex.replace("\\", "\\\\").replace("'", "''") + "'"


class _Vector:
    """Lexemes with their positions, written as a ``tsvector`` literal."""

    def __init__(self):
        self.positions: dict[str, list[int]] = defaultdict(list)
        self.weights: dict[str, str] = {}
        self.bare: set[str] = set()

    def add_run(self, field: str, tokens, weight: str = "") -> None:
        for pos, token in enumerate(tokens, start=1):
            lex = lexeme(field, token)
            self.positions[lex].append(min(pos, 16383))
            if weight:
                self.weights[lex] = weight

    def add_bare(self, field: str, tokens) -> None:
        self.bare.update(lexeme(field, t) for t in tokens)

    def literal(self) -> str:
        parts = []
        for lex, positions in self.positions.items():
            weight = self.weights.get(lex, "")
            parts.append(quoted(lex) + ":" + ",".join(f"{p}{weight}" for p in sorted(set(positions))[:256]))
        parts.extend(quoted(lex) for lex in self.bare if lex not in self.positions)
        return " ".join(parts)


def _text_field(doc: Document) -> str:
    """What whoosh's ``text`` field holds: title, body and every name."""
    names = "\n".join((*doc.people, *doc.organisations, *doc.places, doc.unit, *doc.tags, doc.activity_kind))
    return f"{doc.title}\n{doc.body}\n{names}"


def _name_tokens(values) -> list[str]:
    return [t for v in values for t, _, _ in iter_tokens(v)]


def tsvector_text(doc: Document) -> str:
    """The ``tsvector`` literal of ``doc``: the fields the whoosh schema indexes, by letter."""
    full_text = f"{doc.title}\n{doc.body}"
    vec = _Vector()
    vec.add_run("text", terms(_text_field(doc)))
    vec.add_run("title", terms(doc.title), weight="A")
    vec.add_bare("stem", stem_text(full_text, protected_names(doc)).split())
    for field in ("people", "places", "organisations", "tags"):
        vec.add_run(field, _name_tokens(getattr(doc, field)))
    vec.add_run("unit", _name_tokens([doc.unit]))
    vec.add_run("activity_kind", _name_tokens([doc.activity_kind]))
    vec.add_bare("kind", [doc.kind])
    return vec.literal()


def sample_of(key: str) -> int:
    """A fixed bucket of ``0 … SAMPLE_BUCKETS-1`` for a document key (the same on every node)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=2).digest(), "big") % SAMPLE_BUCKETS


def row_for(doc: Document) -> tuple:
    """The values of :data:`COLUMNS` for ``doc``; ``public`` only for a public twin."""
    public = isinstance(doc, PublicDocument) and doc.is_public
    hit = {"id": doc.id, "url": doc.url, "thumbnail_key": doc.thumbnail_key, "payload": doc.payload,
           "places": list(doc.places), "status": doc.status}
    return (
        doc.key, doc.kind, public, doc.readers, doc.date, sample_of(doc.key), doc.unit,
        list(dict.fromkeys(doc.tags)), list(dict.fromkeys(doc.people)), doc.title, doc.body,
        json.dumps(hit, ensure_ascii=False), tsvector_text(doc),
    )


def vocabulary(doc: Document) -> set[str]:
    """The words "did you mean" may offer from ``doc`` (those of whoosh's ``text`` field)."""
    return {t for t in terms(_text_field(doc)) if len(t) >= 3 and t.isalpha()}
