"""Loading: YAML files to located nodes, checked against the one spec of the format.

Everything read from a project (curricula, catalogues, PO files, the theme, the
template, images, ``workshopkit.yaml``) is read here, once, and turned into the
typed model and its settings.  Nothing after this stage opens an input file.
"""
