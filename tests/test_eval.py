"""The evaluation scorer and commands, on a tiny data set written here."""
import json
from pathlib import Path

import pytest

from bot.eval import main
from bot.eval_ask import contains_answer, first_word_accented
from bot.textstats import rouge, syllables, strip_diacritics


@pytest.mark.parametrize("text", ["Hà Nội mưa lớn, nhiều tuyến phố ngập sâu.", "Đà Nẵng đón 1.000 du khách"])
def test_rouge_of_identical_texts_is_100(text):
    assert rouge(text, text.upper()) == pytest.approx(type(rouge(text, text))(100.0, 100.0, 100.0))


def test_rouge_of_disjoint_texts_is_0():
    score = rouge("mưa lớn ở Huế", "giá vàng tăng mạnh")
    assert (score.r1, score.r2, score.rl) == (0.0, 0.0, 0.0)


def test_rouge_partial_overlap_is_between():
    score = rouge("trời mưa to ở Huế", "trời mưa nhỏ ở Huế")
    assert score.r1 == pytest.approx(80.0) and 0 < score.r2 < 100


def test_syllables_keep_vietnamese_letters_and_normalise_nfc():
    decomposed = "Đường pho\u0302\u0301 Hà Nội"  # "phố" typed as o + combining marks
    assert syllables(decomposed) == ["đường", "phố", "hà", "nội"]
    assert strip_diacritics("Đường phố") == "Duong pho"


def test_answer_containment_ignores_case_and_punctuation():
    assert contains_answer("Ông Đặng Hà Việt, Cục trưởng, dẫn đoàn.", ["đặng hà việt"])
    assert not contains_answer("Ông Đặng Hà dẫn đoàn.", ["Đặng Hà Việt"])


def write(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return str(path)


SUMMARY_ROWS = [
    {"title": "Hà Nội mở tuyến xe buýt điện ra sân bay Nội Bài",
     "article": "Sáng 12/3, Hà Nội mở tuyến xe buýt điện ra sân bay Nội Bài. Tuyến dài 35 km và chạy 120 chuyến mỗi ngày. Nhiều hành khách khen xe sạch.",
     "summary": "Hà Nội mở tuyến xe buýt điện ra sân bay Nội Bài, dài 35 km."},
    {"title": "Quảng Nam di dời hơn 1.000 hộ dân vì lũ",
     "article": "Ông Nguyễn Văn Bình cho biết tỉnh Quảng Nam đã di dời 1.050 hộ dân vì lũ. Thiệt hại ước tính 12,5 tỷ đồng. Mưa còn kéo dài hai ngày.",
     "summary": "Quảng Nam di dời 1.050 hộ dân vì lũ, thiệt hại 12,5 tỷ đồng."},
]


def result_line(capsys):
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1].startswith("RESULT ")
    return dict(item.split("=") for item in lines[-1].split()[1:])


def test_summarize_command_scores_ours_and_the_lead_baselines(tmp_path, capsys):
    assert main(["summarize", write(tmp_path / "s.jsonl", SUMMARY_ROWS)]) == 0
    result = result_line(capsys)
    assert 0 < float(result["r1"]) <= 100 and float(result["len"]) > 0
    assert {"lead1_r1", "lead2_r1", "lead2_len"} <= result.keys()


def test_ask_command_reports_hits_and_the_bm25_baseline(tmp_path, capsys):
    context = "Trưởng đoàn là ông Đặng Hà Việt. Đoàn gồm 498 vận động viên. Lễ xuất quân diễn ra ngày 15/9."
    rows = [
        {"title": "Đoàn thể thao", "context": context, "question": "Ai là trưởng đoàn?", "answers": ["Đặng Hà Việt"]},
        {"title": "Đoàn thể thao", "context": context, "question": "Đoàn có bao nhiêu vận động viên?", "answers": ["498"]},
    ]
    assert main(["ask", write(tmp_path / "q.jsonl", rows)]) == 0
    result = result_line(capsys)
    assert float(result["hit1"]) == 100.0 and "bm25_hit3" in result


ASK_ROWS = [
    {"title": "Đoàn thể thao", "context": "Trưởng đoàn là ông Đặng Hà Việt. Đoàn gồm 498 vận động viên. Lễ xuất quân diễn ra ngày 15/9.",
     "question": q, "answers": [a]}
    for q, a in [("Ai là trưởng đoàn?", "Đặng Hà Việt"), ("Đoàn có bao nhiêu vận động viên?", "498"),
                 ("Lễ xuất quân diễn ra khi nào?", "15/9")]
]


def test_ask_command_cross_validates_the_weights(tmp_path, capsys):
    assert main(["ask", write(tmp_path / "q.jsonl", ASK_ROWS), "--folds", "3"]) == 0
    out = capsys.readouterr().out
    assert "3-fold cross-validation" in out
    result = dict(item.split("=") for item in out.strip().splitlines()[-1].split()[1:])
    assert float(result["cv_hit1"]) == 100.0 and float(result["wrong_answerable"]) == 0.0


@pytest.mark.parametrize("args", [["ask", "--folds", "1"], ["ask", "--folds", "4"], ["guard", "--folds", "2"]])
def test_folds_must_fit_the_questions_and_the_command(tmp_path, capsys, args):
    path = write(tmp_path / "q.jsonl", ASK_ROWS)
    assert main([args[0], path, *args[1:]]) == 2
    assert "--folds" in capsys.readouterr().err


def test_guard_command_corrupts_and_catches(tmp_path, capsys):
    assert main(["guard", write(tmp_path / "g.jsonl", SUMMARY_ROWS)]) == 0
    result = result_line(capsys)
    assert int(result["corrupted"]) > 0 and float(result["caught"]) == 100.0
    assert float(result["false_alarms"]) == 0.0


def test_empty_file_is_an_error(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert main(["ask", str(empty)]) == 2


def test_the_partly_accented_variant_keeps_marks_on_the_first_word_only():
    assert first_word_accented("Đoàn có bao nhiêu vận động viên?") == "Đoàn co bao nhieu van dong vien?"
    assert first_word_accented("Ai?") == "Ai?"


def test_the_second_question_set_is_well_formed():
    """tests/fixtures/eval/qa-own.jsonl (written for tinbot): every answer is quoted from its context."""
    rows = [json.loads(line) for line in (Path(__file__).parent / "fixtures" / "eval" / "qa-own.jsonl").open(encoding="utf-8")]
    assert len(rows) == 60 and len({r["title"] for r in rows}) == 6
    assert all(r["answers"] and all(a in r["context"] for a in r["answers"]) for r in rows)


def test_the_summary_check_set_is_well_formed():
    """tests/fixtures/eval/sum-own.jsonl (written for tinbot): articles with a headline and a lead."""
    rows = [json.loads(line) for line in (Path(__file__).parent / "fixtures" / "eval" / "sum-own.jsonl").open(encoding="utf-8")]
    assert len(rows) == 24 and all(r["title"] and r["article"] and r["summary"] for r in rows)
    assert all(r["summary"] not in r["article"] for r in rows)   # a lead in its own words, not a copied sentence
