"""Rendering: pure functions from a plan (or the model) to the bytes of one file.

Writers never open files, read the environment or the clock: everything they draw
comes from the model and the settings resolved when the project was loaded.
"""
