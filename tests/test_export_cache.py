"""Reopening an unchanged export comes from the Parquet cache; a broken cache is re-parsed."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from polars.testing import assert_frame_equal

import tui.export.frame_cache as export_cache
from export_fixtures import SAMPLE_CONNECTIONS, connections_bytes, make_folder, sample_members, write_sample_export
from tui.core.errors import ExportError
from tui.export.reader import load_export
from tui.export.frame_cache import load_export_cached


def same(a, b) -> None:
    for name in ("connections", "hidden", "invitations", "messages"):
        assert_frame_equal(getattr(a, name), getattr(b, name))
    assert (a.owner, a.report, a.exported_on, a.content_hash) == (b.owner, b.report, b.exported_on, b.content_hash)


def test_second_open_is_served_from_cache_without_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = write_sample_export(tmp_path / "Basic_LinkedInDataExport_11-24-2025.zip")
    cache = tmp_path / "cache"
    first = load_export_cached(source, cache)
    same(first, load_export(source))

    def no_parsing(*args, **kwargs):
        raise AssertionError("CSV parsed again")

    monkeypatch.setattr(export_cache, "load_export", no_parsing)
    second = load_export_cached(source, cache)
    same(first, second)
    assert second.source == str(source)


def test_cache_files_are_private(tmp_path: Path) -> None:
    source = write_sample_export(tmp_path / "e.zip")
    cache = tmp_path / "cache"
    load_export_cached(source, cache)
    files = [p for p in cache.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"connections.parquet", "meta.json"}
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o700 for p in cache.rglob("*") if p.is_dir())


def test_changed_source_is_parsed_again(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "export", sample_members())
    cache = tmp_path / "cache"
    assert load_export_cached(folder, cache).connections.height == 3
    (folder / "Connections.csv").write_bytes(connections_bytes(SAMPLE_CONNECTIONS[:1]))
    assert load_export_cached(folder, cache).connections.height == 1


@pytest.mark.parametrize("damage", ["truncate_parquet", "garbage_meta", "delete_meta"])
def test_corrupt_cache_is_ignored_and_rebuilt(tmp_path: Path, damage: str) -> None:
    source = write_sample_export(tmp_path / "e.zip")
    cache = tmp_path / "cache"
    expected = load_export_cached(source, cache)
    entry = next(cache.iterdir())
    if damage == "truncate_parquet":
        (entry / "invitations.parquet").write_bytes(b"PAR1 broken")
    elif damage == "garbage_meta":
        (entry / "meta.json").write_text("{not json")
    else:
        (entry / "meta.json").unlink()
    same(load_export_cached(source, cache), expected)
    same(load_export_cached(source, cache), expected)  # and the rebuilt entry reads back


def test_bad_source_still_raises_export_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(ExportError):
        load_export_cached(bad, tmp_path / "cache")
    with pytest.raises(ExportError):
        load_export_cached(tmp_path / "missing.zip", tmp_path / "cache")
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").iterdir())


def test_unwritable_cache_only_costs_speed(tmp_path: Path) -> None:
    source = write_sample_export(tmp_path / "e.zip")
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    assert load_export_cached(source, blocker).connections.height == 3


def test_read_only_use_reads_the_cache_but_never_writes_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = write_sample_export(tmp_path / "e.zip")
    cache = tmp_path / "cache"
    same(load_export_cached(source, cache, write=False), load_export(source))
    assert not cache.exists()
    first = load_export_cached(source, cache)
    monkeypatch.setattr(export_cache, "load_export", lambda *a, **k: pytest.fail("CSV parsed again"))
    same(first, load_export_cached(source, cache, write=False))


def test_oversized_file_is_refused_before_hashing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Size caps are checked from the file's size, before a byte is hashed, with the reader's error."""
    csv_file = tmp_path / "Connections.csv"
    csv_file.write_bytes(connections_bytes())
    archive = write_sample_export(tmp_path / "e.zip")

    def no_hashing(*args, **kwargs):
        raise AssertionError("source hashed")

    monkeypatch.setattr(export_cache, "read_content_hash", no_hashing)
    with pytest.raises(ExportError) as cached_error:
        load_export_cached(csv_file, tmp_path / "cache", max_bytes=100)
    with pytest.raises(ExportError) as reader_error:
        load_export(csv_file, max_bytes=100)
    assert str(cached_error.value) == str(reader_error.value)
    assert "size limit" in str(cached_error.value)
    with pytest.raises(ExportError, match="size limit"):
        load_export_cached(archive, tmp_path / "cache", max_total=100)
    assert not (tmp_path / "cache").exists()


def test_stats_columns_read_only_those_columns_from_the_cache(tmp_path: Path) -> None:
    source = write_sample_export(tmp_path / "e.zip")
    cache = tmp_path / "cache"
    full = load_export_cached(source, cache)
    wanted = ("sent_at", "sender_key", "recipient_keys", "is_draft")
    part = load_export_cached(source, cache, write=False, columns={"messages": wanted})
    assert part.messages.columns == list(wanted)
    assert_frame_equal(part.messages, full.messages.select(wanted))
    assert_frame_equal(part.connections, full.connections)


def test_one_identity_names_the_import_and_its_frames(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The frames are filed under the content hash the import is recorded under, the ZIP and
    its unpacked folder are one export, and a hash the store already knows spares the read."""
    import zipfile

    source = write_sample_export(tmp_path / "e.zip")
    cache = tmp_path / "cache"
    export = load_export_cached(source, cache)
    assert [p.name for p in cache.iterdir()] == [export.content_hash]
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(source).extractall(unpacked)
    monkeypatch.setattr(export_cache, "load_export", lambda *a, **k: pytest.fail("CSV parsed again"))
    assert load_export_cached(unpacked, cache).content_hash == export.content_hash
    monkeypatch.setattr(export_cache, "read_content_hash", lambda *a, **k: pytest.fail("source hashed"))
    same(load_export_cached(source, cache, content_hash=export.content_hash), export)


def test_two_different_csv_files_are_two_exports(tmp_path: Path) -> None:
    """A lone CSV is hashed too: two different Connections.csv are never taken for one export."""
    one, two = tmp_path / "a" / "Connections.csv", tmp_path / "b" / "Connections.csv"
    for path, rows in ((one, SAMPLE_CONNECTIONS), (two, SAMPLE_CONNECTIONS[:1])):
        path.parent.mkdir()
        path.write_bytes(connections_bytes(rows))
    cache = tmp_path / "cache"
    first, second = load_export_cached(one, cache), load_export_cached(two, cache)
    assert first.content_hash != second.content_hash
    assert (first.connections.height, second.connections.height) == (3, 1)


def test_the_second_copy_earlier_versions_kept_in_the_cache_is_removed(tmp_path: Path) -> None:
    """The frames live once, in snapshots/: the cache folder earlier versions filled is let go
    at the next start, and a link there is never followed."""
    from tui.paths import Paths

    paths = Paths.resolve(tmp_path / "home")
    old = paths.cache / "frames" / ("ab" * 32)
    old.mkdir(parents=True)
    (old / "connections.parquet").write_bytes(b"PAR1")
    paths.ensure()
    assert not (paths.cache / "frames").exists() and paths.cache.is_dir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine")
    (paths.cache / "frames").symlink_to(elsewhere)
    paths.ensure()
    assert (elsewhere / "keep.txt").read_text() == "mine"
