"""Summarize an article: a seq2seq model over sentence chunks (map-reduce), or extractive sentences.

ViT5 reads at most ``max_input_tokens``; anything longer would be silently cut. So the article is
packed into sentence chunks that fit, each chunk is summarized, and the joined partial summaries
are summarized again until one chunk remains; that last stage streams to the reader. With no
model at hand the most important sentences are quoted instead (``bot.extractive``). A summary
asked for in the other language, or asked in it, is made in the article's language, then translated.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable, Generator, Iterator

from bot.article import Article, Sentence
from bot.engines.base import Engine, GenerationConfig
from bot.engines.hub import ModelHub, generation_config, missing_notice, wait_for_engine
from bot.extractive import article_headline, leaves_out_figures, opening, quotes_whole, ranked_candidates, summarize_extractive
from bot.guard import check_output
from bot.intent import Intent, Length
from bot.prompts import LANGUAGES
from bot.segment import split_sentences
from bot.textstats import syllables
from bot.settings import ModelSettings
from bot.story import roundup_items
from bot.tasks import Notice, TaskUpdate, scoped
from bot.tasks.chunking import pack_chunks, strip_prefix
from bot.tasks.translate import run_batched, translate_sentences

# Output budget per requested length, as a share of the model's max_new_tokens.
LENGTH_SCALE = {Length.SHORT: 0.4, Length.NORMAL: 1.0, Length.DETAILED: 1.6}
# Rounds of "summarize the partial summaries" before the rest is streamed chunk by chunk. Each
# round shrinks the text about fourfold, so 4 rounds cover articles far past any paste limit.
MAX_REDUCE_ROUNDS = 4
# Points in a list asked for without a count ("các ý chính", "key points"), from extracted sentences.
DEFAULT_POINTS = 3
# Sentences per "còn gì nữa?" once the longest summary was shown: the article's next best ones.
REST_POINTS = 3
# Items of a news roundup listed (``bot.story.roundup_items``).
MAX_ROUNDUP_ITEMS = 8


@dataclass(frozen=True)
class Summary:
    """A finished summary, as sentences, before Markdown formatting."""

    sentences: tuple[str, ...]
    engine: str
    evidence: tuple[Sentence, ...] = ()
    notices: tuple[Notice, ...] = ()
    by_model: bool = True   # whether a model wrote any of it (then the guard checks it)
    translated_to: str | None = None  # the language it was translated into, if it was


def summarize_article(article: Article, intent: Intent, hub: ModelHub) -> Iterator[TaskUpdate]:
    whole = article
    article = scoped(article, intent)  # "tóm tắt đoạn 3", "tóm tắt Điều 5": that part alone
    if isinstance(article, TaskUpdate):
        yield article
        return
    ms = hub.settings.summarize
    most = hub.settings.limits.max_summary_sentences
    capped = ()
    if intent.sentences is not None and intent.sentences > most:  # "tóm tắt 100 ý": a summary, not the article
        capped = (Notice("points_capped", {"limit": most, "asked": intent.sentences}),)
        intent = dataclasses.replace(intent, sentences=most)
    readable = not ms.languages or article.language in ms.languages
    items = roundup_items(article) if _about_the_whole(article, whole, intent) else ()
    use_model = readable and not intent.extractive and not items
    engine = (yield from wait_for_engine(hub, "summarize")) if use_model else None
    if items:  # "bài này nói về gì?" on a news roundup: no one story, but how each item opens
        shown = items[:MAX_ROUNDUP_ITEMS]
        summary = Summary(tuple(s.text for s in shown), "extractive", tuple(shown),
                          (Notice("roundup", {"count": len(items)}),), by_model=False)
        intent = dataclasses.replace(intent, bullets=True)
    elif engine is None:
        summary = _extractive_summary(article, intent, why=() if intent.extractive else (
            missing_notice(ms, hub.unavailable("summarize")) if readable else Notice("model_language", {"language": article.language}),))
    else:
        summary = yield from _model_summary(article, intent, engine, ms)
        if intent.words:
            summary = _model_within(summary, intent.words)
    # Asked in the other language ("summarize in 3 bullets" on a Vietnamese article): the user's.
    asked_in = intent.language if intent.language in LANGUAGES and article.language in LANGUAGES else None
    target = intent.target_language or asked_in
    if target and target != article.language:
        asked_for = intent.target_language is not None  # "summarize in English", not only asked in English
        summary = yield from _translated(summary, article.language, target, hub, intent.bullets, asked_for)
    text = format_summary(summary.sentences, intent.bullets)
    notices = capped + summary.notices
    if summary.by_model:
        report = check_output(" ".join(summary.sentences), article, summary.translated_to)
        if not report.ok:
            text = report.mark(text)
            notices += (Notice("guard_flagged", {"items": ", ".join(report.unsupported)}),)
    yield TaskUpdate(text, summary.engine, done=True, evidence=summary.evidence, notices=notices)


def _about_the_whole(article: Article, whole: Article, intent: Intent) -> bool:
    """Whether ``intent`` asks what the whole article is about, in brief: a short or normal summary
    of all of it, with no count, word limit or "more" (a roundup's items answer that)."""
    return (article is whole and intent.sentences is None and not intent.words and not intent.skip
            and not intent.refine and intent.length is not Length.DETAILED)


def _extractive_summary(article: Article, intent: Intent, why: tuple[Notice, ...]) -> Summary:
    """The article's most important sentences; a prose summary of the default or a detailed
    length opens with the headline (``bot.extractive.opening``), a list of points does not, and
    a short one is the headline only when the best sentence leaves out the headline's figure."""
    points = intent.sentences
    if points is None and intent.bullets and intent.length is Length.NORMAL:
        points = DEFAULT_POINTS  # "ý chính là gì?": a list of one would be no list
    if intent.skip:  # "còn gì nữa?" after a summary: the points of a longer one not shown yet
        chosen = []
        # a longer length still, when this one holds nothing new (its points were shown, or dangle)
        lengths = list(Length)[list(Length).index(intent.length):] if points is None else [intent.length]
        for length in lengths:
            chosen = [s for s in summarize_extractive(article, max_sentences=points, length=length)
                      if s.index not in intent.skip]
            if chosen:
                break
        key = "summary_more_points"
        if not chosen:  # the longest summary was shown: the article's other sentences, best first
            key = "summary_rest_points"
            rest = [s for s in ranked_candidates(article) if s.index not in intent.skip]
            chosen = sorted(rest[:points or REST_POINTS], key=lambda s: s.index)
        if not chosen:  # every sentence was quoted: no model would add to that, so no reminder of it either
            return Summary((), "extractive", (), (Notice("summary_nothing_more"),), by_model=False)
        return Summary(tuple(s.text for s in chosen), "extractive", tuple(chosen), (Notice(key), *why), by_model=False)
    prose = intent.sentences is None and not intent.bullets
    headline = article_headline(article) if prose else None
    over: tuple[Notice, ...] = ()
    if intent.words:  # "tóm tắt trong 30 chữ": whole sentences within the limit
        chosen, texts, over = _within_words(article, intent, points, headline)
    else:
        chosen = summarize_extractive(article, max_sentences=points, length=intent.length)
        if intent.length is Length.SHORT:
            # One line: the best sentence, or the headline when that sentence leaves out the figure the
            # headline gives ("hai tàu dầu" against a sentence on an earlier attack on "4 tàu").
            if headline and chosen and leaves_out_figures(headline, [s.text for s in chosen]):
                chosen = []
            else:
                headline = None
        texts = opening(headline, chosen)
    headed = len(texts) > len(chosen)
    written = {s.index: s.text for s in (*article.sentences, *quotes_whole(article))}  # a quotation as one
    trimmed = any(s.text != written[s.index] for s in chosen)
    key = "used_extractive" + ("_headline" if headed else "") + ("_trimmed" if trimmed else "")
    if headed and not chosen and not intent.words:
        key = "used_extractive_headline_only"
    # "tóm tắt 20 ý" on a 9-sentence article: say why fewer came back (not a word limit's doing).
    fewer = (Notice("fewer_points", {"count": len(chosen), "asked": intent.sentences}),) \
        if intent.sentences and len(chosen) < intent.sentences and not intent.words else ()
    return Summary(tuple(texts), "extractive", tuple(chosen), (Notice(key), *fewer, *over, *why), by_model=False)


def words_in(text: str) -> int:
    """How many words (syllables, as a Vietnamese reader counts "chữ") ``text`` has."""
    return len(syllables(text))


def _within_words(article: Article, intent: Intent, points: int | None,
                  headline: str | None) -> tuple[list[Sentence], list[str], tuple[Notice, ...]]:
    """A summary of at most ``intent.words`` words: the headline (when a prose summary opens with
    it) and the best whole sentences that fit beside it. When nothing fits, the shortest summary
    there is (the headline or the best sentence), and a notice saying it is over the limit."""
    limit = intent.words or 0
    if headline and words_in(headline) <= limit:
        rest = limit - words_in(headline)
        chosen = summarize_extractive(article, points, intent.length, max_syllables=rest, strict=True) if rest else []
        return chosen, opening(headline, chosen), ()
    chosen = summarize_extractive(article, points, intent.length, max_syllables=limit, strict=True)
    if chosen:
        return chosen, [s.text for s in chosen], ()
    best = summarize_extractive(article, max_sentences=1, length=Length.SHORT)
    options = ([([], [headline])] if headline else []) + ([(best, [s.text for s in best])] if best else [])
    if not options:
        return [], [], ()
    chosen, texts = min(options, key=lambda option: sum(words_in(t) for t in option[1]))
    return chosen, texts, (Notice("summary_over_words", {"words": sum(words_in(t) for t in texts), "limit": limit}),)


def _model_within(summary: Summary, limit: int) -> Summary:
    """The model's summary cut to its first whole sentences within ``limit`` words; its first
    sentence alone when even that is longer, with a notice saying so."""
    kept, used = [], 0
    for sentence in summary.sentences:
        if used + words_in(sentence) > limit:
            break
        kept.append(sentence)
        used += words_in(sentence)
    if kept or not summary.sentences:
        return dataclasses.replace(summary, sentences=tuple(kept))
    first = summary.sentences[0]
    notice = Notice("summary_over_words", {"words": words_in(first), "limit": limit})
    return dataclasses.replace(summary, sentences=(first,), notices=summary.notices + (notice,))


def _model_summary(article: Article, intent: Intent, engine: Engine, ms: ModelSettings) -> Generator[TaskUpdate, None, Summary]:
    in_prefix, out_prefix = ms.prefix_for(article.language, article.language)
    limit = min(ms.max_input_tokens, engine.max_input_tokens)
    count = lambda text: engine.count_tokens(in_prefix + text)  # noqa: E731 - the prefix counts too
    config = generation_config(ms, LENGTH_SCALE[intent.length])
    chunks = pack_chunks([s.text for s in article.sentences], count, limit)
    chunks = reduce_chunks(chunks, lambda texts, c: run_batched(engine, [in_prefix + t for t in texts], c, ms.batch_tokens),
                           count, limit, config, out_prefix)
    final_config = generation_config(ms, LENGTH_SCALE[intent.length], streamed=True)
    finished: list[str] = []
    for chunk in chunks:  # normally one; several only past MAX_REDUCE_ROUNDS
        partial = ""
        for partial in engine.stream(in_prefix + chunk, final_config):
            so_far = " ".join(finished + [strip_prefix(partial, out_prefix)])
            yield TaskUpdate(format_summary(pick_sentences(so_far, intent.sentences), intent.bullets), engine.name)
        finished.append(strip_prefix(partial, out_prefix))
    return Summary(tuple(pick_sentences(" ".join(finished), intent.sentences)), engine.name)


def reduce_chunks(chunks: list[str], summarize: Callable[[list[str], GenerationConfig], list[str]],
                  count: Callable[[str], int], limit: int, config: GenerationConfig, out_prefix: str = "") -> list[str]:
    """Map-reduce: summarize every chunk, repack the partial summaries, repeat until one chunk fits.

    Partial summaries get at most a quarter of the input limit, so each round at least halves
    the number of chunks; nothing is dropped, only condensed.
    """
    budget = max(1, min(config.max_new_tokens, limit // 4))
    map_config = dataclasses.replace(config, max_new_tokens=budget, min_new_tokens=min(config.min_new_tokens, budget))
    rounds = 0
    while len(chunks) > 1 and rounds < MAX_REDUCE_ROUNDS:
        partials = [strip_prefix(p, out_prefix) for p in summarize(chunks, map_config)]
        sentences = [s for p in partials for s in split_sentences(p) if s.strip()]
        chunks = pack_chunks(sentences, count, limit)
        rounds += 1
    return chunks


def pick_sentences(text: str, count: int | None) -> list[str]:
    """The sentences of ``text``, the first ``count`` only when a number was asked for."""
    sentences = [s for s in split_sentences(text) if s.strip()]
    return sentences[:count] if count else sentences


def format_summary(sentences: tuple[str, ...] | list[str], bullets: bool) -> str:
    """Prose, or a Markdown list with one sentence per item."""
    if bullets:
        return "\n".join(f"- {s}" for s in sentences)
    return " ".join(sentences)


def _translated(summary: Summary, src: str, tgt: str, hub: ModelHub, bullets: bool,
                asked_for: bool = True) -> Generator[TaskUpdate, None, Summary]:
    """``summary`` translated sentence by sentence; unchanged plus a notice when no translator
    (with how to get it when the translation was ``asked_for``, not only implied by the question's
    language)."""
    shown = format_summary(summary.sentences, bullets)
    engine = yield from wait_for_engine(hub, "translate", text=shown, engine=summary.engine)
    if engine is None:
        how = (missing_notice(hub.settings.translate, hub.unavailable("translate")),) if asked_for else ()
        return dataclasses.replace(summary, notices=summary.notices + (Notice("summary_untranslated"), *how))
    sentences = translate_sentences(engine, hub.settings.translate, summary.sentences, src, tgt)
    return dataclasses.replace(summary, sentences=tuple(sentences), by_model=True, translated_to=tgt,
                               notices=summary.notices + (Notice("summary_translated"),))
