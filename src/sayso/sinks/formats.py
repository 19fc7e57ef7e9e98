"""Text output formats for results: table, jsonl, json, csv.

``jsonl`` is the referee's prediction format: one object per article with
``id``, ``text`` and ``attributions`` (plus the article-level fields).
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable
from typing import IO

from sayso.records.types import ArticleResult, Attribution

FORMATS = ("table", "jsonl", "json", "csv")
CSV_COLUMNS = (
    "article_id",
    "kind",
    "speaker",
    "speaker_type",
    "source",
    "cue",
    "content",
    "addressee",
    "confidence",
    "content_start",
    "content_end",
)


def attribution_row(article_id: str, a: Attribution) -> dict[str, object]:
    """One flat row per attribution (csv, table, and the stores reuse it)."""
    return {
        "article_id": article_id,
        "kind": a.kind,
        "speaker": a.speaker.name if a.speaker and a.speaker.name else "",
        "speaker_type": a.speaker.type if a.speaker else "",
        "source": a.source.text if a.source else "",
        "cue": a.cue.text if a.cue else "",
        "content": a.content.text,
        "addressee": a.addressee_name or (a.addressee.text if a.addressee else ""),
        "confidence": round(a.confidence, 3),
        "content_start": a.content.start,
        "content_end": a.content.end,
    }


class Writer:
    """Writes results as they come; ``close`` finishes formats that need it (json)."""

    def __init__(self, fmt: str, out: IO[str]) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        self.fmt, self.out, self.count = fmt, out, 0
        self._csv: csv.DictWriter[str] | None = None
        if fmt == "json":
            out.write("[")
        elif fmt == "csv":
            self._csv = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
            self._csv.writeheader()

    def write(self, result: ArticleResult) -> None:
        if self.fmt == "jsonl":
            self.out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self.out.write(("," if self.count else "") + "\n")
            self.out.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        elif self.fmt == "csv":
            assert self._csv is not None
            for a in result.attributions:
                self._csv.writerow(attribution_row(result.id, a))
        else:
            self.out.write(render_table(result))
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "]\n")
        self.out.flush()


def write_all(results: Iterable[ArticleResult], fmt: str, out: IO[str]) -> int:
    writer = Writer(fmt, out)
    for result in results:
        writer.write(result)
    writer.close()
    return writer.count


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def render_table(result: ArticleResult, width: int | None = None) -> str:
    """A readable table: speaker · kind · cue · quote, one line per attribution."""
    width = width or shutil.get_terminal_size((120, 24)).columns
    lines = [f"== {result.id}: {len(result.attributions)} attribution(s)"]
    if not result.attributions:
        return lines[0] + "\n\n"
    speaker_w, kind_w, cue_w = 24, 12, 14
    quote_w = max(width - speaker_w - kind_w - cue_w - 6, 20)
    header = f"{'speaker':<{speaker_w}} {'kind':<{kind_w}} {'cue':<{cue_w}} quote"
    lines += [header, "-" * min(width, len(header) + quote_w - 5)]
    for a in result.attributions:
        who = (a.speaker.name if a.speaker and a.speaker.name else None) or (
            f"({a.source.text})" if a.source else "?"
        )
        lines.append(
            f"{_clip(who, speaker_w):<{speaker_w}} {a.kind:<{kind_w}} "
            f"{_clip(a.cue.text if a.cue else '', cue_w):<{cue_w}} {_clip(a.content.text, quote_w)}"
        )
    return "\n".join(lines) + "\n\n"
