"""Every setting tinbot has, declared once as documented dataclasses.

Each field carries its documentation and its environment variable in ``metadata``; command-line
flags and the README table are derived from the same fields. Model defaults per task come from
``models/defaults.toml``; environment variables override them. Nothing is read at import time:
call ``Settings.from_env()`` and pass the object on explicitly.
"""
from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

TASKS = ("summarize", "translate", "answer")


def _doc(text: str, env: str | None = None) -> dict:
    return {"doc": text, "env": env}


class SettingsError(ValueError):
    """A setting has an impossible value; the message names the setting, the value and the fix."""


# What CTranslate2's converter accepts (ctranslate2.specs.model_spec.ACCEPTED_MODEL_TYPES), plus
# "auto" (tinbot picks by device). tinbot converts with the compute type it runs, so CTranslate2's
# runtime-only "default" (keep the converted type) cannot be used here.
COMPUTE_TYPES = ("auto", "int8", "int8_float32", "int8_float16", "int8_bfloat16", "int16", "float16", "bfloat16", "float32")


def _invalid(settings: Any, name: str, fix: str) -> SettingsError:
    """The error for one field of ``settings``: its name, its value, the fix and its environment variable."""
    env = next(f.metadata.get("env") for f in dataclasses.fields(settings) if f.name == name)
    return SettingsError(f"{name} = {getattr(settings, name)!r} is not valid: {fix}" + (f" ({env})" if env else ""))


@dataclass(frozen=True)
class ModelSettings:
    """How one task's model is loaded and run (one section of ``models/defaults.toml``)."""

    task: str = field(metadata=_doc("summarize, translate or answer"))
    model: str = field(metadata=_doc("Hugging Face hub id or a local folder"))
    revision: str | None = field(default=None, metadata=_doc("hub revision (branch, tag or commit) to pin"))
    languages: tuple[str, ...] = field(default=(), metadata=_doc("article languages the model was trained on (comma-separated); empty: any"))
    input_prefix: str = field(default="", metadata=_doc("prefix put before every input; may use {src} and {tgt}"))
    output_prefix: str = field(default="", metadata=_doc("prefix stripped from every output; may use {src} and {tgt}"))
    max_input_tokens: int = field(default=512, metadata=_doc("longest input, in model tokens; longer text is chunked"))
    max_new_tokens: int = field(default=256, metadata=_doc("longest output, in model tokens"))
    min_new_tokens: int = field(default=0, metadata=_doc("shortest output, in model tokens (benchmarks force lengths)"))
    num_beams: int = field(default=4, metadata=_doc("beam size; 1 is greedy decoding"))
    stream: bool = field(default=True, metadata=_doc("stream the reply token by token with greedy decoding (beam search cannot stream); false waits for beam search"))
    no_repeat_ngram_size: int = field(default=3, metadata=_doc("forbid repeating any n-gram of this size (0: off)"))
    repetition_penalty: float = field(default=1.0, metadata=_doc("penalty > 1 discourages repeated tokens"))
    length_penalty: float = field(default=1.0, metadata=_doc("beam length penalty; > 1 favours longer output"))
    batch_tokens: int = field(default=2048, metadata=_doc("token budget per batch when many inputs are generated"))
    engine: str = field(default="auto", metadata=_doc("auto, transformers or ctranslate2"))
    device: str = field(default="auto", metadata=_doc("auto (cuda when available), cpu or cuda"))
    dtype: str = field(default="auto", metadata=_doc("auto, float32, float16 or bfloat16 (transformers engine)"))
    compute_type: str = field(default="auto", metadata=_doc("CTranslate2 compute type: auto (int8 on CPU, int8_float16 on CUDA), int8, int8_float32, int8_float16, int8_bfloat16, int16, float16, bfloat16 or float32"))
    output_vocabulary: int = field(default=0, metadata=_doc("CTranslate2: score only the input's tokens plus this many most common ones at each step (0: the whole vocabulary); for outputs that copy their input"))

    def validate(self) -> "ModelSettings":
        checks = [
            (self.task in TASKS, "task", f"use one of {', '.join(TASKS)}"),
            (bool(self.model.strip()), "model", "give a hub id such as VietAI/envit5-translation or a folder"),
            (self.max_input_tokens > 8, "max_input_tokens", "use a value above 8"),
            (self.max_new_tokens > 0, "max_new_tokens", "use a positive value"),
            (0 <= self.min_new_tokens <= self.max_new_tokens, "min_new_tokens", "use 0..max_new_tokens"),
            (self.num_beams >= 1, "num_beams", "use 1 (greedy) or more"),
            (self.no_repeat_ngram_size >= 0, "no_repeat_ngram_size", "use 0 (off) or more"),
            (self.batch_tokens >= self.max_input_tokens, "batch_tokens", "use at least max_input_tokens"),
            (self.engine in ("auto", "transformers", "ctranslate2"), "engine", "use auto, transformers or ctranslate2"),
            (self.device in ("auto", "cpu", "cuda") or self.device.startswith("cuda:"), "device", "use auto, cpu or cuda"),
            (self.dtype in ("auto", "float32", "float16", "bfloat16"), "dtype", "use auto, float32, float16 or bfloat16"),
            (self.compute_type in COMPUTE_TYPES, "compute_type", f"use {', '.join(COMPUTE_TYPES)}"),
            (self.output_vocabulary >= 0, "output_vocabulary", "use 0 (whole vocabulary) or a token count such as 16384"),
        ]
        for ok, name, fix in checks:
            if not ok:
                raise SettingsError(f"{self.task}.{name} = {getattr(self, name)!r} is not valid: {fix}")
        return self

    def prefix_for(self, src: str, tgt: str) -> tuple[str, str]:
        """The input prefix to add and the output prefix to strip for one language pair."""
        return self.input_prefix.format(src=src, tgt=tgt), self.output_prefix.format(src=src, tgt=tgt)


@dataclass(frozen=True)
class Limits:
    """Explicit limits on what one request may ask for. ``None`` means no limit."""

    max_article_chars: int | None = field(default=100_000, metadata=_doc("longest article accepted; longer is truncated with a notice", "TINBOT_MAX_ARTICLE_CHARS"))
    max_article_sentences: int | None = field(default=1500, metadata=_doc("most sentences of an article that are used (summary, answers, translation); the rest is left out with a notice", "TINBOT_MAX_ARTICLE_SENTENCES"))
    max_message_chars: int | None = field(default=120_000, metadata=_doc("longest chat message (or API question) accepted; longer is refused with a message", "TINBOT_MAX_MESSAGE_CHARS"))
    max_upload_bytes: int | None = field(default=10_000_000, metadata=_doc("largest uploaded file", "TINBOT_MAX_UPLOAD_BYTES"))
    min_article_words: int = field(default=3, metadata=_doc("fewest words (of letters) that the Article box or an uploaded file must hold to be taken as an article; \"abc\" or an emoji is refused with a message", "TINBOT_MIN_ARTICLE_WORDS"))
    generation_timeout_s: float | None = field(default=300.0, metadata=_doc("stop a model's generation after this many seconds", "TINBOT_GENERATION_TIMEOUT_S"))
    max_summary_sentences: int = field(default=12, metadata=_doc("most sentences a summary may be asked for", "TINBOT_MAX_SUMMARY_SENTENCES"))
    allow_private_urls: bool = field(default=False, metadata=_doc("let links point to loopback/private/link-local addresses (an intranet news site); cloud metadata addresses stay refused", "TINBOT_ALLOW_PRIVATE_URLS"))
    fetch_timeout_s: float = field(default=10.0, metadata=_doc("time limit for fetching one link: connect, every read, and the whole download", "TINBOT_FETCH_TIMEOUT_S"))
    export_max_age_s: float = field(default=86_400.0, metadata=_doc("download files (summary/translation .md/.txt/.docx) older than this are deleted when new ones are written", "TINBOT_EXPORT_MAX_AGE_S"))

    def validate(self) -> "Limits":
        # A limit of 0 would refuse or cut everything: "none" is how a limit is turned off.
        checks = [
            (_positive_or_none(self.max_article_chars), "max_article_chars", "use a positive number of characters, or none for no limit"),
            (_positive_or_none(self.max_article_sentences), "max_article_sentences", "use 1 or more, or none for no limit"),
            (_positive_or_none(self.max_message_chars), "max_message_chars", "use a positive number of characters, or none for no limit"),
            (_positive_or_none(self.max_upload_bytes), "max_upload_bytes", "use a positive number of bytes, or none for no limit"),
            (_positive_or_none(self.generation_timeout_s), "generation_timeout_s", "use a positive number of seconds, or none for no limit"),
            (self.max_summary_sentences >= 1, "max_summary_sentences", "use 1 or more"),
            (self.min_article_words >= 1, "min_article_words", "use 1 or more"),
            (self.fetch_timeout_s > 0, "fetch_timeout_s", "use a positive number of seconds"),
            (self.export_max_age_s > 0, "export_max_age_s", "use a positive number of seconds"),
        ]
        for ok, name, fix in checks:
            if not ok:
                raise _invalid(self, name, fix)
        return self


def _positive_or_none(value: float | None) -> bool:
    return value is None or value > 0


@dataclass(frozen=True)
class Settings:
    """Process-wide settings: the three task models, the server, the limits."""

    summarize: ModelSettings
    translate: ModelSettings
    answer: ModelSettings
    limits: Limits = field(default_factory=Limits)
    host: str = field(default="127.0.0.1", metadata=_doc("address to bind; 0.0.0.0 exposes tinbot to the network", "TINBOT_HOST"))
    port: int = field(default=7860, metadata=_doc("port to listen on", "GRADIO_SERVER_PORT"))
    share: bool = field(default=False, metadata=_doc("create a public Gradio share link", "TINBOT_SHARE"))
    auth: str | None = field(default=None, metadata=_doc("user:password to require a login", "TINBOT_AUTH"))
    offline: bool = field(default=False, metadata=_doc("never touch the network; use cached or local models only", "HF_HUB_OFFLINE"))
    auto_download: bool = field(default=True, metadata=_doc("download a missing model on first use", "TINBOT_AUTO_DOWNLOAD"))
    preload: bool = field(default=True, metadata=_doc("when the server starts, load the models already on this machine in the background, so the first reply does not wait (never downloads)", "TINBOT_PRELOAD"))
    cache_dir: str | None = field(default=None, metadata=_doc("where downloaded and converted models are kept (default: the Hugging Face cache)", "TINBOT_CACHE_DIR"))
    threads: int | None = field(default=None, metadata=_doc("CPU threads for inference (default: all cores); with CTranslate2, the threads of one generation (intra_threads)", "TINBOT_THREADS"))
    inter_threads: int = field(default=1, metadata=_doc("CTranslate2: generations one model runs at the same time, each with `threads` threads; 1 suits a laptop, a server with many cores may raise it with TINBOT_CONCURRENCY", "TINBOT_INTER_THREADS"))
    concurrency: int = field(default=2, metadata=_doc("requests generated at the same time (one per core is sensible)", "TINBOT_CONCURRENCY"))
    queue_size: int = field(default=64, metadata=_doc("requests that may wait; more get a 'busy' reply", "TINBOT_QUEUE_SIZE"))
    remember_conversation: bool = field(default=True, metadata=_doc("keep the chat shown and the open article in the browser (its local storage, encrypted with a key this server makes at each start), so a page reload brings them back; off: a reload starts afresh", "TINBOT_REMEMBER_CONVERSATION"))
    log_excerpt_chars: int = field(default=80, metadata=_doc("at most this much article text goes into a log line", "TINBOT_LOG_EXCERPT_CHARS"))

    def login(self) -> tuple[str, str] | None:
        """The (user, password) pair a visitor must give, or None when no login is asked for."""
        if not self.auth:
            return None
        user, sep, password = self.auth.partition(":")
        if not (sep and user and password):
            raise SettingsError("auth must look like user:password (flag --auth or TINBOT_AUTH)")
        return user, password

    def validate(self) -> "Settings":
        checks = [
            (1 <= self.port <= 65535, "port", "use a port number from 1 to 65535"),
            (self.threads is None or self.threads >= 0, "threads", "use 1 or more, or none for all cores"),
            (self.inter_threads >= 1, "inter_threads", "use 1 or more"),
            (self.concurrency >= 1, "concurrency", "use 1 or more"),
            (self.queue_size >= 1, "queue_size", "use 1 or more"),
            (self.log_excerpt_chars >= 0, "log_excerpt_chars", "use 0 for no article text in the logs, or more"),
        ]
        for ok, name, fix in checks:
            if not ok:
                raise _invalid(self, name, fix)
        return self

    def model(self, task: str) -> ModelSettings:
        return getattr(self, task)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, config: str | Path | None = None, **overrides: Any) -> "Settings":
        """Defaults ← ``config`` TOML ← environment ← keyword overrides (latest wins)."""
        environ = os.environ if environ is None else environ
        tables = load_model_tables(config)
        models = {}
        for task in TASKS:
            values = {"task": task, **tables.get(task, {})}
            if isinstance(values.get("languages"), list):  # TOML arrays arrive as lists
                values["languages"] = tuple(values["languages"])
            values.update(_env_values(ModelSettings, environ, prefix=f"TINBOT_{task.upper()}_", only=model_keys()))
            values.update(overrides.pop(task, {}) or {})
            models[task] = ModelSettings(**values).validate()
        limits = Limits(**{**_env_values(Limits, environ), **(overrides.pop("limits", {}) or {})}).validate()
        top = _env_values(cls, environ)
        if "port" not in top and "TINBOT_PORT" in environ:  # an older name, still read
            port = next(f for f in dataclasses.fields(cls) if f.name == "port")
            top["port"] = _convert(port, environ["TINBOT_PORT"], "TINBOT_PORT")
        top.update(overrides)
        return cls(**models, limits=limits, **top).validate()

    def with_model(self, task: str, **changes: Any) -> "Settings":
        """A copy with one task's model settings changed."""
        return dataclasses.replace(self, **{task: dataclasses.replace(self.model(task), **changes).validate()})


def load_model_tables(config: str | Path | None = None) -> dict[str, dict]:
    """The task tables of ``models/defaults.toml``, updated by a user's TOML file if given."""
    text = resources.files("models").joinpath("defaults.toml").read_text(encoding="utf-8")
    tables = tomllib.loads(text)
    user = _read_config(Path(config)) if config else {}
    known = model_keys()
    for task, values in user.items():
        if task not in TASKS:
            raise SettingsError(f"[{task}] in the model settings is not a task: use {', '.join(TASKS)}")
        if not isinstance(values, dict):
            raise SettingsError(f"{task} in the model settings must be a table: write [{task}] and its keys below it")
        unknown = set(values) - set(known)
        if unknown:
            raise SettingsError(f"[{task}] has unknown keys {sorted(unknown)}; known keys: {sorted(known)}")
        for key, value in values.items():
            _check_toml_type(task, key, value)
        tables.setdefault(task, {}).update(values)
    return tables


def model_keys() -> list[str]:
    """The keys a user may set per task; ``task`` is not one: it is the table's name."""
    return [f.name for f in dataclasses.fields(ModelSettings) if f.name != "task"]


def _read_config(path: Path) -> dict:
    """A user's TOML file; a missing or malformed one is a settings error, named with the fix."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SettingsError(f"--config {path}: {error.strerror or error}; give a TOML file shaped like "
                            "models/defaults.toml") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingsError(f"--config {path} is not valid TOML ({error}); fix it, or compare it with "
                            "models/defaults.toml") from None


# TOML values arrive typed (the environment's are converted): a string where a number is wanted
# would only fail later, when the value is compared or used.
_TOML_TYPES = {"int": ((int,), "a whole number"), "float": ((int, float), "a number"), "bool": ((bool,), "true or false"),
               "str": ((str,), "a string in quotes"), "tuple": ((list,), "a list of strings such as [\"vi\"]")}


def _check_toml_type(task: str, key: str, value: Any) -> None:
    kind = str(next(f.type for f in dataclasses.fields(ModelSettings) if f.name == key))
    base = kind.split("[")[0].split(" ")[0]
    wanted, shown = _TOML_TYPES[base]
    ok = isinstance(value, wanted) and not (isinstance(value, bool) and base != "bool")
    if base == "tuple":
        ok = ok and all(isinstance(item, str) for item in value)
    if not ok:
        raise SettingsError(f"[{task}] {key} = {value!r} is not valid: use {shown}")


def _env_values(cls: type, environ: Mapping[str, str], prefix: str | None = None,
                only: list[str] | None = None) -> dict[str, Any]:
    """Read the fields of ``cls`` (those in ``only``, if given) from the environment, converted to each field's type."""
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if only is not None and f.name not in only:
            continue
        name = f"{prefix}{f.name.upper()}" if prefix else f.metadata.get("env")
        if not name or name not in environ:
            continue
        values[f.name] = _convert(f, environ[name], name)
    return values


def _convert(f: dataclasses.Field, raw: str, name: str) -> Any:
    kind = str(f.type)
    raw = raw.strip()
    if kind.startswith("tuple"):
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    if raw.lower() in ("", "none") and "None" in kind:
        return None
    try:
        if kind.startswith("bool"):
            if raw.lower() not in ("1", "true", "yes", "on", "0", "false", "no", "off"):
                raise ValueError(raw)
            return raw.lower() in ("1", "true", "yes", "on")
        if kind.startswith("int"):
            return int(raw)
        if kind.startswith("float"):
            return float(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a valid {kind.split(' ')[0]}") from None
    return raw
