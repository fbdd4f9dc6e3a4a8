"""A template file deleted or locked (chmod) while open in the composer: a clear line, the text kept, nothing half-written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from app_screen import pick_template
from textual.widgets import TextArea
from ui_export import ui_export

from tui.app import PasserelleApp
from tui.composer.template_files import create_template
from tui.launch import build_context
from tui.ui.panes.composer_pane import ComposerPane

TYPED = ", à bientôt au salon"


async def save_after(tmp_path: Path, passerelle_home, change) -> tuple[str, str, Path]:
    """Open "Salon RH" in the composer, type, `change(path)` under the open editor, ctrl+s:
    (what the app said, the editor's text, the template's path)."""
    context = build_context(ui_export(tmp_path / "Basic_LinkedInDataExport_11-20-2025.zip"), passerelle_home)
    folder = context.paths.templates_dir
    template = create_template(folder, "Salon RH", text="Bonjour {first_name}")
    app = PasserelleApp(context)
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await pilot.press("4")
            await pilot.pause()
            pane = app.query_one(ComposerPane)
            pick_template(pane, "Salon RH")
            await pilot.pause()
            editor = pane.query_one("#template-editor", TextArea)
            editor.focus()
            editor.move_cursor(editor.document.end)
            await pilot.press(*TYPED)
            await pilot.pause()
            before = {p.name for p in folder.iterdir()}
            change(template.path)
            app._notifications.clear()
            await pilot.press("ctrl+s")
            await pilot.pause()
            said = [str(n.message) for n in app._notifications]
            text = pane.query_one("#template-editor", TextArea).text
    finally:
        for where in (template.path, folder):
            if where.exists():
                os.chmod(where, 0o700 if where.is_dir() else 0o600)
        context.store.close()
    assert len(said) == 1 and "\n" not in said[0]
    assert {p.name for p in folder.iterdir()} == before, "a temporary file was left behind, or a file lost"
    return said[0], text, template.path


async def test_a_template_file_deleted_while_open_is_written_again_with_the_typed_text(tmp_path, passerelle_home):
    said, text, path = await save_after(tmp_path, passerelle_home, lambda path: path.unlink())
    assert said == "Template saved: Salon RH"
    assert text == "Bonjour {first_name}" + TYPED
    assert TYPED in path.read_text(encoding="utf-8")  # whole: the file is written again, atomically


@pytest.mark.parametrize("lock", ["file", "folder"])
async def test_a_template_file_or_folder_locked_while_open_is_not_overwritten(tmp_path, passerelle_home, lock):
    kept: dict[str, bytes] = {}

    def make_read_only(path: Path) -> None:
        kept["bytes"] = path.read_bytes()
        target = path if lock == "file" else path.parent
        os.chmod(target, stat.S_IRUSR | (stat.S_IXUSR if lock == "folder" else 0))

    said, text, path = await save_after(tmp_path, passerelle_home, make_read_only)
    assert said.startswith("Could not save: ") and "read-only" in said and "editor keeps your text" in said
    assert str(path if lock == "file" else path.parent) in said
    assert text == "Bonjour {first_name}" + TYPED  # nothing typed is lost
    assert path.read_bytes() == kept["bytes"]  # the locked file is as it was
