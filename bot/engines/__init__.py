"""Engines turn model inputs into model outputs. See ``bot.engines.base`` for the protocol."""
