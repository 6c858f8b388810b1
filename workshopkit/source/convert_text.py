"""Texts as the converter types them: a plain string or a mapping language -> string,
normalised (NFC) and capped, with the messages an author needs when a key of the format
or an unquoted ': ' is read as a language. A mixin of
:class:`workshopkit.source.convert.Converter` (``owner``, ``context``, ``languages`` and
the reader's ``error``, ``expect`` and ``known_lang`` come from it)."""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from workshopkit.model.text import Text
from workshopkit.source.invalid import INVALID
from workshopkit.source.nodes import Mapping, Node, Scalar
from workshopkit.source.spec import LANG_RE, MAX_TEXT, RECORDS, THEME_RECORDS
from workshopkit.source.values import short, suggest

_OWNER_OF_KEY: dict[str, str] = {}
"""Each key of the format and the record it first belongs to (theme keys apart)."""
for _name, _rec in RECORDS.items():
    for _key in () if _name in THEME_RECORDS else _rec.fields:
        _OWNER_OF_KEY.setdefault(_key, _name)

_QUOTE_HINT = "; if ': ' is part of the text, quote the text"


class TextValues:
    """Texts and mappings of language to text."""

    def lang_texts(self, node: Node, path: str) -> Any:
        """A mapping language tag -> Text (any well-formed tag: an interpretation channel
        may be into a language the material is not written in)."""
        if not isinstance(node, Mapping):
            return self.expect(node, "a mapping of language to text")
        out = {}
        for kn, vn in node.items:
            if not re.match(LANG_RE, kn.value):
                self.error(kn, f"'{short(kn.value)}' is not a BCP 47 language tag "
                           "(such as es, en, pt-BR)")
                continue
            v = self.text(vn, f"{path}.{kn.value}")
            if v is not INVALID:
                out[kn.value] = v
        return out

    # -------------------------------------------------------------- texts
    def text(self, node: Node, path: str) -> Any:
        if isinstance(node, Scalar):
            if node.is_null or not node.value.strip():
                return self.error(node, "empty text")
            return Text(path, node.pos, self.owner, plain=self.clean(node))
        if isinstance(node, Mapping):
            return self.text_mapping(node, path)
        return self.expect(node, "a text")

    def text_mapping(self, node: Mapping, path: str) -> Any:
        values, where = {}, {}
        bad = False
        for kn, vn in node.items:
            lang = kn.value
            if not self.known_lang(lang):
                bad = True
                if isinstance(vn, Scalar) and vn.is_null and not re.match(LANG_RE, lang):
                    self.error(kn, f"'{short(lang)}' is read as a language: a ',', '?' or ': ' "
                               "inside {…} ends the text; quote this text")
                elif isinstance(vn, Scalar) and vn.is_null:
                    self.error(kn, f"'{lang}' is not one of the curriculum's languages "
                               f"({', '.join(self.languages)}); if it is part of the text, "
                               "quote this text")
                else:
                    self.error(kn, self.unknown_language(lang, path, node))
                continue
            if not isinstance(vn, Scalar):
                self.expect(vn, f"a text in '{lang}'")
                bad = True
                continue
            if vn.is_null or not vn.value.strip():
                self.error(vn if vn.value or not vn.plain else kn, f"empty text for '{lang}'")
                bad = True
                continue
            values[lang] = self.clean(vn)
            where[lang] = vn.pos
        if bad:
            return INVALID
        if self.languages and self.languages[0] not in values:
            return self.error(node, f"text has no '{self.languages[0]}' (the source language)"
                              + (_QUOTE_HINT if len(node.items) == 1 else ""))
        return Text(path, node.pos, self.owner, values=values, value_pos=where)

    def unknown_language(self, lang: str, path: str, node: Mapping) -> str:
        """What to say of a key ``lang`` in a text mapping that is no language of the
        document: a key of the format indented under the text's own key, a language
        the document does not list yet, or a text cut by an unquoted ': '."""
        parent = path.rsplit(".", 1)[-1]
        if lang in _OWNER_OF_KEY and not re.match(r"^[A-Za-z]{2,3}$", lang):
            return (f"'{lang}' is indented under '{parent}', so it is read as a language of "
                    f"its text; dedent '{lang}' to line up with '{parent}'")
        msg = (f"unknown language '{lang}'; the curriculum's languages are "
               f"{', '.join(self.languages)}")
        close = suggest(lang, self.languages)
        if close:
            return msg + close
        if re.match(LANG_RE, lang) and any(self.known_lang(k.value) for k, _ in node.items):
            stem = self.context.path.stem if self.context.path else "<file>"
            return (msg + f"; to add it, list '{lang}' in 'languages:' or translate into a "
                    f"catalogue {stem}.{lang}.po beside the file")
        return msg + _QUOTE_HINT

    def clean(self, node: Scalar) -> str:
        s = unicodedata.normalize("NFC", node.value)
        if len(s) > MAX_TEXT:
            self.error(node, f"text is {len(s)} characters long; the limit is {MAX_TEXT}")
            s = s[:MAX_TEXT]
        return s
