"""The guard flags invented numbers, dates and names, and accepts faithful rewordings."""
import pytest

from bot.article import Article
from bot.guard import GuardReport, check_output

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
