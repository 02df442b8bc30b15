import pytest

from bot.prompts import LANGUAGES, PromptError, fields_of, keys, render, reply

# Notice keys the tasks emit (bot/tasks) with the fields they pass; each must render in both languages.
NOTICES = {
    "summary_more_points": {},
    "summary_nothing_more": {},
    "summary_rest_points": {},
    "roundup": {"count": 4},
    "age_not_given": {"who": "Khashoggi"},
    "age_not_given_anyone": {},
    "model_loading": {"task": "t", "model": "m"},
    "model_progress": {"step": "downloading x", "percent": "42%"},
    "model_language": {"language": "en"},
    "model_broken": {"task": "t", "model": "m", "env": "E"},
    "model_missing": {"task": "t", "model": "m", "command": "c", "env": "E"},
    "model_missing_extractive": {"task": "t", "model": "m", "command": "c", "env": "E"},
    "model_folder_missing": {"task": "t", "model": "m", "env": "E"},
    "used_extractive": {},
    "used_extractive_trimmed": {},
    "used_extractive_headline": {},
    "used_extractive_headline_only": {},
    "used_extractive_headline_trimmed": {},
    "fewer_points": {"count": 2, "asked": 5},
    "points_capped": {"limit": 12, "asked": 100},
    "nothing_more": {},
    "summary_translated": {},
    "guard_flagged": {"items": "1.500"},
    "not_in_article": {},
    "headline_answer": {"title": "Xe khách lật trên đèo Bảo Lộc, 12 người bị thương"},
    "headline_says": {"title": "14 binh sĩ gìn giữ hòa bình bị sát hại ở Congo"},
    "no_number_in_article": {},
    "no_time_in_article": {},
    "no_score_in_article": {},
    "not_mentioned": {"items": "Cầu Rồng"},
    "article_date": {"date": "07/11/2021"},
    "article_source": {"source": "nhandan.vn"},
    "article_no_date": {},
    "article_author": {"author": "Minh Anh"},
    "article_no_author": {},
    "document_date": {"document": "Thông tư 12/2026/TT-BTC", "date": "15/03/2026"},
    "document_source": {"document": "Thông tư 12/2026/TT-BTC", "source": "BỘ TÀI CHÍNH"},
    "document_number": {"document": "Thông tư 12/2026/TT-BTC"},
    "article_no_source": {},
    "not_mentioned_closest": {"items": "Cầu Rồng"},
    "not_mentioned_answer": {"items": "Cầu Rồng"},
    "question_too_vague": {},
    "mentioned_answer": {"items": "Sài Gòn"},
    "mentioned_where": {"items": "Sài Gòn"},
    "already_in_language": {"language": "vi"},
    "paragraph_out_of_range": {"paragraph": 9, "count": 3},
    "paragraph_out_of_range_one": {"paragraph": 2},
    "fewer_points_one": {"asked": 5},
    "summary_over_words": {"words": 42, "limit": 30},
    "topic_not_in_article": {"topic": "Cà Mau"},
    "section_missing": {"section": "Điều 20", "first": 1, "last": 13},
    "clause_missing": {"section": "Điều 4", "clause": 9},
    "answer_untranslated": {},
    "summary_untranslated": {},
    "ask_in_article_language": {"language": "vi"},
    "story_not_in_lead": {"language": "vi"},
    "translate_unavailable": {"language": "vi"},
    "topic_other_language": {"topic": "oxygen", "language": "vi"},
    # a question in the other language checked on its figures alone (bot.tasks.answer._figure_check)
    "figure_in_article": {"figures": "12.5"},
    "figure_not_in_article": {"figures": "50"},
    "figure_in_headline": {"figures": "44", "title": "Tàu ngầm mất tích cùng 44 thủy thủ"},
    "figure_not_said": {"figures": "9"},
    # claim verdicts (bot.claims, bot.tasks.answer._checked_claim): the answer's text, with their fields
    "claim_unsure": {"found": "1.800 người", "claimed": "1.800 công chức"},
    "claim_differs_other": {"found": "3 người chết", "claimed": "12 người chết", "number": "12", "counted": "người bị thương"},
    "claim_not_said": {"found": "10 người còn lại đã tử vong", "claimed": "20 cầu thủ chết"},
    "claim_not_said_other": {"found": "hai mỏ dầu", "claimed": "3 mỏ dầu", "number": "ba", "counted": "vùng dân cư"},
    "claim_differs_said": {"found": "4,2%", "claimed": "1,5%", "number": "1,5%", "context": "kinh tế tăng trưởng 1,5%"},
    "claim_not_said_said": {"found": "9 thành viên", "claimed": "40 thành viên", "number": "40",
                            "context": "cung cấp 40 phiếu cần thiết"},
    "claim_denied": {},
    "claim_confirmed": {},
    "exists_yes": {"found": "khiến 2 người bị thương"},
    "exists_no": {"found": "không có ai bị thương"},
    "claim_matches_headline": {"found": "1 người chết", "title": "Tai nạn trên đèo, 1 người chết"},
    "claim_reported": {},
    "claim_reported_headline": {"title": "Công ty X bị tố lừa đảo 200 khách hàng"},
    "claim_differs_headline": {"found": "1 người chết", "claimed": "2 người chết", "title": "Tai nạn trên đèo, 1 người chết"},
    # the chat's own notices (bot.chat)
    "article_closed": {},
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", sorted(NOTICES))
def test_every_notice_renders_in_both_languages(key, language):
    text = reply(key, language, **NOTICES[key])
    assert text.strip()
    for value in NOTICES[key].values():
        assert str(value) in text


def test_missing_and_unused_fields_fail_loudly():
    with pytest.raises(PromptError, match="needs fields \\['limit'\\], got \\[\\]"):
        reply("message_too_long", "vi")
    with pytest.raises(PromptError, match="got \\['extra', 'limit'\\]"):
        reply("message_too_long", "en", limit=5, extra=1)
    with pytest.raises(PromptError, match="no \\[vi\\] nonexistent"):
        reply("nonexistent", "vi")


def test_answer_prompt_carries_question_and_evidence():
    assert fields_of("a {x} b {y}") == {"x", "y"}
    for language in LANGUAGES:
        prompt = render("answer", "question", language, evidence="EVIDENCE-TEXT", question="QUESTION-TEXT")
        assert prompt.index("EVIDENCE-TEXT") < prompt.index("QUESTION-TEXT")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_count_of_one_is_said_in_the_singular(language):
    one = reply("paragraph_out_of_range", language, paragraph=2, count=1)
    assert one == reply("paragraph_out_of_range_one", language, paragraph=2) and "1" not in one
    assert "3" in reply("paragraph_out_of_range", language, paragraph=5, count=3)
    assert reply("fewer_points", language, count=1, asked=3) == reply("fewer_points_one", language, asked=3)
    assert reply("ack_removed", language, count=1) == reply("ack_removed_one", language)
    assert reply("article_too_short", language, words=1) == reply("article_too_short_one", language)
    assert "1 paragraphs" not in one and "1 words" not in reply("meta_size", language, words=1, paragraphs=1, sentences=1)


def test_replies_are_in_the_language_asked_for():
    assert "Bạn" in reply("need_article", "vi") and "Please" in reply("need_article", "en")
    assert keys("replies") >= set(NOTICES)
    assert reply("greeting", "fr") == reply("greeting", "en")  # other languages fall back to English


def test_common_languages_are_named_not_coded():
    from bot.reply import language_name

    assert language_name("fr", "vi") == "tiếng Pháp" and language_name("zh-cn", "en") == "Chinese"
    assert language_name("xx", "en") == reply("language_other", "en", code="xx")


def test_large_numbers_are_written_as_each_language_writes_them():
    assert "120.000 ký tự" in reply("message_too_long", "vi", limit=120_000)
    assert "120,000 characters" in reply("message_too_long", "en", limit=120_000)
    assert "2000 ký tự" in reply("message_too_long", "vi", limit=2000)   # a short number, or a year, stays as it is


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_language_that_could_not_be_told_is_named_in_words_not_by_its_code(language):
    from bot.reply import language_name

    assert "unknown" not in language_name("unknown", language)
    assert "(xx)" in language_name("xx", language)   # a real code without a name is still shown as such
