"""The ``ask`` part of ``python -m bot.eval``: evidence retrieval, measured.

Long-article setting of the eval-data README: every context of one title joined into one
article, and a hit@k when one of the top k sentences holds a gold answer. Printed beside
tinbot: the same questions typed without diacritics and with them on the first word only (as
a user who gives up on marks writes), plain BM25 (the README baseline), how
often a question is judged answerable on its own article and on the wrong one, and with
``--folds K`` a K-fold cross-validation of the ranking weights: for each fold, the weights
that do best on the other folds (over the small ``GRID``) score the held-out questions.
"""
from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass, replace
from typing import Iterable

from bot.article import Article, Sentence
from bot.guard import unmentioned
from bot.question import parse_question
from bot.retrieve import WEIGHTS, Weights, bm25_scores, combine, feature_table, find_evidence, is_answerable
from bot.textstats import fold_splits, mean, ngrams, strip_diacritics, syllables

# Candidate weights for cross-validation: each score left out, at its default, and doubled.
GRID = {name: (0.0, value, 2 * value) for name, value in asdict(WEIGHTS).items()}
SHUFFLES = 5  # cross-validation is repeated over this many random splits and averaged


@dataclass(frozen=True)
class Case:
    """One question: every sentence's scores, and which sentences hold a gold answer."""

    table: dict[str, list[float]]
    gold: list[bool]


@dataclass(frozen=True)
class CrossValidation:
    hit1: float
    hit3: float
    lowest_hit1: float
    highest_hit1: float
    best: Weights  # the grid point that does best on all questions


def long_articles(rows: list[dict]) -> dict[str, Article]:
    """Per title, every distinct context in order of appearance, joined with newlines."""
    contexts: dict[str, list[str]] = {}
    for row in rows:
        seen = contexts.setdefault(row["title"], [])
        if row["context"] not in seen:
            seen.append(row["context"])
    return {title: Article.from_text("\n".join(parts)) for title, parts in contexts.items()}


def contains_answer(sentence: str, answers: Iterable[str]) -> bool:
    """Whether a gold answer occurs in the sentence, both normalised to syllable sequences."""
    text = " " + " ".join(syllables(sentence)) + " "
    return any(" " + " ".join(syllables(a)) + " " in text for a in answers if syllables(a))


def plain_bm25(article: Article, question: str, k: int = 3) -> list[Sentence]:
    """The README baseline: BM25 over syllables and syllable bigrams, nothing else."""
    terms = lambda text: (tokens := syllables(text)) + ngrams(tokens, 2)  # noqa: E731
    scores = bm25_scores([terms(s.text) for s in article.sentences], terms(question))
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return [article.sentences[i] for i in order[:k]]


def first_word_accented(question: str) -> str:
    """``question`` with diacritics on its first word only."""
    first, _, rest = question.partition(" ")
    return f"{first} {strip_diacritics(rest)}" if rest else first


def hits(rows: list[dict], articles: dict[str, Article], finder) -> tuple[float, float]:
    h1 = h3 = 0
    for row in rows:
        found = finder(articles[row["title"]], row["question"])
        h1 += any(contains_answer(s.text, row["answers"]) for s in found[:1])
        h3 += any(contains_answer(s.text, row["answers"]) for s in found[:3])
    return 100 * h1 / len(rows), 100 * h3 / len(rows)


def cases(rows: list[dict], articles: dict[str, Article]) -> list[Case]:
    out = []
    for row in rows:
        article = articles[row["title"]]
        gold = [contains_answer(s.text, row["answers"]) for s in article.sentences]
        out.append(_prune(Case(feature_table(article, row["question"]), gold)))
    return out


def _prune(case: Case) -> Case:
    """Only the sentences that can reach the top 3 under some grid weights (scores only grow
    with the weights, so a sentence whose highest score stays under three lowest ones cannot)."""
    lexical, n = case.table["lexical"], len(case.gold)
    if n <= 3:
        return case
    high = [lexical[i] + sum(max(GRID[f]) * case.table[f][i] for f in GRID) for i in range(n)]
    order = sorted(range(n), key=lambda i: -high[i])
    size = 3
    while size < n and sorted((lexical[i] for i in order[:size]), reverse=True)[2] <= high[order[size]]:
        size += 1
    keep = sorted(order[:size])
    return Case({f: [v[i] for i in keep] for f, v in case.table.items()}, [case.gold[i] for i in keep])


def cross_validate(all_cases: list[Case], folds: int, shuffles: int = SHUFFLES) -> CrossValidation:
    """Hit@1/hit@3 of weights chosen on the other folds, averaged over ``shuffles`` splits."""
    points = [replace(WEIGHTS, **dict(zip(GRID, values))) for values in itertools.product(*GRID.values())]
    outcome = [[_hit(case, point) for case in all_cases] for point in points]

    def best(questions: list[int]) -> int:
        return max(range(len(points)), key=lambda p: (sum(outcome[p][q][0] for q in questions),
                                                      sum(outcome[p][q][1] for q in questions),
                                                      -_distance(points[p], WEIGHTS)))

    totals = [[0, 0] for _ in range(shuffles)]  # held-out hits@1, hits@3 per shuffle
    for seed, train, held in fold_splits(len(all_cases), folds, shuffles):
        chosen = best(train)
        totals[seed][0] += sum(outcome[chosen][q][0] for q in held)
        totals[seed][1] += sum(outcome[chosen][q][1] for q in held)
    runs = [(100 * h1 / len(all_cases), 100 * h3 / len(all_cases)) for h1, h3 in totals]
    return CrossValidation(mean(r[0] for r in runs), mean(r[1] for r in runs), min(r[0] for r in runs),
                           max(r[0] for r in runs), points[best(list(range(len(all_cases))))])


def _hit(case: Case, weights: Weights) -> tuple[bool, bool]:
    scores = combine(case.table, weights)
    top = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:3]
    return case.gold[top[0]], any(case.gold[i] for i in top)


def _distance(a: Weights, b: Weights) -> float:
    return sum(abs(x - y) for x, y in zip(asdict(a).values(), asdict(b).values()))


@dataclass(frozen=True)
class Judged:
    """How questions fare on their own article and on each other one: judged answerable
    (``is_answerable``), naming something the article never mentions (``bot.guard.unmentioned``),
    and answerable without that caveat (what the chat would answer plainly). Percentages."""

    answerable: float
    wrong_answerable: float
    unmentioned: float
    wrong_unmentioned: float
    wrong_plain_answer: float


def judged(rows: list[dict], articles: dict[str, Article]) -> Judged:
    """Each question judged once on its own article and once on each other article."""
    def verdict(row: dict, article: Article) -> tuple[bool, bool]:
        question = row["question"]
        return (is_answerable(find_evidence(article, question)),
                bool(unmentioned(question, article, parse_question(question).accented)))
    own = [verdict(r, articles[r["title"]]) for r in rows]
    wrong = [verdict(r, a) for r in rows for title, a in articles.items() if title != r["title"]]
    def percent(flags) -> float:
        return 100 * mean(float(flag) for flag in flags)
    return Judged(percent(a for a, _ in own), percent(a for a, _ in wrong), percent(n for _, n in own),
                  percent(n for _, n in wrong), percent(a and not n for a, n in wrong))


def run_ask(rows: list[dict], folds: int | None = None) -> str:
    articles = long_articles(rows)
    ours = lambda a, q: [e.sentence for e in find_evidence(a, q, 3)]  # noqa: E731
    systems = {
        "tinbot": ours,
        "tinbot, question without diacritics": lambda a, q: ours(a, strip_diacritics(q)),
        "tinbot, diacritics on the first word only": lambda a, q: ours(a, first_word_accented(q)),
        "plain BM25": plain_bm25,
    }
    sizes = ", ".join(str(len(a.sentences)) for a in articles.values())
    print(f"{len(rows)} questions · {len(articles)} long articles ({sizes} sentences)")
    results = {name: hits(rows, articles, finder) for name, finder in systems.items()}
    for name, (h1, h3) in results.items():
        print(f"{name:<42} hit@1 {h1:5.1f}  hit@3 {h3:5.1f}")
    j = judged(rows, articles)
    print(f"judged answerable: {j.answerable:.1f}% (put to the wrong article: {j.wrong_answerable:.1f}%)")
    print(f"naming something the article never mentions: {j.unmentioned:.1f}% (put to the wrong article: "
          f"{j.wrong_unmentioned:.1f}%); put to the wrong article, answerable without that caveat: {j.wrong_plain_answer:.1f}%")
    (h1, h3), (u1, u3), (f1, f3), (b1, b3) = results.values()
    line = (f"RESULT hit1={h1:.1f} hit3={h3:.1f} nodiac_hit1={u1:.1f} nodiac_hit3={u3:.1f} "
            f"firstdiac_hit1={f1:.1f} firstdiac_hit3={f3:.1f} "
            f"bm25_hit1={b1:.1f} bm25_hit3={b3:.1f} answerable={j.answerable:.1f} wrong_answerable={j.wrong_answerable:.1f} "
            f"unmentioned={j.unmentioned:.1f} wrong_unmentioned={j.wrong_unmentioned:.1f} "
            f"wrong_plain_answer={j.wrong_plain_answer:.1f}")
    if folds:
        cv = cross_validate(cases(rows, articles), folds)
        size = len(list(itertools.product(*GRID.values())))
        print(f"{folds}-fold cross-validation ({SHUFFLES} shuffles; weights picked from {size} on the "
              f"other folds): hit@1 {cv.hit1:.1f} ({cv.lowest_hit1:.1f}–{cv.highest_hit1:.1f})  hit@3 {cv.hit3:.1f}")
        print(f"best weights on all questions: {asdict(cv.best)} (in use: {asdict(WEIGHTS)})")
        line += f" cv_hit1={cv.hit1:.1f} cv_hit3={cv.hit3:.1f}"
    return line
