"""Evidence finding: question words become answer types; unaccented questions still work."""
import pytest

from bot.article import Article
from bot.question import has_type
from bot.retrieve import Evidence, find_evidence, index, is_answerable, parse_question

ARTICLE = Article.from_paragraphs([
    ["Đoàn thể thao Việt Nam lên đường dự Đại hội thể thao châu Á tại thành phố Hàng Châu.",
     "Trưởng đoàn là ông Đặng Hà Việt, Cục trưởng Cục Thể dục thể thao.",
     "Đoàn gồm 498 vận động viên tranh tài ở 31 môn thi đấu."],
    ["Lễ xuất quân của đoàn diễn ra vào ngày 15/9/2023 tại Hà Nội.",
     "Các vận động viên được dặn giữ sức khỏe và tinh thần thi đấu cao."],
    ["Đại hội năm nay được tổ chức ở Hàng Châu, Trung Quốc, vì thành phố này có nhiều sân vận động mới."],
], title="Đoàn thể thao Việt Nam lên đường dự ASIAD")


@pytest.mark.parametrize("question, expected", [
    ("Ai là trưởng đoàn?", "Đặng Hà Việt"),
    ("Đoàn có bao nhiêu vận động viên?", "498"),
    ("Lễ xuất quân diễn ra khi nào?", "15/9/2023"),
    ("Đại hội được tổ chức ở đâu?", "Hàng Châu, Trung Quốc"),
    ("ai la truong doan?", "Đặng Hà Việt"),
    ("doan co bao nhieu van dong vien?", "498"),
])
def test_best_evidence_holds_the_asked_fact(question, expected):
    evidence = find_evidence(ARTICLE, question)
    assert expected in evidence[0].sentence.text
    assert is_answerable(evidence)


@pytest.mark.parametrize("question, kind", [
    ("Ai là trưởng đoàn?", "person"), ("Bao nhiêu vận động viên?", "number"),
    ("Có mấy môn thi đấu?", "number"), ("Năm nào đoàn xuất quân?", "time"),
    ("Khi nào khai mạc?", "time"), ("Tổ chức ở đâu?", "place"), ("Vì sao chọn Hàng Châu?", "reason"),
    ("Máy bay cất cánh lúc mấy giờ?", "number"), ("Who leads the team?", "person"),
])
def test_question_words_set_the_answer_type_and_leave_the_query(question, kind):
    query = parse_question(question)
    assert query.answer_type == kind
    assert not {"ai", "bao", "nhiêu", "mấy", "khi", "đâu", "who"} & {t for t in query.terms if isinstance(t, str)}


def test_mấy_is_not_confused_with_máy():
    assert "máy" in parse_question("Máy bay cất cánh lúc mấy giờ?").terms


def test_evidence_is_best_first_and_at_most_k():
    evidence = find_evidence(ARTICLE, "trưởng đoàn là ai", k=2)
    assert len(evidence) == 2 and all(isinstance(e, Evidence) for e in evidence)
    assert evidence[0].score >= evidence[1].score


def test_question_the_article_does_not_cover_is_not_answerable():
    assert not is_answerable(find_evidence(ARTICLE, "Giá xăng RON 95 tháng này bao nhiêu?"))
    assert not is_answerable([])


def test_english_question_on_english_article():
    english = Article.from_paragraphs([[
        "The city council approved a new metro line on Monday.",
        "The line will cost 2 billion dollars and open in 2030.",
        "Mayor Anna Berg said the project creates 5,000 jobs.",
    ]], language="en")
    assert "2030" in find_evidence(english, "When will the line open?")[0].sentence.text
    assert "Anna Berg" in find_evidence(english, "Who said the project creates jobs?")[0].sentence.text


@pytest.mark.parametrize("text", [
    "Sự sống xuất hiện vào khoảng 4 tỷ năm trước.",
    "Nông nghiệp ra đời khoảng 8500 tới 7000 trước Công Nguyên.",
    "Lễ xuất quân diễn ra vào ngày 15/9/2023.",
])
def test_spans_back_in_time_count_as_time_answers(text):
    assert has_type(text, parse_question("Khi nào sự việc xảy ra?"))


def test_the_index_is_built_once_per_article():
    index.cache_clear()
    find_evidence(ARTICLE, "Ai là trưởng đoàn?")
    find_evidence(ARTICLE, "Đoàn có bao nhiêu vận động viên?")
    assert index.cache_info().misses == 1
