import textwrap
import unicodedata

import pytest
from helpers import build_article, fixture_article, fixture_names

from bot.article import Article
from bot.clutter import Kind, classify, normalize_date, prefix_source, strip_lead_prefix
from bot.ingest import looks_like_article, parse_article
from bot.wrap import hard_wrapped

# What each fixture article must come out as: metadata, the clutter dropped, and the body's
# first and last sentence and size.
FIXTURES = {
    "vi-clutter": dict(
        title="Đà Nẵng khởi công tuyến đường ven biển nối Hội An",
        date="11/03/2025",
        source="baodanang.vn",
        language="vi",
        removed=(
            "Thứ 4, 12/03/2025, 08:05[GMT+7]",
            "Thứ ba, 11/03/2025 | 16:42:10",
            "1.204 lượt xem",
            "Quang cảnh lễ khởi công.",
            "Xem thêm: Đà Nẵng đề xuất mở rộng cảng Liên Chiểu",
            "Minh Anh",
            "Theo: baodanang.vn",
        ),
        first="Sáng 11/3, UBND TP. Đà Nẵng tổ chức lễ khởi công tuyến đường ven biển dài 12,5 km nối quận "
        "Ngũ Hành Sơn với TP. Hội An, tổng vốn đầu tư hơn 2.300 tỷ đồng.",
        last="Nhiều hộ đã bàn giao mặt bằng trước thời hạn.",
        shape=(1, 2, 2, 2),
    ),
    "vi-captions": dict(
        title="Hà Nội tuyển sinh lớp 10 năm 2025: thêm 3 trường công lập mới",
        date="05/04/2025",
        source="Dân trí",
        language="vi",
        removed=(
            "Trang chủ > Xã hội > Giáo dục",
            "Cập nhật: 09:30 ngày 05/04/2025",
            "Lượt xem: 350",
            "(Dân trí)",
            "Học sinh lớp 9 tại một trường THCS ở quận Cầu Giấy trong giờ ôn tập chiều 4/4",
            "Ảnh minh họa",
            "Các thắc mắc được giải đáp qua đường dây nóng của Sở (Ảnh: Phạm Tuấn)",
            "Tin liên quan",
            "Hà Nội công bố chỉ tiêu lớp 10 chuyên",
            "Những lưu ý khi chọn nguyện vọng vào lớp 10",
            "Chia sẻ",
            "Từ khóa: tuyển sinh, lớp 10, Hà Nội",
            "NGUYỄN VĂN HÙNG",
            "Nguồn: Dân trí",
        ),
        first="Sở Giáo dục và Đào tạo Hà Nội vừa công bố kế hoạch tuyển sinh lớp 10 năm học 2025-2026, "
        "trong đó có thêm 3 trường THPT công lập mới đi vào hoạt động.",
        last="Công bố điểm thi dự kiến ngày 25/6.",   # the list item without its marker, ended like a sentence
        # The subheading "Những điểm mới" stays a paragraph of its own; the two list items make one.
        shape=(1, 2, 1, 2, 2),
    ),
    "en-reuters": dict(
        title="Vietnam's exports rise 14% in first quarter as electronics demand recovers",
        date="31/03/2025",
        source="Reuters",
        language="en",
        removed=(
            "By Linda Tran",
            "Updated March 31, 2025 4:15 PM GMT+7",
            "HANOI (Reuters)",
            "Photo: Reuters",
            "Reporting by Linda Tran; Editing by John Smith",
            "Source: Reuters",
        ),
        first="Vietnam's exports rose 14.2% in the first quarter from a year earlier, government data showed "
        "on Monday, helped by strong demand for electronics and phones.",
        last='"We expect the trend to continue. Demand is picking up again," he said.',
        shape=(2, 3, 1),
    ),
    "vi-plain": dict(
        title=None,
        date=None,
        source=None,
        language="vi",
        removed=(),
        first="Ngày 20/10, tại Hà Nội, Hội Liên hiệp Phụ nữ Việt Nam tổ chức chương trình gặp mặt 200 nữ "
        "doanh nhân tiêu biểu.",
        last="Chương trình kết thúc lúc 17:30 cùng ngày.",
        shape=(2, 2, 2),
    ),
    "vi-nfd-crlf": dict(
        title="Giá lúa gạo ở Đồng bằng sông Cửu Long tăng mạnh",
        date="08/11/2024",
        source="TTXVN",
        language="vi",
        removed=("Thứ sáu, 08/11/2024 | 07:20", "Theo TTXVN"),
        first="Sáng 7/11, giá lúa tươi tại nhiều tỉnh Đồng bằng sông Cửu Long tăng thêm 300 - 500 đồng/kg "
        "so với tuần trước.",
        last="Theo Hiệp hội Lương thực Việt Nam, xuất khẩu gạo 10 tháng đạt 7,8 triệu tấn, tăng 10,4% so với cùng kỳ.",
        shape=(2, 2, 1),
    ),
    "vi-no-diacritics": dict(
        title="Cong an TP. HCM triet pha duong day lua dao qua mang",
        date="24/11/2024",
        source="vnexpress.net",
        language="vi",
        removed=(
            "Thu hai, 25/11/2024, 14:35",
            "Chu nhat, 24/11/2024 | 10:05",
            "532 luot xem",
            "Anh: Cong an cung cap",
            "Theo: vnexpress.net",
        ),
        first="Ngay 23/11, Cong an TP. HCM cho biet da bat giu 5 doi tuong lua dao qua mang xa hoi, chiem doat "
        "hon 1,2 ty dong cua nhieu nguoi dan.",
        last="Nguoi dan duoc khuyen cao khong cung cap thong tin ca nhan cho nguoi la.",
        shape=(2, 2),
    ),
    "vi-football": dict(  # a match report written for tinbot's tests
        title="Hà Nội FC thắng ngược Công an TP.HCM 3-2 ở vòng 7 V-League",
        date=None,
        source=None,   # "HÀ NỘI -" is the dateline's place, no source
        language="vi",
        removed=("HÀ NỘI", "Ảnh: Phạm Tuấn Hải ăn mừng bàn thắng thứ hai của anh trong trận đấu. (Ảnh: Hoàng Minh)"),
        first="Tối 6/11, trên sân Hàng Đẫy, Hà Nội FC đã lội ngược dòng đánh bại Công an TP.HCM với tỉ số 3-2 trong trận "
        "đấu thuộc vòng 7 LPBank V-League 2024-2025.",
        last="Ở vòng 8, Hà Nội FC sẽ làm khách trên sân Thiên Trường của Nam Định vào ngày 10/11, trong khi Công an TP.HCM "
        "tiếp đón Hải Phòng tại sân Thống Nhất.",
        shape=(1, 1, 3, 3, 3, 2, 3, 2, 1),
    ),
}


def test_every_fixture_article_has_expectations():
    assert sorted(FIXTURES) == fixture_names()


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_article_is_cleaned_and_described(name):
    expected = FIXTURES[name]
    article = parse_article(fixture_article(name))
    assert (article.title, article.date, article.source, article.language) == (
        expected["title"], expected["date"], expected["source"], expected["language"],
    )
    assert article.removed == expected["removed"]
    assert article.sentences[0].text == expected["first"]
    assert article.sentences[-1].text == expected["last"]
    assert tuple(len(p.sentences) for p in article.paragraphs) == expected["shape"]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_article_text_is_clean_nfc(name):
    article = parse_article(fixture_article(name))
    for text in [s.text for s in article.sentences] + [article.title or ""]:
        assert unicodedata.is_normalized("NFC", text)
        assert not any(ch in text for ch in "\r\n\t\u200b\u00a0\ufeff")


def test_nfd_fixture_is_really_decomposed_on_disk():
    raw = fixture_article("vi-nfd-crlf")
    assert not unicodedata.is_normalized("NFC", raw) and "\r\n" in raw and "\u200b" in raw
    assert "đạt 7,2 tấn/ha." in parse_article(raw).text


def test_article_from_text_is_parse_article():
    raw = fixture_article("vi-clutter")
    assert Article.from_text(raw) == parse_article(raw)


@pytest.mark.parametrize("text, marked", [
    ("Hôm nay UBND tỉnh họp. Cuộc họp kéo dài hai giờ.", True),
    ("Hom nay UBND tinh hop ve mua lu. Cuoc hop keo dai hai gio.", False),  # pasted from a chat app
    ("Da Nang. Đà Nẵng has a new bridge.", True),                           # one marked letter is enough
    ("The bridge opened on Monday. It cost 100 million dollars.", False),
])
def test_article_knows_whether_it_is_typed_with_diacritics(text, marked):
    assert Article.from_text(text).written_with_marks is marked


def test_sentence_indices_run_through_the_article():
    article = parse_article(fixture_article("vi-plain"))
    assert [(s.index, s.paragraph) for s in article.sentences] == [(0, 0), (1, 0), (2, 1), (3, 1), (4, 2), (5, 2)]


def test_page_date_line_loses_to_the_date_under_the_title():
    raw = "Thứ 2, 25/11/2024, 14:35[GMT+7]\n\nMưa lớn ở miền Trung\n\nChủ nhật, 7/11/2021 | 09:17:34\nMưa lớn kéo dài. Nước sông dâng cao."
    article = parse_article(raw)
    assert (article.title, article.date) == ("Mưa lớn ở miền Trung", "07/11/2021")


def test_single_date_line_above_the_title_is_the_date():
    raw = "Thứ Hai, ngày 25 tháng 11 năm 2024\nMưa lớn ở miền Trung\nMưa lớn kéo dài. Nước sông dâng cao."
    assert parse_article(raw).date == "25/11/2024"


def test_text_that_starts_with_body_sentences_has_no_title():
    article = parse_article("Mưa lớn kéo dài ba ngày.\nNước sông dâng cao. Nhiều nhà bị ngập")
    assert article.title is None
    assert [s.text for s in article.sentences] == ["Mưa lớn kéo dài ba ngày.", "Nước sông dâng cao.", "Nhiều nhà bị ngập"]


def test_a_headline_needs_body_text_after_it():
    article = parse_article("Mưa lớn ở miền Trung")
    assert article.title is None and [s.text for s in article.sentences] == ["Mưa lớn ở miền Trung"]


def test_question_headline_is_a_title():
    article = parse_article("Vì sao giá vàng tăng?\nGiá vàng tăng 2 triệu đồng. Người dân đổ xô đi mua.")
    assert article.title == "Vì sao giá vàng tăng?"
    assert len(article.sentences) == 2


def test_subheadings_stay_and_short_captions_go():
    raw = (
        "Giá xăng giảm lần thứ ba\n"
        "Chiều 6/11, liên Bộ Công Thương - Tài chính điều chỉnh giá xăng dầu. Xăng RON95 giảm 500 đồng mỗi lít.\n"
        "Người dân đổ xăng tại một cửa hàng trên đường Láng chiều 6/11 sau khi giá giảm\n"
        "Doanh nghiệp được chi quỹ bình ổn. Giá dầu diesel giảm 300 đồng.\n"
        "Giá thế giới vẫn còn biến động\n"
        "Theo các chuyên gia, giá dầu thế giới có thể tăng trở lại vào cuối năm."
    )
    article = parse_article(raw)
    assert article.removed == ("Người dân đổ xăng tại một cửa hàng trên đường Láng chiều 6/11 sau khi giá giảm",)
    assert [p.text for p in article.paragraphs][2] == "Giá thế giới vẫn còn biến động"


def test_a_real_sentence_about_a_speech_is_kept():
    raw = (
        "Hội nghị tổng kết năm\n"
        "Sáng 6/11, Bộ Y tế tổ chức hội nghị tổng kết. Hơn 300 đại biểu tham dự.\n"
        "Phát biểu tại hội nghị, Bộ trưởng cho biết ngành y tế đã hoàn thành 12 chỉ tiêu.\n"
        "Bộ trưởng phát biểu tại hội nghị và nhấn mạnh yêu cầu chuyển đổi số."
    )
    article = parse_article(raw)
    assert article.removed == ()
    assert len(article.sentences) == 4


def test_unpunctuated_last_sentence_is_not_taken_for_a_byline():
    raw = "Tiêu đề bài viết mới\nCâu đầu tiên của bài. Câu thứ hai kết thúc bài mà không có dấu chấm cuối cùng"
    article = parse_article(raw)
    assert article.sentences[-1].text == "Câu thứ hai kết thúc bài mà không có dấu chấm cuối cùng"
    assert article.removed == ()


@pytest.mark.parametrize(
    "ending, byline, source",
    [
        ("Ngọc Hà (Tổng hợp)", "Ngọc Hà (Tổng hợp)", None),
        ("Thu Trang (t/h)", "Thu Trang (t/h)", None),
        ("Lê Vy (Theo AFP)", "Lê Vy (Theo AFP)", "AFP"),
        ("NGUYỄN VĂN A", "NGUYỄN VĂN A", None),
    ],
)
def test_byline_glued_to_the_last_paragraph_is_removed(ending, byline, source):
    raw = f"Cháy rừng ở Hà Tĩnh đã được khống chế. Lực lượng chức năng tiếp tục canh gác. {ending}"
    article = parse_article(raw)
    assert [s.text for s in article.sentences] == ["Cháy rừng ở Hà Tĩnh đã được khống chế.", "Lực lượng chức năng tiếp tục canh gác."]
    assert (article.removed, article.source) == ((byline,), source)


def test_empty_and_clutter_only_input_gives_an_empty_article():
    assert parse_article("").is_empty()
    article = parse_article("826 lượt xem\nTheo: nhandan.vn")
    assert article.is_empty() and article.removed == ("826 lượt xem", "Theo: nhandan.vn")


def test_overlong_unpunctuated_sentence_is_cut():
    raw = " ".join(["người dân xếp hàng, chờ nhận hỗ trợ"] * 60)
    article = parse_article(raw)
    assert len(article.sentences) > 1
    assert all(len(s.text) <= 1000 for s in article.sentences)


def test_build_article_helper_matches_from_paragraphs():
    article = build_article(("Câu một.", "Câu hai."), "Câu ba.", title="Tiêu đề")
    assert article == Article.from_paragraphs([["Câu một.", "Câu hai."], ["Câu ba."]], title="Tiêu đề")


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Thứ 2, 25/11/2024, 14:35[GMT+7]", Kind.DATE),
        ("Chủ nhật, 07/11/2021 | 09:17:34", Kind.DATE),
        ("Thứ Bảy, 9/3/2024 - 07:00 (GMT+7)", Kind.DATE),
        ("Cập nhật lúc 14h35 ngày 25/11/2024", Kind.DATE),
        ("25/11/2024 09:17 | 1.234 lượt đọc", Kind.DATE),
        ("Published Nov 25, 2024 at 9:17 AM", Kind.DATE),
        ("826 lượt xem", Kind.COUNTER),
        ("1.234 lượt đọc", Kind.COUNTER),
        ("Lượt xem: 50", Kind.COUNTER),
        ("Ảnh: TTXVN", Kind.CAPTION),
        ("(Ảnh: Văn Điệp/TTXVN)", Kind.CAPTION),
        ("Ảnh minh họa", Kind.CAPTION),
        ("Anh minh hoa", Kind.CAPTION),
        ("Đại biểu dự hội nghị. Ảnh: Thanh Hà", Kind.CAPTION),
        ("Photo: Reuters", Kind.CAPTION),
        ("A farmer harvests rice in Can Tho, Vietnam, November 7, 2024. REUTERS/Thanh Hue", Kind.CAPTION),
        ("Theo: nhandan.vn", Kind.SOURCE),
        ("Nguồn: VnExpress", Kind.SOURCE),
        ("Theo TTXVN", Kind.SOURCE),
        ("(Theo Reuters)", Kind.SOURCE),
        ("Theo báo Thanh Niên", Kind.SOURCE),
        ("Source: Reuters", Kind.SOURCE),
        ("PV", Kind.BYLINE),
        ("Nhóm PV", Kind.BYLINE),
        ("By John Smith", Kind.BYLINE),
        ("Bài, ảnh: Hoàng Hà", Kind.BYLINE),
        ("Reporting by Linda Tran and Khanh Vu in Hanoi; Additional reporting by Phuong Nguyen; Editing by Kim Coghill", Kind.BYLINE),
        ("Xem thêm: Giá vàng hôm nay", Kind.RELATED),
        ("Tin liên quan", Kind.RELATED),
        ("Bình luận", Kind.RELATED),
        ("Chia sẻ bài viết", Kind.RELATED),
        ("Tags: kinh tế, xuất khẩu", Kind.RELATED),
        ("Facebook Twitter Zalo", Kind.RELATED),
        ("Trang chủ > Thời sự > Chính trị", Kind.RELATED),
        ("Trang chủ | Thời sự | Kinh tế | Đăng nhập", Kind.RELATED),
        ("Thời sự | Giao thông", Kind.RELATED),   # a breadcrumb of two sections
        ("Nhanh | gọn | rẻ là khẩu hiệu của hãng.", Kind.BODY),
        ("Hà Nội | 25 độ", Kind.BODY),
        ("SJC | 146,5 | 148,5", Kind.BODY),   # a table row holds figures
        (">>> Quảng cáo: Bảo hiểm nhà ở chỉ 99.000đ/năm", Kind.AD),
        ("- Quảng cáo - Vay mua nhà lãi suất chỉ từ 5,9%/năm, đăng ký ngay hôm nay!", Kind.AD),
        ("Advertisement", Kind.AD),
        # Body sentences that only start like clutter.
        ("Quảng cáo thuốc lá bị cấm trên mọi phương tiện từ năm 2026.", Kind.BODY),
        ("Theo báo cáo của Bộ Y tế, số ca mắc giảm.", Kind.BODY),
        ("Theo Bộ Y tế, số ca mắc giảm mạnh", Kind.BODY),
        ("Ảnh hưởng của bão số 3 rất nặng nề.", Kind.BODY),
        ("Bình luận về vấn đề này, ông Nam cho rằng cần thận trọng.", Kind.BODY),
        ("Ngày 25/11/2024, đoàn công tác đến Cần Thơ.", Kind.BODY),
        ("By the end of the year, exports will recover.", Kind.BODY),
        ("Bởi vì trời mưa to nên trận đấu bị hoãn", Kind.BODY),
    ],
)
def test_classify_clutter_lines(line, kind):
    assert classify(line) is kind


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Chủ nhật, 07/11/2021 | 09:17:34", "07/11/2021"),
        ("Thứ 2, 5/1/2024, 14:35", "05/01/2024"),
        ("Ngày 25 tháng 11 năm 2024", "25/11/2024"),
        ("2024-11-25 09:17", "25/11/2024"),
        ("Updated March 31, 2025 4:15 PM", "31/03/2025"),
        ("25 Nov 2024", "25/11/2024"),
        ("07/11/21", "07/11/2021"),
        ("09:17:34", None),
    ],
)
def test_normalize_date(line, expected):
    assert normalize_date(line) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("tóm tắt bài này", False),
        ("tom tat bai nay giup minh", False),
        ("ai là trưởng đoàn?", False),
        ("dịch sang tiếng Anh", False),
        ("summarize in 3 bullets", False),
        ("Xin chào! Bạn làm được gì?", False),
        # Just under 40 words of plain statements: still a message, not an article.
        ("Mình đọc bài này rồi. Mình thấy khá dài. Bạn tóm tắt giúp mình nhé, ngắn thôi, "
         "khoảng ba câu là đủ cho buổi họp sáng mai.", False),
        ("Bạn có thể tóm tắt bài báo này thành ba ý chính được không, mình cần gửi cho sếp trước năm giờ "
         "chiều nay, cảm ơn bạn nhiều nhé?", False),
        ("Bài này nói về gì? Ai là người phát biểu? Họ đã quyết định những gì tại buổi làm việc hôm đó, "
         "và kế hoạch tiếp theo của thành phố là gì? Khi nào thì dự án hoàn thành?", False),
        ("Ngày 6/11, đoàn công tác của Bộ Y tế đến làm việc tại Cần Thơ. Đoàn đã kiểm tra công tác phòng "
         "chống dịch tại ba bệnh viện lớn của thành phố. Lãnh đạo Sở Y tế báo cáo kết quả tiêm chủng đạt "
         "98% dân số trưởng thành.", True),
        ("Giá xăng giảm mạnh từ chiều nay theo quyết định của liên Bộ Công Thương và Tài chính.\n\n"
         "Người dân tại nhiều thành phố lớn đã đổ xăng đầy bình trước giờ điều chỉnh.", True),
        ("Vietnam's exports rose 14% in the first quarter, data showed on Monday. Electronics led the "
         "growth, with shipments up by a fifth. Analysts expect the trend to continue through the year "
         "as demand in Europe and the United States recovers from last year's slump.", True),
    ],
)
def test_looks_like_article(text, expected):
    assert looks_like_article(text) is expected


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_articles_look_like_articles(name):
    assert looks_like_article(fixture_article(name))


def test_a_paste_without_periods_keeps_every_line():
    # Typed or copied from a chat: no line ends with a period, so none can be told for a caption.
    lines = ["Đà Nẵng xây cầu mới qua sông Hàn", "Sáng 6/11 thành phố khởi công cầu mới nối quận Hải Châu với quận Sơn Trà",
             "Ông Trần Việt Trường Chủ tịch UBND thành phố cho biết cầu dài 400 m dự kiến hoàn thành năm 2026",
             "Tổng vốn đầu tư khoảng 800 tỷ đồng từ ngân sách thành phố", "Người dân hai quận rất phấn khởi"]
    article = parse_article("\n\n".join(lines))
    assert article.removed == () and [s.text for s in article.sentences] == lines[1:]


@pytest.mark.parametrize(("lead", "head"), [
    ("HANOI, Nov 6 (Reuters) - Vietnam's exports rose 16.2%.", "HANOI, Nov 6 (Reuters)"),
    ("HÀ NỘI, 6/11 (TTXVN) - Giá vàng giảm mạnh.", "HÀ NỘI, 6/11 (TTXVN)"),
    ("TTO - Mưa lớn kéo dài từ ngày 3/11.", "TTO"),
    ("HOI AN, Vietnam - Lanterns lit the old town on Friday night.", "HOI AN, Vietnam"),
    ("Hanoi, Nov 6 - the city said it would act.", None),              # a place in capitals, or no dateline
    ("Ông Lê Văn Hùng, Chủ tịch xã - người trực tiếp chỉ đạo.", None),
    ("CẦN THƠ, ít ỏi - lượng khách năm nay giảm.", None),               # lowercase marked words are no country
    ("SEOUL, Hàn Quốc - Giá điện tăng 5%.", "SEOUL, Hàn Quốc"),
])
def test_a_lead_loses_its_dateline_and_keeps_its_news(lead, head):
    rest, found = strip_lead_prefix(lead)
    assert found == head and (rest == lead) is (head is None)
    if head:   # the outlet in brackets, or the prefix itself when it is no place's dateline
        expected = {"HANOI, Nov 6 (Reuters)": "Reuters", "HÀ NỘI, 6/11 (TTXVN)": "TTXVN", "TTO": "TTO"}.get(head)
        assert prefix_source(head) == expected


_PAGE_WITH_COMMENTS = """Mới nhất Thời sự Góc nhìn Thế giới Kinh doanh
Thứ hai, 2/12/2024, 09:10 (GMT+7)
Nghe bài viết
Cỡ chữ A A A
Cầu vượt sông Hồng mới sẽ thông xe trước Tết
Cây cầu dài 2,1 km nối quận Long Biên với huyện Gia Lâm sẽ thông xe vào ngày 20/1/2025.
Chủ đầu tư cho biết phần thân cầu đã hoàn thành 90% khối lượng, còn lại là mặt đường và chiếu sáng.
Bài viết có hữu ích không? 👍 👎
Bình luận (12)
Quan tâm nhất | Mới nhất
Trần Minh
Mong cầu xong đúng hẹn, sáng nào cũng tắc ở dốc cầu cũ.
Trả lời · Thích · 2 giờ trước
Lê Hoa
Hy vọng lần này không lùi tiến độ nữa.
Đăng nhập để bình luận
Đọc nhiều nhất
1. Giá vàng lại lập đỉnh mới
👍 1,2K   💬 35 bình luận   ↪️ 9 lượt chia sẻ
Đã xem lúc 9:41"""


def test_the_readers_comments_and_the_page_around_them_are_left_out():
    article = parse_article(_PAGE_WITH_COMMENTS)
    assert article.title == "Cầu vượt sông Hồng mới sẽ thông xe trước Tết"
    body = article.text
    assert body.startswith("Cây cầu dài 2,1 km") and body.endswith("chiếu sáng.")
    for comment in ("Mong cầu xong đúng hẹn", "Hy vọng lần này", "Trả lời", "Đọc nhiều", "Giá vàng"):
        assert comment not in body
    assert "Mới nhất Thời sự Góc nhìn Thế giới Kinh doanh" in article.removed


@pytest.mark.parametrize(("line", "menu"), [
    ("Thời sự Thế giới Kinh doanh Giải trí Thể thao", True),
    ("Ông Trump gặp Tổng thống Putin tại Alaska", False),   # names stand alone between the words
    ("Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản", False),
    ("Sân Bay Long Thành Khai Thác Từ Năm Sau", False),     # title case
])
def test_a_section_menu_without_separators_is_no_headline(line, menu):
    assert (classify(line) is Kind.RELATED) is menu


@pytest.mark.parametrize("line", ["👍 1,2K   💬 356 bình luận   ↪️ 89 lượt chia sẻ", "Đã xem lúc 9:41",
                                  '[Chuyển tiếp từ nhóm "Cư dân Phường 7"]', "Bình luận (23)", "Ý kiến (45)"])
def test_social_and_page_furniture_lines_are_clutter(line):
    assert classify(line) is not Kind.BODY


_DECREE_HEADER = """BỘ GIAO THÔNG VẬN TẢI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/2025/TT-BGTVT
Hà Nội, ngày 3 tháng 4 năm 2025

THÔNG TƯ
Quy định về đào tạo lái xe mô tô

Căn cứ Luật Trật tự, an toàn giao thông đường bộ;
Bộ trưởng ban hành Thông tư quy định về đào tạo lái xe mô tô.

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định chương trình đào tạo lái xe mô tô hạng A1 và A."""


def test_an_official_documents_header_gives_its_title_issuer_and_date():
    article = parse_article(_DECREE_HEADER)
    assert article.title == "Thông tư 12/2025/TT-BGTVT: Quy định về đào tạo lái xe mô tô"
    assert article.source == "BỘ GIAO THÔNG VẬN TẢI" and article.date == "03/04/2025"
    assert article.document == "Thông tư 12/2025/TT-BGTVT"
    assert article.sentences[0].text.startswith("Căn cứ Luật")
    assert "Độc lập - Tự do - Hạnh phúc" in article.removed and "THÔNG TƯ" not in article.text


def test_a_headline_that_only_names_a_document_type_in_prose_is_no_header():
    text = "Thông tư mới về đào tạo lái xe có hiệu lực\n\nBộ Giao thông vận tải vừa ban hành thông tư về đào tạo lái xe."
    article = parse_article(text)
    assert article.title == "Thông tư mới về đào tạo lái xe có hiệu lực" and article.document is None


def _wrapped(paragraphs: list[str], width: int = 60) -> str:
    return "\n".join(line for p in paragraphs for line in textwrap.wrap(p, width))


_WRAPPED_STORY = [
    "Cảng Cát Lái mở thêm hai bến container mới",
    "Sáng 5/12, Tổng công ty Tân Cảng Sài Gòn đưa vào khai thác hai bến container mới tại cảng Cát Lái, nâng "
    "công suất toàn cảng lên 6,5 triệu TEU mỗi năm.",
    "Theo ông Nguyễn Văn Tâm, giám đốc cảng, hai bến mới giúp giảm thời gian tàu chờ cập cảng từ 12 giờ xuống "
    "còn khoảng 4 giờ, tiết kiệm cho doanh nghiệp xuất khẩu hàng trăm tỷ đồng mỗi năm.",
    "Dự án có tổng vốn đầu tư 1.200 tỷ đồng, khởi công từ tháng 3 năm ngoái.",
]


def test_a_paste_copied_from_a_pdf_gets_its_paragraphs_back():
    text = _wrapped(_WRAPPED_STORY).replace("giám đốc cảng", "giám đốc cả-\nng") + "\nTrang 1/1"
    article = parse_article(text)
    assert article.title == _WRAPPED_STORY[0]
    assert [p.text for p in article.paragraphs] == _WRAPPED_STORY[1:]   # "cả-" / "ng" is "cảng" again
    assert "Trang 1/1" in article.removed


def test_lines_that_are_paragraphs_or_sentences_are_no_wrapping():
    post = "\n".join(["Mưa lớn từ đêm qua.", "Nhiều tuyến phố ngập sâu.", "Hàng trăm xe chết máy trên đường.",
                      "Người dân phải dắt bộ về nhà.", "Công ty thoát nước đã huy động 500 công nhân.", "Mọi người cẩn thận!"])
    assert not hard_wrapped(post) and len(parse_article(post).paragraphs) == 6
    assert not hard_wrapped("\n".join(_WRAPPED_STORY))


def test_a_wrapped_first_line_that_runs_to_the_width_is_no_headline():
    text = _wrapped([" ".join(_WRAPPED_STORY[1:])]).replace("thời gian tàu", "thời gian tà-\nu")
    article = parse_article(text)
    assert article.title is None and article.sentences[0].text.startswith("Sáng 5/12, Tổng công ty")
    assert "thời gian tàu chờ" in article.text


def test_a_short_paste_gets_a_word_a_hyphen_broke_back():
    article = parse_article("Xuất khẩu gạo quý I đạt 1,3 tri-\nệu tấn, tăng 35% so với cùng kỳ năm trước.")
    assert article.sentences[0].text == "Xuất khẩu gạo quý I đạt 1,3 triệu tấn, tăng 35% so với cùng kỳ năm trước."


# Written for these tests: a news page copied whole, with the page's furniture between the paragraphs.
_PAGE = """Thời sự

Cháy kho phế liệu ở Bình Tân, 5 xe chữa cháy được điều đến

Rạng sáng 9/10, một kho phế liệu trên đường Lê Văn Quới, quận Bình Tân bốc cháy dữ dội.

Cảnh sát điều 5 xe chữa cháy và 30 chiến sĩ đến hiện trường, khống chế đám cháy sau hai giờ.

>> Cháy xưởng gỗ ở Thủ Đức, thiệt hại 2 tỷ đồng

QUẢNG CÁO
Mở thẻ tín dụng miễn phí năm đầu - Đăng ký ngay!

Vụ cháy không gây thiệt hại về người; nguyên nhân đang được điều tra.

Hoàng Nam

Tin liên quan
- Cháy nhà trọ ở Gò Vấp, 2 người bị thương
- Cảnh báo cháy nổ khi sạc xe điện"""


def test_a_pages_section_label_related_links_ad_byline_and_related_list_are_left_out():
    article = parse_article(_PAGE)
    assert article.title == "Cháy kho phế liệu ở Bình Tân, 5 xe chữa cháy được điều đến"
    assert [s.text for s in article.sentences] == [
        "Rạng sáng 9/10, một kho phế liệu trên đường Lê Văn Quới, quận Bình Tân bốc cháy dữ dội.",
        "Cảnh sát điều 5 xe chữa cháy và 30 chiến sĩ đến hiện trường, khống chế đám cháy sau hai giờ.",
        "Vụ cháy không gây thiệt hại về người; nguyên nhân đang được điều tra.",
    ]
    assert {"Thời sự", ">> Cháy xưởng gỗ ở Thủ Đức, thiệt hại 2 tỷ đồng", "Hoàng Nam",
            "Mở thẻ tín dụng miễn phí năm đầu - Đăng ký ngay!"} <= set(article.removed)


def test_prose_after_a_related_header_stays():
    text = ("Đường sắt Bắc Nam tăng chuyến dịp Tết\n\nNgành đường sắt tăng 40 chuyến tàu dịp Tết Nguyên đán.\n\n"
            "Tin liên quan\n\nVé tàu được mở bán từ ngày 1/11. Hành khách có thể mua vé trực tuyến hoặc tại ga, "
            "và được giảm giá 10% nếu mua sớm hơn ba mươi ngày so với ngày khởi hành của chuyến tàu.")
    assert any(s.text.startswith("Vé tàu được mở bán") for s in parse_article(text).sentences)


_PRESS_RELEASE = """THÔNG CÁO BÁO CHÍ
Công ty Cổ phần Thép Sông Hồng khánh thành nhà máy mới tại Hải Dương

HẢI DƯƠNG, ngày 12 tháng 10 năm 2024 – Công ty Cổ phần Thép Sông Hồng khánh thành nhà máy công suất 500.000 tấn mỗi năm.

Nhà máy tạo việc làm cho 1.200 lao động địa phương.

Thông tin liên hệ báo chí:
Phòng Truyền thông – Công ty Cổ phần Thép Sông Hồng
Email: truyenthong@thepsonghong.vn"""


def test_a_press_releases_label_dateline_and_contacts_are_no_story():
    article = parse_article(_PRESS_RELEASE)
    assert article.title == "Thông cáo báo chí: Công ty Cổ phần Thép Sông Hồng khánh thành nhà máy mới tại Hải Dương"
    assert article.sentences[0].text.startswith("Công ty Cổ phần Thép Sông Hồng khánh thành")
    assert article.sentences[-1].text == "Nhà máy tạo việc làm cho 1.200 lao động địa phương."


def test_a_documents_recipients_and_a_live_blogs_notes_are_no_story():
    notice = _DECREE_HEADER + "\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT."
    assert parse_article(notice).sentences[-1].text.endswith("lái xe mô tô hạng A1 và A.")
    live = ("Trực tiếp: bão số 5 đổ bộ Nghệ An\n\nCập nhật liên tục diễn biến cơn bão số 5.\n\n"
            "16h45: Tâm bão đi vào đất liền Nghệ An, gió mạnh cấp 10.\n\n"
            "15h30: Nhiều cây xanh ở Vinh bị quật đổ.\n\nBài viết đang được cập nhật...")
    assert [s.text for s in parse_article(live).sentences] == [
        "16h45: Tâm bão đi vào đất liền Nghệ An, gió mạnh cấp 10.", "15h30: Nhiều cây xanh ở Vinh bị quật đổ."]


@pytest.mark.parametrize(("lead", "source"), [("HÀ NỘI - Sáng 5/11, mưa lớn gây ngập.", None),
                                              ("TP.HCM - Sáng 5/11, mưa lớn gây ngập.", None),
                                              ("TTO - Sáng 5/11, mưa lớn gây ngập.", "TTO")])
def test_a_datelines_place_is_no_source_an_outlets_code_is(lead, source):
    article = parse_article("Mưa lớn ở nhiều nơi\n\n" + lead + " Nhiều tuyến phố ngập sâu nửa mét.")
    assert article.source == source and article.sentences[0].text.startswith("Sáng 5/11")


@pytest.mark.parametrize(("byline", "author"), [
    ("Phỏng vấn: Hồng Nhung", "Hồng Nhung"), ("Phóng viên Đức Anh", "Đức Anh"), ("Bài và ảnh: Minh Anh", "Minh Anh"),
    ("Huyền Lê (Theo AFP)", "Huyền Lê"),
])
def test_a_byline_is_left_out_and_names_the_author(byline, author):
    text = ("Lúa mất mùa vì hạn mặn\n\nHạn mặn khiến 12.000 ha lúa ở Bến Tre mất trắng trong mùa khô năm nay.\n\n"
            f"Nông dân chuyển sang nuôi tôm kết hợp trồng lúa để giảm thiệt hại.\n\n{byline}")
    article = parse_article(text)
    assert article.author == author and byline in article.removed and len(article.sentences) == 2


def test_a_sentence_about_reporters_is_no_byline():
    article = parse_article("Dự án cầu Rạch Miễu 2\n\nPhóng viên đã có cuộc trao đổi với ông Nam về dự án. Dự án khởi công năm 2025.")
    assert article.author is None and article.sentences[0].text.startswith("Phóng viên đã có")


def test_a_short_last_sentence_about_a_place_is_no_byline():
    article = parse_article("Tôi thích ăn phở. Phở Hà Nội rất ngon.")
    assert [s.text for s in article.sentences] == ["Tôi thích ăn phở.", "Phở Hà Nội rất ngon."]
