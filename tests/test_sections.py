"""Numbered parts of a pasted document: found in a message, cut out of the article, used by the tasks."""
import pytest

from bot.article import Article
from bot.intent import Intent, IntentKind
from bot.route import route
from bot.sections import SectionRef, find_reference, numbers_of, section_of, sentences_about, without_reference
from bot.tasks import TaskUpdate, scoped
from bot.tasks.answer import answer_question

DECREE = """NGHỊ ĐỊNH
Quy định về quản lý bến thuyền du lịch

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về xây dựng, quản lý và khai thác bến thuyền du lịch trên sông và ven biển.

Điều 2. Giải thích từ ngữ
1. Bến thuyền du lịch là nơi thuyền đón, trả khách tham quan.
2. Người khai thác bến là tổ chức được cấp phép vận hành bến thuyền.

Chương II
QUY ĐỊNH CỤ THỂ

Điều 3. Điều kiện khai thác bến
1. Người khai thác bến phải có phương án cứu hộ được cơ quan chức năng phê duyệt.
2. Mỗi bến phải trang bị ít nhất 20 áo phao và một xuồng cứu sinh.

Điều 4. Giá vé
1. Giá vé tham quan do người khai thác bến niêm yết công khai tại quầy bán vé.
2. Trẻ em dưới 6 tuổi được miễn vé."""

REPORT = """BÁO CÁO TÌNH HÌNH NĂM 2024

I. KINH TẾ
1. Nông nghiệp
Sản lượng lúa cả năm đạt 1,2 triệu tấn, tăng 3% so với năm trước.
2. Công nghiệp
Giá trị sản xuất công nghiệp tăng 9,1%, cao nhất trong 5 năm.
II. XÃ HỘI
1. Giáo dục
Tỉnh xây mới 12 trường học, đưa vào sử dụng trước năm học mới."""


@pytest.mark.parametrize(("message", "kind", "number", "clause"), [
    ("Điều 3 quy định gì?", "dieu", 3, None), ("dieu 4 quy dinh gi", "dieu", 4, None),
    ("khoản 2 Điều 3 nói gì?", "dieu", 3, 2), ("tóm tắt chương II", "chuong", 2, None),
    ("mục II nói về gì?", "muc", 2, None), ("what does article 4 say?", "article", 4, None),
])
def test_a_message_names_a_numbered_part(message, kind, number, clause):
    ref = find_reference(message)
    assert (ref.kind, ref.number, ref.clause) == (kind, number, clause)


@pytest.mark.parametrize("message", ["điều gì quan trọng nhất?", "điều kiện là gì?", "mục tiêu năm 2025 là gì?",
                                     "chiếm 30 phần trăm"])
def test_common_words_without_a_number_name_no_part(message):
    assert find_reference(message) is None


def test_a_part_runs_from_its_heading_to_the_next_of_its_rank():
    decree = Article.from_text(DECREE)
    article_3 = section_of(decree, find_reference("Điều 3"))
    assert [s.text for s in article_3.sentences][0] == "Điều 3. Điều kiện khai thác bến"
    assert "20 áo phao" in article_3.text and "Giá vé" not in article_3.text
    chapter_1 = section_of(decree, find_reference("chương I"))
    assert "Phạm vi điều chỉnh" in chapter_1.text and "Người khai thác bến là" in chapter_1.text
    assert "Điều 3" not in chapter_1.text   # chapter II starts before it
    assert [s.text for s in section_of(decree, find_reference("khoản 2 Điều 4")).sentences] == \
        ["2. Trẻ em dưới 6 tuổi được miễn vé."]
    assert section_of(decree, find_reference("Điều 9")) is None and numbers_of(decree, find_reference("Điều 9")) == [1, 2, 3, 4]
    # quotes keep the paragraph the sentence stands in
    assert article_3.sentences[1].paragraph == decree.sentences[article_3.sentences[1].index].paragraph


def test_a_report_part_is_found_under_its_bare_numeral_in_the_style_asked():
    report = Article.from_text(REPORT)
    roman = section_of(report, find_reference("mục II"))
    assert roman.sentences[0].text == "II. XÃ HỘI" and "12 trường học" in roman.text
    arabic = section_of(report, find_reference("mục 2"))
    assert arabic.sentences[0].text == "2. Công nghiệp" and "12 trường học" not in arabic.text


def test_a_question_about_a_part_is_routed_with_it_and_searched_without_its_name():
    intent = route("Điều 4 quy định giá vé thế nào?", has_article=True)
    assert intent.kind is IntentKind.ASK and intent.section == find_reference("Điều 4")
    assert without_reference("Điều 4 quy định giá vé thế nào?", intent.section) == "quy định giá vé thế nào?"
    assert route("tóm tắt Điều 3", has_article=True).section.number == 3


def test_a_part_the_document_lacks_is_said_so_but_a_cited_law_is_no_part():
    decree = Article.from_text(DECREE)
    missing = scoped(decree, Intent(IntentKind.SUMMARIZE, section=SectionRef("dieu", 9, label="Điều 9")))
    assert isinstance(missing, TaskUpdate) and missing.notices[0].key == "section_missing"
    assert missing.notices[0].args == {"section": "Điều 9", "first": 1, "last": 4}
    news = Article.from_text("Theo Điều 8 Luật Giao thông, người đi xe máy phải đội mũ bảo hiểm. Mức phạt tăng từ tháng 1.")
    assert scoped(news, Intent(IntentKind.ASK, section=find_reference("Điều 8"))) is news


def test_what_a_part_says_is_quoted_whole(empty_hub):
    decree = Article.from_text(DECREE)
    intent = route("Điều 3 quy định gì?", has_article=True)
    final = list(answer_question(decree, intent, empty_hub))[-1]
    assert [s.text for s in final.evidence] == [s.text for s in section_of(decree, intent.section).sentences]
    # a narrower question about the part is answered from it
    intent = route("Điều 4: trẻ em dưới mấy tuổi được miễn vé?", has_article=True)
    final = list(answer_question(decree, intent, empty_hub))[-1]
    assert final.evidence and final.evidence[0].text == "2. Trẻ em dưới 6 tuổi được miễn vé."


def test_a_missing_clause_or_report_part_is_said_so():
    decree, report = Article.from_text(DECREE), Article.from_text(REPORT)
    missing = scoped(decree, Intent(IntentKind.ASK, section=find_reference("khoản 9 Điều 4")))
    assert missing.notices[0].key == "clause_missing" and missing.notices[0].args == {"section": "Điều 4", "clause": 9}
    missing = scoped(report, Intent(IntentKind.ASK, section=find_reference("mục IV")))
    assert missing.notices[0].key == "section_missing" and missing.notices[0].args["last"] == 2


def test_no_ordinary_word_is_read_as_a_numbered_part():
    assert find_reference("phần nói về Cà Mau") is None   # "nói" is no "No. I"
    assert find_reference("phần no. 2").number == 2


# Written for this test: a report in parts under place names.
REGIONAL = Article.from_text("""Mùa khô ở miền Tây

Năm nay hạn mặn đến sớm ở nhiều tỉnh miền Tây.

Cà Mau

Độ mặn ở cửa sông đo được 9 phần nghìn. Tỉnh đã hỗ trợ 800 bồn chứa nước cho hộ nghèo.

Nông dân chuyển 300 ha lúa sang nuôi tôm.

Bến Tre

Độ mặn ở Bến Tre lên tới 12 phần nghìn. Giá nước sinh hoạt tăng gấp đôi.""")


def test_the_part_about_a_topic_is_the_paragraphs_naming_it_or_under_its_subheading():
    texts = [s.text for s in sentences_about(REGIONAL, "Cà Mau")]
    assert texts == ["Độ mặn ở cửa sông đo được 9 phần nghìn.", "Tỉnh đã hỗ trợ 800 bồn chứa nước cho hộ nghèo.",
                     "Nông dân chuyển 300 ha lúa sang nuôi tôm."]
    assert [s.text for s in sentences_about(REGIONAL, "ben tre")] == [
        "Độ mặn ở Bến Tre lên tới 12 phần nghìn.", "Giá nước sinh hoạt tăng gấp đôi."]
    assert sentences_about(REGIONAL, "Hà Giang") == ()
