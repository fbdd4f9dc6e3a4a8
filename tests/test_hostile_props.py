"""Properties of the reader and the renderers with names and cells drawn from control, C1,
bidi and zero-width characters: an Export or one clean ExportError line, never raw bytes
on a terminal, never live Markdown in the report."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from export_fixtures import CONNECTIONS_HEADER, IN, PREAMBLE, csv_line, sample_members, zip_bytes
from tui.cli.import_export import clean
from tui.outputs.report import cell
from tui.core.errors import ExportError
from tui.export.reader import load_export
from tui.core.unsafe_chars import is_unsafe
from tui.text import DISPLAY_CAP, display_text, one_line

HOSTILE = (
    [chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))]  # C0, DEL, C1 (0x9B CSI, 0x9D OSC)
    + ["\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))]
    + ["\u200b", "\u200c", "\u200d", "\ufeff", "\x1b]52;c;cHduZWQ=\x07", "\x1b[2J", "\x1b]0;T\x1b\\"]
    + list("ab é,\";[]/") + ["[/]", "[@click=app.quit]", "![x](https://e.x/p.png)", "<img src=x>"]
)
hostile_text = st.lists(st.sampled_from(HOSTILE), max_size=12).map("".join)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _clean_line(text: str) -> bool:
    return "\n" not in text and not any(is_unsafe(ord(ch)) for ch in text)


@SETTINGS
@given(folder=hostile_text.map(lambda s: s.replace("\x00", "")),  # zipfile cuts a name at NUL
       cells=st.lists(st.lists(hostile_text, min_size=7, max_size=7), min_size=1, max_size=4))
def test_hostile_names_and_cells_give_an_export_or_one_clean_line(folder: str, cells: list[list[str]]) -> None:
    rows = [[first, last, f"{IN}p{n}", mail, company, position, "05 Nov 2025"]
            for n, (first, last, _, mail, company, position, _) in enumerate(cells)]
    text = PREAMBLE + "\n".join([csv_line(CONNECTIONS_HEADER)] + [csv_line(r) for r in rows]) + "\n"
    members = {f"{folder or 'x'}/{name}": data for name, data in sample_members().items()}
    members[f"{folder or 'x'}/Connections.csv"] = text.encode("utf-8", errors="surrogatepass")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "Basic_LinkedInDataExport_05-12-2026.zip"
        path.write_bytes(zip_bytes(members))
        try:
            export = load_export(path, max_bytes=1 << 20)
        except ExportError as exc:
            assert _clean_line(str(exc)), repr(str(exc))
            return
    for report in export.report.files:  # every name the import table prints
        assert _clean_line(clean(report.name)) and all(_clean_line(clean(p)) for p in report.problems)
    for value in export.connections.select("full_name", "company", "position").rows():
        for item in value:
            shown = display_text(item).plain
            assert not any(is_unsafe(ord(ch)) for ch in shown.replace("\n", "").replace("\t", ""))
            assert _clean_line(one_line(item).replace("\t", " "))


@settings(max_examples=300, deadline=None)
@given(text=st.lists(hostile_text, max_size=400).map("".join))
def test_any_cell_on_screen_is_inert_and_capped(text: str) -> None:
    shown = display_text(text).plain
    assert not any(is_unsafe(ord(ch)) for ch in shown if ch not in "\n\t")
    assert len(shown) <= DISPLAY_CAP + len("… (999,999 more)")
    row = one_line(text)
    assert "\n" not in row and len(row) <= DISPLAY_CAP + len("… (999,999 more)")


@settings(max_examples=300, deadline=None)
@given(text=hostile_text)
def test_any_report_cell_is_one_line_with_no_live_markdown_or_html(text: str) -> None:
    out = cell(text)
    assert _clean_line(out)
    assert "<" not in out and ">" not in out
    unescaped = out.replace("\\\\", "")
    for ch in "[]()!*_`|":
        assert all(unescaped[i - 1] == "\\" for i, c in enumerate(unescaped) if c == ch and i > 0)
        assert not unescaped.startswith(ch)
