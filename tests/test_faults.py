"""Broken models: corrupt weights and a model of the wrong kind are reported clearly, the reply
falls back where it can, and the next request still works."""
import shutil

import pytest
from tiny_models import tiny_settings

from bot.chat import ChatSession, respond
from bot.engines.base import ModelUnavailable
from bot.engines.hub import ModelHub
from bot.service import Tinbot
from tests.helpers import fixture_article


@pytest.fixture
def corrupt_model(copy_model_dir, tmp_path):
    folder = tmp_path / "corrupt"
    shutil.copytree(copy_model_dir, folder)
    (folder / "model.safetensors").write_bytes(b"\x00not a safetensors file" * 100)
    return folder


@pytest.fixture
def wrong_kind_model(tmp_path):
    from transformers import BertConfig, BertModel

    folder = tmp_path / "bert"
    config = BertConfig(vocab_size=64, hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32)
    BertModel(config).save_pretrained(folder)  # an encoder only: no seq2seq head to generate with
    return folder


@pytest.mark.parametrize("broken", ["corrupt_model", "wrong_kind_model"])
def test_a_model_that_will_not_load_is_reported_as_broken(broken, request, caplog):
    folder = request.getfixturevalue(broken)
    hub = ModelHub(tiny_settings(folder, tasks=("summarize",)))
    with pytest.raises(ModelUnavailable) as error:
        hub.engine("summarize")
    assert error.value.reason == "load_failed"
    assert hub.state("summarize") == "missing"
    assert str(folder) in caplog.text  # the log says which folder failed

    bot = Tinbot(hub.settings, hub=hub)
    session = ChatSession()
    for _, session in respond(fixture_article("vi-clutter"), session, bot):
        pass
    for text, session in respond("tóm tắt", session, bot):
        pass
    assert "Không nạp được mô hình tóm tắt" in text and "TINBOT_SUMMARIZE_MODEL" in text
    assert "UBND TP. Đà Nẵng tổ chức lễ khởi công" in text  # the extractive summary still answers
    for text, session in respond("Tổng vốn đầu tư bao nhiêu?", session, bot):
        pass
    assert "2.300 tỷ đồng" in text  # the next request works
