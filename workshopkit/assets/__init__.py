"""Files the package ships: the bundled fonts (fonts/, DejaVu Sans with its licence)."""
