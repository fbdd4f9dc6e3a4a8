"""Bytes of one export CSV → text: UTF-8, UTF-16, and the legacy code pages re-saves bring.

Excel and old Macs write Windows-1252 or Mac Roman; a file edited in two programs holds both
a legacy code page and UTF-8 lines. Each line is decoded on its own (valid UTF-8 as UTF-8,
the rest with the code page that reads most like words), and both counts are reported.
"""

from __future__ import annotations

import codecs
import re

from tui.core.errors import ExportError

# Control bytes that never occur in text CSVs (tab, LF, FF, CR excluded).
_CONTROL_BYTES = [b for b in range(32) if b not in (9, 10, 12, 13)] + [127]
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# One well-formed multi-byte UTF-8 sequence: without any, a file is one legacy code page.
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
LEGACY = (("cp1252", "Windows-1252"), ("mac_roman", "Mac Roman"))
_SAMPLE_BYTES = 1 << 20
_CHUNK = 1 << 20


def check_text(name: str, data: bytes) -> None:
    """ExportError for empty, ZIP/xlsx and (when no BOM says otherwise) binary input."""
    if not data or data.isspace():  # as `not data.strip()`, without copying the bytes
        raise ExportError(name, "empty file")
    if data[:2] == b"PK":
        raise ExportError(name, "is an Excel workbook (.xlsx) or a ZIP, not a CSV: save it as CSV first")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:3] == b"\xef\xbb\xbf":
        return
    head = data[:8192]
    controls = sum(head.count(b) for b in _CONTROL_BYTES)
    if head.count(0) > max(8, len(head) // 100) or controls > max(8, len(head) // 20):
        raise ExportError(name, "binary file, not a CSV")


def valid_utf8(data: bytes) -> bool:
    """Strict UTF-8 (as `data.decode("utf-8")`), checked in 1 MB chunks: no whole-file str."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    view = memoryview(data)
    try:
        for start in range(0, len(data), _CHUNK):
            decoder.decode(view[start:start + _CHUNK], final=False)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        view.release()
    return True


def _wordlike(text: str) -> int:
    """How much the non-ASCII letters of `text` look like letters of words.

    A lower-case letter after a letter, or a capital after a non-letter, scores; anything
    else (a capital inside a word, a symbol, an undefined byte) counts against. Mac Roman
    read as Windows-1252 turns `é` into `Ž` inside words; the reverse turns `é` into `È`.
    """
    score = 0
    for match in _NON_ASCII.finditer(text):
        char, at = match.group(), match.start()
        previous = text[at - 1] if at else " "
        if char.islower() and previous.isalpha():
            score += 1
        elif char.isupper() and not previous.isalpha():
            score += 1
        else:
            score -= 1
    return score


def legacy_code_page(sample: bytes) -> tuple[str, str]:
    """(codec, label) of the legacy code page `sample` reads best in (ties: Windows-1252)."""
    best = max(LEGACY, key=lambda c: (_wordlike(sample.decode(c[0], errors="replace")), c == LEGACY[0]))
    return best


def _decode_legacy(data: bytes, codec: str) -> str:
    text = data.decode(codec, errors="replace")
    if "\ufffd" in text and codec == "cp1252":
        text = data.decode("latin-1")  # cp1252 leaves 5 bytes undefined; latin-1 maps them
    return text


def decode_not_utf8(data: bytes) -> tuple[str, str, list[str]]:
    """Text of bytes that are not valid UTF-8: per line when some lines are UTF-8."""
    if not _UTF8_SEQ.search(data):  # no UTF-8 at all: one pass, no per-line copies
        codec, label = legacy_code_page(data[:_SAMPLE_BYTES])
        note = f"not UTF-8: decoded as {label} (re-saved by {'an old Mac' if codec == 'mac_roman' else 'Excel'}?)"
        return _decode_legacy(data, codec), label, [note]
    lines = data.split(b"\n")
    ok = [line.isascii() or _is_utf8(line) for line in lines]
    bad = [line for line, good in zip(lines, ok) if not good]
    codec, label = legacy_code_page(b"\n".join(bad)[:_SAMPLE_BYTES])
    utf8_lines = sum(1 for line, good in zip(lines, ok) if good and not line.isascii())
    if not utf8_lines:
        note = f"not UTF-8: decoded as {label} (re-saved by {'an old Mac' if codec == 'mac_roman' else 'Excel'}?)"
        return _decode_legacy(data, codec), label, [note]
    text = "\n".join(line.decode("utf-8") if good else _decode_legacy(line, codec) for line, good in zip(lines, ok))
    note = (f"mixed encodings: {utf8_lines} {'line' if utf8_lines == 1 else 'lines'} read as UTF-8, "
            f"{len(bad)} as {label}")
    return text, f"{label} and UTF-8", [note]


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(name: str, data: bytes) -> tuple[str, str, list[str]]:
    """Bytes → (text with LF line ends, encoding label, repair notes); ExportError if not text."""
    repairs: list[str] = []
    check_text(name, data)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "UTF-16"
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ExportError(name, "UTF-16 file is damaged (cannot be decoded)") from None
        repairs.append("decoded from UTF-16 (re-saved by a spreadsheet?)")
    elif data[:3] == b"\xef\xbb\xbf":
        encoding = "UTF-8 with BOM"
        text = data[3:].decode("utf-8", errors="replace")
        if "\ufffd" in text and b"\xef\xbf\xbd" not in data:
            text, encoding, notes = decode_not_utf8(data[3:])
            repairs += notes
        repairs.append("byte-order mark removed")
    else:
        try:
            text = data.decode("utf-8")
            encoding = "UTF-8"
        except UnicodeDecodeError:
            text, encoding, notes = decode_not_utf8(data)
            repairs += notes
    if "\x00" in text:
        text = text.replace("\x00", "")
        repairs.append("NUL characters removed")
    if "\r" in text:
        if "\r\n" in text:
            repairs.append("CRLF line endings normalised")
        if re.search(r"\r(?!\n)", text):
            repairs.append("old-Mac CR line endings converted")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding, repairs


def decode_plain(name: str, data: bytes) -> tuple[bytes, list[str]] | None:
    """Plain UTF-8 input (no BOM, no NUL, LF or CRLF) → (bytes with LF line ends, repairs).

    The common case, kept in bytes: `decode` would build a str of up to 4 bytes a character
    (48 MB for a 12 MB messages.csv with emoji). None for anything else, which `decode`
    handles; the repairs and errors are the ones `decode` gives for the same input.
    """
    check_text(name, data)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:3] == b"\xef\xbb\xbf":
        return None
    if b"\x00" in data or not valid_utf8(data):
        return None
    repairs: list[str] = []
    if b"\r" in data:
        crlf = data.count(b"\r\n")
        if crlf != data.count(b"\r"):  # a lone CR (old Mac): the str path converts those
            return None
        repairs.append("CRLF line endings normalised")
        data = data.replace(b"\r\n", b"\n")
    return data, repairs


def sniff_text(data: bytes) -> str:
    """A lenient decoding of the first bytes of a file, to recognise its header."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data[: len(data) // 2 * 2].decode("utf-16", errors="replace").replace("\r", "")
    return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace").replace("\r", "")
