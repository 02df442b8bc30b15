"""The offline summarizer picks the gist, skips clutter and repeats, and honours its budget."""
import pytest
from helpers import RIVER_BUS

from bot.article import Article, Sentence
from bot.extractive import (
    FILLER_SHARE, WEIGHTS, Budget, asks, budget_for, candidates, choose, headline_statement, headline_words, opening, quotes_whole,
    rank, select, summarize_extractive, trim_sentence,
)
from bot.intent import Length

TITLE = "Hà Nội khai trương tuyến xe buýt điện đầu tiên nối sân bay Nội Bài"
LEAD = "Sáng 12/3, Hà Nội chính thức khai trương tuyến xe buýt điện đầu tiên nối sân bay Nội Bài với trung tâm thành phố."
BODY = [
    [LEAD, "Tuyến xe buýt điện dài 35 km, mỗi ngày chạy 120 chuyến với giá vé 45.000 đồng."],
    ["Ảnh: Minh Anh.", "Nhiều người dân tranh thủ đi thử trong buổi sáng đầu tiên."],
    ["Theo Sở Giao thông vận tải, tuyến xe buýt điện nối sân bay Nội Bài giúp giảm khói bụi cho thành phố.",
     "Anh Tuấn, một hành khách, nói anh thích ghế ngồi rộng."],
]


def article(paragraphs=BODY, title=TITLE):
    return Article.from_paragraphs(paragraphs, title=title)


def test_lead_is_chosen_when_it_is_the_gist():
    chosen = summarize_extractive(article(), length=Length.SHORT)
    assert [s.index for s in chosen] == [0]
    assert "khai trương tuyến xe buýt điện" in chosen[0].text


def test_leading_dateline_is_trimmed_but_the_sentence_keeps_its_place():
    chosen = summarize_extractive(article(), max_sentences=1)[0]
    assert chosen.text.startswith("Hà Nội chính thức khai trương")
    assert (chosen.index, chosen.paragraph) == (0, 0)


def test_title_overlapping_sentence_beats_caption_and_chatter():
    chosen = summarize_extractive(article(), max_sentences=2)
    texts = " ".join(s.text for s in chosen)
    assert "Ảnh: Minh Anh" not in texts and "ghế ngồi" not in texts
    assert [s.index for s in chosen] == sorted(s.index for s in chosen)  # article order


def test_near_duplicate_of_a_chosen_sentence_is_skipped():
    repeated = [[LEAD, LEAD.replace("Sáng 12/3, ", "Hôm nay, "), "Tuyến xe buýt điện dài 35 km và chạy 120 chuyến mỗi ngày."]]
    chosen = summarize_extractive(article(repeated), max_sentences=2)
    assert [s.index for s in chosen] == [0, 2]


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_max_sentences_is_honoured(count):
    assert len(summarize_extractive(article(), max_sentences=count)) == count


def test_detailed_is_longer_than_short():
    short = summarize_extractive(article(), length=Length.SHORT)
    detailed = summarize_extractive(article(), length=Length.DETAILED)
    assert len(detailed) > len(short) == 1


def test_syllable_cap_keeps_at_least_the_best_sentence():
    chosen = summarize_extractive(article(), max_sentences=3, max_syllables=5)
    assert len(chosen) == 1


def test_text_without_diacritics_still_follows_the_title():
    plain = [["Nhieu nguoi dan di thu xe buyt.", "Ha Noi khai truong tuyen xe buyt dien dau tien noi san bay Noi Bai."]]
    chosen = summarize_extractive(article(plain, "Ha Noi khai truong tuyen xe buyt dien noi san bay"), max_sentences=1)
    assert chosen[0].index == 1


def test_empty_article_gives_no_summary():
    assert summarize_extractive(Article.from_paragraphs([])) == []


def test_select_ranks_then_restores_order():
    sentences = article().sentences
    rate = {0: 0.1, 1: 0.9, 2: 0.0, 3: 0.5, 4: 0.2, 5: 0.3}.get
    assert [s.index for s in rank(sentences, lambda s: rate(s.index))][:2] == [1, 3]
    assert [s.index for s in select(sentences, lambda s: rate(s.index), Budget(2))] == [1, 3]


@pytest.mark.parametrize("text, expected", [
    ("Theo báo Tuổi Trẻ, công an tỉnh Bình Dương đã bắt giữ hai đối tượng trộm xe.", "Công an tỉnh Bình Dương"),
    ("Chiều 18-5, công an tỉnh Bình Dương đã bắt giữ hai đối tượng trộm xe.", "Công an tỉnh Bình Dương"),
    ("Anh Lê Văn Nam (SN 1990, trú tại huyện Bàu Bàng) đã ra đầu thú.", "Anh Lê Văn Nam đã ra đầu thú."),
])
def test_trim_drops_source_dateline_and_personal_details(text, expected):
    sentence = Article.from_paragraphs([[text]]).sentences[0]
    assert trim_sentence(sentence).text.startswith(expected)


def test_opening_framing_phrase_is_trimmed_from_the_summary():
    paragraphs = [["Phát biểu tại buổi lễ sáng nay, Hà Nội chính thức khai trương tuyến xe buýt điện đầu tiên nối sân bay Nội Bài.",
                   "Nhiều người dân tranh thủ đi thử trong buổi sáng đầu tiên."]]
    chosen = summarize_extractive(article(paragraphs), length=Length.SHORT)
    assert chosen[0].text.startswith("Hà Nội chính thức khai trương")


def test_framing_phrase_naming_the_headline_is_kept():
    sentence = Article.from_paragraphs([["Trong buổi sáng ở sân bay Nội Bài, hành khách đã xếp hàng chờ chuyến xe buýt điện đầu tiên."]]).sentences[0]
    assert trim_sentence(sentence).text.startswith("Hành khách đã xếp hàng")
    kept = trim_sentence(sentence, headline_words(article()))
    assert kept.text == sentence.text


def test_closing_attribution_is_trimmed_from_the_summary():
    lead = "Tuyến xe buýt điện nối sân bay Nội Bài chở hơn 3.000 hành khách trong tuần đầu, ông Lê Văn Hùng cho biết."
    chosen = summarize_extractive(article([[lead, "Ảnh: Minh Anh."]]), length=Length.SHORT)
    assert chosen[0].text == "Tuyến xe buýt điện nối sân bay Nội Bài chở hơn 3.000 hành khách trong tuần đầu."


def test_headline_words_are_the_title_content_syllables():
    assert {"khai", "trương", "nội", "bài"} <= headline_words(article())
    assert "các" not in headline_words(article(title="Các tuyến xe buýt mới"))
    assert headline_words(Article.from_paragraphs([["Một câu."]])) == frozenset()


def test_a_repeated_sentence_is_not_chosen_twice_however_long_the_summary():
    repeated = [[LEAD, LEAD, LEAD.replace("Sáng 12/3", "Trưa 12/3")], BODY[0][1:]]
    chosen = summarize_extractive(article(repeated), length=Length.DETAILED)
    texts = [s.text for s in chosen]
    assert len(texts) == len(set(texts)) == 2


@pytest.mark.parametrize("length, sentences, syllables, floor", [
    (Length.SHORT, 1, 30, FILLER_SHARE), (Length.NORMAL, 2, 30, FILLER_SHARE), (Length.DETAILED, 5, 110, None),
])
def test_each_requested_length_has_its_budget(length, sentences, syllables, floor):
    assert budget_for(length) == Budget(sentences, syllables, floor)


def test_a_detailed_summary_may_fill_a_share_of_a_long_article():
    assert budget_for(Length.DETAILED, article_syllables=1000) == Budget(5, 350)
    assert budget_for(Length.DETAILED, article_syllables=100) == Budget(5, 110)
    assert budget_for(Length.NORMAL, article_syllables=1000) == Budget(2, 30, FILLER_SHARE)


def test_a_detailed_summary_of_long_sentences_is_more_than_one_sentence():
    # Official news in 60-80-syllable sentences: 110 syllables alone would hold one of them.
    long_sentences = [[
        "Sáng 20/11, đoàn kiểm tra của Ủy ban nhân dân tỉnh Đồng Nai do Phó Chủ tịch tỉnh làm trưởng đoàn đã "
        "làm việc với lãnh đạo huyện Tân Phú về tiến độ giải ngân vốn đầu tư công, việc bồi thường giải phóng mặt "
        "bằng và kế hoạch hoàn thành các tuyến đường giao thông nông thôn trước mùa mưa năm sau.",
        "Theo báo cáo của huyện, trong mười tháng đầu năm địa phương đã giải ngân được hơn sáu mươi phần trăm "
        "kế hoạch vốn được giao, hoàn thành mười hai công trình đường bê tông liên xã và đang đẩy nhanh thủ tục "
        "cho bảy dự án còn vướng mắc về đất đai, giá vật liệu xây dựng cùng năng lực của nhà thầu.",
        "Phát biểu kết luận buổi làm việc, trưởng đoàn yêu cầu huyện rà soát từng dự án chậm tiến độ, xử lý "
        "nghiêm những nhà thầu thi công kéo dài, công khai kết quả giải ngân hằng tháng và báo cáo tỉnh những "
        "khó khăn vượt thẩm quyền để các sở ngành cùng tháo gỡ trong thời gian sớm nhất có thể.",
        "Người dân ở các xã vùng sâu cho biết những con đường mới giúp việc chở nông sản ra chợ thuận tiện hơn "
        "nhiều so với trước đây, nhất là vào mùa mưa khi đường đất trơn trượt, xe máy chở hàng thường xuyên bị "
        "sa lầy và thương lái không muốn vào tận vườn để thu mua trái cây cho bà con.",
        "Huyện cũng kiến nghị tỉnh bổ sung kinh phí duy tu bảo dưỡng cho hơn ba trăm cây số đường đã xuống cấp, "
        "đồng thời cho phép điều chỉnh nguồn vốn giữa các dự án để tránh tình trạng nơi thừa nơi thiếu, khiến "
        "nhiều công trình cấp thiết phải chờ đợi sang năm tài chính tiếp theo mới được khởi công.",
        "Kết thúc chuyến công tác, đoàn đã đến thăm hỏi và tặng quà cho một số gia đình chính sách, hộ nghèo ở "
        "xã Phú Lộc, ghi nhận những đóng góp của người dân trong việc hiến đất làm đường và mong bà con tiếp tục "
        "đồng hành cùng chính quyền trong chương trình xây dựng nông thôn mới của địa phương.",
    ]]
    title = "Đồng Nai kiểm tra tiến độ giải ngân vốn đầu tư công tại huyện Tân Phú"
    normal = summarize_extractive(article(long_sentences, title=title))
    detailed = summarize_extractive(article(long_sentences, title=title), length=Length.DETAILED)
    assert len(normal) == 1 and len(detailed) > 1


def test_a_sentence_count_overrides_the_length_and_lifts_the_syllable_cap():
    assert budget_for(Length.SHORT, max_sentences=3) == Budget(3, None)
    assert budget_for(Length.SHORT, max_sentences=0) == Budget(1, None)
    assert budget_for(Length.DETAILED, max_syllables=40) == Budget(5, 40)


def test_weights_decide_which_candidate_wins():
    found = candidates(article())
    by_position = {name: 0.0 for name in WEIGHTS} | {"position": 1.0}
    by_shortness = {name: 0.0 for name in WEIGHTS} | {"fragment": 1.0}
    assert [s.index for s in choose(found, Budget(1), by_position)] == [0]
    assert [s.text for s in choose(found, Budget(1), by_shortness)] == ["Ảnh: Minh Anh."]
    assert choose(found, Budget(1)) == summarize_extractive(article(), max_sentences=1)


@pytest.mark.parametrize(("title", "statement"), [
    (TITLE, TITLE + "."),
    ("Video: Xe tải lật trên quốc lộ 1A, tài xế bị thương", "Xe tải lật trên quốc lộ 1A, tài xế bị thương."),
    ("VEC từ chối phục vụ 2 ô tô gây rối trạm thu phí: Liệu có đúng luật?", "VEC từ chối phục vụ 2 ô tô gây rối trạm thu phí."),
    ("Giá vàng hôm nay tăng mạnh!", "Giá vàng hôm nay tăng mạnh!"),
    ("Vì sao giá vàng tăng mạnh?", None),             # a question states nothing
    ("Bí mật đằng sau vụ việc...", None),             # a teaser
    ("Thời sự", None),                                # a section label
    (None, None),
    ("[Infographic] Bộ Giáo dục bỏ kỳ thi năng khiếu", "Bộ Giáo dục bỏ kỳ thi năng khiếu."),
    ("Lũ lớn gây ngập nhiều huyện ở miền Trung (ảnh)", "Lũ lớn gây ngập nhiều huyện ở miền Trung."),
    ("Giá vàng hôm nay tăng mạnh phiên thứ ba - VnExpress", "Giá vàng hôm nay tăng mạnh phiên thứ ba."),
    ("BỘ Y TẾ CẢNH BÁO DỊCH SỐT XUẤT HUYẾT GIA TĂNG", None),      # capitals: names cannot be told apart
    ("Sự thật đằng sau món phở mà ai cũng ăn", None),             # a teaser
    ("Thí sinh sẽ làm gì khi bỏ xét tuyển học bạ", None),          # a question without its mark
    ("Triều Tiên phủ nhận tấn công cơ sở dữ liệu", "Triều Tiên phủ nhận tấn công cơ sở dữ liệu."),
    ("Khởi công đường sắt Hà Nội - Lào Cai", "Khởi công đường sắt Hà Nội - Lào Cai."),   # a route, no site name
    ("Hà Nội: Mưa lớn gây ngập nhiều tuyến phố", "Hà Nội: Mưa lớn gây ngập nhiều tuyến phố."),
    ("Ông Hùng: Sẽ hoàn thành cầu năm 2026", "Ông Hùng: Sẽ hoàn thành cầu năm 2026."),   # the speaker stays
])
def test_the_headline_opens_a_summary_only_when_it_states_something(title, statement):
    assert headline_statement(title) == statement


def test_a_headline_the_article_denies_does_not_open_the_summary():
    title = "Hà Nội cấm xe máy ở nội thành từ năm 2025"
    assert headline_statement(title, ["Hà Nội chưa có kế hoạch cấm xe máy ở nội thành trong năm 2025, ông Hùng nói."]) is None
    assert headline_statement(title, ["Hà Nội sẽ cấm xe máy ở nội thành từ năm 2025, ông Hùng nói."]) == title + "."
    # A plain "không" denies nothing: "Vụ cháy ... không gây thương vong."
    fire = "Cháy chung cư mini ở Hà Nội lúc rạng sáng"
    assert headline_statement(fire, ["Vụ cháy chung cư mini ở Hà Nội không gây thương vong."]) == fire + "."


def test_the_headline_opens_the_summary_unless_the_chosen_sentences_already_say_it():
    chosen = summarize_extractive(article(), length=Length.SHORT)
    unrelated = "Thành phố thêm 20 tuyến buýt mới trong năm nay."
    assert opening(unrelated, chosen) == [unrelated] + [s.text for s in chosen]
    # The lead restates the headline (most of its syllable pairs): saying it twice adds nothing.
    assert opening(headline_statement(TITLE), chosen) == [s.text for s in chosen]
    assert opening(None, chosen) == [s.text for s in chosen]


def test_a_sentence_referring_back_is_not_chosen_without_the_one_before():
    body = [["Từ 15h chiều nay, giá xăng E5 tăng 420 đồng lên 20.950 đồng mỗi lít.",
             "Đây là lần tăng giá xăng thứ ba liên tiếp kể từ đầu tháng 10 vừa qua.",
             "Ông Lê Văn Hùng, chủ cửa hàng xăng, nói khách đến đổ xăng đông hơn."]]
    # The repeated words would pick "Đây là lần tăng giá xăng ..." alone; "Đây" then points at nothing.
    chosen = summarize_extractive(article(body, title="Giá xăng tăng lần thứ ba liên tiếp"), length=Length.SHORT)
    assert not chosen[0].text.startswith("Đây")


def test_a_question_the_article_asks_is_never_a_point_of_its_summary():
    # An interview: the reporter's questions match the headline best, the answers are the news.
    body = [["Giá vàng miếng SJC sáng nay giảm 1,2 triệu đồng mỗi lượng so với hôm qua."],
            ["- Giá vàng có tiếp tục giảm đến cuối năm không, thưa ông?"],
            ["- Giá vàng sẽ dao động mạnh, người mua theo đám đông rất dễ thua lỗ."],
            ["- Người dân có nên mua vàng lúc này?"],
            ["- Tôi khuyên người dân không vay tiền để mua vàng."]]
    title = "Giá vàng có tiếp tục giảm đến cuối năm?"
    chosen = summarize_extractive(article(body, title=title), max_sentences=3)
    assert len(chosen) == 3 and not any(asks(s.text) for s in chosen)
    only_questions = article([["Vì sao giá vàng tăng?", "Có nên mua vàng lúc này?"]], title=title)
    assert summarize_extractive(only_questions, max_sentences=1)   # an article that only asks still gets one


def test_an_interviewers_turn_that_asks_nothing_is_never_a_point_either():
    body = [["Sở Y tế tỉnh ghi nhận 4.100 ca sốt xuất huyết từ đầu năm, tăng 30% so với cùng kỳ."],
            ["PV: Ông có lời khuyên gì cho người dân?"],
            ["Ông Tâm: Người dân nên ngủ màn và đậy kín dụng cụ chứa nước."],
            ["PV: Xin cảm ơn ông về cuộc trao đổi hôm nay!"]]
    chosen = summarize_extractive(article(body, title="Sốt xuất huyết tăng 30%"), max_sentences=3)
    assert chosen and not any(s.text.startswith("PV") for s in chosen)
    assert asks("PV: Xin cảm ơn ông!") and asks("Phóng viên: Chúc ông sức khỏe.") and not asks("Ông Tâm: Người dân nên ngủ màn.")


def test_the_announcement_of_a_list_is_never_a_point_of_the_summary():
    body = [["Căn cứ dự báo bão số 6, để bảo đảm an toàn cho học sinh, UBND tỉnh thông báo như sau:"],
            ["1. Học sinh toàn tỉnh được nghỉ học ngày 27 và 28/10."],
            ["2. Các trường kiểm tra, chằng chống cơ sở vật chất trước khi bão vào."],
            ["Dưới đây là những điều phụ huynh cần lưu ý trong mùa mưa bão."]]
    chosen = summarize_extractive(article(body, title="Học sinh nghỉ học tránh bão số 6"), length=Length.SHORT)
    assert chosen and "nghỉ học ngày 27 và 28/10" in chosen[0].text


def test_a_numbered_heading_is_never_a_point_of_the_summary():
    body = [["Tỉnh tổng kết tình hình kinh tế năm 2024 với nhiều kết quả khả quan."], ["I. Sản xuất công nghiệp"],
            ["Chỉ số sản xuất công nghiệp năm 2024 tăng 12,4% so với năm trước."], ["9. Ý kiến chuyên gia"],
            ["Các chuyên gia cho rằng tỉnh cần đầu tư thêm vào hạ tầng giao thông."]]
    chosen = summarize_extractive(article(body, title="Kinh tế tỉnh năm 2024"), max_sentences=4)
    assert chosen and not any(asks(s.text) for s in chosen)
    assert asks("VII. Mục tiêu năm 2025") and not asks("9. Giá xăng tăng 420 đồng từ 15h chiều nay.")


def test_a_low_rated_short_line_does_not_fill_the_syllables_the_first_sentence_left():
    text = ("Giá vàng miếng SJC tăng mạnh lên 85 triệu đồng mỗi lượng\n\n"
            "Sáng nay giá vàng miếng SJC tăng thêm 1,5 triệu đồng, lên mức 85 triệu đồng mỗi lượng bán ra.\n\n"
            "Đơn vị: nghìn đồng.\n\n"
            "Các chuyên gia cho rằng nhà đầu tư nên thận trọng khi thị trường thế giới biến động khó lường trong "
            "những tuần tới, nhất là khi ngân hàng trung ương các nước đổi chính sách lãi suất.\n\n"
            "Tại Hà Nội, nhiều cửa hàng vàng bạc trên phố Trần Nhân Tông đông khách từ sáng sớm, người dân xếp hàng "
            "dài chờ mua vàng nhẫn và vàng miếng để tích trữ trong dịp cuối năm.")
    chosen = [s.text for s in summarize_extractive(Article.from_text(text))]
    assert chosen and chosen[0].startswith("Sáng nay giá vàng") and not any("Đơn vị" in t for t in chosen)


@pytest.mark.parametrize(("text", "trimmed"), [
    ("1. Hệ thống xe đạp công cộng là tập hợp xe đạp và trạm đỗ.", "Hệ thống xe đạp công cộng là tập hợp xe đạp và trạm đỗ."),
    ("a) Được cung cấp thông tin đầy đủ về giá thuê.", "Được cung cấp thông tin đầy đủ về giá thuê."),
    ("3.500 hộ dân đã được sơ tán đến nơi an toàn.", "3.500 hộ dân đã được sơ tán đến nơi an toàn."),  # a figure, no number of a list
    # a social post's decoration: emoji, and the hashtags that close it (not one inside the sentence)
    ("Xe khách lật trên cao tốc Trung Lương 😱 #caotoc #tainan.", "Xe khách lật trên cao tốc Trung Lương."),
    ("Tỉnh đã hỗ trợ mỗi hộ bị thiệt hại 20 triệu đồng 🙏", "Tỉnh đã hỗ trợ mỗi hộ bị thiệt hại 20 triệu đồng"),
    ("Giá vàng #SJC tăng mạnh trong phiên sáng nay.", "Giá vàng #SJC tăng mạnh trong phiên sáng nay."),
])
def test_a_summary_point_loses_its_list_number_and_decoration(text, trimmed):
    assert trim_sentence(Sentence(text, 0, 0)).text == trimmed


def test_a_sentence_opening_with_a_reference_waits_for_the_one_it_points_back_to():
    # "Con số này" and "Chúng tôi" point at the sentence before; alone they leave the reader asking
    body = [["Năm nay cả nước ghi nhận 98.214 ca sốt xuất huyết, tăng 14,6% so với năm trước.",
             "Con số này gấp đôi mức trung bình của mười năm qua, theo Cục Phòng bệnh.",
             "Chúng tôi đã phun hóa chất diệt muỗi tại mọi ổ dịch, ông Nam cho biết."]]
    chosen = summarize_extractive(article(body, title="Sốt xuất huyết gấp đôi mức trung bình mười năm"), max_sentences=1)
    assert [s.index for s in chosen] == [0]


def test_a_first_person_column_still_gets_a_summary():
    column = [["Tôi là giáo viên tiểu học ở Hà Nội đã 20 năm.", "Tôi dạy thêm vì lương không đủ sống.",
               "Tôi mong ngành giáo dục tăng lương cho giáo viên."]]
    for length in Length:
        assert summarize_extractive(article(column, title="Tôi đi dạy thêm"), length=length)


@pytest.mark.parametrize(("headline", "kept"), [
    ("14 binh sĩ gìn giữ hòa bình bị sát hại ở Congo.", True),        # the count is the news
    ("4 binh sĩ gìn giữ hòa bình bị sát hại ở Congo.", False),        # "bốn" says it
    ("Tin thế giới 19/5: binh sĩ gìn giữ hòa bình bị sát hại ở Congo.", False),  # a date is no news
    ("Hai binh sĩ gìn giữ hòa bình bị sát hại ở Congo.", True),       # spelled out, still not four
    ("Bốn binh sĩ gìn giữ hòa bình bị sát hại ở Congo.", False),
    ("Một năm sau, binh sĩ gìn giữ hòa bình bị sát hại ở Congo.", False),  # "một", "năm": no count
])
def test_a_headline_that_repeats_the_sentences_opens_the_summary_only_for_a_figure_they_leave_out(headline, kept):
    chosen = [Sentence("Bốn binh sĩ gìn giữ hòa bình bị sát hại ở Congo là người Tanzania, theo quân đội nước này.", 3, 0)]
    assert opening(headline, chosen) == ([headline] if kept else []) + [chosen[0].text]


@pytest.mark.parametrize("opener", ["Từ đó,", "Bởi vậy,"])
def test_a_sentence_drawing_a_conclusion_from_the_one_before_waits_for_it(opener):
    body = [["Bị cáo Lương cho rằng mình chỉ làm đúng quy trình và không có lỗi trong sự cố chạy thận.",
             f"{opener} bị cáo Lương mong hội đồng xét xử xem xét toàn diện để tuyên bị cáo vô tội trong sự cố chạy thận.",
             "Phiên tòa dự kiến kéo dài thêm hai ngày."]]
    chosen = summarize_extractive(article(body, title="Bị cáo Lương mong được tuyên vô tội trong sự cố chạy thận"), max_sentences=1)
    assert [s.index for s in chosen] == [0]


@pytest.mark.parametrize("caption", [
    "Anh Tùng (ngoài cùng bên phải) chụp ảnh cùng đồng đội trước trận chung kết.",
    "Các cầu thủ (từ trái sang phải) Tùng, Hải và Nam nhận huy chương vàng.",
    "Huấn luyện viên Park (thứ hai từ trái) trao đổi với trợ lý.",
])
def test_a_caption_saying_where_people_stand_in_the_photo_is_no_summary_point(caption):
    # Glued before the lead as pasted from some pages; it describes a photo, not the news.
    body = [[caption, "Đội tuyển bóng đá nữ Việt Nam giành huy chương vàng SEA Games sau khi thắng Thái Lan 2-1.",
             "Đây là lần thứ tư liên tiếp đội vô địch.", "Bàn thắng quyết định do Tùng ghi ở phút 80."]]
    chosen = summarize_extractive(article(body, title="Đội tuyển nữ Việt Nam giành huy chương vàng"), max_sentences=3)
    assert chosen and all(s.index != 0 for s in chosen)


@pytest.mark.parametrize("marks", ["“”", '""'])
def test_a_quotation_cut_into_sentences_is_summarized_whole_with_its_speaker_or_not_at_all(marks):
    pasted = Article.from_text(RIVER_BUS.replace("“", marks[0]).replace("”", marks[1]))
    assert len(pasted.sentences) == 9   # the splitter cut both quotations
    chosen = summarize_extractive(pasted, max_sentences=5)
    texts = [s.text for s in chosen]
    assert any("ba tuyến" in t and "Trần Văn Minh" in t and t.startswith(marks[0]) for t in texts)
    assert not any(set(range(4, 8)) & {s.index for s in chosen})   # four sentences: too long to quote
    opened, closed = marks
    for text in texts:   # every quote that opens closes, and no point starts in the middle of one
        assert text.count(opened) == text.count(closed) if opened != closed else text.count(opened) % 2 == 0
        assert text[0].isupper() or text[0] == opened
    assert [s.index for s in quotes_whole(pasted)] == [0, 1, 3, 8]
