"""Helpers every stage uses on text: Arabic normalisation and sentences (`arabic`), words
with their matching keys (`tokens`), TOML with line numbers (`tomltext`), given names
(`names`) and Latin names for Arabic ones (`romanize`)."""
