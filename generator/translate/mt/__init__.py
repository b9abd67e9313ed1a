"""Offline machine translation into the memory: what needs it (`fill`), names and terms
kept out of the model's reach (`protect`), the `Translator` protocol (`engine`) and the
Argos/CTranslate2 backend (`argos`), whose native libraries load only when a model runs."""
