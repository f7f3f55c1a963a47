"""Near-duplicate signatures: the pure half of tension.warehouse.dedup, computed where a document is analysed (workers).

A body's word 3-shingles are hashed to 64-bit ids (each word hashed in one vectorised pass, a shingle's id mixing
its words' ids by position); their MinHash signature (BANDS × ROWS multiply-shift hash functions) is cut into LSH band keys. Two
documents sharing a band key are candidates; tension.warehouse.dedup checks candidates with the exact Jaccard of the ids.
Nothing here touches the database. SIGNATURE_VERSION names the scheme: stored band keys of another version are
recomputed (tension.dedup.migrate), so any change to the values computed here must change it.
"""

from __future__ import annotations

import functools
import hashlib
import re

import numpy as np

SHINGLE_WORDS = 3
BANDS, ROWS = 50, 2  # 100 hash functions; P(candidate) = 1-(1-J^2)^50: 0.99 at J=0.30, 0.87 at J=0.20
# Stored in settings: band keys of another version are recomputed from the stored bodies (tension.dedup.migrate).
# 1: strings hashed with BLAKE2 per shingle, band keys in documents.lsh_bands; 2: words hashed with BLAKE2 one by one
SIGNATURE_VERSION = "3"
_WORD = re.compile(r"[^\W_]+")
# The same words for ASCII text, without the regular expression: letters and digits kept, every other byte a space
# (for ASCII, [^\W_] is exactly [A-Za-z0-9]). Most news text is ASCII, and this is ~5× faster than findall.
_ASCII_WORD_BYTES = bytes(c if chr(c).isalnum() else 0x20 for c in range(128)) + b" " * 128
_WORD_BASE = int.from_bytes(hashlib.sha256(b"tension.dedup word hash").digest()[:8], "big") | 1  # odd
_MIX = (np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53), np.uint64(33))  # MurmurHash3's finaliser


def _hash_family(count: int, label: bytes = b"tension.dedup minhash v1") -> tuple[np.ndarray, np.ndarray]:
    """Fixed odd multipliers and offsets of the multiply-shift hash family: the same for every run."""
    seed = hashlib.sha256(label).digest()
    rng = np.random.default_rng(int.from_bytes(seed[:8], "big"))
    a = rng.integers(1, 2**63, size=count, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, size=count, dtype=np.uint64)
    return a, b


@functools.cache
def _constants() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(minhash multipliers, minhash offsets, shingle position multipliers, band mixing multipliers, each band's
    number times the last mixing multiplier: where a band key starts)."""
    a, b = _hash_family(BANDS * ROWS)
    positions, _ = _hash_family(SHINGLE_WORDS, b"tension.dedup shingle positions")
    mixing, _ = _hash_family(ROWS + 1, b"tension.dedup band keys")
    with np.errstate(over="ignore"):
        band_seeds = np.arange(BANDS, dtype=np.uint64) * mixing[ROWS]
    return a, b, positions, mixing, band_seeds


def _word_bytes(text: str) -> bytes:
    """The lower-cased words of `text` (runs of letters and digits) in UTF-8, separated by spaces."""
    if text.isascii():
        return text.encode("ascii").lower().translate(_ASCII_WORD_BYTES)
    return " ".join(_WORD.findall(text.lower())).encode("utf-8", "surrogatepass")


@functools.cache
def _powers(length: int) -> tuple[np.ndarray, np.ndarray]:
    """P^i and P^-i modulo 2^64 for i < length (P is odd, so it has an inverse modulo 2^64)."""
    up = np.full(length, _WORD_BASE, dtype=np.uint64)
    down = np.full(length, pow(_WORD_BASE, -1, 2**64), dtype=np.uint64)
    up[0] = down[0] = 1
    return np.cumprod(up), np.cumprod(down)


def _word_ids(words: bytes) -> np.ndarray:
    """A 64-bit id per word of `words` (separated by spaces), all words at once: the polynomial hash of the word's
    bytes, Σ b_i·P^i modulo 2^64 (summed over the whole text, then shifted back to each word's start), with its bits
    mixed by MurmurHash3's finaliser. Equal words get equal ids wherever they stand."""
    return _word_ids_and_starts(words)[0]


def _word_ids_and_starts(words: bytes) -> tuple[np.ndarray, np.ndarray]:
    """`_word_ids(words)` and where each word starts in `words`."""
    raw = np.frombuffer(words, dtype=np.uint8)
    inside = raw != 0x20
    edges = np.flatnonzero(np.diff(inside, prepend=False, append=False))
    starts = edges[0::2]
    up, down = _powers(1 << max(12, raw.size.bit_length()))  # a few sizes, each computed once
    with np.errstate(over="ignore"):
        terms = raw * up[: raw.size]
        terms[~inside] = 0
        ids = np.add.reduceat(terms, starts) if starts.size else np.empty(0, dtype=np.uint64)
        ids *= down[starts]
        mult1, mult2, shift = _MIX
        ids ^= ids >> shift
        ids *= mult1
        ids ^= ids >> shift
        ids *= mult2
        ids ^= ids >> shift
    return ids, starts


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of `size`-word shingles of `text`, lower-cased (a shorter text is one shingle). Readable form of
    `shingle_ids`, for tests and notes."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def shingle_ids(text: str) -> np.ndarray:
    """The word 3-shingles of `text` as sorted, distinct 64-bit ids: each word is hashed (`_word_ids`) and a
    shingle's id mixes its words' ids by position (so "a b c" and "c b a" differ). A text of three words or fewer is one
    shingle, as in `shingles`; a 64-bit collision between two shingles of two documents is vanishingly rare."""
    return _shingles_of(_word_ids(_word_bytes(text)))


# Texts whose words are hashed in one pass by `shingle_id_sets` (bytes): the per-call cost of numpy is paid once
# for many short bodies, and the table of powers stays small.
GROUP_BYTES = 1 << 16


def shingle_id_sets(texts: list[str]) -> list[np.ndarray]:
    """`shingle_ids` of each text: the words of a group of texts are hashed in one pass (a word's id does not depend
    on where it stands, and the texts' words are joined by a space, so each keeps its own words)."""
    out: list[np.ndarray] = []
    group: list[bytes] = []
    size = 0
    for words in map(_word_bytes, texts):
        if group and size + len(words) > GROUP_BYTES:
            out.extend(_group_shingles(group))
            group, size = [], 0
        group.append(words)
        size += len(words) + 1
    if group:
        out.extend(_group_shingles(group))
    return out


def _group_shingles(group: list[bytes]) -> list[np.ndarray]:
    ids, starts = _word_ids_and_starts(b" ".join(group))
    ends = np.cumsum([len(words) + 1 for words in group])  # each text's end in the joined bytes (with its space)
    cuts = np.searchsorted(starts, ends).tolist()  # the index of each text's first word after its own
    return [_shingles_of(ids[first:stop]) for first, stop in zip([0, *cuts[:-1]], cuts)]


def _shingles_of(ids: np.ndarray) -> np.ndarray:
    """The sorted, distinct shingle ids of a text with these word ids (in order)."""
    if not ids.size:
        return ids
    positions = _constants()[2]
    if ids.size <= SHINGLE_WORDS:
        ids = np.concatenate([ids, np.zeros(SHINGLE_WORDS - ids.size, dtype=np.uint64)])
    width = len(ids) - SHINGLE_WORDS + 1
    with np.errstate(over="ignore"):
        mixed = ids[:width] * positions[0]
        for k in range(1, SHINGLE_WORDS):
            mixed ^= ids[k : k + width] * positions[k]
    mixed.sort()  # distinct by sorting and dropping repeats: a third of np.unique's time for arrays this small
    keep = np.empty(width, dtype=bool)
    keep[0] = True
    np.not_equal(mixed[1:], mixed[:-1], out=keep[1:])
    return mixed[keep]


def jaccard(a: set[str], b: set[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def jaccard_ids(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard of two sorted, distinct id arrays (0 for two empty ones)."""
    if not a.size or not b.size:
        common = 0
    else:  # each id of `a` looked up in `b` (sorted): a third of intersect1d's time, which sorts both again
        at = np.searchsorted(b, a)
        np.minimum(at, b.size - 1, out=at)
        common = int(np.count_nonzero(b[at] == a))
    union = a.size + b.size - common
    return common / union if union else 0.0


def minhash(ids: np.ndarray) -> np.ndarray:
    """MinHash signature (BANDS*ROWS 32-bit values) of a set of 64-bit ids: per hash function, the least of the
    high 32 bits of a·x + b (mod 2^64)."""
    a, b = _constants()[:2]
    if ids.size == 0:
        return np.full(a.size, np.iinfo(np.uint32).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        hashed = np.multiply.outer(ids, a)  # one matrix, updated in place: half the time of fresh temporaries
        hashed += b
        least = hashed.min(axis=0)
    least >>= np.uint64(32)  # the shift keeps the order, so it is applied to the minima only
    return least


def band_keys(signature: np.ndarray) -> list[int]:
    """One signed 64-bit key per LSH band (its rows and its number mixed): documents sharing a key are candidates."""
    mixing, band_seeds = _constants()[3:]
    rows = signature.reshape(BANDS, ROWS)
    with np.errstate(over="ignore"):
        keys = band_seeds
        for r in range(ROWS):
            keys = (keys ^ (rows[:, r] * mixing[r])) * mixing[ROWS]
        keys ^= keys >> np.uint64(31)
    return keys.view(np.int64).tolist()


def signature(text: str) -> list[int]:
    """The LSH band keys of a document body ([] for a text without words): computed where the text is analysed."""
    return signature_of(shingle_ids(text))


def signature_of(ids: np.ndarray) -> list[int]:
    """The LSH band keys of a set of shingle ids ([] for none)."""
    return band_keys(minhash(ids)) if ids.size else []


GROUP_SHINGLES = 2048  # shingle ids of several texts hashed in one matrix by `signatures_of` (~1.6 MB)


def signatures_of(id_sets: list[np.ndarray]) -> list[list[int]]:
    """`signature_of` of each set of shingle ids: the minima of a group of sets from one matrix (`np.minimum.reduceat`
    over each set's rows), and the band keys of all of them at once; the same values, without numpy's per-call cost
    for every document."""
    a, b = _constants()[:2]
    mixing, band_seeds = _constants()[3:]
    out: list[list[int]] = [[] for _ in id_sets]
    todo = [i for i, ids in enumerate(id_sets) if ids.size]
    at = 0
    while at < len(todo):
        group, size = [], 0
        while at < len(todo) and (not group or size + id_sets[todo[at]].size <= GROUP_SHINGLES):
            group.append(todo[at])
            size += id_sets[todo[at]].size
            at += 1
        ids = np.concatenate([id_sets[i] for i in group])
        starts = np.cumsum([0, *(id_sets[i].size for i in group[:-1])])
        with np.errstate(over="ignore"):
            hashed = np.multiply.outer(a, ids)  # (BANDS * ROWS, shingles): each set's row segments are contiguous
            hashed += b[:, None]
            least = np.minimum.reduceat(hashed, starts, axis=1).T  # (texts, BANDS * ROWS)
            least >>= np.uint64(32)
            rows = least.reshape(len(group), BANDS, ROWS)
            keys = np.broadcast_to(band_seeds, (len(group), BANDS))
            for r in range(ROWS):
                keys = (keys ^ (rows[:, :, r] * mixing[r])) * mixing[ROWS]
            keys ^= keys >> np.uint64(31)
        for i, row in zip(group, keys.view(np.int64).tolist()):
            out[i] = row
    return out
