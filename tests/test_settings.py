import pytest

from bot.cli import build_parser, settings_from_args
from bot.settings import COMPUTE_TYPES, ModelSettings, Settings, SettingsError, load_model_tables


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
        ({"TINBOT_PORT": "abc"}, "TINBOT_PORT='abc' is not a valid int"),
        ({"GRADIO_SERVER_PORT": "70000"}, "port = 70000 is not valid: use a port number from 1 to 65535 (GRADIO_SERVER_PORT)"),
        ({"TINBOT_MAX_ARTICLE_CHARS": "-1"}, "max_article_chars = -1 is not valid: use a positive number of characters, or none for no limit (TINBOT_MAX_ARTICLE_CHARS)"),
        ({"TINBOT_MAX_ARTICLE_CHARS": "0"}, "max_article_chars = 0 is not valid"),
        ({"TINBOT_MAX_UPLOAD_BYTES": "0"}, "max_upload_bytes = 0 is not valid"),
        ({"TINBOT_MIN_ARTICLE_WORDS": "0"}, "min_article_words = 0 is not valid: use 1 or more (TINBOT_MIN_ARTICLE_WORDS)"),
        ({"TINBOT_CONCURRENCY": "0"}, "concurrency = 0 is not valid: use 1 or more (TINBOT_CONCURRENCY)"),
        ({"TINBOT_QUEUE_SIZE": "-1"}, "queue_size = -1 is not valid: use 1 or more (TINBOT_QUEUE_SIZE)"),
        ({"TINBOT_THREADS": "-3"}, "threads = -3 is not valid: use 1 or more, or none for all cores (TINBOT_THREADS)"),
        ({"TINBOT_INTER_THREADS": "0"}, "inter_threads = 0 is not valid: use 1 or more (TINBOT_INTER_THREADS)"),
        ({"TINBOT_GENERATION_TIMEOUT_S": "-5"}, "generation_timeout_s = -5.0 is not valid: use a positive number of seconds, or none for no limit (TINBOT_GENERATION_TIMEOUT_S)"),
        ({"TINBOT_FETCH_TIMEOUT_S": "0"}, "fetch_timeout_s = 0.0 is not valid"),
        ({"TINBOT_MAX_SUMMARY_SENTENCES": "0"}, "max_summary_sentences = 0 is not valid: use 1 or more (TINBOT_MAX_SUMMARY_SENTENCES)"),
        ({"TINBOT_LOG_EXCERPT_CHARS": "-1"}, "log_excerpt_chars = -1 is not valid: use 0 for no article text in the logs, or more (TINBOT_LOG_EXCERPT_CHARS)"),
        ({"TINBOT_SUMMARIZE_COMPUTE_TYPE": "bogus"}, "summarize.compute_type = 'bogus' is not valid: use auto, int8, int8_float32"),
        ({"TINBOT_ANSWER_COMPUTE_TYPE": "default"}, "answer.compute_type = 'default' is not valid"),   # runtime-only in CTranslate2
    ],
)
def test_bad_values_are_refused_with_the_setting_named(env, message):
    with pytest.raises(SettingsError) as error:
        Settings.from_env(env)
    assert message in str(error.value)


@pytest.mark.parametrize(
    "env",
    [{"TINBOT_LOG_EXCERPT_CHARS": "0"},                  # no article text in the logs
     {"TINBOT_THREADS": "0"}, {"TINBOT_THREADS": "none"},  # all cores
     {"TINBOT_MAX_ARTICLE_CHARS": "none", "TINBOT_GENERATION_TIMEOUT_S": "none"},   # no limit
     {"TINBOT_SUMMARIZE_COMPUTE_TYPE": "int8_bfloat16"}, {"TINBOT_SUMMARIZE_COMPUTE_TYPE": "auto"}],
)
def test_possible_edge_values_are_accepted(env):
    Settings.from_env(env)


def test_compute_types_are_those_ctranslate2_converts_to_plus_auto():
    from ctranslate2.specs.model_spec import ACCEPTED_MODEL_TYPES

    assert set(COMPUTE_TYPES) == {"auto", *ACCEPTED_MODEL_TYPES}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[summarize\n", "is not valid TOML (Expected ']'"),
        ("summarize = 3\n", "summarize in the model settings must be a table: write [summarize]"),
        ("[summarize]\nnum_beams = \"4\"\n", "[summarize] num_beams = '4' is not valid: use a whole number"),
        ("[summarize]\nlanguages = \"vi\"\n", "[summarize] languages = 'vi' is not valid: use a list of strings"),
        ("[summarize]\nstream = 1\n", "[summarize] stream = 1 is not valid: use true or false"),
        ("[dich]\nmodel = \"x\"\n", "[dich] in the model settings is not a task"),
    ],
)
def test_a_malformed_config_file_is_a_settings_error(tmp_path, text, message):
    path = tmp_path / "models.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as error:
        Settings.from_env({}, config=path)
    assert message in str(error.value)


def test_a_missing_config_file_is_a_settings_error(tmp_path):
    with pytest.raises(SettingsError, match=f"--config {tmp_path / 'nope.toml'}: .*give a TOML file shaped like models/defaults.toml"):
        Settings.from_env({}, config=tmp_path / "nope.toml")
    with pytest.raises(SettingsError, match="give a TOML file"):   # a folder is no file either
        Settings.from_env({}, config=tmp_path)


def test_task_is_not_a_user_setting(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[summarize]\ntask = "answer"\n')
    with pytest.raises(SettingsError) as error:
        load_model_tables(bad)
    assert "unknown keys ['task']" in str(error.value)
    assert "'task'" not in str(error.value).split("known keys:")[1]
    assert Settings.from_env({"TINBOT_SUMMARIZE_TASK": "answer"}).summarize.task == "summarize"


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
