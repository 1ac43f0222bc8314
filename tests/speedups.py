"""Work that every application a test builds would repeat, done once per test process.

Most tests build their own application (``create_app`` on their own database copy), and
two costs came with each one whatever the test did: werkzeug parsing every route and
generating and compiling its URL builder functions (about 200 ms for all of them),
and Jinja compiling each template the test renders anew (about 100 ms a page). Both
produce the same code every time for the same input, so it is kept here and handed to
the next application: werkzeug's parsed rules and builders keyed by everything they are
made from (each application still gets converters of its own), and
Jinja's compiled templates keyed by the environment's settings, the template and a
checksum of its source (a changed template is compiled again). Production builds one
application per process and is not touched: this module is imported by the tests only.

A third cost was the password hash (``tests/hashing.py``): passwords hashed in a test process
(the demo accounts of the migrated template, accounts the tests create) use scrypt with
N = 2**10, about 5 ms instead of 170; the hash a login with an unknown e-mail is checked
against is made on the first such login (``accounts._dummy_hash``), after this ran, so with
those parameters too. Servers started as processes get the same through
``tests/processes/sitecustomize.py``.
"""
from __future__ import annotations

from flask import Flask
from jinja2.bccache import Bucket, BytecodeCache
from werkzeug.routing.rules import Rule

from tests.hashing import lower_password_hashing

_parse_rule = Rule._parse_rule
_compile_builder = Rule._compile_builder
_parsed: dict[tuple, tuple] = {}
_builders: dict[tuple, object] = {}


def _shared_parse(self: Rule, rule: str) -> list:
    """What ``Rule._parse_rule`` yields and records for this rule string: the parts (kept,
    never changed by werkzeug), the trace, and the converters, made anew for this rule's map
    with the arguments the first parse asked for."""
    key = (rule, tuple(self.map.converters.items()))
    known = _parsed.get(key)
    if known is None:
        asked: list[tuple] = []
        get_converter = self.get_converter

        def recording(variable, name, args, kwargs):
            asked.append((variable, name, args, kwargs))
            return get_converter(variable, name, args, kwargs)

        self.get_converter = recording
        first = len(self._trace)
        try:
            parts = list(_parse_rule(self, rule))
        finally:
            del self.get_converter
        _parsed[key] = (parts, self._trace[first:], asked)
        return parts
    parts, trace, asked = known
    for variable, name, args, kwargs in asked:
        self._converters[variable] = self.get_converter(variable, name, args, kwargs)
        self.arguments.add(variable)
    self._trace.extend(trace)
    return list(parts)


def _builder_key(rule: Rule, append_unknown: bool) -> tuple:
    defaults = rule.defaults or {}
    converters = tuple((name, type(converter), getattr(converter, "regex", None), converter.part_isolating)
                       for name, converter in sorted(rule._converters.items()))
    return (tuple(rule._trace), tuple(sorted((str(k), repr(v)) for k, v in defaults.items())), converters,
            append_unknown)


def _shared_builder(self: Rule, append_unknown: bool = True):
    """The builder function werkzeug would generate for this rule: it takes the rule as its
    first argument and closes over nothing, so one function serves every equal rule."""
    key = _builder_key(self, append_unknown)
    builder = _builders.get(key)
    if builder is None:
        builder = _builders[key] = _compile_builder(self, append_unknown)
    return builder


class SharedTemplateCode(BytecodeCache):
    """Compiled templates shared by the applications of one process."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, object]] = {}

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        settings = (sorted(environment.extensions), environment.autoescape, environment.optimized,
                    environment.block_start_string, environment.variable_start_string,
                    environment.trim_blocks, environment.lstrip_blocks, environment.newline_sequence)
        key = self.get_cache_key(f"{settings!r}|{name}", filename)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._code.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)


def install() -> None:
    Rule._parse_rule = _shared_parse
    Rule._compile_builder = _shared_builder
    Flask.jinja_options = {**Flask.jinja_options, "bytecode_cache": SharedTemplateCode()}
    lower_password_hashing()
