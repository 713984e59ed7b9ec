"""The layers keep their boundaries: checked on the source, file by file.

import-linter (run by test.sh) covers whole packages; this covers what it cannot
express: which Qt modules each layer may import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import REPO_ROOT

APP = REPO_ROOT / "app"
# Layer -> Qt modules it may use. The domain uses none; the store and the link may use
# Qt's non-GUI modules (signals, networking) but never widgets or painting.
ALLOWED_QT = {
    "domain": set(),
    "store": {"PySide6.QtCore"},
    "link": {"PySide6.QtCore", "PySide6.QtNetwork", "PySide6.QtWebSockets"},
    "export": {"PySide6.QtCore", "PySide6.QtGui"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize("layer", sorted(ALLOWED_QT))
def test_layer_uses_only_its_qt_modules(layer: str) -> None:
    files = sorted((APP / layer).rglob("*.py"))
    assert files, f"app/{layer} has no Python files"
    offending = []
    for path in files:
        for module in imported_modules(path):
            if not module.startswith("PySide6"):
                continue
            qt_module = ".".join(module.split(".")[:2])
            if qt_module not in ALLOWED_QT[layer]:
                offending.append(f"{path.relative_to(REPO_ROOT)} imports {module}")
    assert offending == []


def test_widgets_never_run_sql() -> None:
    offending = [
        f"{path.relative_to(REPO_ROOT)} imports {module}"
        for path in sorted((APP / "ui").rglob("*.py"))
        for module in imported_modules(path)
        if module.startswith(("sqlalchemy", "alembic", "sqlite3", "psycopg"))
    ]
    assert offending == []


def test_windows_know_the_store_only_through_its_light_api() -> None:
    """``app.store.api`` for records, errors and protocols; ``open_store`` only where the
    one store client opens it (its module imports it lazily, on the pool)."""
    offending = []
    for path in sorted((APP / "ui").rglob("*.py")):
        for module in imported_modules(path):
            if not module.startswith("app.store") or module.startswith("app.store.api"):
                continue
            if path.name == "store_client.py" and module in {"app.store", "app.store.open_store"}:
                continue
            offending.append(f"{path.relative_to(REPO_ROOT)} imports {module}")
    assert offending == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each a cycle of imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.get(module, ()):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_two_modules_import_each_other_in_a_loop() -> None:
    # The layers contract sees only imports between rooms; a loop inside one room (the
    # journal's replay and the service once, partner and relay wiring once) needs this.
    # grimp (import-linter's graph) reads every import, those inside functions too.
    import grimp

    built = grimp.build_graph("app")
    modules = {module for module in built.modules if module.startswith("app")}
    graph = {
        module: {
            imported
            for imported in built.find_modules_directly_imported_by(module)
            if imported in modules
        }
        for module in modules
    }
    assert _cycles(graph) == []


def test_the_cycle_check_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
