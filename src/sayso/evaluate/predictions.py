"""Prediction records: what is scored, from Sayso results or from a JSONL file.

The JSONL format is the referee's (and ``sayso extract --format jsonl``'s): one
object per document with ``id`` (or ``path``), optionally ``text``, and
``attributions``; each role is ``{"spans": [[start, end], ...]}`` or
``{"start": s, "end": e}`` or null. Records whose id is not a gold text are
ignored; a record whose ``text`` differs from the gold text is reported as a
problem and not scored (its offsets would point elsewhere).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sayso.errors import InputError
from sayso.evaluate.brat import GoldDoc
from sayso.records.types import ArticleResult, Span


@dataclass(frozen=True, slots=True)
class Predicted:
    """One predicted attribution, reduced to what is scored.

    ``speaker`` is the canonical name ("" when there is none); ``kind`` is None
    for predictions from other systems that do not say.
    """

    content: tuple[Span, ...]
    cue: tuple[Span, ...] | None = None
    source: tuple[Span, ...] | None = None
    speaker: str = ""
    kind: str | None = None

    def role(self, name: str) -> tuple[Span, ...] | None:
        return {"content": self.content, "cue": self.cue, "source": self.source}[name]


@dataclass(slots=True)
class PredictionSet:
    """Predictions per gold document, plus what could not be used and why."""

    docs: dict[str, list[Predicted]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    ignored_ids: list[str] = field(default_factory=list)  # not among the gold texts


def role_spans(value: Any, where: str) -> tuple[Span, ...] | None:
    """A role object's spans; None when the role is absent or has no spans."""
    if not value:
        return None
    if not isinstance(value, Mapping):
        raise InputError(f"{where}: a role must be an object with 'spans' or 'start'/'end'")
    try:
        if "spans" in value:
            spans = tuple((int(s), int(e)) for s, e in value["spans"])
        elif "start" in value and "end" in value:
            spans = ((int(value["start"]), int(value["end"])),)
        else:
            return None
    except (TypeError, ValueError):
        raise InputError(f"{where}: spans must be [start, end] pairs of integers") from None
    return spans or None


def _check(spans: tuple[Span, ...] | None, text: str, where: str) -> None:
    for start, end in spans or ():
        if not 0 <= start <= end <= len(text):
            raise InputError(
                f"{where}: span {start}-{end} does not fit the text ({len(text)} characters)"
            )


def parse_record(record: Mapping[str, Any], text: str, where: str) -> list[Predicted]:
    """The scorable attributions of one document record (contentless ones dropped)."""
    out = []
    for n, item in enumerate(record.get("attributions") or [], 1):
        at = f"{where}: attribution {n}"
        if not isinstance(item, Mapping):
            raise InputError(f"{at}: not an object")
        roles = {r: role_spans(item.get(r), f"{at} {r}") for r in ("content", "cue", "source")}
        for spans in roles.values():
            _check(spans, text, at)
        if not roles["content"]:
            continue
        speaker = item.get("speaker") or {}
        name = speaker.get("name") if isinstance(speaker, Mapping) else None
        out.append(
            Predicted(
                content=roles["content"],
                cue=roles["cue"],
                source=roles["source"],
                speaker=(name or "").strip(),
                kind=item.get("kind"),
            )
        )
    return out


def record_id(record: Mapping[str, Any]) -> str:
    return record.get("id") or Path(record.get("path") or "").stem


def add_record(
    preds: PredictionSet, record: Mapping[str, Any], gold: Mapping[str, GoldDoc], where: str
) -> None:
    """Score-ready predictions of one record into ``preds`` (a later record of the
    same id replaces an earlier one)."""
    name = record_id(record)
    if name not in gold:
        preds.ignored_ids.append(name)
        return
    text = gold[name].text
    if "text" in record and record["text"] != text:
        preds.problems.append(f"{name}: predicted offsets refer to a different text")
        return
    preds.docs[name] = parse_record(record, text, where)


def read_predictions(path: str | Path, gold: Mapping[str, GoldDoc]) -> PredictionSet:
    """Predictions from a JSONL file, keyed by gold document name."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read predictions ({err})") from None
    preds = PredictionSet()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{where}: not JSON ({err.msg})") from None
        if not isinstance(record, Mapping):
            raise InputError(f"{where}: a prediction line must be a JSON object")
        add_record(preds, record, gold, where)
    return preds


def from_results(results: Iterable[ArticleResult], gold: Mapping[str, GoldDoc]) -> PredictionSet:
    """Predictions from Sayso results, through the same dict form JSONL carries,
    so that scoring a run and scoring its saved JSONL give the same numbers."""
    preds = PredictionSet()
    for result in results:
        add_record(preds, result.to_dict(), gold, result.id)
    return preds
