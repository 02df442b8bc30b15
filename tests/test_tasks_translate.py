"""Article translation: paragraph alignment, sentence batches, prefixes, streaming, fallbacks."""
from __future__ import annotations

import pytest
from helpers import build_article
from tiny_models import EN_SENTENCES, VI_SENTENCES, RecordingEngine, spy_on, tiny_settings

from bot.engines.hub import ModelHub
from bot.intent import Intent, IntentKind
from bot.settings import ModelSettings
from bot.tasks import Notice
from bot.tasks.chunking import fit_pieces, paragraph_windows, plan_batches, strip_prefix
from bot.tasks.translate import translate_article, translate_sentences

ARTICLE = build_article(VI_SENTENCES[0:2], VI_SENTENCES[2:5], VI_SENTENCES[5:6], VI_SENTENCES[6:8],
                        title="Đoàn công tác tỉnh Quảng Nam thăm cảng Kỳ Hà", language="vi")
TO_EN = Intent(IntentKind.TRANSLATE, language="vi", target_language="en")


@pytest.fixture
def spied(tiny_hub, copy_model_dir):
    """``spied(**translate)`` → a fresh hub whose translator is the real copy model behind a spy.

    The engine is the one ``tiny_hub`` loaded by path (shared, no reload); ``translate`` changes
    the translator's settings (limits). Returns the hub and its ``RecordingEngine``.
    """
    def make(**translate) -> tuple[ModelHub, RecordingEngine]:
        settings = tiny_settings(copy_model_dir, tasks=("translate",))
        if translate:
            settings = settings.with_model("translate", **translate)
        hub = ModelHub(settings)
        return hub, spy_on(hub, "translate", tiny_hub.engine("translate"))

    return make


def translated(engine: RecordingEngine, text: str, src: str = "vi", tgt: str = "en") -> str:
    """What the model said for one whole sentence, without its output prefix."""
    return strip_prefix(engine.output_for(f"{src}: {text}"), f"{tgt}: ")


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


# --- with the tiny real model behind a recording spy ------------------------------------------

def test_paragraphs_stay_aligned_and_sentences_in_order(spied):
    hub, engine = spied()
    updates = list(translate_article(ARTICLE, TO_EN, hub))
    # Every sentence fits the 48-token limit, so each is one model input: title + sentences.
    assert sorted(engine.inputs) == sorted("vi: " + t for t in [ARTICLE.title] + [s.text for s in ARTICLE.sentences])
    title, *paragraphs = updates[-1].text.split("\n\n")
    assert title == "# " + translated(engine, ARTICLE.title)
    assert paragraphs == [" ".join(translated(engine, s.text) for s in p.sentences) for p in ARTICLE.paragraphs]
    # The copy model keeps each sentence's words, so paragraph i really is paragraph i.
    for source, target in zip(ARTICLE.paragraphs, paragraphs):
        assert target.split()[:2] == source.sentences[0].text.split()[:2]
    assert updates[-1].done and updates[-1].engine == engine.name


def test_every_input_has_the_source_prefix_and_fits_the_limits(spied):
    hub, engine = spied(max_input_tokens=12, batch_tokens=40)
    final = list(translate_article(ARTICLE, TO_EN, hub))[-1]
    assert all(text.startswith("vi: ") and not text.startswith("vi: vi:") for text in engine.inputs)
    assert max(engine.count_tokens(t) for t in engine.inputs) <= 12  # long sentences were cut (real tokens)
    for batch in engine.batches:
        assert len(batch) == 1 or len(batch) * max(engine.count_tokens(t) for t in batch) <= 40
    assert len(engine.inputs) > len(ARTICLE.sentences) + 1  # never a whole paragraph or article at once
    # Pieces of every sentence were read: the inputs cover the article's words.
    read = {w for t in engine.inputs for w in strip_prefix(t, "vi: ").split()}
    assert set(ARTICLE.text.split()) <= read
    assert final.done and len(final.text.split("\n\n")) == len(ARTICLE.paragraphs) + 1


def test_cut_sentences_are_rejoined_in_order(tiny_hub):
    engine = RecordingEngine(tiny_hub.engine("translate"))
    ms = ModelSettings(task="translate", model="x", input_prefix="{src}: ", output_prefix="{tgt}: ",
                       max_input_tokens=9, batch_tokens=30)
    texts = [VI_SENTENCES[0], VI_SENTENCES[9]]
    out = translate_sentences(engine, ms, texts, "vi", "en")
    pieces = [fit_pieces(t, lambda x: engine.count_tokens("vi: " + x), 9) for t in texts]
    assert all(len(p) > 2 and " ".join(p) == t for p, t in zip(pieces, texts))
    assert sorted(engine.inputs) == sorted("vi: " + p for ps in pieces for p in ps)
    assert all(engine.count_tokens(t) <= 9 for t in engine.inputs)
    # Batches are sorted by length; the outputs go back to their sentence, piece by piece, in order.
    assert out == [" ".join(x for x in (translated(engine, p) for p in ps) if x) for ps in pieces]


def test_text_grows_paragraph_by_paragraph(spied):
    hub, _ = spied(batch_tokens=48)
    updates = list(translate_article(ARTICLE, TO_EN, hub))
    counts = [len(u.text.split("\n\n")) for u in updates if u.text]
    assert counts == sorted(counts) and counts[0] < counts[-1] == len(ARTICLE.paragraphs) + 1
    assert all(updates[-1].text.startswith(u.text) for u in updates)  # text is only ever appended
    assert [u.done for u in updates] == [False] * (len(updates) - 1) + [True]


def test_one_paragraph_only_when_asked(spied):
    hub, engine = spied()
    intent = Intent(IntentKind.TRANSLATE, language="vi", target_language="en", paragraph=2)
    final = list(translate_article(ARTICLE, intent, hub))[-1]
    second = ARTICLE.paragraphs[1].sentences
    assert sorted(engine.inputs) == sorted("vi: " + s.text for s in second)  # no title, no other paragraph
    assert final.text == " ".join(translated(engine, s.text) for s in second)


def test_english_article_goes_to_vietnamese_by_default(spied):
    hub, engine = spied()
    long, short = EN_SENTENCES[7], EN_SENTENCES[9]
    assert engine.count_tokens("en: " + long) > engine.count_tokens("en: " + short)
    article = build_article((long, short), language="en")
    final = list(translate_article(article, Intent(IntentKind.TRANSLATE, language="en"), hub))[-1]
    assert engine.inputs == ["en: " + short, "en: " + long]  # shortest first...
    assert all(o.startswith("vi: ") for o in engine.outputs[0])
    assert final.text == " ".join(translated(engine, s, "en", "vi") for s in (long, short))  # ...put back in order
    assert final.text.split()[0] == long.split()[0]


# --- notices -----------------------------------------------------------------------------------

@pytest.mark.parametrize("intent, key, args", [
    (Intent(IntentKind.TRANSLATE, target_language="vi"), "already_in_language", {"language": "vi"}),
    (Intent(IntentKind.TRANSLATE, target_language="en", paragraph=9), "paragraph_out_of_range", {"paragraph": 9, "count": 4}),
    (Intent(IntentKind.TRANSLATE, target_language="en", paragraph=0), "paragraph_out_of_range", {"paragraph": 0, "count": 4}),
])
def test_nothing_to_translate_is_a_notice(intent, key, args, spied):
    hub, engine = spied()
    (update,) = translate_article(ARTICLE, intent, hub)
    assert (update.text, update.done, update.notices[0].key, update.notices[0].args) == ("", True, key, args)
    assert engine.inputs == []


def test_missing_model_says_how_to_get_it(empty_hub):
    updates = list(translate_article(ARTICLE, TO_EN, empty_hub))
    assert updates[0].notices[0].key == "model_loading"
    final = updates[-1]
    assert final.text == "" and final.done
    plain, notice = final.notices
    # said plainly first, in the article's language's name: what still works without the model
    assert plain == Notice("translate_unavailable", {"language": ARTICLE.language})
    # empty_hub's model is a local folder that is not there: nothing to download, the setting is wrong
    assert notice.key == "model_folder_missing"
    assert notice.args == {"task": "translate", "model": empty_hub.settings.translate.model, "env": "TINBOT_TRANSLATE_MODEL"}


# --- with the tiny real model ------------------------------------------------------------------

def test_tiny_model_translation_keeps_paragraphs_and_strips_the_prefix(tiny_hub):
    final = list(translate_article(ARTICLE, TO_EN, tiny_hub))[-1]
    title, *paragraphs = final.text.split("\n\n")
    assert title.startswith("# ") and len(paragraphs) == len(ARTICLE.paragraphs)
    assert not any(p.startswith(("en:", "vi:")) for p in paragraphs)
    words = set(ARTICLE.text.split())
    assert all(set(p.split()) & words for p in paragraphs)  # the copy model keeps the article's words
