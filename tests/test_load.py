"""The located YAML loader: positions, scalars as written, limits, safety."""
from __future__ import annotations

import pytest

from workshopkit.source.nodes import (MAX_DEPTH, MAX_NODES, LoadError, Mapping, Scalar, Sequence,
                                      load_string)


def diag(text: str) -> tuple[int, int, str]:
    with pytest.raises(LoadError) as err:
        load_string(text, "f.yaml")
    (d,) = err.value.diagnostics
    assert d.pos.file == "f.yaml"
    return d.pos.line, d.pos.col, d.message


def test_positions_are_one_based_lines_and_character_columns():
    root = load_string("a: 1\nñandú: {b: [x, 'y']}\n", "f.yaml")
    assert isinstance(root, Mapping)
    (ka, va), (kn, vn) = root.items
    assert (ka.pos.line, ka.pos.col, va.pos.col) == (1, 1, 4)
    assert (kn.pos.line, kn.pos.col) == (2, 1)
    seq = vn.get("b")
    assert isinstance(seq, Sequence) and seq.pos.col == 12  # characters, not bytes
    assert [(i.value, i.plain, i.pos.col) for i in seq.items] == [("x", True, 13), ("y", False, 16)]


@pytest.mark.parametrize("written", ["No", "yes", "1.10", "2024-05-01", "0x1F", "~", "null", ".inf"])
def test_scalars_stay_strings(written):
    root = load_string(f"k: {written}\n", "f.yaml")
    v = root.get("k")
    assert isinstance(v, Scalar) and v.value == written


def test_null_only_when_plain():
    root = load_string("a:\nb: ~\nc: 'null'\nd: ''\n", "f.yaml")
    assert [root.get(k).is_null for k in "abcd"] == [True, True, False, False]


def test_duplicate_key_at_second_occurrence():
    assert diag("a: 1\nb: 2\n  \na: 3\n") == (4, 1, "duplicate key 'a' (first at line 1)")


def test_duplicate_key_inside_flow_mapping():
    assert diag("t: {es: a, es: b}\n") == (1, 12, "duplicate key 'es' (first at line 1)")


def test_merge_keys():
    root = load_string("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n", "f.yaml")
    m = root.get("m")
    assert sorted((k, v.value) for k, v in ((k.value, v) for k, v in m.items)) == [("x", "1"), ("y", "3")]


def test_merge_of_a_list_of_mappings_first_wins():
    root = load_string("a: &a {x: 1}\nb: &b {x: 2, z: 3}\nm:\n  <<: [*a, *b]\n", "f.yaml")
    m = root.get("m")
    assert m.get("x").value == "1" and m.get("z").value == "3"


def test_merge_of_a_scalar_is_an_error():
    assert diag("a: &a x\nm:\n  <<: *a\n") == (3, 3, "'<<' merges only mappings")


def test_non_scalar_key():
    assert diag("? [a, b]\n: c\n") == (1, 3, "a mapping key must be a plain text")


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!python/name:os.system", "!custom",
                                 "!!binary", "!!int", "!!set"])
def test_tags_are_rejected(tag):
    line, col, msg = diag(f"a: 1\nb: {tag} x\n")
    assert (line, col) == (2, 4) and "YAML tags such as" in msg and "are not allowed" in msg


def test_standard_tags_for_text_are_allowed():
    root = load_string("a: !!str 12\nb: ! x\n", "f.yaml")
    assert root.get("a").value == "12"


def test_multiple_documents():
    assert diag("a: 1\n---\nb: 2\n")[:2] == (2, 1)


def test_empty_and_comment_only():
    assert diag("") == (1, 1, "the file is empty")
    assert diag("# nothing\n") == (1, 1, "the file is empty")


def test_tab_indentation():
    assert diag("a:\n  b: 1\n\t c: 2\n")[:2] == (3, 1)


def test_unquoted_star_hint():
    line, col, msg = diag("t: *bold* word\n")
    assert (line, col) == (1, 4)
    assert "must be quoted" in msg


def test_unquoted_star_in_a_list():
    line, col, msg = diag("l:\n  - *uno*\n")
    assert (line, col) == (2, 5) and "must be quoted" in msg


def test_unquoted_colon_hint():
    line, col, msg = diag("title: Step 1: map\n")
    assert (line, col) == (1, 14) and "must be quoted" in msg


def test_flow_syntax_hint():
    line, col, msg = diag("t: {es: a b c\n")
    assert "must be quoted" in msg


def test_at_sign_hint():
    assert diag("t: @handle\n") == (1, 4, "a text that starts with '@' must be quoted")


def test_alias_bomb_rejected():
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        levels.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 10) + "]")
    line, col, msg = diag("\n".join(levels) + "\n")
    assert f"aliases expand to more than {MAX_NODES} nodes" in msg
    assert line <= 9


def test_aliases_within_the_cap_are_fine():
    root = load_string("a: &a [x, y]\nb: *a\nc: *a\n", "f.yaml")
    assert [i.value for i in root.get("c").items] == ["x", "y"]


def test_cyclic_alias_rejected():
    assert diag("a: &a [1, *a]\n")[:2] == (1, 11)


def test_depth_cap():
    ok = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    load_string(ok, "f.yaml")
    line, col, msg = diag("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n")
    assert msg == f"nesting deeper than {MAX_DEPTH} levels" and col == 4 + MAX_DEPTH - 1


def test_node_cap_without_aliases(monkeypatch):
    import workshopkit.source.nodes as load

    monkeypatch.setattr(load, "MAX_NODES", 1000)  # the same check, on a smaller file
    text = "a: [" + ", ".join(["x"] * 1000) + "]\n"
    assert "the file holds more than 1000 nodes" in diag(text)[2]
    load_string("a: [" + ", ".join(["x"] * 997) + "]\n", "f.yaml")  # 1000 nodes: accepted


def test_control_character():
    assert diag("a: b\x07c\n") == (1, 5, "the file contains the character U+0007, which YAML "
                                          "does not allow; remove it")


def test_unknown_alias():
    line, col, msg = diag("a: [*nope]\n")
    assert (line, col) == (1, 5) and "must be quoted" in msg


def test_read_text_size_and_encoding(tmp_path):
    from workshopkit.source.nodes import read_text

    f = tmp_path / "c.yaml"
    f.write_bytes(b"a: 1\nb: \xff\n")
    with pytest.raises(LoadError) as err:
        read_text(f, "c.yaml")
    d = err.value.diagnostics[0]
    assert (d.pos.line, d.pos.col) == (2, 4) and "not UTF-8 (byte 0xff)" in d.message
    f.write_bytes(b"a: 12345\n")
    with pytest.raises(LoadError) as err:
        read_text(f, "c.yaml", limit=5)
    assert err.value.diagnostics[0].message == "file is 9 bytes; the limit is 5 bytes"
    f.write_bytes("\ufeffa: 1\n".encode("utf-8"))
    assert read_text(f, "c.yaml") == "a: 1\n"  # a byte-order mark is dropped


def test_missing_file(tmp_path):
    from workshopkit.source.nodes import read_text

    with pytest.raises(LoadError) as err:
        read_text(tmp_path / "nope.yaml", "nope.yaml")
    assert "cannot read file" in err.value.diagnostics[0].message
