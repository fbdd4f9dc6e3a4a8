"""The catalogues: every sentence of tui/ reaches a French reader translated, none is left
over, none is shown without going through the catalogue, and the .po files are sound.

Messages are found the way translators' tools find them: Babel's extractor over tui/, with
the keywords Passerelle uses (`_`, `N_`, `ngettext`, `pgettext`).
"""

from __future__ import annotations

import argparse
import ast
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po

from conftest import REPO
from tui.i18n.catalog import LOCALE_DIR, compile_po

TUI = REPO / "tui"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "Nn_": (1, 2)}  # Nn_: counted phrases (core/phrasebook)
ARGPARSE_KEYWORDS = {"_": None, "ngettext": (1, 2)}
CATALOGUES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
FRENCH = LOCALE_DIR / "fr" / "LC_MESSAGES" / "passerelle.po"
FRENCH_ARGPARSE = LOCALE_DIR / "fr" / "LC_MESSAGES" / "argparse.po"

# Where the unwrapped-string check looks: every module of Passerelle.
CHECKED = ("tui",)


def _messages(found) -> dict[tuple[str | None, str], list[str]]:
    out: dict = {}
    for filename, lineno, message, _comments, context in found:
        msgid = message if isinstance(message, str) else message[0]
        out.setdefault((context, msgid), []).append(f"{filename}:{lineno}")
    return out


def extracted() -> dict[tuple[str | None, str], list[str]]:
    """Every message marked in tui/ as (context or None, msgid, the singular of a plural) → where it is."""
    found = extract_from_dir(str(TUI), method_map=[("**.py", "python")], keywords=KEYWORDS)
    return {msg: [f"tui/{w}" for w in where] for msg, where in _messages(found).items()}


def argparse_messages() -> dict[tuple[str | None, str], list[str]]:
    """The messages this Python's argparse translates (it calls gettext's `_` and `ngettext`)."""
    found = extract_from_file("python", argparse.__file__, keywords=ARGPARSE_KEYWORDS)
    return _messages(("argparse.py", *m) for m in found)


def entries(po: Path) -> dict[tuple[str | None, str], object]:
    """The translated entries of a catalogue, by (context, msgid) (the singular for a plural)."""
    with po.open("rb") as source:
        catalogue = read_po(source)
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m for m in catalogue if m.id}


def _untranslated(messages: dict, po: Path) -> list[str]:
    french = entries(po)
    missing = []
    for (context, msgid), where in messages.items():
        entry = french.get((context, msgid))
        strings = () if entry is None else (entry.string if isinstance(entry.string, tuple) else (entry.string,))
        if entry is None or entry.fuzzy or not strings or not all(strings):
            why = "missing" if entry is None else ("fuzzy" if entry.fuzzy else "empty")
            missing.append(f"{where[0]}: {why}: {msgid!r}" + (f" (context {context!r})" if context else ""))
    return missing


def test_every_message_of_tui_is_translated_in_french() -> None:
    missing = _untranslated(extracted(), FRENCH)
    assert not missing, (f"{len(missing)} messages have no French translation in {FRENCH.relative_to(REPO)}:\n"
                         + "\n".join(missing))


def test_no_french_entry_is_left_over() -> None:
    left = sorted(set(entries(FRENCH)) - set(extracted()), key=str)
    assert not left, "entries no code uses any more (remove them from the French catalogue):\n" + "\n".join(
        repr(m) for m in left)


def test_every_argparse_message_is_translated_and_none_is_left_over() -> None:
    messages = argparse_messages()
    missing = _untranslated(messages, FRENCH_ARGPARSE)
    assert not missing, "argparse messages of this Python without French:\n" + "\n".join(missing)
    assert not sorted(set(entries(FRENCH_ARGPARSE)) - set(messages), key=str)


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_catalogue_parses_compiles_and_names_each_message_once(po: Path) -> None:
    assert compile_po(po)  # what the build and a translator's next start do
    ids = re.findall(r'^((?:msgctxt (?:".*"\n)+)?msgid (?:".*"\n)+)', po.read_text(encoding="utf-8") + "\n", flags=re.M)
    seen: dict[str, int] = {}
    for text in ids:
        seen[text] = seen.get(text, 0) + 1
    assert not [t for t, n in seen.items() if n > 1], "a msgid appears twice (Babel would keep one silently)"


def _fields(text: str) -> list[str]:
    """The {placeholders}; in a template's `{name|fallback}` only the name (the fallback is words)."""
    return sorted(name.split("|")[0] for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def _percents(text: str) -> list[str]:
    return sorted(re.findall(r"%(?:\([a-z_]+\))?[sdr%]", text))


@pytest.mark.parametrize(("po", "fields"), [(FRENCH, _fields), (FRENCH_ARGPARSE, _percents)], ids=["passerelle", "argparse"])
def test_french_keeps_every_placeholder_of_each_message(po: Path, fields) -> None:
    wrong = []
    for entry in entries(po).values():
        sources = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        forms = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for n, form in enumerate(forms):
            source = sources[min(n, len(sources) - 1)]
            if form and fields(form) != fields(source):
                wrong.append(f"{source!r} → {form!r}")
            if fields is _fields and form:
                raw = {name for _, name, _, _ in string.Formatter().parse(form) if name is not None}
                form.format(**{name: "x" for name in raw})  # a stray brace raises here
    assert not wrong, "placeholders differ between English and French:\n" + "\n".join(wrong)


# ---- no user-facing string bypasses the catalogue ------------------------------------------

# Calls that show their text to people → which arguments carry it (positions, keywords).
SHOWN: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "print": ((0,), ()),
    "notify": ((0,), ("title",)),
    "Static": ((0,), ()),
    "Label": ((0,), ()),
    "Button": ((0,), ()),
    "update": ((0,), ()),
    "Text": ((0,), ()),
    "from_markup": ((0,), ()),
    "PasserelleError": ((1,), ("reason",)),
    "StoreError": ((1,), ("reason",)),
    "ExportError": ((1,), ("reason",)),
    "ConfigError": ((1,), ("reason",)),
    "FolderError": ((1,), ("reason",)),
    "add_argument": ((), ("help",)),
    "ArgumentParser": ((), ("description", "epilog")),
    "_Parser": ((), ("description", "epilog")),
    "Binding": ((2,), ("description",)),
    "SystemCommand": ((0, 1), ()),
    "exit": ((1,), ("message",)),
    "write": ((0,), ()),  # only sys.stdout / sys.stderr (see _called)
    "Response": ((), ("text",)),
    "HTTPNotFound": ((), ("text",)),
    "HTTPConflict": ((), ("text",)),
    "Content": ((0,), ()),
    "Option": ((0,), ()),
    "with_tooltip": ((0,), ()),
    "status": ((0,), ()),  # the panes' status line
    "assemble": ((), ()),  # Content.assemble: every part, a (text, style) pair's text
}
# Literal text these calls may show as is, being no words to translate: anywhere, and in one
# file only as (file, text) (no line number, so an edit nearby keeps it), each with why.
ALLOWED_ANYWHERE = {"Passerelle"}  # the product's name, the same in every language
ALLOWED: set[tuple[str, str]] = set()
_MARKUP = re.compile(r"\[[^\]]*\]|\{[^}]*\}")  # Textual markup tags and {placeholders}


def _called(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        if func.attr == "write":
            owner = func.value
            is_std = (isinstance(owner, ast.Attribute) and owner.attr in ("stdout", "stderr")
                      and isinstance(owner.value, ast.Name) and owner.value.id == "sys")
            return "write" if is_std else None
        return func.attr
    return None


def _bare_text(node: ast.AST) -> str | None:
    """The literal words in `node` that reach the screen without the catalogue, if any."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        words = _MARKUP.sub("", node.value)
        return node.value if any(ch.isalpha() for ch in words) else None
    if isinstance(node, ast.JoinedStr):
        literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        return _bare_text(ast.Constant(literal)) and literal
    if isinstance(node, ast.BinOp):
        return _bare_text(node.left) or _bare_text(node.right)
    if isinstance(node, ast.Tuple) and node.elts:  # Content.assemble's (text, style)
        return _bare_text(node.elts[0])
    if isinstance(node, ast.IfExp):
        return _bare_text(node.body) or _bare_text(node.orelse)
    return None  # a call (`_()`, `ngettext()`, `.format()` of one), a name: not a literal


def checked_files(paths: tuple[str, ...]) -> list[Path]:
    return sorted({f for p in paths for f in ([REPO / p] if p.endswith(".py") else (REPO / p).rglob("*.py"))})


def unwrapped(files: list[Path]) -> list[str]:
    """`file:line: call('text')` for each literal with words passed straight to a call that shows it."""
    found = []
    for file in files:
        where = file.relative_to(REPO).as_posix() if file.is_relative_to(REPO) else file.name
        tree = ast.parse(file.read_text(encoding="utf-8"))
        # A module's constant holding bare words (`WORKBOOK = "is an Excel workbook…"`) is as
        # bare as the literal itself when it is passed to a call that shows it.
        constants = {t.id: a.value for a in tree.body if isinstance(a, ast.Assign)
                     for t in a.targets if isinstance(t, ast.Name) and isinstance(a.value, (ast.Constant, ast.JoinedStr))}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or (name := _called(node)) not in SHOWN:
                continue
            positions, keywords = SHOWN[name]
            shown = list(node.args) if name == "assemble" else [node.args[i] for i in positions if i < len(node.args)]
            shown += [k.value for k in node.keywords if k.arg in keywords]
            for argument in shown:
                text = _bare_text(constants.get(argument.id, argument) if isinstance(argument, ast.Name) else argument)
                if text and text not in ALLOWED_ANYWHERE and (where, text) not in ALLOWED:
                    found.append(f"{where}:{argument.lineno}: {name}({text!r})")
    return found


def test_no_user_facing_string_bypasses_the_catalogue() -> None:
    found = unwrapped(checked_files(CHECKED))
    assert not found, "text shown without _() / ngettext():\n" + "\n".join(found)


def test_the_unwrapped_check_catches_bare_words_and_passes_wrapped_text_markup_and_data(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'print("Nothing left to do.")\n'
        'print(f"{n} people left")\n'
        'raise ConfigError(path, "not UTF-8 text")\n'
        'parser.add_argument("--json", help="print JSON")\n'
        'self.notify(_("Saved"), title="Export")\n'
        'print(_("Nothing left to do."))\n'
        'print(_("{n} left").format(n=n))\n'
        'print(f"  {name}: {value}")\n'
        'raise ConfigError("--qualify", _("unknown family"))\n'
        'Content.from_markup("[b]{name}[/b]", name=name)\n'
        'sys.stdout.write(json.dumps(data) + "\\n")\n'
        'handle.write("a file, not the screen")\n'
        'self.notify(message, title="Passerelle")\n'
        'REFUSED = "refused: too big"\n'
        'raise ExportError(path, REFUSED)\n'
        'SAID = N_("refused: too big")\n'
        'raise ExportError(path, _(SAID))\n'
        'Content.assemble(("Not saved: ", "bold red"), reason, (_("saved"), "dim"))\n',
        encoding="utf-8",
    )
    assert unwrapped([sample]) == [
        "sample.py:1: print('Nothing left to do.')",
        "sample.py:2: print(' people left')",
        "sample.py:3: ConfigError('not UTF-8 text')",
        "sample.py:4: add_argument('print JSON')",
        "sample.py:5: notify('Export')",
        "sample.py:15: ExportError('refused: too big')",
        "sample.py:18: assemble('Not saved: ')",
    ]


def test_no_message_is_marked_inside_an_f_string() -> None:
    """Babel's extractor does not read inside f-strings: a `_()` there would never reach the
    catalogue, and French readers would get English."""
    hidden = []
    for file in sorted(TUI.rglob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [f"{file.relative_to(REPO)}:{call.lineno}" for call in ast.walk(node)
                           if isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                           and call.func.id in KEYWORDS]
    assert not hidden, "move these out of their f-string:\n" + "\n".join(hidden)
