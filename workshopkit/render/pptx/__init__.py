"""The slide deck as Office Open XML (.pptx)."""
