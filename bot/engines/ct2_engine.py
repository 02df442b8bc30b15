"""The fast engine: a seq2seq model run by CTranslate2 (int8 on CPU, int8_float16 on CUDA).

The Hugging Face folder is converted once, on first load, into a CTranslate2 folder kept in the
cache (``<cache_dir>/ct2/`` or ``~/.cache/tinbot/ct2/``); later loads reuse it. Tokenization stays
with the model's own Hugging Face tokenizer, so inputs and outputs match the transformers engine
token for token. Only T5/mT5, MBart and Marian folders are converted; anything else raises
``ValueError`` and the hub falls back to the transformers engine.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import threading
import time
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from bot.engines.base import GenerationConfig
from bot.engines.loader import Progress
from bot.engines.vocab_map import VocabularyMap, ensure_vocabulary_map
from bot.settings import ModelSettings, Settings

# config.json "model_type" values whose CTranslate2 conversion tinbot has checked against the
# transformers engine (tests/test_ct2_engine.py); other seq2seq models stay on transformers.
SUPPORTED_MODEL_TYPES = frozenset({"t5", "mt5", "mbart", "marian"})

# Files whose content decides the converted model: the weights, the config and the vocabulary
# (CTranslate2 stores its own copy of the vocabulary in the converted folder).
_FINGERPRINT_FILES = (
    "config.json", "generation_config.json", "spiece.model", "sentencepiece.bpe.model",
    "source.spm", "target.spm", "vocab.json", "tokenizer.json", "tokenizer_config.json",
    "special_tokens_map.json",
)
_WEIGHT_SUFFIXES = (".safetensors", ".bin")


def model_type(model_dir: Path) -> str | None:
    """The ``model_type`` of a Hugging Face folder's config.json, or None if unreadable."""
    try:
        return json.loads((Path(model_dir) / "config.json").read_text(encoding="utf-8")).get("model_type")
    except (OSError, ValueError):
        return None


def supports(model_dir: Path) -> bool:
    """Whether ``model_dir`` holds a model this engine can convert and run."""
    return model_type(model_dir) in SUPPORTED_MODEL_TYPES


def resolve_device(ms: ModelSettings) -> tuple[str, int]:
    """("cpu" | "cuda", device index) for ``ms.device``; "auto" means cuda when one is visible."""
    import ctranslate2

    if ms.device == "auto":
        return ("cuda", 0) if ctranslate2.get_cuda_device_count() > 0 else ("cpu", 0)
    if ms.device.startswith("cuda:"):
        return "cuda", int(ms.device.split(":", 1)[1])
    return ms.device, 0


def resolve_compute_type(ms: ModelSettings, device: str) -> str:
    """The CTranslate2 compute type: an explicit ``ms.compute_type`` wins, "auto" picks by device.

    int8 weights keep the CPU fast and small (4× less memory than float32, the int8 GEMM is the
    fastest path on x86); on CUDA int8 weights with float16 activations do the same.
    """
    import ctranslate2

    if ms.compute_type != "auto":
        return ms.compute_type
    supported = ctranslate2.get_supported_compute_types(device)
    preferred = ("int8_float16", "float16", "int8", "float32") if device == "cuda" else ("int8", "float32")
    return next(c for c in preferred if c in supported)


def usable_cores() -> int:
    """Cores this process may run on (a container or ``taskset`` may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def cache_root(settings: Settings) -> Path:
    """Where converted models live: ``<cache_dir>/ct2`` or ``~/.cache/tinbot/ct2``."""
    if settings.cache_dir:
        return Path(settings.cache_dir).expanduser() / "ct2"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "tinbot" / "ct2"


def fingerprint(model_dir: Path) -> str:
    """A short hash of what the converted model depends on: file names, sizes and mtimes.

    Cheap (no weights are read) and changes whenever the folder's weights, config or vocabulary
    change, so an edited local folder is converted again instead of silently reusing stale output.
    """
    import ctranslate2

    digest = hashlib.sha256(f"ctranslate2 {ctranslate2.__version__}".encode())
    for path in sorted(Path(model_dir).iterdir()):
        if path.name in _FINGERPRINT_FILES or path.name.endswith(_WEIGHT_SUFFIXES):
            stat = path.stat()  # follows the hub cache's symlinks to the blobs
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def converted_dir(model_dir: Path, ms: ModelSettings, settings: Settings, compute_type: str) -> Path:
    """The cache folder for one model, revision and compute type (it may not exist yet)."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "--", ms.model.strip("/")).strip("-.")[-80:] or "model"
    revision = re.sub(r"[^A-Za-z0-9._-]+", "-", ms.revision or "local")[:40]
    return cache_root(settings) / f"{slug}@{revision}-{fingerprint(model_dir)}-{compute_type}"


_convert_lock = threading.Lock()  # one conversion at a time per process: each loads a full fp32 model


def ensure_converted(model_dir: Path, ms: ModelSettings, settings: Settings, compute_type: str,
                     progress: Progress | None = None) -> Path:
    """The converted CTranslate2 folder for ``model_dir``, converting it on first use.

    Conversion writes into a private temporary folder beside the target and renames it into
    place: a rename is atomic, so a concurrent process sees either no folder or a complete one,
    and when two processes race the loser discards its copy and uses the winner's.
    """
    target = converted_dir(model_dir, ms, settings, compute_type)
    if (target / "model.bin").is_file():
        return target
    kind = model_type(model_dir)
    if kind not in SUPPORTED_MODEL_TYPES:
        raise ValueError(f"CTranslate2 engine does not support model_type {kind!r} of {model_dir} "
                         f"(supported: {', '.join(sorted(SUPPORTED_MODEL_TYPES))})")
    with _convert_lock:
        if (target / "model.bin").is_file():
            return target
        _notify(progress, f"Converting {ms.model} to CTranslate2 ({compute_type}), once; later starts reuse it")
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = target.parent / f".tmp-{target.name}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        try:
            _convert(model_dir, scratch, compute_type)
            try:
                os.rename(scratch, target)
            except OSError:
                if not (target / "model.bin").is_file():
                    raise
                # another process finished first; its folder is complete, ours is redundant
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        _notify(progress, f"Converted {ms.model} to CTranslate2 ({compute_type})")
    return target


def _convert(model_dir: Path, out_dir: Path, compute_type: str) -> None:
    from ctranslate2.converters import TransformersConverter

    class Converter(TransformersConverter):
        def load_model(self, model_class, model_name_or_path, **kwargs):
            model = super().load_model(model_class, model_name_or_path, **kwargs)
            # transformers 5 forces T5's config.tie_word_embeddings to True and keeps the real
            # meaning in scale_decoder_outputs (False for untied T5 v1.1 / mT5: envit5, mt0).
            # CTranslate2 4.8 still reads tie_word_embeddings to decide whether to scale the
            # decoder output by d_model**-0.5; left as is, untied models get flattened logits
            # and beam search diverges from transformers (tests/test_ct2_engine.py checks it).
            scale = getattr(model.config, "scale_decoder_outputs", None)
            if scale is not None:
                model.config.tie_word_embeddings = scale
            return model

    Converter(str(model_dir)).convert(str(out_dir), quantization=compute_type)


def _notify(progress: Progress | None, message: str) -> None:
    if progress is not None:
        progress(message, None)  # a conversion has no measurable fraction


@dataclass
class CT2Engine:
    """A converted seq2seq model and its tokenizer; ``ctranslate2.Translator`` is thread-safe.

    Same surface as ``TransformersEngine``: outputs are NFC and stripped, ``cancel`` (an event,
    e.g. the stop button) and ``timeout_s`` (``Limits.generation_timeout_s``) end a generation.
    """

    name: str
    max_input_tokens: int
    translator: Any
    tokenizer: Any
    batch_tokens: int
    target_prefix: tuple[str, ...] = ()
    timeout_s: float | None = None
    vmap: VocabularyMap | None = None   # score only its candidates (``ModelSettings.output_vocabulary``)
    stream_vmap: bool = False           # streaming reads per-step ids through ``vmap`` (checked on load)
    # encode in turn: a fast tokenizer resets its shared truncation state on every call (see
    # TransformersEngine), so concurrent requests could otherwise get each other's settings
    _tokenizer_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @classmethod
    def load(cls, model_dir: Path, ms: ModelSettings, settings: Settings,
             progress: Progress | None = None) -> "CT2Engine":
        import ctranslate2
        from transformers import AutoTokenizer

        from bot.engines.transformers_engine import model_label

        model_dir = Path(model_dir)
        if not supports(model_dir):
            raise ValueError(f"CTranslate2 engine does not support model_type {model_type(model_dir)!r} "
                             f"of {model_dir} (supported: {', '.join(sorted(SUPPORTED_MODEL_TYPES))})")
        device, index = resolve_device(ms)
        compute_type = resolve_compute_type(ms, device)
        path = ensure_converted(model_dir, ms, settings, compute_type, progress)
        vmap = ensure_vocabulary_map(path, ms.output_vocabulary)  # read when the Translator opens
        translator = ctranslate2.Translator(
            str(path), device=device, device_index=index, compute_type=compute_type,
            # by default one translation at a time using every core: a chat waits on one reply,
            # and batched sentences already fill the cores better than parallel translations would
            inter_threads=settings.inter_threads, intra_threads=settings.threads or usable_cores(),
        )
        tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
        engine = cls(
            name=f"{model_label(ms.model)} · ctranslate2 {compute_type} · {device}",
            max_input_tokens=ms.max_input_tokens, translator=translator, tokenizer=tokenizer,
            batch_tokens=ms.batch_tokens, target_prefix=_forced_prefix(model_dir, tokenizer),
            timeout_s=settings.limits.generation_timeout_s, vmap=vmap,
        )
        # CUDA libraries are only opened on the first run: try one token now, so a broken GPU
        # setup fails the load (and the hub falls back to transformers) instead of every reply
        engine.generate(["."], GenerationConfig(max_new_tokens=1, num_beams=1))
        if vmap is not None:
            engine.stream_vmap = engine._streams_like_batch()
        return engine

    def count_tokens(self, text: str) -> int:
        with self._tokenizer_lock:
            return len(self.tokenizer.encode(text))

    def generate(self, texts: list[str], config: GenerationConfig,
                 cancel: threading.Event | None = None) -> list[str]:
        """One output per input, in order. Beam search cannot be interrupted (CTranslate2 only
        calls back per token when greedy), so ``cancel`` and the timeout stop greedy runs only."""
        if not texts:
            return []
        stop = self._stopper(cancel)
        results = self.translator.translate_batch(
            [self._source(t) for t in texts], self._prefixes(len(texts)),
            # a token budget per batch: CTranslate2 sorts the inputs by length and cuts batches
            # of at most this many tokens, so little compute is spent on padding
            max_batch_size=self.batch_tokens, batch_type="tokens",
            beam_size=config.num_beams, length_penalty=config.length_penalty,
            callback=(lambda step: stop()) if config.num_beams == 1 else None, **self._decoding(config),
        )
        return [self._decode_ids(self.tokenizer.convert_tokens_to_ids(r.hypotheses[0])) for r in results]

    def stream(self, text: str, config: GenerationConfig,
               cancel: threading.Event | None = None) -> Iterator[str]:
        """Yield the output so far, token by token; closing the generator stops the model.

        CTranslate2 streams greedy decoding only: beam search knows its best hypothesis at the
        end. So with ``num_beams > 1`` the whole output comes in one yield, as with the
        transformers engine; the tasks ask for greedy decoding when the reply should stream.
        """
        if config.num_beams > 1:
            yield self.generate([text], config, cancel)[0]
            return
        yield from self._stream_greedy(text, config, cancel, through_vmap=self.stream_vmap)

    def _stream_greedy(self, text: str, config: GenerationConfig, cancel: threading.Event | None,
                       through_vmap: bool) -> Iterator[str]:
        """``stream`` for greedy decoding; ``through_vmap``: decode with the vocabulary map and
        read CTranslate2's per-step ids as positions among its candidates."""
        prefix = self._prefixes(1)
        stop = self._stopper(cancel)
        ids: list[int] = []
        shown = None
        source = self._source(text)
        candidates = self.vmap.candidates(source, self.target_prefix) if through_vmap else None
        steps = self.translator.generate_tokens(source, prefix[0] if prefix else None,
                                                **self._decoding(config, use_vmap=candidates is not None))
        try:
            for step in steps:
                ids.append(candidates[step.token_id] if candidates else step.token_id)
                so_far = self._decode_ids(ids)
                # a byte-fallback character split over tokens decodes to U+FFFD until complete
                if so_far and so_far != shown and not so_far.endswith("\ufffd"):
                    shown = so_far
                    yield so_far
                if stop():
                    break
        finally:
            steps.close()  # tells CTranslate2 to stop decoding (also when our consumer left)
        final = self._decode_ids(ids)
        if final != shown:
            yield final

    def _stopper(self, cancel: threading.Event | None):
        deadline = time.monotonic() + self.timeout_s if self.timeout_s else None
        return lambda: bool((cancel is not None and cancel.is_set())
                            or (deadline is not None and time.monotonic() > deadline))

    def _source(self, text: str) -> list[str]:
        with self._tokenizer_lock:
            ids = self.tokenizer.encode(text, truncation=True, max_length=self.max_input_tokens)
        return self.tokenizer.convert_ids_to_tokens(ids)

    def _prefixes(self, n: int) -> list[list[str]] | None:
        return [list(self.target_prefix)] * n if self.target_prefix else None

    def _decode_ids(self, ids: list[int]) -> str:
        text = self.tokenizer.decode(ids, skip_special_tokens=True)
        return unicodedata.normalize("NFC", text).strip()  # as TransformersEngine: NFC, no edge spaces

    def _streams_like_batch(self) -> bool:
        """Whether streaming through the vocabulary map gives the tokens batch decoding gives.

        Guards the reading of CTranslate2's per-step ids (``VocabularyMap``): if a CTranslate2
        release changes it, streaming goes on without the map instead of showing wrong words.
        """
        probe, config = "Hà Nội, 25/11: tin 1.000 người.", GenerationConfig(max_new_tokens=8, num_beams=1, no_repeat_ngram_size=0)
        streamed = list(self._stream_greedy(probe, config, None, through_vmap=True))
        return bool(streamed) and streamed[-1] == self.generate([probe], config)[0]

    def _decoding(self, config: GenerationConfig, use_vmap: bool | None = None) -> dict:
        """Decoding options shared by ``translate_batch`` and ``generate_tokens``."""
        return dict(
            max_decoding_length=config.max_new_tokens,
            min_decoding_length=config.min_new_tokens,
            no_repeat_ngram_size=config.no_repeat_ngram_size,
            repetition_penalty=config.repetition_penalty,
            max_input_length=0,  # inputs are already cut to max_input_tokens when tokenized
            use_vmap=self.vmap is not None if use_vmap is None else use_vmap,
        )


def _forced_prefix(model_dir: Path, tokenizer: Any) -> tuple[str, ...]:
    """The target-language token an MBart-50 style model must start with (``forced_bos_token_id``).

    transformers forces it through the generation config; CTranslate2 takes it as a target prefix.
    """
    try:
        gen = json.loads((model_dir / "generation_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    forced = gen.get("forced_bos_token_id")
    return (tokenizer.convert_ids_to_tokens(forced),) if forced is not None else ()
