"""Summaries: chunking under the token limit, map-reduce, options, guard, translation, fallback."""
from __future__ import annotations

import dataclasses

import pytest
from helpers import RIVER_BUS, build_article
from tiny_models import EN_SENTENCES, VI_SENTENCES, RecordingEngine, spy_on, tiny_settings

import bot.tasks.summarize as summarize_module
from bot.article import Article
from bot.engines.base import GenerationConfig
from bot.engines.hub import ModelHub
from bot.guard import check_output
from bot.intent import Intent, IntentKind, Length
from bot.tasks.chunking import fit_pieces, pack_chunks, strip_prefix
from bot.tasks.summarize import DEFAULT_POINTS, format_summary, pick_sentences, reduce_chunks, summarize_article

ARTICLE = build_article(VI_SENTENCES[0:3], VI_SENTENCES[3:6], VI_SENTENCES[6:10], VI_SENTENCES[10:13],
                        title="Đoàn công tác tỉnh Quảng Nam thăm cảng Kỳ Hà", language="vi")
SUMMARIZE = Intent(IntentKind.SUMMARIZE, language="vi")


def words(text: str) -> int:
    return len(text.split())


def lead(n: int):
    """A summarize function for the pure ``reduce_chunks`` test: the first ``n`` words, as one sentence."""
    return lambda text: " ".join(text.split()[:n]).rstrip(".,") + "."


@pytest.fixture
def spied(tiny_hub, copy_model_dir):
    """``spied(tasks, **summarize)`` → a fresh hub whose ``tasks`` run the real copy model behind spies.

    The engines are the ones ``tiny_hub`` loaded by path (shared, no reload); tasks left out get
    a missing model folder. ``summarize`` changes the summarizer's settings (limits, prefixes).
    Returns the hub and ``{task: RecordingEngine}``.
    """
    def make(tasks=("summarize", "translate"), **summarize) -> tuple[ModelHub, dict[str, RecordingEngine]]:
        settings = tiny_settings(copy_model_dir, tasks=tasks)
        if summarize:
            settings = settings.with_model("summarize", **summarize)
        hub = ModelHub(settings)
        return hub, {task: spy_on(hub, task, tiny_hub.engine(task)) for task in tasks}

    return make


def one_sentence(text: str):
    """An article of one sentence: it fits one chunk, so the summary is one streamed model call."""
    return build_article((text,), language="vi")


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


# --- with the tiny real model behind a recording spy ------------------------------------------

def test_long_article_is_summarized_by_map_reduce_within_the_limit(spied):
    hub, spies = spied(tasks=("summarize",))
    engine = spies["summarize"]
    limit = hub.settings.summarize.max_input_tokens
    updates = list(summarize_article(ARTICLE, SUMMARIZE, hub))
    map_calls = [i for i, streamed in enumerate(engine.streamed) if not streamed]
    assert len(map_calls) >= 2 and engine.streamed[-1]  # batches of chunks, then the streamed final stage
    assert all(engine.count_tokens(t) <= limit for t in engine.inputs)  # counted with the real tokenizer
    # First round: one chunk per sentence (two never fit 48 tokens), batched shortest first.
    first_round = [t for i in map_calls for t in engine.batches[i]][:len(ARTICLE.sentences)]
    assert sorted(first_round) == sorted(s.text for s in ARTICLE.sentences)
    # The final stage reads the partial summaries the model wrote, not the article again.
    (final_input,) = engine.batches[-1]
    map_output_words = {w for i in map_calls for o in engine.outputs[i] for w in o.split()}
    assert set(final_input.split()) <= map_output_words
    assert final_input not in [s.text for s in ARTICLE.sentences]
    # The copy model repeats what it reads: most partial summaries reuse their chunk's words.
    pairs = [(t, o) for i in map_calls for t, o in zip(engine.batches[i], engine.outputs[i])]
    assert sum(bool(set(o.split()) & set(t.split())) for t, o in pairs) > len(pairs) // 2
    final = updates[-1]
    assert final.done and final.engine == engine.name
    assert final.text == format_summary(pick_sentences(engine.outputs[-1][0], None), False)


def test_map_stage_outputs_are_capped_at_a_quarter_of_the_limit(spied):
    hub, spies = spied(tasks=("summarize",))
    engine = spies["summarize"]
    list(summarize_article(ARTICLE, SUMMARIZE, hub))
    budget = hub.settings.summarize.max_input_tokens // 4
    map_outputs = [o for i, streamed in enumerate(engine.streamed) if not streamed for o in engine.outputs[i]]
    assert {c.max_new_tokens for c, streamed in zip(engine.configs, engine.streamed) if not streamed} == {budget}
    # Counted again from the decoded text, an output of ``budget`` tokens may count a few more (byte
    # pieces regroup), but far from the uncapped length (``max_new_tokens``, over 3 budgets).
    assert hub.settings.summarize.max_new_tokens > 3 * budget
    assert all(engine.count_tokens(o) <= 2 * budget for o in map_outputs)
    assert engine.configs[-1].max_new_tokens == hub.settings.summarize.max_new_tokens


def test_input_prefix_is_added_and_output_prefix_stripped(spied):
    # The copy model answers "vi: X" with "en: X": a real model output that carries a prefix.
    hub, spies = spied(tasks=("summarize",), input_prefix="vi: ", output_prefix="en: ")
    engine = spies["summarize"]
    sentence = VI_SENTENCES[1]
    final = list(summarize_article(one_sentence(sentence), SUMMARIZE, hub))[-1]
    assert engine.inputs == ["vi: " + sentence]
    raw = engine.outputs[-1][0]
    assert raw.startswith("en: ") and final.text == strip_prefix(raw, "en: ")
    assert final.text.split()[:3] == sentence.split()[:3]


def test_prefixes_hold_through_every_map_reduce_round(spied):
    hub, spies = spied(tasks=("summarize",), input_prefix="vi: ", output_prefix="en: ")
    engine = spies["summarize"]
    final = list(summarize_article(ARTICLE, SUMMARIZE, hub))[-1]
    assert len(engine.batches) > 2
    assert all(t.startswith("vi: ") for t in engine.inputs)
    # Partial summaries come back as "en: ..."; the prefix must not be fed into the next round.
    assert not any("en:" in t for t in engine.inputs)
    assert all(engine.count_tokens(t) <= 48 for t in engine.inputs)  # the prefix counts towards the limit
    assert not final.text.startswith("en:")


def test_final_stage_streams_growing_text(spied):
    hub, spies = spied(tasks=("summarize",))
    updates = list(summarize_article(one_sentence(VI_SENTENCES[0]), SUMMARIZE, hub))
    texts = [u.text for u in updates]
    assert len(texts) > 5 and all(b.startswith(a) for a, b in zip(texts, texts[1:-1]))
    assert texts[-2] == spies["summarize"].outputs[-1][0]  # the last streamed piece is the whole output


def test_options_shape_the_model_summary(spied, monkeypatch):
    # No map-reduce rounds: each one-sentence chunk is streamed, so the real summary has as many
    # sentences as the article (the copy model reproduces each one).
    monkeypatch.setattr(summarize_module, "MAX_REDUCE_ROUNDS", 0)
    sentences = [VI_SENTENCES[i] for i in (1, 5, 6, 10)]  # 31-32 tokens each: no two share a chunk
    article = build_article(sentences[:2], sentences[2:], language="vi")
    results = {}
    for name, intent in {"all": SUMMARIZE, "two": Intent(IntentKind.SUMMARIZE, sentences=2),
                         "bullets": Intent(IntentKind.SUMMARIZE, bullets=True)}.items():
        hub, spies = spied(tasks=("summarize",), input_prefix="vi: ", output_prefix="en: ")
        results[name] = list(summarize_article(article, intent, hub))[-1].text
        assert spies["summarize"].batches == [["vi: " + s] for s in sentences] and all(spies["summarize"].streamed)
    model_sentences = pick_sentences(results["all"], None)
    assert [s.split()[0] for s in model_sentences] == [s.split()[0] for s in sentences]
    assert results["two"] == " ".join(model_sentences[:2])
    assert results["bullets"] == "\n".join(f"- {s}" for s in model_sentences)


def test_shorter_and_longer_change_the_output_budget(spied):
    budgets, texts = {}, {}
    for length in Length:
        hub, spies = spied(tasks=("summarize",))
        final = list(summarize_article(one_sentence(VI_SENTENCES[0]), Intent(IntentKind.SUMMARIZE, length=length), hub))[-1]
        (config,) = spies["summarize"].configs
        budgets[length], texts[length] = config.max_new_tokens, final.text
        assert spies["summarize"].count_tokens(final.text) <= config.max_new_tokens + 1
    assert budgets[Length.SHORT] < budgets[Length.NORMAL] < budgets[Length.DETAILED]
    # The sentence is ~42 tokens: a short summary is cut where a normal one is not.
    assert len(texts[Length.SHORT]) < len(texts[Length.NORMAL])
    assert texts[Length.NORMAL].startswith(texts[Length.SHORT].rstrip(".,"))


def test_guard_marks_a_number_the_article_does_not_state(spied):
    # The copy model learnt "Đoàn gồm 15 thành viên ..." by heart; given 16 it still writes 15.
    article = one_sentence(VI_SENTENCES[1].replace("15", "16"))
    hub, spies = spied(tasks=("summarize",))
    final = list(summarize_article(article, SUMMARIZE, hub))[-1]
    raw = spies["summarize"].outputs[-1][0]
    assert "15" in raw and "15" not in article.text, f"precondition: the copy model should write the learnt 15: {raw!r}"
    assert "⚠️**15**" in final.text and final.text.replace("⚠️**15**", "15") == raw
    (notice,) = final.notices
    assert notice.key == "guard_flagged" and notice.args["items"] == "15"


def test_faithful_summary_is_not_marked(spied):
    hub, spies = spied(tasks=("summarize",))
    final = list(summarize_article(one_sentence(VI_SENTENCES[1]), SUMMARIZE, hub))[-1]
    assert check_output(spies["summarize"].outputs[-1][0], one_sentence(VI_SENTENCES[1])).ok
    assert "⚠️" not in final.text and final.notices == ()


def test_summary_in_english_is_translated(spied):
    hub, spies = spied(input_prefix="vi: ", output_prefix="en: ")
    intent = Intent(IntentKind.SUMMARIZE, language="en", target_language="en")
    final = list(summarize_article(one_sentence(VI_SENTENCES[1]), intent, hub))[-1]
    summary = pick_sentences(strip_prefix(spies["summarize"].outputs[-1][0], "en: "), None)
    assert spies["translate"].inputs == ["vi: " + s for s in summary]
    translated = [strip_prefix(o, "en: ") for o in spies["translate"].outputs[-1]]
    assert all(o.startswith("en: ") for o in spies["translate"].outputs[-1])
    assert final.text == " ".join(translated) and not final.text.startswith("en:")
    assert [n.key for n in final.notices] == ["summary_translated"]


def test_summary_stays_vietnamese_when_the_translator_is_missing(spied):
    hub, spies = spied(tasks=("summarize",), input_prefix="vi: ", output_prefix="en: ")
    intent = Intent(IntentKind.SUMMARIZE, language="en", target_language="en")
    updates = list(summarize_article(one_sentence(VI_SENTENCES[1]), intent, hub))
    assert updates[-1].text == strip_prefix(spies["summarize"].outputs[-1][0], "en: ")
    assert updates[-1].text.split()[:3] == VI_SENTENCES[1].split()[:3]  # still the Vietnamese words
    untranslated, missing = updates[-1].notices
    assert untranslated.key == "summary_untranslated"
    assert missing.key == "model_folder_missing" and missing.args["task"] == "translate"   # its folder is not there


def test_a_summary_only_asked_in_the_other_language_says_briefly_that_it_stays_untranslated(spied):
    # "summarize" typed on a Vietnamese article: no download instructions for a translation not asked for.
    hub, _ = spied(tasks=("summarize",), input_prefix="vi: ", output_prefix="en: ")
    final = list(summarize_article(one_sentence(VI_SENTENCES[1]), Intent(IntentKind.SUMMARIZE, language="en"), hub))[-1]
    assert [n.key for n in final.notices] == ["summary_untranslated"]


@pytest.mark.parametrize("language", ["en", "vi"])
def test_a_summary_asked_in_the_other_language_is_translated_into_it(spied, language):
    # "summarize in 3 bullets" on a Vietnamese article: the reader's language, as answers are.
    hub, spies = spied(tasks=("summarize", "translate"), input_prefix="vi: ", output_prefix="en: ")
    intent = Intent(IntentKind.SUMMARIZE, language=language)
    final = list(summarize_article(one_sentence(VI_SENTENCES[1]), intent, hub))[-1]
    assert ("summary_translated" in [n.key for n in final.notices]) is (language == "en")
    assert bool(spies["translate"].inputs) is (language == "en")


# --- fallback ----------------------------------------------------------------------------------

def test_missing_model_falls_back_to_extractive_sentences(empty_hub):
    intent = Intent(IntentKind.SUMMARIZE, sentences=2, bullets=True)
    updates = list(summarize_article(ARTICLE, intent, empty_hub))
    assert updates[0].notices[0].key == "model_loading"
    final = updates[-1]
    assert final.engine == "extractive" and final.done and len(final.evidence) == 2
    assert final.text == "\n".join(f"- {s.text}" for s in final.evidence)
    # "Sáng 12/3, " is left out of the lead, so the summary is not quoted verbatim
    assert final.evidence[0].text != ARTICLE.sentences[0].text and ARTICLE.sentences[0].text.startswith("Sáng 12/3, ")
    assert [n.key for n in final.notices] == ["used_extractive_trimmed", "model_folder_missing"]   # empty_hub: no folder
    assert final.notices[1].args["env"] == "TINBOT_SUMMARIZE_MODEL"


def test_a_quotation_cut_by_the_splitter_is_one_point_quoted_as_written(empty_hub):
    article = Article.from_text(RIVER_BUS.replace("Sáng 5/4, Đà Nẵng", "Đà Nẵng"))   # no dateline to trim
    final = list(summarize_article(article, Intent(IntentKind.SUMMARIZE, sentences=2, bullets=True), empty_hub))[-1]
    points = final.text.split("\n")
    assert points[1].startswith("- “Tuyến buýt") and points[1].endswith("ông Trần Văn Minh, giám đốc Sở Giao thông vận tải, nói.")
    assert [s.index for s in final.evidence] == [0, 1]
    assert final.notices[0].key == "used_extractive"   # the two sentences joined are not "trimmed"


def test_an_article_in_a_language_the_model_cannot_read_gets_the_extractive_summary(tiny_hub):
    article = build_article(EN_SENTENCES[0:3], EN_SENTENCES[3:6], language="en")
    intent = Intent(IntentKind.SUMMARIZE, language="en")
    final = list(summarize_article(article, intent, tiny_hub))[-1]
    assert final.engine == "extractive" and final.done
    assert [n.key for n in final.notices] == ["used_extractive", "model_language"]
    assert final.notices[1].args == {"language": "en"}
    assert final.text.split()[0] in " ".join(EN_SENTENCES)


def test_languages_setting_reads_from_toml_and_environment():
    from bot.settings import Settings

    assert Settings.from_env({}).summarize.languages == ("vi",)
    assert Settings.from_env({"TINBOT_SUMMARIZE_LANGUAGES": "vi, en"}).summarize.languages == ("vi", "en")
    assert Settings.from_env({}).answer.languages == ()


def test_a_trimmed_extractive_summary_does_not_claim_to_quote_verbatim(empty_hub):
    verbatim = one_sentence(VI_SENTENCES[1])  # nothing to trim in "Đoàn gồm 15 thành viên, ..."
    dated = one_sentence("Ngày 6/11, " + VI_SENTENCES[1][0].lower() + VI_SENTENCES[1][1:])
    keys = {}
    for name, article in (("verbatim", verbatim), ("dated", dated)):
        final = list(summarize_article(article, Intent(IntentKind.SUMMARIZE), empty_hub))[-1]
        keys[name] = final.notices[0].key
        assert final.text == final.evidence[0].text
    assert keys == {"verbatim": "used_extractive", "dated": "used_extractive_trimmed"}


def test_asking_for_more_points_than_the_article_has_says_so(empty_hub):
    article = build_article(VI_SENTENCES[0:2], language="vi")
    final = list(summarize_article(article, Intent(IntentKind.SUMMARIZE, sentences=5), empty_hub))[-1]
    assert len(final.evidence) == 2
    (fewer,) = [n for n in final.notices if n.key == "fewer_points"]
    assert fewer.args == {"count": 2, "asked": 5}
    enough = list(summarize_article(article, Intent(IntentKind.SUMMARIZE, sentences=2), empty_hub))[-1]
    assert "fewer_points" not in [n.key for n in enough.notices]


def test_a_prose_summary_opens_with_the_headline_and_says_so(empty_hub):
    titled = build_article(*VI_SENTENCES[0:6], title="Quảng Nam mở tuyến tàu khách mới ra đảo Cù Lao Chàm", language="vi")
    final = list(summarize_article(titled, SUMMARIZE, empty_hub))[-1]
    assert final.text.startswith("Quảng Nam mở tuyến tàu khách mới ra đảo Cù Lao Chàm. ")
    assert final.text.endswith(" ".join(s.text for s in final.evidence))   # then the chosen sentences
    assert final.notices[0].key.startswith("used_extractive_headline")
    # A short summary and a list of points are the article's sentences only.
    for intent in (Intent(IntentKind.SUMMARIZE, length=Length.SHORT), Intent(IntentKind.SUMMARIZE, sentences=2, bullets=True)):
        final = list(summarize_article(titled, intent, empty_hub))[-1]
        assert "Cù Lao Chàm" not in final.text and not final.notices[0].key.startswith("used_extractive_headline")


def test_a_short_summary_is_the_headline_when_the_best_sentence_leaves_out_its_figure(empty_hub):
    # The sentence that repeats most of the headline is about an earlier attack on four ships.
    body = [["Ông Karim cũng cáo buộc nhóm vũ trang tấn công 4 tàu cá ở vịnh Bengal hôm 12/5.",
             "Ngư dân địa phương cho biết họ lo ngại ra khơi trong mùa này.",
             "Lực lượng tuần duyên đã tăng cường tuần tra trên vùng biển."]]
    short = Intent(IntentKind.SUMMARIZE, length=Length.SHORT)
    for title, headline_only in (("Ông Karim cáo buộc nhóm vũ trang tấn công hai tàu cá ở vịnh Bengal", True),
                                 ("Ông Karim cáo buộc nhóm vũ trang tấn công tàu cá ở vịnh Bengal", False)):
        final = list(summarize_article(build_article(*body, title=title, language="vi"), short, empty_hub))[-1]
        assert (final.text == title + ".") is headline_only
        assert (final.notices[0].key == "used_extractive_headline_only") is headline_only
        assert bool(final.evidence) is not headline_only


def test_points_asked_for_without_a_count_are_a_list_of_several(empty_hub):
    intent = Intent(IntentKind.SUMMARIZE, bullets=True)    # "ý chính là gì?"
    final = list(summarize_article(ARTICLE, intent, empty_hub))[-1]
    assert final.text.count("\n- ") + 1 == DEFAULT_POINTS == len(final.evidence)
    assert "fewer_points" not in [n.key for n in final.notices]


def test_a_summary_has_at_most_the_set_number_of_points():
    # "tóm tắt 100 ý" is capped at limits.max_summary_sentences, and the reply says so.
    most = 2
    settings = tiny_settings(None)
    hub = ModelHub(dataclasses.replace(settings, limits=dataclasses.replace(settings.limits, max_summary_sentences=most)))
    final = list(summarize_article(ARTICLE, Intent(IntentKind.SUMMARIZE, sentences=100, bullets=True), hub))[-1]
    assert final.text.count("- ") == most
    assert final.notices[0].key == "points_capped" and final.notices[0].args == {"limit": most, "asked": 100}


@pytest.mark.parametrize("paragraph", [1, 2])
def test_a_paragraph_asked_for_is_summarized_alone(empty_hub, paragraph):
    article = build_article(VI_SENTENCES[0:3], VI_SENTENCES[3:6])
    intent = Intent(IntentKind.SUMMARIZE, sentences=2, paragraph=paragraph)
    final = list(summarize_article(article, intent, empty_hub))[-1]
    assert final.evidence and {s.paragraph for s in final.evidence} == {paragraph - 1}  # quoted as that paragraph
    assert all(s.index in {t.index for t in article.paragraphs[paragraph - 1].sentences} for s in final.evidence)


def test_a_paragraph_the_article_lacks_is_said_so(empty_hub):
    intent = Intent(IntentKind.SUMMARIZE, paragraph=9)
    final = list(summarize_article(build_article(VI_SENTENCES[0:3]), intent, empty_hub))[-1]
    assert final.text == "" and final.notices[0].key == "paragraph_out_of_range"
    assert final.notices[0].args == {"paragraph": 9, "count": 1}


# --- a word limit ("tóm tắt trong 30 chữ") ---------------------------------------------------------

@pytest.mark.parametrize("limit", [12, 25, 40, 60])
def test_a_word_limit_keeps_whole_sentences_within_it(empty_hub, limit):
    titled = build_article(VI_SENTENCES[0:3], VI_SENTENCES[3:6], title="Quảng Nam nâng cấp cảng Kỳ Hà đón tàu lớn", language="vi")
    final = list(summarize_article(titled, Intent(IntentKind.SUMMARIZE, words=limit), empty_hub))[-1]
    assert final.text and summarize_module.words_in(final.text) <= limit
    assert "summary_over_words" not in [n.key for n in final.notices]
    assert final.text.endswith(" ".join(s.text for s in final.evidence))   # whole sentences (the headline before them)
    unlimited = list(summarize_article(titled, SUMMARIZE, empty_hub))[-1]
    assert summarize_module.words_in(unlimited.text) > 12   # without the limit, longer


def test_a_word_limit_no_summary_can_meet_gives_the_shortest_and_says_so(empty_hub):
    titled = build_article(VI_SENTENCES[0:3], VI_SENTENCES[3:6], title="Quảng Nam nâng cấp cảng Kỳ Hà đón tàu lớn", language="vi")
    final = list(summarize_article(titled, Intent(IntentKind.SUMMARIZE, words=4), empty_hub))[-1]
    (over,) = [n for n in final.notices if n.key == "summary_over_words"]
    assert final.text == "Quảng Nam nâng cấp cảng Kỳ Hà đón tàu lớn."   # the headline: shorter than any sentence
    assert over.args == {"words": 10, "limit": 4}
    points = list(summarize_article(titled, Intent(IntentKind.SUMMARIZE, words=4, sentences=2, bullets=True), empty_hub))[-1]
    assert points.text.count("- ") == 1 and "summary_over_words" in [n.key for n in points.notices]


def test_a_word_limit_cuts_the_model_summary_at_a_whole_sentence():
    summary = summarize_module.Summary(tuple(VI_SENTENCES[1:4]), "model")
    first, second = (summarize_module.words_in(s) for s in VI_SENTENCES[1:3])
    cut = summarize_module._model_within(summary, first + second)
    assert cut.sentences == tuple(VI_SENTENCES[1:3]) and not cut.notices
    over = summarize_module._model_within(summary, first - 1)
    assert over.sentences == (VI_SENTENCES[1],) and over.notices[0].key == "summary_over_words"
