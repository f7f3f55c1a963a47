"""Dedup: find near-duplicate documents (one story from several outlets, or several revisions of it) and cluster them.

Two documents are near-duplicates when the Jaccard similarity of their bodies' word 3-shingle sets is at least
`THRESHOLD` and they were published at most `WINDOW_DAYS` apart. Candidates come from MinHash LSH band keys,
stored per document (`documents.lsh_bands`), so a new document is compared only with the stored documents that
share a band key within the window, never with the whole database; each candidate is then checked with the exact
Jaccard. Clusters are the connected components of that relation, named by their smallest doc_id, so they do not
depend on the order documents arrive in. Every document is kept; the statement_scores view counts one
representative per cluster and ISO week (a text repeated week after week chains into one cluster, and each week
still counts it once). See docs/ingest-and-dedup.md for how the threshold was chosen.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import timedelta

import duckdb
import numpy as np
import pandas as pd

SHINGLE_WORDS = 3
# Exact Jaccard of word 3-shingle sets. Measured on ../shared/data: Yonhap revisions of one story score 0.49-0.80
# and different stories at most 0.22; in rss_2022 (within 3 days) copies and revisions of one item score
# 0.33-0.86, while independent write-ups of the same event by different outlets mostly score 0.15-0.30.
THRESHOLD = 0.30
WINDOW_DAYS = 3  # revisions and syndicated copies appear within days; boilerplate recurs over months
# Candidates checked per new document: bounds the work when hundreds of copies of one text arrive at once.
MAX_CANDIDATES = 200
BANDS, ROWS = 50, 2  # 100 hash functions; P(candidate) = 1-(1-J^2)^50: 0.99 at J=0.30, 0.87 at J=0.20
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_WORD = re.compile(r"[^\W_]+")


def _hash_family(count: int) -> tuple[np.ndarray, np.ndarray]:
    """Fixed multipliers (odd) and offsets of the multiply-shift hash family: the same for every run."""
    seed = hashlib.sha256(b"tension.dedup minhash v1").digest()
    rng = np.random.default_rng(int.from_bytes(seed[:8], "big"))
    a = rng.integers(1, 2**63, size=count, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, size=count, dtype=np.uint64)
    return a, b


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of `size`-word shingles of `text`, lower-cased (a shorter text is one shingle)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def minhash(items: Iterable[str], hash_family: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """MinHash signature (BANDS*ROWS 32-bit values) of a set of strings."""
    a, b = hash_family or _hash_family(BANDS * ROWS)
    digests = (hashlib.blake2b(s.encode("utf-8", "surrogatepass"), digest_size=8).digest() for s in items)
    base = np.fromiter((int.from_bytes(d, "big") for d in digests), dtype=np.uint64)
    if base.size == 0:
        return np.full(a.size, np.iinfo(np.uint32).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        hashed = ((base[:, None] * a[None, :] + b[None, :]) & _MASK64) >> np.uint64(32)
    return hashed.min(axis=0)


def band_keys(signature: np.ndarray) -> list[int]:
    """One signed 64-bit key per LSH band: documents sharing any key are candidates."""
    keys = []
    for band in range(BANDS):
        rows = signature[band * ROWS : (band + 1) * ROWS].astype("<u8").tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "big") + rows, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def near_duplicate_pairs(texts: dict[str, str], threshold: float = THRESHOLD) -> list[tuple[str, str, float]]:
    """All pairs of `texts` (id -> text) at or above `threshold` by exact Jaccard (quadratic: for tests and notes)."""
    sets = {key: shingles(text) for key, text in texts.items()}
    ids = sorted(sets)
    found = []
    for i, first in enumerate(ids):
        for second in ids[i + 1 :]:
            similarity = jaccard(sets[first], sets[second])
            if similarity >= threshold:
                found.append((first, second, similarity))
    return found


class _Components:
    """Union-find whose representative is the smallest name, so the result does not depend on the order."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: str, y: str) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)


def assign_clusters(
    con: duckdb.DuckDBPyConnection, threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS
) -> int:
    """Give every document without a cluster one, merging clusters a new document links; returns how many new
    documents joined a cluster of two or more. Idempotent, one transaction, and only new documents are hashed."""
    new = con.execute("select doc_id, published, body from documents where cluster_id is null").df()
    if new.empty:
        return 0
    family = _hash_family(BANDS * ROWS)
    new_sets = {row.doc_id: shingles(row.body) for row in new.itertuples()}
    keys = pd.DataFrame({
        "doc_id": new["doc_id"],
        "published": new["published"],
        "lsh_bands": [band_keys(minhash(new_sets[d], family)) if new_sets[d] else [] for d in new["doc_id"]],
    })
    con.execute("begin transaction")
    try:
        con.execute("update documents set lsh_bands = keys.lsh_bands from keys where documents.doc_id = keys.doc_id")
        low = new["published"].min() - timedelta(days=window_days)
        high = new["published"].max() + timedelta(days=window_days)
        candidates = con.execute(
            """
            with fresh as (
                select doc_id, published, unnest(lsh_bands) as band_key from keys
            ),
            nearby as (
                select doc_id, published, cluster_id, unnest(lsh_bands) as band_key
                from documents where published between ? and ?
            )
            select f.doc_id as new_id, n.doc_id as other_id, any_value(n.cluster_id) as other_cluster
            from fresh as f join nearby as n using (band_key)
            where n.doc_id <> f.doc_id and abs(date_diff('day', f.published, n.published)) <= ?
            group by f.doc_id, n.doc_id
            -- the most similar candidates first (most shared band keys); a flood of copies is capped
            qualify row_number() over (partition by f.doc_id order by count(*) desc, n.doc_id) <= ?
            """,
            [low, high, window_days, MAX_CANDIDATES],
        ).fetchall()
        others = sorted({other for _, other, cluster in candidates if other not in new_sets})
        other_sets = {}
        if others:
            wanted = pd.DataFrame({"doc_id": others})
            other_sets = {doc_id: shingles(body) for doc_id, body in
                          con.execute("select doc_id, body from documents join wanted using (doc_id)").fetchall()}
        sets = {**other_sets, **new_sets}
        components = _Components()
        old_clusters: set[str] = set()
        for doc_id in new_sets:
            components.find(doc_id)
        for new_id, other_id, other_cluster in candidates:
            if jaccard(new_sets[new_id], sets[other_id]) < threshold:
                continue
            if other_cluster is None:  # another new document
                components.union(new_id, other_id)
            else:
                old_clusters.add(other_cluster)
                components.union(new_id, other_cluster)
        assignments = pd.DataFrame({"doc_id": list(new_sets), "cluster_id": [components.find(d) for d in new_sets]})
        con.execute("update documents set cluster_id = assignments.cluster_id from assignments "
                    "where documents.doc_id = assignments.doc_id")
        merged = [(components.find(c), c) for c in sorted(old_clusters) if components.find(c) != c]
        if merged:
            con.executemany("update documents set cluster_id = ? where cluster_id = ?", merged)
        sizes = assignments.groupby("cluster_id")["doc_id"].transform("size")
        joined = int(((sizes > 1) | assignments["cluster_id"].isin([components.find(c) for c in old_clusters])).sum())
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return joined
