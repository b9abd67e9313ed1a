"""Nashra: a static site generator for bilingual Arabic/English news digests."""

__version__ = "0.1.0"
