"""The OpenAPI 3.1 document of ``/api/v1``: valid, complete (every API rule of the URL map),
and true (real answers of every route validate against the schema declared for their
status); public photos in the API never say where they were taken."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import OpenAPIV31SpecValidator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from press import create_app
from press.web.openapi import DOCUMENT
from tests import databases
from tests.conftest import make_config

DOC_URI = "urn:siaran:api-v1-openapi"
PARAM = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")


@pytest.fixture(scope="module")
def app(api_site):
    """The publishing fixtures' site (public and private photos, a release in each state), indexed;
    every test only reads it (each has its own client)."""
    return api_site[0]


@pytest.fixture(scope="module")
def site(api_site):
    return api_site[1]


def api_rules(app) -> dict[str, set[str]]:
    """``/api/v1`` rules of the URL map as OpenAPI paths, with their methods."""
    rules: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1"):
            rules.setdefault(PARAM.sub(r"{\1}", rule.rule), set()).update(
                m.lower() for m in rule.methods - {"HEAD", "OPTIONS"})
    return rules


def pointer(*parts: str) -> str:
    return "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


def template_of(path: str) -> str:
    for template in DOCUMENT["paths"]:
        if re.fullmatch(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)), path):
            return template
    raise AssertionError(f"{path} matches no documented path")


def validator_for(template: str, status: int) -> Draft202012Validator:
    responses = DOCUMENT["paths"][template]["get"]["responses"]
    assert str(status) in responses, f"{template} answered {status}, which the document does not declare"
    registry = Registry().with_resource(DOC_URI, Resource(contents=DOCUMENT, specification=DRAFT202012))
    ref = f"{DOC_URI}#/" + pointer("paths", template, "get", "responses", str(status), "content",
                                   "application/json", "schema")
    return Draft202012Validator({"$ref": ref}, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_the_document_is_served_as_valid_openapi_3_1_with_conditional_get(client):
    answer = client.get("/api/v1/openapi.json")
    assert answer.status_code == 200 and answer.mimetype == "application/json"
    document = answer.get_json()
    assert document == json.loads(json.dumps(DOCUMENT))
    assert document["openapi"].startswith("3.1")
    OpenAPIV31SpecValidator(document).validate()
    assert "public" in answer.headers["Cache-Control"] and "Set-Cookie" not in answer.headers
    assert client.get("/api/v1/openapi.json", headers={"If-None-Match": answer.headers["ETag"]}).status_code == 304


def test_every_api_rule_of_the_url_map_is_documented_and_nothing_else(app):
    rules = api_rules(app)
    assert set(rules) == set(DOCUMENT["paths"]), "a route without documentation, or documentation without a route"
    for path, methods in rules.items():
        assert methods == set(DOCUMENT["paths"][path]), path
        for method in methods:
            documented = {p["name"] for p in DOCUMENT["paths"][path][method].get("parameters", []) if p["in"] == "path"}
            assert documented == set(re.findall(r"\{([^}]+)\}", path)), path


def test_a_new_undocumented_api_route_fails_the_completeness_check(tmp_path, migrated_db):
    databases.copy_demo(migrated_db, tmp_path)
    app = create_app(make_config(tmp_path))  # its own: the route added stays out of the shared one
    app.add_url_rule("/api/v1/units", "api_units", lambda: {})
    assert "/api/v1/units" in set(api_rules(app)) - set(DOCUMENT["paths"])


def answers(client, auth, site) -> Iterator[tuple[str, int, dict]]:
    retracted = site.hidden["retracted"]
    published, lead, extra = site.published, site.public_photos[0], site.public_photos[1]
    public_paths = [
        "/api/v1/releases", "/api/v1/releases?per_page=1&page=1", "/api/v1/releases?page=abc&per_page=500",
        f"/api/v1/releases/{published.slug}", f"/api/v1/releases/{published.id}", "/api/v1/releases/tidak-ada",
        f"/api/v1/releases/{site.hidden['in_review'].slug}", f"/api/v1/releases/{retracted.slug}",
        "/api/v1/photos", "/api/v1/photos?per_page=1", f"/api/v1/photos?activity_id={extra.activity_id}&per_page=1",
        "/api/v1/photos?activity_id=abc",
        f"/api/v1/photos/{lead.id}", f"/api/v1/photos/{extra.id}", f"/api/v1/photos/{site.private_photos[0].id}",
        "/api/v1/photos/999999", "/api/v1/photos/abc",
        "/api/v1/search?q=Bekasi", "/api/v1/search?q=diskusi&order=date&per_page=1&page=2",
        "/api/v1/search?q=%2A", "/api/v1/search?q=Bekasi&dari=2021-01-01&sampai=2021-12-31",
        "/api/v1/search?scope=semua", "/api/v1/search?scope=staff&q=Bekasi",
        "/api/v1/openapi.json",
    ]
    for path in public_paths:
        answer = client.get(path)
        yield path, answer.status_code, answer.get_json()
    auth.login("editor")
    for path in ("/api/v1/search?scope=staff&q=Bekasi", "/api/v1/search?scope=staff&q=kunjungan&order=date"):
        answer = client.get(path)
        yield path, answer.status_code, answer.get_json()


def test_real_answers_of_every_route_validate_against_their_declared_schema(client, auth, site):
    exercised = set()
    kinds = set()
    for path, status, body in answers(client, auth, site):
        assert body is not None, f"{path} did not answer JSON"
        template = template_of(path.split("?")[0])
        errors = sorted(validator_for(template, status).iter_errors(body), key=str)
        assert not errors, f"{path} ({status}): " + "; ".join(
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5])
        exercised.add((template, status))
        kinds.update(hit["kind"] for hit in body.get("hits", []))
    declared = {(t, int(s)) for t, item in DOCUMENT["paths"].items() for s in item["get"]["responses"]}
    assert declared == exercised, f"declared but never seen: {declared - exercised}"
    assert {"release", "photo", "activity"} <= kinds, "the answers checked hold hits of each kind"


GEO_WORDS = {"gps", "lat", "lon", "lng", "latitude", "longitude", "geo", "location"}


def keys_of(value) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield key
            yield from keys_of(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from keys_of(inner)


def test_public_photos_in_the_api_never_carry_gps(app, client, site):
    lead = site.public_photos[0]
    assert lead.gps_lat is not None and lead.gps_lon is not None, "the fixture photo has GPS"
    paths = ["/api/v1/photos", f"/api/v1/photos/{lead.id}", f"/api/v1/releases/{site.published.id}",
             "/api/v1/releases", "/api/v1/search?q=Kepala"]
    coordinates = [f"{abs(value):.3f}" for value in (lead.gps_lat, lead.gps_lon)]
    for path in paths:
        answer = client.get(path)
        assert answer.status_code == 200, path
        text = answer.get_data(as_text=True)
        assert str(lead.id) in text or path.startswith("/api/v1/search"), f"{path} does not show the photo"
        for key in keys_of(answer.get_json()):
            assert not set(re.split(r"[_\W]+", key.lower())) & GEO_WORDS, f"{path} has the key {key}"
        for number in coordinates:
            assert number not in text, f"{path} carries the coordinate {number}"
