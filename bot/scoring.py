"""BM25 and IDF over sentences given as term lists: the lexical core of ``bot.retrieve``.

Terms are syllables and syllable pairs (tuples); a shared pair is stronger evidence than one
syllable. BM25 as in Robertson & Zaragoza (2009), with less length damping than the usual
defaults because every "document" here is one sentence.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Sequence

K1, B = 0.8, 0.4             # BM25 (defaults 1.2, 0.75): short sentences, so less length damping
BIGRAM_WEIGHT = 1.5          # a shared syllable pair is stronger evidence than one syllable


def idf(n: int, df: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def document_frequency(documents: Sequence[Sequence], wanted: set) -> Counter:
    return Counter(t for d in documents for t in set(d) if t in wanted)


def term_weight(term) -> float:
    return BIGRAM_WEIGHT if isinstance(term, tuple) else 1.0


def idf_parts(documents: Sequence[Sequence], query: Sequence) -> dict:
    """Each query term's weighted IDF: their sum is the score of a sentence holding every term
    once, which retrieval scores are shares of."""
    df = document_frequency(documents, set(query))
    # In query order, not set order: float sums then do not change with the hash seed.
    return {t: term_weight(t) * idf(len(documents), df[t]) for t in dict.fromkeys(query)}


def bm25_scores(documents: list[list], query: Sequence) -> list[float]:
    """BM25 of each document (a list of terms) for ``query`` (unigrams and syllable pairs)."""
    return [sum(parts.values()) for parts in bm25_parts(documents, query)]


def bm25_parts(documents: list[list], query: Sequence) -> list[dict]:
    """Each document's BM25, term by term: {term: its share of the document's score}."""
    n = len(documents)
    avg = sum(len(d) for d in documents) / n or 1.0
    wanted = set(query)
    df = document_frequency(documents, wanted)
    parts = []
    for doc in documents:
        tf = Counter(t for t in doc if t in wanted)
        norm = K1 * (1 - B + B * len(doc) / avg)
        parts.append({term: term_weight(term) * idf(n, df[term]) * count * (K1 + 1) / (count + norm)
                      for term, count in tf.items()})
    return parts
