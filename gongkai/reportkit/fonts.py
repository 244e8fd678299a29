"""Finding a font with Chinese glyphs for the PDF renderer.

fpdf2 embeds (and subsets) the font into each PDF, so the reader needs no fonts installed;
the machine that renders does. Order of preference:

1. ``GONGKAI_CJK_FONT=/path/to/font.ttc`` (optionally ``…ttc#2`` for face 2 of a collection);
2. Debian/Ubuntu packages, Song (Ming) style first because official documents are set in
   Song/FangSong faces:

   * ``fonts-arphic-uming`` (AR PL UMing CN): TrueType outlines, so fpdf2 embeds it with an
     Identity-H encoding that every PDF reader extracts, pdfminer/pdfplumber included;
   * ``fonts-noto-cjk`` (Noto Serif/Sans CJK SC): CFF outlines, embedded as CIDFontType0
     with a custom CMap. PDFium (our extractor), browsers and Acrobat read the text back;
     pdfminer.six does not, so third parties using pdfplumber would see no text;
   * ``fonts-wqy-zenhei`` / ``fonts-wqy-microhei`` (Hei style, TrueType outlines);

3. whatever ``fc-list :lang=zh`` reports.

In a collection (``.ttc``) the Simplified-Chinese face is chosen by its name (" SC", " CN"),
because the JP/TW faces draw some shared ideographs differently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

from gongkai.reportkit.errors import CJKFontNotFoundError

ENV_VAR: Final = "GONGKAI_CJK_FONT"
DEBIAN_PACKAGE: Final = "fonts-arphic-uming"  # or fonts-noto-cjk; see the module docstring

_CANDIDATES: Final = (
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc",  # Fedora/Arch layouts
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",  # macOS developer machines
    "C:/Windows/Fonts/simsun.ttc",
)


@dataclass(frozen=True, slots=True)
class FontFile:
    """A font file and, for a collection, the index of the face to use."""

    path: Path
    index: int = 0


def find_cjk_font() -> FontFile:
    """The CJK font to embed; raises ``CJKFontNotFoundError`` naming the package to install."""
    return _find_cached(os.environ.get(ENV_VAR, ""))


@lru_cache(maxsize=4)
def _find_cached(override: str) -> FontFile:
    if override:
        return _from_override(override)
    for candidate in (*_CANDIDATES, *_fc_list()):
        path = Path(candidate)
        if path.is_file():
            return FontFile(path, _simplified_face(path))
    raise CJKFontNotFoundError(
        "no font with Chinese glyphs found for PDF rendering; install the Debian package "
        f"{DEBIAN_PACKAGE} (apt-get install {DEBIAN_PACKAGE}; fonts-noto-cjk also works) "
        f"or point {ENV_VAR} at a .ttf/.otf/.ttc file"
    )


def _from_override(value: str) -> FontFile:
    raw_path, _, raw_index = value.partition("#")
    path = Path(raw_path)
    if not path.is_file():
        raise CJKFontNotFoundError(f"{ENV_VAR}={value!r} does not name a font file")
    index = int(raw_index) if raw_index.isdigit() else _simplified_face(path)
    return FontFile(path, index)


def _fc_list() -> list[str]:
    """Font files fontconfig knows with Chinese coverage (empty without fontconfig)."""
    exe = shutil.which("fc-list")
    if exe is None:
        return []
    try:
        # Fixed argument list, no shell: nothing from the outside reaches the command line.
        result = subprocess.run(  # noqa: S603
            [exe, ":lang=zh", "file"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    files = (line.strip().rstrip(":") for line in result.stdout.splitlines())
    return sorted(f for f in files if f.lower().endswith((".ttf", ".otf", ".ttc")))


def _simplified_face(path: Path) -> int:
    """Index of the Simplified-Chinese face in a .ttc (0 for single fonts or when unknown)."""
    if path.suffix.lower() != ".ttc":
        return 0
    try:
        from fontTools.ttLib import TTCollection  # only needed for .ttc files

        collection = TTCollection(str(path), lazy=True)
        for i, font in enumerate(collection.fonts):
            family = str(font["name"].getDebugName(1) or "")
            if family.endswith((" SC", " CN")) or "GB" in family or "SC " in family:
                return i
    except Exception:  # an unreadable collection just means face 0
        return 0
    return 0
