"""The package's import graph: no cycles, arrows that point down, one home per task fact.

Imports are read with ``ast`` from every module of ``labutils/``, including those inside
function bodies (a function-level import hides a cycle, it does not remove it).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "labutils"

# Modules at the top that drive the rest; nothing below them may import them.
TOP = {"cli", "runner", "report"}
# What the training loop may never import: the registry that calls it, and what calls the registry.
NOT_FROM_TRAIN = {"runs", "cli", "runner", "report"}


def module_imports() -> dict[str, set[str]]:
    """``{module: {labutils modules it imports}}``, from every import statement in the file."""
    graph = {}
    for path in sorted(PACKAGE.glob("*.py")):
        name = path.stem
        imports = set()
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module == "labutils":
                    imports |= {alias.name for alias in node.names if (PACKAGE / f"{alias.name}.py").is_file()}
                elif node.module.startswith("labutils."):
                    imports.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                imports |= {alias.name.split(".")[1] for alias in node.names if alias.name.startswith("labutils.")}
        graph[name] = imports - {name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules (first == last), or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        state[node] = "done"
        stack.pop()
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle_in_the_package():
    cycle = find_cycle(module_imports())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_layers_point_down():
    graph = module_imports()
    for module, imports in graph.items():
        if module not in TOP:
            assert not imports & TOP, f"{module} imports {sorted(imports & TOP)}: only the top layer may"
    assert not graph["train"] & NOT_FROM_TRAIN, f"train imports {sorted(graph['train'] & NOT_FROM_TRAIN)}"
    for module in ("tasks", "device", "results"):  # the foundation imports nothing of the package
        assert not graph[module], f"{module} imports {sorted(graph[module])}"


def readme_layers() -> list[list[str]]:
    """The README's table of the package, bottom layer first: one list of module names per row."""
    readme = (PACKAGE.parent / "README.md").read_text()
    table = readme.split("The package, bottom layer first", 1)[1].split("\n\n", 2)[1]
    return [re.findall(r"`(\w+)`", line.split("|")[1]) for line in table.splitlines() if line.startswith("| `")]


def test_every_import_points_up_the_readmes_table():
    layers = readme_layers()
    row = {module: number for number, names in enumerate(layers) for module in names}
    graph = module_imports()
    unnamed = sorted(set(graph) - set(row) - {"__init__"})
    assert not unnamed, f"README's package table does not name {unnamed}: add each to the row of its layer"
    gone = sorted(set(row) - set(graph))
    assert not gone, f"README's package table names modules that do not exist: {gone}"
    down = [f"{module} -> {imported}" for module, imports in graph.items() if module in row
            for imported in imports if row[imported] > row[module]]
    assert not down, f"imports that point down the README's table (to a later row): {down}"


def test_the_layer_check_finds_a_downward_import(monkeypatch):
    import test_architecture as this

    monkeypatch.setattr(this, "module_imports", lambda: {"tasks": {"cli"}, "cli": set()})
    monkeypatch.setattr(this, "readme_layers", lambda: [["tasks"], ["cli"]])
    with pytest.raises(AssertionError, match="tasks -> cli"):
        this.test_every_import_points_up_the_readmes_table()


@pytest.mark.parametrize("fact, pattern", [
    ("the list of tasks", r"""\(\s*["']summarization["'],\s*["']sentiment["'],\s*["']ner["'],\s*["']qa["']\s*\)"""),
    ("the sentiment labels", r"""\(\s*["']positive["'],\s*["']negative["']\s*\)"""),
    ("the entity types", r"""\(\s*["']PER["'],\s*["']ORG["'],\s*["']LOC["']\s*\)"""),
    ("the target fields", r"""["']summarization["']\s*:\s*["']summary["']"""),
])
def test_task_facts_are_defined_once(fact, pattern):
    """tasks.py declares each task fact; no other module keeps a copy."""
    copies = [path.name for path in sorted(PACKAGE.glob("*.py"))
              if path.name != "tasks.py" and re.search(pattern, path.read_text())]
    assert not copies, f"{fact} is defined again in {copies}"


def test_no_module_is_too_big_and_the_loop_reads_in_one_screen_or_three():
    sizes = {path.name: len(path.read_text().splitlines()) for path in PACKAGE.glob("*.py")}
    assert max(sizes.values()) <= 560, sorted(sizes.items(), key=lambda item: -item[1])[:3]
    source = (PACKAGE / "train.py").read_text()
    train_def = next(node for node in ast.parse(source).body if isinstance(node, ast.FunctionDef) and node.name == "train")
    assert train_def.end_lineno - train_def.lineno + 1 <= 190
