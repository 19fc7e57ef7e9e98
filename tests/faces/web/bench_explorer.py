"""How fast the explorer answers over a larger synthetic store (not a test: a measurement).

    .venv/bin/python tests/faces/web/bench_explorer.py [ARTICLES]

Builds a store of ARTICLES (default 5000) generated articles, 8 attributions each, spread
over two years, 12 outlets and 300 speakers, then times each page and API call (median
of 5, in-process through the ASGI app, so without network cost).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # make "faces.web" importable

from fastapi.testclient import TestClient

from faces.web.stores import Doc, Quote, build_store
from sayso.faces.web import create_app
from sayso.faces.web.highlight import Mark, render

WORDS = ("harbor", "ferry", "budget", "council", "vote", "crews", "union", "mayor", "plan")


def synthetic(n_articles: int, seed: int = 7) -> tuple[list[Doc], dict]:
    rng = random.Random(seed)
    speakers = {
        f"p{i}": {
            "id": i + 1,
            "name": f"Person {i}",
            "type": "PERSON",
            "roles": [],
            "aliases": [f"Person {i}"],
        }
        for i in range(300)
    }
    docs = []
    for a in range(n_articles):
        quotes, parts = [], []
        for q in range(8):
            key = f"p{int(rng.paretovariate(1.2)) % 300}"
            content = " ".join(rng.choice(WORDS) for _ in range(12)) + f" {a}-{q}"
            parts.append(f"“{content},” {speakers[key]['name']} said.")
            quotes.append(Quote("direct", key, content, "said", speakers[key]["name"]))
        day = 1 + (a * 7) % 730
        docs.append(
            Doc(
                id=f"bench/{a}",
                title=f"Article {a}",
                outlet=f"Outlet {a % 12}",
                date=f"{2023 + day // 365}-{1 + (day % 365) // 31:02d}-{1 + day % 28:02d}",
                text="\n\n".join(parts),
                quotes=quotes,
            )
        )
    return docs, speakers


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    tmp = tempfile.TemporaryDirectory(prefix="sayso-bench-")  # removed at exit
    path = Path(tmp.name) / "bench.db"
    start = time.perf_counter()
    docs, speakers = synthetic(n)
    build_store(path, docs, speakers)
    print(
        f"store: {n} articles, {8 * n} attributions, {path.stat().st_size / 1e6:.1f} MB, "
        f"built in {time.perf_counter() - start:.1f}s"
    )
    client = TestClient(create_app(path))
    for url in [
        "/",
        "/articles",
        f"/articles/bench%2F{n // 2}",
        "/speakers",
        "/speakers/2",  # Person 1, the most quoted
        "/search?q=ferry+budget",
        "/search?q=ferry&outlet=Outlet+3&kind=direct",
        "/search?date_from=2023-06-01&date_to=2023-06-30",
        "/api/stats",
        "/api/attributions?speaker_id=2&limit=200",
        "/api/search?q=harbor&limit=200",
        f"/api/articles/bench/{n // 2}",
    ]:
        times = []
        for _ in range(5):
            t = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - t)
            assert response.status_code == 200, (url, response.status_code)
        print(f"{statistics.median(times) * 1000:8.1f} ms  {url}")


def bench_highlight(n_marks: int = 2000) -> None:
    """One long article with many attributions: highlighting must stay linear."""
    text = "“Quote number here is long enough,” Person said. " * n_marks
    marks, pos = [], 0
    for i in range(n_marks):
        start = text.index("Quote", pos)
        end, cue = start + 33, text.index("said", start + 33)
        marks.append(
            Mark(
                i,
                f"id:{i % 50}",
                f"P{i % 50}",
                None,
                "direct",
                "said",
                0.9,
                ((start, end),),
                ((cue, cue + 4),),
                ((cue - 7, cue - 1),),
            )
        )
        pos = end
    t = time.perf_counter()
    render(text, marks)
    took = time.perf_counter() - t
    print(f"highlight: {len(text)} characters, {n_marks} attributions in {took * 1000:.0f} ms")


if __name__ == "__main__":
    bench_highlight()
    main()
