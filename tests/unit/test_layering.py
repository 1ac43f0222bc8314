"""Every import inside ``press/`` goes the direction ``docs/architecture.md`` states."""
from __future__ import annotations

import ast
import fnmatch
import re
from pathlib import Path

from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "press"
DOC = REPO_ROOT / "docs" / "architecture.md"
FLASK_PACKAGES = ("flask", "flask_babel", "flask_login", "flask_migrate", "flask_sqlalchemy", "flask_wtf", "werkzeug.local")


def read_layers() -> list[dict]:
    text = DOC.read_text()
    block = text.split("<!-- layers -->")[1].split("<!-- /layers -->")[0]
    layers = []
    for line in block.strip().splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        name, modules, may_import, flask = cells
        layers.append({
            "name": name,
            "patterns": re.findall(r"`([^`]+)`", modules),
            "may_import": set() if may_import.startswith("(") else {m.strip() for m in may_import.split(",")},
            "flask": flask == "yes",
        })
    return layers


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str, layers: list[dict]) -> dict | None:
    if module == "press.demo":
        return next(layer for layer in layers if layer["name"] == "services")
    for layer in layers:
        if any(fnmatch.fnmatchcase(module, pattern) for pattern in layer["patterns"]):
            return layer
    return None


def is_module(dotted: str) -> bool:
    path = REPO_ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def imports_of(path: Path, module: str) -> set[str]:
    """Every module ``path`` imports, with ``from pkg import sub`` resolved to ``pkg.sub``."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                if path.name != "__init__.py":
                    base = base[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.add(candidate if is_module(candidate) else target)
    return found


def source_files():
    return [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts]


def violations(extra: tuple[tuple[Path, str], ...] = ()) -> list[str]:
    """Imports that break the table; ``extra`` adds (file, module name) pairs to check."""
    layers = read_layers()
    problems = []
    for path, module in [(p, module_name(p)) for p in source_files()] + list(extra):
        layer = layer_of(module, layers)
        if layer is None:
            problems.append(f"{module}: no layer in docs/architecture.md")
            continue
        for imported in imports_of(path, module):
            if imported.split(".")[0] in ("flask", "werkzeug") or imported.startswith("flask_"):
                if not layer["flask"] and (imported.startswith("flask") or imported in FLASK_PACKAGES):
                    problems.append(f"{module} ({layer['name']}) imports {imported}")
                continue
            if imported == "press" or imported.startswith("press."):
                target = layer_of(imported, layers)
                if imported == "press.demo":
                    allowed = "demo" in layer["may_import"] or "services" in layer["may_import"]
                else:
                    allowed = target is not None and (target["name"] in layer["may_import"] or target is layer and layer["name"] in layer["may_import"])
                if not allowed:
                    problems.append(f"{module} ({layer['name']}) imports {imported} ({target['name'] if target else '?'})")
    return problems


def test_imports_follow_the_architecture():
    assert violations() == []


def test_the_checker_catches_a_stage_importing_flask(tmp_path, monkeypatch):
    bad = tmp_path / "_layering_probe.py"  # outside the tree: other tests read it meanwhile
    bad.write_text("from flask import current_app\nfrom press.web import roles\n")
    found = [v for v in violations(((bad, "press.photos._layering_probe"),)) if "_layering_probe" in v]
    assert len(found) == 2


def test_every_layer_row_parses():
    names = [layer["name"] for layer in read_layers()]
    assert {"config", "storage", "models", "stages", "services", "web", "cli", "app"} <= set(names)


def module_map_paths() -> set[str]:
    """The paths the first column of the module map names."""
    section = DOC.read_text().split("## Module map")[1].split("\n## ")[0]
    return {path.rstrip("/") for line in section.splitlines() if line.startswith("| `")
            for path in re.findall(r"`([^`]+)`", line.split("|")[1])}


def test_the_module_map_has_a_row_for_every_base_module_and_each_registry():
    named = module_map_paths()
    wanted = {str(p.relative_to(REPO_ROOT)) for p in PACKAGE.glob("*.py")} | {
        "press/web/links.py", "press/web/labels.py", "press/services/media_integrity.py", "press/job_queue.py",
    }
    assert sorted(wanted - named) == []
