"""Article translation: paragraph alignment, sentence batches, prefixes, streaming, fallbacks."""
from __future__ import annotations

import pytest
from helpers import build_article
from tiny_models import VI_SENTENCES, FakeEngine, tiny_settings

from bot.engines.hub import ModelHub
from bot.intent import Intent, IntentKind
from bot.settings import ModelSettings
from bot.tasks.chunking import paragraph_windows, plan_batches, strip_prefix
from bot.tasks.translate import translate_article, translate_sentences

ARTICLE = build_article(VI_SENTENCES[0:2], VI_SENTENCES[2:5], VI_SENTENCES[5:6], VI_SENTENCES[6:8],
                        title="Đoàn công tác tỉnh Quảng Nam thăm cảng Kỳ Hà", language="vi")
TO_EN = Intent(IntentKind.TRANSLATE, language="vi", target_language="en")


def fake_hub(engine: FakeEngine, **translate) -> ModelHub:
    settings = tiny_settings(None)
    if translate:
        settings = settings.with_model("translate", **translate)
    hub = ModelHub(settings)
    hub.install("translate", engine)
    return hub


def tagged(text: str) -> str:
    """A fake translation that shows exactly which input it came from: "vi: x" → "en: <x>"."""
    return f"en: <{strip_prefix(text, 'vi: ')}>"


# --- pure planning -----------------------------------------------------------------------------

@pytest.mark.parametrize("lengths, budget", [([5, 30, 12, 7, 7, 40], 60), ([10] * 9, 30), ([80, 3], 50), ([], 10)])
def test_batches_cover_every_input_once_and_fit_the_budget(lengths, budget):
    batches = plan_batches(lengths, budget)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for batch in batches:
        assert len(batch) == 1 or len(batch) * max(lengths[i] for i in batch) <= budget
    assert [lengths[i] for b in batches for i in b] == sorted(lengths)


@pytest.mark.parametrize("counts, budget, windows", [
    ([10, 10, 10, 10], 20, [[0], [1, 2], [3]]),
    ([50, 5, 5], 8, [[0], [1, 2]]),
    ([7], 100, [[0]]),
    ([], 10, []),
])
def test_paragraph_windows_start_small_then_fill_a_batch(counts, budget, windows):
    assert paragraph_windows(counts, budget) == windows


@pytest.mark.parametrize("text, prefix, expected", [
    ("en: The port grew.", "en: ", "The port grew."),
    ("en:The port grew.", "en: ", "The port grew."),
    ("  vi: Cảng tăng trưởng.", "vi: ", "Cảng tăng trưởng."),
    ("The port grew. en: again", "en: ", "The port grew. en: again"),
    ("Tiếng Việt có dấu.", "", "Tiếng Việt có dấu."),
])
def test_output_prefix_is_stripped_only_at_the_start(text, prefix, expected):
    assert strip_prefix(text, prefix) == expected


# --- with a fake engine: exact inputs and outputs ----------------------------------------------

def test_paragraphs_stay_aligned_and_sentences_in_order():
    engine = FakeEngine(tagged)
    updates = list(translate_article(ARTICLE, TO_EN, fake_hub(engine)))
    title, *paragraphs = updates[-1].text.split("\n\n")
    assert title == f"# <{ARTICLE.title}>"
    assert paragraphs == [" ".join(f"<{s.text}>" for s in p.sentences) for p in ARTICLE.paragraphs]
    assert updates[-1].done and updates[-1].engine == "fake · test"


def test_every_input_has_the_source_prefix_and_fits_the_limits():
    engine = FakeEngine(tagged)
    list(translate_article(ARTICLE, TO_EN, fake_hub(engine, max_input_tokens=12, batch_tokens=40)))
    assert all(text.startswith("vi: ") for text in engine.inputs)
    assert max(engine.count_tokens(t) for t in engine.inputs) <= 12  # long sentences were cut
    for batch in engine.batches:
        assert len(batch) == 1 or len(batch) * max(engine.count_tokens(t) for t in batch) <= 40
    assert len(engine.inputs) > len(ARTICLE.sentences) + 1  # never a whole paragraph or article at once


def test_cut_sentences_are_rejoined_in_order():
    engine = FakeEngine(lambda text: "en: " + strip_prefix(text, "vi: "))
    ms = ModelSettings(task="translate", model="x", input_prefix="{src}: ", output_prefix="{tgt}: ",
                       max_input_tokens=9, batch_tokens=30)
    out = translate_sentences(engine, ms, [VI_SENTENCES[0], VI_SENTENCES[9]], "vi", "en")
    assert out == [VI_SENTENCES[0], VI_SENTENCES[9]]
    assert len(engine.inputs) > 4 and all(engine.count_tokens(t) <= 9 for t in engine.inputs)


def test_text_grows_paragraph_by_paragraph():
    engine = FakeEngine(tagged)
    updates = list(translate_article(ARTICLE, TO_EN, fake_hub(engine, batch_tokens=48)))
    counts = [len(u.text.split("\n\n")) for u in updates if u.text]
    assert counts == sorted(counts) and counts[0] < counts[-1] == len(ARTICLE.paragraphs) + 1
    assert [u.done for u in updates] == [False] * (len(updates) - 1) + [True]


def test_one_paragraph_only_when_asked():
    engine = FakeEngine(tagged)
    intent = Intent(IntentKind.TRANSLATE, language="vi", target_language="en", paragraph=2)
    final = list(translate_article(ARTICLE, intent, fake_hub(engine)))[-1]
    assert final.text == " ".join(f"<{s.text}>" for s in ARTICLE.paragraphs[1].sentences)


def test_english_article_goes_to_vietnamese_by_default():
    engine = FakeEngine(lambda text: "vi: " + strip_prefix(text, "en: ").upper())
    article = build_article(("The port grew.", "Ships came."), language="en")
    final = list(translate_article(article, Intent(IntentKind.TRANSLATE, language="en"), fake_hub(engine)))[-1]
    assert final.text == "THE PORT GREW. SHIPS CAME."
    assert engine.inputs == ["en: Ships came.", "en: The port grew."]  # shortest first, put back in order


# --- notices -----------------------------------------------------------------------------------

@pytest.mark.parametrize("intent, key, args", [
    (Intent(IntentKind.TRANSLATE, target_language="vi"), "already_in_language", {"language": "vi"}),
    (Intent(IntentKind.TRANSLATE, target_language="en", paragraph=9), "paragraph_out_of_range", {"paragraph": 9, "count": 4}),
    (Intent(IntentKind.TRANSLATE, target_language="en", paragraph=0), "paragraph_out_of_range", {"paragraph": 0, "count": 4}),
])
def test_nothing_to_translate_is_a_notice(intent, key, args):
    engine = FakeEngine(tagged)
    (update,) = translate_article(ARTICLE, intent, fake_hub(engine))
    assert (update.text, update.done, update.notices[0].key, update.notices[0].args) == ("", True, key, args)
    assert engine.inputs == []


def test_missing_model_says_how_to_get_it(empty_hub):
    updates = list(translate_article(ARTICLE, TO_EN, empty_hub))
    assert updates[0].notices[0].key == "model_loading"
    final = updates[-1]
    assert final.text == "" and final.done
    (notice,) = final.notices
    assert notice.key == "model_missing"
    assert notice.args["env"] == "TINBOT_TRANSLATE_MODEL" and notice.args["task"] == "translate"
    assert notice.args["command"] == f"hf download {notice.args['model']}"


# --- with the tiny real model ------------------------------------------------------------------

def test_tiny_model_translation_keeps_paragraphs_and_strips_the_prefix(tiny_hub):
    final = list(translate_article(ARTICLE, TO_EN, tiny_hub))[-1]
    title, *paragraphs = final.text.split("\n\n")
    assert title.startswith("# ") and len(paragraphs) == len(ARTICLE.paragraphs)
    assert not any(p.startswith(("en:", "vi:")) for p in paragraphs)
    words = set(ARTICLE.text.split())
    assert all(set(p.split()) & words for p in paragraphs)  # the copy model keeps the article's words
