"""What the outputs were built from: words, URLs, videos and language codes.

The check reads the curriculum files as plain YAML (and the ``.po`` catalogues beside
them and the interface's), so it depends on nothing but the files themselves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ten times faster

LOCALE_DIR = Path(__file__).resolve().parent.parent / "i18n" / "locale"
WORD_RE = re.compile(r"[^\W\d_]+")
PO_STRING_RE = re.compile(r'"((?:[^"\\]|\\.)*)"')
URL_RE = re.compile(r"(?:https?://|www\.)\S+")


@dataclass
class Sources:
    words: set[str] = field(default_factory=set)  # lower-cased words of every text
    hyphenated: set[str] = field(default_factory=set)  # lower-cased "a-b" compounds
    urls: set[str] = field(default_factory=set)  # as written, and without scheme
    videos: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> lang -> url
    video_titles: dict[str, set[str]] = field(default_factory=dict)  # id -> titles
    languages: set[str] = field(default_factory=set)  # codes that may be printed

    @classmethod
    def from_paths(cls, paths: Iterable[Path]) -> "Sources":
        src = cls()
        seen: set[Path] = set()
        for path in paths:
            files = sorted(Path(path).glob("*.yaml")) if Path(path).is_dir() else [Path(path)]
            for f in files:
                for extra in (f, *sorted(f.parent.glob(f"{f.stem}.*.po")),
                              *sorted((f.parent / "catalog").glob("*.yaml"))):
                    if extra.is_file() and extra.resolve() not in seen:
                        seen.add(extra.resolve())
                        src.add_file(extra)
        for po in sorted(LOCALE_DIR.glob("*.po*")):
            src.add_file(po)
            src.languages.add(po.stem)
        src.languages.discard("workshopkit")
        return src

    def add_file(self, path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        if path.suffix in (".po", ".pot"):
            for s in PO_STRING_RE.findall(text):
                self.add_text(s.replace('\\"', '"').replace("\\n", "\n"))
            return
        try:
            data = yaml.load(text, Loader=_LOADER)
        except yaml.YAMLError:
            return
        if not isinstance(data, dict):
            return
        for s in _strings(data):
            self.add_text(s)
        langs = data.get("languages")
        if isinstance(langs, list):
            self.languages.update(str(x) for x in langs)
        videos = data.get("videos")
        if isinstance(videos, dict):
            for vid, v in videos.items():
                if not isinstance(v, dict):
                    continue
                url = v.get("url")
                if isinstance(url, str):
                    self.videos[str(vid)] = {"*": url}
                elif isinstance(url, dict):
                    self.videos[str(vid)] = {str(k): str(u) for k, u in url.items()}
                title = v.get("title")
                self.video_titles[str(vid)] = set(
                    title.values() if isinstance(title, dict) else [str(title)])
                caps = v.get("captions")
                if isinstance(caps, list):
                    self.languages.update(str(x) for x in caps)

    def add_text(self, s: str) -> None:
        for w in WORD_RE.findall(s):
            self.words.add(w.lower())
        for h in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", s):
            self.hyphenated.add(h.lower())
        for u in URL_RE.findall(s):
            self.add_url(u.rstrip(".,;:)»”\""))

    def add_url(self, url: str) -> None:
        self.urls.add(url)
        bare = re.sub(r"^https?://", "", url)
        self.urls.add(bare)
        self.urls.add(re.sub(r"^www\.", "", bare))

    def in_url(self, s: str) -> bool:
        """Whether ``s`` is a piece of some source URL."""
        return any(s in u for u in self.urls)


def _strings(obj) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)
