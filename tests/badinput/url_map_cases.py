"""The cases of the URL-map fuzz (``test_url_map_fuzz.py``): every rule of the application's
URL map and each of its methods, with what its view reads (form fields, query arguments,
files), gathered from the views' source and their forms."""
from __future__ import annotations

import importlib
import inspect
import re
from dataclasses import dataclass

from wtforms import Form
from wtforms.fields import FieldList, FormField

from press import create_app
from tests.conftest import REPO_ROOT

_READS = re.compile(r"(?:request\.)?\b(form|args|values|files)\.(?:get|getlist)\(\s*\"([^\"]+)\"")
_PAGE_ARG = re.compile(r"(?:page_arg|\bargs\.get)\(\s*\"([^\"]+)\"")
_FORM_USE = re.compile(r"\b([A-Z]\w*Form)\(")


def _form_fields(form_class: type[Form], prefix: str = "") -> set[str]:
    """The names a form posts (``participants-0-name`` for a list of sub-forms), read from
    the class: WTForms binds its fields only when a form is built inside a request."""
    names = set()
    for name in dir(form_class):
        unbound = getattr(form_class, name)
        if not getattr(unbound, "_formfield", False):
            continue
        inner = unbound.args[0] if unbound.field_class is FieldList and unbound.args else None
        if inner is not None and getattr(inner, "field_class", None) is FormField:
            names |= _form_fields(inner.args[0], f"{prefix}{name}-0-")
        else:
            names.add(prefix + name)
    return names


def _web_forms() -> dict[str, type[Form]]:
    """Every form class defined in a module of ``press.web`` (``forms``, ``partner_forms``, …)."""
    found = {}
    for path in sorted((REPO_ROOT / "press" / "web").glob("*.py")):
        module = importlib.import_module(f"press.web.{path.stem}")
        found.update({name: value for name, value in vars(module).items()
                      if inspect.isclass(value) and issubclass(value, Form) and value.__module__ == module.__name__})
    return found


FORMS = _web_forms()


def _source_reads(source: str) -> dict[str, set[str]]:
    """The form fields, query arguments and files a piece of view code reads."""
    reads: dict[str, set[str]] = {"form": set(), "args": set(), "files": set()}
    for where, name in _READS.findall(source):
        reads[{"args": "args", "files": "files"}.get(where, "form")].add(name)
        if where == "values":
            reads["args"].add(name)
    reads["args"] |= set(_PAGE_ARG.findall(source))
    for form_name in _FORM_USE.findall(source):
        if form_name in FORMS:
            reads["args" if form_name == "ActivityFilterForm" else "form"] |= _form_fields(FORMS[form_name])
    return reads


def _all_web_source() -> str:
    return "\n".join(p.read_text("utf-8") for p in sorted((REPO_ROOT / "press" / "web").glob("*.py")))


@dataclass(frozen=True)
class Case:
    rule: str
    method: str
    endpoint: str
    converters: tuple[tuple[str, str], ...]
    reads: dict

    @property
    def id(self) -> str:
        return f"{self.method}-{self.endpoint}"


def _cases() -> list[Case]:
    app = create_app({"ENV": "testing", "SECRET_KEY": "fuzz", "DATABASE_URL": "sqlite://", "TESTING": True})
    every = _source_reads(_all_web_source())
    cases = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        view = app.view_functions[rule.endpoint]
        try:
            own = _source_reads(inspect.getsource(inspect.unwrap(view)))
        except (OSError, TypeError):
            own = {"form": set(), "args": set(), "files": set()}
        reads = {
            "own_form": sorted(own["form"]), "own_args": sorted(own["args"]), "files": sorted(own["files"]),
            "form": sorted(every["form"]), "args": sorted(every["args"]),
        }
        converters = tuple((name, type(conv).__name__) for name, conv in rule._converters.items())
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            cases.append(Case(rule.rule, method, rule.endpoint, converters, reads))
    return cases


CASES = _cases()
