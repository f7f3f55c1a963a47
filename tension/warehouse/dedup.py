"""Dedup: find near-duplicate documents (one story from several outlets, or several revisions of it) and cluster them.

Two documents are near-duplicates when the Jaccard similarity of their bodies' word 3-shingle sets is at least
`THRESHOLD` and they were published at most `WINDOW_DAYS` apart. Each document's MinHash LSH band keys are
computed where the document is analysed (tension.ingest.signature, in the worker processes) and kept in the table
`document_bands` (one row per band key); a new document is compared only with the stored documents that share a
band key within the window, never with the whole database, and each candidate is then checked with the exact
Jaccard. Clusters are the connected components of that relation, named by their smallest doc_id, so they do not
depend on the order documents arrive in. Every document is kept; the statement_scores view counts one
representative per cluster and ISO week (a text repeated week after week chains into one cluster, and each week
still counts it once). See docs/ingest-and-dedup.md for how the threshold was chosen and how this scales.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

import duckdb
import numpy as np
import pyarrow as pa

from tension.ingest.signature import BANDS, SIGNATURE_VERSION, jaccard_ids, shingle_ids, signature
from tension.warehouse.store import get_setting, registered, sql, transaction

# Exact Jaccard of word 3-shingle sets. Measured on ../shared/data: Yonhap revisions of one story score 0.49-0.80
# and different stories at most 0.22; in rss_2022 (within 3 days) copies and revisions of one item score
# 0.33-0.86, while independent write-ups of the same event by different outlets mostly score 0.15-0.30.
THRESHOLD = 0.30
WINDOW_DAYS = 3  # revisions and syndicated copies appear within days; boilerplate recurs over months
# Candidates per new document, and members compared exactly per candidate cluster (those sharing the most band
# keys): bound the work when hundreds of copies of one text arrive at once, or are stored already.
MAX_CANDIDATES = 200
MAX_CHECKS_PER_CLUSTER = 3
# Two texts sharing this many of the 50 band keys are near-duplicates without the exact check: each key is shared
# with probability J^2, so below the threshold (J <= 0.30) sharing 25 or more has a chance under 1e-13, while
# copies (J > 0.8) share 25 or more 98.5% of the time. Spares the single writer from re-reading copies' texts.
SURE_BANDS = 25
# A new document sharing this many keys with a stored member of its cluster published the same day (J above
# ~0.9: a syndicated or re-sent copy) adds no band keys of its own: later documents find the cluster through
# that member, whose keys are nearly the same, and the band table grows with distinct texts, not with copies.
COPY_BANDS = 40


class RecentShingles:
    """Shingle ids of the documents the writer saw last, by doc_id (a hash of the text, so never stale): the next
    batches' candidates are mostly among them, and re-reading and re-hashing their texts was most of the writer's
    clustering time. Bounded: about 2 KB per document. Owned by the run's writer (tension.warehouse.load.Writer)."""

    def __init__(self, size: int = 20_000) -> None:
        self.size = size
        self.items: OrderedDict[str, np.ndarray] = OrderedDict()

    def get(self, doc_id: str) -> np.ndarray | None:
        found = self.items.get(doc_id)
        if found is not None:
            self.items.move_to_end(doc_id)
        return found

    def put(self, doc_id: str, ids: np.ndarray) -> None:
        self.items[doc_id] = ids
        self.items.move_to_end(doc_id)
        while len(self.items) > self.size:
            self.items.popitem(last=False)


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


@dataclass
class Clustering:
    """The outcome for a set of new documents: each one's cluster, stored clusters renamed (new name, old name)
    because a new document joined them, and how many new documents are in a cluster of two or more."""

    clusters: dict[str, str]
    renamed: list[tuple[str, str]]
    joined: int
    copies: set[str] = field(default_factory=set)  # new documents whose band keys need not be stored


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Band keys of the current signature for every clustered stored document, when the table is new or the
    signature changed (once per database); returns how many documents were signed."""
    if get_setting(con, "dedup_signature") == SIGNATURE_VERSION:
        return 0
    con.execute("delete from document_bands")
    reader = con.cursor()  # its own connection: the inserts below must not invalidate the pending result
    reader.execute("select doc_id, published, body from documents where cluster_id is not null")
    signed = 0
    while rows := reader.fetchmany(5_000):
        _insert_bands(con, pa.table({"doc_id": [r[0] for r in rows], "published": [r[1] for r in rows],
                                     "lsh_bands": [signature(r[2]) for r in rows]}))
        signed += len(rows)
    reader.close()
    con.execute("insert or replace into settings values ('dedup_signature', ?)", [SIGNATURE_VERSION])
    return signed


def _insert_bands(con: duckdb.DuckDBPyConnection, new: pa.Table) -> None:
    with registered(con, "tension_new_bands", new.select(["doc_id", "published", "lsh_bands"])):
        con.execute(sql("insert_bands"))


def _candidates(con: duckdb.DuckDBPyConnection, new: pa.Table, window_days: int
                ) -> list[tuple[str, str, bool, int, bool]]:
    """(new doc, candidate, candidate is new too, band keys shared, same day) sharing a band key within the window, the most
    shared keys first, at most MAX_CANDIDATES per new document; stored candidates and other new documents alike.
    The date bounds let DuckDB skip stored row groups outside the batch's dates (runs that arrive in date order)."""
    if new.num_rows == 0:
        return []
    dates = new.column("published").to_pylist()
    low, high = min(dates), max(dates)
    with registered(con, "tension_new_bands", new.select(["doc_id", "published", "lsh_bands"])):
        return con.execute(
            sql("dedup_candidates"),
            [low - timedelta(days=window_days), high + timedelta(days=window_days), window_days, MAX_CANDIDATES],
        ).fetchall()


def cluster(con: duckdb.DuckDBPyConnection, new: pa.Table, threshold: float = THRESHOLD,
            window_days: int = WINDOW_DAYS, recent: RecentShingles | None = None) -> Clustering:
    """Clusters for `new` documents (columns doc_id, published, body, lsh_bands, and shingles when the worker sent
    them) against the stored ones and each other. Writes nothing. Each candidate cluster is checked with its most
    similar member first and with the others only if that one falls short, so a flood of copies of one text costs
    about one exact comparison each. `recent`: the writer's cache of shingle ids, kept from batch to batch."""
    recent = recent if recent is not None else RecentShingles()
    new_ids = new.column("doc_id").to_pylist()
    if "shingles" in new.column_names:
        for doc_id, ids in zip(new_ids, _id_arrays(new.column("shingles"))):
            recent.put(doc_id, ids)
    components = _Components()
    for doc_id in new_ids:
        components.find(doc_id)
    candidates = _candidates(con, new, window_days)
    if not candidates:
        return Clustering({d: d for d in new_ids}, [], 0)
    stored = sorted({other for _, other, is_new, _, _ in candidates if not is_new})
    with registered(con, "tension_stored", _doc_ids(stored)):
        group_of = dict(con.execute("select doc_id, coalesce(cluster_id, doc_id) from documents "
                                    "semi join tension_stored using (doc_id)").fetchall())
    # (new document, candidate group) -> members, most similar first; a group is a stored cluster or a new document
    groups: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    stored_groups: set[str] = set()
    copies = {new_id for new_id, _, is_new, shared, same_day in candidates
              if not is_new and same_day and shared >= COPY_BANDS and threshold <= THRESHOLD}
    for new_id, other, is_new, shared, _ in candidates:
        group = other if is_new else group_of.get(other, other)
        if not is_new:
            stored_groups.add(group)
        if len(groups[(new_id, group)]) < MAX_CHECKS_PER_CLUSTER:
            groups[(new_id, group)].append((other, shared))
    bodies = dict(zip(new_ids, new.column("body").to_pylist()))
    sets: dict[str, np.ndarray] = {}

    def load(doc_ids: set[str]) -> None:
        for d in doc_ids:
            if d not in sets and (found := recent.get(d)) is not None:
                sets[d] = found
        wanted = [d for d in doc_ids if d not in sets and d not in bodies]
        if wanted:
            with registered(con, "tension_wanted", _doc_ids(wanted)):
                bodies.update(con.execute("select doc_id, body from documents semi join tension_wanted using (doc_id)"
                                          ).fetchall())
        for d in doc_ids:
            if d not in sets:
                sets[d] = shingle_ids(bodies.get(d) or "")
                recent.put(d, sets[d])

    sure = SURE_BANDS if threshold <= THRESHOLD else BANDS + 1  # the shortcut holds for the default threshold
    for first_round in (True, False):
        pending = [(key, members[:1] if first_round else members[1:]) for key, members in groups.items()
                   if components.find(key[0]) != components.find(key[1])]
        load({d for (new_id, _), members in pending for member, shared in members if shared < sure
              for d in (new_id, member)})
        for (new_id, group), members in pending:
            for member, shared in members:
                if components.find(new_id) == components.find(group):
                    break  # linked meanwhile through another member or another new document
                if shared >= sure or jaccard_ids(sets[new_id], sets[member]) >= threshold:
                    components.union(new_id, group)
                    break
    clusters = {d: components.find(d) for d in new_ids}
    renamed = sorted((components.find(g), g) for g in stored_groups if components.find(g) != g)
    sizes: dict[str, int] = defaultdict(int)
    for root in clusters.values():
        sizes[root] += 1
    # a stored cluster shares its root with a new document only if that document joined it
    stored_roots = {components.find(g) for g in stored_groups}
    joined = sum(1 for root in clusters.values() if sizes[root] > 1 or root in stored_roots)
    return Clustering(clusters, renamed, joined, copies)


def _doc_ids(doc_ids: list[str]) -> pa.Table:
    return pa.table({"doc_id": pa.array(doc_ids, pa.string())})


def _id_arrays(column: pa.ChunkedArray) -> list[np.ndarray]:
    """Each row of a list<uint64> column as its own numpy array (copies: a view would hold the whole batch), cut
    from each chunk's values at its offsets rather than converted row by row (~14 us a document saved)."""
    arrays: list[np.ndarray] = []
    for chunk in column.chunks:
        offsets = chunk.offsets.to_numpy()
        values = chunk.values.to_numpy(zero_copy_only=False)
        arrays.extend(values[offsets[i] : offsets[i + 1]].copy() for i in range(len(chunk)))
    return arrays


def _apply_renames(con: duckdb.DuckDBPyConnection, renamed: list[tuple[str, str]]) -> None:
    """Stored clusters a new document merged into another name (one scan of documents, not one per cluster)."""
    if renamed:
        con.execute(sql("rename_clusters"), [[n for n, _ in renamed], [o for _, o in renamed]])


def store_clusters(con: duckdb.DuckDBPyConnection, new: pa.Table, result: Clustering) -> None:
    """Record the band keys of `new` documents and rename the stored clusters they merged (inside the caller's
    transaction; the documents themselves carry their cluster_id when inserted)."""
    if result.copies:
        keep = [doc_id not in result.copies for doc_id in new.column("doc_id").to_pylist()]
        new = new.filter(pa.array(keep, pa.bool_()))
    _insert_bands(con, new)
    _apply_renames(con, result.renamed)


def assign_clusters(
    con: duckdb.DuckDBPyConnection, threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS
) -> int:
    """Give every stored document without a cluster one (documents inserted by other means than a run's batches,
    and databases from before clustering), merging clusters a new document links; returns how many of them joined
    a cluster of two or more. Idempotent, one transaction."""
    migrate(con)
    rows = con.execute("select doc_id, published, body from documents where cluster_id is null").fetchall()
    if not rows:
        return 0
    new = pa.table({"doc_id": [r[0] for r in rows], "published": [r[1] for r in rows],
                    "body": [r[2] for r in rows], "lsh_bands": [signature(r[2]) for r in rows]})
    with transaction(con):
        result = cluster(con, new, threshold, window_days)
        con.execute(sql("assign_clusters"), [list(result.clusters), list(result.clusters.values())])
        store_clusters(con, new, result)
    return result.joined
