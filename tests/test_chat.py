"""The chat turn end to end, offline: real ingestion, routing, retrieval and extractive engine.

No model weights exist on this machine, so every model-backed task must fall back (summaries,
answers) or explain how to get the model (translation). Tiny-model runs live in test_app.py.
"""
import pytest

from bot.chat import ChatSession, refine_summary, respond
from bot.intent import Intent, IntentKind, Length
from bot.service import Tinbot
from bot.settings import Settings
from tests.helpers import fixture_article


@pytest.fixture(scope="module")
def offline_bot(tmp_path_factory):
    cache = tmp_path_factory.mktemp("hf-cache")
    return Tinbot(Settings.from_env({}, offline=True, cache_dir=str(cache)))


def turn(bot, message, session=None, article_box=""):
    """Run one turn; return (list of streamed replies, final session)."""
    session = session or ChatSession()
    replies = []
    for text, session in respond(message, session, bot, article_box):
        replies.append(text)
    return replies, session


def with_article(bot, name="vi-clutter"):
    _, session = turn(bot, fixture_article(name))
    return session


def test_pasted_article_is_acknowledged_with_its_metadata(offline_bot):
    replies, session = turn(offline_bot, fixture_article("vi-clutter"))
    ack = replies[-1]
    assert "Đà Nẵng khởi công tuyến đường ven biển nối Hội An" in ack
    assert "11/03/2025" in ack and "baodanang.vn" in ack and "tiếng Việt" in ack
    assert "Đã bỏ" in ack  # clutter lines were left out, and the reply says so
    assert "tóm tắt" in ack.lower()  # next steps offered
    assert session.article is not None and session.article.title.startswith("Đà Nẵng")
    assert all("lượt xem" not in s.text for s in session.article.sentences)


def test_offline_summary_is_extractive_and_says_so(offline_bot):
    session = with_article(offline_bot)
    replies, _ = turn(offline_bot, "tóm tắt bài này", session)
    final = replies[-1]
    assert "UBND TP. Đà Nẵng tổ chức lễ khởi công tuyến đường ven biển" in final
    assert "lượt xem" not in final and "Minh Anh" not in final.split("\n")[0]
    assert "trích câu" in final  # the engine footer names the extractive engine
    assert "hf download VietAI/vit5-base-vietnews-summarization" in final


def test_offline_answer_quotes_the_sentence_it_rests_on(offline_bot):
    session = with_article(offline_bot)
    replies, _ = turn(offline_bot, "Ai là Giám đốc Sở Giao thông vận tải?", session)
    final = replies[-1]
    assert "Lê Văn Hòa" in final
    assert "Bài báo viết:" in final and "> " in final and "*(đoạn " in final
    assert final.count("Lê Văn Hòa") == 1  # the extractive answer is quoted once, not twice


def test_english_question_without_a_translator_says_what_is_missing_in_english(offline_bot):
    session = with_article(offline_bot)
    replies, _ = turn(offline_bot, "How long is the coastal road?", session)
    final = replies[-1]
    assert "Please ask in Vietnamese" in final
    assert "hf download VietAI/envit5-translation" in final
    assert "does not say" not in final  # we could not read the question; that is not the article's fault


def test_english_question_on_an_english_article_is_answered_in_english(offline_bot):
    session = with_article(offline_bot, "en-reuters")
    replies, _ = turn(offline_bot, "How much did exports of electronics and components reach?", session)
    assert "$19.5 billion" in replies[-1]
    assert "The article says:" in replies[-1] and "Engine" in replies[-1]


def test_offline_translation_explains_how_to_get_the_model(offline_bot):
    session = with_article(offline_bot)
    replies, _ = turn(offline_bot, "dịch sang tiếng Anh", session)
    final = replies[-1]
    assert "hf download VietAI/envit5-translation" in final
    assert "TINBOT_TRANSLATE_MODEL=" in final


def test_request_before_any_article_asks_for_one(offline_bot):
    replies, session = turn(offline_bot, "tóm tắt giúp mình")
    assert "dán một bài báo" in replies[-1]
    assert session.article is None
    replies, _ = turn(offline_bot, "who led the delegation?")
    assert "paste a news article" in replies[-1]


@pytest.mark.parametrize("message", ["", "   ", "\n\t"])
def test_empty_message_gets_a_hint(offline_bot, message):
    replies, _ = turn(offline_bot, message)
    assert replies == ["Tin nhắn trống. Hãy dán một bài báo hoặc gõ yêu cầu, ví dụ **tóm tắt**."]


def test_instruction_and_article_in_one_message(offline_bot):
    replies, session = turn(offline_bot, "Tóm tắt bài sau:\n" + fixture_article("vi-plain"))
    final = replies[-1]
    assert "Đã nhận bài" in final and "---" in final  # acknowledgement, then the summary
    assert session.article is not None
    assert "Hội Liên hiệp Phụ nữ Việt Nam tổ chức chương trình gặp mặt 200 nữ doanh nhân" in final


def test_a_new_article_replaces_the_old_one(offline_bot):
    session = with_article(offline_bot, "vi-clutter")
    replies, session = turn(offline_bot, fixture_article("en-reuters"), session)
    assert "Bài mới đã thay" in replies[-1] or "replaces the previous one" in replies[-1]
    assert session.article.language == "en"


def test_article_box_is_used_by_the_chat(offline_bot):
    replies, session = turn(offline_bot, "tóm tắt", article_box=fixture_article("vi-clutter"))
    assert "Đã nhận bài" in replies[-1] and "UBND TP. Đà Nẵng" in replies[-1]
    # The same box text on the next turn is not a new article.
    replies, session = turn(offline_bot, "tóm tắt", session, article_box=fixture_article("vi-clutter"))
    assert "Đã nhận bài" not in replies[-1]


def test_too_long_message_is_refused_with_the_limit(offline_bot):
    limit = offline_bot.settings.limits.max_message_chars
    replies, session = turn(offline_bot, "chữ " * (limit // 4 + 10))
    assert replies == [f"Tin nhắn dài quá {limit} ký tự nên mình không xử lý được. Hãy gửi bài ngắn hơn."]
    assert session.article is None


def test_script_in_an_article_is_shown_as_text(offline_bot):
    hostile = fixture_article("vi-plain").replace("\n\n", "\n\n<script>alert('x')</script> <img src=x onerror=alert(1)>\n\n", 1)
    replies, session = turn(offline_bot, hostile)
    replies, _ = turn(offline_bot, "tóm tắt chi tiết", session)
    for reply_text in replies:
        assert "<script" not in reply_text and "<img" not in reply_text


def test_a_failing_task_becomes_a_short_error_and_the_next_turn_works(offline_bot, monkeypatch, caplog):
    import bot.service

    session = with_article(offline_bot)

    def broken(article, intent, hub):
        raise RuntimeError("engine exploded")
        yield  # pragma: no cover - makes this a generator like the real tasks

    monkeypatch.setitem(bot.service.TASKS, IntentKind.SUMMARIZE, broken)
    replies, session = turn(offline_bot, "tóm tắt", session)
    assert "Có lỗi khi xử lý" in replies[-1] and "engine exploded" not in replies[-1]
    assert "engine exploded" in caplog.text  # the log keeps the details
    monkeypatch.undo()
    replies, _ = turn(offline_bot, "ai là Giám đốc Sở Giao thông vận tải?", session)
    assert "Lê Văn Hòa" in replies[-1]


def test_shorter_follows_the_previous_summary(offline_bot):
    session = with_article(offline_bot)
    first, session = turn(offline_bot, "tóm tắt chi tiết", session)
    shorter, session = turn(offline_bot, "ngắn hơn nữa", session)
    body = lambda text: text.split("ℹ️")[0]
    assert len(body(shorter[-1])) < len(body(first[-1]))
    assert session.last_summary.length is Length.NORMAL


@pytest.mark.parametrize(
    "previous, refine, expected",
    [
        (None, "shorter", (Length.SHORT, None)),
        (Intent(IntentKind.SUMMARIZE, length=Length.SHORT), "shorter", (Length.SHORT, 1)),
        (Intent(IntentKind.SUMMARIZE, sentences=3), "shorter", (Length.SHORT, 2)),
        (Intent(IntentKind.SUMMARIZE, length=Length.NORMAL), "longer", (Length.DETAILED, None)),
        (Intent(IntentKind.SUMMARIZE, sentences=1, length=Length.SHORT), "longer", (Length.NORMAL, 2)),
    ],
)
def test_refine_is_resolved_against_the_previous_request(previous, refine, expected):
    resolved = refine_summary(Intent(IntentKind.SUMMARIZE, refine=refine), previous)
    assert (resolved.length, resolved.sentences) == expected and resolved.refine is None
