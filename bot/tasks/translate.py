"""Translate an article (or one paragraph of it) sentence by sentence, keeping its paragraphs.

Never one whole article as one sequence: EnViT5 was trained on sentence pairs and quietly drops
text past its input limit. Sentences are translated in length-sorted batches under a token
budget and put back in place, so paragraph i of the output is the translation of paragraph i of
the input. The reply grows window by window (the first window is the first paragraph alone).
"""
from __future__ import annotations

from typing import Iterator, Sequence

from bot.article import Article
from bot.engines.base import Engine, GenerationConfig
from bot.engines.hub import ModelHub, generation_config, missing_notice, wait_for_engine
from bot.intent import Intent
from bot.settings import ModelSettings
from bot.tasks import Notice, TaskUpdate, scoped
from bot.tasks.chunking import fit_pieces, other_language, paragraph_windows, plan_batches, strip_prefix


def translate_article(article: Article, intent: Intent, hub: ModelHub) -> Iterator[TaskUpdate]:
    src = article.language
    tgt = intent.target_language or other_language(src)
    if tgt == src:
        yield TaskUpdate("", "", done=True, notices=(Notice("already_in_language", {"language": tgt}),))
        return
    part = scoped(article, intent)  # "dịch đoạn 2", "dịch Điều 5": that part alone, without the title
    if isinstance(part, TaskUpdate):
        yield part
        return
    paragraphs = [[s.text for s in p.sentences] for p in part.paragraphs]
    title = part.title
    engine = yield from wait_for_engine(hub, "translate")
    ms = hub.settings.translate
    if engine is None:  # said plainly first (what still works), then which model and how to get it
        notices = (Notice("translate_unavailable", {"language": src}), missing_notice(ms, hub.unavailable("translate")))
        yield TaskUpdate("", "", done=True, notices=notices)
        return
    yield from _translate_paragraphs(engine, ms, paragraphs, title, src, tgt)


def _translate_paragraphs(engine: Engine, ms: ModelSettings, paragraphs: list[list[str]], title: str | None,
                          src: str, tgt: str) -> Iterator[TaskUpdate]:
    """Updates with the translated text growing window by window; the last one is ``done``."""
    heading: list[str] = []
    translated_title: str | None = None
    done: list[str] = []
    counts = [sum(engine.count_tokens(s) for s in p) for p in paragraphs]
    windows = paragraph_windows(counts, ms.batch_tokens)
    for w, window in enumerate(windows):
        texts = [s for i in window for s in paragraphs[i]]
        with_title = w == 0 and bool(title)
        outputs = translate_sentences(engine, ms, ([title] if with_title else []) + texts, src, tgt)
        if with_title:
            translated_title = outputs.pop(0)
            heading = [f"# {translated_title}"]
        for i in window:
            n = len(paragraphs[i])
            done.append(" ".join(outputs[:n]))
            outputs = outputs[n:]
        text = "\n\n".join(heading + done)
        yield TaskUpdate(text, engine.name, done=w == len(windows) - 1, paragraphs=tuple(done),
                         title=translated_title)
    if not windows:
        yield TaskUpdate("\n\n".join(heading), engine.name, done=True)


def translate_sentences(engine: Engine, ms: ModelSettings, texts: Sequence[str], src: str, tgt: str,
                        config: GenerationConfig | None = None) -> list[str]:
    """One translation per text, in order; long texts are cut to fit and their pieces rejoined.

    Shared by the summarizer (summary in another language) and the answerer (cross-lingual).
    """
    in_prefix, out_prefix = ms.prefix_for(src, tgt)
    limit = min(ms.max_input_tokens, engine.max_input_tokens)
    pieces: list[tuple[int, str]] = []  # (text index, piece)
    for t, text in enumerate(texts):
        pieces += [(t, p) for p in fit_pieces(text, lambda x: engine.count_tokens(in_prefix + x), limit)]
    inputs = [in_prefix + p for _, p in pieces]
    outputs = run_batched(engine, inputs, config or generation_config(ms), ms.batch_tokens)
    joined: list[list[str]] = [[] for _ in texts]
    for (t, _), out in zip(pieces, outputs):
        joined[t].append(strip_prefix(out, out_prefix))
    return [" ".join(x for x in parts if x) for parts in joined]


def run_batched(engine: Engine, inputs: list[str], config: GenerationConfig, budget: int) -> list[str]:
    """``engine.generate`` over length-sorted batches of ≤ ``budget`` padded input tokens; outputs in input order."""
    lengths = [engine.count_tokens(x) for x in inputs]
    outputs: list[str] = [""] * len(inputs)
    for batch in plan_batches(lengths, budget):
        for i, out in zip(batch, engine.generate([inputs[i] for i in batch], config)):
            outputs[i] = out
    return outputs

