"""The chat turn end to end, offline: real ingestion, routing, retrieval and extractive engine.

No model weights exist on this machine, so every model-backed task must fall back (summaries,
answers) or explain how to get the model (translation). Tiny-model runs live in test_app.py.
"""
import re

import pytest

from bot.chat import LONGER_POINTS, ChatSession, noting_box, refine_summary, respond, with_options
from bot.followup import answering_person, follow_up, people_by_mentions, people_named
from bot.intent import Intent, IntentKind, Length
from bot.prompts import reply
from bot.reply import article_label
from bot.route import route
from bot.service import Tinbot
from bot.settings import Settings
from tests.helpers import fixture_article


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
    replies, session = turn(offline_bot, "How long is the coastal road?", session)
    final = replies[-1]
    assert "asking in Vietnamese" in final
    assert "hf download VietAI/envit5-translation" in final
    assert "does not say" not in final  # we could not read the question; that is not the article's fault
    # it says what does work without the model, in English
    assert "*who is involved?*" in final and "**summarize**" in final and "naming a person, place or number" in final
    # each refusal stands on its own: nothing "below" or "in the earlier message" to look for
    replies, _ = turn(offline_bot, "Why is the road being built?", session)
    again = replies[-1]
    assert "asking in Vietnamese" in again and "hf download VietAI/envit5-translation" in again
    assert not re.search(r"shown below|earlier message", final + again)


@pytest.mark.parametrize("question", ["when did this happen?", "who is involved?", "When was this?",
                                      "who is the article about?"])
def test_story_questions_in_english_are_answered_like_their_vietnamese_forms(offline_bot, question):
    """"when did this happen?" needs no translation model: its answer is the lead sentence that
    "Sự việc xảy ra khi nào?" quotes, framed in English."""
    session = with_article(offline_bot)
    vietnamese = turn(offline_bot, "Sự việc xảy ra khi nào?", session)[0][-1]
    lead = "Sáng 11/3, UBND TP. Đà Nẵng tổ chức lễ khởi công"
    assert lead in vietnamese
    replies, _ = turn(offline_bot, question, session)
    assert replies[-1].startswith("The article says:") and lead in replies[-1]
    assert "can't read" not in replies[-1]


@pytest.mark.parametrize("question", ["Vụ việc xảy ra ở nước nào?", "Sự việc xảy ra ở đâu?"])
def test_where_the_story_happened_comes_from_the_headline_when_the_lead_does_not_say(offline_bot, question):
    _, session = turn(offline_bot, "Ba nhà báo bị bắt giữ ở Myanmar\n\nCác phóng viên bị bắt khi đang đưa tin về cuộc biểu tình "
                                   "của công nhân. Tổ chức bảo vệ nhà báo kêu gọi trả tự do cho họ ngay lập tức. Gia đình "
                                   "các phóng viên chưa được phép thăm gặp.")
    assert turn(offline_bot, question, session)[0][-1].startswith(reply("headline_says", "vi", title="Ba nhà báo bị bắt giữ ở Myanmar"))


def test_a_story_question_the_lead_does_not_answer_says_so_not_that_it_cannot_be_read(offline_bot):
    _, session = turn(offline_bot, "Giá vàng tăng mạnh đầu tuần\n\nGiá vàng miếng sáng thứ Hai tăng thêm 500.000 đồng "
                                   "mỗi lượng so với cuối tuần trước. Giới đầu tư cho rằng giá còn biến động mạnh. "
                                   "Nhiều người mua vàng nhẫn để tích trữ.")
    assert "Bài báo không nói" in turn(offline_bot, "Sự việc xảy ra ở đâu?", session)[0][-1]  # no place in the lead
    replies, _ = turn(offline_bot, "where did it happen?", session)
    assert replies[-1].startswith(reply("story_not_in_lead", "en", language="Vietnamese"))


def test_an_english_claim_with_a_figure_is_checked_on_the_figure_alone(offline_bot):
    session = with_article(offline_bot)
    replies, _ = turn(offline_bot, "is it true that the road is 12.5 km long?", session)
    final = replies[-1]
    # "12.5" is the article's "12,5": the sentences holding it are quoted, with no verdict
    assert final.startswith(reply("figure_in_article", "en", figures="12.5"))
    assert "> Sáng 11/3, UBND TP. Đà Nẵng" in final and "dài 12,5 km" in final
    assert not re.search("✅|❌|Based on", final)
    replies, _ = turn(offline_bot, "were 9 lanes built?", session)
    assert replies[-1] == reply("figure_not_said", "en", figures="9")


def test_a_topic_in_english_on_a_vietnamese_article_is_not_called_absent(offline_bot):
    session = with_article(offline_bot)  # it says "6 làn xe": lanes, in Vietnamese
    replies, _ = turn(offline_bot, "summarize the part about lanes", session)
    assert replies[-1] == reply("topic_other_language", "en", topic="lanes", language="Vietnamese")
    # a name reads the same in both languages: one the article lacks is absent
    replies, _ = turn(offline_bot, "summarize the part about Hanoi", session)
    assert replies[-1] == reply("topic_not_in_article", "en", topic="Hanoi")


@pytest.mark.parametrize("message, language, framing", [
    ("can you answer in English please?", "en", "The article says:"),
    ("please reply in English", "en", "The article says:"),
    ("trả lời bằng tiếng Việt nhé", "vi", "Bài báo viết:"),
])
def test_asking_for_replies_in_a_language_sets_the_reply_language(offline_bot, message, language, framing):
    session = with_options(with_article(offline_bot), "normal", "auto")
    turn(offline_bot, "dịch sang tiếng Anh", session)  # the translation model is looked for: it is missing
    replies, session = turn(offline_bot, message, session)
    assert replies[-1].startswith(reply("reply_language_set", language, language="English" if language == "en" else "tiếng Việt"))
    assert session.reply_language == language
    if language == "en":  # no translator: what is quoted stays Vietnamese, and the reply says so
        assert reply("reply_language_untranslated", "en", article="Vietnamese") in replies[-1]
    # the page sends its unchanged option with the next turn: the language asked for stays
    session = with_options(session, "normal", "auto")
    replies, _ = turn(offline_bot, "Ai là Giám đốc Sở Giao thông vận tải?", session)
    assert replies[-1].startswith(framing) and "Lê Văn Hòa" in replies[-1]
    # a change of the page's option wins again
    other = "vi" if language == "en" else "en"
    assert with_options(session, "normal", other).reply_language == other


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


def test_missing_model_instructions_come_once_per_session_then_in_one_line(offline_bot):
    session = with_article(offline_bot)
    first, session = turn(offline_bot, "dịch sang tiếng Anh", session)
    second, session = turn(offline_bot, "dịch sang tiếng Anh", session)
    third, session = turn(offline_bot, "tóm tắt", session)
    assert "hf download VietAI/envit5-translation" in first[-1]
    # the one line still says how to get it (the first message may be far above), not the whole block
    assert "hf download VietAI/envit5-translation" in second[-1] and "TINBOT_TRANSLATE_MODEL=" not in second[-1]
    assert "tin nhắn trước" not in second[-1]
    # and both say plainly first what still works
    plain = reply("translate_unavailable", "vi", language="tiếng Việt")
    assert first[-1].startswith(plain) and second[-1].startswith(plain)
    # another task's model is another notice: its instructions still come once in full
    assert "hf download VietAI/vit5-base-vietnews-summarization" in third[-1]
    fresh, _ = turn(offline_bot, "dịch sang tiếng Anh", with_article(offline_bot))
    assert "hf download VietAI/envit5-translation" in fresh[-1]  # a new session is told in full


@pytest.mark.parametrize("message, task, says", [("tóm tắt", "SUMMARIZE", "chế độ trích câu có sẵn"),
                                                 ("dịch sang tiếng Anh", "TRANSLATE", "trên máy này")])
def test_a_missing_model_is_one_line_in_the_chat_with_the_commands_folded_under_it(offline_bot, message, task, says):
    # On a phone three lines of commands push the answer off the screen: they fold under one line.
    final = turn(offline_bot, message, with_article(offline_bot))[0][-1]
    folded = re.search(r"\n<details><summary>Cách tải mô hình</summary>\n(.*?)\n</details>", final, re.S)
    assert folded and "hf download VietAI/" in folded.group(1) and f"TINBOT_{task}_MODEL=" in folded.group(1)
    shown = final.replace(folded.group(0), "")
    assert "hf download" not in shown and f"TINBOT_{task}_MODEL" not in shown
    (line,) = [line for line in shown.splitlines() if "Chưa có mô hình" in line]
    assert says in line and "README" in line and "bên dưới" in line
    assert shown.count("chưa dịch được") <= 1  # the translation refusal's plain sentence says it once


def test_a_missing_local_model_folder_is_said_to_be_missing_not_to_be_downloaded(tmp_path):
    folder = str(tmp_path / "khong-co")
    bot = Tinbot(Settings.from_env({"TINBOT_TRANSLATE_MODEL": folder}, offline=True, cache_dir=str(tmp_path / "cache")))
    session = with_article(bot)
    first, session = turn(bot, "dịch sang tiếng Anh", session)
    second, _ = turn(bot, "dịch sang tiếng Anh", session)
    assert f"Không có thư mục mô hình dịch `{folder}`" in first[-1] and "TINBOT_TRANSLATE_MODEL" in first[-1]
    assert "hf download" not in first[-1]
    # once in full, then one line, which still names the setting to fix
    plain = reply("translate_unavailable", "vi", language="tiếng Việt")
    assert second[-1] == f"{plain}\n\nℹ️ Vẫn không có thư mục mô hình dịch `{folder}`: hãy đặt `TINBOT_TRANSLATE_MODEL` tới một thư mục mô hình có sẵn."


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


def test_emptying_the_article_box_that_showed_the_article_closes_it(offline_bot):
    _, session = turn(offline_bot, "tóm tắt", article_box=fixture_article("vi-clutter"))
    session = noting_box(session, session.article_text)   # the page shows the article in the box
    opened = session.article
    replies, session = turn(offline_bot, "tóm tắt", session, article_box="")   # selected all and deleted
    assert replies[-1].startswith(reply("article_closed", "vi")) and reply("need_article", "vi") in replies[-1]
    assert session.article is None and session.article_text == "" and session.previous_article == opened
    # closed once: the next turn with the box still empty just has no article
    assert turn(offline_bot, "tóm tắt", session)[0][-1] == reply("need_article", "vi")
    # a Send with nothing typed gets the notice alone; the chosen reply language is followed
    _, session = turn(offline_bot, fixture_article("vi-clutter"), with_options(ChatSession(), "normal", "en"))
    replies, session = turn(offline_bot, "", noting_box(session, session.article_text), article_box="  \n")
    assert replies[-1] == reply("article_closed", "en") and session.article is None


def test_an_article_pasted_in_the_chat_stays_open_with_the_box_empty(offline_bot):
    # An API client (or a page whose box never showed it) sends an empty box every turn.
    session = with_article(offline_bot)
    replies, session = turn(offline_bot, "tóm tắt", session, article_box="")
    assert session.article is not None and reply("article_closed", "vi") not in replies[-1]
    assert "UBND TP. Đà Nẵng tổ chức lễ khởi công" in replies[-1]
    # the box showing something else (text refused as no article) is no open article to close
    assert noting_box(session, "abc").box_shows_article is False
    assert noting_box(session, session.article_text + "\n").box_shows_article is True


@pytest.mark.parametrize("box", ["abc", "😀😀😀", "Hà Nội", "  12/11 – 3.000  "])
def test_a_word_or_two_in_the_article_box_is_no_article_and_is_refused_once(offline_bot, box):
    words = offline_bot.settings.limits.min_article_words
    replies, session = turn(offline_bot, "tóm tắt", article_box=box)
    assert replies[-1].startswith(reply("article_box_too_short", "vi", words=words))
    assert session.article is None and reply("need_article", "vi") in replies[-1]
    replies, session = turn(offline_bot, "tóm tắt", session, article_box=box)   # still there next turn
    assert replies[-1] == reply("need_article", "vi")   # not refused again
    replies, session = turn(offline_bot, "tóm tắt", session, article_box=fixture_article("vi-clutter"))
    assert "Đã nhận bài" in replies[-1] and session.ignored_box == ""


def test_a_link_in_the_article_box_opens_the_page_it_links_to(news_server, tmp_path):
    bot = Tinbot(Settings.from_env({"TINBOT_ALLOW_PRIVATE_URLS": "1"}, offline=True, cache_dir=str(tmp_path)))
    replies, session = turn(bot, "Thành phố đầu tư bao nhiêu tiền?", article_box=f"  {news_server}\n")
    assert replies[0] == reply("fetching", "vi")
    assert "Hội An mở phố đi bộ mới" in replies[-1] and "25 tỷ đồng" in replies[-1]
    assert "phố đi bộ Nguyễn Phúc Chu" in session.article_text   # the box now shows the page's text
    replies, _ = turn(bot, "tóm tắt", session, article_box=session.article_text)
    assert "Đã nhận bài" not in replies[-1]


def test_a_refused_link_in_the_article_box_says_why(offline_bot, news_server):
    replies, session = turn(offline_bot, "tóm tắt", article_box=news_server)
    assert replies[-1] == "Vì an toàn, mình không mở liên kết tới địa chỉ nội bộ hoặc địa chỉ riêng."
    assert session.article is None


def test_text_over_the_length_limit_is_kept_in_the_box_only_as_far_as_it_was_read(tmp_path):
    bot = Tinbot(Settings.from_env({}, offline=True, cache_dir=str(tmp_path), limits={"max_article_chars": 400}))
    long_text = "\n\n".join([fixture_article("vi-clutter")] * 20)
    _, session = turn(bot, "tóm tắt", article_box=long_text)
    assert session.article_cut_at and len(session.article_text) <= 400
    assert long_text.startswith(session.article_text)
    replies, again = turn(bot, "tóm tắt", session, article_box=session.article_text)  # the box as shown
    assert again.article is session.article and "Đã nhận bài" not in replies[-1]


def test_pasted_page_source_is_kept_as_its_text(offline_bot):
    _, session = turn(offline_bot, "tóm tắt", article_box=NEWS_PAGE)
    assert "<" not in session.article_text and "phố đi bộ Nguyễn Phúc Chu" in session.article_text


def test_too_long_message_is_refused_with_the_limit(offline_bot):
    limit = offline_bot.settings.limits.max_message_chars
    replies, session = turn(offline_bot, "chữ " * (limit // 4 + 10))
    assert replies == [reply("message_too_long", "vi", limit=limit)] and f"{limit:,}".replace(",", ".") in replies[0]
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
    secret_tail = "chi tiết riêng tư không được ghi vào nhật ký"
    replies, session = turn(offline_bot, "tóm tắt " + "x" * 200 + secret_tail, session)
    assert "Có lỗi khi xử lý" in replies[-1] and "engine exploded" not in replies[-1]
    assert "engine exploded" in caplog.text  # the log keeps the details...
    assert secret_tail not in caplog.text  # ...but only a short excerpt of what the user wrote
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


def test_longer_than_the_detailed_summary_adds_sentences():
    # "dài hơn" after "chi tiết hơn" (6 sentences shown): the longest length, then more sentences.
    detailed = Intent(IntentKind.SUMMARIZE, length=Length.DETAILED)
    resolved = refine_summary(Intent(IntentKind.SUMMARIZE, refine="longer"), detailed, shown=6)
    assert (resolved.length, resolved.sentences) == (Length.DETAILED, 6 + LONGER_POINTS)
    again = refine_summary(Intent(IntentKind.SUMMARIZE, refine="longer"), resolved, shown=8)
    assert again.sentences == 8 + LONGER_POINTS   # and as many again each time


def test_longer_after_the_detailed_summary_is_longer_until_the_article_ends(offline_bot):
    session = with_article(offline_bot)
    replies, session = turn(offline_bot, "tóm tắt chi tiết", session)
    shown = session.last_summary_points
    replies, session = turn(offline_bot, "dài hơn", session)
    assert session.last_summary_points == shown + LONGER_POINTS <= len(session.article.sentences)
    assert reply("summary_longest", "vi") not in replies[-1]
    replies, session = turn(offline_bot, "dài hơn", session)   # the article has no more sentences
    assert reply("summary_longest", "vi") in replies[-1]


NEWS_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Hội An mở phố đi bộ mới</title></head>
<body><nav>Trang chủ | Thời sự | Du lịch</nav><article><h1>Hội An mở phố đi bộ mới</h1>
<p>Tối 2/9, UBND TP. Hội An chính thức đưa vào hoạt động phố đi bộ Nguyễn Phúc Chu dài 800 m ven sông Hoài.</p>
<p>Theo lãnh đạo thành phố, tuyến phố sẽ mở cửa từ 16h đến 23h mỗi ngày, cấm xe máy và ô tô trong thời gian này.</p>
<p>Ông Nguyễn Văn Sơn, Chủ tịch UBND TP. Hội An, cho biết thành phố đầu tư 25 tỷ đồng để chỉnh trang vỉa hè và hệ thống chiếu sáng.</p>
</article><footer>Bản quyền thuộc về tòa soạn</footer></body></html>"""


@pytest.fixture
def news_server():
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = NEWS_PAGE.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/tin/pho-di-bo.html"
    server.shutdown()


def test_a_link_with_a_request_fetches_the_article_then_answers(news_server, tmp_path):
    bot = Tinbot(Settings.from_env({"TINBOT_ALLOW_PRIVATE_URLS": "1"}, offline=True, cache_dir=str(tmp_path)))
    replies, session = turn(bot, f"tóm tắt {news_server} giúp mình")
    assert replies[0] == "🔗 Đang tải bài từ liên kết…"
    final = replies[-1]
    assert "Hội An mở phố đi bộ mới" in final  # acknowledged with the page's title
    assert "phố đi bộ Nguyễn Phúc Chu dài 800 m" in final  # then summarized
    assert "Trang chủ" not in final and "Bản quyền" not in final
    replies, _ = turn(bot, "Thành phố đầu tư bao nhiêu tiền?", session)
    assert "25 tỷ đồng" in replies[-1]


def test_links_to_local_addresses_are_refused_by_default(offline_bot, news_server):
    replies, session = turn(offline_bot, news_server)
    assert replies[-1] == "Vì an toàn, mình không mở liên kết tới địa chỉ nội bộ hoặc địa chỉ riêng."
    assert session.article is None


def test_an_uploaded_file_becomes_the_article(offline_bot, tmp_path):
    from bot.chat import load_upload

    upload = tmp_path / "bai-bao.txt"
    upload.write_text(fixture_article("vi-clutter"), encoding="utf-8")
    ack, box, session = load_upload(str(upload), ChatSession(), offline_bot)
    assert "Đà Nẵng khởi công tuyến đường ven biển" in ack and box == session.article_text
    junk = tmp_path / "anh.txt"
    junk.write_bytes(bytes(range(256)) * 10)
    message, box, same = load_upload(str(junk), session, offline_bot)
    assert message.startswith("Không đọc được nội dung tệp") and same is session
    tiny = tmp_path / "abc.txt"
    tiny.write_text("abc", encoding="utf-8")
    message, box, same = load_upload(str(tiny), session, offline_bot)
    assert message == reply("upload_too_short", "vi", words=offline_bot.settings.limits.min_article_words)
    assert same is session and box == session.article_text


def test_uploads_are_acknowledged_in_the_chosen_reply_language(offline_bot, tmp_path):
    from bot.chat import load_upload

    upload = tmp_path / "bai-bao.txt"
    upload.write_text(fixture_article("vi-clutter"), encoding="utf-8")
    ack, _, _ = load_upload(str(upload), with_options(ChatSession(), "normal", "en"), offline_bot)
    assert ack.startswith("📰") and "Language: Vietnamese" in ack


LUC_ARTICLE = """Ông Lê Văn Lực nhận giải thưởng sáng tạo năm 2026

Ông Lê Văn Lực, 58 tuổi, là kỹ sư cầu đường ở Quảng Nam.

Năm nay, ông Lực cùng các đồng nghiệp thiết kế cây cầu tre cho học sinh vùng lũ.

Cây cầu dài 40 m, được làm trong hai tháng với chi phí 90 triệu đồng.

Tại lễ trao giải, ông Lực nói rằng giải thưởng thuộc về cả nhóm và người dân trong xã.

Ông Lực nói thêm rằng nhóm sẽ làm thêm ba cây cầu nữa trong năm tới.

Người dân trong xã nói cây cầu giúp các em đi học an toàn hơn trong mùa mưa."""


def test_more_after_a_two_part_answer_never_quotes_a_sentence_again(offline_bot):
    # The two parts are answered by their own best sentences, not the question's top two: "còn gì
    # nữa?" skips the sentences quoted, not a count of the best ones.
    _, session = turn(offline_bot, LUC_ARTICLE)
    quoted: list[str] = []
    for message in ["Ông Lực bao nhiêu tuổi và nói gì?", "còn gì nữa?", "còn gì nữa?"]:
        replies, session = turn(offline_bot, message, session)
        lines = [line for line in replies[-1].splitlines() if line.startswith("> ")]
        assert not set(lines) & set(quoted)
        quoted += lines
    assert len(quoted) >= 3


# --- session options and the remembered result ---------------------------------------------------

def summary_length(bot, session, message="tóm tắt"):
    replies, session = turn(bot, message, session)
    return len(session.last_result.text), session.last_summary.length


def test_options_set_the_default_summary_length(offline_bot):
    session = with_article(offline_bot, "vi-nfd-crlf")
    sizes = {}
    for length in ("short", "normal", "detailed"):
        sizes[length], used = summary_length(offline_bot, with_options(session, length, "auto"))
        assert used is Length(length)
    assert sizes["short"] <= sizes["normal"] < sizes["detailed"]  # a short and a normal summary may be one sentence


def test_a_length_in_the_message_wins_over_the_option(offline_bot):
    session = with_options(with_article(offline_bot, "vi-nfd-crlf"), "short", "auto")
    assert summary_length(offline_bot, session, "tóm tắt chi tiết")[1] is Length.DETAILED
    _, session = turn(offline_bot, "tóm tắt 2 câu", session)
    assert session.last_summary.sentences == 2 and session.last_summary.length is Length.NORMAL


def test_reply_language_option_overrides_the_guess(offline_bot):
    english = with_options(ChatSession(), "normal", "en")
    replies, _ = turn(offline_bot, "tóm tắt giúp mình", english)
    assert "paste a news article" in replies[-1]
    replies, session = turn(offline_bot, fixture_article("vi-clutter"), english)
    assert "Article received" in replies[-1]
    replies, session = turn(offline_bot, "tóm tắt", session)
    assert "_Engine: sentence extraction (no model needed)_" in replies[-1]
    assert session.last_result.language == "en"
    # A question is still read in the language it is written in (here: no translator to read it),
    # and the reply, in the language chosen, says so.
    replies, _ = turn(offline_bot, "How long is the coastal road?", with_options(session, "normal", "vi"))
    assert "hoặc hỏi bằng tiếng Việt" in replies[-1]
    # A Vietnamese question, with English chosen: answered (quoted) with English framing.
    replies, _ = turn(offline_bot, "Con đường ven biển dài bao nhiêu?", session)
    assert "The article says:" in replies[-1]


@pytest.mark.parametrize("length, language", [("tiny", "fr"), (None, None), ("../x", "auto")])
def test_unknown_option_values_fall_back_to_the_defaults(length, language):
    session = with_options(ChatSession(), length, language)
    assert (session.summary_length, session.reply_language) == (Length.NORMAL, "auto")


def test_the_latest_summary_is_remembered_until_a_new_article(offline_bot):
    session = with_options(with_article(offline_bot), "detailed", "en")
    _, session = turn(offline_bot, "tóm tắt", session)
    summary = session.last_result
    assert summary.kind == "summarize" and summary.text.startswith("UBND TP. Đà Nẵng")
    assert summary.title == "Đà Nẵng khởi công tuyến đường ven biển nối Hội An"
    _, session = turn(offline_bot, "Ai là Giám đốc Sở Giao thông vận tải?", session)
    assert session.last_result is summary  # an answer is not a download
    _, session = turn(offline_bot, "dịch sang tiếng Anh", session)
    assert session.last_result is summary  # no translator: nothing new to download
    _, session = turn(offline_bot, fixture_article("en-reuters"), session)
    assert session.last_result is None and session.last_summary is None
    assert (session.summary_length, session.reply_language) == (Length.DETAILED, "en")  # options survive


def test_unticking_a_model_runs_that_task_by_extraction_even_when_the_model_is_there(tiny_hub):
    from bot.chat import with_options

    bot = Tinbot(tiny_hub.settings, hub=tiny_hub)
    session = with_article(bot, "vi-plain")
    with_model, _ = turn(bot, "tóm tắt", session)
    assert "transformers" in with_model[-1]
    session = with_options(session, "normal", "auto", ["answer"])
    extracted, session = turn(bot, "tóm tắt", session)
    assert "trích câu" in extracted[-1] and "transformers" not in extracted[-1]
    assert "hf download" not in extracted[-1]
    answered, _ = turn(bot, "Hội viên đã hỗ trợ vốn cho bao nhiêu phụ nữ khởi nghiệp?", session)
    assert "transformers" in answered[-1]  # the answer model stays ticked
    assert with_options(session, None, None).extractive_tasks == frozenset()


def test_generation_over_its_time_limit_is_stopped_and_says_so(copy_model_dir, tiny_hub):
    import dataclasses as dc

    from tiny_models import tiny_settings

    settings = tiny_settings(copy_model_dir)
    settings = dc.replace(settings, limits=dc.replace(settings.limits, generation_timeout_s=1e-6))
    bot = Tinbot(settings, hub=tiny_hub)
    session = with_article(bot, "vi-plain")
    replies, session = turn(bot, "dịch sang tiếng Anh", session)
    assert replies[-1].endswith("⏱️ Yêu cầu chạy quá 0 giây nên đã dừng. Hãy thử với bài ngắn hơn.")
    assert len(replies) >= 2 and "⏱️" not in replies[-2]  # the stop comes after what was made so far
    patient = Tinbot(tiny_hub.settings, hub=tiny_hub)
    replies, _ = turn(patient, "Hội viên đã hỗ trợ vốn cho bao nhiêu phụ nữ khởi nghiệp?", session)
    assert "1.250" in replies[-1] and "⏱️" not in replies[-1]  # the session goes on


def test_the_time_limit_does_not_count_a_slow_model_download(copy_model_dir, monkeypatch):
    import dataclasses as dc
    import time

    import bot.engines.hub as hub_module
    from bot.engines.hub import ModelHub
    from tiny_models import tiny_settings

    real_resolve = hub_module.resolve_model_dir

    def slow_download(ms, settings, progress=None):
        progress(f"downloading {ms.model}", 0.5)
        time.sleep(2.5)  # longer than the generation limit below
        return real_resolve(ms, settings, progress)

    monkeypatch.setattr(hub_module, "resolve_model_dir", slow_download)
    settings = tiny_settings(copy_model_dir)
    settings = dc.replace(settings, limits=dc.replace(settings.limits, generation_timeout_s=2.0))
    bot = Tinbot(settings, hub=ModelHub(settings))
    session = with_article(bot, "vi-plain")
    replies, _ = turn(bot, "tóm tắt", session)
    assert any("⏳" in r for r in replies)  # the download was shown while it ran
    assert "⏱️" not in replies[-1] and "transformers" in replies[-1]


@pytest.mark.parametrize("message, expected", [("chào bạn", "Bài báo vẫn đang mở"), ("hi", "still open"),
                                               ("cảm ơn bạn", "bạn cứ hỏi"), ("thanks", "Ask anything else")])
def test_a_greeting_with_an_article_open_does_not_ask_for_an_article(offline_bot, message, expected):
    before, _ = turn(offline_bot, message)
    assert "dán một bài báo" in before[-1] or "Paste a news article" in before[-1]
    replies, session = turn(offline_bot, message, with_article(offline_bot))
    assert expected in replies[-1] and session.article is not None


def test_thanks_is_acknowledged_not_answered_with_the_help_text(offline_bot):
    replies, _ = turn(offline_bot, "ok cảm ơn", with_article(offline_bot))
    assert replies[-1] == reply("thanks_with_article", "vi")


@pytest.mark.parametrize("before, expected", [("tóm tắt", "vi"), ("summarize", "en")])
def test_ok_is_answered_in_the_language_of_the_conversation(offline_bot, before, expected):
    _, session = turn(offline_bot, before, with_article(offline_bot))
    replies, _ = turn(offline_bot, "ok", session)
    assert replies[-1] == reply("thanks_with_article", expected)


def test_one_more_point_makes_the_summary_one_point_longer(offline_bot):
    _, session = turn(offline_bot, "tóm tắt 3 ý", with_article(offline_bot, "vi-plain"))
    _, session = turn(offline_bot, "thêm 1 ý nữa", session)
    assert session.last_summary.sentences == session.last_summary_points == 4
    _, session = turn(offline_bot, "bớt 2 ý", session)
    assert session.last_summary.sentences == session.last_summary_points == 2


def test_points_are_counted_from_what_the_last_summary_showed(offline_bot):
    _, session = turn(offline_bot, "tóm tắt", with_article(offline_bot, "vi-plain"))
    shown = session.last_summary_points
    _, session = turn(offline_bot, "thêm 1 ý nữa", session)      # no count was asked: from what was shown
    assert session.last_summary_points == shown + 1
    _, session = turn(offline_bot, "tóm tắt 50 ý", session)       # more than the article has
    everything = session.last_summary_points
    assert everything < 50
    _, session = turn(offline_bot, "bớt 1 ý", session)
    assert session.last_summary_points == everything - 1


def test_a_summary_at_the_shortest_says_so_when_asked_for_shorter(offline_bot):
    _, session = turn(offline_bot, "tóm tắt 1 câu", with_article(offline_bot, "vi-plain"))
    replies, _ = turn(offline_bot, "ngắn hơn nữa", session)
    assert replies[-1].startswith(reply("summary_shortest", "vi"))


def test_english_replies_ask_for_the_summary_in_english(offline_bot):
    english = with_options(with_article(offline_bot, "vi-plain"), "normal", "en")
    replies, session = turn(offline_bot, "tóm tắt", english)
    assert session.last_summary.target_language == "en"
    assert "translation model" in replies[-1]  # none here: the summary stays Vietnamese, and the reply says why


def test_more_after_an_answer_quotes_the_next_sentences_then_says_there_is_no_more(offline_bot):
    _, session = turn(offline_bot, "Dự án đường ven biển có gì?", with_article(offline_bot))
    first = session.last_question_shown
    assert session.last_question and len(first) >= 1
    quoted = set()
    for _ in range(8):
        replies, session = turn(offline_bot, "còn gì nữa?", session)
        if replies[-1] == reply("nothing_more", "vi"):
            break
        new = {line for line in replies[-1].splitlines() if line.startswith("> ")}
        assert new and not new & quoted  # each time sentences not quoted before
        quoted |= new
    assert replies[-1] == reply("nothing_more", "vi") and set(session.last_question_shown) > set(first)


def test_a_new_article_forgets_the_last_question(offline_bot):
    _, session = turn(offline_bot, "Dự án đường ven biển có gì?", with_article(offline_bot))
    assert session.last_question
    _, session = turn(offline_bot, fixture_article("vi-plain"), session)
    assert session.last_question is None and session.last_question_shown == ()


def test_asking_for_shorter_when_nothing_changes_says_it_is_the_shortest(offline_bot):
    _, session = turn(offline_bot, "tóm tắt", with_article(offline_bot, "vi-plain"))
    texts = []
    for _ in range(3):
        replies, session = turn(offline_bot, "ngắn hơn nữa", session)
        texts.append(replies[-1])
    # once the summary stops changing, every repeat carries the note
    assert texts[-1].startswith(reply("summary_shortest", "vi"))


def test_a_goodbye_gets_a_goodbye(offline_bot):
    replies, _ = turn(offline_bot, "cảm ơn nhé, tạm biệt", with_article(offline_bot))
    assert replies[-1] == reply("goodbye_with_article", "vi")


def test_longer_steps_past_a_length_that_gives_the_same_summary(offline_bot):
    # No headline and long sentences: the short and the normal summary are the same one sentence,
    # so "dài hơn" after "tóm tắt ngắn" goes on to the detailed one instead of saying it is the longest.
    long_sentences = (
        "Sáng nay ủy ban nhân dân tỉnh đã tổ chức hội nghị tổng kết công tác phòng chống thiên tai trong năm "
        "với sự tham gia của lãnh đạo các sở ngành và hai mươi huyện thị trên địa bàn toàn tỉnh.",
        "Theo báo cáo tại hội nghị, mưa lũ trong năm đã làm hư hỏng hơn ba nghìn ngôi nhà, cuốn trôi nhiều "
        "đoạn đường giao thông nông thôn và gây thiệt hại ước tính khoảng bốn trăm tỷ đồng cho người dân.",
        "Lãnh đạo tỉnh yêu cầu các địa phương rà soát toàn bộ các khu dân cư ven sông suối, lập phương án di "
        "dời khẩn cấp và hoàn thành việc sửa chữa hệ thống đê điều trước mùa mưa bão năm sau.",
        "Tỉnh cũng sẽ đầu tư thêm hệ thống cảnh báo sớm tại các xã vùng cao thường xuyên xảy ra lũ quét và "
        "sạt lở đất, đồng thời tổ chức tập huấn kỹ năng ứng phó thiên tai cho người dân địa phương.",
    )
    _, session = turn(offline_bot, "\n\n".join(long_sentences))
    short, session = turn(offline_bot, "tóm tắt ngắn", session)
    longer, session = turn(offline_bot, "dài hơn", session)
    assert not longer[-1].startswith(reply("summary_longest", "vi"))
    assert session.last_summary.length is Length.DETAILED
    assert sum(s in longer[-1] for s in long_sentences) > sum(s in short[-1] for s in long_sentences) == 1


@pytest.mark.parametrize(("question", "expected"), [
    ("bài đăng ngày nào?", "11/03/2025"), ("nguồn bài báo là gì?", "baodanang.vn"),
    ("When was this article published?", "11/03/2025"),
])
def test_questions_about_the_article_itself_are_answered_from_its_date_and_source_lines(offline_bot, question, expected):
    replies, _ = turn(offline_bot, question, with_article(offline_bot))
    assert expected in replies[-1] and not replies[-1].startswith(reply("not_in_article", "vi"))


# Written for this test: an official circular, header and all.
CIRCULAR = """BỘ TÀI CHÍNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 31/2026/TT-BTC
Hà Nội, ngày 9 tháng 2 năm 2026

THÔNG TƯ
Quy định mức thu lệ phí cấp giấy phép lái tàu

Điều 1. Mức thu
Mức thu lệ phí là 250.000 đồng cho mỗi giấy phép.

Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực từ ngày 1 tháng 4 năm 2026."""


@pytest.mark.parametrize(("question", "expected"), [
    ("thông tư ban hành ngày nào?", "09/02/2026"), ("ngày ban hành văn bản?", "09/02/2026"),
    ("ai ban hành thông tư này?", "BỘ TÀI CHÍNH"), ("cơ quan nào ban hành?", "BỘ TÀI CHÍNH"),
    ("số hiệu văn bản là gì?", "31/2026/TT-BTC"), ("When was it issued?", "09/02/2026"),
])
def test_a_documents_header_answers_when_it_was_issued_by_whom_and_its_number(offline_bot, question, expected):
    _, session = turn(offline_bot, CIRCULAR)
    replies, _ = turn(offline_bot, question, session)
    assert expected in replies[-1] and "Thông tư 31/2026/TT-BTC" in replies[-1]


def test_the_body_of_a_document_still_answers_what_its_header_does_not(offline_bot):
    _, session = turn(offline_bot, CIRCULAR)
    replies, _ = turn(offline_bot, "thông tư có hiệu lực khi nào?", session)
    assert "ngày 1 tháng 4 năm 2026" in replies[-1] and "09/02/2026" not in replies[-1]


def test_of_a_news_story_when_a_decree_was_issued_is_found_in_the_story(offline_bot):
    story = ("Chính phủ siết quản lý xe điện\n\nNgày 5/11, Chính phủ ban hành Nghị định 168 về quản lý xe điện. "
             "Nghị định yêu cầu mọi xe điện phải đăng ký biển số. Bộ Công an sẽ hướng dẫn thủ tục trong tháng tới.")
    _, session = turn(offline_bot, story)
    assert session.article.document is None
    replies, _ = turn(offline_bot, "nghị định ban hành ngày nào?", session)
    assert "Ngày 5/11, Chính phủ ban hành Nghị định 168" in replies[-1]


def test_a_line_to_translate_does_not_replace_the_open_article(offline_bot):
    session = with_article(offline_bot)
    article = session.article
    replies, session = turn(offline_bot, "Dịch sang tiếng Anh: Tôi yêu Hà Nội lắm", session)
    assert session.article is article and reply("article_replaced", "vi") not in replies[-1]
    assert "envit5-translation" in replies[-1]   # no model here: the reply says which one is missing


def test_a_question_about_the_date_of_a_paste_without_a_date_line_says_so(offline_bot):
    _, session = turn(offline_bot, fixture_article("vi-plain"))
    assert session.article.date is None
    replies, _ = turn(offline_bot, "bài đăng ngày nào?", session)
    assert replies[-1].startswith(reply("article_no_date", "vi"))


def test_a_short_text_to_summarize_does_not_replace_the_open_article(offline_bot):
    session = with_article(offline_bot)
    article = session.article
    text = "Sáng 3/12, mưa lớn gây ngập sâu nhiều tuyến phố ở TP.HCM. Hơn 200 xe chết máy trên đường Nguyễn Hữu Cảnh."
    replies, session = turn(offline_bot, "tóm tắt: " + text, session)
    assert session.article is article and "200 xe chết máy" in replies[-1]


@pytest.mark.parametrize(("question", "expected"), [
    ("khi nào?", "giá xăng ron 95 khi nào?"), ("ông ấy nói gì?", "giá xăng ron 95 ông ấy nói gì?"),
    ("còn dầu diesel thì sao?", "còn dầu diesel thì sao?"),   # names something of its own
    # names something of its own, and nobody was named: the petrol price's words would only find it again
    ("ông ấy bao nhiêu tuổi?", "ông ấy bao nhiêu tuổi?"),
])
def test_a_follow_up_question_that_names_nothing_asks_about_the_last_subject(question, expected):
    assert follow_up(question, "giá xăng RON95 bao nhiêu?") == expected


def test_a_pronoun_stands_for_the_person_the_last_answer_named_with_that_title():
    evidence = ["Chủ tịch UBND tỉnh Quảng Bình Trần Văn Hùng đã đến Sở Tài chính.", "Theo bà Nguyễn Thị Lan, giá điện sẽ tăng."]
    # a place before the name is no part of it, and an office is nobody
    assert people_named(evidence) == ("bà Nguyễn Thị Lan", "Trần Văn Hùng")
    people = people_named(evidence)
    # as news refers to someone it has named: title and given name
    assert follow_up("bà ấy nói gì?", "ai là chủ tịch tỉnh?", "vi", people) == "bà Lan nói gì?"
    # nobody titled "ông": the name given without a title is the one meant
    assert follow_up("ông ấy chỉ đạo gì?", "ai là chủ tịch tỉnh?", "vi", people) == "ông Hùng chỉ đạo gì?"
    # both named without a title: "bà ấy" is the woman, "ông ấy" the man
    court = people_named(["Bị cáo Trần Quốc Dũng bị phạt 18 năm tù, bị cáo Lê Thị Ngọc Hân 9 năm tù."])
    assert follow_up("bà ấy làm gì?", "còn Hân?", "vi", court) == "bà Hân làm gì?"
    assert follow_up("ông ấy làm gì?", "còn Hân?", "vi", court) == "ông Dũng làm gì?"


@pytest.mark.parametrize(("question", "expected"), [
    ("hắn bị bắt khi nào?", "Tâm bị bắt khi nào?"),   # a suspect: the man named without a title
    ("vợ y là ai?", "vợ Tâm là ai?"), ("gã khai gì?", "Tâm khai gì?"),
    ("thị ở đâu?", "Hồng ở đâu?"),                     # the woman named without a title
    ("họ bị bắt ở đâu?", "Hải, Tâm và Hồng bị bắt ở đâu?"), ("người này là ai?", "Hải là ai?"),
    ("ông ta nói gì?", "ông Hải nói gì?"),
    # no pronoun: "y tế", "thị xã", "họ tên" are words of their own
    ("y tế xã có gì?", "y tế xã có gì?"), ("thị xã nào?", "thị xã nào?"), ("thị trưởng là ai?", "thị trưởng là ai?"),
    ("họ tên đầy đủ là gì?", "họ tên đầy đủ là gì?"), ("gã khổng lồ công nghệ nào?", "gã khổng lồ công nghệ nào?"),
])
def test_the_pronouns_news_uses_for_suspects_and_for_several_people(question, expected):
    people = people_named(["Theo trình báo của ông Phạm Văn Hải, Lê Văn Tâm trộm túi xách rồi trốn đến nhà Ngô Thị Hồng."])
    assert people == ("ông Phạm Văn Hải", "Lê Văn Tâm", "Ngô Thị Hồng")
    assert follow_up(question, "", "vi", people) == expected


def test_a_pronoun_before_any_answer_names_the_storys_most_named_person():
    story = people_by_mentions(["Theo ông Phạm Văn Hải, Lê Văn Tâm đã trộm túi xách.", "Hôm sau, Tâm bị bắt ở nhà vợ.",
                                "Công an cho biết Tâm khai đã bán điện thoại."])
    assert story[0] == "Lê Văn Tâm"   # named three times, ông Hải once
    assert follow_up("hắn bán gì?", "", "vi", (), story) == "Tâm bán gì?"
    # an answer that calls him by his given name alone names him too
    assert people_named(["Công an cho biết Tâm khai đã bán điện thoại."], story) == ("Lê Văn Tâm",)


def test_a_pronoun_nobody_named_stands_for_the_office_the_last_question_asked_about():
    assert follow_up("ông ấy là ai?", "thủ tướng nói gì?", "vi", ()) == "thủ tướng là ai?"
    # a question about a price is about nobody: its subject is only put before the question
    assert follow_up("ông ấy nói gì?", "giá xăng RON95 bao nhiêu?") == "giá xăng ron 95 ông ấy nói gì?"


_THEFT = ("Bắt đối tượng trộm túi xách của khách đi lễ chùa\n\n"
          "Ngày 24/3, Công an quận 3 cho biết đang tạm giữ đối tượng Lê Văn Tâm (SN 1980, ngụ quận 10) để điều tra hành "
          "vi trộm cắp tài sản.\n\n"
          "Theo trình báo của ông Phạm Văn Hải, trưa 22/3 ông đi lễ chùa và để túi xách ở góc chính điện. "
          "Khi quay lại, ông Hải phát hiện chiếc túi có điện thoại và 50 triệu đồng đã biến mất.\n\n"
          "Trinh sát phát hiện Tâm đang ở nhà Ngô Thị Hồng (SN 1982, ngụ quận 5), vợ của Tâm. "
          "Tại cơ quan công an, Tâm thừa nhận lấy tiền để cùng vợ tiêu xài và mua ma túy sử dụng.")


def test_a_pronoun_right_after_the_paste_is_the_storys_suspect(offline_bot):
    _, session = turn(offline_bot, _THEFT)
    replies, session = turn(offline_bot, "hắn có nghiện ma túy không?", session)
    assert session.last_question == "Tâm có nghiện ma túy không?" and "mua ma túy sử dụng" in replies[-1]
    replies, session = turn(offline_bot, "vợ hắn là ai?", session)
    assert session.last_question == "vợ Tâm là ai?" and "Ngô Thị Hồng" in replies[-1]


# Written for these tests: the sentence that answers "ai quay video?" names its source first.
_VIDEO = ("Nam thanh niên bị đánh hội đồng trước cổng chợ\n\n"
          "Chiều 5/3, anh Trần Minh Quân bị nhóm thanh niên đánh hội đồng trước cổng chợ Cái Răng.\n\n"
          "Theo ông Lê Hoàng Phúc, Trưởng công an phường, anh Nguyễn Văn Lộc, một người dân bán hàng ở chợ, đã quay "
          "lại video vụ việc.\n\n"
          "Anh Quân được đưa đi cấp cứu tại bệnh viện đa khoa thành phố.\n\n"
          "Anh Lộc làm nghề bán trái cây ở chợ Cái Răng hơn 10 năm nay.\n\n"
          "Ông Phúc cho biết công an đang truy bắt các đối tượng còn lại.")


def test_who_answers_a_who_question_is_the_one_nearest_its_words():
    said = ["Theo ông Lê Hoàng Phúc, Trưởng công an phường, anh Nguyễn Văn Lộc, một người dân, đã quay lại video."]
    people = people_named(said)
    assert people == ("ông Lê Hoàng Phúc", "anh Nguyễn Văn Lộc")
    assert answering_person("Ai quay video?", said, people) == "anh Nguyễn Văn Lộc"
    # whom the question names is no answer to it; a question that asks no "who" has none
    assert answering_person("Ai nói anh Lộc quay video?", said, people) == "ông Lê Hoàng Phúc"
    assert answering_person("Video dài bao lâu?", said, people) == ""


@pytest.mark.parametrize(("question", "expected"), [
    ("Người đó làm nghề gì?", "anh Lộc làm nghề gì?"), ("Hắn bị bắt chưa?", "anh Lộc bị bắt chưa?"),
    ("Anh ấy ở đâu?", "anh Lộc ở đâu?"),
    ("Ông ấy nói gì?", "ông Phúc nói gì?"),   # "ông ấy" is no "anh": the one named "ông"
])
def test_a_pronoun_after_a_who_answer_is_the_one_who_answered_it(question, expected):
    people = ("ông Lê Hoàng Phúc", "anh Nguyễn Văn Lộc")
    assert follow_up(question, "Ai quay video?", "vi", people, (), "anh Nguyễn Văn Lộc") == expected


def test_a_pronoun_in_the_chat_after_a_who_answer_is_the_one_who_answered_it(offline_bot):
    _, session = turn(offline_bot, _VIDEO)
    _, asked = turn(offline_bot, "Ai quay video?", session)
    assert asked.last_person == "anh Nguyễn Văn Lộc"
    replies, session = turn(offline_bot, "Người đó làm nghề gì?", asked)
    assert session.last_question == "anh Lộc làm nghề gì?" and "bán trái cây" in replies[-1]
    # and he stays the one meant while the questions are about him
    _, session = turn(offline_bot, "Anh ta ở đâu?", session)
    assert session.last_question == "anh Lộc ở đâu?"
    _, session = turn(offline_bot, "Hắn làm nghề gì?", asked)
    assert session.last_question == "anh Lộc làm nghề gì?"


@pytest.mark.parametrize(("text", "first", "then", "quoted"), [
    # the answer named nobody: "ông ấy" is the prime minister the last question asked about
    ("Chính phủ lùi thời gian trình dự án luật\n\nChính phủ thống nhất lùi thời gian trình dự án luật lên Quốc hội sang "
     "kỳ họp sau.\n\nTrao đổi với báo chí ngày 4/6, Thủ tướng Nguyễn Văn Bình cho biết ông đã nhận được nhiều ý kiến "
     "góp ý của người dân.\n\nThủ tướng nói Chính phủ sẽ lắng nghe dư luận trước khi trình dự án. Thủ tướng khẳng "
     "định Chính phủ sẽ thực hiện theo quyết định của Quốc hội.",
     "thủ tướng nói gì?", "ông ấy là ai?", "Thủ tướng Nguyễn Văn Bình"),
    # his offices are where the article introduces him
    ("Đoàn kiểm tra của Bộ Chính trị làm việc tại tỉnh\n\nNgày 6/11, đoàn kiểm tra do đồng chí Trần Thanh Sơn, Ủy viên Bộ "
     "Chính trị, Phó Chủ tịch Quốc hội làm trưởng đoàn đã làm việc với Ban Thường vụ Tỉnh ủy.\n\nĐồng chí Trần Thanh Sơn "
     "ghi nhận nỗ lực của tỉnh trong việc học tập, quán triệt nghị quyết. Đồng chí yêu cầu các cấp ủy tiếp tục đưa nghị "
     "quyết vào cuộc sống.",
     "ai làm trưởng đoàn?", "ông ấy giữ chức vụ gì?", "Ủy viên Bộ Chính trị, Phó Chủ tịch Quốc hội"),
])
def test_who_someone_asked_about_is_and_what_office_they_hold(offline_bot, text, first, then, quoted):
    _, session = turn(offline_bot, text)
    _, session = turn(offline_bot, first, session)
    replies, _ = turn(offline_bot, then, session)
    assert quoted in replies[-1] and not replies[-1].startswith(reply("not_in_article", "vi"))


def test_an_english_follow_up_that_points_back_asks_about_the_last_subject():
    # "said" is no term of an English question ("What did critics say?" is about the critics).
    assert follow_up("who said that?", "what are the risks?", "en").endswith("risks who said that?")
    assert follow_up("who said that?", "what are the risks?", "en") != "who said that?"
    assert follow_up("what did the mayor say?", "what are the risks?", "en") == "what did the mayor say?"


def test_a_short_follow_up_question_is_answered_from_the_last_subject(offline_bot):
    _, session = turn(offline_bot, "Dự án đường ven biển có gì?", with_article(offline_bot))
    replies, session = turn(offline_bot, "khi nào?", session)
    assert not replies[-1].startswith(reply("not_in_article", "vi"))
    assert session.last_question.endswith("khi nào?") and len(session.last_question) > len("khi nào?")


@pytest.mark.parametrize(("message", "named"), [("Hội An", True), ("hoi an", True), ("sai rồi", False), ("làm lại", False)])
def test_a_bare_name_the_article_mentions_is_looked_up_else_a_hint_is_shown(offline_bot, message, named):
    session = with_article(offline_bot)
    final = turn(offline_bot, message, session)[0][-1]
    if named:
        # named as the article writes it, however it was typed
        assert final.startswith("Có, bài báo có nhắc đến Hội An.") and "Hội An" in final.split("\n", 1)[1]
    else:  # not understood with an article open: what can be asked, in a line, not the whole help text
        assert final == reply("hint_with_article", "vi")


def test_a_comment_keeps_the_open_article(offline_bot):
    session = with_article(offline_bot)
    article = session.article
    comment = ("Năm nào cũng vậy, mùa mưa đến là đường ven biển ngập. Nhà tôi ở gần đó nên biết rõ, đi lại rất khổ. "
               "Mong thành phố làm nhanh cho bà con nhờ. Tôi cảm ơn các anh chị đã đưa tin kịp thời về dự án này.")
    replies, session = turn(offline_bot, comment, session)
    assert session.article is article and replies[-1] == reply("comment_with_article", "vi")


def test_the_same_article_pasted_again_keeps_the_conversation(offline_bot):
    session = with_article(offline_bot)
    _, session = turn(offline_bot, "Dự án đường ven biển có gì?", session)
    asked = session.last_question
    replies, session = turn(offline_bot, fixture_article("vi-clutter"), session)
    assert replies[-1] == reply("article_same", "vi") and session.last_question == asked


def test_a_question_the_kept_part_cannot_answer_says_the_article_was_cut(tmp_path):
    bot = Tinbot(Settings.from_env({}, offline=True, cache_dir=str(tmp_path), limits={"max_article_chars": 300}))
    kept = ("Cầu Thủ Thiêm 4 sẽ khởi công vào tháng 12 năm nay. Cây cầu dài 2,1 km, có sáu làn xe và nối quận 7 "
            "với thành phố Thủ Đức. Tổng vốn đầu tư của dự án là 5.300 tỷ đồng từ ngân sách thành phố.")
    cut = ("Hồ Tây ở Hà Nội có diện tích khoảng 500 ha và là hồ tự nhiên lớn nhất trong nội thành. Mỗi năm, hồ "
           "đón hàng triệu lượt khách đến tham quan, đi dạo và chụp ảnh quanh bờ.")
    _, session = turn(bot, kept + "\n\n" + cut)
    assert session.article_cut_at and "Hồ Tây" not in session.article.text
    answer = turn(bot, "Hồ Tây rộng bao nhiêu?", session)[0][-1]
    assert reply("article_cut_unanswered", "vi", limit=session.article_cut_at) in answer
    answered = turn(bot, "Cây cầu dài bao nhiêu km?", session)[0][-1]
    assert "2,1 km" in answered and "✂️" not in answered   # answered from what was kept: nothing to add


@pytest.mark.parametrize(("name", "language"), [("vi-clutter", "vi"), ("vi-nfd-crlf", "vi"), ("vi-clutter", "en")])
def test_the_example_the_acknowledgement_suggests_is_answered(offline_bot, name, language):
    example = re.search(r"\*([^*]+\?)\*", reply("ack_next", language, target="x")).group(1)
    session = with_article(offline_bot, name)
    answer = turn(offline_bot, example, session)[0][-1]
    assert answer.split("\n")[0] not in (reply("help", language).split("\n")[0], reply("not_in_article", language))
    assert any(" ".join(s.text.split()[-6:]) in answer for s in session.article.sentences)  # the article's own words


def test_the_article_before_can_be_asked_about_opened_again_and_set_beside_the_open_one(offline_bot):
    first = with_article(offline_bot, "vi-clutter")
    first_article = first.article
    _, session = turn(offline_bot, fixture_article("vi-plain"), first)
    second_article = session.article
    assert session.previous_article is first_article
    # a question about the article before is answered from it, and says so; the open one stays open
    replies, session = turn(offline_bot, "Bài trước nói gì về Hội An?", session)
    assert replies[-1].startswith(reply("from_previous_article", "vi", title=first_article.title))
    assert "Hội An" in replies[-1].split("---", 1)[1] and session.article is second_article
    # both side by side, the previous first
    compared = turn(offline_bot, "so sánh hai bài", session)[0][-1]
    previous = compared.index(reply("compare_previous", "vi", title=article_label(first_article)))
    assert previous < compared.index(reply("compare_current", "vi", title=article_label(second_article)))
    assert compared.endswith(reply("compare_note", "vi"))
    assert compared.count("hf download") <= 1   # a missing model is explained once, not once per article
    # opened again: the two swap places
    replies, session = turn(offline_bot, "quay lại bài trước", session)
    assert session.article is first_article and session.previous_article is second_article
    assert replies[-1].startswith("🔙")


def test_a_refusal_about_the_article_before_has_no_header_promising_an_answer(offline_bot):
    _, session = turn(offline_bot, fixture_article("vi-plain"), with_article(offline_bot, "vi-clutter"))
    replies, _ = turn(offline_bot, "in the previous article, why was the road built?", session)
    assert replies[-1].startswith("I can't read this question") and "previous article" not in replies[-1]


def test_without_an_article_before_there_is_nothing_to_go_back_to(offline_bot):
    session = with_article(offline_bot)
    for message in ("quay lại bài trước", "so sánh hai bài"):
        replies, after = turn(offline_bot, message, session)
        assert replies[-1] == reply("no_previous_article", "vi") and after.article is session.article


def test_clear_in_the_chat_forgets_the_articles_but_keeps_the_page_options(offline_bot):
    session = with_options(with_article(offline_bot), "detailed", "vi")
    _, session = turn(offline_bot, fixture_article("vi-plain"), session)
    replies, session = turn(offline_bot, "xóa hết", session)
    assert replies[-1] == reply("conversation_reset", "vi")
    assert session.article is None and session.previous_article is None and session.article_text == ""
    assert session.summary_length is Length.DETAILED and session.reply_language == "vi"
    assert turn(offline_bot, "tóm tắt", session)[0][-1] == reply("need_article", "vi")


def test_a_missing_model_is_explained_once_and_then_only_when_nothing_came_back(offline_bot):
    session = with_article(offline_bot)
    first, session = turn(offline_bot, "Dự án đường ven biển dài bao nhiêu?", session)
    assert "hf download" in first[-1]                     # the full explanation, with the command
    second, session = turn(offline_bot, "Ai là chủ đầu tư?", session)
    assert "hf download" not in second[-1] and "`bigscience" not in second[-1]   # the footer names the engine
    assert reply("engine_footer", "vi", engine=reply("engine_extractive", "vi")) in second[-1]
    translated, session = turn(offline_bot, "dịch sang tiếng Anh", session)
    again, session = turn(offline_bot, "dịch sang tiếng Anh", session)
    assert "TINBOT_TRANSLATE_MODEL=" in translated[-1] and "TINBOT_TRANSLATE_MODEL=" not in again[-1]
    assert again[-1].split("\n\n")[-1].startswith("ℹ️")   # nothing was translated: the one-line reminder says why


def test_more_detail_after_an_answer_goes_on_with_the_question_not_the_summary(offline_bot):
    _, session = turn(offline_bot, "Dự án đường ven biển có gì?", with_article(offline_bot))
    shown = session.last_question_shown
    replies, session = turn(offline_bot, "chi tiết hơn", session)
    assert session.last_summary is None and set(session.last_question_shown) > set(shown)
    replies, session = turn(offline_bot, "tóm tắt chi tiết hơn", session)   # a summary, asked by name
    assert session.last_summary is not None


@pytest.mark.parametrize(("message", "yes"), [("con số 12,5 km có trong bài không?", True),
                                               ("Con số 99 km có trong bài không?", False),
                                               ("Hội An có trong bài này không?", True)])
def test_whether_a_figure_or_name_is_in_the_article(offline_bot, message, yes):
    answer = turn(offline_bot, message, with_article(offline_bot))[0][-1]
    assert answer.startswith("Có, bài báo có nhắc đến" if yes else "Không, bài báo không nhắc đến")


@pytest.mark.parametrize("message", ["Nguyễn Phú Trọng", "Elon Musk"])
def test_a_bare_name_the_article_lacks_is_said_to_be_absent(offline_bot, message):
    answer = turn(offline_bot, message, with_article(offline_bot))[0][-1]
    assert "không nhắc đến" in answer and message in answer


@pytest.mark.parametrize("message", ["tuyệt vời", "xuất sắc", "👍", "Cảm Ơn Bạn"])
def test_praise_and_reactions_are_thanks(offline_bot, message):
    assert turn(offline_bot, message, with_article(offline_bot))[0][-1] == reply("thanks_with_article", "vi")


@pytest.mark.parametrize("message", ["😂", "😂😂", "haha", "hihi"])
def test_laughter_gets_a_neutral_reply_not_thanks(offline_bot, message):
    assert turn(offline_bot, message, with_article(offline_bot))[0][-1] == reply("reaction_with_article", "vi")
    assert turn(offline_bot, message)[0][-1] == reply("reaction", "vi")


def test_a_confused_reader_is_told_how_to_ask_not_quoted_a_random_sentence(offline_bot):
    session = with_article(offline_bot)
    for message, language in (("hả?", "vi"), ("what do you mean?", "en")):
        replies, session = turn(offline_bot, message, session)
        assert replies[-1] == reply("unclear_with_article", language)
    assert session.article is not None


def test_a_yes_no_question_with_a_wrong_figure_is_told_what_the_article_says(offline_bot):
    story = ("Tòa tuyên án vụ lừa đảo đất nền\n\nNgày 20/11, TAND tỉnh Đồng Nai tuyên phạt Nguyễn Văn Hưng 15 năm tù, "
             "Trần Thị Mai 9 năm tù và Lê Văn Tùng 7 năm tù về tội lừa đảo. Mai là kế toán, giúp Hưng nhận tiền "
             "đặt cọc của hơn 300 khách hàng. Tùng trực tiếp dẫn khách đi xem đất.")
    _, session = turn(offline_bot, story)
    replies, session = turn(offline_bot, "có đúng là Tùng bị 9 năm tù không?", session)
    assert replies[-1].startswith(reply("claim_differs", "vi", found="7 năm tù", claimed="9 năm tù"))
    assert "Lê Văn Tùng 7 năm tù" in replies[-1]   # the sentence it rests on, quoted below
    replies, session = turn(offline_bot, "có đúng là 400 khách hàng không?", session)
    assert replies[-1].startswith(reply("claim_differs", "vi", found="hơn 300 khách hàng", claimed="400 khách hàng"))
    replies, _ = turn(offline_bot, "Hưng bị 15 năm tù phải không?", session)
    assert replies[-1].startswith(reply("claim_matches", "vi", found="15 năm tù"))


def test_a_yes_no_question_is_checked_against_what_the_article_says_of_its_subject(offline_bot):
    # Written for this test. The claimed figures are all in the article, each for something else.
    story = ("Phố cổ thu phí ôtô từ tháng sau, không thu phí xe đạp\n\n"
             "Theo đề án, mức phí là 20.000 đồng đối với ôtô con, 35.000 đồng đối với xe khách và 50.000 đồng đối với "
             "xe tải. Thời gian thu phí từ 8h đến 20h. Không thu phí đối với xe đạp và xe của người khuyết tật. "
             "Phố cổ có 12 điểm thu phí. Trong đó, có 3 điểm đặt ở cửa ngõ phía bắc.")
    _, session = turn(offline_bot, story)
    checks = [
        # 50.000 đồng is what trucks pay: said, with the item of the list that says it
        ("có đúng là ôtô con trả 50.000 đồng không?", reply("claim_differs_said", "vi", found="20.000 đồng", claimed="50.000 đồng",
                                                           number="50.000 đồng", context="50.000 đồng đối với xe tải")),
        ("co dung la xe khach tra 35.000 dong khong?", reply("claim_matches", "vi", found="35.000 đồng")),
        ("có đúng là xe tải trả 50.000 đồng không?", reply("claim_matches", "vi", found="50.000 đồng")),
        ("có đúng là có 3 điểm thu phí không?", reply("claim_differs", "vi", found="12 điểm thu phí", claimed="3 điểm thu phí")),
        ("có phải thu phí 24/24 không?", reply("claim_differs", "vi", found="từ 8h đến 20h", claimed="24/24")),
        ("có đúng là thu phí cả xe đạp không?", reply("claim_denied", "vi")),
    ]
    for question, expected in checks:
        replies, session = turn(offline_bot, question, session)
        assert replies[-1].startswith(expected), question


def test_a_figure_that_counts_something_else_in_the_article_is_a_no(offline_bot):
    # Written for this test.
    story = ("Cháy xưởng gỗ ở Tân Uyên\n\nKhoảng 14h ngày 20/10, xưởng gỗ của một công ty ở thị xã Tân Uyên bốc cháy. "
             "Theo Công an tỉnh, vụ cháy làm 3 công nhân tử vong và 12 người khác bị thương. "
             "Hơn 100 cảnh sát và 15 xe chữa cháy được điều động đến hiện trường.")
    _, session = turn(offline_bot, story)
    replies, _ = turn(offline_bot, "Có 12 người chết phải không?", session)
    assert replies[-1].startswith(reply("claim_differs_other", "vi", found="3 công nhân tử vong", claimed="12 người chết",
                                        number="12", counted="người khác bị thương"))


def test_what_the_article_only_reports_as_an_accusation_is_not_confirmed(offline_bot):
    # Written for this test.
    story = ("Công ty Phúc Hưng bị tố lừa đảo 200 khách hàng\n\n"
             "Hơn 200 người mua căn hộ tại dự án Phúc Hưng Garden vừa gửi đơn đến công an quận. "
             "Theo đơn tố cáo, công ty đã nhận tiền đặt cọc hơn 150 tỷ đồng nhưng không giao nhà. "
             "Đại diện công ty cho biết dự án chậm tiến độ vì vướng thủ tục. Công an quận đang xác minh nội dung đơn.")
    _, session = turn(offline_bot, story)
    title = "Công ty Phúc Hưng bị tố lừa đảo 200 khách hàng"
    for question in ("Phúc Hưng lừa đảo 200 khách hàng phải không?", "Công ty Phúc Hưng lừa đảo phải không?"):
        replies, _ = turn(offline_bot, question, session)
        assert replies[-1].startswith(reply("claim_reported_headline", "vi", title=title)), question
    replies, _ = turn(offline_bot, "Có đúng là công ty nhận 150 tỷ đồng tiền đặt cọc không?", session)
    assert replies[-1].startswith(reply("claim_reported", "vi")) and "Theo đơn tố cáo" in replies[-1]
    # what the article states as it is keeps its ✅ or its quote
    replies, _ = turn(offline_bot, "Có đúng là hơn 200 người gửi đơn không?", session)
    assert not replies[-1].startswith("⚠️")


def test_what_the_next_sentence_denies_is_not_confirmed_and_both_are_quoted(offline_bot):
    # Written for this test.
    story = ("Hai nước căng thẳng vì tin tặc\n\n"
             "Bộ Ngoại giao nước A hôm qua kết luận tin tặc nước B đã tấn công hệ thống điện của thủ đô trong ba ngày. "
             "Tuy nhiên, nước B đã phủ nhận cáo buộc này. "
             "Hai bên dự kiến gặp nhau vào tuần tới để bàn về an ninh mạng.")
    _, session = turn(offline_bot, story)
    replies, _ = turn(offline_bot, "Tin tặc nước B tấn công hệ thống điện phải không?", session)
    assert replies[-1].startswith(reply("claim_reported", "vi"))
    assert "kết luận tin tặc" in replies[-1] and "phủ nhận cáo buộc này" in replies[-1]


def test_who_wrote_the_article_is_answered_from_its_byline(offline_bot):
    story = ("Lúa mất mùa vì hạn mặn\n\nHạn mặn khiến 12.000 ha lúa ở Bến Tre mất trắng trong mùa khô năm nay. "
             "Nông dân chuyển sang nuôi tôm kết hợp trồng lúa.\n\nPhóng viên Hồng Nhung")
    _, session = turn(offline_bot, story)
    replies, _ = turn(offline_bot, "ai viết bài này?", session)
    assert replies[-1].startswith(reply("article_author", "vi", author="Hồng Nhung"))
    _, session = turn(offline_bot, story.rsplit("\n\n", 1)[0])   # the same story without its byline
    replies, _ = turn(offline_bot, "tác giả là ai?", session)
    assert replies[-1].startswith(reply("article_no_author", "vi"))


def test_shorter_after_more_points_than_the_article_has_counts_from_those_shown(offline_bot):
    story = ("Hà Nội cấm xe tải vào nội đô giờ cao điểm\n\nTừ ngày 1/10, xe tải trên 1,25 tấn bị cấm trong vành đai 3 "
             "từ 6h đến 9h và từ 16h đến 20h. Sở Xây dựng Hà Nội cho biết quy định nhằm giảm ùn tắc giao thông.")
    _, session = turn(offline_bot, story)
    _, session = turn(offline_bot, "tóm tắt 5 ý", session)
    assert session.last_summary_points == 2
    replies, session = turn(offline_bot, "ngắn hơn", session)
    assert session.last_summary.sentences == 1 and replies[-1].count("\n- ") + replies[-1].startswith("- ") == 1


def test_a_summary_of_the_part_about_a_place_or_why_there_is_none(offline_bot):
    story = ("Hạn mặn ở miền Tây\n\nNăm nay hạn mặn đến sớm ở nhiều tỉnh miền Tây.\n\n"
             "Tại Cà Mau, độ mặn ở cửa sông đo được 9 phần nghìn, tỉnh hỗ trợ 800 bồn chứa nước.\n\n"
             "Tại Bến Tre, độ mặn lên tới 12 phần nghìn và giá nước sinh hoạt tăng gấp đôi.")
    _, session = turn(offline_bot, story)
    replies, session = turn(offline_bot, "tóm tắt phần nói về Bến Tre", session)
    assert "Bến Tre" in replies[-1] and "Cà Mau" not in replies[-1]
    replies, _ = turn(offline_bot, "tóm tắt về Hà Giang", session)
    assert replies[-1].startswith(reply("topic_not_in_article", "vi", topic="Hà Giang"))


def test_a_question_asking_two_things_quotes_the_sentence_for_each(offline_bot):
    story = ("Khởi công cầu Tứ Liên\n\nSáng 6/11, Hà Nội khởi công cầu Tứ Liên với tổng vốn 19.700 tỷ đồng. "
             "Cầu dài 4,8 km, dự kiến hoàn thành vào năm 2027. Hơn 300 hộ dân phải di dời để giải phóng mặt bằng. "
             "Ông Nguyễn Văn Lực, một người dân phường Tứ Liên, năm nay 62 tuổi. "
             "Ông nói: \"Tôi mong cầu sớm xong để con cháu đi lại thuận tiện\".")
    _, session = turn(offline_bot, story)
    replies, _ = turn(offline_bot, "cầu dài bao nhiêu và khi nào hoàn thành?", session)
    assert "dài 4,8 km" in replies[-1] and "năm 2027" in replies[-1]
    replies, _ = turn(offline_bot, "vốn bao nhiêu và bao nhiêu hộ phải di dời?", session)
    assert "19.700 tỷ" in replies[-1] and "300 hộ dân" in replies[-1]


def test_going_back_after_clearing_asks_for_an_article(offline_bot):
    _, session = turn(offline_bot, "xóa", with_article(offline_bot))
    replies, _ = turn(offline_bot, "quay lại bài trước", session)
    assert replies[-1] == reply("need_article", "vi")


def test_an_articles_markdown_marks_are_shown_as_written(offline_bot):
    story = ("Giá vàng *tăng vọt*, bạc giảm_nhẹ\n\nTheo ông Lê Minh *Quang*, giá vàng miếng tăng 2 triệu đồng mỗi lượng "
             "trong phiên sáng nay. Nhà đầu tư `lo lắng` khi giá bạc giảm nhẹ 1%.")
    replies, session = turn(offline_bot, story)
    assert "Giá vàng \\*tăng vọt\\*, bạc giảm\\_nhẹ" in replies[-1]   # escaped, so Markdown shows the marks
    replies, _ = turn(offline_bot, "giá vàng miếng tăng bao nhiêu?", session)
    assert "Lê Minh \\*Quang\\*" in replies[-1]


def test_a_borrowed_english_thanks_in_a_vietnamese_talk_is_answered_in_vietnamese(offline_bot):
    _, session = turn(offline_bot, "tóm tắt", with_article(offline_bot))
    replies, session = turn(offline_bot, "ok thanks", session)
    assert replies[-1] == reply("thanks_with_article", "vi") and session.last_language == "vi"
    replies, session = turn(offline_bot, "thank you so much for the summary", session)   # a sentence in English
    assert replies[-1] == reply("thanks_with_article", "en")


@pytest.mark.parametrize(("language", "said"), [("vi", "giới hạn 2,5 MB"), ("en", "limit 2.5 MB")])
def test_an_upload_over_the_limit_is_refused_with_the_limit_in_megabytes(tmp_path, language, said):
    from bot.chat import load_upload

    bot = Tinbot(Settings.from_env({}, offline=True, cache_dir=str(tmp_path), limits={"max_upload_bytes": 2_500_000}))
    big = tmp_path / "bai-dai.txt"
    big.write_text("Người dân địa phương cho biết nước lên rất nhanh. " * 60_000, encoding="utf-8")
    message, _, session = load_upload(str(big), with_options(ChatSession(), "normal", language), bot)
    assert said in message and session.article is None


@pytest.mark.parametrize("language", ["vi", "en"])
def test_one_line_left_out_is_said_in_the_singular(offline_bot, language):
    article = fixture_article("vi-plain") + "\n\nFacebook Twitter Zalo"   # share buttons: the only clutter
    replies, session = turn(offline_bot, article, with_options(ChatSession(), "normal", language))
    assert len(session.article.removed) == 1 and reply("ack_removed_one", language) in replies[-1]


def test_an_edit_in_the_article_box_updates_the_open_article(offline_bot):
    _, session = turn(offline_bot, "tóm tắt", article_box=fixture_article("vi-clutter"))
    edited = fixture_article("vi-clutter") + "\n\nDự án dự kiến hoàn thành vào quý IV năm 2027."
    replies, session = turn(offline_bot, "Khi nào dự án hoàn thành?", session, article_box=edited)
    assert replies[-1].startswith(reply("article_updated", "vi")) and "quý IV năm 2027" in replies[-1]
    assert session.previous_article is None   # no "previous article" to go back to
    replies, session = turn(offline_bot, "tóm tắt", session, article_box=fixture_article("vi-plain"))
    assert reply("article_replaced", "vi") in replies[-1] and session.previous_article is not None


def test_more_after_a_summary_gives_only_the_points_not_shown_yet(offline_bot):
    session = with_article(offline_bot, "vi-football")
    replies, session = turn(offline_bot, "tóm tắt 2 ý", session)
    shown = {line for line in replies[-1].splitlines() if line.startswith("- ")}
    assert len(shown) == 2
    for _ in range(30):
        replies, session = turn(offline_bot, "còn gì nữa?", session)
        if reply("summary_nothing_more", "vi") in replies[-1]:
            break
        # the points of a longer summary, then the article's other sentences, best first
        assert reply("summary_more_points", "vi") in replies[-1] or reply("summary_rest_points", "vi") in replies[-1]
        new = {line for line in replies[-1].splitlines() if line.startswith("- ")}
        assert new and not new & shown   # each time points not shown before
        shown |= new
    assert reply("summary_nothing_more", "vi") in replies[-1] and len(shown) > 2
    replies, session = turn(offline_bot, "tóm tắt ngắn", session)   # a new summary starts afresh
    assert reply("summary_more_points", "vi") not in replies[-1] and session.last_summary.skip == ()


@pytest.mark.parametrize(("question", "last", "kept", "dropped"), [
    ("Anh ấy nói gì?", "Có đúng là Hollyhand 53 tuổi không?", "hollyhand", "53"),
    ("Ông ấy nói gì?", "Ông Michael Boyd 70 tuổi phải không?", "michael boyd", "70"),
])
def test_a_follow_up_after_a_claim_asks_about_its_subject_not_its_figure(question, last, kept, dropped):
    asked = follow_up(question, last, "vi")
    assert kept in asked.lower() and dropped not in asked and "đúng" not in asked


# --- follow-ups and small talk as readers type them -----------------------------------------------

@pytest.mark.parametrize("message", ["tiếp", "tiep", "tiếp đi", "còn nữa không", "nữa"])
def test_go_on_after_a_summary_gives_the_next_points(offline_bot, message):
    _, session = turn(offline_bot, "tóm tắt 2 ý", with_article(offline_bot, "vi-football"))
    final = turn(offline_bot, message, session)[0][-1]
    assert reply("summary_more_points", "vi") in final and not final.startswith(reply("not_in_article", "vi"))


@pytest.mark.parametrize("message", ["tiếp", "tiep", "tiếp đi", "còn nữa không", "còn gì nữa không"])
def test_go_on_after_an_answer_quotes_more_on_the_question(offline_bot, message):
    _, session = turn(offline_bot, "Dự án đường ven biển có gì?", with_article(offline_bot))
    first = session.last_question_shown
    replies, session = turn(offline_bot, message, session)
    assert replies[-1].startswith("Bài báo viết:") and set(session.last_question_shown) > set(first)


def test_go_on_after_an_answer_that_found_nothing_gives_the_article_points(offline_bot):
    _, session = turn(offline_bot, "Ai là thủ môn của đội tuyển?", with_article(offline_bot))
    assert session.last_question and not session.last_question_shown
    final = turn(offline_bot, "tiếp", session)[0][-1]
    assert not final.startswith(reply("not_in_article", "vi")) and "Đà Nẵng" in final


def test_a_bare_question_mark_after_an_answer_is_told_what_may_be_asked(offline_bot):
    _, session = turn(offline_bot, "Ai là thủ môn của đội tuyển?", with_article(offline_bot))
    _, session = turn(offline_bot, "ok", session)
    assert turn(offline_bot, "?", session)[0][-1] == reply("question_too_vague", "vi")


@pytest.mark.parametrize("message", ["ong hoa noi sao", "ông Hòa nói sao", "tuyen duong co may lan xe"])
def test_a_question_without_its_question_mark_is_answered(offline_bot, message):
    assert route(message, has_article=True).kind in (IntentKind.HELP, IntentKind.ASK)
    final = turn(offline_bot, message, with_article(offline_bot))[0][-1]
    assert final.startswith("Bài báo viết:") and ("ông Hòa" in final or "6 làn xe" in final)


@pytest.mark.parametrize("message", ["con meo di dau", "sao", "ngôi sao", "tt", "😢"])
def test_a_message_not_understood_with_an_article_open_gets_a_short_hint(offline_bot, message):
    # a question word with nothing of the article, or nothing readable: what can be asked, in a line
    assert turn(offline_bot, message, with_article(offline_bot))[0][-1] == reply("hint_with_article", "vi")
    assert turn(offline_bot, message)[0][-1] == reply("help", "vi")   # with no article, the help text


@pytest.mark.parametrize("message", ["thôi", "thoi", "đủ rồi"])
def test_enough_gets_a_short_friendly_close(offline_bot, message):
    assert turn(offline_bot, message, with_article(offline_bot))[0][-1] == reply("enough_with_article", "vi")
    assert turn(offline_bot, message)[0][-1] == reply("enough", "vi")


def test_a_word_limit_is_kept_or_the_shortest_summary_says_it_is_over(offline_bot):
    session = with_article(offline_bot)
    summary = turn(offline_bot, "tóm tắt trong 15 chữ", session)[0][-1].split("\n\n")[0]
    assert 0 < len(summary.split()) <= 15
    final = turn(offline_bot, "tóm tắt trong 3 chữ", session)[0][-1]
    assert reply("summary_over_words", "vi", words=len(final.split("\n\n")[0].split()), limit=3) in final


@pytest.mark.parametrize(("message", "language"), [("tải bản tóm tắt", "vi"), ("download the summary", "en")])
def test_asking_to_download_points_to_the_download_buttons(offline_bot, message, language):
    from bot.export import FORMATS

    buttons = ", ".join(f"**⬇️ .{fmt}**" for fmt in FORMATS)
    session = with_article(offline_bot)
    assert turn(offline_bot, message, session)[0][-1] == reply("download_nothing_yet", language, buttons=buttons)
    _, session = turn(offline_bot, "tóm tắt", session)
    replies, after = turn(offline_bot, message, session)
    assert replies[-1] == reply("download_buttons", language, buttons=buttons) and after.last_result == session.last_result


def test_paragraph_numbers_past_a_one_paragraph_article_are_said_in_the_singular(offline_bot):
    session = with_article(offline_bot, "vi-plain")
    one = turn(offline_bot, "Bài mới: " + " ".join(s.text for s in session.article.sentences[:3]), session)[1]
    assert len(one.article.paragraphs) == 1
    final = turn(offline_bot, "what does paragraph 2 say?", one)[0][-1]
    assert final == reply("paragraph_out_of_range_one", "en", paragraph=2) and "1 paragraphs" not in final


def test_more_after_a_short_summary_looks_further_than_the_next_length(offline_bot):
    # the normal summary of this article is its short one: the points come from the detailed one
    _, session = turn(offline_bot, "tóm tắt ngắn", with_article(offline_bot))
    final = turn(offline_bot, "tiếp", session)[0][-1]
    assert reply("summary_more_points", "vi") in final and reply("summary_nothing_more", "vi") not in final


def test_where_and_when_asked_together_quote_the_sentence_saying_both(offline_bot):
    story = ("Hội chợ sách Đà Nẵng mở cửa cuối tuần này\n\nHội chợ sách Đà Nẵng năm nay được Sở Văn hóa đề xuất tại "
             "hội nghị ngành hồi tháng 3/2024 ở Hà Nội. Hơn 60 nhà xuất bản đăng ký tham gia hội chợ với khoảng "
             "200.000 đầu sách. Hội chợ sách sẽ diễn ra tại công viên Biển Đông từ ngày 12 đến 15/9, mở cửa miễn phí "
             "cho người dân. Ban tổ chức dự kiến đón 50.000 lượt khách.")
    _, session = turn(offline_bot, story)
    for question in ("hội chợ sách ở đâu, khi nào?", "hội chợ sách khi nào và ở đâu?"):
        replies, _ = turn(offline_bot, question, session)
        assert "công viên Biển Đông từ ngày 12 đến 15/9" in replies[-1] and "đề xuất" not in replies[-1]


def test_where_the_story_happened_answers_where_its_headline_event_was_when_no_sentence_does(offline_bot):
    story = ("Cơn mưa ếch trút xuống làng biển Quảng Ngãi\n\nHàng trăm con ếch nhỏ được người dân nhặt trên đường "
             "làng ở xã Tịnh Kỳ, TP Quảng Ngãi, sáng 4/7. Theo ông Lê Văn Sáu, một người dân trong làng, sau trận dông "
             "lớn lúc rạng sáng, ếch nằm kín mặt đường và sân nhà. Các nhà khoa học cho rằng gió xoáy trên biển đã "
             "cuốn ếch từ các đầm nước gần đó. Hiện tượng này từng được ghi nhận ở nhiều nước.")
    _, session = turn(offline_bot, story)
    for question in ("ếch rơi ở đâu?", "ech roi o dau", "ếch rơi khi nào?"):
        replies, _ = turn(offline_bot, question, session)
        assert "xã Tịnh Kỳ" in replies[-1] and reply("story_lead_answer", "vi") in replies[-1]
    replies, _ = turn(offline_bot, "cá rơi ở đâu?", session)   # nothing the headline names
    assert reply("story_lead_answer", "vi") not in replies[-1]
    _, other = turn(offline_bot, fixture_article("vi-clutter"))
    replies, _ = turn(offline_bot, "ếch rơi ở đâu?", other)   # another story
    assert reply("story_lead_answer", "vi") not in replies[-1]
