"""Machine translation: the Translator protocol and the Argos Translate backend."""

from generator.translate.argos import ArgosOptions, ArgosTranslator, find_package
from generator.translate.engine import ModelNotFound, Translator

__all__ = ["ArgosOptions", "ArgosTranslator", "ModelNotFound", "Translator", "find_package"]
