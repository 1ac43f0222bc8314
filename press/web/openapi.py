"""The OpenAPI 3.1 document of ``/api/v1``, served at ``/api/v1/openapi.json`` (public,
with the site's ETag and conditional GET).

Written by hand as data beside the API it describes (``press.web.api_public`` for
releases and photos, ``press.web.api`` for search); the limits come from the same
constants the views use. ``tests/web/test_api_openapi.py`` keeps it true: every
``/api/v1`` rule of the URL map must be documented, and real answers of every route
must validate against the schema declared for their status.
"""
from __future__ import annotations

from flask import Blueprint, jsonify

from press.search.query import MAX_PER_PAGE as SEARCH_MAX_PER_PAGE

from .api_public import MAX_PER_PAGE as LIST_MAX_PER_PAGE
from .api_public import PER_PAGE as LIST_PER_PAGE
from .params import MAX_PAGE as SEARCH_MAX_PAGE
from .search import MAX_Q_CHARS
from .search import PER_PAGE as SEARCH_PER_PAGE
from .site import conditional

bp = Blueprint("api_docs", __name__, url_prefix="/api/v1")


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: dict) -> dict:
    if "type" in schema and "$ref" not in schema:
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict, *, optional: tuple[str, ...] = (), closed: bool = True, **extra) -> dict:
    schema = {
        "type": "object",
        "required": [name for name in properties if name not in optional],
        "properties": properties,
        **extra,
    }
    if closed:
        schema["additionalProperties"] = False
    return schema


def _answer(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _query(name: str, description: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def _path(name: str, description: str, schema: dict) -> dict:
    return {"name": name, "in": "path", "required": True, "description": description, "schema": schema}


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
MOMENT = {"type": "string", "format": "date-time", "description": "UTC, ISO 8601 with offset"}
URL = {"type": "string", "format": "uri"}
LINK = {"type": "string", "description": "a path on this site, with its query string"}

PAGE = _query("page", "Page number from 1; a value that is not a number, or below 1, gives page 1.",
              {"type": "integer", "minimum": 1, "default": 1})
PER_PAGE = _query(
    "per_page", f"Items per page; below 1 counts as 1, above {LIST_MAX_PER_PAGE} as {LIST_MAX_PER_PAGE}, "
    "a value that is not a number as the default.",
    {"type": "integer", "minimum": 1, "maximum": LIST_MAX_PER_PAGE, "default": LIST_PER_PAGE},
)

RELEASE_SUMMARY = {
    "id": INTEGER,
    "slug": STRING,
    "title": STRING,
    "url": {**URL, "description": "the release's public page"},
    "published_at": MOMENT,
    "corrected_at": _nullable(MOMENT),
    "correction_note": _nullable(STRING),
    "unit": _ref("Unit"),
    "activity_id": _nullable(INTEGER),
    "summary": {"type": "string", "description": "the start of the body as plain text"},
    "lead_photo": _nullable(_ref("Photo")),
}

NOT_FOUND = _answer("Nothing public under this address (an unpublished release looks the same).", _ref("Error"))

SCHEMAS = {
    "Error": _object(
        {
            "error": {"type": "string", "description": "the reason, in the visitor's language (Indonesian by default)"},
            "status": {"type": "integer", "description": "the HTTP status, repeated"},
            "message": {"type": "string", "description": "more about the reason, when there is more"},
        },
        optional=("message",), closed=False,
    ),
    "Retracted": {
        "allOf": [_ref("Error"), _object({
            "title": _nullable(STRING),
            "retraction_notice": _nullable(STRING),
            "retracted_at": _nullable(MOMENT),
        }, closed=False)],
        "description": "A release withdrawn after publication: only its title and the notice remain "
                       "(the title is null when the release is exempt information, PPID class dikecualikan).",
    },
    "Rendition": _object({
        "url": URL,
        "width": INTEGER,
        "height": INTEGER,
        "bytes": INTEGER,
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
    }),
    "Photo": _object(
        {
            "id": INTEGER,
            "caption": _nullable(STRING),
            "credit": _nullable(STRING),
            "copyright": _nullable(STRING),
            "taken_at": _nullable({"type": "string", "description": "the camera's local time, ISO 8601 without offset"}),
            "activity_id": _nullable(INTEGER),
            "url": {**URL, "description": "the photo's public page"},
            "renditions": {"type": "object", "additionalProperties": _ref("Rendition"),
                           "description": "JPEG renditions by variant (`thumb`, `web`); never the original"},
            "licence": _nullable(_object({
                "code": _nullable(STRING), "name": _nullable(STRING),
                "url": _nullable({**URL, "description": "the licence's page (also XMP xmpRights:WebStatement)"}),
                "restrictions": _nullable(STRING),
            }, description="How the photo may be used, as written into its renditions (XMP xmpRights:UsageTerms, "
                           "IPTC special instructions)")),
        },
        description="A public photo. Never carries the original, nor where it was taken (no GPS).",
    ),
    "Unit": _nullable(_object({"name": STRING, "slug": STRING})),
    "ReleaseSummary": _object(RELEASE_SUMMARY),
    "Release": _object({
        **RELEASE_SUMMARY,
        "dateline": _nullable(STRING),
        "body": {"type": "string", "description": "paragraphs separated by newlines; `**bold**` and `*italic*` marks"},
        "signature": _nullable(STRING),
        "photos": {"type": "array", "items": _ref("Photo"), "description": "with the caption written for this release"},
    }),
    "ReleaseList": _object({
        "items": {"type": "array", "items": _ref("ReleaseSummary")},
        "page": INTEGER,
        "per_page": INTEGER,
        "total": INTEGER,
        "next": _nullable(LINK),
    }),
    "PhotoList": _object({
        "items": {"type": "array", "items": _ref("Photo")},
        "page": INTEGER,
        "per_page": INTEGER,
        "total": _nullable({"type": "integer", "description": "null when filtered by activity"}),
        "next": _nullable(LINK),
    }),
    "SearchHit": _object(
        {
            "kind": {"type": "string", "enum": ["release", "photo", "activity", "note"]},
            "id": INTEGER,
            "title": STRING,
            "title_html": {"type": "string", "description": "the title with the matched words in `<mark>`, escaped"},
            "snippet": {"type": "string", "description": "HTML, escaped, matched words in `<mark>`"},
            "score": {"type": "number"},
            "date": _nullable(STRING),
            "url": _nullable(LINK),
            "thumbnail_url": _nullable(LINK),
            "state": _nullable({"type": "string", "description": "staff scope only"}),
            "activity_id": _nullable({"type": "integer", "description": "staff scope only"}),
        },
        optional=("state", "activity_id"),
    ),
    "SearchResult": _object({
        "query": STRING,
        "scope": {"type": "string", "enum": ["public", "staff"]},
        "order": {"type": "string", "enum": ["relevance", "date"]},
        "total": INTEGER,
        "total_estimated": {"type": "boolean", "description": "true when the total is estimated from a sample of "
                            "the matches (PostgreSQL search, past 10,000 matches), rounded to two digits"},
        "page": INTEGER,
        "per_page": INTEGER,
        "pages": INTEGER,
        "hits": {"type": "array", "items": _ref("SearchHit")},
        "facets": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": _object({"value": STRING, "count": INTEGER})},
            "description": "counts by kind, year, unit, tag and person",
        },
        "facets_estimated": {"type": "boolean", "description": "true when the facet counts are scaled up from a "
                             "sample of the matches (PostgreSQL search, past 5,000 matches)"},
        "did_you_mean": _nullable(STRING),
        "notices": {"type": "array", "items": _object({"code": STRING, "message": STRING}),
                    "description": "what was done to the query (cut, syntax ignored, dates not understood)"},
    }),
}

PATHS = {
    "/api/v1/releases": {"get": {
        "operationId": "listReleases",
        "summary": "Published releases, newest first",
        "parameters": [PAGE, PER_PAGE],
        "responses": {"200": _answer("A page of releases.", _ref("ReleaseList"))},
    }},
    "/api/v1/releases/{ref}": {"get": {
        "operationId": "getRelease",
        "summary": "One published release with its body and photos",
        "parameters": [_path("ref", "The release's numeric id or its slug.", STRING)],
        "responses": {
            "200": _answer("The release.", _ref("Release")),
            "404": NOT_FOUND,
            "410": _answer("The release was retracted: its title and the notice only.", _ref("Retracted")),
        },
    }},
    "/api/v1/photos": {"get": {
        "operationId": "listPhotos",
        "summary": "Public photos",
        "parameters": [
            PAGE, PER_PAGE,
            _query("activity_id", "Only the photos of this activity; a value that is not an id is refused (400).",
                   {"type": "integer", "minimum": 1}),
        ],
        "responses": {
            "200": _answer("A page of photos.", _ref("PhotoList")),
            "400": _answer("`activity_id` is not an activity's id (a whole number from 1).", _ref("Error")),
        },
    }},
    "/api/v1/photos/{media_id}": {"get": {
        "operationId": "getPhoto",
        "summary": "One public photo",
        "parameters": [_path("media_id", "The photo's id.", {"type": "integer", "minimum": 1})],
        "responses": {"200": _answer("The photo.", _ref("Photo")), "404": NOT_FOUND},
    }},
    "/api/v1/search": {"get": {
        "operationId": "search",
        "summary": "Search releases and photos as the public search page does",
        "parameters": [
            _query("q", f"Words to find; longer text is cut to {MAX_Q_CHARS:,} characters (with a notice). "
                        "`tanggal:YYYY-MM-DD` or `tanggal:YYYY-MM-DD..YYYY-MM-DD` filters by date.",
                   {"type": "string", "maxLength": MAX_Q_CHARS}),
            _query("page", f"Page number; out-of-range values are brought to 1 … {SEARCH_MAX_PAGE:,}.",
                   {"type": "integer", "minimum": 1, "maximum": SEARCH_MAX_PAGE, "default": 1}),
            _query("per_page", f"Hits per page; out-of-range values are brought to 1 … {SEARCH_MAX_PER_PAGE}.",
                   {"type": "integer", "minimum": 1, "maximum": SEARCH_MAX_PER_PAGE, "default": SEARCH_PER_PAGE}),
            _query("order", "`relevance` (default) or `date` (newest first); anything else is relevance.",
                   {"type": "string", "enum": ["relevance", "date"], "default": "relevance"}),
            _query("dari", "From this day (YYYY-MM-DD); a date that cannot be read is dropped.",
                   {"type": "string", "format": "date"}),
            _query("sampai", "Until this day (YYYY-MM-DD); a date that cannot be read is dropped.",
                   {"type": "string", "format": "date"}),
            _query("scope", "`public` (default): what a journalist sees. `staff`: the staff archive, "
                            "for a signed-in staff session only.",
                   {"type": "string", "enum": ["public", "staff"], "default": "public"}),
        ],
        "responses": {
            "200": _answer("Hits, facets and notices.", _ref("SearchResult")),
            "400": _answer("`scope` is neither `public` nor `staff`.", _ref("Error")),
            "401": _answer("`scope=staff` without a staff session.", _ref("Error")),
        },
    }},
    "/api/v1/openapi.json": {"get": {
        "operationId": "openapi",
        "summary": "This document",
        "responses": {"200": _answer("The OpenAPI 3.1 document of `/api/v1`.", {"type": "object"})},
    }},
}

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {
        "title": "Siaran public API",
        "version": "1",
        "summary": "Published press releases and public photos of the office, for journalists.",
        "description": (
            "Read-only, no account needed; the same visibility as the public site: only "
            "published releases and public photos. A retracted release answers 410 with its "
            "notice; any other unpublished release is a 404 like one that never existed. "
            "Lists are paginated with `page` and `per_page` and give the `next` page's link. "
            "Errors are JSON `{\"error\", \"status\"}` with the reason in Indonesian (English "
            "for visitors who chose it)."
        ),
    },
    "servers": [{"url": "/"}],
    "paths": PATHS,
    "components": {"schemas": SCHEMAS},
}


@bp.route("/openapi.json")
def document():
    return conditional(jsonify(DOCUMENT))
