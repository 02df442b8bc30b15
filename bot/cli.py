"""The ``tinbot`` command: summarize, translate or question an article from a file, a link or stdin;
run a JSONL batch; manage the models; or serve the chat.

    tinbot summarize bai-bao.docx
    tinbot translate https://vnexpress.net/... --to en --json
    cat bai.txt | tinbot ask - "Ai là trưởng đoàn?"
    tinbot batch in.jsonl out.jsonl --task summarize
    tinbot models list | download [TASK] | convert [TASK] | import TASK FOLDER
    tinbot serve --port 7860

Exit codes a shell script can rely on are ``Exit``; every error is one line on stderr, never a
traceback. Heavy imports (torch, transformers, gradio) happen inside the commands that need them,
so ``tinbot --help`` and ``tinbot models list`` start at once.
"""
from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from enum import IntEnum

from bot.settings import TASKS, Settings, SettingsError

# Settings exposed as flags, derived from the fields (their help is the field's documentation).
SERVE_FIELDS = ("host", "port", "share", "auth", "offline", "auto_download", "preload", "cache_dir", "threads",
                "inter_threads", "concurrency")
TASK_FIELDS = ("offline", "auto_download", "cache_dir", "threads")
COMMAND_TASKS = ("summarize", "translate", "ask")


class Exit(IntEnum):
    OK = 0
    FAILED = 1        # the task ran but gave no answer
    USAGE = 2         # bad flags or settings
    INPUT = 3         # file missing/unreadable/too large, link refused or unreachable, bad batch file
    MODEL = 4         # the task cannot run at all: its model is not available
    INTERRUPTED = 130


class CliError(Exception):
    """Ends the command with ``code`` after printing ``message`` (one line) on stderr."""

    def __init__(self, code: Exit, message: str):
        super().__init__(message)
        self.code = code


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # argparse itself exits 2 on usage errors
    # The replies already carry what the logs would say (a model is missing, ...): keep stderr to
    # those lines unless asked. The server logs its requests, as app.py does.
    # A failure logged with its traceback (a model whose files will not load) is one line too,
    # unless asked with --verbose; the server's log keeps its tracebacks.
    full = args.verbose or args.command == "serve"
    handler = logging.StreamHandler()
    handler.setFormatter((logging.Formatter if full else OneLineFormatter)("tinbot: %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO if full else logging.ERROR, handlers=[handler])
    try:
        settings = settings_from_args(args)
        return int(args.handler(args, settings))
    except CliError as error:
        _fail(str(error))
        return int(error.code)
    except SettingsError as error:
        _fail(str(error))
        return int(Exit.USAGE)
    except KeyboardInterrupt:
        _fail("interrupted")
        return int(Exit.INTERRUPTED)
    except BrokenPipeError:  # `tinbot summarize x | head -1`: the reader left, nothing to report
        return int(Exit.OK)
    except Exception as error:  # a bug: still one line for scripts; the traceback with --verbose
        if args.verbose:
            logging.getLogger("tinbot").error("unexpected error", exc_info=True)
        _fail(f"unexpected error: {type(error).__name__}: {error}")
        return int(Exit.FAILED)


def _fail(message: str) -> None:
    print(f"tinbot: {' '.join(message.split())}", file=sys.stderr)


class OneLineFormatter(logging.Formatter):
    """Log records on one line: an exception is named after the message, its traceback left out."""

    def format(self, record: logging.LogRecord) -> str:
        record = logging.makeLogRecord(record.__dict__)  # other handlers still get the traceback
        error = record.exc_info[1] if record.exc_info else None
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        line = super().format(record)
        if error is not None:
            line += f": {type(error).__name__}: {error}"
        return " ".join(line.split())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tinbot", description="Summarize, translate and question Vietnamese news, locally.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens (model loading, downloads) on stderr")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in (("summarize", "summarize an article"), ("translate", "translate an article"),
                            ("ask", "answer a question about an article")):
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("source", metavar="FILE|URL|-", help="a .txt/.md/.html/.docx/.pdf file, a link, or - for stdin")
        if name == "ask":
            sub.add_argument("question", help="the question, in Vietnamese or English")
        if name == "translate":
            sub.add_argument("--to", choices=("en", "vi"), help="target language (default: the other one)")
        _add_output_flags(sub)
        _add_settings_flags(sub, TASK_FIELDS)
        sub.set_defaults(handler=_run_task, task=name)

    batch = commands.add_parser("batch", help="run a task over a JSONL file (resumable)")
    batch.add_argument("input", metavar="IN.jsonl", help='one record a line: {"id", "text"|"url"|"file", "question"}')
    batch.add_argument("output", metavar="OUT.jsonl", help="results, one a line; ids already there are skipped")
    batch.add_argument("--task", required=True, choices=COMMAND_TASKS)
    batch.add_argument("--to", choices=("en", "vi"), help="translate: target language")
    batch.add_argument("--lang", choices=("vi", "en"), help="language of notices (default: the article's)")
    _add_settings_flags(batch, TASK_FIELDS)
    batch.set_defaults(handler=_run_batch)

    models = commands.add_parser("models", help="list, download, convert or import the task models")
    actions = models.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="what is configured per task and whether it is on this machine")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    for action, help_text in (("download", "download from the Hugging Face Hub"),
                              ("convert", "convert to CTranslate2 ahead of time")):
        sub = actions.add_parser(action, help=help_text)
        sub.add_argument("task", nargs="?", choices=TASKS, help="one task (default: all)")
    imported = actions.add_parser("import", help="copy a local model folder into tinbot's model store (air-gapped machines)")
    imported.add_argument("task", choices=TASKS)
    imported.add_argument("path", help="a Hugging Face model folder (config.json, weights, tokenizer)")
    imported.add_argument("--link", action="store_true", help="symlink instead of copying")
    for sub in actions.choices.values():
        _add_settings_flags(sub, TASK_FIELDS)
    models.set_defaults(handler=_run_models)

    serve = commands.add_parser("serve", help="start the chat in the browser (same flags as app.py)")
    _add_settings_flags(serve, SERVE_FIELDS)
    serve.set_defaults(handler=_run_serve)
    return parser


def _add_output_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help='print {"task", "text", "engine", "notices", "evidence"}')
    parser.add_argument("--lang", choices=("vi", "en"),
                        help="reply language (default: the article's, or the question's); a summary or an answer "
                             "in another language than the article's is translated when the model is there")


def _add_settings_flags(parser: argparse.ArgumentParser, names: tuple[str, ...]) -> None:
    """Flags derived from ``Settings`` fields, as app.py derives them (same names, same help)."""
    parser.add_argument("--config", help="TOML file with model settings, same shape as models/defaults.toml")
    for f in dataclasses.fields(Settings):
        if f.name not in names:
            continue
        flag = "--" + f.name.replace("_", "-")
        env = f.metadata.get("env")
        help_text = f"{f.metadata['doc']} (env {env})" if env else f.metadata["doc"]
        if str(f.type).startswith("bool"):
            parser.add_argument(flag, action=argparse.BooleanOptionalAction, default=None, help=help_text)
        else:
            parser.add_argument(flag, type=int if "int" in str(f.type) else str, default=None, help=help_text)
    for task in TASKS:
        parser.add_argument(f"--{task}-model", help=f"hub id or local folder for the {task} model (env TINBOT_{task.upper()}_MODEL)")


def settings_from_args(args: argparse.Namespace) -> Settings:
    overrides = {name: getattr(args, name) for name in SERVE_FIELDS if getattr(args, name, None) is not None}
    for task in TASKS:
        model = getattr(args, f"{task}_model", None)
        if model:
            overrides[task] = {"model": model}
    return Settings.from_env(config=getattr(args, "config", None), **overrides)


def _run_task(args: argparse.Namespace, settings: Settings) -> Exit:
    from bot.cli_tasks import print_result, read_source, run_task

    text = read_source(args.source, settings)
    bot = _make_bot(settings)
    result = run_task(bot, text, args.task, language=args.lang, target=getattr(args, "to", None),
                      question=getattr(args, "question", None))
    print_result(result, as_json=args.json)
    return result.status


def _run_batch(args: argparse.Namespace, settings: Settings) -> Exit:
    from bot.cli_tasks import run_batch

    return run_batch(args.input, args.output, args.task, _make_bot(settings), settings, language=args.lang, target=args.to)


def _run_models(args: argparse.Namespace, settings: Settings) -> Exit:
    from bot import cli_models

    return cli_models.run(args, settings)


def _run_serve(args: argparse.Namespace, settings: Settings) -> Exit:
    logging.getLogger().setLevel(logging.INFO)
    from bot.ui import build_demo, launch_options

    bot = _make_bot(settings)
    demo = build_demo(bot)
    if settings.preload:
        bot.hub.preload()
    try:
        demo.launch(server_name=settings.host, server_port=settings.port, share=settings.share, auth=settings.login(),
                    **launch_options(settings))
    except OSError as error:
        if "port" not in str(error).lower():
            raise
        raise CliError(Exit.USAGE, f"port {settings.port} on {settings.host} is taken (is tinbot already running?); "
                                   "choose another with --port or GRADIO_SERVER_PORT") from None
    return Exit.OK


def _make_bot(settings: Settings):
    from bot.service import Tinbot

    return Tinbot(settings)


if __name__ == "__main__":
    # `python -m bot.cli` runs this file as __main__, while cli_tasks and cli_models import bot.cli:
    # run bot.cli's own main, so the CliError they raise is the class main() catches.
    from bot.cli import main as _main

    sys.exit(_main())
