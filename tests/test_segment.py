import unicodedata

import pytest

from bot.segment import (flatten_markup, normalize_text, quotation_runs, split_long_text, split_paragraphs, split_run_on,
                         split_sentences)



def NFD(text: str) -> str:  # noqa: N802 - reads like a constant in the tables below
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    "raw, expected",
    [
        (NFD("Tiếng Việt có dấu"), "Tiếng Việt có dấu"),
        ("Hà\u200bNội\u200c \u200dmùa\ufeff thu\u2060", "HàNội mùa thu"),
        ("Giá\x00 lúa\x07 tăng", "Giá lúa tăng"),
        ("Dòng một\r\nDòng hai\rDòng ba", "Dòng một\nDòng hai\nDòng ba"),
        ("Một\u00a0hai\u202fba\tbốn", "Một hai ba bốn"),
        ("Nhiều    khoảng   trắng", "Nhiều khoảng trắng"),
        ("Đoạn một   \n\n\n\n  Đoạn hai", "Đoạn một\n\nĐoạn hai"),
        ("  \n\nĐầu cuối \n\n ", "Đầu cuối"),
        ("\u202bChữ\u202c \u200eđảo\u200f chiều", "Chữ đảo chiều"),
        # A joiner between a letter and its combining accent must not stop composition.
        ("Vie\u200b\u0302\u0323t", "Việt"),
        ("Đoạn một\n \t \nĐoạn hai", "Đoạn một\n\nĐoạn hai"),
        ("", ""),
    ],
)
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


def test_normalized_text_is_nfc_and_idempotent():
    text = normalize_text(NFD("Thứ Hai,\r\n\r\n\r\nông   Nguyễn Văn Ẩn\u200b đến."))
    assert text == "Thứ Hai,\n\nông Nguyễn Văn Ẩn đến."
    assert unicodedata.is_normalized("NFC", text)
    assert normalize_text(text) == text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đoạn một.\n\nĐoạn hai.", ["Đoạn một.", "Đoạn hai."]),
        # Pasted web pages: one paragraph per line.
        ("Tiêu đề bài báo\nNgày 6/11, đoàn làm việc.\nĐoạn hai.", ["Tiêu đề bài báo", "Ngày 6/11, đoàn làm việc.", "Đoạn hai."]),
        # A hard-wrapped line goes on in lowercase: joined back.
        ("Bộ Y tế đề nghị các địa phương\ntăng cường kiểm tra.\nĐoạn sau.", ["Bộ Y tế đề nghị các địa phương tăng cường kiểm tra.", "Đoạn sau."]),
        # After a full stop a lowercase line is still a new paragraph (e.g. "iPhone ...").
        ("Câu hết.\niPhone 16 ra mắt.", ["Câu hết.", "iPhone 16 ra mắt."]),
        ("826 lượt xem\nNgày 6/11, đoàn đến.", ["826 lượt xem", "Ngày 6/11, đoàn đến."]),
        ("Các mốc sau:\n- ngày 10/5\n- ngày 20/5", ["Các mốc sau:", "- ngày 10/5", "- ngày 20/5"]),
        ("", []),
    ],
)
def test_split_paragraphs(text, expected):
    assert split_paragraphs(text) == expected


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        # Plain splits that must happen.
        ("Trời mưa. Đường ngập.", ["Trời mưa.", "Đường ngập."]),
        ("Ai đến? Ông Ba đến! Thật vậy.", ["Ai đến?", "Ông Ba đến!", "Thật vậy."]),
        ("Tin mới nhất. 3 người bị thương.", ["Tin mới nhất.", "3 người bị thương."]),
        ("Ông đến. Ở đây có Đà Nẵng.", ["Ông đến.", "Ở đây có Đà Nẵng."]),
        ("Một câu không dấu chấm cuối", ["Một câu không dấu chấm cuối"]),
        # Abbreviations.
        ("Ông đến TP. HCM hôm qua. Trời nắng.", ["Ông đến TP. HCM hôm qua.", "Trời nắng."]),
        ("TP. Hồ Chí Minh mưa lớn.", ["TP. Hồ Chí Minh mưa lớn."]),
        ("Theo TS. Lê Văn Nam, giá tăng.", ["Theo TS. Lê Văn Nam, giá tăng."]),
        ("PGS. Trần Hữu Bình và GS. Ngô Bảo Châu dự họp.", ["PGS. Trần Hữu Bình và GS. Ngô Bảo Châu dự họp."]),
        ("PGS.TS. Nguyễn Thị Hoa phát biểu. Hội nghị bế mạc.", ["PGS.TS. Nguyễn Thị Hoa phát biểu.", "Hội nghị bế mạc."]),
        ("ThS. Lê Minh và BS. Phạm An trực.", ["ThS. Lê Minh và BS. Phạm An trực."]),
        ("Bà là Th.S Kinh tế. Ông là kỹ sư.", ["Bà là Th.S Kinh tế.", "Ông là kỹ sư."]),
        ("Nhà ở Q. 3, P. Võ Thị Sáu, TP. HCM.", ["Nhà ở Q. 3, P. Võ Thị Sáu, TP. HCM."]),
        ("Rau, củ, quả v.v. đều tăng giá. Thịt thì giảm.", ["Rau, củ, quả v.v. đều tăng giá.", "Thịt thì giảm."]),
        ("Mr. Smith met Dr. Brown at St. Mary's. They talked.", ["Mr. Smith met Dr. Brown at St. Mary's.", "They talked."]),
        ("He lives at No. 5 Main Street.", ["He lives at No. 5 Main Street."]),
        ("Ông Nguyễn V. A. đã ký. Bà Trần T. B. Lan chứng kiến.", ["Ông Nguyễn V. A. đã ký.", "Bà Trần T. B. Lan chứng kiến."]),
        ("The report by J. Smith came out. Nobody read it.", ["The report by J. Smith came out.", "Nobody read it."]),
        # A given name cut to its opening consonants.
        ("Chị Nguyễn Thị Ng. (SN 1992) bị thương. Anh Kh. (32 tuổi) đưa chị đi viện.",
         ["Chị Nguyễn Thị Ng. (SN 1992) bị thương.", "Anh Kh. (32 tuổi) đưa chị đi viện."]),
        # A capital letter after an ordinary word is a name for a group, not an initial.
        ("Việt Nam ở bảng B. Đội tuyển đá trận đầu ngày 6/11.", ["Việt Nam ở bảng B.", "Đội tuyển đá trận đầu ngày 6/11."]),
        # Numbers, dates, times and versions.
        ("Giá 1.000 đồng. Lương 1.000,5 triệu.", ["Giá 1.000 đồng.", "Lương 1.000,5 triệu."]),
        ("Tăng 3,5%. Giảm 2.5% ở Mỹ.", ["Tăng 3,5%.", "Giảm 2.5% ở Mỹ."]),
        ("Ngày 25/11/2024. Hôm sau 6/11. Rồi đến 9:17.", ["Ngày 25/11/2024.", "Hôm sau 6/11.", "Rồi đến 9:17."]),
        ("Bản v2.0 ra ngày 3.4.2024 lúc 9:17:34 sáng.", ["Bản v2.0 ra ngày 3.4.2024 lúc 9:17:34 sáng."]),
        ("1. Tăng cường kiểm tra.", ["1. Tăng cường kiểm tra."]),
        ("II. Kết quả đạt được", ["II. Kết quả đạt được"]),
        # URLs and e-mail addresses.
        ("Xem tại https://nhandan.vn/tin-moi.html?id=5. Hoặc gọi tổng đài.", ["Xem tại https://nhandan.vn/tin-moi.html?id=5.", "Hoặc gọi tổng đài."]),
        ("Gửi thư về toasoan@baomoi.vn hoặc www.baomoi.vn. Xin cảm ơn.", ["Gửi thư về toasoan@baomoi.vn hoặc www.baomoi.vn.", "Xin cảm ơn."]),
        # Quotations.
        ("“Chúng tôi sẽ làm. Ngay bây giờ.” ông nói.", ["“Chúng tôi sẽ làm. Ngay bây giờ.” ông nói."]),
        ("Ông nói: “Tôi sẽ đến.” Sau đó ông đi.", ["Ông nói: “Tôi sẽ đến.”", "Sau đó ông đi."]),
        ("\"Tóm lại, đây là việc vô lý. Không thể chấp nhận\", LS Đức nói. Ông bỏ về.", ["\"Tóm lại, đây là việc vô lý. Không thể chấp nhận\", LS Đức nói.", "Ông bỏ về."]),
        ("“Sao lại thế?” bà hỏi. Không ai trả lời.", ["“Sao lại thế?” bà hỏi.", "Không ai trả lời."]),
        ("Ông đọc câu “Học, học nữa. Học mãi.”", ["Ông đọc câu “Học, học nữa. Học mãi.”"]),
        # An unclosed quotation does not swallow the rest of the paragraph.
        ("Ông nói “tôi đến. Trời mưa. Đường ngập.", ["Ông nói “tôi đến.", "Trời mưa.", "Đường ngập."]),
        # Sentences ending in a closing parenthesis.
        ("Giá tăng (theo Bộ Công Thương). Dân lo lắng.", ["Giá tăng (theo Bộ Công Thương).", "Dân lo lắng."]),
        ("Giá tăng. (Số liệu quý III.) Dân lo.", ["Giá tăng.", "(Số liệu quý III.)", "Dân lo."]),
        # Ellipses: a split before a capital, none before lowercase.
        ("Ông ngập ngừng... Rồi bỏ đi.", ["Ông ngập ngừng...", "Rồi bỏ đi."]),
        ("Ông ngập ngừng… Rồi bỏ đi.", ["Ông ngập ngừng…", "Rồi bỏ đi."]),
        ("Xe biển số 51A-55... di chuyển vào làn 7.", ["Xe biển số 51A-55... di chuyển vào làn 7."]),
        # Semicolons and colons never split.
        ("Một số nơi chưa đạt; công tác còn hạn chế: cần khắc phục.", ["Một số nơi chưa đạt; công tác còn hạn chế: cần khắc phục."]),
        # A period glued to the next sentence (a common typing slip in pasted text).
        ("Ông đã về nhà.Sáng nay trời mưa.", ["Ông đã về nhà.", "Sáng nay trời mưa."]),
        ("Ông đã về nhà.Ánh đèn phố đã tắt.", ["Ông đã về nhà.", "Ánh đèn phố đã tắt."]),
        ("Bà là ThS.BS Nguyễn Lan ở Tp.Hồ Chí Minh.", ["Bà là ThS.BS Nguyễn Lan ở Tp.Hồ Chí Minh."]),
        # Vietnamese without diacritics, and NFC/NFD alike.
        ("Ong den TP. HCM. Troi mua to.", ["Ong den TP. HCM.", "Troi mua to."]),
        (NFD("Đoàn đến Cần Thơ. Ông phát biểu."), [NFD("Đoàn đến Cần Thơ."), NFD("Ông phát biểu.")]),
        ("", []),
    ],
)
def test_split_sentences(paragraph, expected):
    assert split_sentences(paragraph) == expected


def test_a_paragraph_long_quotation_is_split_like_plain_text():
    speech = " ".join(f"Năm {year} chúng tôi trồng thêm {year - 2000} nghìn cây xanh ở ven đô." for year in range(2015, 2025))
    sentences = split_sentences(f"“{speech}” ông Nam kể.")
    assert len(sentences) == 10
    assert sentences[0] == "“Năm 2015 chúng tôi trồng thêm 15 nghìn cây xanh ở ven đô."
    assert sentences[-1] == "Năm 2024 chúng tôi trồng thêm 24 nghìn cây xanh ở ven đô.” ông Nam kể."


def test_sentences_keep_the_original_text():
    paragraph = "Ngày 6/11, đoàn đến TP. Cần Thơ.   “Tốt lắm!” ông nói.  Hết."
    sentences = split_sentences(paragraph)
    assert sentences == ["Ngày 6/11, đoàn đến TP. Cần Thơ.", "“Tốt lắm!” ông nói.", "Hết."]
    assert " ".join(sentences) == " ".join(paragraph.split())


@pytest.mark.parametrize(
    "text, max_chars, expected",
    [
        ("Ngắn gọn", 20, ["Ngắn gọn"]),
        ("một hai, ba bốn, năm sáu", 10, ["một hai,", "ba bốn,", "năm sáu"]),
        ("một hai; ba bốn, năm", 12, ["một hai;", "ba bốn, năm"]),
        ("một hai ba bốn năm sáu bảy", 9, ["một hai", "ba bốn", "năm sáu", "bảy"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ],
)
def test_split_long_text(text, max_chars, expected):
    assert split_long_text(text, max_chars) == expected


def test_split_long_text_keeps_every_word_within_the_limit():
    text = ", ".join(f"người dân xã số {n} nhận được hỗ trợ" for n in range(40))
    pieces = split_long_text(text, 100)
    assert all(len(p) <= 100 for p in pieces)
    assert " ".join(pieces) == text


def test_split_long_text_rejects_a_non_positive_limit():
    with pytest.raises(ValueError, match="max_chars = 0"):
        split_long_text("abc", 0)


RUN_ON = ("sáng nay tại hội trường ủy ban nhân dân huyện đã diễn ra hội nghị tổng kết công tác phòng chống lụt bão "
          "năm nay với sự tham dự của đại diện các xã thị trấn và các đơn vị lực lượng vũ trang đóng trên địa bàn huyện "
          "theo ông nguyễn văn an chủ tịch ủy ban nhân dân huyện mưa lũ năm nay đã làm hư hỏng hơn 300 ngôi nhà "
          "và cuốn trôi nhiều đoạn đường giao thông nông thôn ở các xã vùng trũng miễn thuế theo quy định hiện hành "
          "trước đó huyện đã chủ động di dời hơn 1.200 hộ dân ra khỏi vùng nguy hiểm trước khi cơn bão đổ bộ vào đất liền")


def test_a_run_on_text_without_punctuation_is_cut_before_sentence_openers():
    pieces = split_run_on(RUN_ON)
    assert " ".join(pieces) == RUN_ON
    assert [p.split()[:2] for p in pieces] == [["sáng", "nay"], ["theo", "ông"], ["trước", "đó"]]  # not "theo quy định"


def test_a_long_punctuated_sentence_is_not_a_run_on():
    sentence = ", ".join([RUN_ON[:200], RUN_ON[200:400], RUN_ON[400:]]).replace(" theo ông", ", theo ông")
    sentence = sentence.replace(" và ", ", và ").replace(" trước đó", ", trước đó")
    assert split_run_on(sentence) == [sentence]


def test_list_markers_and_tables_become_plain_sentences():
    paragraphs = ["Kế hoạch có các giải pháp chính:", "- Cấm đốt rơm rạ ở ngoại thành;", "• Trồng thêm 1 triệu cây xanh",
                  "| Chỉ số | 2024 | Mục tiêu 2030 |", "| --- | --- | :---: |", "| Số ngày AQI tốt | 45 | 150 |",
                  "Tổng kinh phí dự kiến 15.000 tỷ đồng."]
    assert flatten_markup(paragraphs) == [
        "Kế hoạch có các giải pháp chính:",
        "Cấm đốt rơm rạ ở ngoại thành. Trồng thêm 1 triệu cây xanh.",   # a list makes one paragraph
        "Số ngày AQI tốt: 2024: 45; Mục tiêu 2030: 150.",   # an answer quoting it says which number is the target
        "Tổng kinh phí dự kiến 15.000 tỷ đồng."]


def test_the_turns_of_an_interview_are_paragraphs_not_a_list():
    # A long dashed line is an answer in an interview: quoting it says which paragraph it is.
    question = "- Thưa bà, thách thức lớn nhất với phố cổ hiện nay là gì?"
    answer = ("- Thách thức lớn nhất là lũ lụt và lượng khách quá đông vào mùa cao điểm, khi mỗi ngày có hơn "
              "mười nghìn người đi bộ trong các con phố nhỏ, khiến nhiều ngôi nhà cổ xuống cấp nhanh hơn.")
    points = ["- Cấm xe máy;", "- Trồng thêm cây xanh;"]
    out = flatten_markup([question, answer, *points])
    assert out == ["Thưa bà, thách thức lớn nhất với phố cổ hiện nay là gì?", answer[2:],
                   "Cấm xe máy. Trồng thêm cây xanh."]


def test_a_tab_separated_table_reads_as_labelled_rows():
    text = "Mặt hàng\tGiá mới\tThay đổi\nRON95\t20.510\t-450\nDầu diesel\t18.740\t-210\nÁp dụng từ 15 giờ."
    assert flatten_markup(split_paragraphs(normalize_text(text))) == [
        "RON95: Giá mới: 20.510; Thay đổi: -450. Dầu diesel: Giá mới: 18.740; Thay đổi: -210.", "Áp dụng từ 15 giờ."]
    # one line with a tab in it is no table
    assert normalize_text("Giá RON95\t20.510 đồng.") == "Giá RON95 20.510 đồng."


@pytest.mark.parametrize(("sentences", "runs"), [
    # closed with its speaker after it, curly or straight, or the two mixed by careless editing
    (["“Cây cầu sẽ xong trong tháng 6.", "Dân hai bờ chờ đã lâu”, ông Hải nói.", "Trời mưa."], [(0, 1)]),
    (['"Cây cầu sẽ xong trong tháng 6.', 'Dân hai bờ chờ đã lâu", ông Hải nói.', "Trời mưa."], [(0, 1)]),
    (['“Cây cầu sẽ xong trong tháng 6.', 'Dân hai bờ chờ đã lâu", ông Hải nói.'], [(0, 1)]),
    # opened after "nói:", even glued to it or spaced out as some sites write quotes
    (['Trời mưa.', 'Ông Hải nói:"Cây cầu sẽ xong.', 'Dân chờ đã lâu".'], [(1, 2)]),
    (['Ông Hải nói: " Cây cầu sẽ xong.', 'Dân chờ đã lâu ".', 'Bà Lan gọi đó là " tin vui ".'], [(0, 1)]),
    # a quoted word inside the quotation, and a quotation kept whole by the splitter, link nothing more
    (["Ông nói: “Họ gọi đây là “cây cầu ước mơ”.", "Nó sẽ xong”.", "Bà nói “không”. Hết."], [(0, 1)]),
    (['Bà Lan nói: “Cây cầu sẽ xong.', 'Dân chờ đã lâu ".', 'Hết.'], [(0, 1)]),
    # a mark left open or closed without its partner is a typo: it links nothing
    (["Tài liệu tên “Báo cáo năm 2023.", "Trời mưa.", "Đường ngập."], []),
    (["Tài liệu tên “Báo cáo năm 2023.", "Trời mưa.", 'Dân gọi đó là " tin vui " rồi.'], []),
    (["Trời mưa.", "Đường ngập”.", "Hết."], []),
])
def test_a_quotation_the_splitter_cut_is_found_across_its_sentences(sentences, runs):
    assert quotation_runs(sentences) == runs
