import io
import json

import pytest

from sayso.records.types import ArticleResult
from sayso.sinks.formats import Writer, render_table


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("jsonl", lambda out: [json.loads(x)["id"] for x in out.splitlines()] == ["a", "b"]),
        ("json", lambda out: [r["id"] for r in json.loads(out)] == ["a", "b"]),
        ("csv", lambda out: out.splitlines()[0].startswith("article_id,kind,speaker")),
        ("table", lambda out: "== a: 0 attribution(s)" in out),
    ],
)
def test_writer_formats(fmt, check):
    out = io.StringIO()
    writer = Writer(fmt, out)
    for name in ("a", "b"):
        writer.write(ArticleResult(id=name, text=""))
    writer.close()
    assert check(out.getvalue())


def test_json_with_no_results_is_an_empty_list():
    out = io.StringIO()
    Writer("json", out).close()
    assert json.loads(out.getvalue()) == []


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format"):
        Writer("xml", io.StringIO())


def test_table_clips_long_quotes(extractor):
    result = extractor.extract("“" + "word " * 80 + "end,” Jane Doe said.")
    table = render_table(result, width=100)
    assert all(len(line) <= 100 for line in table.splitlines())
    assert "Jane Doe" in table
