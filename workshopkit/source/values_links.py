"""Typing values that may be written per language: URLs (cleaned of tracking parameters,
capped at what a QR code holds) and file paths. A mixin of
:class:`workshopkit.source.values.Reader`, which provides ``error``, ``expect``,
``known_lang``, ``path_problem``, ``languages`` and ``url_notes``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from workshopkit.errors import Pos
from workshopkit.model import Url
from workshopkit.source.invalid import INVALID
from workshopkit.source.nodes import Mapping, Node, Scalar
from workshopkit.source.spec import MAX_URL, T
from workshopkit.source.urls import clean_url


@dataclass(frozen=True)
class UrlNote:
    """A URL printed without the tracking parameters the author wrote."""

    pos: Pos
    cleaned: str
    removed: tuple[str, ...]


@dataclass(frozen=True)
class PathValue:
    """A file path as written, for one language ("" = every language), and where."""

    lang: str
    path: str
    pos: Pos


class LinkValues:
    """Per-language values: URLs and paths."""

    def per_lang(self, node: Node, key: str, one: Callable[[Scalar], Any]) -> Any:
        """A string or a mapping language -> string, each checked by ``one``.

        Returns (language, value, position) triples, language "" for a plain string.
        """
        if isinstance(node, Scalar):
            if node.is_null:
                return self.error(node, f"'{key}' is empty")
            v = one(node)
            return INVALID if v is INVALID else [("", v, node.pos)]
        if isinstance(node, Mapping):
            out, bad = [], False
            for kn, vn in node.items:
                if not self.known_lang(kn.value):
                    self.error(kn, f"unknown language '{kn.value}'; the curriculum's languages are "
                               f"{', '.join(self.languages)}")
                    bad = True
                    continue
                if not isinstance(vn, Scalar) or vn.is_null:
                    self.expect(vn, f"a {key} in '{kn.value}'")
                    bad = True
                    continue
                v = one(vn)
                if v is INVALID:
                    bad = True
                    continue
                out.append((kn.value, v, vn.pos))
            if bad:
                return INVALID
            if self.languages and self.languages[0] not in [lang for lang, _, _ in out]:
                return self.error(node, f"'{key}' has no '{self.languages[0]}' (the source language)")
            return out
        return self.expect(node, f"a {key} or a mapping of language to {key}")

    def v_url(self, node: Node, t: T, key: str) -> Any:
        def one(n: Scalar) -> Any:
            cleaned, removed, problem = clean_url(n.value.strip())
            if problem:
                return self.error(n, problem)
            size = len(cleaned.encode("utf-8"))  # what the QR code holds
            if size > MAX_URL:
                return self.error(n, f"URL is {size} bytes long; the limit is {MAX_URL} bytes "
                                  "(its QR code must stay readable beside it on the handout; "
                                  "use the site's short link)")
            if removed:
                self.url_notes.append(UrlNote(n.pos, cleaned, tuple(removed)))
            return cleaned

        found = self.per_lang(node, "url", one)
        if found is INVALID:
            return INVALID
        if found[0][0] == "":
            return Url(node.pos, plain=found[0][1])
        return Url(node.pos, values={lang: v for lang, v, _ in found},
                   source_lang=self.languages[0] if self.languages else found[0][0])

    def v_path(self, node: Node, t: T, key: str) -> Any:
        def one(n: Scalar) -> Any:
            problem = self.path_problem(n.value)
            return self.error(n, problem) if problem else n.value

        found = self.per_lang(node, "path", one)
        if found is INVALID:
            return INVALID
        return tuple(PathValue(lang, v, pos) for lang, v, pos in found)
