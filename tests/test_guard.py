"""The guard flags invented numbers, dates and names, and accepts faithful rewordings."""
import json
from pathlib import Path

import pytest

from bot.article import Article
from bot.guard import GuardReport, check_output, unmentioned
from tests.helpers import build_article

ARTICLE = Article.from_paragraphs([[
    "Sáng 6/11, ông Nguyễn Văn Bình, Chủ tịch UBND tỉnh Quảng Nam, cho biết 1.050 hộ dân ở Hội An đã được di dời.",
    "Tổng thiệt hại ban đầu ước tính 12,5 tỷ đồng.",
]], title="Quảng Nam di dời hơn một nghìn hộ dân vì lũ")


@pytest.mark.parametrize("output", [
    "Ông Nguyễn Văn Bình cho biết 1050 hộ dân ở Hội An đã được di dời.",
    "Ngày 6 tháng 11, tỉnh Quảng Nam di dời 1.050 hộ dân; thiệt hại 12,5 tỷ đồng.",
    "On November 6, Nguyen Van Binh said 1,050 households in Hoi An were moved; losses were 12.5 billion dong.",
    "Quang Nam evacuated 1050 households on 6/11.",
    "Tóm lại, người dân đã an toàn.",
])
def test_faithful_output_raises_no_alarm(output):
    report = check_output(output, ARTICLE)
    assert report.ok and report.unsupported == ()


@pytest.mark.parametrize("output, invented", [
    ("Ông Nguyễn Văn Bình cho biết 1.500 hộ dân đã được di dời.", "1.500"),
    ("Thiệt hại ước tính 21,5 tỷ đồng.", "21,5"),
    ("Ngày 7/11, hơn một nghìn hộ dân được di dời.", "7/11"),
    ("On 8 November, households in Hoi An were moved.", "8 November"),
    ("Ông Trần Quốc Hùng cho biết các hộ dân đã được di dời.", "Trần Quốc Hùng"),
    ("Officials in Da Nang said the families were moved.", "Da Nang"),
])
def test_invented_number_date_or_name_is_caught(output, invented):
    report = check_output(output, ARTICLE)
    assert not report.ok
    assert invented in report.unsupported


def test_mark_highlights_each_unsupported_span_once():
    output = "Ông Trần Quốc Hùng cho biết 1.500 hộ dân ở Hội An đã được di dời."
    marked = check_output(output, ARTICLE).mark(output)
    assert marked == "Ông ⚠️**Trần Quốc Hùng** cho biết ⚠️**1.500** hộ dân ở Hội An đã được di dời."


def test_mark_leaves_a_clean_output_alone():
    assert GuardReport().mark("Không có gì lạ.") == "Không có gì lạ."


# --- translated output ------------------------------------------------------------------------
# Articles and translations written for these tests: translations.jsonl while the rules were
# made, translations-check.jsonl after, as a check (python -m bot.eval guard PATH measures both).
FIXTURES = Path(__file__).parent / "fixtures" / "guard"
TRANSLATIONS = [(row, output) for name in ("translations.jsonl", "translations-check.jsonl")
                for row in map(json.loads, (FIXTURES / name).read_text(encoding="utf-8").splitlines())
                for output in row["outputs"]]


def _article(row):
    return Article.from_text(f"{row['title']}\n\n{row['article']}")


@pytest.mark.parametrize("row, output", TRANSLATIONS, ids=lambda x: x[:40] if isinstance(x, str) else None)
def test_faithful_translation_raises_no_alarm(row, output):
    assert check_output(output, _article(row), row["output_language"]).unsupported == ()


def test_without_the_output_language_translations_would_be_flagged():
    # What the output language buys: the capitalised ordinary words of a translation
    # ("Ministry", "Health", "Chương trình") are no longer taken for invented names.
    flagged = sum(not check_output(output, _article(row)).ok for row, output in TRANSLATIONS)
    assert flagged > len(TRANSLATIONS) / 2


VI_ARTICLE = Article.from_text(
    "Ngày 6/11, Bộ Y tế cho biết TP.HCM có 640 ca sốt xuất huyết. Thứ trưởng Trần Văn Thuấn đề nghị "
    "UBND các tỉnh Đồng bằng sông Cửu Long tăng cường phòng dịch. Ủy ban nhân dân tỉnh An Giang đã họp.")
EN_ARTICLE = Article.from_text(
    "Samsung will invest $1.8 billion in Bac Ninh, the company said. Deputy Prime Minister Tran Hong Ha "
    "welcomed the plan in Hanoi. The United Nations Development Programme pledged $1 million.")


@pytest.mark.parametrize("output, invented", [
    ("Deputy Minister Nguyen Van Long asked the Mekong Delta provinces to act.", "Nguyen Van Long"),
    ("The Ministry of Health said Da Nang had 640 cases.", "Da Nang"),
    ("Ho Chi Minh City had 640 cases, Samsung said.", "Samsung"),  # mid-sentence: an opening capital proves nothing
    ("The Red River provinces were asked to act.", "Red River"),
    ("On November 6, HCMC recorded 460 cases.", "460"),
])
def test_invented_name_in_an_english_translation_is_caught(output, invented):
    # the flagged span may take a title with it ("Minister Nguyen Van Long")
    assert any(invented in span for span in check_output(output, VI_ARTICLE, "en").unsupported)


@pytest.mark.parametrize("output, invented", [
    ("Phó Thủ tướng Trần Quốc Hùng hoan nghênh kế hoạch tại Hà Nội.", "Trần Quốc Hùng"),
    ("Tập đoàn LG sẽ đầu tư 1,8 tỷ USD vào Bắc Ninh.", "LG"),
    ("Samsung sẽ đầu tư 2,8 tỷ USD vào Bắc Ninh.", "2,8"),
    ("Samsung sẽ đầu tư vào Đồng bằng sông Cửu Long.", "Cửu Long"),
])
def test_invented_name_in_a_vietnamese_translation_is_caught(output, invented):
    assert invented in check_output(output, EN_ARTICLE, "vi").unsupported


def test_acronym_stands_for_words_of_the_article():
    assert check_output("UBND tỉnh An Giang đã họp.", VI_ARTICLE).ok  # "Ủy ban nhân dân"
    assert check_output("Chương trình Phát triển Liên Hợp Quốc (UNDP) cam kết 1 triệu USD.", EN_ARTICLE, "vi").ok
    assert "ADB" in check_output("ADB cam kết 1 triệu USD.", EN_ARTICLE, "vi").unsupported


def test_same_language_output_is_checked_as_before():
    # Not a translation: an English word in an English output of an English article must be there.
    assert "Ministry" in check_output("The Ministry welcomed the plan in Hanoi.", EN_ARTICLE, "en").unsupported


def test_a_person_is_found_by_the_whole_name_not_by_its_syllables():
    article = Article.from_text("Bộ trưởng Lê Minh Hoan dự lễ khai mạc cùng ông Nguyễn Văn Đến.")
    assert check_output("Minister Le Minh Hoan attended with Nguyen Van Den.", article, "en").ok
    assert any("Nguyen Minh Hoan" in s for s in check_output("Minister Nguyen Minh Hoan attended.", article, "en").unsupported)


def test_date_ranges_and_dollars_in_translations():
    article = Article.from_text("Hội chợ diễn ra từ ngày 18 đến 22 tháng 9 tại Hà Nội. Samsung đầu tư 500 triệu USD.")
    assert check_output("The fair runs from 18-22 September in Hanoi.", article, "en").ok
    assert "23 September" in check_output("The fair ends on 23 September.", article, "en").unsupported
    english = Article.from_text("Samsung will invest $500 million in Bac Ninh, the company said on Tuesday.")
    assert check_output("Samsung sẽ đầu tư 500 triệu đô la Mỹ vào Bắc Ninh.", english, "vi").ok


def test_a_place_that_opens_the_sentence_is_marked_whole():
    assert "Quang Binh" in check_output("Quang Binh sent teams to Hanoi.", VI_ARTICLE, "en").unsupported


def test_english_number_words_are_checked_like_digits():
    article = Article.from_text("Bão làm 12 người chết và hai người mất tích. Hội chợ thu hút 25 nghìn khách.")
    assert check_output("The storm killed twelve people and two went missing.", article, "en").ok
    assert check_output("The fair drew twenty-five thousand visitors.", article, "en").ok
    assert "thirteen" in check_output("The storm killed thirteen people.", article, "en").unsupported
    assert check_output("One of the victims was a child.", article, "en").ok  # "one" states no count


def test_a_question_naming_what_the_article_never_mentions():
    article = build_article(("Sáng 6/11, Đà Nẵng khởi công cầu Thuận Phước 2 dài 2,4 km, rộng 30 m.",
                             "Malaysia chuyển cơ quan chính phủ từ Kuala Lumpur về Putrajaya năm 1999."), language="vi")
    assert unmentioned("Cầu Rồng dài bao nhiêu?", article) == ("Cầu Rồng",)   # "rồng" is not "rộng"
    assert unmentioned("Năm 2022 cầu dài bao nhiêu?", article) == ("2022",)
    assert unmentioned("Cầu Thuận Phước 2 dài bao nhiêu?", article) == ()
    assert unmentioned("Ở Hội An có cầu nào dài 2,4 km?", article) == ("Hội An",)   # "Ở" (at) is no part of the name
    assert unmentioned("Malaysia chuyển thủ đô khỏi Kualar Lumpur khi nào?", article) == ()   # a typo, not another city
    # Typed without diacritics, a name is compared without them.
    assert unmentioned("cau rong dai bao nhieu?", article, accented=False) == ()
    assert unmentioned("ông Trần Hùng là ai?", build_article(("Ông Lê Văn Hùng phát biểu.",), language="vi")) == ("Trần Hùng",)


def test_a_name_the_article_lacks_is_named_as_typed():
    # "sao" is a Vietnamese word, but "Sao Paulo" is one name: not "Paulo" alone.
    article = build_article(("Vụ cháy xảy ra ở thành phố Rio de Janeiro rạng sáng 8/2.",), language="vi")
    assert unmentioned("co phai chay o Sao Paulo khong?", article, accented=False) == ("Sao Paulo",)
    assert unmentioned("Có phải cháy ở Sao Paulo không?", article) == ("Sao Paulo",)
    assert unmentioned("Sao Paulo có cháy không?", article) == ("Paulo",)   # "Sao" opening the question may be "why"


@pytest.mark.parametrize("question", [
    "Ngày 6.11 thành phố cho biết gì?",                # a date written with a dot
    "Học phí tăng bao nhiêu tiền cho 1 học sinh?",     # "1" counts, it states nothing
    "Học phí ở TPHCM tăng bao nhiêu?", "UBND thành phố yêu cầu gì?", "Sở GD&ĐT nói gì?", "CSGT làm gì?",
    "Học phí ở Sài Gòn tăng bao nhiêu phần trăm?",   # another name of the city
    "ông Lê Hùng là ai?",                             # a person named in part
    "Cầu Nguyễn Tri Phưong dài bao nhiêu?",           # a typo
    "BÀ MAI NÓI GÌ?",                                 # capitals name nothing
])
def test_a_question_naming_what_the_article_says_otherwise_raises_no_caveat(question):
    article = build_article(("Sáng 6/11, Ủy ban nhân dân TP.HCM cho biết học phí tăng 10%.",
                             "Ông Lê Văn Hùng, Giám đốc Sở Giáo dục và Đào tạo, nói cảnh sát giao thông sẽ hỗ trợ.",
                             "Cầu Nguyễn Tri Phương dài 480 m.", "Bà Trần Thị Mai nói học phí vẫn thấp."), language="vi")
    assert unmentioned(question, article) == ()


def test_a_date_range_does_not_hide_the_years_of_the_article():
    # "2-6/9" starts a range on the 2nd; masking that bare "2" once blanked the "2" of "2017".
    article = build_article(("Cuộc diễn tập diễn ra từ 2-6/9 tại vùng biển phía nam.",
                             "Ý tưởng được đề xuất tháng 10/2017 và được đồng thuận tháng 10/2018."), language="vi")
    assert check_output("Ý tưởng được đề xuất tháng 10/2017 và được đồng thuận tháng 10/2018.", article).ok


@pytest.mark.parametrize(("text", "mentioned"), [
    ("Tiền vệ Nguyễn Hoàng Đức ghi bàn ở phút 78.", False),     # a person's name, not Germany
    ("Bão đổ bộ vào cửa biển Nhật Lệ, Quảng Bình.", False),      # a place's, not Japan
    ("Đội tuyển sẽ tập huấn tại Đức và Pháp trong tháng 12.", True),
])
def test_a_country_of_one_syllable_is_mentioned_only_as_a_name_of_its_own(text, mentioned):
    article = Article.from_text(f"Tin thể thao\n\n{text}")
    assert (unmentioned("Germany" if "Đức" in text else "Japan", article, topic=True) == ()) is mentioned


def test_a_dates_day_and_month_are_no_counts():
    article = build_article(("Ngày 30/4/2024, vụ cháy xưởng gỗ được dập tắt sau 3 giờ.", "Có 15 xe chữa cháy tham gia."),
                            language="vi")
    assert unmentioned("Có đúng là 30 xe chữa cháy tham gia không?", article) == ("30",)
    assert unmentioned("Có đúng là 15 xe chữa cháy tham gia không?", article) == ()
    assert check_output("Vụ cháy năm 2024 được dập tắt sau 3 giờ.", article).ok   # the year still counts
