"""Every command and every option of the command line is documented in docs/.

A command counts as documented when a page of docs/ names it as a whole command line
(`workshopkit translate export`); each of its options when one of those pages names the
option's long form (`--large-print`; `-V` style when it has no long form).
"""
from __future__ import annotations

import re
from pathlib import Path

import click

from conftest import ROOT
from workshopkit.cli import main

DOCS = ROOT / "docs"


def commands(group: click.Command, path: tuple[str, ...] = ()):
    yield path, group
    if isinstance(group, click.Group):
        for name, cmd in group.commands.items():
            yield from commands(cmd, path + (name,))


def names(option: click.Option) -> list[str]:
    every = option.opts + option.secondary_opts
    return [n for n in every if n.startswith("--")] or every


def mentions(text: str, word: str) -> bool:
    return re.search(re.escape(word) + r"(?![\w-])", text) is not None


def undocumented(group: click.Group, pages: dict[str, str]) -> list[str]:
    missing = []
    for path, cmd in commands(group):
        line = " ".join(("workshopkit",) + path)
        where = [text for text in pages.values() if mentions(text, line)]
        if not where:
            missing.append(f"command '{line}'")
            continue
        for option in cmd.params:
            if not isinstance(option, click.Option) or option.name == "help":
                continue
            for name in names(option):
                if not any(mentions(text, name) for text in where):
                    missing.append(f"option {name} of '{line}'")
    return missing


def read_docs() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.md"))}


def test_every_command_and_option_is_in_the_docs():
    assert undocumented(main, read_docs()) == []


def test_an_undocumented_command_or_option_is_found():
    @click.group()
    @click.option("--verbose")
    def tool():
        pass

    @tool.command()
    @click.option("-o", "--out")
    @click.option("--colour/--no-colour")
    @click.option("-x")
    def build():
        pass

    @tool.command()
    def sing():
        pass

    pages = {"a.md": "Run `workshopkit build --out DIR` or `workshopkit --verbose`; --colour",
             "b.md": "workshopkit builder --no-colour -x"}
    assert undocumented(tool, pages) == [
        "option --no-colour of 'workshopkit build'", "option -x of 'workshopkit build'",
        "command 'workshopkit sing'"]
