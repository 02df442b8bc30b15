"""Find a task's model on disk: a local folder as is, or a hub id in the Hugging Face cache.

Loading lives in this one place (ARCHITECTURE.md). ``resolve_model_dir`` never hangs on a hub
that cannot be reached: the hub is asked first with a short timeout (huggingface_hub's own HTTP
client has none by default), and every failure becomes a ``ModelUnavailable`` whose ``reason``
says what the user can do about it ("not_cached": download it; "missing_folder": fix the path).
"""
from __future__ import annotations

import logging
import os
import re
import shlex
from pathlib import Path
from typing import Callable

from bot.engines.base import ModelUnavailable
from bot.settings import ModelSettings, Settings

log = logging.getLogger("tinbot.loader")

Progress = Callable[[str, float | None], None]

# Seconds to wait for the hub before calling it unreachable: long enough for a slow network,
# short enough that a chat turn on a machine without a route falls back within seconds.
HUB_TIMEOUT_S = 5.0
# What a seq2seq model needs and nothing more (no TF/Flax/ONNX weights, no README images).
BASE_PATTERNS = ("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json",
                 "special_tokens_map.json", "added_tokens.json", "spiece.model", "*.model")
SAFETENSORS_PATTERNS = ("*.safetensors", "*.safetensors.index.json")
PYTORCH_PATTERNS = ("pytorch_model.bin", "pytorch_model.bin.index.json", "pytorch_model-*.bin")
# "owner/name" or "name": what a hub id looks like. Anything else (absolute, ./, ~, deeper
# paths, backslashes) is meant as a folder.
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[A-Za-z0-9][\w.-]*)?$")


def model_env_var(task: str) -> str:
    """The environment variable that points a task at a model: ``TINBOT_TRANSLATE_MODEL``."""
    return f"TINBOT_{task.upper()}_MODEL"


def model_download_command(ms: ModelSettings) -> str:
    """The shell command that fetches ``ms.model`` ahead of time (the ``hf`` CLI of huggingface_hub).

    Without the CLI the same works from Python:
    ``python -c "from huggingface_hub import snapshot_download; snapshot_download('VietAI/envit5-translation')"``.
    """
    parts = ["hf", "download", ms.model]
    if ms.revision:
        parts += ["--revision", ms.revision]
    return " ".join(shlex.quote(p) for p in parts)


def looks_like_hub_id(value: str) -> bool:
    return bool(_HUB_ID.match(value)) and not value.endswith((".", "-"))


def has_weights(folder: Path) -> bool:
    return any(folder.glob("*.safetensors")) or any(folder.glob("pytorch_model*.bin"))


def has_safetensors(folder: Path) -> bool:
    return any(folder.glob("*.safetensors"))


def offline(settings: Settings) -> bool:
    """Offline by setting or by the hub's own switch, read now (not at import)."""
    flag = os.environ.get("HF_HUB_OFFLINE", "").strip().lower()
    return settings.offline or flag in ("1", "true", "yes", "on")


def resolve_model_dir(ms: ModelSettings, settings: Settings, progress: Progress | None = None) -> Path:
    """The folder holding ``ms.model``'s config, tokenizer and weights; downloads it if allowed.

    Raises ``ModelUnavailable`` with reason "missing_folder", "not_cached" or "download_failed".
    """
    path = Path(ms.model).expanduser()
    if path.exists() or not looks_like_hub_id(ms.model):
        return _local_folder(ms, path)
    cached = _cached_snapshot(ms, settings)
    if cached is not None:
        return cached
    if offline(settings) or not settings.auto_download:
        why = "offline" if offline(settings) else "auto_download is off"
        raise ModelUnavailable(ms.task, ms.model, "not_cached", f"not in the Hugging Face cache and {why}")
    return _download(ms, settings, progress)


def available_locally(ms: ModelSettings, settings: Settings) -> bool:
    """Whether ``ms.model`` can be loaded without downloading: a model folder, or a complete cached snapshot."""
    path = Path(ms.model).expanduser()
    if path.exists() or not looks_like_hub_id(ms.model):
        return (path / "config.json").is_file()
    return _cached_snapshot(ms, settings) is not None


def _local_folder(ms: ModelSettings, path: Path) -> Path:
    if not path.is_dir():
        raise ModelUnavailable(ms.task, ms.model, "missing_folder", f"no folder at {path}")
    if not (path / "config.json").is_file():
        raise ModelUnavailable(ms.task, ms.model, "missing_folder", f"{path} has no config.json")
    return path.resolve()


def _cached_snapshot(ms: ModelSettings, settings: Settings) -> Path | None:
    """The cached snapshot folder when config and weights are there; never touches the network."""
    from huggingface_hub import snapshot_download

    try:
        # Only the small files are checked against the cached listing: a snapshot may hold
        # either weight format, depending on what the repository offered when it was fetched.
        folder = Path(snapshot_download(ms.model, revision=ms.revision, cache_dir=settings.cache_dir,
                                        local_files_only=True, allow_patterns=list(BASE_PATTERNS)))
    except Exception as error:  # LocalEntryNotFoundError, an incomplete snapshot, a bad cache
        log.debug("%s not cached: %s", ms.model, error)
        return None
    if (folder / "config.json").is_file() and has_weights(folder):
        return folder
    return None


def _download(ms: ModelSettings, settings: Settings, progress: Progress | None) -> Path:
    from huggingface_hub import HfApi, snapshot_download

    try:
        # Asked with a timeout first: snapshot_download's own first call has none and could
        # wait forever on a network that drops packets.
        info = HfApi().model_info(ms.model, revision=ms.revision, timeout=HUB_TIMEOUT_S)
        files = [s.rfilename for s in (info.siblings or [])]
        weights = SAFETENSORS_PATTERNS if any(f.endswith(".safetensors") for f in files) else PYTORCH_PATTERNS
        log.info("downloading %s (%s)", ms.model, "safetensors" if weights is SAFETENSORS_PATTERNS else "pytorch .bin")
        folder = snapshot_download(
            ms.model, revision=ms.revision, cache_dir=settings.cache_dir, etag_timeout=HUB_TIMEOUT_S,
            allow_patterns=list(BASE_PATTERNS + weights), tqdm_class=progress_bar_class(ms.model, progress),
        )
    except Exception as error:  # no route, DNS, timeout, 404, gated repo, disk full
        raise ModelUnavailable(ms.task, ms.model, "download_failed", f"{type(error).__name__}: {error}") from error
    return _local_folder(ms, Path(folder))


def hub_unreachable(error: BaseException | None) -> bool:
    """Whether ``error`` (or what caused it) means the hub could not be reached at all: no
    network, no DNS, a timeout; not a refusal from a hub that answered (404, gated repo)."""
    import socket

    try:
        from httpx import NetworkError, TimeoutException  # huggingface_hub's HTTP client
        network_errors: tuple[type[BaseException], ...] = (NetworkError, TimeoutException)
    except ImportError:  # pragma: no cover - an older huggingface_hub on requests
        network_errors = ()
    network_errors += (ConnectionError, TimeoutError, socket.gaierror)
    for _ in range(10):  # the chain of causes; a cycle cannot make it loop forever
        if error is None:
            return False
        if isinstance(error, network_errors):
            return True
        error = error.__cause__ or error.__context__
    return False


def progress_bar_class(model: str, progress: Progress | None):
    """A tqdm class that reports download progress as ``progress(label, fraction)`` and prints nothing."""
    from tqdm.auto import tqdm

    class _Reporter(tqdm):
        def __init__(self, *args, **kwargs):
            kwargs.pop("name", None)  # huggingface_hub passes it to its own tqdm subclass only
            kwargs.update(disable=False, file=_Silent())
            super().__init__(*args, **kwargs)

        def update(self, n=1):
            shown = super().update(n)
            # Only byte counters mean "how far along"; the file-count bar would jump 0 → 1.
            if progress is not None and self.unit == "B":
                progress(f"downloading {model}", self.n / self.total if self.total else None)
            return shown

    return _Reporter


class _Silent:
    """A file that swallows tqdm's drawing: progress goes to the callback, not to stderr."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass
