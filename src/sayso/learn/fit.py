"""Fit a multinomial logistic regression on sparse string features (numpy, AdaGrad).

Deterministic for a given seed. Used only at training time.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from sayso.learn.linear import LinearModel


def fit(
    rows: list[list[str]],
    labels: list[str],
    classes: tuple[str, ...],
    *,
    epochs: int = 25,
    rate: float = 0.01,
    l2: float = 1e-6,
    min_count: int = 2,
    batch: int = 64,
    seed: int = 13,
    prune: float = 0.01,
) -> LinearModel:
    counts = Counter(f for r in rows for f in set(r))
    vocab = {f: n for n, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    idx_rows = [np.array(sorted({vocab[f] for f in r if f in vocab}), dtype=np.int64) for r in rows]
    y = np.array([classes.index(lab) for lab in labels], dtype=np.int64)
    k = len(classes)
    w = np.zeros((len(vocab), k))
    b = np.zeros(k)
    gw = np.full((len(vocab), k), 1e-8)
    gb = np.full(k, 1e-8)
    rng = np.random.default_rng(seed)
    eye = np.eye(k)
    for _ in range(epochs):
        order = rng.permutation(len(rows))
        for s in range(0, len(order), batch):
            chunk = order[s : s + batch]
            parts = [idx_rows[i] for i in chunk]
            lens = np.array([len(p) for p in parts])
            flat = np.concatenate(parts) if lens.sum() else np.zeros(0, dtype=np.int64)
            owner = np.repeat(np.arange(len(chunk)), lens)
            z = np.tile(b, (len(chunk), 1))
            np.add.at(z, owner, w[flat])
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            g = p - eye[y[chunk]]
            grad = np.zeros((len(flat), k))
            grad[:] = g[owner]
            uniq, inv = np.unique(flat, return_inverse=True)
            gu = np.zeros((len(uniq), k))
            np.add.at(gu, inv, grad)
            gu += l2 * w[uniq]
            gw[uniq] += gu**2
            w[uniq] -= rate * gu / np.sqrt(gw[uniq])
            gbatch = g.sum(axis=0)
            gb += gbatch**2
            b -= rate * gbatch / np.sqrt(gb)
    names = sorted(vocab, key=vocab.get)
    weights = {
        f: tuple(float(x) for x in w[vocab[f]]) for f in names if np.abs(w[vocab[f]]).max() >= prune
    }
    return LinearModel(classes=classes, bias=tuple(float(x) for x in b), weights=weights)
