"""A question that finds nothing is asked again in other words a news story may use."""
import pytest

from bot.article import Article
from bot.paraphrase import counted, rewrites
from bot.retrieve import find_evidence, is_answerable

ARTICLE = Article.from_paragraphs([[
    "Sáng 10/10, thành phố khởi công cây cầu mới nối hai bờ sông Hồng.",
    "Cầu dài 5,2 km, tổng mức đầu tư khoảng 8.700 tỷ đồng, dự kiến hoàn thành năm 2026.",
    "Trận lũ tuần trước làm 3 người thiệt mạng ở huyện ven sông.",
    "Người dân hai bên bờ mong cây cầu sớm đưa vào sử dụng.",
]], title="Khởi công cầu mới qua sông Hồng")


def test_the_longest_phrase_of_a_group_is_replaced_by_each_other():
    assert "Cầu được thi công khi nào?" in rewrites("Cầu được xây dựng khi nào?")
    assert "Cầu được thi công dựng khi nào?" not in rewrites("Cầu được xây dựng khi nào?")
    assert "Cầu được xây khi nào?" not in rewrites("Cầu được xây dựng khi nào?")  # shares "xây": no new word
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


FIRE = Article.from_paragraphs([[
    "Vụ cháy xảy ra lúc 2h sáng tại một xưởng may ở quận Bình Tân, TP.HCM.",
    "Lúc đó trong xưởng có 40 người đang ngủ ở tầng hai.",
    "Lực lượng cứu hỏa đưa được 29 người ra ngoài, 8 người còn lại đã tử vong, 3 người khác được đưa đi cấp cứu.",
    "Năm ngoái, một vụ cháy tương tự ở Thủ Đức làm chủ xưởng thiệt mạng.",
]], title="Cháy xưởng may ở Bình Tân")


def test_of_the_other_words_the_finding_that_counts_what_is_asked_wins():
    # "thiệt mạng" scores higher, but only "8 người ... tử vong" is a number of people
    evidence = find_evidence(FIRE, "Bao nhiêu người chết?")
    assert is_answerable(evidence) and "8 người còn lại đã tử vong" in evidence[0].sentence.text


@pytest.mark.parametrize(("article", "question", "words"), [
    (FIRE, "Có bao nhiêu người bị thương?", "được đưa đi cấp cứu"),
    (Article.from_paragraphs([["Khoảng 22h ngày 3/5, tài xế Nguyễn Văn Nam (35 tuổi) lái xe tải tông vào dải phân cách.",
                               "Tài xế Nam khai do buồn ngủ nên mất lái.",
                               "Kết quả kiểm tra cho thấy người lái xe không có nồng độ cồn trong hơi thở.",
                               "Vụ va chạm khiến 2 người đi xe máy bị gãy chân."]]),
     "Tài xế có uống rượu bia không?", "không có nồng độ cồn"),
])
def test_news_words_for_the_injured_and_for_drinking(article, question, words):
    evidence = find_evidence(article, question)
    assert is_answerable(evidence) and words in evidence[0].sentence.text


def test_a_sentence_that_matches_other_words_of_the_question_gives_way_to_one_that_says_it_otherwise():
    # "binh sĩ" twice and a number of them, but nobody killed: the sentence that says "thiệt mạng" answers
    article = Article.from_paragraphs([[
        "Phần lớn binh sĩ ở căn cứ là người Tanzania, quốc gia có hơn 1.000 binh sĩ đang phục vụ tại đây.",
        "Đêm 7/12, một nhóm phiến quân tấn công căn cứ của lực lượng này.",
        "Cuộc tấn công kéo dài nhiều giờ khiến 12 binh sĩ thiệt mạng.",
    ]])
    evidence = find_evidence(article, "Bao nhiêu binh sĩ bị giết?")
    assert "12 binh sĩ thiệt mạng" in evidence[0].sentence.text
    # a question the best sentence answers in its own words is not asked otherwise
    assert "1.000 binh sĩ" in find_evidence(article, "Bao nhiêu binh sĩ đang phục vụ?")[0].sentence.text


def test_a_phrase_is_replaced_whole_and_bị_is_no_shared_word():
    assert "bao nhiêu binh sĩ bị sát hại?" in rewrites("bao nhiêu binh sĩ bị giết?")
    assert "bao nhiêu binh sĩ tử vong?" in rewrites("bao nhiêu binh sĩ bị giết?")
    # "uống rượu bia" is one phrase: "uống" alone is not replaced by "dùng"
    assert rewrites("tài xế có uống rượu bia không?") == ["tài xế có say xỉn không?", "tài xế có nồng độ cồn không?"]
    assert rewrites("Hoà bị bắt khi nào?")[0] == "Hoà bị tạm giữ khi nào?"   # the name keeps its capital


def test_a_count_of_people_is_the_number_next_to_what_happened_to_them():
    # "thiệt mạng" is written, but next to no number: the count is in other words
    evidence = find_evidence(FIRE, "Bao nhiêu người thiệt mạng?")
    assert "8 người còn lại đã tử vong" in evidence[0].sentence.text
    asked = "bao nhiêu binh sĩ bị giết?"
    assert counted("14 binh sĩ gìn giữ hòa bình bị sát hại ở biên giới", asked) == {"14"}
    assert counted("Phần lớn binh sĩ bị sát hại là người Tanzania, nước có hơn 1.000 binh sĩ ở đây.", asked) == set()
    # "một" is "a" unless it stands right before what happened: "một bị thương" is one injured
    assert counted("Vụ cướp khiến một người chết, một bị thương.", "bao nhiêu người bị thương?") == {"1"}
    assert counted("Một ngư dân đã tử vong khi ra biển.", "bao nhiêu người chết?") == set()
    assert counted("Một ngư dân đã tử vong khi ra biển.", "bao nhiêu người chết?", one=True) == {"1"}
    # a cost is no count of people: its figure may stand far from it
    assert counted("Tổng chi phí cho dự án mở rộng đường ven biển là 2.000 tỷ đồng.", "chi phí bao nhiêu?") is None


def test_how_a_side_reacted_is_answered_by_what_it_denied_or_condemned():
    article = Article.from_paragraphs([[
        "Hải quân nước A cáo buộc tàu nước B xâm nhập vùng biển của mình hôm 3/4.",
        "Tàu nước B rời khu vực sau hai giờ theo dõi.",
        "Bộ Ngoại giao nước B bác bỏ thông tin này và lên án các hành động khiêu khích.",
        "Các chuyên gia cho rằng căng thẳng khó leo thang.",
    ]])
    evidence = find_evidence(article, "Nước B phản ứng thế nào?")
    assert is_answerable(evidence) and "bác bỏ" in evidence[0].sentence.text


def test_whether_someone_was_hurt_finds_that_they_were_taken_to_hospital():
    article = Article.from_paragraphs([[
        "Chiều 9/4, một bé trai 4 tuổi ở phường Lê Lợi bị kẹt chân vào khe cửa cuốn của một cửa hàng điện máy.",
        "Lực lượng cứu nạn dùng kích thủy lực nâng cửa sau khoảng 20 phút.",
        "Cháu bé được đưa đi bệnh viện kiểm tra, may mắn không bị dập nát bàn chân.",
        "Cửa hàng đã tạm đóng cửa để kiểm tra lại thiết bị.",
    ]], title="Giải cứu bé trai kẹt chân trong cửa cuốn")
    evidence = find_evidence(article, "bé có bị thương không?")
    assert is_answerable(evidence) and "đưa đi bệnh viện" in evidence[0].sentence.text


def test_a_side_that_has_not_commented_is_how_it_reacted():
    article = Article.from_paragraphs([[
        "Sở Giao thông thành phố thu hồi giấy phép của hãng xe công nghệ X từ ngày 1/10.",
        "Khoảng 30.000 tài xế sẽ phải tìm việc khác.",
        "Hãng X chưa đưa ra lời bình luận nào về quyết định này.",
    ]])
    evidence = find_evidence(article, "Hãng X phản ứng thế nào?")
    assert is_answerable(evidence) and "bình luận" in evidence[0].sentence.text


def test_a_body_found_says_someone_died():
    from bot.claims import judge
    texts = ["Tàu cá va chạm với tàu hàng ngoài khơi đêm 3/2.", "Lực lượng cứu hộ đã tìm thấy một thi thể ngư dân.",
             "12 người khác vẫn mất tích."]
    judged = judge("Có ai chết không?", texts)
    assert judged is not None and judged.verdict.key == "exists_yes" and judged.rests_on == (1,)
