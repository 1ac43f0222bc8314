"""No two ``press`` modules import each other, not even inside a function.

Every import counts, wherever it is written (``ast.walk`` reaches function bodies), so
an import moved into a function to dodge a cycle at load time still fails here.
"""
from __future__ import annotations

from tests.unit.test_layering import PACKAGE, imports_of, module_name, source_files


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in source_files()}
    return {name: {m for m in imports_of(path, name) if m in modules and m != name}
            for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_no_two_press_modules_import_each_other():
    assert PACKAGE.is_dir()
    assert cycles(import_graph()) == []


def test_a_cycle_through_three_modules_is_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_an_import_inside_a_function_counts(tmp_path):
    module = tmp_path / "inner.py"
    module.write_text("def later():\n    from press.services import media\n    return media\n")
    assert "press.services.media" in imports_of(module, "press.inner")
