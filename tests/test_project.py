"""The project folder and the curriculum files a command finds in it."""
from __future__ import annotations

import os
from pathlib import Path

from workshopkit.source.project import display, find_root, find_sources


def test_root_is_the_nearest_folder_with_a_config_or_curricula(tmp_path):
    (tmp_path / "workshopkit.yaml").write_text("paper: a4\n")
    deep = tmp_path / "curricula" / "unit"
    deep.mkdir(parents=True)
    (deep / "a.yaml").write_text("")
    assert find_root(deep / "a.yaml") == tmp_path.resolve()


def test_search_stops_at_the_repository_root(tmp_path):
    (tmp_path / "workshopkit.yaml").write_text("")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sub").mkdir()
    (repo / "sub" / "a.yaml").write_text("")
    assert find_root(repo / "sub" / "a.yaml") == (repo / "sub").resolve()


def test_sources_skip_catalogues_hidden_folders_and_the_config(tmp_path):
    cur = tmp_path / "curricula"
    for name in ("b.yaml", "a.yml", "catalog/free.yaml", ".hidden/x.yaml", "notes.txt",
                 "deep/c.yaml", "workshopkit.yaml"):
        (cur / name).parent.mkdir(parents=True, exist_ok=True)
        (cur / name).write_text("")
    found = [p.relative_to(cur).as_posix() for p in find_sources([cur])]
    assert found == ["a.yml", "b.yaml", "deep/c.yaml"]
    assert find_sources([cur / "b.yaml", cur, cur / "b.yaml"])[0] == cur / "b.yaml"
    assert len(find_sources([cur / "b.yaml", cur])) == 3


def test_paths_display_relative_inside_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert display(tmp_path / "curricula" / "a.yaml") == os.path.join("curricula", "a.yaml")
    outside = Path("/") / "etc" / "x.yaml"
    assert display(outside) == str(outside)
