"""A yes/no question's figure checked against the sentence that answers it (bot.claims)."""
import pytest

from bot.claims import check_claim, judge
from bot.claims_reported import denies, reported

# Written for these tests.
VERDICT = ("Ngày 20/11, TAND tỉnh Đồng Nai tuyên phạt Nguyễn Văn Hưng 15 năm tù, Trần Thị Mai 9 năm tù "
           "và Lê Văn Tùng 7 năm tù về tội lừa đảo.")
BRIDGE = "Cầu dài 1,2 km, rộng 30 m với 6 làn xe cơ giới và hai làn đường dành cho người đi bộ."
EXAM = "Năm nay, thí sinh thi ba môn Toán, Ngữ văn và Ngoại ngữ trong hai ngày 7 và 8/6."


@pytest.mark.parametrize(("question", "sentence", "matches", "claimed", "found"), [
    ("có đúng là Tùng bị 9 năm tù không?", VERDICT, False, "9 năm tù", "7 năm tù"),   # Mai's 9 years are not his
    ("Mai bị 9 năm tù phải không?", VERDICT, True, "9 năm tù", "9 năm tù"),
    ("Tùng bị 9 năm tù phải không?", VERDICT, False, "9 năm tù", "7 năm tù"),         # a name opening the question
    ("có đúng là cầu có 8 làn xe cơ giới không?", BRIDGE, False, "8 làn xe cơ giới", "6 làn xe cơ giới"),
    ("có đúng là năm nay thi 4 môn không?", EXAM, False, "4 môn", "ba môn"),          # a count in words
    ("Is it true that the bridge has 8 lanes?", "The bridge has 6 lanes and a cycle path.", False, "8 lanes", "6 lanes"),
])
def test_the_clause_about_what_the_question_names_confirms_or_contradicts_its_figure(question, sentence, matches,
                                                                                    claimed, found):
    verdict = check_claim(question, sentence)
    assert verdict is not None and (verdict.matches, verdict.claimed, verdict.found) == (matches, claimed, found)


@pytest.mark.parametrize(("question", "sentence"), [
    ("Tùng bị bao nhiêu năm tù?", VERDICT),                                    # no yes/no question: no verdict
    ("có đúng là 300 người chết không?", "Vụ việc khiến 300 người bị thương."),  # another count of people
    ("có đúng là cầu dài không?", BRIDGE),                                      # no figure claimed
    ("có đúng là cầu có 8 làn xe cơ giới không?", "Cầu được khởi công vào ngày 8/3 năm ngoái."),  # nothing counted so
])
def test_no_verdict_where_nothing_simple_can_be_checked(question, sentence):
    assert check_claim(question, sentence) is None


# --- a figure is bound to what the question names (written for these tests) ---------------------------------

FEES = ("Theo đề án, mức phí là 25.000 đồng đối với xe máy, 60.000 đồng đối với ôtô con "
        "và 90.000 đồng đối với xe tải và xe khách.")


@pytest.mark.parametrize(("question", "matches", "found"), [
    ("có đúng là ôtô con trả 90.000 đồng không?", False, "60.000 đồng"),    # 90.000 đồng is there, for trucks
    ("có đúng là xe máy phải trả 60.000 đồng không?", False, "25.000 đồng"),
    ("có đúng là ôtô con trả 60.000 đồng không?", True, "60.000 đồng"),
    ("co dung la o to con tra 60.000 dong khong?", True, "60.000 đồng"),   # typed without marks, "ô tô" for "ôtô"
    ("xe khách trả 90.000 đồng phải không?", True, "90.000 đồng"),         # "xe tải và xe khách": one item
])
def test_a_figure_counts_only_for_the_item_of_a_list_that_names_the_subject(question, matches, found):
    verdict = check_claim(question, FEES)
    assert verdict is not None and (verdict.matches, verdict.found) == (matches, found)


PEOPLE = ["Chiếc xe do ông Phạm Văn Lực (51 tuổi, ở huyện Đông Anh) điều khiển.",
          "Bà Vũ Thị Hằng (34 tuổi) ngồi phía sau bị thương nhẹ."]


def test_someone_elses_age_confirms_nothing():
    assert check_claim("bà Hằng 51 tuổi phải không?", PEOPLE[0]) is None   # 51 is ông Lực's age
    judged = judge("bà Hằng 51 tuổi phải không?", PEOPLE)
    assert judged.verdict.key == "claim_differs_said" and judged.verdict.found == "34 tuổi" and judged.rests_on == (1, 0)
    # whose 51 years they are, quoted
    assert judged.verdict.said_else == "Chiếc xe do ông Phạm Văn Lực (51 tuổi, ở huyện Đông Anh)"
    for question in ("bà Hằng 34 tuổi phải không?", "ba Hang 34 tuoi phai khong?"):
        judged = judge(question, PEOPLE)
        assert judged.verdict.key == "claim_matches" and judged.rests_on == (1,)


@pytest.mark.parametrize("question", ["Tùng bị 9 năm tù phải không?", "có đúng là bà Mai 9 năm tù không?"])
def test_the_name_nearest_the_figure_is_the_one_it_is_about(question):
    # "Tùng" and "Mai" are in the sentence, but 9 năm tù is Hà's.
    assert check_claim(question, "Ông Tùng cho biết Hà bị 9 năm tù, bà Mai được tha.") is None


def test_a_word_asked_about_in_another_clause_leaves_the_figure_unbound():
    # 50.000 đồng is what trucks pay; the clause about motorbikes has no figure.
    assert check_claim("có đúng là xe máy trả 50.000 đồng không?", "Xe tải trả 50.000 đồng, xe máy được miễn phí.") is None


CHARGERS = ["Dự án có 24 trạm sạc nhanh đặt dọc tuyến cao tốc.",
            "Trong đó, có 4 trạm sạc đặt tại các trạm dừng nghỉ ở Ninh Bình."]


@pytest.mark.parametrize(("question", "key", "found", "rests_on"), [
    ("có đúng là có 4 trạm sạc không?", "claim_differs", "24 trạm sạc", (0, 1)),   # 4 of the 24: both quoted
    ("có đúng là có 24 trạm sạc không?", "claim_matches", "24 trạm sạc", (0,)),
    ("có đúng là có 4 trạm sạc ở Ninh Bình không?", "claim_matches", "4 trạm sạc", (1,)),
])
def test_a_part_does_not_confirm_a_claim_about_the_whole(question, key, found, rests_on):
    judged = judge(question, CHARGERS)
    assert (judged.verdict.key, judged.verdict.found, judged.rests_on) == (key, found, rests_on)


STAFF = ["Biên chế công chức của thành phố năm nay là 8.000 người.",
         "Mỗi năm giảm 900 người so với năm trước.",
         "Khối trường học mỗi năm giảm từ 50 - 80 người."]


def test_a_figure_not_tied_to_what_is_asked_is_quoted_without_a_yes():
    judged = judge("có đúng là mỗi năm giảm 900 công chức không?", STAFF)
    assert judged.verdict.key == "claim_unsure" and judged.verdict.found == "900 người" and judged.rests_on == (1,)
    # said in so many words, though another clause gives another figure: yes
    judged = judge("có đúng là mỗi năm giảm 900 người không?", STAFF)
    assert judged.verdict.key == "claim_matches" and judged.rests_on == (1,)


def test_a_no_waits_for_a_sentence_that_gives_the_claimed_figure_unbound():
    fines = ["Công ty bị phạt 40 triệu đồng vì xả thải của kế toán.",
             "Giám đốc và kế toán bị phạt lần lượt 12 triệu đồng và 30 triệu đồng."]   # "lần lượt" binds by order
    judged = judge("có đúng là kế toán bị phạt 30 triệu đồng không?", fines)
    assert judged.verdict.key == "claim_unsure" and judged.rests_on == (1, 0)
    assert judge("có đúng là kế toán bị phạt 50 triệu đồng không?", fines).verdict.key == "claim_differs"
    # of two clauses that say "phạt", the one with the claimed figure
    fines = ["Giám đốc bị phạt 12 triệu đồng; phạt 30 triệu đồng vì không có giấy phép."]
    assert judge("có đúng là phạt 30 triệu đồng vì không có giấy phép không?", fines).verdict.key == "claim_matches"


def test_a_figure_the_article_lacks_is_answered_with_the_one_it_gives():
    fire = ["Vụ cháy xảy ra lúc rạng sáng.", "Có 8 người thoát ra ngoài, 5 người khác đã tử vong tại chỗ."]
    judged = judge("có đúng là 12 công nhân chết không?", fire)
    assert judged.verdict.key == "claim_not_said" and judged.verdict.found == "5 người khác đã tử vong"
    judged = judge("có đúng là 5 người chết không?", fire)   # "tử vong" is "chết"
    assert judged.verdict.key == "claim_matches" and judged.rests_on == (1,)
    judged = judge("có đúng là 3 người chết không?", ["Xưởng gỗ cháy lúc rạng sáng."], title="Cháy xưởng gỗ, 2 người chết")
    assert judged.headline and judged.verdict.key == "claim_differs" and judged.verdict.found == "2 người chết"


@pytest.mark.parametrize(("question", "matches"), [("có phải thu phí 24/24 không?", False),
                                                    ("có phải thu phí từ 7h đến 22h không?", True)])
def test_hours_of_the_day_are_a_figure(question, matches):
    verdict = check_claim(question, "Bãi xe thu phí từ 7h đến 22h, miễn phí cho xe đạp.")
    assert verdict is not None and verdict.matches is matches and verdict.found == "từ 7h đến 22h"


PARKING = ["Bãi xe thu phí từ 7h đến 22h.", "Không thu phí đối với xe đạp của học sinh."]


@pytest.mark.parametrize(("question", "key"), [
    ("có đúng là thu phí cả xe đạp không?", "claim_denied"),
    ("co dung la thu phi xe dap khong?", "claim_denied"),
    ("có đúng là không thu phí xe đạp không?", "claim_confirmed"),
])
def test_a_sentence_that_negates_the_question_answers_it(question, key):
    judged = judge(question, PARKING)
    assert judged.verdict.key == key and judged.rests_on == (1,)


@pytest.mark.parametrize(("question", "texts"), [
    ("có đúng là thu phí xe máy không?", PARKING),                                      # not what is negated
    ("có đúng là thu phí xe đạp không?", PARKING + ["Từ tháng sau, bãi thu phí xe đạp."]),  # the article says both
    ("có đúng là kể cả xe đạp không?", ["Chưa kể xe đạp, bãi còn có 200 chỗ."]),          # "chưa kể" negates nothing
])
def test_no_denial_where_the_negation_is_not_of_what_is_asked(question, texts):
    assert judge(question, texts) is None


_FAMILY = ["Ông Paolo, 41 tuổi, cùng con gái Sara, 38 tuổi và con trai Sebastian, 29 tuổi đều làm việc tại trang trại."]


@pytest.mark.parametrize(("question", "key", "found", "whose"), [
    ("Sebastian 29 tuổi phải không?", "claim_matches", "29 tuổi", ""),
    ("Sebastian 38 tuổi phải không?", "claim_differs_said", "29 tuổi", "Sara, 38 tuổi"),   # not Sara's age before "và"
    ("Paolo 41 tuổi phải không?", "claim_matches", "41 tuổi", ""),
    ("co dung la Sara 41 tuoi khong?", "claim_differs_said", "38 tuổi", "Ông Paolo, 41 tuổi"),   # Paolo's 41, quoted
])
def test_an_age_set_off_by_a_comma_belongs_to_the_name_before_it(question, key, found, whose):
    judged = judge(question, _FAMILY, near=1)
    assert judged is not None and (judged.verdict.key, judged.verdict.found) == (key, found)
    assert whose in judged.verdict.said_else


# --- a part of a whole, points in time, "không ai" (written for these tests) -----------------------------------

FERRY = ["Năm 2019, Indonesia trả tự do cho ba trong 7 ngư dân bị bắt giữ trên biển.",
         "Đội cứu hộ đưa được 4 trong số 12 công nhân ra khỏi hầm sau hai ngày."]


@pytest.mark.parametrize(("question", "key", "found"), [
    ("Indonesia trả tự do cho 7 ngư dân phải không?", "claim_differs", "ba trong 7 ngư dân"),   # 7 is the whole
    ("indonesia tra tu do cho 7 ngu dan phai khong?", "claim_differs", "ba trong 7 ngư dân"),
    ("Indonesia trả tự do cho 3 ngư dân phải không?", "claim_matches", "ba trong 7 ngư dân"),
    ("indonesia tra tu do cho 3 ngu dan phai khong?", "claim_matches", "ba trong 7 ngư dân"),
    ("Năm 2019, Indonesia trả tự do cho 3 ngư dân phải không?", "claim_matches", "ba trong 7 ngư dân"),
    ("có đúng là đưa được 12 công nhân ra khỏi hầm không?", "claim_differs", "4 trong số 12 công nhân"),
    ("có đúng là đưa được 4 công nhân ra khỏi hầm không?", "claim_matches", "4 trong số 12 công nhân"),
])
def test_a_figure_after_a_number_and_trong_is_the_whole_not_the_count(question, key, found):
    judged = judge(question, FERRY, near=1)   # the reply quotes what the sentence says of them
    assert judged is not None and judged.verdict.key == key and judged.verdict.found.startswith(found)


def test_a_count_of_a_part_of_the_same_noun_keeps_its_own_figure():
    judged = judge("có đúng là 9 người được xuất viện không?", ["Có 2 người trong số 9 người được xuất viện."], near=1)
    assert judged.verdict.key == "claim_differs" and judged.verdict.found.startswith("2 người")


FLOOD = ["Hai anh em mắc kẹt trong hang được cứu hôm 8/9, sau 3 ngày mưa lớn.",
         "Đám cháy bùng lên khoảng 21h tối, đến 23h30 thì được dập tắt.",
         "Cây cầu được xây năm 1987 và mở rộng năm 2004."]


@pytest.mark.parametrize(("question", "key", "found"), [
    ("Được cứu ngày 9/9 phải không?", "claim_differs", "hôm 8/9"),
    ("duoc cuu ngay 9/9 phai khong?", "claim_differs", "hôm 8/9"),
    ("Hai anh em được cứu ngày 8/9 phải không?", "claim_matches", "hôm 8/9"),
    ("duoc cuu ngay 8/9 phai khong?", "claim_matches", "hôm 8/9"),
    ("có đúng là đám cháy bùng lên khoảng 20h không?", "claim_differs", "khoảng 21h tối"),   # the article's "khoảng" kept
    ("có đúng là đám cháy bùng lên lúc 9 giờ tối không?", "claim_matches", "khoảng 21h tối"),   # the article's "khoảng" kept
    ("co dung la dam chay bung len khoang 21h khong?", "claim_matches", "khoảng 21h tối"),   # the article's "khoảng" kept
    ("có đúng là cây cầu được xây năm 1990 không?", "claim_differs", "năm 1987"),
    ("co dung la cay cau duoc xay nam 1987 khong?", "claim_matches", "năm 1987"),
])
def test_a_date_a_year_or_an_hour_asked_is_checked_like_a_count(question, key, found):
    judged = judge(question, FLOOD)
    assert judged is not None and (judged.verdict.key, judged.verdict.found) == (key, found)


@pytest.mark.parametrize(("question", "texts", "key"), [
    ("Có đúng là có người bị thương không?", ["Vụ va chạm không có ai bị thương, hai xe hư hỏng nặng."], "claim_denied"),
    ("co dung la co nguoi bi thuong khong?", ["Không ai bị thương trong vụ sập giàn giáo."], "claim_denied"),
    ("Có đúng là có người chết không?", ["Vụ sạt lở không gây thương vong về người."], "claim_denied"),
    ("có đúng là có người bị thương không?", ["Rất may, vụ nổ không có thương vong."], "claim_denied"),
])
def test_no_one_negates_someone(question, texts, key):
    judged = judge(question, texts, near=1)
    assert judged is not None and judged.verdict.key == key


@pytest.mark.parametrize(("question", "found"), [
    ("Có đúng là 3.000 người tham gia không?", "hơn 3.000 người tham gia"),
    ("Có đúng là đám cháy bùng lên lúc 22h không?", "khoảng 22h"),
])
def test_a_figure_the_article_gives_loosely_is_quoted_with_its_qualifier(question, found):
    texts = ["Lễ hội năm nay có hơn 3.000 người tham gia.", "Đám cháy bùng lên vào khoảng 22h tại kho hàng."]
    judged = judge(question, texts, near=2)
    assert judged is not None and judged.verdict.found == found


# Written for these tests: whether anyone was hurt, killed or arrested ("Có ai bị thương không?").
FIRE = ["Rạng sáng 9/5, một kho gỗ ở xã Tân Phú bốc cháy dữ dội.",
        "Lửa lan sang dãy nhà trọ bên cạnh, một công nhân bị thương nặng khi tìm cách thoát ra.",
        "Rất may, không có ai tử vong.",
        "Cảnh sát đang truy bắt người đã châm lửa."]
BUS = ["Xe khách lật xuống ruộng, 28 hành khách không bị thương.", "Tài xế bị thương ở chân.",
       "Vụ va chạm không gây thương vong về người."]


@pytest.mark.parametrize(("question", "texts", "key", "found", "rests_on"), [
    ("Có ai bị thương không?", FIRE, "exists_yes", "một công nhân bị thương nặng khi tìm cách thoát ra", (1,)),
    ("co ai bi thuong khong", FIRE, "exists_yes", "một công nhân bị thương nặng khi tìm cách thoát ra", (1,)),
    ("Có ai chết không?", FIRE, "exists_no", "Rất may, không có ai tử vong", (2,)),   # "tử vong" says "chết"
    ("Có ai bị thương không?", BUS[:2], "exists_yes", "Tài xế bị thương ở chân", (1,)),  # some unhurt, one hurt
    ("Có hành khách nào bị thương không?", BUS[:2], "exists_no", "28 hành khách không bị thương", (0,)),
    ("Có ai thiệt mạng hay không?", BUS[2:], "exists_no", "Vụ va chạm không gây thương vong về người", (0,)),
])
def test_whether_anyone_did_or_suffered_something_is_answered_by_the_clause_that_says(question, texts, key, found,
                                                                                      rests_on):
    judged = judge(question, texts)
    assert judged is not None and (judged.verdict.key, judged.verdict.found, judged.rests_on) == (key, found, rests_on)


@pytest.mark.parametrize(("question", "texts"), [
    ("Có người nào bị bắt không?", FIRE),               # pursued ("đang truy bắt") is not arrested
    ("Có ai chết không?", ["Ba ngư dân may mắn thoát chết."]),   # escaped death
    ("Có ai bị bắt không?", ["Vụ cháy thiêu rụi 4 phòng trọ."]),  # the article does not say
])
def test_no_clause_that_says_it_leaves_an_existence_question_undecided(question, texts):
    assert judge(question, texts) is None

# --- a figure of something else (written for these tests) --------------------------------------------------

BLAZE = ["Rạng sáng 8/9, dãy nhà trọ ở quận Bình Tân bốc cháy dữ dội.",
         "Vụ cháy làm 3 người chết, 12 người bị thương.",
         "Hơn 60 chiến sĩ và 15 xe chữa cháy được điều đến hiện trường."]
WORKSHOP = ["Theo Công an tỉnh, vụ cháy làm 3 công nhân tử vong và 12 người khác bị thương.",
            "Trong số 12 người bị thương, có 4 người bị bỏng nặng."]


@pytest.mark.parametrize(("question", "texts", "found", "other"), [
    # the dead have a figure of their own; 12 is the injured
    ("Có 12 người chết phải không?", BLAZE, "3 người chết", "12 người bị thương"),
    ("Có 3 người bị thương phải không?", BLAZE, "12 người bị thương", "3 người chết"),
    # told apart only by what happened to them: "3 công nhân tử vong" are the dead
    ("Có 12 người chết phải không?", WORKSHOP, "3 công nhân tử vong", "12 người khác bị thương"),
    ("Có 4 người chết phải không?", WORKSHOP, "3 công nhân tử vong", "4 người bị bỏng nặng"),
])
def test_a_figure_that_counts_something_else_is_a_no_that_says_what_it_counts(question, texts, found, other):
    judged = judge(question, texts)
    verdict = judged.verdict
    assert (verdict.key, verdict.found, verdict.other) == ("claim_differs_other", found, other)
    assert verdict.other_number == other.split()[0] and verdict.other_counted == other.split(maxsplit=1)[1]


def test_a_number_that_counts_things_of_another_kind_is_no_figure_of_people():
    # 15 fire engines are no 15 dead: the article gives the dead, and not 15 of them
    judged = judge("Có 15 người chết phải không?", WORKSHOP[:1] + BLAZE[2:])
    assert (judged.verdict.key, judged.verdict.found) == ("claim_not_said", "3 công nhân tử vong")


# --- reported, not stated (written for these tests) ---------------------------------------------------------

ACCUSED = "Công ty Phúc Hưng bị tố lừa đảo 200 khách hàng"


@pytest.mark.parametrize(("question", "texts", "title", "rests_on", "headline"), [
    ("Công ty Phúc Hưng lừa đảo phải không?", ["Khách hàng gửi đơn đến công an quận."], ACCUSED, (), True),
    ("Phúc Hưng lừa đảo 200 khách hàng phải không?", [], ACCUSED, (), True),
    ("Có đúng là công ty đã nhận tiền đặt cọc không?",
     ["Theo đơn tố cáo, công ty đã nhận tiền đặt cọc hơn 150 tỷ đồng."], None, (0,), False),
    ("Nam thanh niên trộm xe máy phải không?", [], "Nam thanh niên nghi trộm xe máy bị bắt", (), True),
    ("Vụ cháy do chập điện phải không?", ["Vụ cháy được cho là do chập điện trong kho."], None, (0,), False),
    ("Ca sĩ Minh Thư kết hôn phải không?", ["Tin đồn ca sĩ Minh Thư kết hôn lan nhanh trên mạng."], None, (0,), False),
])
def test_what_the_article_only_reports_as_an_accusation_is_said_to_be_one(question, texts, title, rests_on, headline):
    judged = reported(question, texts, title)
    assert judged is not None and judged.verdict.key == "claim_reported"
    assert (judged.rests_on, judged.headline) == (rests_on, headline)


@pytest.mark.parametrize(("question", "texts", "title"), [
    ("Công ty Phúc Hưng bị tố lừa đảo phải không?", [], ACCUSED),   # asks about the accusation itself
    # the arrest is told as a fact; only the theft is suspected
    ("Nam thanh niên bị bắt phải không?", [], "Nam thanh niên nghi trộm xe máy bị bắt"),
    # the body states it plainly: the court's finding, not the headline's accusation
    ("Công ty Phúc Hưng lừa đảo khách hàng phải không?",
     ["Tòa kết luận Công ty Phúc Hưng đã lừa đảo 200 khách hàng."], ACCUSED),
    ("Yếu tố thời tiết gây tai nạn phải không?", ["Yếu tố thời tiết gây tai nạn."], None),   # "yếu tố" is no "tố"
    ("Bị cáo Hưng nhận 15 năm tù phải không?", ["Bị cáo Hưng nhận 15 năm tù."], None),       # "bị cáo" is no "cáo buộc"
    ("Công an huyện bắt Thành phải không?", ["Công an huyện Nghi Xuân bắt Thành."], None),     # "Nghi Xuân" is a place
])
def test_what_the_article_states_or_the_accusation_itself_is_not_hedged(question, texts, title):
    assert reported(question, texts, title) is None


# --- a predicate asked is a word of its own, quoted from where a word starts (written for these tests) ------

PARADE = ["Buổi sáng, đoàn xe chở hai hoàng tử đi qua hàng dài người hâm mộ vẫy cờ, bắt tay và chụp ảnh với họ.",
          "Lễ hội chính thức bắt đầu từ 8h và kéo dài đến tối.",
          "Đoàn khách còn ghé thăm khu tạm giam cũ, nay là bảo tàng.",
          "Chiếc xe của ban tổ chức chết máy giữa đường."]


@pytest.mark.parametrize("question", ["Có ai bị bắt không?", "co ai bi bat khong?", "Có người nào bị tạm giam không?",
                                      "Có ai chết không?"])
def test_a_predicate_inside_another_word_is_not_said(question):
    # "bắt tay" shakes hands, "bắt đầu" begins, "khu tạm giam" is a place, "chết máy" a stalled engine
    assert judge(question, PARADE) is None


@pytest.mark.parametrize(("question", "arrest"), [
    ("Có ai bị bắt không?", "Hai cổ động viên quá khích đã bị bắt giữ."),
    ("co ai bi bat khong?", "Công an đã bắt khẩn cấp một thanh niên."),
    ("Có ai bị bắt không?", "Kẻ trộm bị bắt quả tang khi đang lấy ví."),
])
def test_an_arrest_is_said_by_its_own_words(question, arrest):
    judged = judge(question, PARADE + [arrest])
    assert judged is not None and judged.verdict.key == "exists_yes" and judged.rests_on == (4,)


def test_a_compound_asked_is_looked_for_as_it_is():
    judged = judge("Có ai bắt tay người hâm mộ không?", PARADE)
    assert judged is not None and judged.verdict.key == "exists_yes" and judged.rests_on == (0,)


def test_a_quote_cut_inside_a_clause_starts_where_a_word_does():
    hurt = ["Sáng qua, đoàn xe chở hai hoàng tử đi qua hàng dài người hâm mộ đang vẫy cờ thì một cổ động viên bị thương "
            "ở tay."]
    found = judge("Có ai bị thương không?", hurt).verdict.found
    assert found == "… người hâm mộ đang vẫy cờ thì một cổ động viên bị thương ở tay"   # not "… hâm mộ đang"


# --- a rate's period (written for these tests) --------------------------------------------------------------

RENT = ["Giá thuê xe điện tại bến khoảng 150.000 đồng / giờ.", "Xe tự lái có giá 900.000 đồng mỗi ngày."]


@pytest.mark.parametrize(("question", "key", "found"), [
    ("có đúng là thuê xe điện 150.000 đồng một ngày không?", "claim_differs", "khoảng 150.000 đồng / giờ"),
    ("có đúng là thuê xe điện 150.000 đồng mỗi giờ không?", "claim_matches", "khoảng 150.000 đồng / giờ"),
    ("co dung la xe tu lai 900.000 dong/gio khong?", "claim_differs", "900.000 đồng mỗi ngày"),
    ("có đúng là thuê xe điện giá 150.000 đồng không?", "claim_matches", "khoảng 150.000 đồng / giờ"),
])
def test_a_rate_asked_per_one_period_is_not_the_same_figure_per_another(question, key, found):
    judged = judge(question, RENT)
    assert judged is not None and (judged.verdict.key, judged.verdict.found) == (key, found)


# --- a figure bound to another subject or measure (written for these tests) --------------------------------

ECONOMY = ["Năm ngoái, tỷ lệ hộ nghèo của tỉnh đã giảm xuống còn 2,1%.",
           "Tỉnh đặt mục tiêu tăng trưởng 8%, nhưng các chuyên gia cho rằng con số thực tế sẽ thấp hơn.",
           "Trong 6 tháng đầu năm, kinh tế tỉnh tăng trưởng 3,2%."]


@pytest.mark.parametrize(("question", "key", "found", "elsewhere"), [
    ("có đúng là tỷ lệ hộ nghèo 3,2% không?", "claim_differs_said", "2,1%", "kinh tế tỉnh tăng trưởng 3,2%"),
    ("co dung la ty le ho ngheo 2,1% khong?", "claim_matches", "2,1%", ""),
    # a goal is no growth: 8% is the target
    ("có đúng là kinh tế tỉnh tăng trưởng 8% không?", "claim_differs_said", "3,2%", "mục tiêu tăng trưởng 8%"),
    ("có đúng là tỉnh đặt mục tiêu tăng trưởng 8% không?", "claim_matches", "8%", ""),
])
def test_a_share_is_checked_against_the_measure_it_is_of(question, key, found, elsewhere):
    judged = judge(question, ECONOMY)
    verdict = judged.verdict
    assert (verdict.key, verdict.found) == (key, found) and elsewhere in verdict.said_else


TOWN = ["Quân đội chiếm lại thị trấn Đồng Sơn, cách thành phố Lạc Thủy khoảng 45km về phía tây.",
        "Trước đó, đơn vị đã hành quân 15km qua vùng núi.",
        "Qua đó, lực lượng này kiểm soát thêm 20km2 đất, ba bản làng và hai cây cầu."]
CHEQUE = ["Ông Hải nộp cho tòa bản sao tấm séc trị giá 40.000 USD do bà Lan ký năm 2019, được cho là một phần "
          "trong khoản vay 150.000 USD của công ty."]


def test_a_distance_between_named_places_is_bound_across_an_apposition():
    verdict = judge("có đúng là Đồng Sơn cách Lạc Thủy 15km không?", TOWN).verdict
    assert (verdict.key, verdict.found, verdict.other_number) == ("claim_differs_said", "khoảng 45km", "15km")
    assert "hành quân 15km" in verdict.said_else


def test_a_count_of_a_list_says_what_the_claimed_number_counts():
    verdict = judge("có đúng là lực lượng này kiểm soát thêm 3 cây cầu không?", TOWN).verdict
    assert (verdict.key, verdict.found, verdict.other) == ("claim_differs_other", "hai cây cầu", "ba bản làng")


def test_words_before_a_figure_with_a_clause_of_its_own_go_with_it_alone():
    # "tấm séc trị giá" heads the 40.000 USD; 150.000 USD is a loan, in a clause of its own
    verdict = judge("có đúng là tấm séc trị giá 150.000 USD không?", CHEQUE).verdict
    assert (verdict.key, verdict.found) == ("claim_differs_said", "40.000 USD") and "khoản vay 150.000 USD" in verdict.said_else


DOGS = ["Chuyên gia cho biết con chó Bim đã chết sau 6 hoặc 7 tiếng đồng hồ kể từ khi tàu rời bệ phóng.",
        "Hai con chó khác bay quanh Trái đất trong 24 giờ rồi hạ cánh an toàn."]


@pytest.mark.parametrize(("question", "key"), [
    ("có đúng là chó Bim chết sau 24 giờ không?", "claim_differs"),   # 24 giờ is the other dogs' flight
    ("có đúng là chó Bim chết sau 7 giờ không?", "claim_unsure"),     # one of "6 hoặc 7 tiếng"
])
def test_hours_written_as_tieng_and_either_of_two_figures(question, key):
    judged = judge(question, DOGS)
    assert (judged.verdict.key, judged.verdict.found) == (key, "6 hoặc 7 tiếng đồng hồ")


RIOT = ["Bạo loạn ở nhà tù, 9 người thiệt mạng.",
        "Vụ bạo loạn hôm 3/4 đã làm ít nhất 9 người thiệt mạng và 20 người bị thương.",
        "Theo người nhà các nạn nhân, tù nhân ở trại giam thị trấn Santa Rosa đã cướp súng của lính gác.",
        "Hồi tháng Một, gần 50 người đã thiệt mạng trong một vụ bạo loạn ở thành phố Maracay."]


def test_a_figure_given_only_where_another_place_is_named_is_a_no():
    judged = judge("có đúng là 50 người chết ở Santa Rosa không?", RIOT, near=4)
    verdict = judged.verdict
    assert verdict.key == "claim_differs_said" and verdict.found.endswith("9 người thiệt mạng")
    assert verdict.said_else == "gần 50 người đã thiệt mạng trong một vụ bạo loạn ở thành phố Maracay" and 3 in judged.rests_on


@pytest.mark.parametrize(("question", "texts", "key", "found"), [
    # the subject of the sentence, named before the clause of the figure
    ("có đúng là Mực sinh 4 con không?",
     ["Sau này, một con chó khác đã phối giống với con Mực và sinh được 6 con chó con."], "claim_differs", "6 con"),
    ("có đúng là Bộ Y tế kỷ luật 17 cán bộ không?",
     ["Bộ Y tế hôm 5/3 thừa nhận sai sót trong đợt tiêm, một tuần sau khi bác bỏ thông tin, đồng thời kỷ luật "
      "7 cán bộ liên quan."], "claim_differs", "7 cán bộ"),
    # the members have a figure of their own; 40 counts the votes
    ("có đúng là 40 thành viên đảng Xanh bỏ phiếu ủng hộ không?",
     ["9 thành viên đảng Xanh đã cùng với đảng Đỏ cung cấp 40 phiếu cần thiết để thông qua dự luật.",
      "Động thái của 9 thành viên đảng Xanh được đánh giá cao."], "claim_differs_said", "9 thành viên đảng Xanh"),
    ("có đúng là năm 2008 hãng phóng vệ tinh qua lãnh thổ nước láng giềng không?",
     ["Hãng từng phóng vệ tinh qua lãnh thổ nước láng giềng vào năm 2003 và 2011."], "claim_differs", "năm 2003 và 2011"),
    ("có đúng là năm 2011 hãng phóng vệ tinh qua lãnh thổ nước láng giềng không?",
     ["Hãng từng phóng vệ tinh qua lãnh thổ nước láng giềng vào năm 2003 và 2011."], "claim_matches", "năm 2003 và 2011"),
])
def test_what_the_question_counts_given_another_figure_is_a_no(question, texts, key, found):
    judged = judge(question, texts)
    assert judged is not None and (judged.verdict.key, judged.verdict.found) == (key, found)


# --- what a figure counts, said as a phrase (written for these tests) ---------------------------------------

def test_a_figure_is_quoted_to_the_end_of_its_phrase():
    verdict = check_claim("có đúng là hải quân bắn 5 quả đạn vào bãi cạn không?",
                          "Hải quân đã bắn bốn quả đạn Mk-45 vào bãi cạn phía nam.")
    assert (verdict.claimed, verdict.found) == ("5 quả đạn", "bốn quả đạn Mk-45")   # no "vào" left open
    verdict = check_claim("có đúng là câu lạc bộ chi 10 triệu đô không?", "Năm ngoái, câu lạc bộ chi 6,2 triệu đô la Mỹ.")
    assert verdict.found == "6,2 triệu đô la Mỹ"


SHELTER = ["Chỉ một nửa số người kịp thoát ra, 8 người còn lại đã tử vong, 4 người khác bị thương được đưa vào bệnh "
           "viện cấp cứu.", "Tòa nhà có 30 học viên cùng đội ngũ huấn luyện viên đang ngủ."]


@pytest.mark.parametrize(("question", "key", "found", "other"), [
    ("có đúng là 8 người bị thương không?", "claim_differs_other", "4 người khác bị thương", "8 người còn lại đã tử vong"),
    ("có đúng là 4 người chết không?", "claim_differs_other", "8 người còn lại đã tử vong", "4 người khác bị thương"),
])
def test_what_the_claimed_figure_counts_ends_with_what_happened(question, key, found, other):
    verdict = judge(question, SHELTER).verdict
    assert (verdict.key, verdict.found, verdict.other) == (key, found, other)


def test_a_figure_with_a_long_clause_of_its_own_is_quoted_not_named():
    verdict = judge("có đúng là 30 người chết không?", SHELTER).verdict
    assert verdict.key == "claim_differs_said" and verdict.other_number == "30"
    assert "30 học viên cùng đội ngũ" in verdict.said_else   # not "30 là số học viên cùng"


# --- reported: someone's word, a guess, a denial (written for these tests) ----------------------------------

@pytest.mark.parametrize(("question", "text"), [
    ("Minh Hào ngoại tình với Thu Trang phải không?", "Nữ diễn viên Thu Trang từng tuyên bố ngoại tình với ca sĩ Minh Hào."),
    ("Vật thể rơi xuống biển là mảnh vỡ tên lửa đẩy phải không?",
     "Theo giới chuyên gia, vật thể rơi xuống biển có thể là mảnh vỡ tên lửa đẩy."),
    ("Ông Tâm là người không được lòng dân nhất tỉnh phải không?",
     "Dựa trên vài cuộc khảo sát, người ta cho rằng, ông Tâm là người không được lòng dân nhất tỉnh."),
    ("Bà Ngọc nhận hối lộ phải không?",
     "Trong phiên điều trần, ông Khoa đã cáo buộc bà Ngọc vi phạm quy định đấu thầu cũng như khả năng nhận hối lộ."),
    ("Vụ cháy do chập điện phải không?", "Theo ông Bình, trưởng công an xã, vụ cháy do chập điện."),
    ("Vụ cháy do chập điện phải không?", "Vụ cháy do chập điện, theo lời một người hàng xóm."),
])
def test_someones_word_or_a_guess_is_not_confirmed(question, text):
    judged = reported(question, [text])
    assert judged is not None and judged.verdict.key == "claim_reported"


@pytest.mark.parametrize(("question", "text"), [
    ("Có đúng là 3 người chết không?", "Theo ông Bình, trưởng công an xã, vụ cháy làm 3 người chết."),  # an official's figure
    ("Vụ cháy do chập điện phải không?", "Ông Bình cho biết vụ cháy do chập điện."),
    ("Công ty Hòa Phát Đạt phá sản phải không?", "Công ty Hòa Phát Đạt đã tuyên bố phá sản."),   # the act itself
    ("Có đúng là dự án khởi công năm 2020 không?", "Theo đó, dự án khởi công năm 2020."),           # "Theo đó": accordingly
])
def test_a_fact_told_by_someone_is_not_hedged(question, text):
    assert reported(question, [text]) is None


@pytest.mark.parametrize(("text", "denying"), [
    ("Tuy nhiên, Nga đã phủ nhận cáo buộc này.", True),
    ("Công ty bác bỏ mọi thông tin trên.", True),
    ("Không thể phủ nhận rằng, kinh tế đang phục hồi.", False),
    ("Tòa bác bỏ đơn kháng cáo của bị cáo.", False),
])
def test_a_denial_of_what_was_said_before(text, denying):
    assert denies(text) is denying


# Written for these tests.
AMBUSH_TITLE = "14 binh sĩ gìn giữ hòa bình bị sát hại ở biên giới"
AMBUSH = ["Đêm 7/12, một nhóm phiến quân tấn công căn cứ của lực lượng gìn giữ hòa bình.",
          "Ngoài ra, 5 binh sĩ của quân đội sở tại cũng bị sát hại."]
FLASH_FLOOD_TITLE = "Lũ quét ở vùng cao, 7 người chết"
FLASH_FLOOD = ["Tại xã Nậm Pung, 4 người chết do nhà bị nước cuốn trôi.", "Tại xã Tả Van, 3 người chết khi đi qua suối."]


@pytest.mark.parametrize(("question", "texts", "title", "key", "found"), [
    # the headline says the claimed figure; the sentence counts another group ("Ngoài ra ... cũng")
    ("có đúng là 14 binh sĩ bị sát hại không?", AMBUSH, AMBUSH_TITLE, "claim_matches", "14 binh sĩ gìn giữ hòa bình bị sát hại"),
    ("có đúng là 15 binh sĩ bị sát hại không?", AMBUSH, AMBUSH_TITLE, "claim_differs", "14 binh sĩ gìn giữ hòa bình bị sát hại"),
    # the sentences give two figures, each a part: the headline's total answers
    ("có đúng là 7 người chết không?", FLASH_FLOOD, FLASH_FLOOD_TITLE, "claim_matches", "7 người chết"),
    ("có đúng là 8 người chết không?", FLASH_FLOOD, FLASH_FLOOD_TITLE, "claim_differs", "7 người chết"),
])
def test_the_headline_stating_the_figure_beats_a_sentence_about_another_group(question, texts, title, key, found):
    judged = judge(question, texts, title=title)
    assert judged.headline and (judged.verdict.key, judged.verdict.found) == (key, found)
    # the group the sentence counts is still confirmed by it
    judged = judge("có đúng là 5 binh sĩ bị sát hại không?", AMBUSH, title=AMBUSH_TITLE)
    assert not judged.headline and judged.verdict.key == "claim_matches" and judged.rests_on == (1,)


@pytest.mark.parametrize(("question", "sentence", "matches", "claimed", "found"), [
    ("có đúng là một người thiệt mạng không?", "Vụ nổ khiến một người thiệt mạng và 20 người bị thương.",
     True, "một người thiệt mạng", "một người thiệt mạng"),
    ("có đúng là 2 người thiệt mạng không?", "Vụ nổ khiến một người thiệt mạng và 20 người bị thương.",
     False, "2 người thiệt mạng", "một người thiệt mạng"),
    ("có đúng là 4 công nhân bị thương không?", "Sập giàn giáo làm năm công nhân bị thương.",
     False, "4 công nhân bị thương", "năm công nhân bị thương"),
])
def test_one_and_five_in_words_count_people(question, sentence, matches, claimed, found):
    verdict = check_claim(question, sentence)
    assert verdict is not None and (verdict.matches, verdict.claimed, verdict.found) == (matches, claimed, found)


@pytest.mark.parametrize("sentence", [
    "Một số người bị thương nhẹ.", "Không một người nào bị thương.", "Năm nay có nhiều người bị thương hơn.",
    "Người bị thương là một người dân đi ngang qua.",
])
def test_one_and_five_as_a_and_year_count_nothing(sentence):
    assert check_claim("có đúng là 2 người bị thương không?", sentence) is None


@pytest.mark.parametrize(("question", "sentence", "claimed"), [
    ("có đúng là 14 binh sĩ bị sát hại ở biên giới không?", "Ở biên giới, 12 binh sĩ bị sát hại.", "14 binh sĩ bị sát hại"),
    ("có đúng là 2.500 người nước ngoài tham gia không?", "Có 1.800 người nước ngoài tham gia.", "2.500 người nước ngoài tham gia"),
    ("có đúng là 3.000 tài xế bị ảnh hưởng không?", "Khoảng 2.000 tài xế bị ảnh hưởng.", "3.000 tài xế bị ảnh hưởng"),
    ("có đúng là hải quân bắn 5 quả đạn vào bãi cạn không?", "Hải quân bắn 4 quả đạn vào bãi cạn.", "5 quả đạn"),
])
def test_the_claim_is_echoed_to_the_end_of_its_phrase(question, sentence, claimed):
    # whole words, not "bị sát" of "bị sát hại" nor "người nước" of "người nước ngoài"; no "vào" left open
    verdict = check_claim(question, sentence)
    assert verdict is not None and not verdict.matches and verdict.claimed == claimed
    if "nước" in claimed:
        assert verdict.found == "1.800 người nước ngoài tham gia"


def test_a_figure_elsewhere_is_the_claimed_one_only_in_the_same_digits():
    # "3.000" (which also reads as 3 in English) is no "3" counting something else
    judged = judge("có đúng là 3 người chết không?", ["Vụ cháy khiến 2 người chết.", "Hơn 3.000 người đã phải sơ tán."])
    assert judged.verdict.key == "claim_differs" and judged.verdict.other == ""


@pytest.mark.parametrize(("question", "key"), [
    ("Có phải hãng lỗ 291 triệu USD không?", "claim_differs"),     # the same number in another currency
    ("Có phải hãng lỗ 291 triệu đồng không?", "claim_differs"),
    ("Có phải hãng lỗ 291 triệu bảng không?", "claim_matches"),
])
def test_a_sum_in_another_currency_is_a_no(question, key):
    # Written for this test.
    texts = ["Hãng hàng không Sao Mai báo lỗ 291 triệu bảng Anh trong năm ngoái.", "Hãng có 2.100 nhân viên."]
    judged = judge(question, texts)
    assert judged is not None and judged.verdict.key == key and judged.verdict.found.startswith("291 triệu bảng Anh")
