"""The task commands of ``tinbot``: one article in, one result out; and the resumable JSONL batch.

A result is built from the last ``TaskUpdate`` of ``Tinbot.run``, exactly what the chat shows
at the end of a reply, so the command line and the chat cannot disagree.
"""
from __future__ import annotations

import json
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from bot.cli import CliError, Exit
from bot.engines.base import ModelUnavailable
from bot.intent import Intent, IntentKind
from bot.language import detect_language
from bot.prompts import reply
from bot.reply import render_notice
from bot.route import asked
from bot.settings import Settings
from bot.sources import SourceError, decode_text, looks_like_url, text_from_file, text_from_url
from bot.tasks import MODEL_NOTICES, Notice, TaskUpdate

log = logging.getLogger("tinbot.cli")

KINDS = {"summarize": IntentKind.SUMMARIZE, "translate": IntentKind.TRANSLATE, "ask": IntentKind.ASK}
SOURCE_FIELDS = ("text", "url", "file")
# "ftp://…", "https://", "http://intranet/…": meant as a link, so checked as one (and refused as
# one), not looked for as a file name.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(frozen=True)
class TaskResult:
    task: str
    text: str
    engine: str
    notices: tuple[Notice, ...] = ()
    evidence: tuple[dict, ...] = ()
    status: Exit = Exit.OK
    language: str = "vi"

    def rendered_notices(self) -> list[str]:
        """The notices as the chat shows them, in the reply language (Markdown)."""
        return [render_notice(n, self.language) for n in self.notices]

    def notice_lines(self) -> list[str]:
        """The notices as stderr lines; a missing model also names the tinbot command that fetches it."""
        lines = []
        for notice, text in zip(self.notices, self.rendered_notices()):
            if notice.key == "model_missing":
                text += "\n" + reply("cli_download_hint", self.language, task=notice.args["task"])
            lines.append(one_line(text))
        return lines

    def as_json(self) -> dict:
        return {"task": self.task, "text": self.text, "engine": self.engine,
                "notices": self.rendered_notices(), "evidence": list(self.evidence)}


def read_source(source: str, settings: Settings) -> str:
    """Article text from a file path, a link, or ``-`` (stdin); input problems exit with code 3."""
    try:
        if source == "-":
            return _read_stdin(settings.limits.max_upload_bytes)
        if looks_like_url(source) or (_SCHEME.match(source) and not Path(source).exists()):
            return text_from_url(source, settings)
        return text_from_file(source, settings.limits.max_upload_bytes)
    except SourceError as error:
        raise CliError(Exit.INPUT, f"{'standard input' if source == '-' else source}: {error.detail}") from None


def _read_stdin(max_bytes: int | None) -> str:
    data = sys.stdin.buffer.read(-1 if max_bytes is None else max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise SourceError("too_large", f"is more than {max_bytes} bytes")
    text = decode_text(data).strip()
    if not text:
        raise SourceError("empty", "is empty")
    return text


def run_task(bot, text: str, task: str, *, language: str | None = None, target: str | None = None,
             question: str | None = None) -> TaskResult:
    """Run ``task`` on an article's text and keep the final update; a missing model exits with 4."""
    if task == "ask":
        if not re.search(r"[^\W_]", question or ""):
            raise CliError(Exit.USAGE, "the question is empty")
        # As in the chat: "…? Trả lời bằng tiếng Anh" is an answer language, not part of the question.
        question, answer_language = asked(question)
        target = target or answer_language
    article, truncated_at = bot.parse(text)
    if article.is_empty():
        raise CliError(Exit.INPUT, "no article text found in the input")
    if task == "summarize" and language and language != article.language:
        target = target or language  # "--lang en": the summary in English (translated when a translator is there)
    language = language or _default_language(task, article.language, question)
    intent = Intent(KINDS[task], language=language, target_language=target, question=question)
    try:
        final = _last(bot.run(article, intent))
    except ModelUnavailable as error:
        raise CliError(Exit.MODEL, f"{error.task} model {error.model!r} is not available ({error.reason}); "
                                   f"run: tinbot models download {error.task}") from None
    notices = (Notice("article_truncated", {"limit": truncated_at}),) if truncated_at else ()
    notices += final.notices
    missing = any(n.key in MODEL_NOTICES for n in final.notices)
    status = Exit.OK if final.text.strip() else (Exit.MODEL if missing else Exit.FAILED)
    evidence = tuple({"text": s.text, "paragraph": s.paragraph + 1, "sentence": s.index + 1} for s in final.evidence)
    # An answer asked for in a language is reported in it (the question keeps its own, to be read).
    shown = intent.answer_language if task == "ask" else language
    return TaskResult(task, final.text, final.engine, notices, evidence, status, shown)


def _default_language(task: str, article_language: str, question: str | None) -> str:
    if task == "ask":
        asked = detect_language(question or "")
        return asked if asked in ("vi", "en") else "en"
    return "en" if article_language == "en" else "vi"


def _last(updates: Iterator[TaskUpdate]) -> TaskUpdate:
    final = None
    for final in updates:
        pass
    if final is None:
        raise CliError(Exit.FAILED, "the task produced nothing")
    return final


def print_result(result: TaskResult, *, as_json: bool) -> None:
    """``--json``: the result object on stdout. Plain: the reply on stdout, notices on stderr."""
    if as_json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        # Without a model the answer is the evidence itself: it is printed once, as the quote
        # with its paragraph, not first bare and then again.
        quoted = result.task == "ask" and bool(result.evidence) and all(item["text"] in result.text for item in result.evidence)
        if result.text.strip() and not quoted:
            print(strip_emphasis(result.text))
        if result.evidence and result.task == "ask":
            print(("" if quoted else "\n") + strip_emphasis(reply("evidence_header", result.language)))
            for item in result.evidence:
                print(strip_emphasis(reply("evidence_item", result.language, text=item["text"], paragraph=item["paragraph"])))
        for line in result.notice_lines():
            print(f"tinbot: {line}", file=sys.stderr)
    if as_json and result.status is Exit.MODEL:
        print(f"tinbot: {model_missing_line(result)}", file=sys.stderr)
    elif result.status is Exit.FAILED and (as_json or not result.notices):
        print("tinbot: no answer", file=sys.stderr)


def model_missing_line(result: TaskResult) -> str:
    lines = [line for n, line in zip(result.notices, result.notice_lines()) if n.key in MODEL_NOTICES]
    return lines[0] if lines else f"no {result.task} model is available"


_EMPHASIS = (
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),
    (re.compile(r"`([^`]*)`"), r"\1"),
)


# A folded part of a chat notice (how to get a model): a terminal prints its lines, not the fold.
_FOLD = re.compile(r"<summary>.*?</summary>|</?details>")


def strip_emphasis(markdown: str) -> str:
    """Plain text for a terminal: bold, italics and code marks dropped, a fold's lines shown;
    lists and lines kept."""
    markdown = _FOLD.sub("", markdown)
    for pattern, replacement in _EMPHASIS:
        markdown = pattern.sub(replacement, markdown)
    return markdown


def one_line(text: str) -> str:
    """A notice on one line: its lines kept apart by " · ", so steps do not run together."""
    return " · ".join(" ".join(line.split()) for line in strip_emphasis(text).splitlines() if line.strip())


# ---- batch -------------------------------------------------------------------------------------


def run_batch(input_path: str, output_path: str, task: str, bot, settings: Settings, *,
              language: str | None = None, target: str | None = None) -> Exit:
    """Run ``task`` over every record of IN that OUT does not have yet; append results to OUT.

    Each result line is flushed at once, so an interrupted run loses at most the record it was
    on, and the next run continues after the last one written. A bad record is reported, written
    with an ``error`` field (so the output is complete) and the run goes on; a missing model stops
    the run, since every record would fail the same way, except for a question that needs the
    translation model (only questions in the other language do).
    """
    from tqdm import tqdm

    source = Path(input_path)
    if not source.is_file():
        raise CliError(Exit.INPUT, f"{input_path}: no such file")
    results = Path(output_path)
    if results.is_dir() or not results.parent.is_dir():
        raise CliError(Exit.USAGE, f"{output_path}: cannot write the results there (no such folder, or a folder itself)")
    done = _done_ids(results)
    records = list(_records(source))
    if not records:
        raise CliError(Exit.INPUT, f"{input_path}: no records (one JSON object a line)")
    todo = [(key, record) for key, record in records if key not in done]
    failures = 0
    with open(output_path, "a", encoding="utf-8") as out, \
            tqdm(total=len(todo), desc=task, unit="record", file=sys.stderr, dynamic_ncols=True) as bar:
        if done:
            tqdm.write(f"tinbot: {len(done)} records already in {output_path} are skipped", file=sys.stderr)
        for key, record in todo:
            if key in done:  # the same id twice in IN: its first record is the one answered
                tqdm.write(f"tinbot: record {key}: the id is repeated in {input_path}; skipped", file=sys.stderr)
                bar.update(1)
                continue
            row = _batch_row(record, task, bot, settings, source.parent, language, target)
            if "error" in row:
                failures += 1
                tqdm.write(f"tinbot: record {key}: {row['error']}", file=sys.stderr)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.flush()
            done.add(key)
            bar.update(1)
    return Exit.FAILED if failures else Exit.OK


def _records(path: Path) -> Iterator[tuple[str, dict]]:
    """(key, record) per non-blank line; a line that is not a JSON object becomes an error record."""
    with path.open(encoding="utf-8-sig", errors="replace") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as error:
                record = {"_error": f"line {number} is not JSON: {error.msg}"}
            if not isinstance(record, dict):
                record = {"_error": f"line {number} is not a JSON object"}
            record.setdefault("id", f"line {number}")  # a record without an id is known by its line
            yield _key(record["id"]), record


def _key(record_id) -> str:
    return json.dumps(record_id, ensure_ascii=False, sort_keys=True)  # 1 and "1" stay different ids


def _done_ids(path: Path) -> set[str]:
    """Ids already in OUT. A last line cut short by an interruption is removed so OUT stays valid."""
    if not path.exists():
        return set()
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        with path.open("r+b") as handle:
            handle.truncate(data.rfind(b"\n") + 1)
        data = data[: data.rfind(b"\n") + 1]
    done = set()
    for line in data.decode("utf-8", errors="replace").splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if isinstance(row, dict) and "id" in row:
            done.add(_key(row["id"]))
    return done


def _batch_row(record: dict, task: str, bot, settings: Settings, base: Path,
               language: str | None, target: str | None) -> dict:
    row = {"id": record["id"], "task": task}
    try:
        text = _record_text(record, task, settings, base)
        question = record["question"] if task == "ask" else None
        result = run_task(bot, text, task, language=language, target=target, question=question)
    except CliError as error:
        if error.code is Exit.MODEL:
            raise
        return {**row, "error": str(error)}
    except Exception as error:  # a bug this record found: the other records still run
        log.warning("record %s failed", row["id"], exc_info=True)   # the traceback with --verbose
        return {**row, "error": f"unexpected error: {type(error).__name__}: {error}"}
    if result.status is Exit.MODEL and task != "ask":
        raise CliError(Exit.MODEL, model_missing_line(result))
    if result.status is Exit.MODEL:  # this question needs a translator (it is not in the article's language)
        return {**row, "error": model_missing_line(result)}
    row.update(result.as_json())
    if result.status is not Exit.OK:
        row["error"] = "no answer"
    return row


def _record_text(record: dict, task: str, settings: Settings, base: Path) -> str:
    if "_error" in record:
        raise CliError(Exit.INPUT, record["_error"])
    given = [name for name in SOURCE_FIELDS if record.get(name)]
    empty = [name for name in SOURCE_FIELDS if name in record and not record[name]]
    if not given and empty:
        raise CliError(Exit.INPUT, f"{empty[0]} is empty")
    if len(given) != 1:
        raise CliError(Exit.INPUT, f"give exactly one of {', '.join(SOURCE_FIELDS)} (found {', '.join(given) or 'none'})")
    if task == "ask" and "question" in record and not isinstance(record["question"], str):
        raise CliError(Exit.INPUT, "question must be a string")
    if task == "ask" and not str(record.get("question") or "").strip():
        raise CliError(Exit.INPUT, "an ask record needs a question")
    name, value = given[0], record[given[0]]
    if not isinstance(value, str):
        raise CliError(Exit.INPUT, f"{name} must be a string")
    if name == "text":
        return value
    try:
        if name == "url":
            return text_from_url(value, settings)
        path = Path(value).expanduser()  # relative to the batch file, so a folder of articles moves as one
        return text_from_file(path if path.is_absolute() else base / path, settings.limits.max_upload_bytes)
    except SourceError as error:
        raise CliError(Exit.INPUT, f"{value}: {error.detail}") from None
