"""The loaders' modules import each other without a circle (module-level imports; type-only imports aside)."""
from __future__ import annotations

import ast
from pathlib import Path

import loaders

ROOT = Path(loaders.__file__).resolve().parent


def module_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:  # module level only: a function-level import runs later, on demand
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("loaders"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("loaders"))
    return found


def graph() -> dict[str, set[str]]:
    modules = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return {name: {m for m in module_imports(path) if m in modules and m != name} for name, path in modules.items()}


def test_no_import_circle_among_the_loaders() -> None:
    edges = graph()
    state: dict[str, int] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for target in sorted(edges[name]):
            if state.get(target) == 1:
                raise AssertionError("import circle: " + " -> ".join([*trail, name, target]))
            if target not in state:
                visit(target, [*trail, name])
        state[name] = 2

    for name in sorted(edges):
        if name not in state:
            visit(name, [])
