"""Downloads and the bilingual view, from real session results.

Summaries come from the extractive engine (no weights here); translations from the tiny copy
model of tests/tiny_models.py, so paragraph alignment is checked on a real translation.
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from docx import Document
from helpers import fixture_article
from tiny_models import VI_SENTENCES

from bot.chat import ChatSession, respond
from bot.export import (bilingual_markdown, bilingual_pairs, file_name, plain, slugify, to_markdown, to_text,
                        TaskResult, write_exports)
from bot.service import Tinbot
from bot.settings import Settings

TITLE = "Đoàn công tác tỉnh Quảng Nam thăm cảng Kỳ Hà"
PARAGRAPHS = (VI_SENTENCES[0:2], VI_SENTENCES[2:5], VI_SENTENCES[5:6], VI_SENTENCES[6:8])
ARTICLE = "\n\n".join([TITLE] + [" ".join(p) for p in PARAGRAPHS])


def chat(bot: Tinbot, *messages: str) -> ChatSession:
    session = ChatSession()
    for message in messages:
        for _, session in respond(message, session, bot):
            pass
    return session


@pytest.fixture(scope="module")
def summary_session(tmp_path_factory):
    bot = Tinbot(Settings.from_env({}, offline=True, cache_dir=str(tmp_path_factory.mktemp("hf-cache"))))
    return chat(bot, fixture_article("vi-clutter"), "tóm tắt 3 ý chính")


@pytest.fixture(scope="module")
def translation_session(tiny_hub):
    return chat(Tinbot(tiny_hub.settings, hub=tiny_hub), ARTICLE, "dịch sang tiếng Anh")


def docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in Document(str(path)).paragraphs]


def test_summary_exports_in_every_format(summary_session, tmp_path):
    result = summary_session.last_result
    items = [line[2:] for line in result.text.splitlines()]
    assert result.kind == "summarize" and len(items) == 3
    heading = "Đà Nẵng khởi công tuyến đường ven biển nối Hội An — Tóm tắt"
    paths = write_exports(result, tmp_path)
    assert {p.name for p in paths.values()} == {
        f"da-nang-khoi-cong-tuyen-duong-ven-bien-noi-hoi-an-summary.{ext}" for ext in ("md", "txt", "docx")}
    assert paths["md"].read_text(encoding="utf-8") == f"# {heading}\n\n" + "\n".join(f"- {i}" for i in items) + "\n"
    assert paths["txt"].read_text(encoding="utf-8").splitlines()[0] == heading
    assert docx_paragraphs(paths["docx"]) == [("Heading 1", heading)] + [("List Bullet", i) for i in items]


def test_translation_exports_keep_the_title_and_the_paragraphs(translation_session, tmp_path):
    result = translation_session.last_result
    assert result.kind == "translate" and result.target_language == "en" and result.translated_title
    heading = f"{TITLE} — Bản dịch sang tiếng Anh"
    paths = write_exports(result, tmp_path)
    assert paths["docx"].name == "doan-cong-tac-tinh-quang-nam-tham-cang-ky-ha-translation-en.docx"
    assert docx_paragraphs(paths["docx"]) == (
        [("Heading 1", heading), ("Heading 2", result.translated_title)]
        + [("Normal", p) for p in result.paragraphs])
    markdown = paths["md"].read_text(encoding="utf-8")
    assert markdown.startswith(f"# {heading}\n\n## {result.translated_title}\n\n")
    text = paths["txt"].read_text(encoding="utf-8")
    assert not re.search(r"(?m)^#", text) and text.startswith(f"{heading}\n\n{result.translated_title}\n\n")
    assert all(p in text for p in result.paragraphs)


def test_bilingual_pairs_align_with_the_article_paragraphs(translation_session):
    result, article = translation_session.last_result, translation_session.article
    pairs = bilingual_pairs(result)
    assert len(pairs) == len(article.paragraphs) == len(PARAGRAPHS)
    assert [source for source, _ in pairs] == [p.text for p in article.paragraphs]
    # The reply's body is the same translation, paragraph for paragraph.
    assert result.text.split("\n\n") == [f"# {result.translated_title}"] + [t for _, t in pairs]
    assert all(t.strip() for _, t in pairs)


def test_translating_one_paragraph_pairs_it_with_its_source(tiny_hub):
    session = chat(Tinbot(tiny_hub.settings, hub=tiny_hub), ARTICLE, "dịch đoạn 2 sang tiếng Anh")
    pairs = bilingual_pairs(session.last_result)
    assert len(pairs) == 1 and pairs[0][0] == session.article.paragraphs[1].text


def split_cells(row: str) -> list[str]:
    """Table cells: a pipe separates columns unless an odd number of backslashes precede it."""
    return re.split(r"(?<!\\)(?:\\\\)*\|", row.strip())[1:-1]


def test_bilingual_table_shows_article_text_literally(translation_session):
    result = dataclasses.replace(translation_session.last_result,
                                 source_paragraphs=("A | B \\", "<script>x</script>", "C\nD", "E"))
    table = bilingual_markdown(result, "vi").splitlines()
    assert table[0] == "| Bản gốc (tiếng Việt) | Bản dịch (tiếng Anh) |" and table[1] == "| --- | --- |"
    assert len(table) == 2 + 1 + 4  # header, title row, one row per paragraph
    assert all(len(split_cells(row)) == 2 for row in table)
    assert split_cells(table[3])[0].strip() == "A \\| B \\\\"
    assert "<script" not in "\n".join(table) and "&lt;script&gt;" in table[4]
    assert split_cells(table[5])[0].strip() == "C D"


def test_bilingual_view_without_a_translation_says_how_to_get_one(summary_session):
    assert bilingual_markdown(summary_session.last_result, "en").startswith("No translation yet.")
    assert bilingual_markdown(None, "vi").startswith("Chưa có bản dịch nào.")


@pytest.mark.parametrize("title, slug", [
    ("Đà Nẵng: 2.300 tỷ/đồng", "da-nang-2-300-ty-dong"),
    ("../../etc/passwd", "etc-passwd"),
    ("C:\\Windows\\system32", "c-windows-system32"),
    ("<script>alert(1)</script>", "script-alert-1-script"),
    ("...", "tinbot"),
    (None, "tinbot"),
    ("北京新闻", "tinbot"),
    ("a" * 100, "a" * 60),
])
def test_file_names_are_safe_slugs(title, slug):
    assert slugify(title) == slug


def test_exports_stay_inside_their_folder(summary_session, tmp_path):
    result = dataclasses.replace(summary_session.last_result, title="../../../tmp/x/../y")
    paths = write_exports(result, tmp_path)
    assert all(p.parent == tmp_path and p.is_file() for p in paths.values())
    with pytest.raises(ValueError):
        file_name(result, "../md")


@pytest.mark.parametrize("markdown, text", [
    ("# Tiêu đề\n\n## Phụ đề", "Tiêu đề\n\nPhụ đề"),
    ("Số liệu ⚠️**2.300 tỷ** cần kiểm tra", "Số liệu ⚠️2.300 tỷ cần kiểm tra"),
    ("*nghiêng* và _nghiêng_ và __đậm__ và `mã`", "nghiêng và nghiêng và đậm và mã"),
    ("- ý một\n- ý hai", "- ý một\n- ý hai"),
    ("snake_case_name và 3 * 4 * 5", "snake_case_name và 3 * 4 * 5"),
])
def test_plain_text_drops_markdown_marks_only(markdown, text):
    assert plain(markdown) == text


def test_markdown_and_text_differ_only_in_marks(translation_session):
    result = translation_session.last_result
    assert to_text(result) == plain(to_markdown(result)) and to_markdown(result).startswith("# ")


def test_cached_exports_write_each_result_once(tmp_path):
    from bot.export import cached_exports

    result = TaskResult(kind="summarize", text="Câu một. Câu hai.", title="Tin thử", language="vi")
    first = cached_exports(result, tmp_path)
    again = cached_exports(result, tmp_path)
    assert first == again and all(path.is_file() for path in first.values())
    other = cached_exports(dataclasses.replace(result, text="Câu khác."), tmp_path)
    assert other["md"].parent != first["md"].parent
    assert len(list(tmp_path.iterdir())) == 2  # two distinct results, two folders, no leftovers


def test_old_export_folders_are_deleted_when_a_new_result_is_written(tmp_path):
    import os
    import time

    from bot.export import cached_exports

    result = TaskResult(kind="summarize", text="Câu một. Câu hai.", title="Tin thử", language="vi")
    old = cached_exports(result, tmp_path)["md"].parent
    used = cached_exports(dataclasses.replace(result, text="Câu vẫn dùng."), tmp_path)["md"].parent
    two_days_ago = time.time() - 2 * 86_400
    for folder in (old, used):
        os.utime(folder, (two_days_ago, two_days_ago))
    cached_exports(dataclasses.replace(result, text="Câu vẫn dùng."), tmp_path)  # used again: young
    fresh = cached_exports(dataclasses.replace(result, text="Câu mới."), tmp_path, max_age_s=86_400)["md"].parent
    assert not old.exists()
    assert used.is_dir() and fresh.is_dir()
    assert cached_exports(result, tmp_path)["md"].is_file()  # a deleted result is simply written again
