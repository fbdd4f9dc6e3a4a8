"""The composer's template keys state what they need of their pane (TemplateHost), and the
pane provides it: a new use of the pane in those keys, or a renamed pane method, fails here
rather than as an AttributeError when the user presses F2."""

from __future__ import annotations

import ast
import inspect
import textwrap

from tui.ui.panes import composer_templates
from tui.ui.panes.composer_pane import ComposerPane
from tui.ui.panes.composer_templates import ComposerTemplateActions, TemplateHost


def host_members() -> set[str]:
    functions = {n for n, v in vars(TemplateHost).items() if inspect.isfunction(v) and not n.startswith("__")}
    return functions | set(TemplateHost.__annotations__)


def test_the_template_keys_use_only_what_the_host_protocol_lists() -> None:
    tree = ast.parse(inspect.getsource(composer_templates))
    own = {n for n, v in vars(ComposerTemplateActions).items() if inspect.isfunction(v)}
    used = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.args.args and node.args.args[0].arg in ("self", "host"):
            first = node.args.args[0].arg
            used |= {a.attr for a in ast.walk(node)
                     if isinstance(a, ast.Attribute) and isinstance(a.value, ast.Name) and a.value.id == first}
    used -= own
    assert used, "the parse found no use of the host"
    assert used - host_members() == set()
    assert host_members() - used == set()  # nothing listed that the keys do not use


def test_the_composer_pane_provides_everything_the_host_protocol_lists() -> None:
    init = ast.parse(textwrap.dedent(inspect.getsource(ComposerPane.__init__)))
    assigned = {t.attr for node in ast.walk(init) if isinstance(node, (ast.Assign, ast.AnnAssign))
                for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self"}
    missing = {n for n in host_members() if not hasattr(ComposerPane, n) and n not in assigned}
    assert missing == set()
    assert issubclass(ComposerPane, ComposerTemplateActions)
