"""The shape of the house: the pure stages never reach the database, modules import each other without a cycle,
and the flow is one task per step of tension.run (no SQL, no timing, no library call but run.*)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "tension"
# The pure side of the line: what worker processes import to analyse a batch.
PURE = ["tension/ingest", "tension/extract", "tension/score", "tension/analyse.py", "tension/records.py"]


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules_under(relative: str) -> list[str]:
    path = ROOT / relative
    files = [path] if path.suffix == ".py" else sorted(path.rglob("*.py"))
    return [module_name(f) for f in files]


def test_nothing_pure_imports_duckdb():
    pure = [m for r in PURE for m in modules_under(r)]
    assert len(pure) > 15
    code = ("import importlib, sys\n"
            f"for name in {pure!r}:\n"
            "    importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('duckdb', 'prefect', 'pandas')))\n")
    found = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]", found.stdout[:500]


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The project modules a file imports, at module level or inside functions (a lazy import is still an edge)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    this = module_name(path)
    package = this if path.name == "__init__.py" else this.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            # `from package import module` imports the module; `from module import name` the module itself
            names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != this:
                found.add(name)
    return found


def import_graph() -> dict[str, set[str]]:
    files = [f for folder in ("tension", "flows") for f in sorted((ROOT / folder).rglob("*.py"))]
    known = {module_name(f) for f in files}
    return {module_name(f): imports_of(f, known) for f in files}


def test_no_import_cycle():
    graph = import_graph()
    assert graph["tension.run"] >= {"tension.analyse", "tension.warehouse.load"}  # the graph is read right
    cycles, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    # package __init__ files are empty; a module importing its own package is not a cycle of code
    cycles = [c for c in cycles if not any(a.startswith(b + ".") or b.startswith(a + ".") for a, b in zip(c, c[1:]))]
    assert cycles == []


def test_pure_modules_import_nothing_from_the_warehouse_or_the_orchestration():
    graph = import_graph()
    pure = {m for r in PURE for m in modules_under(r)}
    for module in sorted(pure):
        impure = {m for m in graph[module] if m.startswith(("tension.warehouse", "tension.run", "tension.reporting",
                                                            "tension.cli", "flows"))}
        assert not impure, (module, impure)


def test_the_flow_only_calls_run():
    source = (ROOT / "flows" / "weekly.py").read_text(encoding="utf-8")
    graph = import_graph()
    assert {m for m in graph["flows.weekly"] if m.startswith("tension")} == {"tension.run", "tension.config"}
    tree = ast.parse(source)
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                for alias in node.names}
    assert not imported & {"time", "duckdb", "perf_counter"}  # no timing code, no database
    lowered = source.lower()
    assert "execute(" not in lowered and "select " not in lowered  # no SQL
