"""bot.route: one chat message → the Intent the tasks act on."""
from __future__ import annotations

import unicodedata

import pytest

from bot.intent import Intent, IntentKind, Length
from bot.route import route, strip_diacritics

K = IntentKind
SHORT, DETAILED = Length.SHORT, Length.DETAILED

# Written for these tests: "dịch" (epidemic) and "tóm tắt" occur inside the article on purpose.
ARTICLE = """Đoàn thể thao Việt Nam về nước sau SEA Games

Sáng 20/5, đoàn thể thao Việt Nam đã về tới sân bay Nội Bài sau mười hai ngày thi đấu. Trưởng đoàn, ông Trần Đức Phấn, cho biết các vận động viên đã vượt chỉ tiêu đề ra. Tổng cộng đoàn giành 136 huy chương vàng.

Theo ông Phấn, dịch bệnh từng khiến nhiều đội tuyển phải tập luyện trực tuyến. Ban huấn luyện sẽ tóm tắt kinh nghiệm và gửi báo cáo lên Bộ trong tháng tới. Người hâm mộ đã chờ đón đoàn từ sáng sớm."""


def S(language="vi", **options) -> Intent:
    return Intent(K.SUMMARIZE, language=language, **options)


def T(language="vi", **options) -> Intent:
    return Intent(K.TRANSLATE, language=language, **options)


def A(question: str, language="vi", **options) -> Intent:
    return Intent(K.ASK, language=language, question=question, **options)


ROUTES = [
    # Summaries: Vietnamese with and without diacritics, typos, English, mixed.
    ("tóm tắt", S()),
    ("Tóm tắt bài này giúp mình", S()),
    ("tom tat bai nay giup minh", S()),
    ("TÓM TẮT 3 Ý CHÍNH", S(sentences=3, bullets=True)),
    ("tóm tắt 3 ý chính", S(sentences=3, bullets=True)),
    ("tom tat 3 y chinh", S(sentences=3, bullets=True)),
    ("tomtat", S()),
    ("tóm tăt bài này", S()),
    ("tóm tắc giúp em", S()),
    ("tóm lược", S()),
    ("nội dung chính", S()),
    ("ý chính là gì?", S(bullets=True)),
    ("Nội dung bài này là gì?", S()),
    ("bài này nói về gì?", S(length=SHORT)),
    ("bai nay noi ve gi", S(length=SHORT)),
    ("What is this article about?", S("en", length=SHORT)),
    ("what's it about", S("en", length=SHORT)),
    ("summarize", S("en")),
    ("Summarise the article", S("en")),
    ("sumarize this", S("en")),
    ("summary please", S("en")),
    ("tl;dr", S("en", length=SHORT)),
    ("TLDR", S("en", length=SHORT)),
    ("key points", S("en", bullets=True)),
    ("what's the gist?", S("en")),
    ("summarize bài này", S("en")),
    ("giúp mình summarize bài này nhé", S()),
    # Summary options: counts (digits and number words), bullets, length, output language.
    ("tóm tắt trong 3 câu", S(sentences=3)),
    ("tóm tắt ba ý", S(sentences=3, bullets=True)),   # points are a list; sentences are prose
    ("tóm tắt năm câu", S(sentences=5)),
    ("tom tat muoi cau", S(sentences=10)),
    ("summarize in 3 bullets", S("en", sentences=3, bullets=True)),
    ("give me 3 key takeaways", S("en", sentences=3, bullets=True)),
    ("what happened?", S("en", length=Length.SHORT)),
    ("chuyện gì đã xảy ra?", S(length=Length.SHORT)),
    ("What happened to the bridge?", A("What happened to the bridge?", "en")),
    ("summarize in two sentences", S("en", sentences=2)),
    ("Summarize in five key points", S("en", sentences=5, bullets=True)),
    ("tóm tắt dạng gạch đầu dòng", S(bullets=True)),
    ("tóm tắt thành danh sách", S(bullets=True)),
    ("tóm tắt ngắn gọn", S(length=SHORT)),
    ("tóm tắt 1 câu", S(sentences=1, length=SHORT)),
    ("summarize in one sentence", S("en", sentences=1, length=SHORT)),
    ("summarize briefly", S("en", length=SHORT)),
    ("tóm tắt chi tiết", S(length=DETAILED)),
    ("tom tat day du", S(length=DETAILED)),
    ("summarize in detail", S("en", length=DETAILED)),
    ("summarize in English", S("en", target_language="en")),
    ("tóm tắt bằng tiếng Anh", S(target_language="en")),
    ("summarize in Vietnamese", S("en", target_language="vi")),
    ("tóm tắt đoạn 3", S(paragraph=3)),
    # Follow-ups that only name a summary's shape, and refinements of the last summary.
    ("3 câu thôi", S(sentences=3)),
    ("ngắn gọn", S(length=SHORT)),
    ("ngắn hơn", S(refine="shorter")),
    ("ngắn hơn nữa", S(refine="shorter")),
    ("ngan hon nua", S(refine="shorter")),
    ("rút gọn hơn", S(refine="shorter")),
    ("shorter", S("en", refine="shorter")),
    ("make it shorter please", S("en", refine="shorter")),
    ("dài hơn", S(refine="longer")),
    ("chi tiết hơn", S(refine="longer")),
    ("longer", S("en", refine="longer")),
    ("more detail", S("en", refine="longer")),
    # Translations: direction, paragraph numbers, and the summary-vs-translation boundary.
    ("dịch", T()),
    ("dịch sang tiếng Anh", T(target_language="en")),
    ("dich sang tieng anh", T(target_language="en")),
    ("Bạn dịch giúp mình sang tiếng Anh nhé", T(target_language="en")),
    ("dịch từ tiếng Anh sang tiếng Việt", T(target_language="vi")),
    ("translate", T("en")),
    ("translate to English", T("en", target_language="en")),
    ("translate into Vietnamese", T("en", target_language="vi")),
    ("Please translate this article", T("en")),
    ("bản tiếng Anh", T(target_language="en")),
    ("in English please", T("en", target_language="en")),
    ("tiếng Việt đi", T(target_language="vi")),
    ("dịch đoạn 2", T(paragraph=2)),
    ("dich doan 2", T(paragraph=2)),
    ("dịch đoạn thứ hai", T(paragraph=2)),
    ("dịch đoạn thứ tư sang tiếng Anh", T(target_language="en", paragraph=4)),
    ("dịch đoạn đầu", T(paragraph=1)),
    ("translate paragraph 3", T("en", paragraph=3)),
    ("translate the 2nd paragraph into English", T("en", target_language="en", paragraph=2)),
    ("translate the first paragraph", T("en", paragraph=1)),
    ("dịch đoạn sau", T()),  # "đoạn sau" is the next paragraph, not paragraph six
    ("dịch bản tóm tắt sang tiếng Anh", T(target_language="en")),
    ("tóm tắt rồi dịch sang tiếng Anh", S(target_language="en")),
    # Questions about the article, including "dịch" the epidemic and "đoàn" the delegation.
    ("ai là trưởng đoàn?", A("ai là trưởng đoàn?")),
    ("ai la truong doan", A("ai la truong doan")),
    ("Who led the delegation?", A("Who led the delegation?", "en")),
    ("Đoàn giành bao nhiêu huy chương vàng", A("Đoàn giành bao nhiêu huy chương vàng")),
    ("Dịch bệnh Covid ảnh hưởng thế nào?", A("Dịch bệnh Covid ảnh hưởng thế nào?")),
    ("Đại dịch này kéo dài bao lâu?", A("Đại dịch này kéo dài bao lâu?")),
    ("Đoàn thứ hai về lúc nào?", A("Đoàn thứ hai về lúc nào?")),
    ("Chào bạn, ai là trưởng đoàn?", A("ai là trưởng đoàn?")),
    ("Trả lời bằng tiếng Anh: ai là trưởng đoàn?", A("ai là trưởng đoàn?", target_language="en")),
    ("Who is Trần Đức Phấn?", A("Who is Trần Đức Phấn?", "en")),
    ("Ông Phấn là ai", A("Ông Phấn là ai")),
    ("đoạn 2 nói gì?", A("đoạn 2 nói gì?", paragraph=2)),
    ("Is the team back home", A("Is the team back home", "en")),
    ("mấy giờ đoàn về", A("mấy giờ đoàn về")),
    ("may gio doan ve", A("may gio doan ve")),
    ("máy bay của đoàn", Intent(K.HELP, language="vi")),  # "máy" (machine) is no question word
    ("kẹt xe bao lâu", A("kẹt xe bao lâu")),
    # Typed without marks: words no English dictionary has, shaped like Vietnamese syllables.
    ("may gio thong xe", A("may gio thong xe")),
    ("ty so the nao", A("ty so the nao")),
    ("gia vang mua vao bn", A("gia vang mua vao bao nhiêu")),
    ("how long did it last", A("how long did it last", "en")),
    ("whats the death toll", A("whats the death toll", "en")),
    ("will hoa appeal?", A("will hoa appeal?", "en")),           # English dictionary words outweigh a name
    # Help and greetings.
    ("giúp", Intent(K.HELP, language="vi")),
    ("giúp mình với", Intent(K.HELP, language="vi")),
    ("help", Intent(K.HELP, language="en")),
    ("/help", Intent(K.HELP, language="en")),
    ("bạn làm được gì?", Intent(K.HELP, language="vi")),
    ("ban lam duoc gi", Intent(K.HELP, language="vi")),
    ("hướng dẫn", Intent(K.HELP, language="vi")),
    ("What can you do?", Intent(K.HELP, language="en")),
    ("xin chào", Intent(K.GREETING, language="vi")),
    ("Chào bạn!", Intent(K.GREETING, language="vi")),
    ("hi", Intent(K.GREETING, language="en")),
    ("Hello there", Intent(K.GREETING, language="en")),
    ("cảm ơn bạn nhiều nhé", Intent(K.THANKS, language="vi")),
    ("cam on", Intent(K.THANKS, language="vi")),
    ("thanks!", Intent(K.THANKS, language="en")),
    ("ok cảm ơn", Intent(K.THANKS, language="vi")),
    ("hay quá", Intent(K.THANKS, language="vi")),
    ("vâng", Intent(K.THANKS, language="vi")),
    ("cám ơn bạn", Intent(K.THANKS, language="vi")),
    ("vàng", Intent(K.HELP, language="vi")),   # gold, not "vâng": marks tell the words apart
    ("great, thanks", Intent(K.THANKS, language="en")),
    # Read alike in both languages: no language, the chat keeps the conversation's.
    ("ok", Intent(K.THANKS, language="")),
    # Laughter alone thanks for nothing and asks for nothing: a neutral reply.
    ("haha", Intent(K.REACTION, language="")),
    ("hihihi", Intent(K.REACTION, language="")),
    ("😂😂", Intent(K.REACTION, language="")),
    ("ok haha", Intent(K.THANKS, language="")),
    # Follow-ups: "more" of the last reply (the chat decides: the question's next sentences, or a
    # longer summary); "thêm 2 ý" steps the last summary by 2.
    ("nói rõ hơn", Intent(K.SUMMARIZE, language="vi", refine="more")),
    ("còn gì nữa?", Intent(K.SUMMARIZE, language="vi", refine="more")),
    ("tell me more", Intent(K.SUMMARIZE, language="en", refine="more")),
    ("2 more points", Intent(K.SUMMARIZE, language="en", refine="longer", sentences=2, bullets=True)),
    ("thêm 2 ý nữa", Intent(K.SUMMARIZE, language="vi", refine="longer", sentences=2, bullets=True)),
    ("bớt 1 ý", Intent(K.SUMMARIZE, language="vi", refine="shorter", sentences=1, bullets=True)),
    ("tóm gọn bài này", Intent(K.SUMMARIZE, language="vi")),
    # The answer language asked for after a question is not part of it.
    ("ai là trưởng đoàn? Trả lời bằng tiếng Anh", Intent(K.ASK, language="vi", question="ai là trưởng đoàn?", target_language="en")),
    # Words typed with marks are not English look-alikes ("thế à" is not "the a").
    ("thế à?", Intent(K.ASK, language="vi", question="thế à?")),
    # Thanks before a follow-up or a question is not part of it.
    ("cảm ơn, còn gì nữa?", Intent(K.SUMMARIZE, language="vi", refine="more")),
    ("cảm ơn, ai là trưởng đoàn?", Intent(K.ASK, language="vi", question="ai là trưởng đoàn?")),
    ("bài nói gì về giá vé?", Intent(K.ASK, language="vi", question="giá vé")),
    ("What does the article say about the cost?", Intent(K.ASK, language="en", question="the cost")),
    ("bài viết rất hay", Intent(K.THANKS, language="vi")),
    ("tks", Intent(K.THANKS, language="")),   # read alike in both: the conversation's language answers
    ("good job, tell me more", Intent(K.SUMMARIZE, language="en", refine="more")),
    # Chat shorthand is written out.
    ("giá bn?", Intent(K.ASK, language="vi", question="giá bao nhiêu?")),
    ("cau dai bao nhiu", Intent(K.ASK, language="vi", question="cau dai bao nhiêu")),
    ("cầu xây ntn?", Intent(K.ASK, language="vi", question="cầu xây như thế nào?")),
    ("K+ phát sóng trận nào?", Intent(K.ASK, language="vi", question="K+ phát sóng trận nào?")),   # a name, no shorthand
    ("đúng k?", Intent(K.ASK, language="vi", question="đúng không?")),
    ("does the article mention vitamin k?", Intent(K.ASK, language="en", question="vitamin k", mention=True)),
    ("bài có nhắc đến vitamin k không?", Intent(K.ASK, language="vi", question="vitamin k", mention=True)),
    # So is praise.
    ("hay quá, còn gì nữa không?", Intent(K.SUMMARIZE, language="vi", refine="more")),
    ("great, tell me more", Intent(K.SUMMARIZE, language="en", refine="more")),
    ("nice, who led it?", Intent(K.ASK, language="en", question="who led it?")),
    # A follow-up about something: what the article says about it.
    ("nói rõ hơn về đoàn kiểm tra", Intent(K.ASK, language="vi", question="đoàn kiểm tra")),
    ("tell me more about the delegation", Intent(K.ASK, language="en", question="the delegation")),
    # "Does it mention X?": what the article says about X.
    ("bài này có nhắc đến Nhật Bản không?", Intent(K.ASK, language="vi", question="Nhật Bản", mention=True)),
    ("bai co noi ve gia ve khong", Intent(K.ASK, language="vi", question="gia ve", mention=True)),
    ("Does the article mention China?", Intent(K.ASK, language="en", question="China", mention=True)),
    ("Is Ho Chi Minh City mentioned?", Intent(K.ASK, language="en", question="Ho Chi Minh City", mention=True)),
    # A question that only starts like a follow-up stays a question.
    ("còn ai nữa bị thương?", Intent(K.ASK, language="vi", question="còn ai nữa bị thương?")),
    ("xin cảm ơn", Intent(K.THANKS, language="vi")),
    ("không, cảm ơn", Intent(K.THANKS, language="vi")),
    ("thanks, bye", Intent(K.GOODBYE, language="en")),
    ("tạm biệt", Intent(K.GOODBYE, language="vi")),
    ("bye", Intent(K.GOODBYE, language="")),
    ("uhm ok", Intent(K.THANKS, language="")),
    # Thanks for a reply already given names a task but asks for none; what follows it may ask.
    ("cảm ơn bạn đã tóm tắt", Intent(K.THANKS, language="vi")),
    ("cam on ban da dich", Intent(K.THANKS, language="vi")),
    ("ok cảm ơn bạn nhé, bản tóm tắt hay lắm", Intent(K.THANKS, language="vi")),
    ("thanks for the summary", Intent(K.THANKS, language="en")),
    ("thanks for the answer! bye", Intent(K.GOODBYE, language="en")),
    ("cảm ơn vì bản dịch, tóm tắt giúp mình luôn", Intent(K.SUMMARIZE, language="vi")),
    ("thanks for the translation, now summarize it", Intent(K.SUMMARIZE, language="en")),
    ("thanks for the summary now make it shorter", Intent(K.SUMMARIZE, language="en", refine="shorter")),
    ("cảm ơn, bản tóm tắt quá dài", Intent(K.SUMMARIZE, language="vi", refine="shorter")),
    ("cảm ơn, bản tóm tắt hơi dài", Intent(K.SUMMARIZE, language="vi", refine="shorter")),   # a complaint asks
    ("tks bạn đã tóm tắt", Intent(K.THANKS, language="vi")),
    ("bài báo nói về ai?", Intent(K.ASK, language="vi", question="bài báo nói về ai?")),   # no "does it mention"
    ("cảm ơn bạn đã tóm tắt. Ai là trưởng đoàn?", Intent(K.ASK, language="vi", question="Ai là trưởng đoàn?")),
    ("được không?", Intent(K.ASK, language="vi", question="được không?")),
    # Unrecognised with an article loaded: help.
    ("bạn ơi", Intent(K.HELP, language="vi")),
    # "Go on" in its usual forms continues like "còn gì nữa?" (not a question "còn nữa không").
    ("tiếp", Intent(K.SUMMARIZE, language="vi", refine="more")),
    ("tiep", Intent(K.SUMMARIZE, language="vi", refine="more")),
    ("tiếp đi", Intent(K.SUMMARIZE, language="vi", refine="more")),
    ("nói tiếp đi", Intent(K.SUMMARIZE, language="vi", refine="more")),
    ("còn nữa không", Intent(K.SUMMARIZE, language="vi", refine="more")),
    ("còn gì nữa không", Intent(K.SUMMARIZE, language="vi", refine="more")),
    ("nữa", Intent(K.SUMMARIZE, language="vi", refine="more")),
    ("thêm nữa đi", Intent(K.SUMMARIZE, language="vi", refine="more")),
    # Done for now: a short close, not the help text.
    ("thôi", Intent(K.ENOUGH, language="vi")),
    ("thoi", Intent(K.ENOUGH, language="vi")),
    ("thôi được rồi, cảm ơn", Intent(K.ENOUGH, language="vi")),
    ("đủ rồi", Intent(K.ENOUGH, language="vi")),
    ("không cần nữa", Intent(K.ENOUGH, language="vi")),
    ("that's all", Intent(K.ENOUGH, language="en")),
    ("thổi", Intent(K.HELP, language="vi")),     # blow, not "thôi": marks tell the words apart
    ("thôi, tóm tắt lại đi", Intent(K.SUMMARIZE, language="vi")),   # a request after it is the request
    # A word limit for the summary.
    ("tóm tắt trong 30 chữ", Intent(K.SUMMARIZE, language="vi", words=30)),
    ("tom tat duoi 50 tu", Intent(K.SUMMARIZE, language="vi", words=50)),
    ("tóm tắt 2 câu, không quá 40 từ", Intent(K.SUMMARIZE, language="vi", sentences=2, words=40)),
    ("summarize in 40 words", Intent(K.SUMMARIZE, language="en", words=40)),
    ("in 25 words please", Intent(K.SUMMARIZE, language="en", words=25)),
    ("tóm tắt 3 ý", Intent(K.SUMMARIZE, language="vi", sentences=3, bullets=True)),   # points, no word limit
    # The download buttons, asked for in the chat.
    ("tải bản tóm tắt", Intent(K.DOWNLOAD, language="vi")),
    ("lưu bản dịch về máy", Intent(K.DOWNLOAD, language="vi")),
    ("download the summary", Intent(K.DOWNLOAD, language="en")),
    ("tóm tắt rồi cho mình tải về", Intent(K.SUMMARIZE, language="vi")),   # the summary first
    ("bao nhiêu người đã tải ứng dụng?", Intent(K.ASK, language="vi", question="bao nhiêu người đã tải ứng dụng?")),
]


@pytest.mark.parametrize(("message", "expected"), ROUTES, ids=[m for m, _ in ROUTES])
def test_message_routes_to_intent(message, expected):
    assert route(message, has_article=True) == expected


@pytest.mark.parametrize("message", ["tóm tắt 3 ý chính", "dịch đoạn 2", "ai là trưởng đoàn?", "Tóm tắt ngắn hơn"])
def test_decomposed_input_routes_like_composed(message):
    assert route(unicodedata.normalize("NFD", message), True) == route(message, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tóm tắt ĐOẠN 2", "Tom tat DOAN 2"), ("dịch sang tiếng Việt", "dich sang tieng Viet"),
     ("Trưởng đoàn Trần Đức Phấn", "Truong doan Tran Duc Phan"), ("summary", "summary")],
)
def test_strip_diacritics(text, expected):
    assert strip_diacritics(text) == expected
    assert strip_diacritics(unicodedata.normalize("NFD", text)) == expected


INSTRUCTION_AND_ARTICLE = [
    ("Tóm tắt bài sau: " + ARTICLE, S()),
    ("Tóm tắt bài sau:\n\n" + ARTICLE, S()),
    ("tom tat 3 y chinh:\n" + ARTICLE, S(sentences=3, bullets=True)),
    ("Dịch sang tiếng Anh:\n" + ARTICLE, T(target_language="en")),
    ("Summarize this: " + ARTICLE, S("en")),
    ("Summarize this in 3 bullets:\n" + ARTICLE, S("en", sentences=3, bullets=True)),
    ("Tóm tắt giúp mình\n\n" + ARTICLE, S()),
    (ARTICLE + "\n\nTóm tắt giúp mình", S()),
    (ARTICLE + "\n\ntranslate into English", T("en", target_language="en")),
    (ARTICLE + "\n\nAi là trưởng đoàn?", A("Ai là trưởng đoàn?")),
]


@pytest.mark.parametrize(("message", "expected"), INSTRUCTION_AND_ARTICLE)
def test_instruction_and_article_in_one_message(message, expected):
    intent = route(message, has_article=False)
    assert intent == Intent(**{**vars(expected), "article_text": ARTICLE})


@pytest.mark.parametrize("has_article", [True, False])
def test_bare_article_is_article_despite_keywords_inside(has_article):
    # The article says "dịch bệnh" and "tóm tắt kinh nghiệm": neither is a request.
    assert route(ARTICLE, has_article) == Intent(K.ARTICLE, language="vi", article_text=ARTICLE)


def test_article_text_holds_the_article_not_the_instruction():
    intent = route("Dịch sang tiếng Anh:\n" + ARTICLE, has_article=True)
    assert intent.article_text.startswith("Đoàn thể thao Việt Nam")
    assert "Dịch sang tiếng Anh" not in intent.article_text


def test_title_that_is_a_question_stays_in_the_article():
    body = ARTICLE.partition("\n\n")[2]
    message = "Ai là trưởng đoàn?\n\n" + body   # the body has no other title: the question is its headline
    assert route(message, has_article=False) == Intent(K.ARTICLE, language="vi", article_text=message)


@pytest.mark.parametrize("headline", [
    "Vụ cháy kho hàng ở Long Biên: Ai phải chịu trách nhiệm?",
    'Dự án đường ven biển chậm tiến độ: Vì sao "đắp chiếu" suốt 5 năm?',
])
def test_a_topic_and_question_headline_over_a_subheading_stays_the_articles(headline):
    # News asks in its headlines ("topic: question?"); the line below is then a sub-heading, which
    # looks like a title of its own, but the message is all article.
    message = f"{headline}\n\nManh mối từ camera\n{ARTICLE.partition(chr(10) * 2)[2]}"
    assert route(message, has_article=False).kind is K.ARTICLE
    assert route("Cho mình hỏi: ai là trưởng đoàn?\n\n" + ARTICLE, has_article=False).kind is K.ASK


@pytest.mark.parametrize(("before", "expected"), [
    # A question above an article that has its own title is the user's.
    ("Ai là trưởng đoàn?\n", A("Ai là trưởng đoàn?")),
    ("Who led the delegation?\n\n", Intent(K.ASK, language="en", question="Who led the delegation?")),
    # A longer request is still one when it points at the article below it.
    ("Nhờ bạn tóm tắt bài báo dưới đây thành 3 ý chính, cảm ơn nhiều nhé!\n\n", S(sentences=3, bullets=True)),
    ("Mình vừa đọc bài này trên báo sáng nay, bạn tóm tắt giúp mình thành 3 ý chính nhé\n\n", S(sentences=3, bullets=True)),
    ("Ai là trưởng đoàn và đoàn đã giành được tổng cộng bao nhiêu huy chương vàng ở kỳ đại hội này?\n\n",
     A("Ai là trưởng đoàn và đoàn đã giành được tổng cộng bao nhiêu huy chương vàng ở kỳ đại hội này?")),
])
def test_request_above_the_article(before, expected):
    assert route(before + ARTICLE, has_article=False) == Intent(**{**vars(expected), "article_text": ARTICLE})


def test_short_text_after_translate_colon_is_carried():
    intent = route("Dịch sang tiếng Anh: Tôi yêu Hà Nội lắm.", has_article=True)
    assert intent == T(target_language="en", article_text="Tôi yêu Hà Nội lắm.")


def test_options_after_colon_are_not_an_article():
    assert route("Dịch sang tiếng Anh: đoạn thứ hai", True) == T(target_language="en", paragraph=2)


@pytest.mark.parametrize("message", ["ai là trưởng đoàn?", "Who led the delegation?"])
def test_question_without_article_is_still_ask(message):
    assert route(message, has_article=False).kind is K.ASK


def test_unrecognised_prose_without_article_is_a_short_article():
    prose = ("Sáng nay hàng nghìn người hâm mộ đã có mặt tại sân bay Nội Bài để chờ đón các vận động viên "
             "của đoàn thể thao Việt Nam trở về sau kỳ đại hội thành công")
    assert route(prose, has_article=False) == Intent(K.ARTICLE, language="vi", article_text=prose)
    assert route(prose, has_article=True) == Intent(K.HELP, language="vi")


@pytest.mark.parametrize("message", ["", "   ", "\n"])
def test_empty_message_is_help(message):
    assert route(message, has_article=True) == Intent(K.HELP, language="vi")


SHORT_NEWS = "Sáng 3/12, mưa lớn gây ngập sâu nhiều tuyến phố ở TP.HCM. Hơn 200 xe chết máy trên đường Nguyễn Hữu Cảnh."


def test_a_short_text_after_summarize_colon_is_summarized():
    assert route("tóm tắt: " + SHORT_NEWS, has_article=False) == S(article_text=SHORT_NEWS)
    assert route("Tóm tắt: ngắn gọn thôi", has_article=True) == S(length=Length.SHORT)   # an option, not a text


def test_two_full_sentences_with_no_article_open_are_a_short_article():
    assert route(SHORT_NEWS, has_article=False) == Intent(K.ARTICLE, language="vi", article_text=SHORT_NEWS)
    assert route("Mình là sinh viên năm nhất. Mình thích đọc báo.", has_article=False).kind is K.HELP   # too short
    chat = "Chào bạn. Mình là sinh viên năm nhất, mình muốn thử con bot này xem sao."
    assert route(chat, has_article=False).kind is not K.ARTICLE   # talks to the bot


# Short news items whose words would read as commands or questions: "kéo dài hơn", "rút ngắn
# hơn", "bản tóm tắt", "Vì sao ...?" inside, "Dịch" (an epidemic) opening one.
NEWS_ITEMS = [
    "Mưa lớn gây ngập ở Cần Thơ. Chiều 14/10, trận mưa kéo dài hơn 3 giờ khiến nhiều tuyến đường ngập sâu 50 cm.",
    "Tuyến cao tốc mới giúp rút ngắn hơn một nửa thời gian đi lại. Tuyến đường dài 48 km thông xe sáng 2/9.",
    "Dịch tay chân miệng tăng mạnh ở Bình Dương. Tính đến ngày 6/11, toàn tỉnh ghi nhận 1.204 ca mắc.",
    "Bộ Y tế công bố bản tóm tắt kết quả thanh tra. Ba bệnh viện bị phạt tổng cộng 450 triệu đồng.",
    "Giá cà phê hôm nay tăng mạnh. Vì sao giá cà phê tăng? Các thương lái cho rằng nguồn cung từ Brazil giảm.",
]


@pytest.mark.parametrize("item", NEWS_ITEMS)
@pytest.mark.parametrize("has_article", [True, False])
def test_a_short_news_item_is_an_article_whatever_words_it_holds(item, has_article):
    assert route(item, has_article=has_article) == Intent(K.ARTICLE, language="vi", article_text=item)


@pytest.mark.parametrize(("message", "kind"), [
    ("Tóm tắt ngắn hơn nữa. Chỉ lấy 2 câu đầu thôi nhé cho dễ đọc.", K.SUMMARIZE),  # a request opens it
    ("Ông Tám nói gì về dự án? Ông ấy có nhắc đến 1.000 tỷ đồng không. Cảm ơn.", K.ASK),  # a question opens it
    ("Dự án cầu Rồng khởi công năm 2020. Khi nào hoàn thành.", K.ASK),   # a question without its question mark
])
def test_two_sentences_of_the_readers_own_are_no_news_item(message, kind):
    assert route(message, has_article=True).kind is kind
    # no figure and no name: an opinion, which keeps the open article (a word opening with a
    # marked lowercase letter, "ăn", "ít", is no name)
    opinion = "Giá xăng tăng quá nhanh. Người dân như tôi phải tính toán lại chi tiêu hằng tháng."
    assert route(opinion, has_article=True).kind is not K.ARTICLE
    assert route("Giá rau tăng mạnh trong tuần qua. Người dân ăn ít rau hơn và chuyển sang đồ đông lạnh.",
                 has_article=True).kind is not K.ARTICLE


def test_summarize_colon_followed_by_options_is_no_text():
    message = "Tóm tắt: cho mình bản ngắn gọn khoảng ba câu thôi, tập trung vào phần số liệu nhé bạn"
    assert route(message, has_article=True).article_text is None



@pytest.mark.parametrize("headline", ["Heatwave forces Ho Chi Minh City schools to shorten classes",
                                      "Chính phủ tóm tắt kết quả 5 năm thực hiện chương trình"])
def test_a_headline_holding_a_task_word_is_the_headline(headline):
    body = ARTICLE.partition("\n\n")[2]
    assert route(f"{headline}\n\n{body}", has_article=False).kind is K.ARTICLE


def test_a_short_article_pasted_keeps_its_shorthand():
    text = "Sáng nay trạm thu phí k 15 tạm dừng thu phí. Tài xế ko phải trả tiền qua trạm đến hết tuần này."
    assert route(text, has_article=False).article_text == text   # what was pasted, not "trạm thu phí không 15"


@pytest.mark.parametrize(("message", "usual", "language"), [
    ("ha tinh damage?", "en", "en"), ("ha tinh damage?", "vi", "vi"),   # a tie: the conversation's language
    ("may gio thong xe", "en", "vi"),                                  # Vietnamese words outweigh it
    ("Who is Trần Đức Phấn?", "vi", "en"),
])
def test_the_conversation_language_breaks_a_tie(message, usual, language):
    assert route(message, has_article=True, usual_language=usual).language == language


# A reader's long message is no article: it asks about the open one, or comments on the news.
_READER_QUESTION = ("Mình đọc bài này thấy tỉnh nói đã sơ tán hơn 3.500 hộ dân ven sông. Nhưng nhà bà ngoại mình ở "
                    "xã bên cạnh đến giờ vẫn chưa thấy ai đến hỗ trợ, gọi điện cũng không được. Vậy trong bài có nói "
                    "lực lượng nào phụ trách cứu hộ ở xã đó không?")
_READER_COMMENT = ("Năm nào miền Trung cũng lũ lụt, người dân khổ quá. Nhà tôi ở ven sông cũng bị ngập gần một mét, "
                   "đồ đạc hư hỏng hết. Mong nhà nước sớm có chính sách hỗ trợ bà con vùng lũ, nhất là gạo và nước "
                   "sạch. Xin cảm ơn các chiến sĩ đã không quản ngại khó khăn giúp dân trong những ngày qua.")


@pytest.mark.parametrize("has_article", [True, False])
def test_a_long_message_about_the_article_asks_its_last_question(has_article):
    intent = route(_READER_QUESTION, has_article=has_article)
    assert intent.kind is K.ASK and intent.question.startswith("Vậy trong bài có nói lực lượng nào")


def test_a_first_person_comment_keeps_the_open_article_but_is_a_text_without_one():
    assert route(_READER_COMMENT, has_article=True).kind is K.COMMENT
    assert route(_READER_COMMENT, has_article=False).kind is K.ARTICLE  # a post to summarize
    # said outright, it is an article whatever it says
    forced = route("Bài mới: " + _READER_COMMENT, has_article=True)
    assert forced.kind is K.ARTICLE and forced.article_text == _READER_COMMENT


def test_first_person_inside_quotes_is_the_news_own():
    quoted = ("Sáng 14/10, nước sông dâng cao khiến hơn 200 hộ dân phải sơ tán. Ông Nguyễn Văn Hòa, trưởng thôn, "
              "cho biết: \"Nhà tôi và nhiều nhà khác bị ngập gần một mét, đồ đạc hư hỏng hết\". Lực lượng biên phòng "
              "đã dùng ca nô đưa người già và trẻ em đến nơi an toàn trong đêm.")
    assert route(quoted, has_article=True).kind is K.ARTICLE


@pytest.mark.parametrize("message", ["Bài viết rất hay và bổ ích. Mong admin ra thêm nhiều bài như thế này. Cảm ơn ad.", "bài hay quá", "tin hữu ích quá",
                                     "Bài này hay quá, cảm ơn admin", "👍"])
def test_praise_for_the_article_is_thanks(message):
    assert route(message, has_article=True).kind is K.THANKS
    assert route(message, has_article=False).kind is K.THANKS


@pytest.mark.parametrize(("message", "kind"), [
    ("quay lại bài trước", K.PREVIOUS), ("bài trước", K.PREVIOUS), ("go back to the previous article", K.PREVIOUS),
    ("so sánh hai bài", K.COMPARE), ("so sánh với bài trước", K.COMPARE), ("compare the two articles", K.COMPARE),
    ("xóa", K.RESET), ("xóa hội thoại", K.RESET), ("bắt đầu lại", K.RESET), ("start over", K.RESET),
    # about the news, not the articles: "so sánh" inside a question is no request to compare
    ("giá xăng so sánh với tháng trước thế nào?", K.ASK), ("xóa đói giảm nghèo đạt kết quả gì?", K.ASK),
])
def test_requests_about_the_conversation_itself(message, kind):
    assert route(message, has_article=True).kind is kind


def test_a_question_about_the_article_before_is_marked_and_asked_without_those_words():
    intent = route("Bài trước có bao nhiêu người chết?", has_article=True)
    assert intent.kind is K.ASK and intent.earlier and intent.question == "có bao nhiêu người chết?"
    intent = route("in the previous article, who is the mayor?", has_article=True)
    assert intent.earlier and intent.question == "who is the mayor?" and intent.language == "en"
    assert not route("Có bao nhiêu người chết?", has_article=True).earlier
    # a one-word "reset" is read in the conversation's language
    assert route("reset", has_article=True).language == ""


@pytest.mark.parametrize(("message", "kind", "question", "target"), [
    ("wat is the fee for cars", K.ASK, "wat is the fee for cars", None),       # typed fast, no "?"
    ("now in English: how strong is the storm?", K.ASK, "how strong is the storm?", "en"),
    ("explain it simply", K.SUMMARIZE, None, None), ("explain like I'm new to Vietnam", K.SUMMARIZE, None, None),
    ("giải thích bài này", K.SUMMARIZE, None, None), ("giải thích thêm về giá vé", K.ASK, "giá vé", None),
    ("Dịch sang tiếng Anh: Tôi yêu Hà Nội lắm", K.TRANSLATE, None, "en"),   # a line to translate stays one
])
def test_english_shortcuts_and_explanations(message, kind, question, target):
    intent = route(message, has_article=True)
    assert (intent.kind, intent.question, intent.target_language) == (kind, question, target)


@pytest.mark.parametrize(("message", "target"), [
    ("can you answer in English please?", "en"), ("please reply in English", "en"), ("Speak English!", "en"),
    ("ok, reply in Vietnamese from now on", "vi"), ("trả lời bằng tiếng Việt nhé", "vi"),
    ("hãy trả lời bằng tiếng Anh", "en"), ("tu gio noi tieng anh nha", "en"),
])
def test_asking_for_replies_in_a_language_is_a_setting_not_a_question(message, target):
    intent = route(message, has_article=True)
    assert (intent.kind, intent.target_language, intent.question) == (K.LANGUAGE, target, None)


@pytest.mark.parametrize("message", ["ai là trưởng đoàn? Trả lời bằng tiếng Anh", "in English please",
                                     "dịch sang tiếng Anh", "summarize in English", "answer in English: who led it?"])
def test_a_request_or_question_in_a_language_is_not_a_language_setting(message):
    assert route(message, has_article=True).kind is not K.LANGUAGE


@pytest.mark.parametrize("news", [
    # a story may open in the first person: it reports whose words they are
    "Tôi đã mất toàn bộ số tiền tích góp 20 năm, anh Trần Văn Bình, 45 tuổi, ở quận Thanh Xuân kể lại với phóng viên. "
    "Anh Bình là một trong hơn 300 nạn nhân của đường dây lừa đảo đầu tư tiền ảo vừa bị Công an Hà Nội triệt phá. "
    "Theo cơ quan điều tra, nhóm đối tượng đã chiếm đoạt hơn 120 tỷ đồng. Mong rằng các nạn nhân sẽ sớm được bồi thường.",
    # "bài viết", "bot" are news words too
    "Một bài viết trên mạng xã hội về việc du khách bị chặt chém 1,5 triệu đồng cho một đĩa hải sản ở Nha Trang đã thu hút "
    "hàng nghìn lượt chia sẻ. Ngày 3/4, UBND thành phố đã yêu cầu kiểm tra nhà hàng và xử phạt 15 triệu đồng.",
    "Nhiều tài khoản do bot tự động điều khiển đã lan truyền tin giả về giá xăng trong tháng 3. Bộ Thông tin và Truyền "
    "thông cho biết đã gỡ bỏ hơn 4.000 bài đăng sai sự thật và xử phạt 12 cá nhân, tổng số tiền 150 triệu đồng.",
])
@pytest.mark.parametrize("has_article", [True, False])
def test_news_in_the_first_person_or_about_posts_is_still_an_article(news, has_article):
    assert route(news, has_article=has_article).kind is K.ARTICLE


def test_a_readers_question_is_found_across_lines_and_without_its_question_mark():
    lines = ("Chào bạn, mình vừa đọc xong bài này.\nMình thấy dự án rất lớn, vốn đầu tư tới mấy nghìn tỷ đồng.\n"
             "Nhà bà ngoại mình ở gần đó, chưa biết có bị giải tỏa không.\nMình muốn hỏi tỉnh đã bố trí bao nhiêu "
             "khu tái định cư cho người dân?\nCảm ơn bạn nhiều nha.")
    intent = route(lines, has_article=True)
    assert intent.kind is K.ASK and intent.question.startswith("Mình muốn hỏi tỉnh đã bố trí bao nhiêu")
    unmarked = _READER_QUESTION.replace("Vậy trong bài có nói lực lượng nào phụ trách cứu hộ ở xã đó không?",
                                        "Bạn cho mình hỏi trong bài có nói lực lượng nào phụ trách cứu hộ ở xã đó")
    intent = route(unmarked, has_article=True)
    assert intent.kind is K.ASK and intent.question.startswith("Bạn cho mình hỏi trong bài")


@pytest.mark.parametrize(("message", "language"), [
    ("hả?", "vi"), ("ý bạn là sao?", "vi"), ("mình không hiểu gì cả", "vi"), ("nói lại đi", "vi"), ("khó hiểu quá", "vi"),
    ("huh?", "en"), ("what do you mean?", "en"), ("I don't understand", "en"), ("say that again", "en"),
])
def test_a_reader_who_did_not_follow_the_last_reply_says_so(message, language):
    assert route(message, has_article=True) == Intent(K.UNCLEAR, language=language)


@pytest.mark.parametrize("message", ["Hà?", "hà nội?", "ai không hiểu luật?", "tại sao nói lại giá vàng?"])
def test_a_name_or_a_question_is_no_sign_of_confusion(message):
    assert route(message, has_article=True).kind is not K.UNCLEAR


@pytest.mark.parametrize(("message", "topic", "sentences"), [
    ("tóm tắt phần nói về Cà Mau", "Cà Mau", None), ("tóm tắt về giá lúa", "giá lúa", None),
    ("tóm tắt phần Cà Mau", "Cà Mau", None), ("tóm tắt 3 ý về Bến Tre", "Bến Tre", 3),
    ("tóm tắt bài về xuất khẩu gạo 2 ý", "xuất khẩu gạo", 2), ("summarize the part about exports", "exports", None),
])
def test_a_summary_of_what_the_article_says_about_something(message, topic, sentences):
    intent = route(message, has_article=True)
    assert (intent.kind, intent.topic, intent.sentences, intent.section) == (K.SUMMARIZE, topic, sentences, None)


@pytest.mark.parametrize("message", ["tóm tắt phần 2", "tóm tắt về Điều 5", "tóm tắt", "tóm tắt ngắn gọn"])
def test_a_numbered_part_or_a_plain_summary_has_no_topic(message):
    assert route(message, has_article=True).topic is None
