"""``tinbot models``: which model each task uses, whether it is on this machine, and getting it there.

``list`` never touches the network: it asks the loader with offline settings. ``download`` and
``convert`` go through the same loader and CTranslate2 engine the chat uses, so what they prepare
is exactly what the chat will find. ``import`` is for air-gapped machines: a model folder carried
over on a disk is copied into tinbot's model store, and the setting that points to it is printed.
"""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from bot.cli import CliError, Exit
from bot.engines.base import ModelUnavailable
from bot.settings import TASKS, Settings

WEIGHT_SUFFIXES = (".safetensors", ".bin")
# The smallest real model's weights take megabytes; a weight file under this is empty or the
# stub of an interrupted download or copy (an empty safetensors file is 0-20 bytes).
MIN_WEIGHT_BYTES = 1024
TOKENIZER_FILES = ("spiece.model", "tokenizer.json", "sentencepiece.bpe.model", "source.spm", "vocab.json")


@dataclass(frozen=True)
class ModelStatus:
    task: str
    model: str
    revision: str | None
    present: bool
    location: str | None      # the folder the chat would load, when present
    size_bytes: int | None
    hint: str | None          # how to get it, when missing


def run(args, settings: Settings) -> Exit:
    actions = {"list": list_models, "download": download_models, "convert": convert_models, "import": import_model}
    return actions[args.action](args, settings)


def list_models(args, settings: Settings) -> Exit:
    statuses = [model_status(task, settings) for task in TASKS]
    if getattr(args, "json", False):
        print(json.dumps([dataclasses.asdict(s) for s in statuses], ensure_ascii=False, indent=2))
        return Exit.OK
    width = max(len(s.model) for s in statuses)
    for s in statuses:
        state = "present" if s.present else "missing"
        where = s.location if s.present else s.hint
        print(f"{s.task:<10} {s.model:<{width}}  {state:<8} {human_size(s.size_bytes):>9}  {where}")
    return Exit.OK


def model_status(task: str, settings: Settings) -> ModelStatus:
    """Where ``task``'s model is on this machine, found without any network access."""
    from bot.engines.loader import model_download_command, resolve_model_dir

    ms = settings.model(task)
    offline = dataclasses.replace(settings, offline=True, auto_download=False)
    try:
        folder = Path(resolve_model_dir(ms, offline))
    except ModelUnavailable as error:
        hint = error.detail if error.reason == "missing_folder" else f"tinbot models download {task} (or {model_download_command(ms)})"
        return ModelStatus(task, ms.model, ms.revision, False, None, None, hint)
    return ModelStatus(task, ms.model, ms.revision, True, str(folder), folder_size(folder), None)


def download_models(args, settings: Settings) -> Exit:
    """Fetch each model into the cache the chat reads (huggingface_hub shows its own progress bars).

    Every task asked for is tried, so one failure does not hide the others; any failure exits 4.
    """
    online = dataclasses.replace(settings, offline=False, auto_download=True)
    failed = False
    for task in _tasks(args):
        ms = settings.model(task)
        try:
            folder = _model_folder(ms, online, "{task} model {model!r} could not be downloaded ({reason}): {detail}")
        except CliError as error:
            print(f"tinbot: {error}", file=sys.stderr)
            failed = True
            continue
        print(f"{task}: {ms.model} → {folder} ({human_size(folder_size(folder))})")
    return Exit.MODEL if failed else Exit.OK


def _model_folder(ms, settings: Settings, failure: str) -> Path:
    """The model's folder (downloading it with a progress bar if the settings allow), or exit 4
    with ``failure`` filled in from the loader's reason."""
    from bot.engines.loader import hub_unreachable, model_env_var, resolve_model_dir

    try:
        with ProgressBar() as bar:
            return Path(resolve_model_dir(ms, settings, progress=bar.report))
    except ModelUnavailable as error:
        if error.reason == "download_failed" and hub_unreachable(error.__cause__):
            message = (f"{ms.task} model {ms.model!r} could not be downloaded: cannot reach the Hugging Face Hub "
                       f"(no network?); on a machine without network, copy the model folder over and run: "
                       f"tinbot models import {ms.task} FOLDER")
        elif error.reason == "missing_folder":  # a local path: nothing to download, the setting is wrong
            message = (f"{ms.task} model {ms.model!r}: {error.detail}; set {model_env_var(ms.task)} to a model "
                       "folder or a Hugging Face model id")
        else:
            message = failure.format(task=ms.task, model=ms.model, reason=error.reason, detail=error.detail)
        raise CliError(Exit.MODEL, message) from None


def convert_models(args, settings: Settings) -> Exit:
    """Convert each model to CTranslate2 now, so the first chat request does not wait for it."""
    try:
        from bot.engines.ct2_engine import CT2Engine, supports
    except ImportError as error:
        raise CliError(Exit.MODEL, f"CTranslate2 support is not available: {error}") from None

    for task in _tasks(args):
        ms = settings.model(task)
        folder = _model_folder(ms, settings, "{task} model {model!r} is not available ({reason}); "
                                             "run: tinbot models download {task}")
        if not supports(folder):
            print(f"{task}: {ms.model} is not a model CTranslate2 can run; it stays on transformers")
            continue
        with ProgressBar() as bar:
            engine = CT2Engine.load(folder, ms, settings, progress=bar.report)
        print(f"{task}: ready, {engine.name}")
    return Exit.OK


def import_model(args, settings: Settings) -> Exit:
    """Copy (or link) a local model folder into the store and print the setting that uses it."""
    source = Path(args.path).expanduser().resolve()
    problem = check_model_folder(source)
    if problem:
        raise CliError(Exit.INPUT, f"{args.path}: {problem}")
    target = store_root(settings) / args.task / source.name
    if target.exists() or target.is_symlink():
        raise CliError(Exit.INPUT, f"{target} already exists; remove it first to import again")
    target.parent.mkdir(parents=True, exist_ok=True)
    if args.link:
        target.symlink_to(source, target_is_directory=True)
    else:
        # copy beside the target and rename: an interrupted copy never looks like a complete model
        scratch = target.parent / f".tmp-{source.name}-{uuid.uuid4().hex[:8]}"
        try:
            shutil.copytree(source, scratch)
            os.rename(scratch, target)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    env = f"TINBOT_{args.task.upper()}_MODEL"
    print(f"{args.task}: {'linked' if args.link else 'copied'} {source} → {target}")
    print(f"Use it with:  export {env}={target}")
    print(f'or in a --config TOML file:  [{args.task}] model = "{target}"')
    return Exit.OK


def check_model_folder(folder: Path) -> str | None:
    """What a Hugging Face model folder lacks to be loaded offline, or ``None`` when complete."""
    if not folder.is_dir():
        return "not a folder"
    names = {p.name for p in folder.iterdir()}
    if "config.json" not in names:
        return "no config.json: not a Hugging Face model folder"
    weights = sorted(p for p in folder.iterdir() if p.name.endswith(WEIGHT_SUFFIXES))
    if not weights:
        return "no weights (*.safetensors or *.bin)"
    for path in weights:
        size = path.stat().st_size if path.is_file() else 0
        if size < MIN_WEIGHT_BYTES:
            return (f"{path.name} is only {size} bytes, too small to be model weights "
                    "(an interrupted download or copy?); copy the model folder again")
    if not names.intersection(TOKENIZER_FILES):
        return f"no tokenizer ({', '.join(TOKENIZER_FILES)})"
    return None


def store_root(settings: Settings) -> Path:
    """Where imported models live: ``<cache_dir>/models`` or ``~/.cache/tinbot/models``."""
    if settings.cache_dir:
        return Path(settings.cache_dir).expanduser() / "models"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tinbot" / "models"


def folder_size(folder: Path) -> int:
    """Bytes on disk under ``folder``; hub snapshots are symlinks to blobs, so links are followed."""
    return sum(path.stat().st_size for path in Path(folder).rglob("*") if path.is_file())


def human_size(size: int | None) -> str:
    if size is None:
        return "-"
    if size < 1000:
        return f"{size} B"
    for unit in ("KB", "MB", "GB"):
        size /= 1000
        if size < 1000 or unit == "GB":
            break
    return f"{size:.1f} {unit}"


def _tasks(args) -> tuple[str, ...]:
    return (args.task,) if getattr(args, "task", None) else TASKS


class ProgressBar:
    """Progress on stderr from the loader's and converter's ``(label, fraction)`` reports.

    The loader keeps huggingface_hub's own bars quiet and reports fractions instead (the chat
    shows them too); here they become a tqdm bar with percent, elapsed and time left. A report
    without a fraction ("converting ...") is printed as a line.
    """

    def __init__(self):
        self.bar = None
        self.said: set[str] = set()

    def report(self, label: str, fraction: float | None = None) -> None:
        from tqdm import tqdm

        if fraction is None:
            if label not in self.said:
                self.said.add(label)
                tqdm.write(f"tinbot: {label}", file=sys.stderr)
            return
        if self.bar is None:
            self.bar = tqdm(total=100, desc=label, unit="%", file=sys.stderr,
                            bar_format="{desc}: {percentage:3.0f}%|{bar}| [{elapsed}<{remaining}]")
        self.bar.update(max(0.0, 100 * fraction - self.bar.n))

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()
