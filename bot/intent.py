"""What the user wants from one chat turn: the output of ``bot.route``, the input of the tasks."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from bot.sections import SectionRef


class IntentKind(str, Enum):
    SUMMARIZE = "summarize"   # "tóm tắt", "tom tat 3 y chinh", "summarize in English", "ngắn hơn nữa"
    TRANSLATE = "translate"   # "dịch sang tiếng Anh", "translate to Vietnamese", "dịch đoạn 2"
    ASK = "ask"               # any question about the article: "ai là trưởng đoàn?", "bài này nói về gì?"
    ARTICLE = "article"       # the message is (only) a new article to work on
    HELP = "help"             # "giúp", "help", "bạn làm được gì?"
    GREETING = "greeting"     # "xin chào", "hi"
    THANKS = "thanks"         # "cảm ơn", "ok", "hay quá": an acknowledgement, not a request
    GOODBYE = "goodbye"       # "tạm biệt", "bye", "cảm ơn, tạm biệt"
    RESET = "reset"           # "xóa", "bắt đầu lại", "start over": forget the article and the conversation
    PREVIOUS = "previous"     # "quay lại bài trước": the article before the open one, open again
    COMPARE = "compare"       # "so sánh hai bài": the open article and the one before, side by side
    COMMENT = "comment"       # the reader's own words about the news ("Năm nào cũng lũ, ... Cảm ơn admin"): no request
    UNCLEAR = "unclear"       # "hả?", "ý bạn là sao?", "tôi không hiểu", "huh?": the last reply did not help
    LANGUAGE = "language"     # "please reply in English", "trả lời bằng tiếng Việt": the reply language, set (target_language)
    ENOUGH = "enough"         # "thôi", "đủ rồi", "that's all": the reader is done for now
    REACTION = "reaction"     # "haha", "😂😂": laughter, neither thanks nor a request
    DOWNLOAD = "download"     # "tải bản tóm tắt", "download the summary": the page's download buttons


class Length(str, Enum):
    SHORT = "short"
    NORMAL = "normal"
    DETAILED = "detailed"


@dataclass(frozen=True)
class Intent:
    """One chat turn, understood.

    ``language`` is the language the user wrote in ("vi" or "en"): replies use it; "" when the
    message reads alike in both ("ok"), and the chat keeps the conversation's language.
    ``article_text`` is set when the message carried an article ("Tóm tắt bài sau: ...", or a
    bare pasted article); the chat then replaces the session's article before acting.
    """

    kind: IntentKind
    language: str = "vi"
    target_language: str | None = None   # translate: "en"/"vi"; summarize/ask: language of the output if asked
    sentences: int | None = None         # "tóm tắt 3 ý chính", "in 3 bullets"; with ``refine``, the step ("thêm 2 ý")
    bullets: bool = False                # "gạch đầu dòng", "bullets", "ý chính"
    length: Length = Length.NORMAL       # "ngắn gọn" → SHORT, "chi tiết" → DETAILED
    words: int | None = None             # SUMMARIZE: "tóm tắt trong 30 chữ", "in 40 words": at most this many words
    refine: str | None = None            # "shorter" / "longer": relative to the previous summary; "more": to the last reply
    skip: tuple[int, ...] = ()           # sentences (indices) already shown for this question or summary ("còn gì nữa?")
    paragraph: int | None = None         # "dịch đoạn 2" → 2 (1-based, as the user counts)
    section: SectionRef | None = None    # "tóm tắt Điều 5", "khoản 2 Điều 3 nói gì?": a numbered part of a document
    topic: str | None = None             # SUMMARIZE: "tóm tắt phần nói về Cà Mau": the sentences that name it
    question: str | None = None          # ASK: the question, without greeting or article
    article_text: str | None = None      # the article carried by the message, if any
    extractive: bool = False             # the user chose sentence extraction over the model for this task
    mention: bool = False                # ASK: "bài có nhắc đến X không?": whether it does, and what it says about X
    earlier: bool = False                # "bài trước có bao nhiêu người chết?": about the article before the open one

    @property
    def answer_language(self) -> str:
        """The language an answer comes in: the one asked for ("… trả lời bằng tiếng Anh", the
        page option), else the question's own."""
        return self.target_language or self.language
