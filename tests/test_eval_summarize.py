"""The summarize evaluation: scores, baselines and cross-validation, on rows written here."""
import json

import pytest

from bot.eval import main
from bot.eval_summarize import DEFAULT, GRID, GROUPS, cross_validate, score_summaries
from bot.extractive import WEIGHTS

ROWS = [
    {"title": "Hà Nội mở tuyến xe buýt điện ra sân bay Nội Bài",
     "article": "Sáng 12/3, Hà Nội mở tuyến xe buýt điện ra sân bay Nội Bài. Tuyến dài 35 km và chạy 120 chuyến mỗi ngày. "
                "Nhiều hành khách khen xe sạch.",
     "summary": "Hà Nội mở tuyến xe buýt điện ra sân bay Nội Bài, dài 35 km."},
    {"title": "Quảng Nam di dời hơn 1.000 hộ dân vì lũ",
     "article": "Ông Nguyễn Văn Bình cho biết tỉnh Quảng Nam đã di dời 1.050 hộ dân vì lũ. Thiệt hại ước tính 12,5 tỷ đồng. "
                "Mưa còn kéo dài hai ngày.",
     "summary": "Quảng Nam di dời 1.050 hộ dân vì lũ, thiệt hại 12,5 tỷ đồng."},
    {"title": "Đà Nẵng khánh thành cầu mới qua sông Hàn",
     "article": "Tuy nhiên, người dân vẫn lo tắc đường giờ cao điểm ở hai đầu cầu. Đà Nẵng khánh thành cầu mới qua sông Hàn "
                "sau hai năm xây dựng. Cầu dài 600 m và rộng 30 m.",
     "summary": "Đà Nẵng khánh thành cầu qua sông Hàn dài 600 m sau hai năm xây dựng."},
]


def write(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return str(path)


def result_line(capsys):
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1].startswith("RESULT ")
    return dict(item.split("=") for item in lines[-1].split()[1:])


def test_identical_summaries_score_100_and_their_length_in_syllables():
    score = score_summaries("x", ["Hà Nội mưa lớn."], ["hà nội mưa lớn"])
    assert (score.r1, score.r2, score.rl, score.length) == (100.0, 100.0, 100.0, 4.0)


def test_grid_scales_whole_signal_groups_and_holds_the_defaults():
    assert DEFAULT in GRID and DEFAULT.weights == WEIGHTS
    doubled = next(s for s in GRID if s.scales == (2.0, 1.0, 1.0))
    assert all(doubled.weights[name] == 2 * WEIGHTS[name] for name in GROUPS["title"])
    assert doubled.weights["centrality"] == WEIGHTS["centrality"]


def test_cross_validation_scores_every_held_out_row_once_per_shuffle():
    cv = cross_validate(ROWS, folds=3, shuffles=2)
    assert sum(cv.picked.values()) == 3 * 2
    assert 0 < cv.r2 <= cv.r1 <= 100 and cv.length > 0


def test_summarize_command_with_folds_adds_the_cross_validated_scores(tmp_path, capsys):
    assert main(["summarize", write(tmp_path / "s.jsonl", ROWS), "--folds", "3"]) == 0
    result = result_line(capsys)
    assert {"r1", "lead2_r1", "cv_r1", "cv_r2", "cv_len"} <= result.keys()


@pytest.mark.parametrize("folds", ["1", "4"])
def test_folds_must_leave_a_row_in_each_fold(tmp_path, folds):
    assert main(["summarize", write(tmp_path / "s.jsonl", ROWS), "--folds", folds]) == 2


def test_guard_takes_no_folds(tmp_path):
    assert main(["guard", write(tmp_path / "s.jsonl", ROWS), "--folds", "2"]) == 2
