"""A question that finds nothing is asked again in other words a news story may use."""
from bot.article import Article
from bot.paraphrase import rewrites
from bot.retrieve import find_evidence, is_answerable

ARTICLE = Article.from_paragraphs([[
    "Sáng 10/10, thành phố khởi công cây cầu mới nối hai bờ sông Hồng.",
    "Cầu dài 5,2 km, tổng mức đầu tư khoảng 8.700 tỷ đồng, dự kiến hoàn thành năm 2026.",
    "Trận lũ tuần trước làm 3 người thiệt mạng ở huyện ven sông.",
    "Người dân hai bên bờ mong cây cầu sớm đưa vào sử dụng.",
]], title="Khởi công cầu mới qua sông Hồng")


def test_the_longest_phrase_of_a_group_is_replaced_by_each_other():
    assert "cầu được thi công khi nào?" in rewrites("Cầu được xây dựng khi nào?")
    assert "cầu được thi công dựng khi nào?" not in rewrites("Cầu được xây dựng khi nào?")
    assert "cầu được xây khi nào?" not in rewrites("Cầu được xây dựng khi nào?")  # shares "xây": no new word
    assert rewrites("Thời tiết hôm nay ra sao?") == []


def test_a_question_in_other_words_finds_its_sentence():
    for question, words in (("Chi phí bao nhiêu tiền?", "8.700 tỷ"), ("Bao nhiêu người chết?", "thiệt mạng"),
                            ("Bao giờ xong?", "hoàn thành năm 2026"), ("Vốn đầu tư từ đâu?", "8.700 tỷ")):
        evidence = find_evidence(ARTICLE, question)
        assert is_answerable(evidence) and words in evidence[0].sentence.text


def test_a_question_the_article_does_not_answer_stays_unanswered():
    assert not is_answerable(find_evidence(ARTICLE, "Bao nhiêu học sinh đạt giải quốc gia?"))
    # "thi công" is in the article, the steel is not: a weak match in other words does not count
    article = Article.from_paragraphs([["Cây cầu được khánh thành sau hơn hai năm thi công.",
                                        "Cầu dài 1,2 km, có tổng vốn đầu tư khoảng 1.900 tỷ đồng."]])
    assert not is_answerable(find_evidence(article, "Cầu được xây bằng thép gì?"))


def test_who_scored_finds_the_reporters_words_for_a_goal():
    match = Article.from_paragraphs([[
        "Tối 6/11, Hải Phòng hòa Thanh Hóa 1-1 trên sân Lạch Tray.",
        "Phút 64, tiền đạo Lucao lập công cho đội chủ nhà từ một pha đánh đầu.",
        "Khán giả rời sân khi trời đổ mưa lớn.",
    ]], title="Hải Phòng hòa Thanh Hóa")
    evidence = find_evidence(match, "Ai ghi bàn cho Hải Phòng?")
    assert is_answerable(evidence) and "Lucao lập công" in evidence[0].sentence.text



def test_what_someone_advised_and_what_a_thing_cost_in_everyday_words():
    article = Article.from_paragraphs([[
        "Giá vàng nhẫn trong nước tăng thêm 3,2 triệu đồng mỗi lượng trong tuần qua.",
        "Nguồn cung vàng nhẫn khan hiếm khi nhiều cửa hàng tạm ngừng bán ra.",
        "Giá vàng thế giới cũng lập đỉnh mới do đồng USD suy yếu.",
        "Ông Trần Duy Phương, chuyên gia kinh tế, khuyến cáo người dân không nên mua vàng theo phong trào.",
    ], [
        "Cùng ngày, thành phố khánh thành cây cầu mới bắc qua sông Hàn.",
        "Cây cầu mới có tổng vốn đầu tư 2.450 tỷ đồng, dài 3,2 km.",
    ]])
    for question, words in (("Ông Phương khuyên gì?", "khuyến cáo"), ("Cầu tốn bao nhiêu tiền?", "2.450 tỷ")):
        evidence = find_evidence(article, question)
        assert is_answerable(evidence) and words in evidence[0].sentence.text
