"""The web editions: one self-contained HTML file per language (or bilingual pair)."""
