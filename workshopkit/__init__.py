"""workshopkit: popular-education curricula in YAML, compiled to decks, worksheets,
facilitator guides, QR video handouts and printable kits."""

__version__ = "0.1.0"
