"""A yes/no question's figure checked against the sentence that answers it (bot.claims)."""
import pytest

from bot.claims import check_claim

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
