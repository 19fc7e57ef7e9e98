"""Corpus pipeline benchmark (not a test): Sayso end to end vs. the bare spaCy pipeline.

Measures, on the same articles, in one run:

* words/s of the bare spaCy pipeline (the same model, without Sayso): ``nlp.pipe``
  with 1 process and with ``n_process=2``;
* words/s of Sayso end to end (``sayso.corpus.run`` into a SQLite store: batching,
  extraction, speaker merge, writing) with ``--jobs 1`` and ``--jobs 2``;
* the peak resident memory (VmHWM) of each worker process.

Each measurement runs in a fresh child process, so peaks and caches do not leak
between them. Model loading is outside the 1-process timings; with 2 processes
the workers' start-up (spaCy's and Sayso's alike) is inside, as a user sees it.

Articles: the PolNeAR train texts (``../shared/data/polnear/train/text``) when
present, else generated text. Usage::

    .venv/bin/python benchmarks/bench_corpus.py --articles 100 --model auto
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"


def load_texts(n: int) -> tuple[list[str], str]:
    if POLNEAR.is_dir():
        paths = sorted(POLNEAR.glob("*.txt"))[:n]
        return [p.read_text(encoding="utf-8") for p in paths], f"PolNeAR train, first {n} texts"
    texts = []
    for i in range(n):
        sentences = [
            f"“We will finish the project {j} by spring,” Jane Doe{i % 7} said on day {j}. "
            f"Officials said the cost of plan {j} had doubled since {2000 + j}. "
            for j in range(20)
        ]
        texts.append("".join(sentences))
    return texts, f"generated text, {n} articles"


# -- children ------------------------------------------------------------------------------


def _cpu_seconds() -> float:
    """CPU time of this process and its reaped children: the work, whatever the load."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def child(mode: str, jobs: int, model: str, n: int) -> dict[str, float]:
    texts, _ = load_texts(n)
    words = sum(len(t.split()) for t in texts)
    if mode == "spacy":
        import spacy

        from sayso.parse import models

        nlp = spacy.load(models.resolve(model))  # the bare pipeline: no Sayso component
        cpu, start = _cpu_seconds(), time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32, n_process=jobs):
            pass
        seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        model_name = f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}"
        return {"seconds": seconds, "cpu": cpu, "words": words, "model": model_name}  # type: ignore[dict-item]
    else:
        from sayso.corpus import run
        from sayso.options import Options
        from sayso.parse import models
        from sayso.read.article import Article
        from sayso.sinks.sqlite import SqliteStore

        options = Options(model=model)
        if jobs == 1:
            models.load(model)  # load outside the timing, as for bare spaCy
        articles = [Article(id=f"a{i}", text=t, source=f"a{i}") for i, t in enumerate(texts)]
        with tempfile.TemporaryDirectory() as tmp:
            store = SqliteStore(Path(tmp) / "bench.db")
            cpu, start = _cpu_seconds(), time.perf_counter()
            summary = run(articles, options, store, jobs=jobs, echo_errors=False)
            store.close()
            seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        assert summary.errors == 0, summary.failed_inputs
    return {"seconds": seconds, "cpu": cpu, "words": words}


# -- parent --------------------------------------------------------------------------------


def _tree(root: int) -> list[int]:
    """``root`` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    stat = handle.read()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, ppid in parents.items() if ppid in frontier]
        found += frontier
    return found


def _peak_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(mode: str, jobs: int, model: str, n: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", mode, "--jobs", str(jobs)]
    command += ["--model", model, "--articles", str(n)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peaks: dict[int, int] = {}
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            for pid in _tree(proc.pid):
                peaks[pid] = max(peaks.get(pid, 0), _peak_kb(pid))
            time.sleep(0.2)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    out, _ = proc.communicate()
    done.set()
    watcher.join()
    if proc.returncode != 0:
        raise SystemExit(f"{mode} jobs={jobs} failed with status {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    root = peaks.pop(proc.pid, 0)
    # Workers: the descendants holding a model (the forkserver only imports spaCy).
    workers = sorted(peaks.values(), reverse=True)[:jobs] if jobs > 1 else [root]
    result["worker_peak_mb"] = max(workers) / 1024 if workers else 0.0
    result["parent_peak_mb"] = root / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--model", default="auto")
    parser.add_argument("--child", choices=["spacy", "sayso"])
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.jobs, args.model, args.articles)))
        return

    _, label = load_texts(args.articles)
    runs = {}
    for mode, jobs in [("spacy", 1), ("sayso", 1), ("spacy", 2), ("sayso", 2)]:
        runs[mode, jobs] = measure(mode, jobs, args.model, args.articles)
        r = runs[mode, jobs]
        print(
            f"{mode:>5} x{jobs}: {r['words'] / r['seconds']:8.0f} words/s "
            f"({r['seconds']:.1f} s, {r['cpu']:.1f} CPU s), "
            f"worker peak {r['worker_peak_mb']:.0f} MB",
            file=sys.stderr,
        )

    def rate(mode: str, jobs: int) -> float:
        return runs[mode, jobs]["words"] / runs[mode, jobs]["seconds"]

    words = int(runs["spacy", 1]["words"])
    lines = [
        f"Articles: {label} ({words:,} words); model: `{args.model}` → "
        f"`{runs['spacy', 1]['model']}`; {os.cpu_count()} CPU cores.",
        "",
        "| run | words/s | seconds | CPU seconds (all processes) | peak RSS per worker |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for (mode, jobs), r in runs.items():
        name = (
            f"bare spaCy `nlp.pipe(n_process={jobs})`"
            if mode == "spacy"
            else f"Sayso `--jobs {jobs}`"
        )
        peak = f"{r['worker_peak_mb']:.0f} MB"
        cells = f"{rate(mode, jobs):,.0f} | {r['seconds']:.1f} | {r['cpu']:.1f} | {peak}"
        lines.append(f"| {name} | {cells} |")

    def cpu(mode: str, jobs: int) -> float:
        return 1000 * runs[mode, jobs]["cpu"] / runs[mode, jobs]["words"]

    ratio = rate("sayso", 1) / rate("spacy", 1)
    spacy_scaling = rate("spacy", 2) / rate("spacy", 1)
    sayso_scaling = rate("sayso", 2) / rate("sayso", 1)
    worst = max(r["worker_peak_mb"] for (mode, _), r in runs.items() if mode == "sayso")
    lines += [
        "",
        f"- Sayso / bare spaCy, 1 process: **{ratio:.2f}×** (target ≥ 0.8×)",
        f"- scaling 1 → 2: Sayso **{sayso_scaling:.2f}×**, spaCy {spacy_scaling:.2f}× "
        "(target: Sayso at least spaCy's)",
        f"- peak RSS per Sayso worker: **{worst:.0f} MB** (target ≤ 700 MB)",
        f"- CPU seconds per 1,000 words: bare spaCy {cpu('spacy', 1):.3f} (1 process), "
        f"{cpu('spacy', 2):.3f} (2); Sayso {cpu('sayso', 1):.3f} (1 job), {cpu('sayso', 2):.3f} "
        "(2 jobs): the work done, which the machine's load does not change much",
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
