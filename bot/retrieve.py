"""Find the sentences of an article that answer a question (offline, no weights).

A BM25 ranking (Robertson & Zaragoza 2009) over syllable unigrams and bigrams, with three
additions that matter for Vietnamese questions:

* question words ("ai", "bao nhiêu", "khi nào", ...) are dropped from the query and turned into
  an expected answer type: a sentence holding a number, a date or a name of the asked kind
  gets a bonus;
* the same ranking over diacritics-stripped syllables is a secondary signal, so "ai la truong
  doan" still finds "trưởng đoàn";
* a little of each neighbour's score is added, because a subject named in one sentence is
  often answered in the next.

The ranking goes through ``bot.extractive.rank``, the selection code the summarizer uses.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from bot.article import Article, Sentence
from bot.extractive import rank
from bot.guard import find_names
from bot.textstats import STOP_WORDS, ngrams, strip_diacritics, syllables

# Question phrase → expected answer type. Longer phrases are matched first, so "năm nào"
# wins over "nào". A question typed without diacritics is matched on the unaccented forms.
_QUESTION_WORDS = {
    "bao nhiêu": "number", "mấy": "number", "how many": "number", "how much": "number",
    "khi nào": "time", "năm nào": "time", "bao giờ": "time", "lúc nào": "time",
    "thời gian nào": "time", "thời điểm nào": "time", "when": "time", "what year": "time",
    "ai": "person", "who": "person", "whom": "person",
    "ở đâu": "place", "nơi nào": "place", "where": "place",
    "tại sao": "reason", "vì sao": "reason", "why": "reason",
    "như thế nào": "manner", "thế nào": "manner", "how": "manner",
    "là gì": "thing", "gì": "thing", "nào": "thing", "what": "thing", "which": "thing",
}
_QUESTION_PHRASES = {tuple(k.split()): v for k, v in _QUESTION_WORDS.items()}
_UNACCENTED_PHRASES = {tuple(strip_diacritics(k).split()): v for k, v in _QUESTION_WORDS.items()}
_LONGEST_PHRASE = max(len(p) for p in _QUESTION_PHRASES)

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

_NUMBER = re.compile(r"\d|\b(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|trăm|nghìn|ngàn|triệu|tỷ|tỉ)\b", re.I)
_TIME = re.compile(r"\b(?:1\d{3}|20\d{2})\b|\d{1,2}[/-]\d{1,2}|\b(?:năm|tháng|ngày|thế kỷ|thập niên)\s+\d", re.I)
_REASON = re.compile(r"\b(?:vì|do|bởi|nhờ|nên|because|since|due to)\b", re.I)
# Openings that refer back to the previous sentence's subject.
_ANAPHOR = re.compile(r"^(?:nó|ông|bà|họ|anh|chị|cô|đây|điều này|việc này|[\w\s]{0,20}?\bnày\b|it|he|she|they|this|these)\b", re.I)
_PLACE_WORD = re.compile(r"\b(?:ở|tại|từ|in|at)\s+$", re.I)
_TYPE_PATTERNS = {"number": _NUMBER, "time": _TIME, "reason": _REASON}


@dataclass(frozen=True)
class Evidence:
    """A sentence that may answer the question, with its retrieval score (higher is better)."""

    sentence: Sentence
    score: float


@dataclass(frozen=True)
class Query:
    """A question reduced to what is searched: content terms, their unaccented forms, the answer type."""

    terms: tuple
    stripped_terms: tuple
    answer_type: str | None


def parse_question(question: str) -> Query:
    """Drop the question words of ``question`` and note the answer type they ask for."""
    tokens = syllables(question)
    bare = [strip_diacritics(t) for t in tokens]
    # Unaccented matching only for unaccented questions: "máy" must not be taken for "mấy".
    phrases, keys = (_QUESTION_PHRASES, tokens) if bare != tokens else (_UNACCENTED_PHRASES, bare)
    keep = [True] * len(tokens)
    answer_type = None
    i = 0
    while i < len(tokens):
        for size in range(_LONGEST_PHRASE, 0, -1):
            kind = phrases.get(tuple(keys[i : i + size]))
            if kind:
                answer_type = answer_type or kind
                keep[i : i + size] = [False] * size
                i += size
                break
        else:
            i += 1
    kept = [t for t, k in zip(tokens, keep) if k]
    return Query(tuple(_terms(kept)), tuple(_terms([strip_diacritics(t) for t in kept])), answer_type)


def find_evidence(article: Article, question: str, k: int = 3) -> list[Evidence]:
    """The ``k`` sentences of ``article`` most likely to answer ``question``, best first."""
    sentences = article.sentences
    if not sentences or k <= 0:
        return []
    query = parse_question(question)
    scores = bm25_scores([_terms(syllables(s.text)) for s in sentences], query.terms)
    stripped = bm25_scores([_terms([strip_diacritics(t) for t in syllables(s.text)]) for s in sentences], query.stripped_terms)
    combined = [a + STRIPPED_WEIGHT * b for a, b in zip(scores, stripped)]
    combined = _add_neighbours(combined, sentences)
    combined = _add_type_bonus(combined, sentences, query)
    accented = query.terms != query.stripped_terms or not any(
        strip_diacritics(s.text) != s.text for s in sentences[:20])
    ideal = _ideal(sentences, query, accented)
    by_index = {s.index: score / ideal for s, score in zip(sentences, combined)}
    best = rank(sentences, lambda s: by_index[s.index])[:k]
    return [Evidence(s, round(by_index[s.index], 4)) for s in best]


def is_answerable(evidence: list[Evidence]) -> bool:
    """Whether the best evidence shares enough with the question to ground an answer."""
    return bool(evidence) and evidence[0].score >= MIN_SCORE


def _ideal(sentences: Sequence[Sentence], query: Query, accented: bool) -> float:
    """The score of a sentence holding every query term once: scores become shares of it,
    comparable across questions of any length (1.0 ≈ the whole question is matched).

    A question typed without diacritics can only match through the stripped index, so only
    that part counts towards its ideal.
    """
    exact = _idf_sum([_terms(syllables(s.text)) for s in sentences], query.terms) if accented else 0.0
    stripped = _idf_sum([_terms([strip_diacritics(t) for t in syllables(s.text)]) for s in sentences], query.stripped_terms)
    return exact + STRIPPED_WEIGHT * stripped or 1.0


def _idf_sum(documents: list[list], query: Sequence) -> float:
    df = Counter(t for d in documents for t in set(d))
    n = len(documents)
    return sum((BIGRAM_WEIGHT if isinstance(t, tuple) else 1.0) * math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
               for t in set(query))


def _terms(tokens: Sequence[str]) -> list:
    """Content syllables plus syllable pairs (pairs keep stop words: "người dân", "bao giờ")."""
    return [t for t in tokens if t not in STOP_WORDS] + ngrams(tokens, 2)


def bm25_scores(documents: list[list], query: Sequence) -> list[float]:
    n = len(documents)
    avg = sum(len(d) for d in documents) / n or 1.0
    df = Counter(t for d in documents for t in set(d))
    wanted = set(query)
    scores = []
    for doc in documents:
        tf = Counter(t for t in doc if t in wanted)
        score = 0.0
        for term, count in tf.items():
            idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
            weight = BIGRAM_WEIGHT if isinstance(term, tuple) else 1.0
            score += weight * idf * count * (K1 + 1) / (count + K1 * (1 - B + B * len(doc) / avg))
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
    return [s + (bonus if s > 0 and _has_type(sent.text, query) else 0.0) for s, sent in zip(scores, sentences)]


def _has_type(text: str, query: Query) -> bool:
    """Whether ``text`` holds something of the asked kind that the question does not already name."""
    pattern = _TYPE_PATTERNS.get(query.answer_type or "")
    if pattern is not None:
        return bool(pattern.search(text))
    if query.answer_type not in ("person", "place"):
        return False
    asked = set(query.terms)
    for name in find_names(text):
        if set(syllables(name)) <= asked:
            continue  # "Việt Nam" in "ai là trưởng đoàn Việt Nam?" is not the answer
        start = text.find(name)
        if query.answer_type == "person" or _PLACE_WORD.search(text[max(0, start - 8) : start]):
            return True
    return False
