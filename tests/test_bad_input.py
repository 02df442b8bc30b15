"""The bad-input corpus: every awkward thing a user may send, through the real chat turn and the API.

Each case runs in a fresh session offline (no weights: the extractive engine and the fallback
messages), must end in a short reply in the expected language within a generous hang guard, and
the same session must answer a normal question right after it. A subset goes through the API of
a running server. All inputs are generated in code (``tests/generated.py``).
"""
from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass
from typing import Callable

import pytest

from bot.chat import ChatSession, load_upload, respond
from bot.prompts import reply
from bot.reply import language_name
from bot.service import Tinbot
from bot.settings import Settings
from generated import (
    CHINESE_ARTICLE, ENGLISH_ARTICLE, FRENCH_ARTICLE, RUSSIAN_ARTICLE, news_article,
    one_line_paragraphs, one_sentence_without_punctuation, to_tcvn3, to_vni,
)

HANG_GUARD_S = 20.0  # a hang guard, not a performance target
STORY = news_article(7)
OTHER = news_article(8)
MB = 1_000_000


def html_article() -> str:
    """A real article with active HTML and Markdown mixed in."""
    return "\n\n".join((
        "<script>alert('x')</script>",
        STORY.text.replace("Tại buổi làm việc", '<img src=x onerror="alert(1)"> [bấm vào đây](javascript:alert(1)) Tại buổi làm việc'),
        '<a href="javascript:alert(2)">Xem thêm</a> ![ảnh](javascript:alert(3))',
    ))


@dataclass(frozen=True)
class Case:
    name: str
    message: str = ""
    box: str = ""                 # the Article box
    before: str | None = None     # a message sent first in the same session (usually an article)
    expect: tuple[str, ...] = ()  # texts the final reply must contain
    check: Callable[[str], bool] | None = None


def _inactive(text: str) -> bool:
    """No markup that could run: no script or img tag, no on*= attribute in a tag, no javascript: link."""
    return ("<script" not in text.lower() and "<img" not in text.lower() and "javascript:" not in text.lower()
            and not re.search(r"<[^>]*\bon\w+\s*=", text, re.IGNORECASE))


def ack_next(language: str) -> str:
    """What the reply to a pasted non-English article suggests next (translation into English)."""
    return reply("ack_next", language, target=language_name("en", language))


def _acknowledged(language: str) -> Callable[[str], bool]:
    return lambda text: ack_next(language) in text


def _any_help(text: str) -> bool:
    return text in (reply("help", "vi"), reply("help", "en"))


def _unsupported(code: str) -> str:
    return reply("unsupported_language", "en", language=language_name(code, "en"))


NFD_STORY = unicodedata.normalize("NFD", STORY.text)
QUESTION = "Ai là trưởng đoàn?"

CASES = [
    Case("empty", "", expect=(reply("empty_message", "vi"),)),
    Case("spaces", "    ", expect=(reply("empty_message", "vi"),)),
    Case("whitespace-mix", " \n\t\r\n \u00a0\u3000 ", expect=(reply("empty_message", "vi"),)),
    Case("zero-width-only", "\u200b\u200c\u200d\ufeff\u2060", expect=(reply("empty_message", "vi"),)),
    Case("controls-only", "\x00\x01\x07\x1b", expect=(reply("empty_message", "vi"),)),
    Case("empty-after-article", "", before=STORY.text, expect=(reply("empty_message", "vi"),)),
    Case("one-word", "Lũ", expect=(reply("help", "vi"),)),
    Case("one-word-article-box", "", box="Lũ.", expect=(reply("article_box_too_short", "vi", words=3),)),
    Case("one-word-then-summary", "tóm tắt", box="Bão.", expect=(reply("article_box_too_short", "vi", words=3), reply("need_article", "vi"))),
    Case("three-words-article-box", "tóm tắt", box="Bão đã tan.", expect=("Bão đã tan.", reply("engine_footer", "vi", engine=reply("engine_extractive", "vi")))),
    Case("1mb-paste", "Câu tiếng Việt có dấu đây. " * (MB // 27 + 1), expect=(reply("message_too_long", "vi", limit=120_000),)),
    Case("10mb-paste", "Người dân địa phương cho biết. " * (10 * MB // 31 + 1), expect=(reply("message_too_long", "vi", limit=120_000),)),
    Case("1mb-english-paste", "The ferry resumed its timetable. " * (MB // 33 + 1), expect=(reply("message_too_long", "en", limit=120_000),)),
    Case("1mb-article-box", "tóm tắt", box=(STORY.text + "\n\n") * (MB // (len(STORY.text) + 2) + 1),
         expect=(STORY.leader,)),
    Case("1mb-article-box-ack", "", box=(STORY.text + "\n\n") * (MB // (len(STORY.text) + 2) + 1),
         expect=(reply("article_truncated", "vi", limit=100_000),)),
    Case("5000-word-sentence", one_sentence_without_punctuation(), check=_acknowledged("vi")),
    Case("5000-word-sentence-summary", "tóm tắt", before=one_sentence_without_punctuation(), expect=("người dân địa phương",)),
    Case("10000-paragraphs", "tóm tắt", box=one_line_paragraphs(), expect=("Tin 0 ngắn.",)),
    Case("10000-paragraphs-ack", "", box=one_line_paragraphs(), expect=(reply("meta_size", "vi", words=4500, paragraphs=1500, sentences=1500),)),
    Case("nul-and-controls-in-article", STORY.text.replace(" ", " \x00", 5).replace("Đoàn", "Đoàn\x07\x1b"),
         check=lambda t: _acknowledged("vi")(t) and "\x00" not in t and "\x1b" not in t),
    Case("controls-in-request", "tóm\x00 tắt\x1b", before=STORY.text, expect=(STORY.leader,)),
    Case("emoji-only", "😀🎉🔥👍" * 10, expect=(reply("help", "vi"),)),
    Case("emoji-article", STORY.text.replace(".", ". 🚢🔥"), check=_acknowledged("vi")),
    Case("html-ack", html_article(), check=lambda t: _acknowledged("vi")(t) and _inactive(t)),
    Case("html-summary", "tóm tắt chi tiết", before=html_article(), check=lambda t: STORY.leader in t and _inactive(t)),
    Case("html-answer", "Ai yêu cầu hoàn thiện hồ sơ dự án?", before=html_article(), check=_inactive),
    Case("html-request", '<script>alert(1)</script> tóm tắt <img src=x onerror=alert(1)>', before=STORY.text,
         check=_inactive),
    Case("markdown-js-link", "[tóm tắt](javascript:alert(1))", before=STORY.text, check=_inactive),
    Case("rtl-and-zero-width-article", "\u202b" + STORY.text.replace(" ", " \u200b", 20) + "\u202c",
         check=_acknowledged("vi")),
    Case("rtl-request", "\u202etóm tắt\u200f", before=STORY.text, expect=(STORY.leader,)),
    Case("arabic-rtl-question", "من هو رئيس الوفد؟", before=STORY.text, check=lambda t: len(t) < 2000),
    Case("french-article", FRENCH_ARTICLE, expect=(_unsupported("fr"), ack_next("en"))),
    Case("chinese-article", CHINESE_ARTICLE, expect=(_unsupported("zh-cn"), ack_next("en"))),
    Case("russian-article", RUSSIAN_ARTICLE, expect=(_unsupported("ru"), ack_next("en"))),
    Case("russian-summary", "tóm tắt", before=RUSSIAN_ARTICLE, expect=("Городской совет",)),
    Case("nfd-article", NFD_STORY, expect=(reply("meta_language", "vi", language=reply("language_vi", "vi")),)),
    Case("nfd-question", unicodedata.normalize("NFD", QUESTION), before=STORY.text, expect=(STORY.leader,)),
    Case("nfd-article-question", QUESTION, before=NFD_STORY, expect=(STORY.leader,)),
    Case("tcvn3-article", to_tcvn3(STORY.text), expect=(reply("ack_legacy_encoding", "vi", encoding="TCVN3"),)),
    Case("vni-article-question", QUESTION, before=to_vni(STORY.text), expect=(STORY.leader,)),
    Case("question-before-article", QUESTION, expect=(reply("need_article", "vi"),)),
    Case("english-question-before-article", "Who led the delegation?", expect=(reply("need_article", "en"),)),
    Case("summary-before-article", "tóm tắt", expect=(reply("need_article", "vi"),)),
    Case("english-to-english", "translate to English", before=ENGLISH_ARTICLE,
         expect=(reply("already_in_language", "en", language=reply("language_en", "en")),)),
    Case("vietnamese-to-vietnamese", "dịch sang tiếng Việt", before=STORY.text,
         expect=(reply("already_in_language", "vi", language=reply("language_vi", "vi")),)),
    Case("url-loopback", "http://127.0.0.1:8080/admin", expect=(reply("source_blocked_address", "vi"),)),
    Case("url-private", "https://10.0.0.7/tin-tuc/bai-1.html", expect=(reply("source_blocked_address", "vi"),)),
    Case("url-metadata", "tóm tắt http://169.254.169.254/latest/meta-data/", expect=(reply("source_blocked_address", "vi"),)),
    Case("url-localhost-english", "summarize http://localhost:7860/", expect=(reply("source_blocked_address", "en"),)),
    Case("javascript-url", "javascript:alert(1)", check=_any_help),
    Case("very-long-word", "a" * 50_000, check=_any_help),
    Case("very-long-question", "Mình đọc kỹ bài báo về chuyến khảo sát cảng biển, " * 20 + "cho hỏi ai là trưởng đoàn?",
         before=STORY.text, expect=(STORY.leader,)),
    Case("very-long-question-english", "Please tell me, " * 300 + "how many passengers does the ferry carry daily?",
         before=ENGLISH_ARTICLE,  # answered in English; the repeated filler defeats retrieval (known, see report)
         check=lambda t: t == reply("not_in_article", "en") or "2,600 passengers" in t),
    Case("question-marks-only", "???", expect=(reply("need_article", "vi"),)),
    Case("other-article-replaces", OTHER.text, before=STORY.text, expect=(reply("article_replaced", "vi"),)),
]


def final_reply(bot: Tinbot, message: str, session: ChatSession, box: str = "") -> tuple[str, ChatSession]:
    text = ""
    for text, session in respond(message, session, bot, box):
        pass
    return text, session


def test_the_corpus_has_at_least_40_cases():
    assert len({c.name for c in CASES}) == len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gets_a_clear_reply_and_the_session_keeps_working(offline_bot, case):
    session = ChatSession()
    if case.before is not None:
        _, session = final_reply(offline_bot, case.before, session)
    started = time.monotonic()
    text, session = final_reply(offline_bot, case.message, session, case.box)
    elapsed = time.monotonic() - started
    assert elapsed < HANG_GUARD_S, f"{case.name} took {elapsed:.1f} s"
    assert text.strip() and "Traceback" not in text and "internal_error" not in text
    assert reply("internal_error", "vi", ref="")[:20] not in text
    for expected in case.expect:
        assert expected in text, (case.name, text[:600])
    if case.check is not None:
        assert case.check(text), (case.name, text[:600])
    # The same session answers a normal turn afterwards.
    _, session = final_reply(offline_bot, STORY.text, session)
    answer, _ = final_reply(offline_bot, QUESTION, session)
    assert STORY.leader in answer


@pytest.mark.parametrize("name, data, key", [
    ("binary.txt", bytes(range(256)) * 64, "source_unreadable"),
    ("nul.txt", "Bài báo có ký tự rỗng.".encode() + b"\x00\x00" + STORY.text.encode(), "source_unreadable"),
    ("junk.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 16, "source_unreadable"),
    ("junk.docx", b"PK\x03\x04" + b"\xde\xad\xbe\xef" * 512, "source_unreadable"),
    ("empty.txt", b"", "source_empty"),
    ("program.exe", b"MZ\x90\x00", "source_unsupported_type"),
])
def test_a_broken_upload_is_refused_in_words(offline_bot, tmp_path, name, data, key):
    path = tmp_path / name
    path.write_bytes(data)
    answer, text, session = load_upload(str(path), ChatSession(), offline_bot)
    assert answer == reply(key, "vi") and text == "" and session.article is None
    _, session = final_reply(offline_bot, STORY.text, session)
    assert STORY.leader in final_reply(offline_bot, QUESTION, session)[0]


def test_invalid_utf8_upload_is_read_or_refused_never_garbled_silently(offline_bot, tmp_path):
    # Valid UTF-8 Vietnamese with two stray bytes that are not UTF-8.
    path = tmp_path / "broken-utf8.txt"
    raw = STORY.text.encode("utf-8")
    path.write_bytes(raw[:200] + b"\xff\xfe" + raw[200:])
    answer, text, session = load_upload(str(path), ChatSession(), offline_bot)
    if session.article is None:
        assert answer == reply("source_unreadable", "vi")
    else:
        assert ack_next("vi") in answer and STORY.leader in text


def test_limits_are_exact_at_the_boundary(tmp_path):
    bot = Tinbot(Settings.from_env({}, offline=True, cache_dir=str(tmp_path),
                                   limits={"max_message_chars": 2000, "max_article_chars": 1000,
                                           "max_article_sentences": 5}))
    assert final_reply(bot, "x" * 2001, ChatSession())[0] == reply("message_too_long", "vi", limit=2000)
    assert "message_too_long" not in final_reply(bot, "tóm tắt " + "x" * 1990, ChatSession())[0]
    ack, session = final_reply(bot, "", ChatSession(), box=STORY.text + "\n\n" + OTHER.text)
    assert reply("article_truncated", "vi", limit=1000).split("1000")[0] in ack
    assert len(session.article.sentences) == 5


def test_the_article_sentence_limit_is_a_setting_with_its_environment_variable():
    assert Settings.from_env({"TINBOT_MAX_ARTICLE_SENTENCES": "40"}).limits.max_article_sentences == 40
    assert Settings.from_env({"TINBOT_MAX_ARTICLE_SENTENCES": "none"}).limits.max_article_sentences is None


# --- the same kinds of input through the API of a running server -----------------------------

API_CASES = [
    ("/summarize", ("",), reply("article_empty", "vi")),
    ("/summarize", ("  \n\u200b ",), reply("article_empty", "vi")),
    ("/summarize", ((STORY.text + "\n\n") * (MB // (len(STORY.text) + 2) + 1),), reply("article_truncated", "vi", limit=100_000)),
    ("/summarize", (html_article(),), STORY.leader),
    ("/summarize", (FRENCH_ARTICLE,), "Le festival de musique"),
    ("/summarize", (one_line_paragraphs(),), reply("article_truncated", "vi", limit=0).split(" 0 ")[0]),
    ("/translate", (ENGLISH_ARTICLE, "en"), reply("already_in_language", "en", language=reply("language_en", "en"))),
    ("/translate", ("", "en"), reply("article_empty", "vi")),
    ("/ask", (STORY.text, ""), reply("empty_message", "vi")),
    ("/ask", (STORY.text, "Ai là trưởng đoàn? " * 7000), reply("message_too_long", "vi", limit=120_000)),
    ("/ask", (NFD_STORY, QUESTION), STORY.leader),
    ("/ask", ("", QUESTION), reply("article_empty", "vi")),
    ("/chat", ("", ""), reply("empty_message", "vi")),
    ("/chat", ("Câu. " * 30_000, ""), reply("message_too_long", "vi", limit=120_000)),
    ("/chat", ("http://127.0.0.1:1/", ""), reply("source_blocked_address", "vi")),
    ("/chat", (QUESTION, ""), reply("need_article", "vi")),
    # after a Vietnamese question in the same session, the acknowledgement stays in Vietnamese
    ("/chat", (RUSSIAN_ARTICLE, ""), reply("unsupported_language", "vi", language=language_name("ru", "vi"))),
]


@pytest.fixture(scope="module")
def offline_client(tmp_path_factory):
    from test_app import serve

    demo, client = serve(Settings.from_env({}, offline=True, cache_dir=str(tmp_path_factory.mktemp("hf-cache"))))
    yield client
    demo.close()


def test_bad_input_through_the_api(offline_client):
    for endpoint, args, expected in API_CASES:
        started = time.monotonic()
        answer = offline_client.predict(*args, api_name=endpoint)
        assert time.monotonic() - started < HANG_GUARD_S, endpoint
        assert expected in answer and _inactive(answer), (endpoint, answer[:400])
    # The server still serves a normal request, and /chat still works.
    assert STORY.leader in offline_client.predict(STORY.text, QUESTION, api_name="/ask")
    offline_client.predict(STORY.text, "", api_name="/chat")
    assert STORY.leader in offline_client.predict(QUESTION, "", api_name="/chat")


@pytest.mark.parametrize("text", ["xin chào", "ÿþ PK PNG IHDR"])
def test_the_summarize_api_says_when_a_text_is_too_short_to_summarize(offline_bot, text):
    article, _ = offline_bot.parse(text)
    assert offline_bot.summarize(text) == reply("article_too_short", "vi", words=article.word_count)


def test_the_ask_api_reads_an_answer_language_after_the_question(offline_bot):
    answer = offline_bot.ask(STORY.text, QUESTION + " Trả lời bằng tiếng Anh")
    assert STORY.leader in answer and reply("answer_untranslated", "en") in answer
