"""The registry of output kinds: each kind is declared here once.

A :class:`Kind` says what a kind is called, where its file goes, which writer
draws it (``'module:function'``, imported on first use, so the command line
starts without python-pptx or reportlab), which build options and which
settings the writer reads, whether it is built per language and for bilingual
pairs, and its title on kit covers.  Everything else derives from here: the
``--only`` choices, output paths, cache keys (a kind is rebuilt only when
something it reads changed), kit contents and their order.

Every writer has one signature, ``write(curriculum, settings, languages, options) ->
bytes`` (``settings``: the theme, template, images and fonts resolved when the project
was loaded; ``languages``: one language, or two for bilingual material); kinds drawn
by the kit step take one more argument, the kit's contents.  :func:`render` is the only
place a writer is called.  Writers never touch the file system.

Adding a kind is one :func:`register` call, its writer and its test.
"""
from __future__ import annotations

import dataclasses
import importlib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Optional, Union

if TYPE_CHECKING:
    from workshopkit.model.options import Options


def N_(msgid: str) -> str:
    """Marks an interface string for the catalogue; it is translated where it is printed."""
    return msgid


SETTINGS = ("theme", "template", "images", "fonts")
"""What a writer may read besides the curriculum and options: the theme (colours,
fonts, logo), the .pptx template, the curriculum's images, the fonts."""

OUTPUT, KIT = "output", "kit"
PARTICIPANT, FACILITATOR = "participant", "facilitator"


@dataclass(frozen=True)
class Kind:
    name: str
    ext: str
    writer: Union[str, Callable[..., bytes]]  # 'module:function', or the function itself
    title: str                      # for kit covers and manifests: an N_() interface string
    options: frozenset[str]         # fields of Options the writer reads
    settings: frozenset[str]        # parts of the settings it reads (see SETTINGS)
    single: bool = True             # built for each language
    pairs: bool = True              # built for bilingual pairs
    copies: str = ""                # print plan: one per PARTICIPANT, per FACILITATOR, or none
    role: str = OUTPUT              # OUTPUT: a build target (--only); KIT: drawn by the kit step
    pattern: str = "{id}/{langs}/{id}-{langs}-{kind}.{ext}"  # under the output folder (KIT
    #                                                          kinds: inside the kit's folder)


    @property
    def images(self) -> bool:
        """Whether the writer draws the curriculum's images."""
        return "images" in self.settings

    def file_name(self, cid: str, languages: tuple[str, ...],
                  options: Optional[Options] = None, delivery: str = "") -> str:
        """The output's name; a delivery other than the file's (``delivery``, from
        :func:`delivery_suffix`) and the print variants it draws add their suffixes before
        the extension (``…-guide-online-large-print-booklet.pdf``), so that they never
        overwrite the standard file."""
        tag = "+".join(languages)
        name = self.pattern.format(id=cid, langs=tag, kind=self.name, ext=self.ext)
        suffix = delivery + variant_suffix(options, self.options) if self.role == OUTPUT else ""
        if suffix:
            stem, dot, ext = name.rpartition(".")
            name = f"{stem}{suffix}{dot}{ext}" if dot else name + suffix
        return name

    def path(self, out_dir: Path, cid: str, languages: tuple[str, ...],
             options: Optional[Options] = None, delivery: str = "") -> Path:
        return Path(out_dir) / self.file_name(cid, languages, options, delivery)

    def load(self) -> Callable[..., bytes]:
        if callable(self.writer):
            return self.writer
        module, _, func = self.writer.partition(":")
        return getattr(importlib.import_module(module), func)

    def sees(self, options: Options) -> Options:
        """``options`` as the writer sees them: what it does not read is left at its default,
        so that the kind's key (which holds only what it reads) cannot go stale."""
        from workshopkit.model.options import Options

        keep = set(self.options) | ({"theme"} & self.settings) | ({"template"} & self.settings)
        return Options(**{f: getattr(options, f) for f in keep})

    def key_options(self, options: Options) -> dict[str, str]:
        return {f: str(getattr(options, f)) for f in sorted(self.options)}


VARIANTS = (("large_print", "-large-print"), ("booklet", "-booklet"), ("ink", "-low-ink"))
"""Print variants and the suffix each adds to a file name, in the order they are added."""


def variant_suffix(options: Optional[Options], reads: Optional[frozenset[str]] = None) -> str:
    """``-large-print``, ``-booklet`` and ``-low-ink`` (in that order) for the variants
    ``options`` ask for; with ``reads``, only those a kind reading these options draws
    (a deck is the same deck under ``--booklet``: it keeps its standard name)."""
    if options is None:
        return ""
    out = ""
    for field, suffix in VARIANTS:
        on = getattr(options, field) == "low" if field == "ink" else bool(getattr(options, field))
        if on and (reads is None or field in reads):
            out += suffix
    return out


def delivery_suffix(declared: Optional[str], options: Optional[Options]) -> str:
    """'-online' (…) when a build delivers a curriculum otherwise than its file says
    (``declared``, its ``delivery``): such a build is a variant of its own and never
    overwrites the standard files."""
    d = getattr(options, "delivery", None) if options is not None else None
    return f"-{d}" if d and d != declared else ""


_REGISTRY: dict[str, Kind] = {}


def check(kind: Kind) -> Kind:
    """``kind`` if its declaration makes sense (ValueError naming what does not)."""
    from workshopkit.model.options import Options

    unknown = set(kind.settings) - set(SETTINGS)
    unknown |= set(kind.options) - ({f.name for f in dataclasses.fields(Options)}
                                    - {"theme", "template"})
    if unknown or not re.match(r"^[a-z][a-z0-9-]*$", kind.name) or kind.role not in (OUTPUT, KIT):
        raise ValueError(f"kind '{kind.name}': unknown {', '.join(sorted(unknown)) or 'name'}")
    return kind


def register(kind: Kind, replace: bool = False) -> Kind:
    """Add ``kind`` (after those already registered: kinds build in registration order)."""
    if kind.name in _REGISTRY and not replace:
        raise ValueError(f"kind '{kind.name}' is already registered")
    _REGISTRY[kind.name] = check(kind)
    return kind


def unregister(name: str) -> None:
    _REGISTRY.pop(name, None)


def kind(name: str) -> Kind:
    return _REGISTRY[name]


def all_kinds(role: str = OUTPUT) -> tuple[Kind, ...]:
    return tuple(k for k in _REGISTRY.values() if k.role == role)


def available() -> tuple[str, ...]:
    """The output kinds, in build order: the choices of ``--only``."""
    return tuple(k.name for k in all_kinds())


def reading(part: str) -> tuple[str, ...]:
    """The output kinds that read one part of the settings (such as 'theme')."""
    return tuple(k.name for k in all_kinds() if part in k.settings)


def get(name: str) -> Callable[..., bytes]:
    """The writer of kind ``name``."""
    return kind(name).load()


def render(name: str, cur, settings, languages: tuple[str, ...], options: Options,
           *contents) -> bytes:
    """Draw one output: the one place a writer is called.  A kind that cannot draw one of
    the languages (a PDF in a right-to-left language) raises instead."""
    k = kind(name)
    from workshopkit.build.directions import diagnostic, refuses

    if refuses(k.ext, languages):
        from workshopkit.errors import WorkshopkitError

        raise WorkshopkitError(diagnostic("error", cur, name, refuses(k.ext, languages)))
    if "delivery" in k.options:  # the curriculum as delivered: online steps and durations…
        from workshopkit.plan.delivery import delivered

        cur = delivered(cur, options.delivery or cur.delivery)
    return k.load()(cur, settings, languages, k.sees(options), *contents)


class _Extensions(Mapping):
    def __getitem__(self, name: str) -> str:
        return kind(name).ext

    def __iter__(self) -> Iterator[str]:
        return iter(_REGISTRY)

    def __len__(self) -> int:
        return len(_REGISTRY)


EXTENSIONS: Mapping[str, str] = _Extensions()
"""Kind name -> file extension."""

_PAGE_RE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_SLIDE_RE = re.compile(r"^ppt/slides/slide\d+\.xml$")


def count(data: bytes) -> tuple[int, int]:
    """(slides, pages) of a rendered deck or PDF: the one place outputs are counted."""
    if data.startswith(b"PK"):
        import zipfile

        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        return sum(1 for n in names if _SLIDE_RE.match(n)), 0
    if data.startswith(b"%PDF"):
        pages = len(_PAGE_RE.findall(data))
        if not pages:  # pages inside compressed object streams
            from pypdf import PdfReader

            pages = len(PdfReader(io.BytesIO(data)).pages)
        return 0, pages
    return 0, 0


PDF = frozenset({"date", "paper", "ink", "large_print", "booklet", "anonymous"})

WEB = frozenset({"date", "start", "anonymous", "delivery"})
"""What the web editions read: no paper, ink or print variant applies to them."""

BUILT_IN = (
    Kind("slides", "pptx", "workshopkit.render.pptx.deck:write", N_("Slide deck"),
         frozenset({"date", "start", "ink", "anonymous", "delivery"}), frozenset(SETTINGS)),
    Kind("worksheets", "pdf", "workshopkit.render.pdf.worksheets:write",
         N_("Participant worksheets"), PDF, frozenset({"images", "fonts"}), copies=PARTICIPANT),
    Kind("guide", "pdf", "workshopkit.render.pdf.guide:write", N_("Facilitator guide"),
         PDF | {"start", "delivery"}, frozenset(SETTINGS), copies=FACILITATOR),  # numbers slides as the deck
    Kind("videos", "pdf", "workshopkit.render.pdf.handout:write", N_("Video handout"),
         PDF | {"cards", "delivery"}, frozenset({"fonts"}), copies=PARTICIPANT),
    Kind("slides-pdf", "pdf", "workshopkit.render.pdf.slides:write", N_("Slides (PDF)"),
         frozenset({"date", "start", "ink", "anonymous", "delivery"}), frozenset(SETTINGS),
         pattern="{id}/{langs}/{id}-{langs}-slides.{ext}"),
    Kind("handout", "pdf", "workshopkit.render.pdf.slide_handout:write",
         N_("Slide handout"), PDF | {"start", "delivery"}, frozenset(SETTINGS),
         copies=PARTICIPANT),
    Kind("agenda", "pdf", "workshopkit.render.pdf.agenda:write", N_("Agenda"),
         PDF | {"start", "delivery"}, frozenset({"fonts"}), copies=PARTICIPANT),
    Kind("web", "html", "workshopkit.render.html.participant:write", N_("Participant edition"),
         WEB, frozenset({"images"}), pattern="{id}/{langs}/{id}-{langs}.{ext}"),
    Kind("web-guide", "html", "workshopkit.render.html.guide:write",
         N_("Facilitator guide (web)"), WEB, frozenset({"images"}),
         pattern="{id}/{langs}/{id}-{langs}-guide.{ext}"),
    Kind("cover", "pdf", "workshopkit.render.pdf.kitcover:write", N_("This cover"),
         PDF - {"booklet"}, frozenset({"fonts"}), role=KIT, pattern="cover.{ext}"),
)
"""The kinds workshopkit ships, in build order (checked by the tests, not at start-up:
checking imports the options, which the command line does not need to start)."""
_REGISTRY.update((k.name, k) for k in BUILT_IN)
