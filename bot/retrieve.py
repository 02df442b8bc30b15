"""Find the sentences of an article that answer a question (offline, no weights).

Each sentence gets a few explainable scores, each about a share of a perfect match, and is
ranked by their weighted sum (``Weights``; chosen on a small grid, with cross-validation, by
``python -m bot.eval ask PATH --folds 5``):

* ``lexical``: BM25 (Robertson & Zaragoza 2009, ``bot.scoring``) over syllables and syllable
  pairs, plus the same over diacritics-stripped syllables, so "ai la truong doan" still finds
  "trưởng đoàn" (and "be bi sao" "bé", "chu vi" "chủ ví" where the article writes "ví" more than
  "vì": ``_stripped_docs``, ``wording.content_readings``). Question words are not searched, nor nouns that only name the asked kind
  ("vấn đề", "yếu tố", "đặc điểm"; ``bot.question``); syllables are compared
  in one spelling, so "hóa" finds "hoá" (``bot.orthography``);
* ``answer_type``: the sentence holds a number for "bao nhiêu", a date for "khi nào", a
  reason for "tại sao", a consequence for "hậu quả ... là gì" (``bot.answer_type``);
  ``name_type``: a name the question lacks for "ai", "ở đâu", "<noun> nào". Both are given as
  the sentence's lexical score, so the weight is a multiplier: a sentence of the asked kind
  needs fewer matching words;
* ``neighbour``: the better neighbour's lexical score, because the question's subject is
  often named in the sentence before or after the answer;
* ``anaphor``: for a sentence that opens with "Nó", "Ông", "Cơ quan này", ..., the share of
  the question the previous sentence matches and this one does not: the subject it refers to.
  For "X là gì?" the other way round too: "Nó được gọi là X" says that what the sentence before
  names is X, so that sentence takes what the reference matches;
* ``paragraph``: the lexical score of the sentence's paragraph, as a whole;
* ``listing``: for a question that asks for several things ("những loại nào", "gồm những
  gì"), the lexical score of a sentence that enumerates ("A, B, C và D";
  ``bot.answer_type.enumerates``): the answer to such a question is a list.

A place or thing the question calls otherwise than the article is searched under the article's
name ("Sài Gòn" as "TP.HCM", "ADN" as "DNA"; ``bot.lexicon.other_names``), an acronym under its
words and back, a full name under the last word the article calls the person by ("Stephen
Hawking" as "Hawking"); a question the article itself asks (an interviewer's) is never the
answer, the sentence after it is. The article's index (tokens, terms) is built once and reused
for every question about it. The ranking goes through ``bot.extractive.rank``, the selection
code the summarizer uses.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Sequence

from bot.answer_type import NAME_KINDS, enumerates, has_unit
from bot.article import Article, Sentence
from bot.extractive import asks, rank
from bot.guard import find_names
from bot import wording
from bot.lexicon import vietnamese_shaped, vietnamese_surname
from bot.orthography import words
from bot.paraphrase import alternatives, asked_phrases, counted, says
from bot.question import Query, english_terms, has_type, parse_question, terms
from bot.scoring import bm25_parts, bm25_scores, idf_parts
from bot.textstats import ENGLISH_STOP_WORDS, opens_with_reference, strip_diacritics

__all__ = ["Evidence", "Query", "Weights", "bm25_scores", "combine", "feature_table", "find_evidence",
           "is_answerable", "parse_question"]

# The diacritics-stripped match counts as much as the exact one. On qa-dev, questions typed
# without diacritics: hit@1 73.1 at 1.0, 71.0 at 0.8, 66.7 at 0.5 (with ``wording.short_names`` and the
# consequence, role and "là gì" rules: 76.3 at 1.0, 75.3 at 0.8); the accented questions' hit@1/
# hit@3 and the cross-validated figures are the same at 0.8 and 1.0.
STRIPPED_WEIGHT = 1.0
# Under this score no sentence matches enough of the question to answer it. Measured by
# `python -m bot.eval ask` on qa-dev: 97.8% of the questions clear it on their own article (96.8%
# before a modal "phải" counted only where matched, ``bot.question._optional``),
# 12.1% when put to one of the other articles (11.6% at an earlier measure; when chosen: 95.7%
# and 11.3%; 9.4% with ``answer_type`` at 0.5; 0.34 would give 91.4% and 9.1%). Of those, the
# ones naming nothing the other article lacks (answered without a caveat,
# ``bot.guard.unmentioned``): 5.1% (4.8% earlier; the same before and after ``wording.short_names`` and
# the consequence, role and "là gì" rules).
MIN_SCORE = 0.32
# A question asked again in other words (``bot.paraphrase``) must score twice as well to count,
# unless the sentence found holds every content word of it and the other words are a phrase of
# several syllables (``_rephrased``).
REWRITE_MIN_SCORE = 2 * MIN_SCORE

# "X là gì?": a question asking what something is. Answered by the sentence before one that
# refers back and names X ("Nó được gọi là X", ``_NAMING``); see ``feature_table``.
_DEFINES = re.compile(r"^\W*\w.*\s(?:là|la)\s+(?:gì|gi|cái\s+gì|cai\s+gi)\W*$", re.I)
_NAMING = re.compile(r"\b(?:gọi là|goi la|mệnh danh|menh danh|tên là|ten la|biết đến (?:là|như|với)"
                     r"|biet den (?:la|nhu|voi)|called|known as|dubbed|nicknamed)\b", re.I)
# Openings that refer back to the previous sentence's subject.
_ANAPHOR = re.compile(r"^(?:nó|ông|bà|họ|anh|chị|cô|đây|điều này|việc này|[\w\s]{0,20}?\bnày\b|it|he|she|they|this|these)\b", re.I)


@dataclass(frozen=True)
class Weights:
    """How much each score adds to ``lexical`` (weight 1) when sentences are ranked.

    The best point of ``bot.eval_ask.GRID`` on qa-dev (93 questions): hit@1 80.6, hit@3 91.4;
    chosen on the other folds in 5-fold cross-validation, 81.9 and 90.3 (without diacritics 76.3,
    90.3; qa-own 68.3 / 88.3, cross-validated 75.0 / 89.7). Before a full name was searched as the
    article calls the person (``wording.short_names``), "X là gì?" answered by the antecedent of "Nó được
    gọi là X", and consequence and role questions typed (``bot.question``): 78.5, 90.3;
    cross-validated 77.4, 89.5 (without diacritics 73.1, 89.2). ``answer_type`` went
    from 0.5 to 1.0 once number questions were matched by their unit (``has_unit``): the same on
    qa-dev in sample, better held out there (77.2 → 77.8 hit@1) and on
    tests/fixtures/eval/qa-own.jsonl (66.7 / 86.7 → 68.3 / 88.3; cross-validated 72.7 / 89.0 →
    75.0 / 89.7). Before ``bot.question`` left category nouns out of the query: 77.4, 88.2; cross-validated
    76.1, 88.0 (2-fold: 76.1, 87.5). Without ``listing`` (before that too): 76.3, 88.2;
    cross-validated 74.6, 88.0 (2-fold: 75.1, 87.5).
    """

    answer_type: float = 1.0
    name_type: float = 0.2
    neighbour: float = 0.2
    anaphor: float = 0.8
    paragraph: float = 0.6
    listing: float = 0.3


WEIGHTS = Weights()
FEATURES = ("lexical",) + tuple(asdict(WEIGHTS))


@dataclass(frozen=True)
class Evidence:
    """A sentence that may answer the question, with its retrieval score (higher is better)."""

    sentence: Sentence
    score: float


@dataclass(frozen=True)
class Index:
    """What every question about one article needs: its sentences' tokens and terms, plain and unaccented."""

    sentences: tuple[Sentence, ...]
    tokens: tuple[list, ...]
    terms: tuple[list, ...]
    stripped: tuple[list, ...]
    accented: bool  # whether the article is written with diacritics at all (``Article.written_with_marks``)


@lru_cache(maxsize=16)
def index(article: Article) -> Index:
    """The article's retrieval index; built once, then reused for each question about it."""
    sentences = article.sentences
    tokens = tuple(words(s.text) for s in sentences)
    bare = [[strip_diacritics(t) for t in toks] for toks in tokens]
    accented = article.written_with_marks
    if article.language == "en":  # English has no marks to strip: the unaccented terms are the same
        plain = tuple(english_terms(t) for t in tokens)
        return Index(sentences, tokens, plain, plain, accented)
    return Index(sentences, tokens, tuple(terms(t) for t in tokens), tuple(terms(b) for b in bare), accented)


def find_evidence(article: Article, question: str, k: int = 3, weights: Weights = WEIGHTS) -> list[Evidence]:
    """The ``k`` sentences of ``article`` most likely to answer ``question``, best first.

    A question is also asked in other words (``bot.paraphrase``: "chi phí" as "tổng mức đầu tư",
    "bao nhiêu người chết" as "... tử vong") when its best sentence says none of the words its
    predicate may be written with: nothing answers, or what does shares only other words with the
    question ("người" and a number, for "bao nhiêu người chết?"). Of the findings in other words
    whose best sentence says the word put in, the one that holds the asked kind of answer, then
    the best scored, is kept (``_rephrased``).
    """
    found = _ranked(article, question, k, weights)
    introduced = _introduction(article, question)
    if introduced is not None:  # "bà Lan là ai?": where the article first names her
        top = max([MIN_SCORE] + [e.score for e in found])
        return [Evidence(introduced, top)] + [e for e in found if e.sentence.index != introduced.index][: k - 1]
    said = _says_what_is_asked(found, question)
    if said and _counts(found[0].sentence, question) is not False:
        return found
    return _rephrased(article, question, found, k, weights, said)


def _says_what_is_asked(found: list[Evidence], question: str) -> bool:
    """Whether the best of ``found`` answers and says each phrase of ``bot.paraphrase``'s groups
    that ``question`` asks about, in its own or other words of the group."""
    return is_answerable(found) and all(says(found[0].sentence.text, words) for _, words in asked_phrases(question))


def _rephrased(article: Article, question: str, found: list[Evidence], k: int, weights: Weights,
               said: bool) -> list[Evidence]:
    """``found``, or the best finding for ``question`` in other words (``find_evidence``).

    Other words are a guess: the sentence found must say the word put in, and score twice the
    answer threshold (or, for a phrase of several syllables, hold every content word of the
    question so rephrased: "người tử vong là ai?" for "người chết là ai?"), or "Cầu xây bằng
    thép gì?" would find the sentence the bridge was "thi công" in and take it for an answer. Such
    a finding beats ``found``, whose best sentence says the asked phrase in no words of its group
    (or counts nothing next to it); of two, the one that counts what is asked ("10 người ... tử
    vong" for "bao nhiêu người chết?") beats one that does not, then the better scored wins.
    """
    best, best_key = found, None
    if said:  # ``_says_what_is_asked``
        # says it, but counts nothing of it ("hơn 1.000 binh sĩ đang phục vụ" for "bao nhiêu binh sĩ
        # bị giết?"): only a finding that counts it will do
        best_key = (False, True, float("inf"))
    for other, put in alternatives(question):
        again = _ranked(article, other, k, weights)
        if not again or not says(again[0].sentence.text, (put,)):
            continue
        top = again[0]
        # A phrase of several syllables is no chance match ("tử vong"); one syllable may be part of
        # another word ("bắt" in "bắt đầu").
        clear = len(put.split()) > 1 and _holds_every_word(top.sentence, other)
        if top.score < (MIN_SCORE if clear else REWRITE_MIN_SCORE):
            continue
        key = (bool(_counts(top.sentence, question)), _of_kind(top.sentence, other), top.score)
        if best_key is None or key > best_key:
            best, best_key = again, key
    return best


def _counts(sentence: Sentence, question: str) -> bool | None:
    """For a number question about a phrase of ``bot.paraphrase``'s groups ("bao nhiêu người chết?"),
    whether ``sentence`` puts a number next to such a phrase ("10 người còn lại đã tử vong",
    ``counted``); None for any other question."""
    if parse_question(question).answer_type != "number":
        return None
    numbers = counted(sentence.text, question)
    return None if numbers is None else bool(numbers)


_CHECKED_KINDS = ("number", "time", "percent", "score") + NAME_KINDS


def _of_kind(sentence: Sentence, question: str) -> bool:
    """Whether ``sentence`` holds the kind of answer ``question`` asks for (a number in its unit for
    "bao nhiêu người", a name for "ai"); true when the question asks for a value or a name of no
    kind in particular ("gì", "tại sao": an answer need not say "vì")."""
    query = parse_question(question)
    if query.answer_type not in _CHECKED_KINDS:
        return True
    return has_type(sentence.text, query) and (not query.units or has_unit(sentence.text, query))


def _holds_every_word(sentence: Sentence, question: str) -> bool:
    """Whether ``sentence`` holds every content syllable of ``question`` (compared unaccented)."""
    wanted = {strip_diacritics(t) for t in parse_question(question).terms if isinstance(t, str)}
    return bool(wanted) and wanted <= {strip_diacritics(w) for w in words(sentence.text)}


# "Bà Lan là ai?", "Phạm Văn Long là ai?", "Who is Nguyen Van An?": the sentence that first names
# the person (news introduces someone with their title: "Bà Nguyễn Thị Lan, Phó tổng giám đốc
# EVN, cho biết ..."); later sentences quote them. An honorific may lead the name. So for what
# office someone holds: "ông Mẫn giữ chức vụ gì?", "chức vụ của ông Mẫn là gì?".
_HONORIFIC = r"(?:(?:ông|bà|anh|chị|cô|đồng chí|TS|PGS|GS|ThS|Mr|Mrs|Ms|Dr)\.?\s+)?"
_NAME = r"(?P<name>(?:[^\W\d_]+\s+){0,4}?[^\W\d_]+)"
_OFFICE = r"(?:chức\s+vụ|chức\s+danh|cương\s+vị|chức)"
# Where someone lives, as news gives it with their name: "Nguyễn Văn A (SN 1971, ngụ quận 10)",
# "bà B (46 tuổi, ở xã An Cư)", "anh C, trú tại ...". Asked "A ở quận nào?", "B sống ở đâu?".
_RESIDENCE = r"(?:ngụ|trú|thường\s+trú|tạm\s+trú|cư\s+trú|sống|sinh\s+sống|quê|ở)"
_LIVES = rf"(?:(?:đang\s+)?{_RESIDENCE}(?:\s+(?:ở|tại))?|tại)"
_WHERE = r"(?:đâu|(?:quận|huyện|tỉnh|xã|phường|thị\s+xã|thị\s+trấn|thành\s+phố|ấp|thôn|làng|nơi)\s+nào)"
_RESIDENCE_AFTER = re.compile(rf"\s*(?:\((?:[^()]*?[,;]\s*)?|,\s*(?:[^,()]{{0,25}},\s*)?|\s)(?:{_RESIDENCE})\b", re.I)
# What someone does for a living, which news gives with the name: "anh Hậu, một công nhân ca đêm".
_JOB = r"(?:(?:làm|lam)\s+(?:nghề|nghe|công\s+việc|cong\s+viec|việc|viec)\s+(?:gì|gi|nào|nao)|(?:có\s+)?(?:nghề|nghe)(?:\s+nghiệp|\s+nghiep)?(?:\s+là|\s+la)?\s+(?:gì|gi))"
_WHO_IS = re.compile(rf"^\W*{_HONORIFIC}{_NAME}\s+(?:là\s+ai|la\s+ai)\W*$"
                     r"|^\W*who\s+(?:is|was)\s+(?P<english>[^?]+?)\W*$"
                     rf"|^\W*{_HONORIFIC}(?P<holder>(?:[^\W\d_]+\s+){{0,4}}?[^\W\d_]+)\s+(?:(?:đang\s+)?(?:giữ|đảm\s+nhiệm|có|làm)\s+)?"
                     rf"{_OFFICE}\s+(?:gì|nào)\W*$"
                     rf"|^\W*{_OFFICE}\s+(?:của\s+)?{_HONORIFIC}(?P<office_of>(?:[^\W\d_]+\s+){{0,4}}?[^\W\d_]+)\s+là\s+gì\W*$"
                     rf"|^\W*{_HONORIFIC}(?P<resident>(?:[^\W\d_]+\s+){{0,4}}?[^\W\d_]+)\s+{_LIVES}\s*{_WHERE}\W*$"
                     rf"|^\W*{_HONORIFIC}(?P<worker>(?:[^\W\d_]+\s+){{0,4}}?[^\W\d_]+)\s+{_JOB}\W*$", re.I)


def _introduction(article: Article, question: str) -> Sentence | None:
    """For a question asking who someone is, the first sentence naming them: the whole name, or
    a fuller name that ends with it ("Long" in "Phạm Văn Long"), also for what they do ("anh Hậu
    làm nghề gì?": news gives the job with the name); for where they live, the first
    that gives it after their name ("Hoà (SN 1971, ngụ quận 10)"). For "thủ tướng là ai?", asking
    who holds an office, the first sentence that names someone right after it ("Thủ tướng Nguyễn
    Xuân Phúc cho biết ...")."""
    match = _WHO_IS.match(unicodedata.normalize("NFC", question.strip()))
    if not match:
        return None
    name = next((g for g in match.group("name", "english", "holder", "office_of", "resident", "worker") if g), "").strip()
    asked = name.split()
    if not asked:
        return None
    if not all(w[:1].isupper() for w in asked):
        # "thủ tướng là ai?": an office, named before its holder; "người phát ngôn là ai?" a role
        # the article may not put before a name, which retrieval ranks
        return _holder(article, asked) if match.group("name") else None
    wanted = [strip_diacritics(w).lower() for w in asked]
    for sentence in article.sentences:
        if asks(sentence.text):
            continue
        for run in find_names(sentence.text):
            words = [strip_diacritics(w).lower() for w in run.split()]
            if words[-len(wanted):] == wanted and (not match.group("resident") or _RESIDENCE_AFTER.match(
                    sentence.text[sentence.text.find(run) + len(run):])):
                return sentence  # for where they live, where the name is followed by it
    return None


def _holder(article: Article, office: list[str]) -> Sentence | None:
    """The first sentence naming a person right after ``office`` ("Thủ tướng Nguyễn Xuân Phúc",
    "Tổng thống Donald Trump"): two or more capitalised words, a Vietnamese family name among
    them or none of them Vietnamese-shaped (not "Thủ tướng Chính phủ ...")."""
    before = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, office)) + r"\s+((?:[^\W\d_]+\s*){2,})", re.I)
    for sentence in article.sentences:
        if asks(sentence.text):
            continue
        for m in before.finditer(sentence.text):
            run = []
            for word in m.group(1).split():
                if not word[:1].isupper():
                    break
                run.append(strip_diacritics(word).lower())
            if len(run) >= 2 and (any(vietnamese_surname(w) for w in run[:-1])
                                  or not any(vietnamese_shaped(w) for w in run)):
                return sentence
    return None


def _ranked(article: Article, question: str, k: int, weights: Weights) -> list[Evidence]:
    if not article.sentences or k <= 0:
        return []
    scores = combine(feature_table(article, question), weights)
    by_index = {s.index: score for s, score in zip(article.sentences, scores)}
    best = rank(article.sentences, lambda s: by_index[s.index])[:k]
    return [Evidence(s, round(by_index[s.index], 4)) for s in best]


def is_answerable(evidence: list[Evidence]) -> bool:
    """Whether the best evidence shares enough with the question to ground an answer."""
    return bool(evidence) and evidence[0].score >= MIN_SCORE


def combine(table: dict[str, list[float]], weights: Weights = WEIGHTS) -> list[float]:
    """Each sentence's rank score: ``lexical`` plus the weighted other scores."""
    scores = list(table["lexical"])
    for name, weight in asdict(weights).items():
        if weight:
            scores = [s + weight * f for s, f in zip(scores, table[name])]
    return scores


def feature_table(article: Article, question: str) -> dict[str, list[float]]:
    """Every score of every sentence of ``article`` for ``question``, by name (see ``FEATURES``)."""
    idx = index(article)
    question = wording.short_names(wording.renamed(wording.contracted(question, article), article), article)
    question, respellings = wording.respelt(question, article)
    if not idx.accented and article.language != "en":
        question = strip_diacritics(question)  # an article typed without marks: the question's cannot match
    query = _with_terms(parse_question(question, article.language), wording.acronym_terms(question, article))
    if not query.accented and idx.accented and article.language != "en":
        query = _with_terms(query, wording.content_readings(query, article))
    for variant in respellings:
        query = _with_terms(query, parse_question(variant, article.language).terms)
    parts = _lexical_parts(idx, query)
    lexical = [sum(p.values()) for p in parts]
    sentences = idx.sentences
    typed = [lex if lex > 0 and has_type(s.text, query) else 0.0 for lex, s in zip(lexical, sentences)]
    if query.units:  # "bao nhiêu hộ dân": a number of households, when the article counts any
        counted = [t if t and has_unit(s.text, query) else 0.0 for t, s in zip(typed, sentences)]
        typed = counted if any(counted) else typed
    names = query.answer_type in NAME_KINDS
    table = {
        "lexical": lexical,
        "answer_type": [0.0] * len(typed) if names else typed,
        "name_type": typed if names else [0.0] * len(typed),
        "neighbour": [max((lexical[j] for j in (i - 1, i + 1) if 0 <= j < len(lexical)), default=0.0)
                      for i in range(len(lexical))],
        "anaphor": [_missing(parts[i], parts[i - 1]) if _refers_back(sentences, i) or i and asks(sentences[i - 1].text)
                    else 0.0 for i in range(len(sentences))],
        "paragraph": _paragraph_scores(idx, query),
        "listing": [lex if query.listing and lex > 0 and enumerates(s.text) else 0.0
                    for lex, s in zip(lexical, sentences)],
    }
    if query.answer_type == "thing" and not query.listing and _DEFINES.match(question):
        # "Chợ Gió là gì?" asked, "Nó được gọi là chợ Gió" written: what "Nó" refers to, named in
        # the sentence before, is the answer; the naming sentence holds only the question's own
        # words, so, as an interviewer's question below, it is no answer and the sentence before
        # takes what it matches (the mirror of ``anaphor``). On qa-dev hit@1 79.6 → 80.6 (one
        # question, no other moved), cross-validated 81.3 → 81.9; qa-own unchanged.
        for i in range(len(sentences) - 1):
            if _refers_back(sentences, i + 1) and _NAMING.search(sentences[i + 1].text):
                table["anaphor"][i] = max(table["anaphor"][i], _missing(parts[i], parts[i + 1]))
                for scores in table.values():
                    scores[i + 1] = 0.0
    # A question the article asks (an interviewer's) or a section heading is no answer; the
    # sentence after it is, and takes what the question or heading matches as its subject (``anaphor``).
    for i, sentence in enumerate(sentences):
        if asks(sentence.text):
            for scores in table.values():
                scores[i] = 0.0
    return table


def _with_terms(query: Query, added) -> Query:
    """``query`` also searching ``added`` (syllables and pairs), plain and unaccented."""
    added = [t for t in added if t not in query.terms]
    if not added:
        return query
    bare = [strip_diacritics(t) if isinstance(t, str) else tuple(map(strip_diacritics, t)) for t in added]
    return dataclasses.replace(query, terms=query.terms + tuple(added), stripped_terms=query.stripped_terms + tuple(bare))



def _lexical_parts(idx: Index, query: Query) -> list[dict]:
    """Each sentence's lexical score term by term, as shares of a sentence holding every term once.

    A question typed without diacritics can only match through the stripped index, so only
    that part counts towards the perfect match.
    """
    exact_docs, bare_docs = list(idx.terms), _stripped_docs(idx, query)
    needed = [t for t in query.terms if t not in query.optional]
    bare_needed = [t for t in query.stripped_terms if t not in query.optional]
    exact_ideal = sum(idf_parts(exact_docs, needed).values()) if query.accented or not idx.accented else 0.0
    ideal = exact_ideal + STRIPPED_WEIGHT * sum(idf_parts(bare_docs, bare_needed).values()) or 1.0
    exact, bare = bm25_parts(exact_docs, query.terms), bm25_parts(bare_docs, query.stripped_terms)
    return [{**{("=", t): v / ideal for t, v in a.items()},
             **{("~", t): STRIPPED_WEIGHT * v / ideal for t, v in b.items()}} for a, b in zip(exact, bare)]


def _stripped_docs(idx: Index, query: Query) -> list[list]:
    """The sentences' unaccented terms, with the syllables an unaccented Vietnamese question searches
    that the index leaves out as English stop words: "be bi sao" asks about "bé", "so nguoi" about
    "số". Only those syllables and only for such a question, so other rankings keep their lengths."""
    wanted = set() if query.accented else {t for t in query.stripped_terms if t in ENGLISH_STOP_WORDS}
    if not wanted:
        return list(idx.stripped)
    return [terms_ + [b for b in map(strip_diacritics, toks) if b in wanted]
            for terms_, toks in zip(idx.stripped, idx.tokens)]


def _refers_back(sentences: Sequence[Sentence], i: int) -> bool:
    """Whether sentence ``i`` opens by referring to the previous sentence of its paragraph.
    "Ông Lê Văn Hùng, ..." names the man: a title before a name is no reference."""
    return i > 0 and sentences[i - 1].paragraph == sentences[i].paragraph and opens_with_reference(sentences[i].text, _ANAPHOR)


def _missing(own: dict, other: dict) -> float:
    """The share of the question ``other`` matches beyond what ``own`` matches."""
    return sum(max(0.0, v - own.get(t, 0.0)) for t, v in other.items())


def _paragraph_scores(idx: Index, query: Query) -> list[float]:
    """Each sentence's paragraph, scored as one document among the article's paragraphs."""
    groups: dict[int, list] = {}
    for s, sentence_terms in zip(idx.sentences, idx.terms if query.accented else _stripped_docs(idx, query)):
        groups.setdefault(s.paragraph, []).extend(sentence_terms)
    documents = list(groups.values())
    wanted = query.terms if query.accented else query.stripped_terms
    ideal = sum(idf_parts(documents, [t for t in wanted if t not in query.optional]).values()) or 1.0
    by_paragraph = {p: score / ideal for p, score in zip(groups, bm25_scores(documents, wanted))}
    return [by_paragraph[s.paragraph] for s in idx.sentences]
