"""Shared token-level helpers: syllables, n-grams, stop words, diacritics, ROUGE.

Vietnamese writes one syllable per space-separated token, so a "word" here is a syllable: an
NFC-normalised, lowercased ``\\w+`` run. The summarizer, the evidence finder, the guard and the
evaluation all tokenise through ``syllables`` so that what is ranked is what is scored.
"""
from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

_TOKEN = re.compile(r"\w+", re.UNICODE)

# Function syllables of Vietnamese news prose plus common English function words. They carry
# little topic and would otherwise dominate overlap scores. Written for this project.
VIETNAMESE_STOP_WORDS = frozenset(
    """
    và với của cho các những một là thì mà rằng nên nhưng hay hoặc cũng đã đang sẽ được bị
    có không chưa này đó kia ấy vậy thế nào gì ai đâu sao bao nhiêu mấy khi lúc trong ngoài
    trên dưới tại từ đến về theo để vì do bởi như nếu tuy còn lại ra vào rồi thêm nhiều ít
    rất quá lắm cả mọi mỗi từng người việc điều cái con chiếc ông bà anh chị em họ nó chúng
    ta tôi mình bạn đây đấy thì là làm hơn nhất vẫn đều chỉ luôn ngay sau trước cùng giữa
    qua năm ngày tháng cho biết nói thể hiện nay hiện
    """.split()
)
# Several are also Vietnamese syllables typed without marks ("be" for "bé", "so" for "số", "an"
# for "ăn"): text read unaccented leaves them in (``bot.question``, ``bot.retrieve``).
ENGLISH_STOP_WORDS = frozenset(
    """
    the a an of to in on at for and or but is are was were be been being by with from as
    that this these those it its into about than then so not no do does did has have had
    which who whom whose what when where why how will would can could may might shall should
    """.split()
)
STOP_WORDS = VIETNAMESE_STOP_WORDS | ENGLISH_STOP_WORDS


@dataclass(frozen=True)
class Rouge:
    """ROUGE-1/2/L F1 scores, each in 0..100."""

    r1: float
    r2: float
    rl: float


def normalize(text: str) -> str:
    """NFC and lowercase: the one normalisation every comparison in tinbot uses."""
    return unicodedata.normalize("NFC", text or "").lower()


def syllables(text: str) -> list[str]:
    """The ``\\w+`` runs of ``text`` after ``normalize``: Vietnamese syllables, English words, numbers."""
    return _TOKEN.findall(normalize(text))


def strip_diacritics(text: str) -> str:
    """``text`` without tone marks and vowel hats; đ becomes d ("Đà Nẵng" → "Da Nang")."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))


def is_acronym(word: str) -> bool:
    """"UBND", "TP", "WHO": two capitals or more."""
    return sum(ch.isupper() for ch in word) >= 2


def is_shouted(text: str) -> bool:
    """Whether ``text`` is written in capitals ("BÀ MAI NÓI GÌ?"): four words or more, every one
    in capitals, so its names cannot be told from its words. "UBND TP.HCM yêu cầu gì?" is not."""
    words = [w for w in re.findall(r"[^\W\d_]+", text)]
    return len(words) >= 4 and all(w.isupper() for w in words)


def opens_with_reference(text: str, opening: re.Pattern) -> bool:
    """Whether ``text`` opens with a word of ``opening`` that refers back ("Ông cũng ...",
    "Đây là ..."); a title before a name ("Ông Lê Văn Hùng, ...") names someone instead."""
    match = opening.match(text)
    following = text[match.end():].split(maxsplit=1) if match else []
    return bool(match) and not (following and following[0][:1].isupper())


def ngrams(tokens: Sequence[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def content_terms(tokens: Sequence[str]) -> list[str | tuple[str, str]]:
    """Unigrams that are not stop words, plus every adjacent bigram.

    Bigrams keep stop words: in Vietnamese a compound such as "bao nhiêu" or "người dân" is two
    syllables, and the pair carries meaning that the single syllables do not.
    """
    unigrams: list[str | tuple[str, str]] = [t for t in tokens if t not in STOP_WORDS]
    return unigrams + ngrams(tokens, 2)


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if not overlap or not candidate or not reference:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 100.0 * 2 * precision * recall / (precision + recall)


def rouge_n(candidate: Sequence[str], reference: Sequence[str], n: int) -> float:
    """ROUGE-N F1 (0..100) of two token lists, clipped n-gram counts."""
    cand, ref = Counter(ngrams(candidate, n)), Counter(ngrams(reference, n))
    overlap = sum((cand & ref).values())
    return _f1(overlap, sum(cand.values()), sum(ref.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence (one row of the DP table at a time)."""
    if not a or not b:
        return 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b, start=1):
            current.append(previous[j - 1] + 1 if x == y else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def rouge_l(candidate: Sequence[str], reference: Sequence[str]) -> float:
    """ROUGE-L F1 (0..100): the longest common subsequence over both lengths."""
    return _f1(lcs_length(candidate, reference), len(candidate), len(reference))


def rouge(candidate: str, reference: str) -> Rouge:
    """Syllable-level ROUGE-1/2/L F1 of two texts, scored as the eval-data README says."""
    cand, ref = syllables(candidate), syllables(reference)
    return Rouge(rouge_n(cand, ref, 1), rouge_n(cand, ref, 2), rouge_l(cand, ref))


def mean(values: Iterable[float]) -> float:
    items = list(values)
    return sum(items) / len(items) if items else 0.0


def fold_splits(count: int, folds: int, shuffles: int) -> Iterator[tuple[int, list[int], list[int]]]:
    """(shuffle, training indices, held-out indices) of a ``folds``-fold split of ``count`` items,
    reshuffled ``shuffles`` times with seeds 0, 1, ...: the cross-validation of ``bot.eval``."""
    for seed in range(shuffles):
        order = list(range(count))
        random.Random(seed).shuffle(order)
        for fold in range(folds):
            held = order[fold::folds]
            kept_out = set(held)
            yield seed, [i for i in order if i not in kept_out], held
