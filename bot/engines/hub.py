"""The process-wide model registry: each task's engine, loaded lazily once and shared.

Every chat session asks the same ``ModelHub``; the first caller for a task loads its model while
later callers wait on that task's lock instead of loading it again. A failed load is remembered
for ``retry_after_s`` so a missing model does not hit the network on every message, yet a model
downloaded later (or a network back up) is picked up without a restart. Two tasks configured
with the same folder and engine share one loaded engine.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Generator

from bot.engines.base import Engine, GenerationConfig, ModelUnavailable
from bot.engines.loader import (
    Progress, available_locally, model_download_command, model_env_var, resolve_model_dir,
)
from bot.settings import TASKS, ModelSettings, Settings
from bot.tasks import Notice, TaskUpdate

log = logging.getLogger("tinbot.hub")


@dataclass(frozen=True)
class _Failure:
    error: ModelUnavailable
    at: float


class ModelHub:
    """Lazily loaded engines per task; thread-safe; see the module docstring."""

    def __init__(self, settings: Settings, retry_after_s: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self.settings = settings
        self.retry_after_s = retry_after_s
        self._clock = clock
        self._task_locks = {task: threading.Lock() for task in TASKS}
        self._engines: dict[str, Engine] = {}
        self._failures: dict[str, _Failure] = {}
        self._loading: set[str] = set()
        self._shared: dict[tuple, Engine] = {}   # engine key → engine, across tasks
        self._key_locks: dict[tuple, threading.Lock] = {}
        self._mutex = threading.Lock()           # guards the two dicts above

    def state(self, task: str) -> str:
        """"ready", "loading", "missing" (the last attempt failed) or "unloaded"."""
        if task in self._engines:
            return "ready"
        if task in self._loading:
            return "loading"
        return "missing" if task in self._failures else "unloaded"

    def unavailable(self, task: str) -> ModelUnavailable | None:
        failure = self._failures.get(task)
        return failure.error if failure else None

    def install(self, task: str, engine: Engine) -> None:
        """Use ``engine`` for ``task`` from now on (an engine built elsewhere, or a test double)."""
        with self._task_locks[task]:
            self._engines[task] = engine
            self._failures.pop(task, None)

    def engine(self, task: str, progress: Progress | None = None) -> Engine:
        """The task's engine, loading it on first use; raises ``ModelUnavailable``."""
        engine = self._engines.get(task)
        if engine is not None:
            return engine
        with self._task_locks[task]:
            if task in self._engines:  # loaded by the caller we waited for
                return self._engines[task]
            failure = self._failures.get(task)
            if failure and self._clock() - failure.at < self.retry_after_s:
                raise failure.error
            self._loading.add(task)
            try:
                engine = self._load(self.settings.model(task), progress)
            except ModelUnavailable as error:
                log.warning("%s", error)
                self._failures[task] = _Failure(error, self._clock())
                raise
            finally:
                self._loading.discard(task)
            self._failures.pop(task, None)
            self._engines[task] = engine
            return engine

    def preload(self, tasks: tuple[str, ...] = TASKS) -> threading.Thread:
        """Load, in a background thread, the tasks' models that are on this machine already.

        The server calls it at start (setting ``preload``): the first reply then does not wait
        for loading (or, the very first time, for the CTranslate2 conversion). It never
        downloads: a missing model is still fetched, with progress, when a reply needs it.
        """
        def run() -> None:
            for task in tasks:
                if task in self._engines or not available_locally(self.settings.model(task), self.settings):
                    continue
                try:
                    self.engine(task)
                    log.info("preloaded the %s model %s", task, self.settings.model(task).model)
                except ModelUnavailable:
                    pass  # logged by engine(); the reply will say so

        thread = threading.Thread(target=run, name="tinbot-preload", daemon=True)
        thread.start()
        return thread

    def _load(self, ms: ModelSettings, progress: Progress | None) -> Engine:
        model_dir = resolve_model_dir(ms, self.settings, progress)
        key = (str(model_dir), ms.engine, ms.device, ms.dtype, ms.compute_type, ms.max_input_tokens,
               ms.output_vocabulary)
        with self._mutex:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            if key in self._shared:
                return self._shared[key]
            try:
                engine = build_engine(model_dir, ms, self.settings, progress)
            except ModelUnavailable:
                raise
            except Exception as error:  # corrupt weights, unknown architecture, out of memory
                log.exception("loading %s from %s failed", ms.model, model_dir)
                raise ModelUnavailable(ms.task, ms.model, "load_failed", f"{type(error).__name__}: {error}") from error
            self._shared[key] = engine
            return engine


def build_engine(model_dir: Path, ms: ModelSettings, settings: Settings, progress: Progress | None = None) -> Engine:
    """The engine ``ms.engine`` asks for; "auto" prefers CTranslate2 and falls back to transformers."""
    from bot.engines.transformers_engine import TransformersEngine

    if ms.engine == "transformers":
        return TransformersEngine.load(model_dir, ms, settings)
    try:
        from bot.engines.ct2_engine import CT2Engine

        return CT2Engine.load(model_dir, ms, settings, progress)
    except Exception as error:  # ImportError, unsupported architecture, failed conversion
        if ms.engine == "ctranslate2":
            raise ModelUnavailable(ms.task, ms.model, "load_failed", f"ctranslate2: {type(error).__name__}: {error}") from error
        log.info("%s: CTranslate2 not used (%s: %s); using transformers", ms.model, type(error).__name__, error)
    return TransformersEngine.load(model_dir, ms, settings)


def missing_notice(ms: ModelSettings, error: ModelUnavailable | None = None) -> Notice:
    """Why the model is not there: ``model_broken`` when its files would not load (corrupt
    weights, unknown architecture), ``model_folder_missing`` when the configured local folder is
    not there (nothing to download: the setting is wrong), else ``model_missing`` with how to
    download it or point tinbot at a folder."""
    if error is not None and error.reason == "load_failed":
        return Notice("model_broken", {"task": ms.task, "model": ms.model, "env": model_env_var(ms.task)})
    if error is not None and error.reason == "missing_folder":
        return Notice("model_folder_missing", {"task": ms.task, "model": ms.model, "env": model_env_var(ms.task)})
    return Notice("model_missing", {"task": ms.task, "model": ms.model,
                                    "command": model_download_command(ms), "env": model_env_var(ms.task)})


def loading_notice(ms: ModelSettings) -> Notice:
    return Notice("model_loading", {"task": ms.task, "model": ms.model})


def wait_for_engine(hub: ModelHub, task: str, text: str = "", engine: str = "",
                    poll_s: float = 0.5) -> Generator[TaskUpdate, None, Engine | None]:
    """``engine = yield from wait_for_engine(hub, task)``: the engine, or None when it is missing.

    While the model is not ready, it loads in a worker thread and this yields updates carrying
    the ``model_loading`` notice, then ``model_progress`` (download share, conversion step) as
    the loader reports it, with ``text``/``engine`` (the output shown so far): a first download
    takes minutes, and the chat must say why it waits.
    """
    if hub.state(task) not in ("unloaded", "loading"):
        return _engine_or_none(hub, task)
    reported: list[tuple[str, float | None]] = []
    outcome: dict = {}

    def load() -> None:
        try:
            outcome["engine"] = _engine_or_none(hub, task, progress=lambda label, share: reported.append((label, share)))
        except BaseException as error:  # re-raised in the caller's thread below
            outcome["error"] = error

    worker = threading.Thread(target=load, name=f"load-{task}", daemon=True)
    worker.start()
    notices = (loading_notice(hub.settings.model(task)),)
    yield TaskUpdate(text=text, engine=engine, notices=notices)
    shown = None
    while worker.is_alive():
        worker.join(poll_s)
        if reported and reported[-1] != shown:
            shown = reported[-1]
            yield TaskUpdate(text=text, engine=engine, notices=notices + (progress_notice(*shown),))
    if "error" in outcome:
        raise outcome["error"]
    return outcome["engine"]


def _engine_or_none(hub: ModelHub, task: str, progress: Progress | None = None) -> Engine | None:
    try:
        return hub.engine(task, progress=progress)
    except ModelUnavailable:
        return None


def progress_notice(step: str, share: float | None) -> Notice:
    percent = "…" if share is None else f"{round(100 * share)}%"
    return Notice("model_progress", {"step": step, "percent": percent})


def generation_config(ms: ModelSettings, scale: float = 1.0, streamed: bool = False) -> GenerationConfig:
    """Decoding settings from a task's model settings; ``scale`` stretches the output budget.

    ``streamed``: the output goes to the reader token by token, so when the task's ``stream``
    setting is on, decode greedily (engines can only stream greedy decoding).
    """
    max_new = max(1, round(ms.max_new_tokens * scale))
    beams = 1 if streamed and ms.stream else ms.num_beams
    return GenerationConfig(
        max_new_tokens=max_new, min_new_tokens=min(ms.min_new_tokens, max_new), num_beams=beams,
        no_repeat_ngram_size=ms.no_repeat_ngram_size, repetition_penalty=ms.repetition_penalty,
        length_penalty=ms.length_penalty,
    )
