"""Start the tinbot chat: `python app.py [--host 127.0.0.1] [--port 7860] [...]`."""
from __future__ import annotations

import argparse
import dataclasses
import logging
import sys

from bot.settings import TASKS, Settings, SettingsError

# Top-level settings exposed as flags; their help text is the field's documentation.
FLAG_FIELDS = ("host", "port", "share", "auth", "offline", "auto_download", "cache_dir", "threads", "concurrency")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tinbot", description="A local chatbot for Vietnamese news.")
    parser.add_argument("--config", help="TOML file with model settings, same shape as models/defaults.toml")
    for f in dataclasses.fields(Settings):
        if f.name not in FLAG_FIELDS:
            continue
        flag = "--" + f.name.replace("_", "-")
        env = f.metadata.get("env")
        help_text = f"{f.metadata['doc']} (env {env})" if env else f.metadata["doc"]
        if str(f.type).startswith("bool"):
            parser.add_argument(flag, action=argparse.BooleanOptionalAction, default=None, help=help_text)
        else:
            kind = int if "int" in str(f.type) else str
            parser.add_argument(flag, type=kind, default=None, help=help_text)
    for task in TASKS:
        parser.add_argument(f"--{task}-model", help=f"hub id or local folder for the {task} model (env TINBOT_{task.upper()}_MODEL)")
    return parser.parse_args(argv)


def settings_from_args(args: argparse.Namespace) -> Settings:
    overrides = {name: getattr(args, name) for name in FLAG_FIELDS if getattr(args, name) is not None}
    for task in TASKS:
        model = getattr(args, f"{task}_model")
        if model:
            overrides[task] = {"model": model}
    return Settings.from_env(config=args.config, **overrides)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = settings_from_args(parse_args(argv))
    except SettingsError as error:
        print(f"tinbot: {error}", file=sys.stderr)
        return 2
    from bot.service import Tinbot
    from bot.ui import build_demo

    demo = build_demo(Tinbot(settings))
    auth = tuple(settings.auth.split(":", 1)) if settings.auth else None
    demo.launch(server_name=settings.host, server_port=settings.port, share=settings.share, auth=auth)
    return 0


if __name__ == "__main__":
    sys.exit(main())
