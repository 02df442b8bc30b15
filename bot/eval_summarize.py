"""The ``summarize`` part of ``python -m bot.eval``: the extractive summarizer, measured.

Syllable-level ROUGE-1/2/L F1 against the reference summaries and the mean summary length in
syllables, as the eval-data README says, with Lead-1 and Lead-2 scored in the same run. With
``--folds K``, a K-fold cross-validation: for each fold, the weighting that does best (ROUGE-1
+ ROUGE-2) on the other folds, over the small ``GRID``, summarizes the held-out articles; the
split is reshuffled ``SHUFFLES`` times and the held-out scores averaged. It tells how much of
the headline figure comes from fitting the weights to the same articles.

With ``--fit``, the summary weights are fitted anew to the data (``fit_weights``: the ridge
regression ``bot.extractive.WEIGHTS`` came from) and scored; with ``--folds K`` too, they are
refitted on each training fold and scored on the held-out one, the stricter estimate.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Callable, Iterable

from bot.article import Article
from bot.extractive import (BUDGETS, WEIGHTS, Budget, Candidates, budget_for, candidates, choose, article_headline,
                            opening, summarize_extractive)
from bot.intent import Length
from bot.textstats import Rouge, fold_splits, mean, rouge, rouge_n, syllables

# Signal groups the grid scales together, and the scales tried for each; the NORMAL syllable
# budget is tried at its default and at one longer value.
GROUPS = {
    "title": ("title_words", "title_bigrams", "title_cosine"),
    "centrality": ("centrality",),
    "position": ("position", "paragraph_start"),
}
SCALES = (0.5, 1.0, 2.0)
GRID_BUDGETS = (BUDGETS[Length.NORMAL], 45)
SHUFFLES = 5
# The fit of ``fit_weights``: the ridge penalty (1 and 10 did no better held out on the VietNews
# dev set), and the target of each article's best sentence, which sets the weights' scale.
RIDGE = 3.0
TARGET_SCALE = 50.0


@dataclass(frozen=True)
class SummaryScore:
    name: str
    r1: float
    r2: float
    rl: float
    length: float


@dataclass(frozen=True)
class Setting:
    """One point of the grid: a scale per signal group and a NORMAL syllable budget."""

    scales: tuple[float, ...]
    budget: int

    @property
    def weights(self) -> dict[str, float]:
        scaled = dict(WEIGHTS)
        for scale, names in zip(self.scales, GROUPS.values()):
            for name in names:
                scaled[name] = WEIGHTS[name] * scale
        return scaled

    def describe(self) -> str:
        parts = [f"{group}×{scale:g}" for group, scale in zip(GROUPS, self.scales)]
        return " ".join(parts + [f"budget {self.budget}"])


GRID = tuple(Setting(scales, budget) for scales in itertools.product(SCALES, repeat=len(GROUPS))
             for budget in GRID_BUDGETS)
DEFAULT = Setting((1.0,) * len(GROUPS), BUDGETS[Length.NORMAL])


def pasted(title: str, body: str) -> Article:
    """The article as a user pastes it: title, a blank line, the body."""
    return Article.from_text(f"{title}\n\n{body}" if title else body)


def score_summaries(name: str, outputs: Iterable[str], references: Iterable[str]) -> SummaryScore:
    scores, lengths = [], []
    for output, reference in zip(outputs, references):
        scores.append(rouge(output, reference))
        lengths.append(len(syllables(output)))
    return SummaryScore(name, mean(s.r1 for s in scores), mean(s.r2 for s in scores),
                        mean(s.rl for s in scores), mean(lengths))


def evaluate_summaries(rows: list[dict]) -> list[SummaryScore]:
    articles = [pasted(r.get("title", ""), r["article"]) for r in rows]
    references = [r["summary"] for r in rows]
    systems: dict[str, Callable[[Article], list[str]]] = {
        "tinbot": lambda a: opening(article_headline(a), summarize_extractive(a)),
        "Lead-1": lambda a: [s.text for s in a.sentences[:1]],
        "Lead-2": lambda a: [s.text for s in a.sentences[:2]],
        # What the headline alone is worth, and the headline before the first sentence.
        "Headline": lambda a: opening(article_headline(a), []),
        "Headline+Lead-1": lambda a: opening(article_headline(a), a.sentences[:1]),
    }
    return [
        score_summaries(name, (" ".join(pick(a)) for a in articles), references)
        for name, pick in systems.items()
    ]


@dataclass(frozen=True)
class CrossValidation:
    r1: float
    r2: float
    rl: float
    length: float
    picked: dict[Setting, int]   # how often each setting was chosen on the training folds


def cross_validate(rows: list[dict], folds: int, shuffles: int = SHUFFLES) -> CrossValidation:
    """Held-out ROUGE of settings chosen on the other folds, averaged over ``shuffles`` splits."""
    found = _candidates(rows)
    scores: dict[Setting, list[tuple[Rouge, int]]] = {}
    for setting in GRID:
        budget = budget_for(Length.NORMAL, max_syllables=setting.budget)
        texts = [_summary(f, budget, setting.weights) for f in found]
        scores[setting] = [(rouge(t, r["summary"]), len(syllables(t))) for t, r in zip(texts, rows)]
    held: list[tuple[Rouge, int]] = []
    picked: dict[Setting, int] = {}
    for _, train, test in fold_splits(len(rows), folds, shuffles):
        best = max(GRID, key=lambda s: (_gain(scores[s], train), s == DEFAULT))
        picked[best] = picked.get(best, 0) + 1
        held.extend(scores[best][i] for i in sorted(test))
    return CrossValidation(mean(s.r1 for s, _ in held), mean(s.r2 for s, _ in held),
                           mean(s.rl for s, _ in held), mean(n for _, n in held), picked)


@dataclass(frozen=True)
class Fit:
    weights: dict[str, float]
    in_sample: SummaryScore        # the fitted weights on the articles they were fitted to
    held_out: SummaryScore | None  # refitted on the other folds, scored on each held-out one


def sentence_targets(found: Candidates, reference: str) -> list[float]:
    """Each sentence's ROUGE-1+2 against the reference, as a share of the article's best one.

    A share, not the raw score: the summarizer only compares sentences of one article, and with
    raw scores the articles where every sentence overlaps the lead would dominate the fit.
    """
    wanted = syllables(reference)
    raw = [rouge_n(tokens, wanted, 1) + rouge_n(tokens, wanted, 2)
           for tokens in (syllables(s.text) for s in found.sentences)]
    best = max(raw, default=0.0)
    return [TARGET_SCALE * r / best if best else 0.0 for r in raw]


def fit_weights(found: list[Candidates], references: list[str], penalty: float = RIDGE) -> dict[str, float]:
    """Summary weights by ridge regression of ``sentence_targets`` on the signals (intercept dropped)."""
    names = list(WEIGHTS)
    features, targets = [], []
    for article, reference in zip(found, references):
        features += [[signals[n] for n in names] for signals in article.signals]
        targets += sentence_targets(article, reference)
    return dict(zip(names, ridge(features, targets, penalty)))


def ridge(features: list[list[float]], targets: list[float], penalty: float) -> list[float]:
    """The coefficients minimising squared error plus ``penalty`` × their squared norm, with an
    unpenalised intercept (not returned): the normal equations, solved by Gauss-Jordan."""
    k = len(features[0]) + 1
    rows = [f + [1.0] for f in features]
    system = [[sum(r[i] * r[j] for r in rows) + (penalty if i == j < k - 1 else 0.0) for j in range(k)]
              + [sum(r[i] * y for r, y in zip(rows, targets))] for i in range(k)]
    for col in range(k):
        pivot = max(range(col, k), key=lambda r: abs(system[r][col]))
        system[col], system[pivot] = system[pivot], system[col]
        for r in range(k):
            if r != col and system[col][col]:
                factor = system[r][col] / system[col][col]
                system[r] = [a - factor * b for a, b in zip(system[r], system[col])]
    return [system[i][k] / system[i][i] if system[i][i] else 0.0 for i in range(k - 1)]


def fit(rows: list[dict], folds: int | None = None, shuffles: int = SHUFFLES) -> Fit:
    """Weights fitted to ``rows`` and their scores; with ``folds``, refitted per training fold."""
    found = _candidates(rows)
    references = [r["summary"] for r in rows]
    budget = budget_for(Length.NORMAL)

    def summaries(weights: dict[str, float], items: list[int]) -> list[str]:
        return [_summary(found[i], budget, weights) for i in items]

    everything = list(range(len(rows)))
    weights = fit_weights(found, references)
    in_sample = score_summaries("fitted", summaries(weights, everything), references)
    held_out = None
    if folds:
        outputs, wanted = [], []
        for _, train, test in fold_splits(len(rows), folds, shuffles):
            refitted = fit_weights([found[i] for i in train], [references[i] for i in train])
            outputs += summaries(refitted, test)
            wanted += [references[i] for i in test]
        held_out = score_summaries("refitted", outputs, wanted)
    return Fit(weights, in_sample, held_out)


def _candidates(rows: list[dict]) -> list[Candidates]:
    """Each row's summary candidates, from its article as a user pastes it."""
    return [candidates(pasted(r.get("title", ""), r["article"])) for r in rows]


def _summary(found: Candidates, budget: Budget, weights: dict[str, float]) -> str:
    return " ".join(opening(found.headline, choose(found, budget, weights)))


def _gain(scores: list[tuple[Rouge, int]], items: list[int]) -> float:
    return sum(scores[i][0].r1 + scores[i][0].r2 for i in items)


def run_summarize(rows: list[dict], folds: int | None = None, refit: bool = False) -> str:
    results = evaluate_summaries(rows)
    print(f"{len(rows)} articles · syllable ROUGE F1 · length in syllables")
    print(f"{'system':<16} {'R1':>6} {'R2':>6} {'RL':>6} {'len':>6}")
    for s in results:
        print(f"{s.name:<16} {s.r1:6.1f} {s.r2:6.1f} {s.rl:6.1f} {s.length:6.1f}")
    ours, lead1, lead2, headline, headline_lead = results
    line = (f"RESULT r1={ours.r1:.1f} r2={ours.r2:.1f} rl={ours.rl:.1f} len={ours.length:.1f} "
            f"lead1_r1={lead1.r1:.1f} lead1_r2={lead1.r2:.1f} lead2_r1={lead2.r1:.1f} "
            f"lead2_r2={lead2.r2:.1f} lead2_len={lead2.length:.1f} headline_r1={headline.r1:.1f} "
            f"headline_r2={headline.r2:.1f} headline_lead1_r1={headline_lead.r1:.1f} "
            f"headline_lead1_r2={headline_lead.r2:.1f} headline_lead1_len={headline_lead.length:.1f}")
    if folds:
        cv = cross_validate(rows, folds)
        print(f"{folds}-fold cross-validation ({SHUFFLES} shuffles; settings picked from {len(GRID)} on the "
              f"other folds): R1 {cv.r1:.1f} R2 {cv.r2:.1f} RL {cv.rl:.1f} len {cv.length:.1f}")
        for setting, n in sorted(cv.picked.items(), key=lambda item: -item[1])[:3]:
            print(f"  picked {n}×: {setting.describe()}")
        line += f" cv_r1={cv.r1:.1f} cv_r2={cv.r2:.1f} cv_rl={cv.rl:.1f} cv_len={cv.length:.1f}"
    if refit:
        result = fit(rows, folds)
        weights = " ".join(f"{name} {value:.1f}" for name, value in result.weights.items())
        print(f"weights fitted to these {len(rows)} articles (ridge {RIDGE:g}): {weights}")
        print(f"  scored on the same articles: R1 {result.in_sample.r1:.1f} R2 {result.in_sample.r2:.1f} "
              f"at {result.in_sample.length:.1f} syllables")
        line += f" fit_r1={result.in_sample.r1:.1f} fit_r2={result.in_sample.r2:.1f}"
        if result.held_out:
            print(f"  refitted on the other folds ({folds}-fold, {SHUFFLES} shuffles): "
                  f"R1 {result.held_out.r1:.1f} R2 {result.held_out.r2:.1f} at {result.held_out.length:.1f} syllables")
            line += f" refit_cv_r1={result.held_out.r1:.1f} refit_cv_r2={result.held_out.r2:.1f}"
    return line
