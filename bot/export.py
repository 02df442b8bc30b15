"""The latest summary or translation as files (.md, .txt, .docx), and a translation side by side.

Pure functions over ``TaskResult``, the part of a finished task the chat session keeps. File
names come from the article title, reduced to ASCII letters, digits and dashes, so no title can
name a path outside the folder the files are written to.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bot.article import Article
from bot.intent import Intent, IntentKind
from bot.prompts import reply
from bot.reply import escape_text, language_name
from bot.tasks import TaskUpdate
from bot.tasks.chunking import other_language

FORMATS = ("md", "txt", "docx")
MAX_SLUG_CHARS = 60

_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_EMPHASIS = (
    re.compile(r"\*\*(.+?)\*\*"), re.compile(r"__(.+?)__"),
    re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"),
    re.compile(r"`([^`]+)`"),
)


@dataclass(frozen=True)
class TaskResult:
    """A finished summary or translation, as the session remembers it."""

    kind: str                                 # "summarize" or "translate"
    text: str                                 # the task's final output: Markdown, not escaped
    language: str = "vi"                      # the reply language: labels in the files
    title: str | None = None                  # the article's title
    source_language: str = "vi"               # the article's language
    target_language: str | None = None        # translate: the language translated into
    source_paragraphs: tuple[str, ...] = ()   # translate: the paragraphs that were translated...
    paragraphs: tuple[str, ...] = ()          # ...and their translations, paragraph i ↔ i
    translated_title: str | None = None


def task_result(article: Article, intent: Intent, update: TaskUpdate) -> TaskResult | None:
    """What to keep of a task's final update; None for answers and for updates with no output."""
    if not (update.done and update.text.strip()) or intent.kind not in (IntentKind.SUMMARIZE, IntentKind.TRANSLATE):
        return None
    if intent.kind is IntentKind.SUMMARIZE:
        return TaskResult("summarize", update.text, intent.language, article.title, article.language)
    sources = [p.text for p in article.paragraphs]
    if intent.paragraph is not None:
        sources = sources[intent.paragraph - 1: intent.paragraph]
    return TaskResult(
        "translate", update.text, intent.language, article.title, article.language,
        target_language=intent.target_language or other_language(article.language),
        source_paragraphs=tuple(sources), paragraphs=update.paragraphs, translated_title=update.title,
    )


def heading(result: TaskResult) -> str:
    """"<article title> — <task>", in the reply language."""
    title = result.title or reply("export_untitled", result.language)
    if result.kind == "translate":
        task = reply("export_translation", result.language,
                     language=language_name(result.target_language or "", result.language))
    else:
        task = reply("export_summary", result.language)
    return f"{title} — {task}"


def to_markdown(result: TaskResult) -> str:
    """A heading, then the output with its own headings one level down."""
    body = re.sub(r"^(#{1,5})\s", r"#\1 ", result.text.strip(), flags=re.MULTILINE)
    return f"# {heading(result)}\n\n{body}\n"


def plain(markdown: str) -> str:
    """``markdown`` without heading marks, emphasis or code marks (list dashes stay: they read as text)."""
    text = _HEADING.sub("", markdown)
    for pattern in _EMPHASIS:
        text = pattern.sub(r"\1", text)
    return text


def to_text(result: TaskResult) -> str:
    return plain(to_markdown(result))


def to_docx(result: TaskResult, path: str | Path) -> Path:
    """A Word document: the heading, then one paragraph (or list item, or subheading) per block."""
    from docx import Document  # python-docx: imported on first export only

    document = Document()
    document.core_properties.title = heading(result)
    document.add_heading(heading(result), level=1)
    for block in re.split(r"\n\s*\n", result.text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("#"):
            document.add_heading(plain(" ".join(lines)), level=2)
        elif all(line.startswith(("- ", "* ")) for line in lines):
            for line in lines:
                document.add_paragraph(plain(line[2:]), style="List Bullet")
        else:
            document.add_paragraph(plain(" ".join(lines)))
    document.save(str(path))
    return Path(path)


def slugify(title: str | None) -> str:
    """ASCII letters, digits and single dashes: "Đà Nẵng: 2.300 tỷ" → "da-nang-2-300-ty"."""
    text = (title or "").replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:MAX_SLUG_CHARS].strip("-") or "tinbot"


def file_name(result: TaskResult, fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"export format {fmt!r} is not one of {', '.join(FORMATS)}")
    task = f"translation-{result.target_language}" if result.kind == "translate" else "summary"
    return f"{slugify(result.title)}-{task}.{fmt}"


def write_exports(result: TaskResult, folder: str | Path) -> dict[str, Path]:
    """Every format of ``result`` written into ``folder``: {format: path}."""
    folder = Path(folder)
    paths = {fmt: folder / file_name(result, fmt) for fmt in FORMATS}
    paths["md"].write_text(to_markdown(result), encoding="utf-8")
    paths["txt"].write_text(to_text(result), encoding="utf-8")
    to_docx(result, paths["docx"])
    return paths


def cached_exports(result: TaskResult, root: str | Path | None = None,
                   max_age_s: float | None = None) -> dict[str, Path]:
    """``write_exports`` into a folder named by the result's content, reused when it exists.

    The page refreshes the buttons after every turn; keying the folder by content writes each
    distinct result once instead of leaving a new temp folder behind per turn. Folders not used
    for ``max_age_s`` (``Limits.export_max_age_s``) are deleted whenever a new one is written,
    so a server that runs for months does not fill its disk.
    """
    root = Path(root) if root is not None else Path(tempfile.gettempdir()) / "tinbot-exports"
    key = hashlib.sha256(to_markdown(result).encode("utf-8")).hexdigest()[:20]
    folder = root / key
    paths = {fmt: folder / file_name(result, fmt) for fmt in FORMATS}
    if all(path.is_file() for path in paths.values()):
        os.utime(folder)  # used again: its age counts from now
        return paths
    if max_age_s is not None:
        prune_exports(root, max_age_s)
    scratch = Path(tempfile.mkdtemp(prefix=f"{key}-", dir=_make_dir(root)))
    written = write_exports(result, scratch)
    try:
        scratch.rename(folder)  # atomic: a concurrent request sees all files or none
    except OSError:  # another request wrote the same result first
        shutil.rmtree(scratch, ignore_errors=True)
        return paths
    return {fmt: folder / path.name for fmt, path in written.items()}


def prune_exports(root: Path, max_age_s: float) -> int:
    """Delete the export folders under ``root`` last used more than ``max_age_s`` ago; how many."""
    cutoff, removed = time.time() - max_age_s, 0
    for folder in root.iterdir() if root.is_dir() else ():
        try:
            if folder.is_dir() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder)
                removed += 1
        except OSError:  # taken by another request at the same moment: theirs to keep or delete
            continue
    return removed


def _make_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def bilingual_pairs(result: TaskResult) -> list[tuple[str, str]]:
    """(source paragraph, its translation) in article order."""
    return list(zip(result.source_paragraphs, result.paragraphs))


def bilingual_markdown(result: TaskResult | None, language: str) -> str:
    """A two-column Markdown table of the latest translation, or a hint when there is none."""
    if result is None or result.kind != "translate" or not result.paragraphs:
        return reply("bilingual_empty", language)
    columns = (reply("bilingual_source", language, language=language_name(result.source_language, language)),
               reply("bilingual_target", language, language=language_name(result.target_language or "", language)))
    rows = [f"| {_cell(columns[0])} | {_cell(columns[1])} |", "| --- | --- |"]
    if result.title and result.translated_title:
        rows.append(f"| **{_cell(result.title)}** | **{_cell(result.translated_title)}** |")
    rows += [f"| {_cell(a)} | {_cell(b)} |" for a, b in bilingual_pairs(result)]
    return "\n".join(rows)


def _cell(text: str) -> str:
    """Article text shown literally inside one table cell: no tags, no line breaks, no column breaks."""
    return escape_text(" ".join(text.split())).replace("|", "\\|")
