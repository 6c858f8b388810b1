"""Building: targets, the staleness record, atomic writes, kits and watching.

This package is the only code that writes files.
"""
