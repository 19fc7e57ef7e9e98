"""File outputs: the store's tables as Parquet, JSON Lines or CSV files.

``--out corpus.parquet`` (or ``.jsonl``, ``.csv``) makes a directory of that
name with one file per table, the same tables and columns as the SQLite store::

    corpus.parquet/articles.parquet
    corpus.parquet/attributions.parquet
    corpus.parquet/speakers.parquet
    corpus.parquet/article_speakers.parquet
    corpus.parquet/errors.parquet

The records are built in a working SQLite store next to it
(``corpus.parquet.sayso.db``), which is what makes file outputs resumable and
their speakers merged exactly like the store's; the directory is rewritten from
it at the end of every run, into a temporary directory renamed into place, so a
killed run never leaves half-written files. Delete the working store to start over.
"""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sayso.sinks.sqlite import SqliteStore

FILE_FORMATS = ("parquet", "jsonl", "csv")
TABLES = ("articles", "attributions", "speakers", "article_speakers", "errors")
_CHUNK = 5000


def file_format(path: str | Path) -> str | None:
    """``parquet``/``jsonl``/``csv`` for an output path by its suffix, else ``None``."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in FILE_FORMATS else None


def working_store(path: str | Path) -> Path:
    return Path(f"{path}.sayso.db")


class FileStore(SqliteStore):
    """A ``SqliteStore`` on the working file that exports its tables on ``close``."""

    def __init__(self, path: str | Path, aliases: Sequence[tuple[str, str]] = ()) -> None:
        self.out = Path(path)
        self.fmt = file_format(self.out)
        if self.fmt is None:
            raise ValueError(f"{path}: output must end in .parquet, .jsonl or .csv")
        super().__init__(working_store(self.out), aliases)

    def close(self) -> None:
        export(self.conn, self.out, self.fmt or "jsonl")
        super().close()


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    return [(row[1], row[2].upper()) for row in conn.execute(f"PRAGMA table_info({table})")]


def _rows(conn: sqlite3.Connection, table: str) -> Iterator[list[tuple[Any, ...]]]:
    order = "rowid"
    cursor = conn.execute(f"SELECT * FROM {table} ORDER BY {order}")
    while chunk := cursor.fetchmany(_CHUNK):
        yield chunk


def export(conn: sqlite3.Connection, out: str | Path, fmt: str) -> Path:
    """Write every table of the store at ``conn`` as ``out/<table>.<fmt>``."""
    out = Path(out)
    tmp, old = out.with_name(out.name + ".tmp"), out.with_name(out.name + ".old")
    shutil.rmtree(tmp, ignore_errors=True)  # leftovers of an export that was killed
    shutil.rmtree(old, ignore_errors=True)
    tmp.mkdir(parents=True)
    for table in TABLES:
        target = tmp / f"{table}.{fmt}"
        columns = _columns(conn, table)
        if fmt == "parquet":
            _write_parquet(conn, table, columns, target)
        elif fmt == "csv":
            with target.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow([c for c, _ in columns])
                for chunk in _rows(conn, table):
                    writer.writerows(chunk)
        else:
            names = [c for c, _ in columns]
            with target.open("w", encoding="utf-8") as handle:
                for chunk in _rows(conn, table):
                    for row in chunk:
                        handle.write(
                            json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False)
                        )
                        handle.write("\n")
    if out.exists():
        out.rename(old)
        tmp.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        tmp.rename(out)
    return out


def _write_parquet(
    conn: sqlite3.Connection, table: str, columns: list[tuple[str, str]], target: Path
) -> None:
    import pyarrow as pa  # optional dependency (extra "store")
    import pyarrow.parquet as pq

    kinds = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    schema = pa.schema([(name, kinds.get(decl, pa.string())) for name, decl in columns])
    with pq.ParquetWriter(target, schema) as writer:
        for chunk in _rows(conn, table):
            data = list(zip(*chunk, strict=True))
            arrays = [pa.array(col, type=f.type) for col, f in zip(data, schema, strict=True)]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
