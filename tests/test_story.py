"""The story as a whole and what a user test found with it: whom it is about, a news roundup, a
subheading that is no answer, ages and shares answered only by what gives them, a Vietnamese
question around an English title, and going on after an answer."""
from __future__ import annotations

import pytest
from helpers import build_article, fixture_article

from bot.age import age_sentences, asks_age
from bot.article import Article, Sentence
from bot.chat import ChatSession, respond
from bot.extractive import summarize_extractive
from bot.intent import Intent, IntentKind, Length
from bot.prompts import reply
from bot.route import route
from bot.story import main_people, roundup_items
from bot.tasks.answer import answer_question
from bot.tasks.summarize import summarize_article


def turn(bot, message, session=None):
    session = session or ChatSession()
    text = ""
    for text, session in respond(message, session, bot):
        pass
    return text, session


def ask(article, question, hub, language="vi"):
    return list(answer_question(article, Intent(IntentKind.ASK, language=language, question=question), hub))[-1]


# --- a Vietnamese question around an English title ----------------------------------------------

BOOK = ("Nhà văn Lê Minh ra mắt bản dịch cuốn The House on the River\n\n"
        "Sáng 5/6, tại Hà Nội, nhà văn Lê Minh giới thiệu bản dịch tiếng Việt của cuốn The House on the River, tiểu "
        "thuyết của nhà văn người Anh Mary Stone. Cuốn sách kể về ba thế hệ một gia đình làm nghề chài lưới ven "
        "sông. Bản dịch dày 320 trang, được in 3.000 bản trong đợt đầu. Ông Lê Minh cho biết ông mất hai năm để "
        "hoàn thành bản dịch.")


@pytest.mark.parametrize("question", ["ai viết cuốn The House on the River?", "The Power of the River là sách gì?",
                                      "Mary Stone tự dịch cuốn The House on the River phải không?",
                                      "Ai viết cuốn The Art of Living Well?"])
def test_a_vietnamese_question_holding_an_english_title_is_vietnamese(question):
    assert route(question, has_article=True).language == "vi"


@pytest.mark.parametrize("question", ["who is Nguyễn Văn An?", "who is Trần Đức Phấn?", "what did ông Hùng say?",
                                      "does the article mention Hội An?"])
def test_an_english_question_holding_a_vietnamese_name_stays_english(question):
    assert route(question, has_article=True).language == "en"


def test_a_vietnamese_question_with_an_english_title_is_answered_in_vietnamese(offline_bot):
    _, session = turn(offline_bot, BOOK)
    final, _ = turn(offline_bot, "ai viết cuốn The House on the River?", session)
    assert final.startswith("Bài báo viết:") and "Mary Stone" in final
    assert "The article says" not in final and "(paragraph" not in final and "No translation model" not in final


# --- whom the story is about ---------------------------------------------------------------------

BRIBE = build_article(
    ("Theo một khảo sát ở Bình Dương, 62% người dân ủng hộ việc mở rộng điều tra.",
     "Ngày 3/4, cơ quan điều tra đã khởi tố ông Nguyễn Hữu Tâm, cựu giám đốc Sở Xây dựng, về tội nhận hối lộ.",
     "Ông Tâm bị cáo buộc nhận 2 tỷ đồng từ một doanh nghiệp xây dựng.",
     "Luật sư của ông Tâm cho biết thân chủ sẽ hợp tác với cơ quan điều tra."),
    title="Cựu giám đốc Sở Nguyễn Hữu Tâm bị khởi tố vì nhận hối lộ", language="vi")


@pytest.mark.parametrize(("question", "language"), [("bài báo nói về ai?", "vi"), ("bài này viết về ai?", "vi"),
                                                    ("who is the article about?", "en")])
def test_whom_the_story_is_about_is_its_main_people_where_it_introduces_them(empty_hub, question, language):
    # the lead's first sentence names a place and a share, nobody: it is no answer
    final = ask(BRIBE, question, empty_hub, language)
    assert final.text == reply("story_people", language, people="Nguyễn Hữu Tâm")
    assert [s.index for s in final.evidence] == [1]


def test_the_main_people_are_those_the_headline_and_lead_name():
    people = main_people(BRIBE)
    assert [(p.name, p.key) for p in people] == [("Nguyễn Hữu Tâm", "Tâm")]
    # a country after a title ("Tổng thống Mỹ") is nobody; the person after it is
    article = build_article(("Tổng thống Mỹ Robert Kane gặp Thủ tướng Anh tại London.",
                             "Ông Kane nói cuộc gặp rất thẳng thắn.", "Hai bên bàn về thương mại."),
                            title="Ông Kane thăm London", language="vi")
    assert [p.name for p in main_people(article)] == ["Robert Kane"]


def test_a_story_naming_nobody_much_keeps_the_lead_sentence(offline_bot):
    session = turn(offline_bot, fixture_article("vi-clutter"))[1]
    final, _ = turn(offline_bot, "bài báo nói về ai?", session)
    assert final.startswith("Bài báo viết:") and "Sáng 11/3" in final


# --- a news roundup ------------------------------------------------------------------------------

ROUNDUP = ("Điểm tin sáng 12/7: Mưa lớn gây sạt lở ở Hà Giang\n\n"
           "Mưa lớn gây sạt lở ở Hà Giang. Mưa lớn kéo dài từ đêm qua đã gây sạt lở nhiều đoạn đường ở tỉnh Hà "
           "Giang, khiến giao thông bị chia cắt. Lực lượng chức năng đang khắc phục hậu quả. "
           "Giá xăng giảm nhẹ từ chiều nay. Liên Bộ Công Thương - Tài chính quyết định giảm giá xăng từ 15h chiều "
           "nay, mỗi lít giảm khoảng 300 đồng. Giá dầu diesel giữ nguyên. "
           "Đội tuyển bóng chuyền nữ thắng trận ra quân. Đội tuyển bóng chuyền nữ Việt Nam thắng trận ra quân tại "
           "giải châu Á với tỷ số 3-1. Trận tiếp theo diễn ra vào tối mai.")
ITEMS = ["Mưa lớn gây sạt lở ở Hà Giang.", "Giá xăng giảm nhẹ từ chiều nay.", "Đội tuyển bóng chuyền nữ thắng trận ra quân."]


def test_a_roundup_is_said_to_be_several_stories_each_by_how_it_opens(empty_hub):
    article = Article.from_text(ROUNDUP)
    assert [s.text for s in roundup_items(article)] == ITEMS
    for length in (Length.SHORT, Length.NORMAL):
        final = list(summarize_article(article, Intent(IntentKind.SUMMARIZE, language="vi", length=length), empty_hub))[-1]
        assert final.text == "\n".join(f"- {item}" for item in ITEMS)
        assert [n.key for n in final.notices] == ["roundup"] and final.notices[0].args == {"count": 3}


def test_one_story_is_no_roundup():
    assert roundup_items(Article.from_text(fixture_article("vi-football"))) == ()
    assert roundup_items(Article.from_text(ROUNDUP.replace("Điểm tin sáng 12/7: ", ""))) == ()


# --- a subheading is no statement ----------------------------------------------------------------

BUSES = ("Hà Nội mở thêm 3 tuyến buýt điện\n\n"
         "Buýt điện - Lựa chọn xanh cho Thủ đô Hà Nội\n\n"
         "Từ ngày 1/8, thành phố đưa vào khai thác 3 tuyến buýt điện mới nối trung tâm với các khu đô thị phía Tây. "
         "Mỗi tuyến có 20 xe, chạy từ 5h đến 22h hằng ngày.\n\n"
         "Giá vé không đổi\n\n"
         "Giá vé lượt vẫn là 7.000 đồng, người cao tuổi được miễn phí.")


@pytest.mark.parametrize("length", list(Length))
def test_a_subheading_is_never_the_summary(length):
    article = Article.from_text(BUSES)
    chosen = [s.text for s in summarize_extractive(article, length=length)]
    assert chosen and not any(text.startswith(("Buýt điện - ", "Giá vé không đổi")) for text in chosen)


def test_what_happened_is_told_by_a_sentence_not_a_subheading(offline_bot):
    session = turn(offline_bot, BUSES)[1]
    final, _ = turn(offline_bot, "chuyện gì xảy ra?", session)
    assert not final.startswith("Buýt điện") and "khai thác 3 tuyến buýt điện" in final


# --- ages ---------------------------------------------------------------------------------------

POTTERY = build_article(
    ("Ông Trần Văn Bình, 58 tuổi, cùng ông Phạm Quốc Nam vừa khai trương xưởng gốm rộng 2.000 m2 tại xã Bát Tràng.",),
    ("Xưởng của ông Nam và ông Bình hiện có 45 thợ, mỗi tháng làm ra khoảng 12.000 sản phẩm.",
     "Ông Nam cho biết xưởng sẽ xuất khẩu lô hàng đầu tiên sang Nhật Bản vào tháng 9."),
    title="Hai doanh nhân mở xưởng gốm ở Bát Tràng", language="vi")


@pytest.mark.parametrize("question", ["ông Nam bao nhiêu tuổi?", "Nam mấy tuổi?", "ông Nam sinh năm nào?"])
def test_an_age_the_article_does_not_give_is_said_to_be_missing(empty_hub, question):
    # the sentences about ông Nam hold numbers (45 thợ, 12.000 sản phẩm), and ông Bình's age: no answer
    final = ask(POTTERY, question, empty_hub)
    assert not final.evidence and [(n.key, n.args) for n in final.notices] == [("age_not_given", {"who": "Nam"})]


@pytest.mark.parametrize("question", ["ông Bình bao nhiêu tuổi?", "Bình năm nay mấy tuổi?"])
def test_an_age_is_answered_by_the_sentence_giving_it(empty_hub, question):
    final = ask(POTTERY, question, empty_hub)
    assert [s.index for s in final.evidence] == [0]
    assert not any(n.key.startswith("no_") or n.key.startswith("age_") for n in final.notices)


def test_an_age_goes_with_the_name_next_to_it():
    text = "Đám cưới của anh Lâm, 31 tuổi, và chị Hạnh, 29 tuổi, diễn ra tại Huế; anh Quân (SN 1990) làm phù rể."
    sentences = [Sentence(text, 0, 0), Sentence("Ông Kha có 3 con và 12 cháu.", 1, 0)]
    assert [s.index for s in age_sentences(sentences, ["hanh"])] == [0]
    assert [s.index for s in age_sentences(sentences, ["quan"])] == [0]
    assert age_sentences(sentences, ["kha"]) == []
    aside = [Sentence("Minh Thư (tên nhân vật đã được thay đổi theo yêu cầu), 17 tuổi, làm ở xưởng may.", 0, 0)]
    assert [s.index for s in age_sentences(aside, ["thu"])] == [0]   # an aside in brackets parts nothing
    assert asks_age("how old is Kha?") and asks_age("Hạnh sinh năm nào?") and not asks_age("Hạnh 29 tuổi phải không?")


def test_an_english_age_question_without_a_translator_reads_the_name(empty_hub):
    final = ask(POTTERY, "how old is Nam?", empty_hub, language="en")
    assert [(n.key, n.args) for n in final.notices if n.key.startswith("age")] == [("age_not_given", {"who": "Nam"})]


# --- a share answers "bao nhiêu" ----------------------------------------------------------------

def test_a_share_of_a_whole_answers_how_many(empty_hub):
    article = build_article(("Dự luật sửa đổi cần ít nhất 2/3 đại biểu Quốc hội tán thành mới được thông qua.",
                             "Phiên biểu quyết dự kiến diễn ra vào ngày 20/11."), language="vi")
    final = ask(article, "cần bao nhiêu đại biểu tán thành để thông qua dự luật?", empty_hub)
    assert final.evidence and final.evidence[0].index == 0
    assert not any(n.key == "no_number_in_article" for n in final.notices)


# --- going on after an answer -------------------------------------------------------------------

def test_going_on_after_an_unanswered_question_quotes_the_rest_of_the_article(offline_bot):
    session = turn(offline_bot, fixture_article("vi-football"))[1]
    _, session = turn(offline_bot, "Thời tiết ở Nhật Bản hôm đó thế nào?", session)
    assert session.last_question and not session.last_question_shown
    _, session = turn(offline_bot, "còn gì nữa?", session)   # the article's points: the longest summary at most
    shown = set(session.last_summary_shown)
    body = {s.index for s in session.article.sentences}
    assert len(body - shown) > 5   # a dozen sentences left unquoted: the article has more to say
    for _ in range(len(body)):
        final, session = turn(offline_bot, "tiếp", session)
        if reply("summary_nothing_more", "vi") in final:
            break
        # sentences not quoted yet, never "the last summary held every point", nor the model reminder again
        assert reply("summary_rest_points", "vi") in final or reply("summary_more_points", "vi") in final
        assert set(session.last_summary_shown) > shown and "hf download" not in final
        shown = set(session.last_summary_shown)
    assert reply("summary_nothing_more", "vi") in final and "hf download" not in final
    assert len(body - shown) <= 3   # only what no summary quotes (a question, a caption) was left out
