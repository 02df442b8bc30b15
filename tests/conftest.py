"""Session fixtures: the tiny real models of ``tests/tiny_models.py`` and settings that use them.

Training the copy model takes a few seconds of CPU, so it is built once and kept in pytest's
cache folder (``.pytest_cache``), keyed by the builder's source and the library versions; a
changed builder or an upgraded transformers builds a fresh one. Models are only ever loaded
by path through ``Settings`` and ``ModelHub``, as the app loads them.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from pathlib import Path

import pytest

import tiny_models  # tests/ is on sys.path: pytest puts a conftest's folder there
from tiny_models import tiny_settings

from bot.engines.hub import ModelHub
from bot.service import Tinbot
from bot.settings import Settings


def _cache_key() -> str:
    """Changes when the builder, its text or the libraries change; not for test-only helpers."""
    import inspect

    import tokenizers
    import torch
    import transformers

    parts = [inspect.getsource(f) for f in (tiny_models.build_copy_model, tiny_models._train_copy,
                                            tiny_models._pairs, tiny_models.build_tokenizer)]
    parts += [repr(tiny_models.corpus()), repr(tiny_models._learnt_pairs()), torch.__version__, transformers.__version__, tokenizers.__version__]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


@pytest.fixture(scope="session")
def copy_model_dir(request, tmp_path_factory) -> Path:
    """A trained tiny T5 copy model folder (config, safetensors, spiece.model); see tiny_models."""
    cache = getattr(request.config, "cache", None)
    root = Path(cache.mkdir("tiny-models")) if cache is not None else tmp_path_factory.mktemp("tiny-models")
    final = root / f"copy-{_cache_key()}"
    if not (final / "config.json").is_file():
        # Build aside and rename: parallel sessions never see a half-written folder.
        scratch = root / f"building-{uuid.uuid4().hex}"
        tiny_models.build_copy_model(scratch)
        try:
            os.rename(scratch, final)
        except OSError:  # another session finished first; its model is as good
            shutil.rmtree(scratch, ignore_errors=True)
    return final


@pytest.fixture(scope="session")
def tiny_hub(copy_model_dir) -> ModelHub:
    """One hub for the session with every task on the copy model (loaded once, shared)."""
    return ModelHub(tiny_settings(copy_model_dir))


@pytest.fixture
def empty_hub() -> ModelHub:
    """A hub whose every model folder is missing: the fallback paths."""
    return ModelHub(tiny_settings(None))


@pytest.fixture(scope="module")
def offline_bot(tmp_path_factory) -> Tinbot:
    """tinbot as a user without any model gets it: offline, an empty model cache (extraction)."""
    return Tinbot(Settings.from_env({}, offline=True, cache_dir=str(tmp_path_factory.mktemp("hf-cache"))))
