"""Answers: evidence first, the prompt under the limit, fallbacks, the cross-lingual path."""
from __future__ import annotations

import pytest
from helpers import build_article
from tiny_models import VI_SENTENCES, FakeEngine, tiny_settings

from bot.engines.hub import ModelHub
from bot.intent import Intent, IntentKind
from bot.retrieve import Evidence
from bot.tasks.answer import answer_question, best_sentences, build_prompt

ARTICLE = build_article(VI_SENTENCES[0:3], VI_SENTENCES[3:6], VI_SENTENCES[6:10], language="vi")
LEADER = ARTICLE.sentences[0]  # "... do ông Lê Văn Hòa làm trưởng đoàn ..."
ASK_LEADER = Intent(IntentKind.ASK, language="vi", question="Ai là trưởng đoàn công tác của tỉnh Quảng Nam?")
ASK_OFF_TOPIC = Intent(IntentKind.ASK, language="vi", question="Đội bóng nào vô địch giải bơi lội thế giới?")


def hub_with(answerer: FakeEngine | None = None, translator: FakeEngine | None = None, **answer) -> ModelHub:
    settings = tiny_settings(None)
    if answer:
        settings = settings.with_model("answer", **answer)
    hub = ModelHub(settings)
    for task, engine in (("answer", answerer), ("translate", translator)):
        if engine is not None:
            hub.install(task, engine)
    return hub


def evidence(*pairs: tuple[int, float]) -> list[Evidence]:
    return [Evidence(ARTICLE.sentences[i], score) for i, score in pairs]


# --- pure helpers ------------------------------------------------------------------------------

def test_prompt_holds_question_and_evidence_in_article_order():
    prompt, used = build_prompt(evidence((2, 0.9), (0, 0.5)), "Ai là trưởng đoàn?", "vi", lambda t: len(t.split()), 500)
    assert [s.index for s in used] == [0, 2]
    assert prompt.index(ARTICLE.sentences[0].text) < prompt.index(ARTICLE.sentences[2].text) < prompt.index("Ai là trưởng đoàn?")


def test_prompt_drops_the_lowest_ranked_evidence_to_fit():
    ranked = evidence((1, 0.9), (0, 0.6), (2, 0.3))
    count = lambda t: len(t.split())  # noqa: E731
    full, _ = build_prompt(ranked, "Đoàn có bao nhiêu thành viên?", "vi", count, 500)
    prompt, used = build_prompt(ranked, "Đoàn có bao nhiêu thành viên?", "vi", count, count(full) - 1)
    assert [s.index for s in used] == [0, 1]
    assert ARTICLE.sentences[2].text not in prompt and count(prompt) < count(full)


def test_prompt_cuts_a_single_sentence_that_is_too_long():
    count = lambda t: len(t.split())  # noqa: E731
    bare, _ = build_prompt(evidence((0, 0.9)), "Ai?", "vi", count, 500)
    prompt, used = build_prompt(evidence((0, 0.9)), "Ai?", "vi", count, count(bare) - 8)
    assert count(prompt) <= count(bare) - 8 and used == [LEADER]


@pytest.mark.parametrize("pairs, indices", [
    (((2, 0.9), (0, 0.85), (1, 0.2)), [0, 2]),
    (((2, 0.9), (0, 0.3)), [2]),
])
def test_fallback_answer_is_the_best_sentence_and_a_close_second(pairs, indices):
    assert [s.index for s in best_sentences(evidence(*pairs))] == indices


# --- the task ----------------------------------------------------------------------------------

def test_unanswerable_question_says_so_without_a_model_call():
    engine = FakeEngine(lambda text: "Lê Văn Hòa")
    (update,) = answer_question(ARTICLE, ASK_OFF_TOPIC, hub_with(engine))
    assert update.text == "" and update.done and [n.key for n in update.notices] == ["not_in_article"]
    assert engine.inputs == []


def test_model_answer_rests_on_the_evidence():
    engine = FakeEngine(lambda text: "ông Lê Văn Hòa", max_input_tokens=200)
    final = list(answer_question(ARTICLE, ASK_LEADER, hub_with(engine, max_input_tokens=200, batch_tokens=200)))[-1]
    assert (final.text, final.engine, final.done, final.notices) == ("ông Lê Văn Hòa", "fake · test", True, ())
    assert LEADER in final.evidence
    (prompt,) = engine.inputs
    assert LEADER.text in prompt and ASK_LEADER.question in prompt


def test_prompt_is_cut_to_the_model_limit():
    engine = FakeEngine(lambda text: "ông Lê Văn Hòa", max_input_tokens=30)
    list(answer_question(ARTICLE, ASK_LEADER, hub_with(engine, max_input_tokens=30)))
    (prompt,) = engine.inputs
    assert engine.count_tokens(prompt) <= 30 and ASK_LEADER.question in prompt


def test_answer_prefixes_are_applied_and_stripped():
    engine = FakeEngine(lambda text: "trả lời: ông Lê Văn Hòa")
    hub = hub_with(engine, input_prefix="hỏi: ", output_prefix="trả lời: ")
    final = list(answer_question(ARTICLE, ASK_LEADER, hub))[-1]
    assert engine.inputs[0].startswith("hỏi: Dựa vào đoạn văn sau") and final.text == "ông Lê Văn Hòa"


def test_invented_name_is_flagged():
    engine = FakeEngine(lambda text: "ông Nguyễn Văn Tèo")
    final = list(answer_question(ARTICLE, ASK_LEADER, hub_with(engine)))[-1]
    assert "⚠️**" in final.text and [n.key for n in final.notices] == ["guard_flagged"]


def test_missing_model_answers_with_the_best_sentence(empty_hub):
    updates = list(answer_question(ARTICLE, ASK_LEADER, empty_hub))
    assert updates[0].notices[0].key == "model_loading"
    final = updates[-1]
    assert final.engine == "extractive" and final.text.startswith(LEADER.text) and final.evidence[0] == LEADER
    assert [n.key for n in final.notices] == ["model_missing"]


def test_english_question_is_translated_both_ways():
    answerer = FakeEngine(lambda text: "ông Lê Văn Hòa")
    translator = FakeEngine(lambda text: {"en: Who led the delegation?": "vi: Ai là trưởng đoàn công tác?",
                                          "vi: ông Lê Văn Hòa": "en: Mr Le Van Hoa"}[text])
    intent = Intent(IntentKind.ASK, language="en", question="Who led the delegation?")
    final = list(answer_question(ARTICLE, intent, hub_with(answerer, translator)))[-1]
    assert final.text == "Mr Le Van Hoa" and final.notices == ()
    assert "Ai là trưởng đoàn công tác?" in answerer.inputs[0]


def test_english_question_without_translator_is_answered_in_vietnamese(empty_hub):
    intent = Intent(IntentKind.ASK, language="en", question="Who is Lê Văn Hòa, trưởng đoàn Quảng Nam?")
    empty_hub.install("answer", FakeEngine(lambda text: "ông Lê Văn Hòa"))
    final = list(answer_question(ARTICLE, intent, empty_hub))[-1]
    assert final.text == "ông Lê Văn Hòa"
    assert [n.key for n in final.notices] == ["answer_untranslated"]


def test_tiny_model_answers_from_the_article(tiny_hub):
    final = list(answer_question(ARTICLE, ASK_LEADER, tiny_hub))[-1]
    assert final.done and final.engine == tiny_hub.engine("answer").name and final.text
    assert LEADER in final.evidence
