"""Find the known CSVs in a ZIP, a folder or a single file, and read them in memory, capped.

Nothing is ever extracted: member names are only compared, never used as paths.
"""

from __future__ import annotations

import os
import re
import stat
import threading
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tui.i18n import N_, _
from tui.export.csv_decode import sniff_text
from tui.core.errors import ExportError
from tui.core import phrasebook as said

# Basenames we read, by kind (the first name of a kind is preferred when two are present).
# coach_messages.csv & co share the messages header but are AI conversations: never read.
KNOWN = {
    "connections.csv": "connections",
    "invitations.csv": "invitations",
    "messages.csv": "messages",
    "profile.csv": "profile",
    "endorsement_received_info.csv": "endorsements",
    "endorsement received info.csv": "endorsements",
    "recommendations_received.csv": "recommendations_received",
    "recommendations_given.csv": "recommendations_given",
    "positions.csv": "positions",
    "company follows.csv": "company_follows",
}
CORE = ("connections", "invitations", "messages", "profile")
LABELS = {"connections": "Connections", "invitations": "Invitations", "messages": "messages",
          "profile": "Profile"}
# Other LinkedIn files, known by name: never taken for one of ours by their header.
OTHER_FILES = frozenset("""
profile summary.csv education.csv skills.csv member_follows.csv endorsement_given_info.csv
reactions.csv shares.csv comments.csv votes.csv rich media.csv rich_media.csv contacts.csv
imported contacts.csv email addresses.csv phonenumbers.csv phone numbers.csv registration.csv
logins.csv searchqueries.csv search queries.csv saved_items.csv hashtag_follows.csv events.csv
learning.csv certifications.csv projects.csv languages.csv ad_targeting.csv ad targeting.csv
ads clicked.csv inferences_about_you.csv receipts_v2.csv savedjobalerts.csv
job applicant saved answers.csv job applicant saved screening question responses.csv
job applications.csv saved jobs.csv job seeker preferences.csv verifications.csv
""".strip().replace("\n", " ").replace(".csv ", ".csv|").split("|"))
# Renamed files (`connection.csv`, `Connections copy.csv`) are recognised by their header.
SNIFF_KINDS = ("profile", "connections", "invitations", "messages", "endorsements", "positions",
               "company_follows")
SNIFF_BYTES = 16 * 1024
MAX_SNIFFED = 200
WORKBOOKS = (".xlsx", ".xls", ".numbers", ".ods")
WORKBOOK = N_("is an Excel workbook (.xlsx) or a ZIP, not a CSV: save it as CSV first")  # `_()` where raised
MAX_MEMBERS = 5_000
# A 30,000-connection export holds ~4 MB of Connections and tens of MB of messages: a
# known file over 128 MB is not an export (or is a bomb), and reading it would eat memory.
MAX_MEMBER_BYTES = 128 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_FOLDER_DEPTH = 4
_DATE_IN_NAME = re.compile(r"(\d{2})-(\d{2})-(\d{4})")


@dataclass
class Source:
    """The raw bytes of each known file found (key: kind), plus notes for the report."""

    members: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    single: bool = False
    digest: str | None = None  # the content hash, once computed (tui.export.identity.source_hash)


def missing_current_export() -> str:
    """What to say when the current export was moved or deleted (app, stats and report)."""
    return _("the current export is no longer here (moved or deleted?); import it from its new place: "
             "passerelle import PATH")


def exported_on_from_name(path: Path) -> date | None:
    """`Basic_LinkedInDataExport_05-12-2026.zip.zip` → 2026-05-12 (MM-DD-YYYY)."""
    match = _DATE_IN_NAME.search(path.name)
    if not match:
        return None
    month, day, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _mb(limit: int) -> str:
    """A limit for a message: `128 MB`, or bytes when tests use tiny caps."""
    if limit >= 2**20:
        return _("{count} MB").format(count=limit // 2**20)
    return _("{count} bytes").format(count=limit)


def _unsafe(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or bool(re.match(r"^[A-Za-z]:", name))


def _ignored(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return "__MACOSX" in parts or parts[-1].startswith("._")


def _classify(base: str, head: bytes | None) -> str | None:
    """The kind of a CSV: by its name when known, else by its header (None: not ours)."""
    if base in KNOWN:
        return KNOWN[base]
    if head is None or head[:2] == b"PK":
        return None
    from tui.export.csv_text import find_header

    try:
        return find_header(base, sniff_text(head), SNIFF_KINDS)[1]
    except ExportError:
        return None


def _sniffable(base: str) -> bool:
    """A CSV whose name says nothing: its header is read to know what it holds."""
    return (base.endswith(".csv") and base not in KNOWN and base not in OTHER_FILES
            and not base.endswith("_messages.csv"))


def _choose(where: str, found: dict[str, list[tuple[int, str, str]]], workbooks: list[str]) -> dict[str, str]:
    """One file per kind: the shallowest copy of a name; two names for a core kind → error.

    `found`: kind → (depth, path, basename). For the archive extras a known name wins over
    another (2022 archives hold both `Endorsement Received Info.csv` and the underscored one).
    """
    chosen = {}
    for kind, copies in found.items():
        names = list(KNOWN)
        copies.sort(key=lambda c: (names.index(c[2]) if c[2] in KNOWN else len(names), c[0], c[1]))
        first = copies[0]
        other = next((c for c in copies[1:] if c[2] != first[2]), None)
        if other is not None and kind in CORE:
            raise ExportError(where, _("holds two {kind} files ({first} and {other}): keep one").format(kind=LABELS[kind], first=first[1], other=other[1]))
        same = [c for c in copies if c[2] == first[2]]
        if len(same) > 1 and same[0][0] == same[1][0]:
            raise ExportError(where, _("holds {name} twice ({first} and {second}): keep one").format(name=first[2], first=same[0][1], second=same[1][1]))
        chosen[kind] = first[1]
    for book in workbooks:
        stem = book.replace("\\", "/").rsplit("/", 1)[-1].lower()
        kind = next((k for k in ("connections", "invitations", "messages") if stem.startswith(k[:-1])), None)
        if (kind and kind not in chosen) or not chosen:
            raise ExportError(f"{where}/{book}", _(WORKBOOK))
    return chosen


# The bytes of a file checked before the app starts, kept for the read that follows in the
# app's worker (once: that read takes them), so a first open reads and unzips the file once.
_kept: dict[tuple, Source] = {}
_kept_lock = threading.Lock()


def _stamp(path: Path, limits: tuple[int, int, int]) -> tuple | None:
    """What identifies a file's bytes (folders are not kept: each member has its own)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (os.path.abspath(path), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns, limits)


def drop_kept() -> None:
    """Let go of bytes kept by `read_source(keep=True)` that no read took."""
    with _kept_lock:
        _kept.clear()


def read_source(path: Path, *, max_bytes: int = MAX_MEMBER_BYTES, max_total: int = MAX_TOTAL_BYTES,
                max_members: int = MAX_MEMBERS, keep: bool = False) -> Source:
    """Read the known files of `path` (ZIP by magic bytes, folder, or one CSV).

    `keep=True`: the next read of the same unchanged file (same size, times and inode) gets
    this result instead of reading it again."""
    limits = (max_bytes, max_total, max_members)
    stamp = _stamp(path, limits)
    with _kept_lock:
        kept = _kept.pop(stamp, None) if stamp is not None else None
    if kept is not None:
        return kept
    source = _read_source(path, max_bytes=max_bytes, max_total=max_total, max_members=max_members)
    if keep and stamp is not None:
        with _kept_lock:
            _kept.clear()
            _kept[stamp] = source
    return source


def _read_source(path: Path, *, max_bytes: int, max_total: int, max_members: int) -> Source:
    where = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ExportError(where, _("no such file or folder")) from None
    except OSError as exc:
        raise ExportError(where, _("cannot be read ({value})").format(value=exc.strerror or 'error')) from None
    if stat.S_ISDIR(info.st_mode):
        return _read_folder(path, max_bytes, max_total, max_members)
    if not stat.S_ISREG(info.st_mode):
        raise ExportError(where, _("not a regular file or folder (a pipe or device?)"))
    if info.st_size == 0:
        raise ExportError(where, _("empty file"))
    head = _read_file(path, 4, where)
    if head.startswith(b"PK"):
        if path.name.lower().endswith((".csv", *WORKBOOKS)):
            raise ExportError(where, _(WORKBOOK))
        if head not in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
            raise ExportError(where, _("not a valid ZIP or download incomplete"))
        return _read_zip(path, max_bytes, max_total, max_members)
    if path.name.lower().endswith(".zip"):
        # An HTML error page or a half-written download saved under the ZIP's name.
        raise ExportError(where, _("not a valid ZIP or download incomplete"))
    if info.st_size > max_bytes:
        raise ExportError(where, _("file is larger than the {max_bytes} size limit: not a LinkedIn export file?").format(max_bytes=_mb(max_bytes)))
    source = Source(single=True)
    source.members[""] = (path.name, _read_file(path, max_bytes + 1, where))
    return source


def _read_file(path: Path, limit: int, where: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit)
    except PermissionError:
        raise ExportError(where, _("cannot be read (permission denied)")) from None
    except OSError as exc:
        raise ExportError(where, _("cannot be read ({value})").format(value=exc.strerror or 'error')) from None
    return data


def _read_folder(path: Path, max_bytes: int, max_total: int, max_members: int) -> Source:
    where = str(path)
    source = Source()
    found: dict[str, list[tuple[int, str]]] = {}
    seen = 0
    workbooks: list[str] = []
    sniffed = 0
    for root, dirs, files in os.walk(path, onerror=None, followlinks=False):
        rel = Path(root).relative_to(path)
        depth = len(rel.parts)
        dirs[:] = [d for d in dirs if d != "__MACOSX" and depth < MAX_FOLDER_DEPTH]
        seen += len(files)
        if seen > max_members:
            raise ExportError(where, _("folder holds more than {max_members} files: not an export").format(max_members=max_members))
        for name in sorted(files):
            base = name.lower()
            if name.startswith("._"):
                continue
            if base.endswith(WORKBOOKS):
                workbooks.append(str(rel / name))
                continue
            head = None
            if _sniffable(base) and sniffed < MAX_SNIFFED:
                sniffed += 1
                head = _head(path / rel / name)
            kind = _classify(base, head)
            if kind:
                found.setdefault(kind, []).append((depth, str(rel / name), base))
    total = 0
    for kind, rel in _choose(where, found, workbooks).items():
        member = path / rel
        label = f"{path.name}/{rel}"
        try:
            info = os.stat(member)
        except OSError:
            raise ExportError(label, _("cannot be read")) from None
        if not stat.S_ISREG(info.st_mode):
            raise ExportError(label, _("not a regular file"))
        total += info.st_size
        if info.st_size > max_bytes:
            raise ExportError(label, _("file is larger than the {max_bytes} size limit").format(max_bytes=_mb(max_bytes)))
        if total > max_total:
            raise ExportError(label, _("the export's files add up to more than the {max_total} size limit").format(max_total=_mb(max_total)))
        data = _read_file(member, max_bytes + 1, label)
        if len(data) > max_bytes:
            raise ExportError(label, _("file is larger than the {max_bytes} size limit").format(max_bytes=_mb(max_bytes)))
        source.members[kind] = (rel, data)
    return source


def _head(member: Path) -> bytes | None:
    """The first bytes of a regular file, None when it cannot be read."""
    try:
        if not stat.S_ISREG(os.stat(member).st_mode):
            return None
        with open(member, "rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError:
        return None


def _zip_head(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
    """The first bytes of a member we only look at; None when it cannot be read (a damaged
    file we would not use must not stop the import)."""
    try:
        with archive.open(info) as handle:
            return handle.read(SNIFF_BYTES)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError, ValueError):
        return None


def _overlapping(infos: list[zipfile.ZipInfo]) -> bool:
    """Entries whose data share bytes ("quoted-overlap" bombs; Python < 3.12 doesn't check).

    A local header is at least 30 bytes, so each entry ends no earlier than
    offset + 30 + compressed size; the next one may not start before that.
    """
    spans = sorted((i.header_offset, i.header_offset + 30 + i.compress_size) for i in infos)
    return any(start < end for (_, end), (start, _) in zip(spans, spans[1:]))


def _read_zip(path: Path, max_bytes: int, max_total: int, max_members: int) -> Source:
    where = str(path)
    source = Source()
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > max_members:
                raise ExportError(where, _("archive holds {count} entries (limit {max_members}): refused").format(count=len(infos), max_members=max_members))
            if _overlapping(infos):
                raise ExportError(where, _("entries overlap (possible zip bomb): refused"))
            found: dict[str, list[tuple[int, str, str]]] = {}
            by_name = {}
            workbooks: list[str] = []
            sniffed = 0
            for info in infos:
                name = info.filename
                if info.is_dir() or _ignored(name):
                    continue
                if _unsafe(name):
                    source.notes.append(said.UNSAFE_ENTRY())
                    continue
                if stat.S_ISLNK(info.external_attr >> 16):
                    source.notes.append(said.SYMLINK_ENTRY())
                    continue
                base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
                if base.endswith(WORKBOOKS):
                    workbooks.append(name)
                    continue
                head = None
                if _sniffable(base) and sniffed < MAX_SNIFFED and not info.flag_bits & 0x1:
                    sniffed += 1
                    head = _zip_head(archive, info)
                kind = _classify(base, head)
                if kind:
                    found.setdefault(kind, []).append((name.count("/"), name, base))
                    by_name[name] = info
            if not found and any(i.filename == "xl/workbook.xml" for i in infos):
                raise ExportError(where, _(WORKBOOK))
            chosen = _choose(where, found, workbooks)
            declared = sum(by_name[n].file_size for n in chosen.values())
            if declared > max_total:
                raise ExportError(where, _("archive expands past the {max_total} size limit (possible zip bomb): refused").format(max_total=_mb(max_total)))
            for kind, name in chosen.items():
                info = by_name[name]
                if info.file_size > max_bytes:
                    raise ExportError(f"{path.name}:{name}", _("expands past the {max_bytes} size limit (possible zip bomb): refused").format(max_bytes=_mb(max_bytes)))
                if info.flag_bits & 0x1:
                    raise ExportError(f"{path.name}:{name}", _("encrypted: re-download the export from LinkedIn"))
                with archive.open(info) as handle:
                    data = handle.read(max_bytes + 1)
                if len(data) > max_bytes:
                    raise ExportError(f"{path.name}:{name}", _("expands past the {max_bytes} size limit (possible zip bomb): refused").format(max_bytes=_mb(max_bytes)))
                source.members[kind] = (name, data)
    except ExportError:
        raise
    except RuntimeError:
        raise ExportError(where, _("encrypted archive: re-download the export from LinkedIn")) from None
    except NotImplementedError:
        raise ExportError(where, _("unsupported compression method: re-download the export from LinkedIn")) from None
    except zipfile.BadZipFile as exc:
        reason = _("possible zip bomb (overlapping entries)") if "verlap" in str(exc) else _("not a valid ZIP or download incomplete")
        raise ExportError(where, reason) from None
    except (zlib.error, EOFError, ValueError, OSError, KeyError, IndexError, OverflowError, MemoryError):
        raise ExportError(where, _("not a valid ZIP or download incomplete")) from None
    return source
