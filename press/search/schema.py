"""The one whoosh schema both indexes share, and how a Document fills it.

Owns field names and types, the facet columns and :func:`fields_for`. Imports whoosh and
the sibling ``analysis`` and ``document`` modules.

Text is indexed three ways: ``title`` and ``text`` (title, body and every name, so one
field answers a plain word) hold the words as written (phrases, prefixes, "did you
mean", names such as Bekasi); ``stem`` holds the Sastrawi stems of title and body
words whose stem differs from the word, the document's people and places left alone.
People, organisations, places, unit, tags and the activity kind also have fields of
their own, never stemmed, for filters. ``pairs`` holds adjacent word pairs, which is
how phrases are matched (``text`` keeps no positions). Facet values live in byte columns so counting them
never reads stored fields.
"""
from __future__ import annotations

from datetime import datetime

from whoosh import columns, fields, formats

from .analysis import exact_analyzer, name_analyzer, name_terms, stem_analyzer, stem_text, terms
from .document import Document

# The date stored for a document without one (the column needs a value); no date filter matches it.
UNDATED = datetime(1970, 1, 1)

FACET_SEPARATOR = "\x1f"
FACETS = ("kind", "unit", "year", "tag", "person")


def build_schema() -> fields.Schema:
    exact = exact_analyzer()
    names = name_analyzer()
    return fields.Schema(
        doc_key=fields.ID(stored=True, unique=True),
        kind=fields.ID(stored=True),
        id=fields.STORED(),
        title=fields.TEXT(analyzer=exact, stored=True, field_boost=2.0),
        text=fields.TEXT(analyzer=exact, phrase=False),
        pairs=fields.FieldType(formats.Existence(), stem_analyzer(), scorable=False),
        stem=fields.TEXT(analyzer=stem_analyzer(), phrase=False),
        body=fields.STORED(),
        people=fields.TEXT(analyzer=names, stored=True),
        organisations=fields.TEXT(analyzer=names, stored=True),
        places=fields.TEXT(analyzer=names, stored=True),
        unit=fields.TEXT(analyzer=names, stored=True),
        readers=fields.KEYWORD(),
        tags=fields.TEXT(analyzer=names, stored=True),
        activity_kind=fields.TEXT(analyzer=names, stored=True),
        date=fields.DATETIME(stored=True, sortable=True),
        status=fields.STORED(),
        url=fields.STORED(),
        thumbnail_key=fields.STORED(),
        payload=fields.STORED(),
        key=fields.COLUMN(columns.VarBytesColumn()),
        **{f"facet_{name}": fields.COLUMN(columns.VarBytesColumn()) for name in FACETS},
    )


def _facet_bytes(values) -> bytes:
    return FACET_SEPARATOR.join(v.replace(FACET_SEPARATOR, " ") for v in values if v).encode("utf-8")


def facet_values(raw: bytes) -> list[str]:
    return raw.decode("utf-8").split(FACET_SEPARATOR) if raw else []


def pair_term(first: str, second: str) -> str:
    return f"{first}+{second}"


def pairs_text(text: str) -> str:
    """Adjacent term pairs of ``text`` (``wali+kota``), so a phrase is a term lookup, not a
    position walk."""
    words = terms(text)
    return " ".join(pair_term(a, b) for a, b in zip(words, words[1:]))


def protected_names(doc: Document) -> set[str]:
    """The tokens of a document's people and places, which its ``stem`` field leaves
    unstemmed (organisation names are made of common words: "Dinas Kesehatan")."""
    return name_terms((*doc.people, *doc.places))


def fields_for(doc: Document) -> dict:
    """The whoosh field values of one document."""
    full_text = f"{doc.title}\n{doc.body}"
    names = "\n".join((*doc.people, *doc.organisations, *doc.places, doc.unit, *doc.tags, doc.activity_kind))
    date = doc.date or UNDATED
    return {
        "doc_key": doc.key,
        "kind": doc.kind,
        "id": doc.id,
        "title": doc.title,
        "text": f"{full_text}\n{names}",
        "pairs": pairs_text(full_text),
        "stem": stem_text(full_text, protected_names(doc)),
        "body": doc.body,
        "people": "\n".join(doc.people),
        "organisations": "\n".join(doc.organisations),
        "places": "\n".join(doc.places),
        "unit": doc.unit,
        "readers": doc.readers,
        "tags": "\n".join(doc.tags),
        "activity_kind": doc.activity_kind,
        "date": date,
        "status": doc.status,
        "url": doc.url,
        "thumbnail_key": doc.thumbnail_key,
        "payload": doc.payload,
        "key": doc.key.encode("utf-8"),
        "facet_kind": _facet_bytes([doc.kind]),
        "facet_unit": _facet_bytes([doc.unit]),
        "facet_year": _facet_bytes([str(doc.date.year)] if doc.date else []),
        "facet_tag": _facet_bytes(dict.fromkeys(doc.tags)),
        "facet_person": _facet_bytes(dict.fromkeys(doc.people)),
    }
