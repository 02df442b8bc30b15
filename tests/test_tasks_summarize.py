"""Summaries: chunking under the token limit, map-reduce, options, guard, translation, fallback."""
from __future__ import annotations

import pytest
from helpers import build_article
from tiny_models import EN_SENTENCES, VI_SENTENCES, FakeEngine, tiny_settings

from bot.engines.base import GenerationConfig
from bot.engines.hub import ModelHub
from bot.intent import Intent, IntentKind, Length
from bot.tasks.chunking import fit_pieces, pack_chunks, strip_prefix
from bot.tasks.summarize import format_summary, pick_sentences, reduce_chunks, summarize_article

ARTICLE = build_article(VI_SENTENCES[0:3], VI_SENTENCES[3:6], VI_SENTENCES[6:10], VI_SENTENCES[10:13],
                        title="Đoàn công tác tỉnh Quảng Nam thăm cảng Kỳ Hà", language="vi")
SUMMARIZE = Intent(IntentKind.SUMMARIZE, language="vi")


def words(text: str) -> int:
    return len(text.split())


def lead(n: int):
    """A fake summarizer: the first ``n`` words of its input, as one sentence."""
    return lambda text: " ".join(text.split()[:n]).rstrip(".,") + "."


def hub_with(summarizer: FakeEngine | None = None, translator: FakeEngine | None = None, **summarize) -> ModelHub:
    settings = tiny_settings(None)
    if summarize:
        settings = settings.with_model("summarize", **summarize)
    hub = ModelHub(settings)
    for task, engine in (("summarize", summarizer), ("translate", translator)):
        if engine is not None:
            hub.install(task, engine)
    return hub


# --- pure chunking -----------------------------------------------------------------------------

@pytest.mark.parametrize("limit", [12, 20, 48])
def test_chunks_fit_the_limit_and_keep_every_word_in_order(limit):
    sentences = [s.text for s in ARTICLE.sentences]
    chunks = pack_chunks(sentences, words, limit)
    assert all(words(c) <= limit for c in chunks)
    assert " ".join(chunks).split() == " ".join(sentences).split()


def test_chunks_are_as_few_as_fit():
    chunks = pack_chunks(["một hai ba.", "bốn năm.", "sáu bảy tám chín.", "mười."], words, 5)
    assert chunks == ["một hai ba. bốn năm.", "sáu bảy tám chín. mười."]


def test_an_over_long_sentence_is_cut_not_dropped():
    sentence = VI_SENTENCES[7] + " " + VI_SENTENCES[9]  # one "sentence" of 40 words
    pieces = fit_pieces(sentence, words, 9)
    assert len(pieces) > 4 and all(words(p) <= 9 for p in pieces)
    assert " ".join(pieces) == sentence


def test_map_reduce_ends_with_one_chunk_and_never_feeds_more_than_the_limit():
    calls = []

    def summarize(texts, config):
        calls.append(texts)
        return [lead(config.max_new_tokens)(t) for t in texts]

    chunks = pack_chunks([s.text for s in ARTICLE.sentences], words, 16)
    assert len(chunks) > 6
    final = reduce_chunks(chunks, summarize, words, 16, GenerationConfig(max_new_tokens=40))
    assert len(final) == 1 and words(final[0]) <= 16
    assert len(calls) >= 2 and all(words(t) <= 16 for batch in calls for t in batch)
    assert final[0].split()[0] == ARTICLE.sentences[0].text.split()[0]  # the lead survives the rounds


@pytest.mark.parametrize("count, bullets, expected", [
    (None, False, "Một. Hai! Ba?"),
    (2, False, "Một. Hai!"),
    (2, True, "- Một.\n- Hai!"),
    (5, True, "- Một.\n- Hai!\n- Ba?"),
])
def test_sentence_count_and_bullets(count, bullets, expected):
    assert format_summary(pick_sentences("Một. Hai! Ba?", count), bullets) == expected


# --- with fake engines -------------------------------------------------------------------------

def test_long_article_is_summarized_by_map_reduce_within_the_limit():
    engine = FakeEngine(lead(6), max_input_tokens=20)
    updates = list(summarize_article(ARTICLE, SUMMARIZE, hub_with(engine, max_input_tokens=20)))
    assert len(engine.batches) >= 2  # the chunks, then the final stage
    assert all(engine.count_tokens(t) <= 20 for t in engine.inputs)
    covered = " ".join(engine.inputs)
    assert all(s.text.split()[0] in covered for s in ARTICLE.sentences)  # every sentence was read
    assert updates[-1].done and updates[-1].engine == "fake · test"
    assert updates[-1].text.startswith(ARTICLE.sentences[0].text.split()[0])


def test_input_prefix_is_added_and_output_prefix_stripped():
    engine = FakeEngine(lambda text: "tóm tắt: " + lead(5)(strip_prefix(text, "vietnews: ")), max_input_tokens=400)
    hub = hub_with(engine, input_prefix="vietnews: ", output_prefix="tóm tắt: ", max_input_tokens=400, batch_tokens=400)
    final = list(summarize_article(ARTICLE, SUMMARIZE, hub))[-1]
    assert engine.inputs == ["vietnews: " + " ".join(s.text for s in ARTICLE.sentences)]
    assert final.text == lead(5)(ARTICLE.sentences[0].text)


def test_final_stage_streams_growing_text():
    engine = FakeEngine(lead(12), max_input_tokens=400)
    updates = list(summarize_article(ARTICLE, SUMMARIZE, hub_with(engine, max_input_tokens=400, batch_tokens=400)))
    texts = [u.text for u in updates]
    assert len(texts) > 5 and all(b.startswith(a) for a, b in zip(texts, texts[1:-1]))


@pytest.mark.parametrize("intent, check", [
    (Intent(IntentKind.SUMMARIZE, sentences=2), lambda text: text.count(". ") == 1),
    (Intent(IntentKind.SUMMARIZE, bullets=True), lambda text: all(line.startswith("- ") for line in text.splitlines())),
])
def test_options_shape_the_model_summary(intent, check):
    engine = FakeEngine(lambda text: " ".join(s.text for s in ARTICLE.sentences[:4]), max_input_tokens=400)
    final = list(summarize_article(ARTICLE, intent, hub_with(engine, max_input_tokens=400, batch_tokens=400)))[-1]
    assert check(final.text) and ARTICLE.sentences[0].text in final.text


class BudgetSpy(FakeEngine):
    """Remembers the output budget of the final stage."""

    def stream(self, text, config, cancel=None):
        self.budget = config.max_new_tokens
        yield from super().stream(text, config, cancel)


def test_shorter_and_longer_change_the_output_budget():
    budgets = {}
    for length in Length:
        engine = BudgetSpy(lead(3), max_input_tokens=400)
        hub = hub_with(engine, max_input_tokens=400, batch_tokens=400)
        list(summarize_article(ARTICLE, Intent(IntentKind.SUMMARIZE, length=length), hub))
        budgets[length] = engine.budget
    assert budgets[Length.SHORT] < budgets[Length.NORMAL] < budgets[Length.DETAILED]


def test_guard_marks_an_invented_number():
    engine = FakeEngine(lambda text: "Dự án có vốn 999 tỷ đồng.", max_input_tokens=400)
    final = list(summarize_article(ARTICLE, SUMMARIZE, hub_with(engine, max_input_tokens=400, batch_tokens=400)))[-1]
    assert "⚠️**999" in final.text
    (notice,) = final.notices
    assert notice.key == "guard_flagged" and "999" in notice.args["items"]


def test_summary_in_english_is_translated():
    engine = FakeEngine(lead(6), max_input_tokens=400)
    translator = FakeEngine(lambda text: "en: " + EN_SENTENCES[0])
    intent = Intent(IntentKind.SUMMARIZE, language="en", target_language="en")
    final = list(summarize_article(ARTICLE, intent, hub_with(engine, translator, max_input_tokens=400, batch_tokens=400)))[-1]
    assert final.text == EN_SENTENCES[0]
    assert translator.inputs == ["vi: " + lead(6)(ARTICLE.sentences[0].text)]
    assert [n.key for n in final.notices] == ["summary_translated"]


def test_summary_stays_vietnamese_when_the_translator_is_missing():
    engine = FakeEngine(lead(6), max_input_tokens=400)
    intent = Intent(IntentKind.SUMMARIZE, language="en", target_language="en")
    updates = list(summarize_article(ARTICLE, intent, hub_with(engine, max_input_tokens=400, batch_tokens=400)))
    assert updates[-1].text == lead(6)(ARTICLE.sentences[0].text)
    (notice,) = updates[-1].notices
    assert notice.key == "model_missing" and notice.args["task"] == "translate"


# --- fallback and the tiny real model ----------------------------------------------------------

def test_missing_model_falls_back_to_extractive_sentences(empty_hub):
    intent = Intent(IntentKind.SUMMARIZE, sentences=2, bullets=True)
    updates = list(summarize_article(ARTICLE, intent, empty_hub))
    assert updates[0].notices[0].key == "model_loading"
    final = updates[-1]
    assert final.engine == "extractive" and final.done and len(final.evidence) == 2
    assert final.text == "\n".join(f"- {s.text}" for s in final.evidence)
    assert [n.key for n in final.notices] == ["used_extractive", "model_missing"]
    assert final.notices[1].args["env"] == "TINBOT_SUMMARIZE_MODEL"


def test_tiny_model_map_reduce_summary(tiny_hub, monkeypatch):
    engine = tiny_hub.engine("summarize")
    seen: list[tuple[str, str]] = []
    real = engine.generate

    def recording(texts, config, cancel=None):
        outputs = real(texts, config, cancel)
        seen.extend(zip(texts, outputs))
        return outputs

    monkeypatch.setattr(engine, "generate", recording)
    final = list(summarize_article(ARTICLE, SUMMARIZE, tiny_hub))[-1]
    assert final.done and final.engine == engine.name and final.text
    assert len(seen) > len(ARTICLE.paragraphs)  # the article went through in chunks
    assert all(engine.count_tokens(text) <= 48 for text, _ in seen)
    # The copy model repeats what it reads: most partial summaries reuse their chunk's words.
    assert sum(bool(set(out.split()) & set(text.split())) for text, out in seen) > len(seen) // 2
