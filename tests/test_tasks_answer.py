"""Answers: evidence first, the prompt under the limit, fallbacks, the cross-lingual path."""
from __future__ import annotations

import dataclasses

import pytest
from helpers import RIVER_BUS, build_article, fixture_article
from tiny_models import VI_SENTENCES, RecordingEngine, spy_on, tiny_settings

from bot.answer_type import has_type
from bot.article import Article
from bot.engines.hub import ModelHub
from bot.intent import Intent, IntentKind
from bot.prompts import reply
from bot.retrieve import Evidence, find_evidence, parse_question
from bot.tasks.answer import answer_question, best_sentences, build_prompt
from bot.tasks.chunking import strip_prefix

ARTICLE = build_article(VI_SENTENCES[0:3], VI_SENTENCES[3:6], VI_SENTENCES[6:10], language="vi")
LEADER = ARTICLE.sentences[0]  # "... do ông Lê Văn Hòa làm trưởng đoàn ..."
ASK_LEADER = Intent(IntentKind.ASK, language="vi", question="Ai là trưởng đoàn công tác của tỉnh Quảng Nam?")
MEMBERS = ARTICLE.sentences[1]  # "Đoàn gồm 15 thành viên, ..."
ASK_MEMBERS = Intent(IntentKind.ASK, language="vi", question="Đoàn có bao nhiêu thành viên?")
ASK_OFF_TOPIC = Intent(IntentKind.ASK, language="vi", question="Đội bóng nào vô địch giải bơi lội thế giới?")


@pytest.fixture(scope="module")
def roomy_engine(copy_model_dir):
    """The copy model, loaded by path with room for a whole answer prompt (200 tokens, not 48)."""
    settings = tiny_settings(copy_model_dir, tasks=("answer",)).with_model("answer", max_input_tokens=200, batch_tokens=200)
    return ModelHub(settings).engine("answer")


@pytest.fixture
def spied(tiny_hub, copy_model_dir, roomy_engine):
    """``spied(tasks, **answer)`` → a fresh hub whose ``tasks`` run the real copy model behind spies.

    The answerer allows 100 prompt tokens unless ``answer`` says otherwise: the prompt template
    and question take ~70 real tokens, so one or two evidence sentences fit. The translator is
    the engine ``tiny_hub`` loaded. Returns the hub and ``{task: RecordingEngine}``.
    """
    def make(tasks=("answer", "translate"), **answer) -> tuple[ModelHub, dict[str, RecordingEngine]]:
        settings = tiny_settings(copy_model_dir, tasks=tasks)
        settings = settings.with_model("answer", **{"max_input_tokens": 100, "batch_tokens": 200, **answer})
        hub = ModelHub(settings)
        engines = {"answer": roomy_engine, "translate": tiny_hub.engine("translate")}
        return hub, {task: spy_on(hub, task, engines[task]) for task in tasks}

    return make


def unmarked(text: str) -> str:
    """``text`` without the guard's ⚠️**…** marks."""
    return text.replace("⚠️**", "").replace("**", "")


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

def test_unanswerable_question_says_so_without_a_model_call(spied):
    hub, spies = spied()
    (update,) = answer_question(ARTICLE, ASK_OFF_TOPIC, hub)
    assert update.text == "" and update.done and [n.key for n in update.notices] == ["not_in_article"]
    assert spies["answer"].inputs == [] and spies["translate"].inputs == []


@pytest.mark.parametrize("question, kind", [
    # sentence 6 ("Người dân địa phương kỳ vọng ... việc làm cho thanh niên") holds no number
    ("Người dân địa phương kỳ vọng cảng mới tạo thêm bao nhiêu việc làm cho thanh niên?", "number"),
    # sentence 3 ("Ông Hòa đề nghị cảng ưu tiên nâng cấp ...") holds no date
    ("Khi nào ông Hòa đề nghị cảng ưu tiên nâng cấp?", "time"),
])
def test_a_number_or_date_the_evidence_lacks_is_not_asked_of_the_model(spied, question, kind):
    hub, spies = spied()
    final = list(answer_question(ARTICLE, Intent(IntentKind.ASK, language="vi", question=question), hub))[-1]
    assert spies["answer"].inputs == []  # the model would have to invent the value
    assert [n.key for n in final.notices] == [f"no_{kind}_in_article"]
    assert final.engine == "extractive" and final.evidence and final.text == " ".join(s.text for s in final.evidence)


@pytest.mark.parametrize("question, named", [
    ("Đoàn của tỉnh Quảng Ngãi gồm bao nhiêu thành viên?", "Quảng Ngãi"),   # the article's delegation is Quảng Nam's
    ("Năm 2019 sản lượng hàng hóa của cảng tăng bao nhiêu?", "2019"),
])
def test_a_question_naming_what_the_article_never_mentions_is_not_asked_of_the_model(spied, question, named):
    hub, spies = spied()
    final = list(answer_question(ARTICLE, Intent(IntentKind.ASK, language="vi", question=question), hub))[-1]
    assert spies["answer"].inputs == []  # the model would answer about the wrong delegation or year
    assert [(n.key, n.args) for n in final.notices] == [("not_mentioned_closest", {"items": named})]
    assert final.engine == "extractive" and final.text == " ".join(s.text for s in final.evidence)
    # Named as the article names it, the same question goes to the model.
    asked = list(answer_question(ARTICLE, Intent(IntentKind.ASK, language="vi", question=question.replace(
        "Quảng Ngãi", "Quảng Nam").replace("Năm 2019 s", "S")), hub))[-1]
    assert len(spies["answer"].inputs) == 1 and not any(n.key.startswith("not_mentioned") for n in asked.notices)


def test_a_number_question_the_evidence_answers_goes_to_the_model(spied):
    hub, spies = spied()
    final = list(answer_question(ARTICLE, ASK_MEMBERS, hub))[-1]  # "Đoàn gồm 15 thành viên"
    assert len(spies["answer"].inputs) == 1 and not any(n.key.startswith("no_") for n in final.notices)


def test_model_answer_rests_on_the_evidence(spied):
    hub, spies = spied()
    engine = spies["answer"]
    updates = list(answer_question(ARTICLE, ASK_MEMBERS, hub))
    final = updates[-1]
    (prompt,) = engine.inputs
    assert MEMBERS.text in prompt and ASK_MEMBERS.question in prompt and MEMBERS in final.evidence
    (raw,) = engine.outputs[0]
    assert (final.text, final.engine, final.done, final.notices) == (raw, engine.name, True, ())
    assert "15 thành viên" in final.text  # the copy model answers from the evidence it was given
    streamed = [u.text for u in updates[:-1] if u.text]
    assert len(streamed) > 3 and streamed[-1] == final.text  # the answer streams as it grows


def test_prompt_is_cut_to_the_model_limit(spied):
    prompts = {}
    for limit in (200, 120, 100):
        hub, spies = spied(max_input_tokens=limit)
        final = list(answer_question(ARTICLE, ASK_LEADER, hub))[-1]
        (prompts[limit],) = spies["answer"].inputs
        count = spies["answer"].count_tokens
        assert count(prompts[limit]) <= limit and ASK_LEADER.question in prompts[limit]
        assert LEADER in final.evidence
    assert count(prompts[200]) > 120  # real tokens: the whole prompt fits only the roomiest limit
    # At 120 the lower-ranked evidence is dropped and the best sentence kept whole ...
    assert LEADER.text in prompts[120] and len(prompts[120].splitlines()) < len(prompts[200].splitlines())
    # ... at 100 even that does not fit, so its first piece is quoted.
    quoted = prompts[100].split("Đoạn văn: ")[1].split("\n")[0]
    assert quoted and LEADER.text.startswith(quoted) and quoted != LEADER.text


def test_answer_prefixes_are_applied_and_stripped(spied):
    # The copy model answers "vi: X" with "en: X": a real output that carries the prefix.
    hub, spies = spied(input_prefix="vi: ", output_prefix="en: ")
    updates = list(answer_question(ARTICLE, ASK_MEMBERS, hub))
    (prompt,), (raw,) = spies["answer"].inputs, spies["answer"].outputs[0]
    assert prompt.startswith("vi: Dựa vào đoạn văn sau") and raw.startswith("en:")
    assert unmarked(updates[-1].text) == strip_prefix(raw, "en: ")
    assert not any(u.text.startswith("en:") for u in updates)  # stripped while streaming too


def test_invented_number_is_flagged(spied):
    # The copy model learnt "Đoàn gồm 15 thành viên ..." by heart; this article says 16.
    article = build_article(VI_SENTENCES[0:1] + (VI_SENTENCES[1].replace("15", "16"),) + VI_SENTENCES[2:3],
                            VI_SENTENCES[3:6], VI_SENTENCES[6:10], language="vi")
    hub, spies = spied()
    final = list(answer_question(article, ASK_MEMBERS, hub))[-1]
    (raw,) = spies["answer"].outputs[0]
    assert "16 thành viên" in spies["answer"].inputs[0]
    assert "15" in raw, f"precondition: the copy model should write the learnt 15: {raw!r}"
    assert "⚠️**15**" in final.text and final.text.replace("⚠️**15**", "15") == raw
    (notice,) = final.notices
    assert notice.key == "guard_flagged" and notice.args["items"] == "15"


def test_missing_model_answers_with_the_best_sentence(empty_hub):
    updates = list(answer_question(ARTICLE, ASK_LEADER, empty_hub))
    assert updates[0].notices[0].key == "model_loading"
    final = updates[-1]
    assert final.engine == "extractive" and final.text.startswith(LEADER.text) and final.evidence[0] == LEADER
    assert [n.key for n in final.notices] == ["model_folder_missing"]   # empty_hub: the configured folder is not there


def test_english_question_is_translated_both_ways(spied):
    hub, spies = spied()
    question = "Who is Lê Văn Hòa, trưởng đoàn Quảng Nam?"
    updates = list(answer_question(ARTICLE, Intent(IntentKind.ASK, language="en", question=question), hub))
    translator, answerer = spies["translate"], spies["answer"]
    assert translator.batches[0] == ["en: " + question]
    question_vi = strip_prefix(translator.outputs[0][0], "vi: ")
    (prompt,) = answerer.inputs
    assert f"Câu hỏi: {question_vi}\n" in prompt and question not in prompt  # asked in Vietnamese
    (answer,) = answerer.outputs[0]
    assert translator.batches[1:] == [["vi: " + answer]]  # the answer goes back through the translator
    final = updates[-1]
    assert unmarked(final.text) == strip_prefix(translator.outputs[1][0], "en: ")
    assert [n.key for n in final.notices] == (["guard_flagged"] if "⚠️" in final.text else [])
    assert not any(u.text for u in updates[:-1])  # the untranslated answer is never shown


def test_english_question_without_translator_is_answered_in_vietnamese(spied):
    hub, spies = spied(tasks=("answer",))
    intent = Intent(IntentKind.ASK, language="en", question="Who is Lê Văn Hòa, trưởng đoàn Quảng Nam?")
    final = list(answer_question(ARTICLE, intent, hub))[-1]
    (prompt,), (raw,) = spies["answer"].inputs, spies["answer"].outputs[0]
    assert prompt.startswith("Dựa vào đoạn văn sau") and intent.question in prompt  # the Vietnamese prompt
    assert unmarked(final.text) == raw
    assert [n.key for n in final.notices][0] == "answer_untranslated"


def test_tiny_model_answers_from_the_article(tiny_hub):
    final = list(answer_question(ARTICLE, ASK_LEADER, tiny_hub))[-1]
    assert final.done and final.engine == tiny_hub.engine("answer").name and final.text
    assert LEADER in final.evidence


def test_a_long_question_still_leaves_room_for_evidence_in_the_prompt(tiny_hub):
    from bot.tasks.answer import build_prompt

    engine = tiny_hub.engine("answer")
    article = build_article(VI_SENTENCES[0:3], language="vi")
    question = "Ai là trưởng đoàn công tác của tỉnh Quảng Nam đã đến thăm cảng Kỳ Hà? " * 4
    evidence = find_evidence(article, question, k=3)
    limit = 120
    prompt, used = build_prompt(evidence, question, "vi", engine.count_tokens, limit)
    assert engine.count_tokens(prompt) <= limit
    assert used and "Ai là trưởng đoàn" in prompt


def test_an_answer_asked_for_in_another_language_is_translated_into_it(spied):
    # "Đoàn có bao nhiêu thành viên? Trả lời bằng tiếng Anh": the question is read as it is.
    hub, spies = spied()
    intent = Intent(IntentKind.ASK, language="vi", target_language="en", question=ASK_MEMBERS.question)
    final = list(answer_question(ARTICLE, intent, hub))[-1]
    translator, answerer = spies["translate"], spies["answer"]
    (prompt,) = answerer.inputs
    assert f"Câu hỏi: {ASK_MEMBERS.question}\n" in prompt       # not translated on the way in
    (answer,) = answerer.outputs[0]
    assert translator.batches == [["vi: " + answer]]              # only the answer, into English
    assert unmarked(final.text) == strip_prefix(translator.outputs[0][0], "en: ")


def test_more_on_an_answered_number_question_does_not_say_the_article_lacks_the_number(empty_hub):
    # "còn gì nữa?" after "Đoàn gồm bao nhiêu thành viên?": the number was quoted a turn before.
    quoted = find_evidence(ARTICLE, ASK_MEMBERS.question)[0].sentence.index
    more = dataclasses.replace(ASK_MEMBERS, skip=(quoted,), extractive=True)
    final = list(answer_question(ARTICLE, more, empty_hub))[-1]
    assert final.evidence and not any(n.key.startswith("no_") for n in final.notices)
    assert not any(has_type(s.text, parse_question(ASK_MEMBERS.question)) for s in final.evidence)  # none holds a number



@pytest.mark.parametrize(("question", "language", "expected"), [
    ("Quảng Ngãi", "vi", "Không, bài báo không nhắc đến Quảng Ngãi."),
    ("Hanoi", "en", "No, the article does not mention Hanoi."),   # no translator needed: a name reads the same
])
def test_does_it_mention_x_is_answered_no_when_it_does_not(empty_hub, question, language, expected):
    final = list(answer_question(ARTICLE, Intent(IntentKind.ASK, language=language, question=question, mention=True), empty_hub))[-1]
    assert (final.text, final.notices) == (expected, ())


def test_does_it_mention_x_quotes_what_it_says_when_it_does(empty_hub):
    final = list(answer_question(ARTICLE, Intent(IntentKind.ASK, language="vi", question="cảng Kỳ Hà", mention=True), empty_hub))[-1]
    assert final.text == "Có, bài báo có nhắc đến cảng Kỳ Hà." and final.notices == ()
    assert final.evidence and all("Kỳ Hà" in s.text for s in final.evidence)



def test_a_sentence_announcing_a_list_is_quoted_with_the_list(empty_hub):
    article = Article.from_text("Hà Nội công bố kế hoạch giảm ô nhiễm không khí\n\n"
                                "Ngày 20/11, UBND thành phố ban hành kế hoạch giảm ô nhiễm không khí với các giải pháp chính:\n\n"
                                "- Cấm đốt rơm rạ ở ngoại thành;\n- Trồng thêm 1 triệu cây xanh;\n- Lắp 300 trạm quan trắc.\n\n"
                                "Tổng kinh phí thực hiện kế hoạch dự kiến 15.000 tỷ đồng.")
    ask = Intent(IntentKind.ASK, language="vi", question="Kế hoạch gồm những giải pháp nào?", extractive=True)
    final = list(answer_question(article, ask, empty_hub))[-1]
    assert [s.text for s in final.evidence][-3:] == ["Cấm đốt rơm rạ ở ngoại thành.", "Trồng thêm 1 triệu cây xanh.",
                                                    "Lắp 300 trạm quan trắc."]
    assert "15.000 tỷ" not in final.text   # the paragraph after the list is not part of it


def test_a_piece_of_a_quotation_is_quoted_with_the_rest_of_it(empty_hub):
    # "Thành phố sẽ mở thêm ba tuyến ...”, ông Minh ... nói." answers; alone it closes a quote with no start
    article = Article.from_text(RIVER_BUS)
    ask = Intent(IntentKind.ASK, language="vi", question="Thành phố sẽ mở thêm mấy tuyến buýt đường sông?", extractive=True)
    final = list(answer_question(article, ask, empty_hub))[-1]
    assert [s.index for s in final.evidence][:2] == [1, 2]
    assert final.text.startswith("“Tuyến buýt đường sông") and "ông Trần Văn Minh" in final.text
    # a quotation of four sentences is too long to quote whole: the piece that answers stands alone
    ask = Intent(IntentKind.ASK, language="vi", question="Thành phố tính mở bến tàu mới ở đâu?", extractive=True)
    final = list(answer_question(article, ask, empty_hub))[-1]
    assert 6 in {s.index for s in final.evidence} and not {4, 5, 7} <= {s.index for s in final.evidence}


@pytest.mark.parametrize(("thing", "mentioned"), [("sản lượng hàng hóa", True), ("giá vàng", False)])
def test_does_it_mention_a_common_phrase_asks_for_all_its_words_in_one_sentence(empty_hub, thing, mentioned):
    # "giá" alone is no "giá vàng"; "sản lượng ... hàng hóa" are said together.
    final = list(answer_question(ARTICLE, Intent(IntentKind.ASK, language="vi", question=thing, mention=True), empty_hub))[-1]
    assert (final.text == f"Không, bài báo không nhắc đến {thing}.") is not mentioned



def test_a_question_naming_nothing_asks_what_it_is_about(empty_hub):
    final = list(answer_question(ARTICLE, Intent(IntentKind.ASK, language="vi", question="cái gì?"), empty_hub))[-1]
    assert [n.key for n in final.notices] == ["question_too_vague"] and not final.text
    # "khi nào?" with nothing asked before: when the story happened, which its lead says
    final = list(answer_question(_STORY, Intent(IntentKind.ASK, language="vi", question="khi nào?"), empty_hub))[-1]
    assert final.evidence and "Chiều 14/3" in final.evidence[0].text


def test_an_english_date_is_a_date():
    query = parse_question("When does the new schedule take effect?", "en")
    assert has_type("The new schedule takes effect on April 22.", query)
    assert not has_type("The new schedule takes effect soon.", query)


@pytest.mark.parametrize(("thing", "quoted"), [("Sapa", False), ("Sài Gòn", True)])
def test_does_it_mention_a_place_reads_its_other_spellings(empty_hub, thing, quoted):
    # "Sapa" is found as a spelling of "Sa Pa" by the guard only; "Sài Gòn" is searched as "TP.HCM" too.
    article = Article.from_text("Du lịch Sa Pa và TP.HCM hút khách\n\nLượng khách đến Sa Pa và TP.HCM tăng mạnh trong dịp lễ vừa qua.")
    final = list(answer_question(article, Intent(IntentKind.ASK, language="vi", question=thing, mention=True), empty_hub))[-1]
    if quoted:  # naming it as the article does
        assert final.text == "Có, bài báo có nhắc đến Sài Gòn (TP.HCM)." and "TP.HCM" in final.evidence[0].text
    else:   # and where: the sentences that write it so
        assert final.text == f"Có, bài báo có nhắc đến {thing} (dưới một cách viết khác)."
        assert final.evidence and "Sa Pa" in final.evidence[0].text


@pytest.mark.parametrize(("thing", "mentioned"), [("sân bay Cần Thơ", False), ("cầu Ô Môn", True), ("Cần Thơ", True)])
def test_does_it_mention_a_thing_named_with_a_place_asks_for_the_thing_too(empty_hub, thing, mentioned):
    article = Article.from_text("Cần Thơ khởi công cầu Ô Môn mới\n\nSáng 6/11, TP. Cần Thơ khởi công cầu Ô Môn dài 1.240 m.")
    final = list(answer_question(article, Intent(IntentKind.ASK, language="vi", question=thing, mention=True), empty_hub))[-1]
    assert final.text.startswith("Có,") is mentioned
    assert (final.text == f"Không, bài báo không nhắc đến {thing}.") is not mentioned


COURT = Article.from_text(
    "Tuyên án cựu giám đốc công ty xăng dầu\n\n"
    "Ngày 14/3, tòa tuyên phạt bà Lê Thị Hồng Nhung 12 năm tù. Đồng phạm là ông Trần Quốc Bảo, bị tuyên 7 năm tù. "
    "Luật sư Nguyễn Văn An đề nghị giảm án. Bà dùng tiền mua đất ở Long An và gửi cho người thân ở Mỹ. "
    "Đây là vụ án lớn nhất của tỉnh trong năm nay, theo bản án.")


@pytest.mark.parametrize(("thing", "answer"), [
    ("Nguyễn Văn Bảo", "Không"),        # a Nguyễn Văn An and a Trần Quốc Bảo make no Nguyễn Văn Bảo
    ("Nhật Bản", "Không"),              # "nhất" and "bản" make no Japan
    ("the United States", "Có"),        # the article says "Mỹ"
    ("Trần Quốc Bảo", "Có"),
])
def test_does_it_mention_a_person_or_a_country_asks_for_the_whole_name(empty_hub, thing, answer):
    final = list(answer_question(COURT, Intent(IntentKind.ASK, language="vi", question=thing, mention=True), empty_hub))[-1]
    assert final.text.startswith(f"{answer}, bài báo")
    assert answer == "Có" or final.text == f"Không, bài báo không nhắc đến {thing}."


def test_an_article_typed_without_marks_is_searched_with_a_question_typed_with_them(empty_hub):
    article = Article.from_text("Gia vang tang ky luc\n\nSang 20/10, gia vang mieng SJC tang them 1,2 trieu dong moi luong. "
                                "Lai suat tiet kiem tai cac ngan hang lon hien dao dong tu 4,5% den 5,2% mot nam.")
    mention = Intent(IntentKind.ASK, language="vi", question="lãi suất", mention=True)
    assert list(answer_question(article, mention, empty_hub))[-1].text == "Có, bài báo có nhắc đến lãi suất."
    ask = Intent(IntentKind.ASK, language="vi", question="Giá vàng miếng tăng bao nhiêu?", extractive=True)
    final = list(answer_question(article, ask, empty_hub))[-1]
    assert "1,2 trieu" in final.text and not final.notices


def test_a_yes_names_the_thing_as_the_article_writes_it(empty_hub):
    # "bai co nhac den long an khong": the reply says "Long An", not the user's "long an".
    mention = Intent(IntentKind.ASK, language="vi", question="long an", mention=True)
    assert list(answer_question(COURT, mention, empty_hub))[-1].text == "Có, bài báo có nhắc đến Long An."


def test_what_a_paragraph_says_is_that_paragraph_quoted(empty_hub):
    article = Article.from_text("Cầu mới và giá vé xe buýt ở Đà Nẵng\n\nĐoạn đầu nói về cầu mới. Cầu dài 1.240 m.\n\n"
                                "Đoạn hai nói về giá vé. Vé xe là 20.000 đồng.")
    final = list(answer_question(article, Intent(IntentKind.ASK, language="vi", question="đoạn 2 nói gì?", paragraph=2),
                                 empty_hub))[-1]
    assert [s.paragraph for s in final.evidence] == [1, 1] and "20.000 đồng" in final.text
    beyond = list(answer_question(article, Intent(IntentKind.ASK, language="vi", question="đoạn 5 nói gì?", paragraph=5),
                                  empty_hub))[-1]
    assert [n.key for n in beyond.notices] == ["paragraph_out_of_range"]


def test_a_fact_only_the_headline_gives_is_quoted_from_it(empty_hub):
    article = Article.from_text("Xe khách lật trên đèo Bảo Lộc, 12 người bị thương\n\n"
                                "Khoảng 5h sáng 3/3, chiếc xe khách 45 chỗ chạy tuyến TP.HCM - Đà Lạt bị lật khi đổ dốc.\n\n"
                                "Lực lượng cứu hộ đã đưa các nạn nhân đến bệnh viện tỉnh.")
    final = list(answer_question(article, Intent(IntentKind.ASK, question="Bao nhiêu người bị thương?"), empty_hub))[-1]
    assert [n.key for n in final.notices] == ["headline_answer"] and final.notices[0].args["title"] == article.title
    # what the body says is quoted from the body
    final = list(answer_question(article, Intent(IntentKind.ASK, question="Nạn nhân được đưa đến đâu?"), empty_hub))[-1]
    assert final.evidence and "bệnh viện" in final.evidence[0].text
    # an English question no translator could read makes no claim about what only the headline says
    match = Article.from_text(fixture_article("vi-football"))  # a match report written for tinbot's tests
    final = list(answer_question(match, Intent(IntentKind.ASK, language="en", question="Did Hanoi win?"), empty_hub))[-1]
    assert "headline_answer" not in [n.key for n in final.notices]


@pytest.mark.parametrize(("text", "question", "quoted"), [
    # the body says it in other words: "tử vong" for the headline's "chết"
    ("Xe tải tông liên hoàn trên đèo, 1 người chết\n\nSáng 17/6, một xe tải mất lái tông vào 3 ô tô và một xe máy.\n\n"
     "Bà Trần Thị Mai (46 tuổi), người chạy xe máy, bị thương nặng. Bà Mai đã tử vong khi đến bệnh viện.",
     "Người chết là ai?", "Bà Mai đã tử vong"),
    # the headline shares "phải" with the question, which adds nothing to what it asks
    ("Ô tô vào trung tâm sẽ phải trả phí từ 40.000 đồng\n\nThành phố dự kiến lắp 36 cổng thu phí quanh trung tâm.\n\n"
     "Mức phí đề xuất là 40.000 đồng với ô tô cá nhân, 30.000 đồng với taxi và 50.000 đồng với xe tải.",
     "Taxi phải trả bao nhiêu?", "30.000 đồng với taxi"),
])
def test_what_the_body_says_is_not_taken_for_what_only_the_headline_says(empty_hub, text, question, quoted):
    article = Article.from_text(text)
    final = list(answer_question(article, Intent(IntentKind.ASK, question=question), empty_hub))[-1]
    assert "headline_answer" not in [n.key for n in final.notices]
    assert final.evidence and quoted in final.evidence[0].text


def test_a_count_only_the_headline_gives_is_quoted_from_it(empty_hub):
    article = Article.from_text("14 binh sĩ gìn giữ hòa bình bị sát hại ở biên giới\n\n"
                                "Đêm 7/12, một nhóm phiến quân tấn công căn cứ của lực lượng gìn giữ hòa bình.\n\n"
                                "Phần lớn các binh sĩ bị sát hại là người Tanzania, quốc gia có hơn 1.000 binh sĩ đang phục vụ "
                                "tại đây. Ngoài ra, 5 binh sĩ của quân đội sở tại cũng bị sát hại.")
    final = list(answer_question(article, Intent(IntentKind.ASK, question="Bao nhiêu binh sĩ bị giết?"), empty_hub))[-1]
    assert [n.key for n in final.notices] == ["headline_answer"]
    # a count the body gives, though another than the headline's (a later toll), is quoted from the body
    storm = Article.from_text("Bão làm 10 người chết ở miền Trung\n\nCơn bão đổ bộ vào miền Trung chiều 3/11.\n\n"
                              "Đến sáng nay, số người chết do bão đã tăng lên 12 người, nhiều nhà bị tốc mái.")
    final = list(answer_question(storm, Intent(IntentKind.ASK, question="Bao nhiêu người chết?"), empty_hub))[-1]
    assert "headline_answer" not in [n.key for n in final.notices] and "12 người" in final.evidence[0].text


def test_none_is_an_answer_to_how_many(empty_hub):
    article = Article.from_text("Cháy xưởng gỗ ở Bình Dương\n\nRạng sáng 5/6, một xưởng gỗ rộng 2.000 m2 ở Bình Dương bốc cháy "
                                "dữ dội.\n\nKhông có người bị thương hay thiệt mạng. Thiệt hại ban đầu ước tính 5 tỷ đồng.")
    final = list(answer_question(article, Intent(IntentKind.ASK, question="Có bao nhiêu người bị thương?"), empty_hub))[-1]
    assert final.evidence[0].text.startswith("Không có người bị thương")
    assert "no_number_in_article" not in [n.key for n in final.notices]


def test_a_name_typed_with_other_marks_is_answered_as_the_article_writes_it(empty_hub):
    article = Article.from_text("Ông Hồ Văn Thạnh, Giám đốc Sở Xây dựng, cho biết cầu sẽ thông xe vào tháng 9.\n\n"
                                "Cây cầu dài 1,2 km, vốn đầu tư 900 tỷ đồng.")
    intent = Intent(IntentKind.ASK, question="Hồ Văn Thành", mention=True)
    final = list(answer_question(article, intent, empty_hub))[-1]
    assert "Hồ Văn Thạnh" in final.text and "Thành" not in final.text


# Written for these tests: a claim checked against the clause about what it names.
CRASH = build_article(("Sáng 3/4, xe tải do ông Phạm Văn Lực (51 tuổi) điều khiển đâm vào dải phân cách.",
                       "Bà Vũ Thị Hằng (34 tuổi) đi xe máy phía sau bị thương nặng và tử vong tại bệnh viện."),
                      ("Mức phạt đề xuất là 2 triệu đồng với xe máy, 5 triệu đồng với ôtô con và 8 triệu đồng với xe tải.",),
                      title="Xe tải đâm dải phân cách, 1 người chết", language="vi")


@pytest.mark.parametrize(("question", "key", "values", "quoted"), [
    # 51 is ông Lực's: the sentence that says so is quoted too
    ("bà Hằng 51 tuổi phải không?", "claim_differs_said",
     {"found": "34 tuổi", "claimed": "51 tuổi", "number": "51 tuổi",
      "context": "xe tải do ông Phạm Văn Lực (51 tuổi) điều khiển đâm vào dải phân cách"}, [1, 0]),
    ("ba Hang 34 tuoi phai khong?", "claim_matches", {"found": "34 tuổi"}, [1]),
    ("có đúng là ôtô con bị phạt 8 triệu đồng không?", "claim_differs_said",
     {"found": "5 triệu đồng", "claimed": "8 triệu đồng", "number": "8 triệu đồng", "context": "8 triệu đồng với xe tải"}, [2]),
    ("có đúng là xe tải bị phạt 8 triệu đồng không?", "claim_matches", {"found": "8 triệu đồng"}, [2]),
])
def test_a_claimed_figure_is_checked_against_the_clause_about_what_it_names(empty_hub, question, key, values, quoted):
    final = list(answer_question(CRASH, Intent(IntentKind.ASK, language="vi", question=question), empty_hub))[-1]
    assert final.text == reply(key, "vi", **values)
    assert [s.index for s in final.evidence] == quoted


def test_a_claim_only_the_headline_counts_is_checked_against_it(empty_hub):
    # The body tells of one death with no number; the headline counts it.
    ask = Intent(IntentKind.ASK, language="vi", question="có đúng là 2 người chết không?")
    final = list(answer_question(CRASH, ask, empty_hub))[-1]
    assert final.text == reply("claim_differs_headline", "vi", found="1 người chết", claimed="2 người chết",
                               title="Xe tải đâm dải phân cách, 1 người chết")
    assert final.evidence == ()


def test_a_figure_not_tied_to_the_subject_is_quoted_with_a_doubt_not_a_yes(empty_hub):
    article = build_article(("Biên chế công chức của thành phố năm nay là 8.000 người.",
                             "Mỗi năm giảm 900 người so với năm trước."), language="vi")
    ask = Intent(IntentKind.ASK, language="vi", question="có đúng là mỗi năm giảm 900 công chức không?")
    final = list(answer_question(article, ask, empty_hub))[-1]
    assert final.text == reply("claim_unsure", "vi", found="900 người", claimed="900 công chức")
    assert [s.index for s in final.evidence] == [1]


def test_a_negated_sentence_answers_a_yes_no_question_no(empty_hub):
    article = build_article(("Bãi xe thu phí từ 7h đến 22h.", "Không thu phí đối với xe đạp của học sinh."), language="vi")
    ask = Intent(IntentKind.ASK, language="vi", question="có đúng là thu phí cả xe đạp không?")
    final = list(answer_question(article, ask, empty_hub))[-1]
    assert final.text == reply("claim_denied", "vi") and [s.index for s in final.evidence] == [1]


_STORY = Article.from_paragraphs([
    ["Chiều 14/3, một xe khách chở 30 người lật xuống vực trên đèo Khánh Lê ở tỉnh Khánh Hòa.",
     "Lực lượng cứu hộ đã đưa các hành khách ra ngoài sau hơn hai giờ."],
    ["Tài xế cho biết xe bị mất phanh khi xuống dốc.", "Cơ quan chức năng đang điều tra nguyên nhân."],
], title="Xe khách lật trên đèo Khánh Lê")


@pytest.mark.parametrize(("question", "quoted"), [
    ("Sự việc xảy ra khi nào?", "Chiều 14/3"),
    ("vu viec xay ra o dau?", "tỉnh Khánh Hòa"),
])
def test_a_question_about_the_story_as_a_whole_is_answered_from_its_lead(empty_hub, question, quoted):
    intent = Intent(IntentKind.ASK, language="vi", question=question, extractive=True)
    final = list(answer_question(_STORY, intent, empty_hub))[-1]
    assert final.evidence and final.evidence[0].index == 0 and quoted in final.evidence[0].text
    # a question naming something the story does not say is not answered from the lead
    other = dataclasses.replace(intent, question="Phiên tòa xét xử tài xế diễn ra khi nào?")
    assert not any(s.index == 0 for s in list(answer_question(_STORY, other, empty_hub))[-1].evidence)


# Written for these tests: a lead whose place stands after "ngoài khơi", not "ở" / "tại".
_WRECK = Article.from_paragraphs([
    ["Rạng sáng 3/5, một tàu cá chở 12 thuyền viên bị chìm ngoài khơi thành phố Sokcho.",
     "Lực lượng tuần duyên đã cứu được 9 người sau nhiều giờ tìm kiếm.",
     "Ba thuyền viên còn lại được đưa về cảng tại Donghae."],
    ["Không có ai thiệt mạng, một thuyền viên bị thương nhẹ ở tay."],
], title="Tàu cá chìm, 12 thuyền viên được cứu")


@pytest.mark.parametrize("question", ["Sự việc xảy ra ở đâu?", "ở đâu?", "tàu chìm ở đâu?"])
def test_the_storys_place_is_found_after_any_place_preposition_in_its_lead(empty_hub, question):
    final = list(answer_question(_WRECK, Intent(IntentKind.ASK, language="vi", question=question, extractive=True),
                                 empty_hub))[-1]
    assert final.evidence and final.evidence[0].index == 0


@pytest.mark.parametrize(("question", "key", "found"), [
    ("Có ai bị thương không?", "exists_yes", "một thuyền viên bị thương nhẹ ở tay"),
    ("Có ai chết không?", "exists_no", "Không có ai thiệt mạng"),
])
def test_whether_anyone_was_hurt_is_answered_yes_or_no_quoting_the_sentence(empty_hub, question, key, found):
    final = list(answer_question(_WRECK, Intent(IntentKind.ASK, language="vi", question=question), empty_hub))[-1]
    assert final.text == reply(key, "vi", found=found)
    assert [s.index for s in final.evidence] == [3] and final.notices == ()


@pytest.mark.parametrize(("question", "key", "claimed"), [
    ("có đúng là ba tàu chiến đi qua eo biển không?", "claim_differs_headline", "ba tàu chiến đi qua eo biển"),
    ("có đúng là hai tàu chiến đi qua eo biển không?", "claim_matches_headline", ""),
])
def test_a_claim_on_a_figure_in_words_only_the_headline_gives_is_checked_not_quoted(empty_hub, question, key, claimed):
    # Written for this test. "Hai" in the headline is a figure: "ba tàu" is a No, not the headline quoted as if a yes.
    article = Article.from_text("Hai tàu chiến đi qua eo biển phía nam\n\n"
                                "Hạm đội cho biết chuyến đi diễn ra trong hai ngày cuối tuần qua.\n\n"
                                "Các tàu đi qua vùng biển quốc tế theo đúng luật hàng hải, người phát ngôn nói.")
    final = list(answer_question(article, Intent(IntentKind.ASK, language="vi", question=question), empty_hub))[-1]
    values = {"found": "Hai tàu chiến đi qua eo biển", "title": article.title} | ({"claimed": claimed} if claimed else {})
    assert "headline_answer" not in [n.key for n in final.notices]
    assert final.text == reply(key, "vi", **values)
