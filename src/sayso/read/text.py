"""Plain-text input: files and standard input, decoded strictly as UTF-8."""

from __future__ import annotations

import sys
from pathlib import Path

from sayso.errors import InputError
from sayso.read.article import Article


def decode(data: bytes, source: str) -> str:
    """Decode bytes as UTF-8 text, refusing binary data with a message naming ``source``."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: looks like a binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{source}: not valid UTF-8 (byte {err.start}: {data[err.start : err.start + 1]!r})"
        ) from None
    # Kept unchanged (a BOM too): offsets must index the file content exactly.
    return text


def read_bytes(path: Path) -> bytes:
    """A file's bytes, or an ``InputError`` naming it (missing, unreadable, a folder)."""
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None


def read_text_file(path: str | Path) -> Article:
    path = Path(path)
    return Article(id=path.stem, text=decode(read_bytes(path), str(path)), source=str(path))


def read_stdin(name: str = "stdin") -> Article:
    return Article(id=name, text=decode(sys.stdin.buffer.read(), "<stdin>"), source="-")
