"""The summarize evaluation: scores, baselines and cross-validation, on rows written here."""
import json

import pytest

from bot.eval import main
from bot.eval_summarize import (DEFAULT, GRID, GROUPS, TARGET_SCALE, cross_validate, fit, pasted, ridge,
                                 score_summaries, sentence_targets)
from bot.extractive import WEIGHTS, candidates

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


def test_ridge_recovers_exact_coefficients_and_shrinks_them_under_a_penalty():
    features = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0], [0.5, 3.0]]
    targets = [3 * a - 2 * b + 7 for a, b in features]  # intercept 7, not returned
    assert ridge(features, targets, 0.0) == pytest.approx([3.0, -2.0])
    shrunk = ridge(features, targets, 100.0)
    assert abs(shrunk[0]) < 3.0 and abs(shrunk[1]) < 2.0


def test_targets_are_shares_of_the_articles_best_sentence():
    found = candidates(pasted(ROWS[0]["title"], ROWS[0]["article"]))
    targets = sentence_targets(found, ROWS[0]["summary"])
    assert max(targets) == pytest.approx(TARGET_SCALE)
    best = found.sentences[targets.index(max(targets))]
    assert "xe buýt điện" in best.text
    assert all(0 <= t <= TARGET_SCALE for t in targets)


def test_fit_scores_the_fitted_weights_and_refits_per_fold():
    result = fit(ROWS, folds=3, shuffles=1)
    assert set(result.weights) == set(WEIGHTS)
    assert 0 < result.in_sample.r1 <= 100 and result.held_out is not None and result.held_out.r1 > 0


def test_summarize_command_with_fit_adds_the_fitted_and_refitted_scores(tmp_path, capsys):
    assert main(["summarize", write(tmp_path / "s.jsonl", ROWS), "--fit", "--folds", "3"]) == 0
    assert {"fit_r1", "fit_r2", "refit_cv_r1", "refit_cv_r2"} <= result_line(capsys).keys()
    assert main(["ask", write(tmp_path / "s.jsonl", ROWS), "--fit"]) == 2
