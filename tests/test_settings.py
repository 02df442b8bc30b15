import pytest

from bot.cli import build_parser, settings_from_args
from bot.settings import ModelSettings, Settings, SettingsError, load_model_tables


def test_defaults_come_from_the_model_registry():
    settings = Settings.from_env({})
    assert settings.summarize.model == "VietAI/vit5-base-vietnews-summarization"
    assert settings.translate.model == "VietAI/envit5-translation"
    assert settings.answer.model == "bigscience/mt0-base"
    assert settings.translate.prefix_for("vi", "en") == ("vi: ", "en: ")
    assert settings.summarize.prefix_for("vi", "vi") == ("", "")
    assert settings.host == "127.0.0.1" and settings.share is False and settings.auth is None


def test_environment_overrides_each_task_with_typed_values():
    env = {
        "TINBOT_TRANSLATE_MODEL": "/models/envit5",
        "TINBOT_SUMMARIZE_NUM_BEAMS": "2",
        "TINBOT_ANSWER_REPETITION_PENALTY": "1.3",
        "HF_HUB_OFFLINE": "1",
        "GRADIO_SERVER_PORT": "9100",
        "TINBOT_MAX_ARTICLE_CHARS": "none",
    }
    settings = Settings.from_env(env)
    assert settings.translate.model == "/models/envit5"
    assert settings.summarize.num_beams == 2
    assert settings.answer.repetition_penalty == 1.3
    assert settings.offline is True
    assert settings.port == 9100
    assert settings.limits.max_article_chars is None


@pytest.mark.parametrize(
    "env, message",
    [
        ({"TINBOT_SUMMARIZE_NUM_BEAMS": "four"}, "TINBOT_SUMMARIZE_NUM_BEAMS='four' is not a valid int"),
        ({"TINBOT_SUMMARIZE_NUM_BEAMS": "0"}, "summarize.num_beams = 0 is not valid: use 1 (greedy) or more"),
        ({"TINBOT_TRANSLATE_ENGINE": "onnx"}, "translate.engine = 'onnx' is not valid"),
        ({"TINBOT_SHARE": "maybe"}, "TINBOT_SHARE='maybe' is not a valid bool"),
    ],
)
def test_bad_values_are_refused_with_the_setting_named(env, message):
    with pytest.raises(SettingsError) as error:
        Settings.from_env(env)
    assert message in str(error.value)


def test_user_config_file_overrides_and_unknown_keys_are_refused(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text('[summarize]\nmodel = "VietAI/vit5-large-vietnews-summarization"\ninput_prefix = "vietnews: "\n')
    settings = Settings.from_env({}, config=good)
    assert settings.summarize.input_prefix == "vietnews: "
    assert settings.summarize.max_input_tokens == 1024  # untouched keys keep their defaults

    bad = tmp_path / "bad.toml"
    bad.write_text("[summarize]\nbeams = 2\n")
    with pytest.raises(SettingsError, match="unknown keys \\['beams'\\]"):
        load_model_tables(bad)


def test_with_model_changes_one_task_only():
    settings = Settings.from_env({}).with_model("answer", model="/tmp/tiny", num_beams=1)
    assert settings.answer.model == "/tmp/tiny" and settings.answer.num_beams == 1
    assert settings.summarize.model == "VietAI/vit5-base-vietnews-summarization"
    with pytest.raises(SettingsError):
        ModelSettings(task="answer", model="x", max_new_tokens=0).validate()


def test_serve_flags_map_onto_settings():
    argv = ["serve", "--port", "9001", "--host", "0.0.0.0", "--translate-model", "/m/t", "--offline", "--share"]
    settings = settings_from_args(build_parser().parse_args(argv))
    assert (settings.port, settings.host, settings.offline, settings.share) == (9001, "0.0.0.0", True, True)
    assert settings.translate.model == "/m/t"


@pytest.mark.parametrize("auth, expected", [(None, None), ("ana:s3cret:x", ("ana", "s3cret:x"))])
def test_login_pair(auth, expected):
    assert Settings.from_env({}, auth=auth).login() == expected


@pytest.mark.parametrize("auth", ["ana", "ana:", ":pw"])
def test_malformed_login_is_refused(auth):
    with pytest.raises(SettingsError, match="user:password"):
        Settings.from_env({"TINBOT_AUTH": auth}).login()


@pytest.mark.parametrize("stream, streamed, beams", [(True, True, 1), (True, False, 4), (False, True, 4)])
def test_streamed_output_decodes_greedily_only_when_the_task_streams(stream, streamed, beams):
    from bot.engines.hub import generation_config

    ms = Settings.from_env({"TINBOT_SUMMARIZE_STREAM": str(stream)}).summarize
    config = generation_config(ms, scale=0.5, streamed=streamed)
    assert config.num_beams == beams
    assert config.max_new_tokens == ms.max_new_tokens // 2
