"""Template files: clear errors with file and line, atomic private writes, starters once."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tui.core.errors import ConfigError
from tui.composer.template_files import (
    STARTER_TEMPLATES,
    Template,
    create_template,
    delete_template,
    duplicate_template,
    ensure_starters,
    load_template,
    load_templates,
    rename_template,
    save_template,
)
from tui.composer.templates import lint, placeholders_used, render

TYPICAL = {
    "first_name": "Camille", "last_name": "Martin", "full_name": "Camille Martin",
    "company": "Acme Industries", "position": "Head of Sales", "my_first_name": "Alexandre",
    "my_name": "Alexandre Durand", "event": "the Lyon product meetup", "relay_name": "Jordan Lefebvre",
}


def test_starters_cover_both_languages_and_fit_the_free_limit() -> None:
    by_lang = {"en": 0, "fr": 0}
    for starter in STARTER_TEMPLATES:
        by_lang[starter.language] += 1
        out = render(starter.text, TYPICAL)
        assert out.problems == (), starter.name
        assert out.length < 200, starter.name
        bare = render(starter.text, {})  # no values: fallbacks or my_* warnings only
        assert not bare.errors
    assert by_lang == {"en": 9, "fr": 9}
    assert any("relay_name" in placeholders_used(s.text) for s in STARTER_TEMPLATES)
    assert sum("met" in placeholders_used(s.text) for s in STARTER_TEMPLATES) == 2  # one per language
    assert sum(1 for s in STARTER_TEMPLATES if s.text == "") == 2


def test_ensure_starters_writes_once_private(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    written = ensure_starters(folder)
    assert len(written) == len(STARTER_TEMPLATES)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in written)
    loaded = load_templates(folder)
    assert loaded.errors == ()
    assert {t.name for t in loaded.templates} == {s.name for s in STARTER_TEMPLATES}
    assert {t.text for t in loaded.templates} == {s.text for s in STARTER_TEMPLATES}
    written[0].unlink()
    assert ensure_starters(folder) == []  # a deleted starter stays deleted
    assert len(load_templates(folder).templates) == len(STARTER_TEMPLATES) - 1


def test_round_trip_of_awkward_text(tmp_path: Path) -> None:
    text = 'Line "one" \\ {first_name}\n\tsecond """ line\n\'\'\' é 👩‍💻\x07'
    saved = save_template(tmp_path, Template(name='Odd "name"', text=text, language="fr"))
    again = load_template(saved.path)
    assert (again.name, again.text, again.language) == ('Odd "name"', text, "fr")


def test_broken_file_is_reported_and_others_load(tmp_path: Path) -> None:
    save_template(tmp_path, Template(name="Good", text="Hi {first_name}"))
    (tmp_path / "bad.toml").write_text('name = "Bad"\ntext = "unclosed\n', encoding="utf-8")
    (tmp_path / "latin.toml").write_bytes(b'name = "x"\n\ntext = "caf\xe9"\n')
    (tmp_path / "extra.toml").write_text('name = "E"\ntext = ""\n\nsubject = "hi"\n', encoding="utf-8")
    (tmp_path / "typed.toml").write_text('name = "T"\ntext = 5\n', encoding="utf-8")
    (tmp_path / "empty.toml").write_text('text = "x"\n', encoding="utf-8")
    loaded = load_templates(tmp_path)
    assert [t.name for t in loaded.templates] == ["Good"]
    errors = {Path(e.where).name: e for e in loaded.errors}
    assert errors["bad.toml"].line == 2 and "invalid TOML" in str(errors["bad.toml"])
    assert errors["latin.toml"].line == 3 and "UTF-8" in str(errors["latin.toml"])
    assert errors["extra.toml"].line == 4 and "unknown key 'subject'" in str(errors["extra.toml"])
    assert errors["typed.toml"].line == 2 and "'text' must be text" in str(errors["typed.toml"])
    assert "missing 'name'" in str(errors["empty.toml"])
    # Named by full path, as config.toml and strategy.toml errors are: the user can open it.
    assert str(errors["bad.toml"]).startswith(f"{tmp_path / 'bad.toml'} (line 2): ")


def test_hostile_placeholders_load_and_lint(tmp_path: Path) -> None:
    (tmp_path / "h.toml").write_text('name = "H"\ntext = "{first_name.__class__} {0}"\n', encoding="utf-8")
    template = load_templates(tmp_path).find("h")
    assert template is not None
    assert len(lint(template.text)) == 2


def test_create_duplicate_rename_delete(tmp_path: Path) -> None:
    first = create_template(tmp_path, "Café chat", text="Hi {first_name}", language="en")
    assert first.path.name == "cafe-chat.toml"
    with pytest.raises(ConfigError, match="already exists"):
        create_template(tmp_path, "café CHAT")
    copy = duplicate_template(tmp_path, first)
    assert copy.name == "Café chat (copy)" and copy.text == first.text and copy.path != first.path
    renamed = rename_template(tmp_path, copy, "Second")
    assert renamed.path.name == "second.toml" and not copy.path.exists()
    with pytest.raises(ConfigError):
        rename_template(tmp_path, renamed, "cafe chat".replace("cafe", "Café"))
    found = load_templates(tmp_path)
    assert [t.name for t in found.templates] == ["Café chat", "Second"]
    assert found.find("second.toml") == renamed
    assert found.find("sec") == renamed and found.find("") is None
    delete_template(first)
    assert [t.name for t in load_templates(tmp_path).templates] == ["Second"]
    assert list(tmp_path.glob(".*.tmp")) == []
    create_template(tmp_path, "Second wave")
    assert load_templates(tmp_path).find("sec") is None  # ambiguous prefix
