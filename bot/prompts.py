"""Texts and prompt formats from ``prompts/*.toml``, rendered with named fields.

Every reply the user reads and every prompt a model reads lives in ``prompts/`` (one table per
language), so wording changes never touch code. ``render`` fails loudly on a missing or an
unused field: a prompt silently missing its question is a bug no output would reveal.
"""
from __future__ import annotations

import string
import tomllib
from functools import lru_cache
from importlib import resources

LANGUAGES = ("vi", "en")


class PromptError(KeyError):
    pass


@lru_cache(maxsize=None)
def _table(name: str) -> dict[str, dict[str, str]]:
    text = resources.files("prompts").joinpath(f"{name}.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    missing = {lang: sorted(set(table[LANGUAGES[0]]) ^ set(table.get(lang, {}))) for lang in LANGUAGES}
    if any(missing.values()):
        raise PromptError(f"prompts/{name}.toml: keys differ between languages: {missing}")
    return table


def fields_of(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def render(name: str, key: str, language: str, /, **values: object) -> str:
    """The text ``key`` of ``prompts/<name>.toml`` in ``language``, with ``values`` filled in."""
    language = language if language in LANGUAGES else "en"
    try:
        template = _table(name)[language][key]
    except KeyError:
        raise PromptError(f"prompts/{name}.toml has no [{language}] {key}") from None
    wanted = fields_of(template)
    if wanted != set(values):
        raise PromptError(
            f"prompts/{name}.toml [{language}] {key}: needs fields {sorted(wanted)}, got {sorted(values)}"
        )
    return template.format(**values)


# Fields that count something: when one is 1, a reply's ``<key>_one`` text (if it has one) says
# it in the singular, without the field ("The article has only one paragraph", not "1 paragraphs").
SINGULAR_FIELDS = ("count", "words")


def reply(key: str, language: str, /, **values: object) -> str:
    """A reply text for the user (``prompts/replies.toml``); a whole number from 10,000 up is
    written with the language's thousands separator ("120.000 ký tự", "120,000 characters"),
    and a count of one picks the text's singular form (``SINGULAR_FIELDS``)."""
    counted = next((f for f in SINGULAR_FIELDS if values.get(f) == 1 and not isinstance(values[f], bool)), None)
    if counted and f"{key}_one" in keys("replies"):
        key, values = f"{key}_one", {name: value for name, value in values.items() if name != counted}
    grouped = {name: _grouped(value, language) for name, value in values.items()}
    return render("replies", key, language, **grouped)


def _grouped(value: object, language: str) -> object:
    if not isinstance(value, int) or isinstance(value, bool) or abs(value) < 10_000:
        return value  # a year, a count of sentences, a paragraph's number: as they are
    text = f"{value:,}"
    return text.replace(",", ".") if language == "vi" else text


def keys(name: str) -> set[str]:
    return set(_table(name)[LANGUAGES[0]])
