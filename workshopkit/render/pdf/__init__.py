"""Printable PDFs drawn with reportlab: worksheets, guide, video handout."""
