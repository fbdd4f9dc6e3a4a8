"""The layout holds: no import circle, small modules, a thin app, Textual's private parts in one place."""

from __future__ import annotations

import ast
from pathlib import Path

import tui

ROOT = Path(tui.__file__).parent


def _module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules(root: Path = ROOT) -> dict[str, Path]:
    return {_module_name(p, root): p for p in sorted(root.rglob("*.py"))}


def _runtime_nodes(tree: ast.AST):
    """Every node, minus `if TYPE_CHECKING:` blocks (never run, so never a circle at import)."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            todo.extend(node.orelse)  # ast.walk would have queued the body before it could be skipped
        else:
            todo.extend(ast.iter_child_nodes(node))


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Module → the tui modules it imports, at the top or inside a function (one import is one edge)."""
    modules = _modules(root)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = graph.setdefault(name, set())
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from the package, up level-1 packages
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([base] if base else []))
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            else:
                continue
            edges.update(t for t in targets if t in modules and t != name)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as a list of modules (first == last), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_the_cycle_finder_sees_a_circle_through_an_import_inside_a_function() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_circle() -> None:
    """A circle hidden by an import inside a function still breaks the day someone moves it up."""
    cycle = find_cycle(import_graph())
    assert cycle is None, "import circle: " + " → ".join(cycle or [])


def test_no_module_over_400_lines_and_a_thin_app() -> None:
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in _modules().items()}
    assert {n: s for n, s in sizes.items() if s > 400} == {}
    assert sizes["tui.app"] <= 150


STDLIB_WITH_UNDERSCORES = {"os", "sys"}  # os._exit, sys._getframe: documented, not Textual's


def _textual_private_names() -> set[str]:
    """The `_names` of the Textual objects Passerelle touches: App, Screen, widgets, events, messages."""
    from textual import events
    from textual.app import App
    from textual.message import Message
    from textual.screen import Screen
    from textual.widget import Widget
    from textual.widgets import ContentSwitcher, Footer, Input, OptionList, Static, TextArea

    objects = [App(), Screen(), Widget(), Static(), Input(), TextArea(), OptionList(), Footer(), ContentSwitcher(),
               events.Key("a", "a"), Message()]
    return {n for o in objects for n in dir(o) if n.startswith("_") and not n.startswith("__")}


def _overrides(module: object) -> list[str]:
    """`_names` a class of `module` defines that a Textual base class already has."""
    out = []
    for cls in vars(module).values():
        if isinstance(cls, type) and cls.__module__ == module.__name__:
            textual_bases = [b for b in cls.__mro__ if b.__module__.split(".")[0] == "textual"]
            out += [f"{cls.__name__}.{n}" for n, v in vars(cls).items() if n.startswith("_") and not n.startswith("__")
                    and callable(v) and any(n in vars(b) for b in textual_bases)]
    return out


def test_textual_private_parts_are_used_in_one_module_only() -> None:
    """tui/ui/textual_private.py says why each one is needed; anywhere else a Textual upgrade could break silently."""
    import importlib

    private = _textual_private_names()
    found = []
    for name, path in _modules().items():
        if name == "tui.ui.textual_private":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        own = {t.attr for n in ast.walk(tree) if isinstance(n, (ast.Assign, ast.AnnAssign))
               for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Attribute)}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual") and (
                    "._" in f".{node.module}" or any(a.name.startswith("_") for a in node.names)):
                found.append(f"{name}: from {node.module} import …")
            elif (isinstance(node, ast.Attribute) and node.attr in private and node.attr not in own
                  and not (isinstance(node.value, ast.Name) and node.value.id in STDLIB_WITH_UNDERSCORES)):
                found.append(f"{name}: .{node.attr}")
        if "textual" in path.read_text(encoding="utf-8"):
            found += [f"{name}: overrides {o}" for o in _overrides(importlib.import_module(name))]
    assert found == []


def test_every_package_says_what_it_holds_and_what_it_may_import() -> None:
    """A newcomer reads the package docstrings first: each says what it holds; those the others build on say what they import."""
    for name, path in _modules().items():
        if path.name != "__init__.py":
            continue
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        assert len(doc) > 40, f"{name} has no docstring worth the name"
        if name in ("tui.core", "tui.export", "tui.store", "tui.triage", "tui.network", "tui.composer", "tui.ui", "tui.cli",
                    "tui.outputs"):
            assert "import" in doc.lower(), f"{name}: say what it may import"


def package_graph(modules: dict[str, set[str]] | None = None) -> dict[str, set[str]]:
    """Package (tui.core, tui.store…; a top-level module is its own) → the packages it imports."""
    def package(module: str) -> str:
        return ".".join(module.split(".")[:2])

    graph: dict[str, set[str]] = {}
    for module, targets in (import_graph() if modules is None else modules).items():
        graph.setdefault(package(module), set()).update(package(t) for t in targets if package(t) != package(module))
    return graph


# The data layer, lowest first: each package imports only those before it (tui itself gives
# __version__). i18n < core < export, triage < store < network < composer.
LAYERS = ("tui", "tui.i18n", "tui.core", "tui.paths", "tui.config", "tui.text", "tui.export", "tui.triage",
          "tui.store", "tui.network", "tui.composer")


def test_the_data_packages_import_each_other_one_way() -> None:
    """A package-level circle (store needing network needing store) hides behind imports in
    functions: the data layer is checked package by package, with its direction."""
    graph = package_graph()
    below = {name: set(LAYERS[:i]) for i, name in enumerate(LAYERS)}
    upward = {name: sorted(graph.get(name, set()) - below[name]) for name in LAYERS}
    assert {n: up for n, up in upward.items() if up} == {}
    assert find_cycle({n: graph.get(n, set()) & set(LAYERS) for n in LAYERS}) is None
    assert set(LAYERS) - {"tui"} <= set(graph)  # every layer was found in the tree


# The whole of tui, lowest first: the data layer above, then what the commands and the app
# hand out, the context and its loading, serve, the panes, the App, the first open, the run,
# the commands. A package may import only those before it, as README.md's Development says.
ORDER = LAYERS + ("tui.outputs", "tui.context", "tui.launch", "tui.serve", "tui.ui", "tui.app", "tui.first_open",
                  "tui.run", "tui.cli", "tui.__main__")


def _circle_message(cycle: list[str], modules: dict[str, set[str]]) -> str:
    """`tui.cli → tui.serve → tui.cli`, then each step's imports, module by module."""
    def package(module: str) -> str:
        return ".".join(module.split(".")[:2])

    steps = []
    for a, b in zip(cycle, cycle[1:]):
        pairs = sorted(f"{m} imports {t}" for m, ts in modules.items() if package(m) == a for t in ts if package(t) == b)
        more = f"; and {len(pairs) - 3} more" if len(pairs) > 3 else ""
        steps.append(f"  {a} → {b}: " + "; ".join(pairs[:3]) + more)
    return "package import circle: " + " → ".join(cycle) + "\n" + "\n".join(steps)


def test_a_package_circle_through_an_import_inside_a_function_is_named(tmp_path: Path) -> None:
    """Two packages importing each other, one of them only inside a function, are one circle."""
    root = tmp_path / "tui"
    for folder, code in {"cli": "from tui.serve import server\n",
                         "serve": "def page():\n    from tui.cli import report\n"}.items():
        (root / folder).mkdir(parents=True)
        (root / folder / "__init__.py").write_text('"""A package."""\n')
        (root / folder / ("main.py" if folder == "cli" else "deliveries.py")).write_text(code)
    (root / "cli" / "report.py").write_text("")
    (root / "serve" / "server.py").write_text("")
    (root / "__init__.py").write_text("")
    modules = import_graph(root)
    cycle = find_cycle(package_graph(modules))
    assert cycle == ["tui.cli", "tui.serve", "tui.cli"]
    assert _circle_message(cycle, modules).splitlines() == [
        "package import circle: tui.cli → tui.serve → tui.cli",
        "  tui.cli → tui.serve: tui.cli.main imports tui.serve.server",
        "  tui.serve → tui.cli: tui.serve.deliveries imports tui.cli.report"]


def test_no_package_imports_another_in_a_circle() -> None:
    """Every top-level package and module of tui (cli, serve, ui, app, launch…) is one node;
    imports inside functions count: serve needing cli needing serve is a circle even if no
    import at the top shows it."""
    modules = import_graph()
    graph = package_graph(modules)
    cycle = find_cycle(graph)
    assert cycle is None, _circle_message(cycle or [], modules)
    assert {"tui.cli", "tui.serve", "tui.ui", "tui.launch", "tui.app", "tui.run"} <= set(graph)


def test_the_packages_import_downward_only() -> None:
    """The direction itself, so the next circle is refused at its first edge: a package lists
    only packages before it in ORDER (one not listed yet is still checked for circles above)."""
    graph = package_graph()
    upward = {name: sorted(graph.get(name, set()) & set(ORDER[i:])) for i, name in enumerate(ORDER)}
    assert {n: up for n, up in upward.items() if up} == {}
