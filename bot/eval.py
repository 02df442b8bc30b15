"""Measure the offline engines on a JSON-lines file; anyone can point it at their own data.

    python -m bot.eval summarize PATH.jsonl   # fields: title, article, summary
    python -m bot.eval ask PATH.jsonl         # fields: title, context, question, answers
    python -m bot.eval guard PATH.jsonl       # fields: title, article (corrupts real sentences)

Scoring follows the project's eval-data README: syllable-level ROUGE-1/2/L F1 (NFC, lowercase,
``\\w+`` tokens), mean summary length in syllables, evidence hit@1/hit@3 in the long-article
setting. Each command prints its baselines computed in the same run and ends with one
machine-readable ``RESULT key=value ...`` line.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from bot.article import Article, Sentence
from bot.extractive import summarize_extractive
from bot.guard import find_names, check_output
from bot.retrieve import bm25_scores, find_evidence, is_answerable
from bot.textstats import mean, ngrams, rouge, strip_diacritics, syllables


@dataclass(frozen=True)
class SummaryScore:
    name: str
    r1: float
    r2: float
    rl: float
    length: float


def load(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def pasted(title: str, body: str) -> Article:
    """The article as a user pastes it: title, a blank line, the body."""
    return Article.from_text(f"{title}\n\n{body}" if title else body)


# --- summarize ---------------------------------------------------------------------------

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
    systems: dict[str, Callable[[Article], list[Sentence]]] = {
        "tinbot": summarize_extractive,
        "Lead-1": lambda a: list(a.sentences[:1]),
        "Lead-2": lambda a: list(a.sentences[:2]),
    }
    return [
        score_summaries(name, (" ".join(s.text for s in pick(a)) for a in articles), references)
        for name, pick in systems.items()
    ]


def run_summarize(rows: list[dict]) -> str:
    results = evaluate_summaries(rows)
    print(f"{len(rows)} articles · syllable ROUGE F1 · length in syllables")
    print(f"{'system':<8} {'R1':>6} {'R2':>6} {'RL':>6} {'len':>6}")
    for s in results:
        print(f"{s.name:<8} {s.r1:6.1f} {s.r2:6.1f} {s.rl:6.1f} {s.length:6.1f}")
    ours, lead1, lead2 = results
    return (f"RESULT r1={ours.r1:.1f} r2={ours.r2:.1f} rl={ours.rl:.1f} len={ours.length:.1f} "
            f"lead1_r1={lead1.r1:.1f} lead1_r2={lead1.r2:.1f} lead2_r1={lead2.r1:.1f} "
            f"lead2_r2={lead2.r2:.1f} lead2_len={lead2.length:.1f}")


# --- ask ---------------------------------------------------------------------------------

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


def hits(rows: list[dict], articles: dict[str, Article], finder) -> tuple[float, float]:
    h1 = h3 = 0
    for row in rows:
        found = finder(articles[row["title"]], row["question"])
        h1 += any(contains_answer(s.text, row["answers"]) for s in found[:1])
        h3 += any(contains_answer(s.text, row["answers"]) for s in found[:3])
    return 100 * h1 / len(rows), 100 * h3 / len(rows)


def run_ask(rows: list[dict]) -> str:
    articles = long_articles(rows)
    ours = lambda a, q: [e.sentence for e in find_evidence(a, q, 3)]  # noqa: E731
    systems = {
        "tinbot": ours,
        "tinbot, question without diacritics": lambda a, q: ours(a, strip_diacritics(q)),
        "plain BM25": plain_bm25,
    }
    sizes = ", ".join(str(len(a.sentences)) for a in articles.values())
    print(f"{len(rows)} questions · {len(articles)} long articles ({sizes} sentences)")
    results = {name: hits(rows, articles, finder) for name, finder in systems.items()}
    for name, (h1, h3) in results.items():
        print(f"{name:<38} hit@1 {h1:5.1f}  hit@3 {h3:5.1f}")
    answerable = mean(float(is_answerable(find_evidence(articles[r["title"]], r["question"]))) for r in rows)
    print(f"judged answerable: {100 * answerable:.1f}%")
    (h1, h3), (u1, u3), (b1, b3) = results.values()
    return (f"RESULT hit1={h1:.1f} hit3={h3:.1f} nodiac_hit1={u1:.1f} nodiac_hit3={u3:.1f} "
            f"bm25_hit1={b1:.1f} bm25_hit3={b3:.1f} answerable={100 * answerable:.1f}")


# --- guard -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    """One guard test: an output, its article, and the inserted span if it was corrupted."""

    output: str
    article: Article
    inserted: str | None


def corruption_cases(rows: list[dict], seed: int = 0, per_article: int = 3) -> list[Case]:
    """Real sentences as faithful outputs, each also corrupted once (a number or a name)."""
    rng = random.Random(seed)
    articles = [pasted(r.get("title", ""), r["article"]) for r in rows]
    name_pool = sorted({n for a in articles for s in a.sentences for n in find_names(s.text) if " " in n})
    cases = []
    for article in articles:
        candidates = [s.text for s in article.sentences if re.search(r"\d", s.text) or find_names(s.text)]
        for text in rng.sample(candidates, min(per_article, len(candidates))):
            cases.append(Case(text, article, None))
            corrupted = _corrupt(text, article, name_pool, rng)
            if corrupted:
                cases.append(Case(corrupted[0], article, corrupted[1]))
    return cases


def _corrupt(text: str, article: Article, names: list[str], rng: random.Random) -> tuple[str, str] | None:
    """``text`` with one number changed or one name swapped for a name the article lacks."""
    body = strip_diacritics(f"{article.title or ''} {article.text}".lower())
    numbers = list(re.finditer(r"(?<![\d.,])\d+(?![\d.,])", text))
    spans = find_names(text)
    if numbers and (not spans or rng.random() < 0.5):
        m = rng.choice(numbers)
        for _ in range(20):
            new = str(int(m.group(0)) + rng.choice([-1, 1]) * rng.randint(1, 9) * 10 ** rng.randint(0, 2))
            if not new.startswith("-") and new != m.group(0) and not re.search(rf"(?<!\d){new}(?!\d)", body):
                return text[: m.start()] + new + text[m.end():], new
        return None
    strangers = [n for n in names if not any(w in body.split() for w in strip_diacritics(n.lower()).split())]
    if not spans or not strangers:
        return None
    old, new = rng.choice(spans), rng.choice(strangers)
    return text.replace(old, new, 1), new


def run_guard(rows: list[dict], seed: int = 0) -> str:
    cases = corruption_cases(rows, seed)
    corrupted = [c for c in cases if c.inserted]
    faithful = [c for c in cases if not c.inserted]
    caught = sum(any(c.inserted in u or u in c.inserted for u in check_output(c.output, c.article).unsupported) for c in corrupted)
    alarms = [c for c in faithful if not check_output(c.output, c.article).ok]
    catch, false = 100 * caught / max(len(corrupted), 1), 100 * len(alarms) / max(len(faithful), 1)
    print(f"{len(corrupted)} corrupted outputs (seed {seed}): caught {catch:.1f}%")
    print(f"{len(faithful)} faithful outputs: false alarms {false:.1f}%")
    for c in alarms[:5]:
        print("  false alarm:", check_output(c.output, c.article).unsupported, "in", c.output[:100])
    return f"RESULT caught={catch:.1f} false_alarms={false:.1f} corrupted={len(corrupted)} faithful={len(faithful)}"


COMMANDS = {"summarize": run_summarize, "ask": run_ask, "guard": run_guard}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.eval", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=sorted(COMMANDS))
    parser.add_argument("path", help="a JSON-lines file with the fields the command needs")
    args = parser.parse_args(argv)
    rows = load(args.path)
    if not rows:
        print(f"{args.path} holds no rows", file=sys.stderr)
        return 2
    print(COMMANDS[args.command](rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
