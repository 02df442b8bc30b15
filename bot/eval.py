"""Measure the offline engines on a JSON-lines file; anyone can point it at their own data.

    python -m bot.eval summarize PATH.jsonl   # fields: title, article, summary
    python -m bot.eval summarize PATH.jsonl --folds 5   # ... and cross-validate the summary weights
    python -m bot.eval summarize PATH.jsonl --fit [--folds 5]   # ... fit the weights anew (and refit per fold)
    python -m bot.eval ask PATH.jsonl         # fields: title, context, question, answers
    python -m bot.eval ask PATH.jsonl --folds 5   # ... and cross-validate the ranking weights
    python -m bot.eval guard PATH.jsonl       # fields: title, article (corrupts real sentences)
                                              # [, outputs, output_language: faithful outputs of
                                              #  your own, e.g. translations, to corrupt instead]

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

from bot.article import Article
from bot.guard import find_names, check_output
from bot.eval_ask import run_ask
from bot.eval_summarize import pasted, run_summarize
from bot.textstats import strip_diacritics


def load(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# --- guard -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    """One guard test: an output, its article, and the inserted span if it was corrupted."""

    output: str
    article: Article
    inserted: str | None
    language: str | None = None  # the output's language, when it is a translation


def corruption_cases(rows: list[dict], seed: int = 0, per_article: int = 3) -> list[Case]:
    """Faithful outputs, each also corrupted once (a number or a name): a row's own ``outputs``
    (in ``output_language``) when it has them, else ``per_article`` of its real sentences."""
    rng = random.Random(seed)
    articles = [pasted(r.get("title", ""), r["article"]) for r in rows]
    name_pool = sorted({n for a in articles for s in a.sentences for n in find_names(s.text) if " " in n})
    # Names as an output in each language writes them: English drops the marks.
    pools = {"en": [strip_diacritics(n) for n in name_pool]}
    cases = []
    for row, article in zip(rows, articles):
        language = row.get("output_language")
        written = row.get("outputs")
        candidates = [t for t in written or [s.text for s in article.sentences] if re.search(r"\d", t) or find_names(t)]
        for text in candidates if written else rng.sample(candidates, min(per_article, len(candidates))):
            cases.append(Case(text, article, None, language))
            corrupted = _corrupt(text, article, pools.get(language, name_pool), rng)
            if corrupted:
                cases.append(Case(corrupted[0], article, corrupted[1], language))
    return cases


def _corrupt(text: str, article: Article, names: list[str], rng: random.Random) -> tuple[str, str] | None:
    """``text`` with one number changed or one name swapped for a name the article lacks
    (``names``: written as the output would write them)."""
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
    caught = sum(any(c.inserted in u or u in c.inserted for u in check_output(c.output, c.article, c.language).unsupported)
                 for c in corrupted)
    alarms = [c for c in faithful if not check_output(c.output, c.article, c.language).ok]
    catch, false = 100 * caught / max(len(corrupted), 1), 100 * len(alarms) / max(len(faithful), 1)
    print(f"{len(corrupted)} corrupted outputs (seed {seed}): caught {catch:.1f}%")
    print(f"{len(faithful)} faithful outputs: false alarms {false:.1f}%")
    for c in alarms[:5]:
        print("  false alarm:", check_output(c.output, c.article, c.language).unsupported, "in", c.output[:100])
    return f"RESULT caught={catch:.1f} false_alarms={false:.1f} corrupted={len(corrupted)} faithful={len(faithful)}"


COMMANDS = {"summarize": run_summarize, "ask": run_ask, "guard": run_guard}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.eval", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=sorted(COMMANDS))
    parser.add_argument("path", help="a JSON-lines file with the fields the command needs")
    parser.add_argument("--folds", type=int, default=None,
                        help="ask, summarize: K-fold cross-validation of the ranking weights (K ≥ 2)")
    parser.add_argument("--fit", action="store_true",
                        help="summarize: fit the summary weights to this data and score them (refitted per fold with --folds)")
    args = parser.parse_args(argv)
    rows = load(args.path)
    if not rows:
        print(f"{args.path} holds no rows", file=sys.stderr)
        return 2
    if args.folds is not None and (args.command == "guard" or not 2 <= args.folds <= len(rows)):
        print(f"--folds {args.folds}: only for ask and summarize, from 2 to the number of rows ({len(rows)})", file=sys.stderr)
        return 2
    if args.fit and args.command != "summarize":
        print("--fit: only for summarize", file=sys.stderr)
        return 2
    extra = {"folds": args.folds} if args.folds else {}
    if args.fit:
        extra["refit"] = True
    print(COMMANDS[args.command](rows, **extra))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
