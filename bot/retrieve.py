"""Find the sentences of an article that answer a question (offline, no weights).

A BM25 ranking (Robertson & Zaragoza 2009) over syllable unigrams and bigrams, with additions
that matter for Vietnamese questions:

* question words ("ai", "bao nhiêu", "khi nào", ...) are dropped from the query and turned into
  an expected answer type (``bot.question``): a sentence holding a number, a date or a name of
  the asked kind gets a bonus;
* the same ranking over diacritics-stripped syllables is a secondary signal, so "ai la truong
  doan" still finds "trưởng đoàn", and "hóa" still finds "hoá";
* a little of each neighbour's score is added, because a subject named in one sentence is
  often answered in the next.

The article's index (tokens, document frequencies) is built once and reused for every
question about it. The ranking goes through ``bot.extractive.rank``, the selection code the
summarizer uses.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from bot.article import Article, Sentence
from bot.extractive import rank
from bot.question import Query, has_type, parse_question, terms
from bot.textstats import strip_diacritics, syllables

__all__ = ["Evidence", "Query", "bm25_scores", "find_evidence", "is_answerable", "parse_question"]

K1, B = 0.8, 0.4             # BM25 (defaults 1.2, 0.75): short sentences, so less length damping
BIGRAM_WEIGHT = 1.5          # a shared syllable pair is stronger evidence than one syllable
STRIPPED_WEIGHT = 0.8        # diacritics-stripped match: helps unaccented questions, noisier
NEIGHBOUR_WEIGHT = 0.15      # share of the better neighbour's score a sentence inherits
ANAPHOR_WEIGHT = 0.5         # share of the previous score a sentence opening with "Nó", "Ông", ... inherits
TYPE_BONUS = 0.15            # share of the top score given to sentences of the asked type
# Scores are shares of a perfect match (see _ideal). Under this share no sentence matches enough
# of the question to answer it: on qa-dev 96% of questions clear it, questions put to the wrong
# article 9%.
MIN_SCORE = 0.2

# Openings that refer back to the previous sentence's subject.
_ANAPHOR = re.compile(r"^(?:nó|ông|bà|họ|anh|chị|cô|đây|điều này|việc này|[\w\s]{0,20}?\bnày\b|it|he|she|they|this|these)\b", re.I)


@dataclass(frozen=True)
class Evidence:
    """A sentence that may answer the question, with its retrieval score (higher is better)."""

    sentence: Sentence
    score: float


@dataclass(frozen=True)
class Index:
    """What every question about one article needs: its sentences' terms, plain and unaccented."""

    sentences: tuple[Sentence, ...]
    terms: tuple[list, ...]
    stripped: tuple[list, ...]
    accented: bool  # whether the article is written with diacritics at all


@lru_cache(maxsize=16)
def index(article: Article) -> Index:
    """The article's retrieval index; built once, then reused for each question about it."""
    sentences = article.sentences
    tokens = [syllables(s.text) for s in sentences]
    bare = [[strip_diacritics(t) for t in toks] for toks in tokens]
    accented = any(t != b for toks, bs in zip(tokens[:20], bare[:20]) for t, b in zip(toks, bs))
    return Index(sentences, tuple(terms(t) for t in tokens), tuple(terms(b) for b in bare), accented)


def find_evidence(article: Article, question: str, k: int = 3) -> list[Evidence]:
    """The ``k`` sentences of ``article`` most likely to answer ``question``, best first."""
    if not article.sentences or k <= 0:
        return []
    idx = index(article)
    query = parse_question(question)
    exact = bm25_scores(list(idx.terms), query.terms)
    stripped = bm25_scores(list(idx.stripped), query.stripped_terms)
    combined = [a + STRIPPED_WEIGHT * b for a, b in zip(exact, stripped)]
    combined = _add_neighbours(combined, idx.sentences)
    combined = _add_type_bonus(combined, idx.sentences, query)
    accented = query.terms != query.stripped_terms or not idx.accented
    ideal = _ideal(idx, query, accented)
    by_index = {s.index: score / ideal for s, score in zip(idx.sentences, combined)}
    best = rank(idx.sentences, lambda s: by_index[s.index])[:k]
    return [Evidence(s, round(by_index[s.index], 4)) for s in best]


def is_answerable(evidence: list[Evidence]) -> bool:
    """Whether the best evidence shares enough with the question to ground an answer."""
    return bool(evidence) and evidence[0].score >= MIN_SCORE


def _ideal(idx: Index, query: Query, accented: bool) -> float:
    """The score of a sentence holding every query term once: scores become shares of it,
    comparable across questions of any length (1.0 ≈ the whole question is matched).

    A question typed without diacritics can only match through the stripped index, so only
    that part counts towards its ideal.
    """
    exact = _idf_sum(list(idx.terms), query.terms) if accented else 0.0
    stripped = _idf_sum(list(idx.stripped), query.stripped_terms)
    return exact + STRIPPED_WEIGHT * stripped or 1.0


def _idf(n: int, df: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _document_frequency(documents: list[list], wanted: set) -> Counter:
    return Counter(t for d in documents for t in set(d) if t in wanted)


def _idf_sum(documents: list[list], query: Sequence) -> float:
    df = _document_frequency(documents, set(query))
    return sum(_term_weight(t) * _idf(len(documents), df[t]) for t in set(query))


def _term_weight(term) -> float:
    return BIGRAM_WEIGHT if isinstance(term, tuple) else 1.0


def bm25_scores(documents: list[list], query: Sequence) -> list[float]:
    """BM25 of each document (a list of terms) for ``query`` (unigrams and syllable pairs)."""
    n = len(documents)
    avg = sum(len(d) for d in documents) / n or 1.0
    wanted = set(query)
    df = _document_frequency(documents, wanted)
    scores = []
    for doc in documents:
        tf = Counter(t for t in doc if t in wanted)
        score = 0.0
        for term, count in tf.items():
            score += _term_weight(term) * _idf(n, df[term]) * count * (K1 + 1) / (count + K1 * (1 - B + B * len(doc) / avg))
        scores.append(score)
    return scores


def _add_neighbours(scores: list[float], sentences: Sequence[Sentence]) -> list[float]:
    out = []
    for i, score in enumerate(scores):
        neighbours = [scores[j] for j in (i - 1, i + 1) if 0 <= j < len(scores)]
        score += NEIGHBOUR_WEIGHT * max(neighbours, default=0.0)
        if i and _ANAPHOR.match(sentences[i].text):  # "Nó chứa ...": the subject is the previous sentence's
            score += ANAPHOR_WEIGHT * scores[i - 1]
        out.append(score)
    return out


def _add_type_bonus(scores: list[float], sentences: Sequence[Sentence], query: Query) -> list[float]:
    if query.answer_type is None or not scores:
        return scores
    bonus = TYPE_BONUS * max(scores)
    return [s + (bonus if s > 0 and has_type(sent.text, query) else 0.0) for s, sent in zip(scores, sentences)]
