"""Gold attributions from brat standoff files, in the PolNeAR layout.

A gold folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``
(or ``attributions/NAME.ann``). When several annotators marked the same text,
the first file in sorted order is the gold; the others are listed on the
document so that agreement studies can find them.

An ``.ann`` file has one annotation per line::

    T3<TAB>Content 207 579;581 851<TAB>the text covered
    T4<TAB>Cue 580 584<TAB>said
    E1<TAB>Attribution:T4 Source:T2 Cue:T4 Content:T3

``T`` lines are text-bound spans (content may be discontinuous: ``;``), ``E``
lines join them into one attribution. Only the ``Content``, ``Source`` and
``Cue`` arguments are scored (PolNeAR also has a rare ``Content2``, kept in
``GoldAttribution.extra_content`` but not scored, as the referee does).
``Discard`` spans mark boilerplate. A ``T`` line's covered text can itself
contain line breaks, so lines that do not start with an annotation id right
after a ``T`` line are the rest of its text, not errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sayso.errors import InputError
from sayso.read.text import decode
from sayso.records.types import Span

# An annotation line starts with its id and a tab: T1, E1, R1, A1, M1, N1, #1, *.
_ANNOTATION = re.compile(r"(?:[TERAMN]\d+|#\d*|\*)\t")
_OFFSETS = re.compile(r"\d+ \d+(?:;\d+ \d+)*")
ROLE_ARGS = {"content": "Content", "source": "Source", "cue": "Cue"}
DISCARD = "Discard"


@dataclass(frozen=True, slots=True)
class TextBound:
    """One ``T`` line: a labelled, possibly discontinuous, span of the text."""

    id: str
    label: str
    spans: tuple[Span, ...]
    line: int


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One ``E`` line resolved to spans. ``source``/``cue`` are None when absent."""

    id: str
    content: tuple[Span, ...]
    cue: tuple[Span, ...] | None
    source: tuple[Span, ...] | None
    line: int
    extra_content: tuple[Span, ...] | None = None

    def role(self, name: str) -> tuple[Span, ...] | None:
        return {"content": self.content, "cue": self.cue, "source": self.source}[name]


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold text with the attributions of its chosen annotator file."""

    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    discard: tuple[Span, ...]
    path: Path  # the .ann file used
    annotator_files: tuple[Path, ...]  # every .ann file found for this text, sorted


def annotation_files(folder: Path, name: str) -> list[Path]:
    """The ``.ann`` files of text ``name``: ``NAME_*.ann`` sorted, else ``NAME.ann``.

    Matching is by plain prefix (not a glob pattern), so names holding ``[`` or
    ``*`` work too.
    """
    prefix = name + "_"
    files = sorted(
        p for p in folder.iterdir() if p.name.startswith(prefix) and p.name.endswith(".ann")
    )
    if files:
        return files
    single = folder / f"{name}.ann"
    return [single] if single.is_file() else []


def read_gold(folder: str | Path, limit: int | None = None) -> dict[str, GoldDoc]:
    """Every annotated text of a gold folder, by name, in sorted order.

    Texts with no ``.ann`` file are skipped (there is nothing to score them
    against). ``limit`` keeps the first N annotated texts.
    """
    root = Path(folder)
    text_dir, ann_dir = root / "text", root / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(f"{root}: not a gold folder (needs text/ and attributions/ inside)")
    docs: dict[str, GoldDoc] = {}
    for txt in sorted(text_dir.glob("*.txt")):
        if limit is not None and len(docs) >= limit:
            break
        files = annotation_files(ann_dir, txt.stem)
        if not files:
            continue
        text = _read(txt)
        attributions, discard = read_ann_file(files[0], text)
        docs[txt.stem] = GoldDoc(
            name=txt.stem,
            text=text,
            attributions=attributions,
            discard=discard,
            path=files[0],
            annotator_files=tuple(files),
        )
    if not docs:
        raise InputError(f"{root}: no annotated texts (text/NAME.txt with attributions/NAME*.ann)")
    return docs


def read_ann_file(path: Path, text: str) -> tuple[tuple[GoldAttribution, ...], tuple[Span, ...]]:
    """The attributions and discard spans of one ``.ann`` file over ``text``."""
    return parse_ann(_read(path), text, str(path))


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    return decode(data, str(path))


def parse_ann(
    ann: str, text: str, source: str = "<ann>"
) -> tuple[tuple[GoldAttribution, ...], tuple[Span, ...]]:
    """Parse one ``.ann`` file against its text: (attributions, discard spans).

    Raises ``InputError`` naming ``source`` and the line for anything malformed:
    bad offsets, offsets outside the text, arguments without ``:``, references
    to undefined spans.
    """
    bounds: dict[str, TextBound] = {}
    events: list[tuple[str, dict[str, str], int]] = []
    in_text = False  # inside the (multi-line) covered text of a T line
    # splitlines, not split("\n"): covered text may hold U+2028 and friends.
    for number, line in enumerate(ann.splitlines(), 1):
        if not _ANNOTATION.match(line):
            if in_text or not line.strip():
                continue
            raise InputError(f"{source}:{number}: not a brat annotation line: {line[:60]!r}")
        in_text = False
        fields = line.split("\t")
        if line.startswith("T"):
            bounds[fields[0]] = _text_bound(fields, text, source, number)
            in_text = True
        elif line.startswith("E"):
            events.append((fields[0], _arguments(fields, source, number), number))
        # R, A, M, N, # and * lines (relations, attributes, notes) are not scored.

    def spans_of(event: str, ref: str | None, number: int) -> tuple[Span, ...] | None:
        if ref is None:
            return None
        if ref not in bounds:
            raise InputError(f"{source}:{number}: {event} refers to {ref}, which is not defined")
        return bounds[ref].spans

    attributions = []
    for event, args, number in events:
        content = spans_of(event, args.get("Content"), number)
        if content is None:
            continue  # a cue/source with no content: nothing was attributed
        attributions.append(
            GoldAttribution(
                id=event,
                content=content,
                cue=spans_of(event, args.get("Cue"), number),
                source=spans_of(event, args.get("Source"), number),
                line=number,
                extra_content=spans_of(event, args.get("Content2"), number),
            )
        )
    discard = tuple(s for b in bounds.values() if b.label == DISCARD for s in b.spans)
    return tuple(attributions), tuple(sorted(discard))


def _text_bound(fields: list[str], text: str, source: str, number: int) -> TextBound:
    label, _, offsets = fields[1].partition(" ") if len(fields) > 1 else ("", "", "")
    if not label or not _OFFSETS.fullmatch(offsets.strip()):
        got = "\t".join(fields)[:80]
        raise InputError(
            f"{source}:{number}: expected 'T<n><TAB>Label START END[;START END]...', got {got!r}"
        )
    spans = []
    for piece in offsets.strip().split(";"):
        start, end = (int(x) for x in piece.split())
        if start > end or end > len(text):
            raise InputError(
                f"{source}:{number}: span {start}-{end} does not fit the text "
                f"({len(text)} characters)"
            )
        spans.append((start, end))
    return TextBound(id=fields[0], label=label, spans=tuple(spans), line=number)


def _arguments(fields: list[str], source: str, number: int) -> dict[str, str]:
    args: dict[str, str] = {}
    for token in (fields[1] if len(fields) > 1 else "").split():
        key, colon, ref = token.partition(":")
        if not colon or not key or not ref:
            raise InputError(f"{source}:{number}: event argument {token!r} is not ROLE:ID")
        args[key] = ref
    return args
