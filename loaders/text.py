"""Kept for modules that still import the structure stage by its old name (loaders.tables)."""
from __future__ import annotations

from loaders.structure import Block, Section, Sentence, blocks_of, clean_view, sections_of, sentences_of

__all__ = ["Block", "Section", "Sentence", "blocks_of", "clean_view", "sections_of", "sentences_of"]
