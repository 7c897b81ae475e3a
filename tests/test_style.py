"""The web app's source colours: white text on every one of them reads at WCAG AA (4.5:1)."""

from __future__ import annotations

import re
from pathlib import Path

STYLE = Path(__file__).resolve().parents[1] / "src" / "triangulate" / "web" / "static" / "style.css"
WHITE = (255, 255, 255)


def relative_luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return (int(hex_colour[0:2], 16), int(hex_colour[2:4], 16), int(hex_colour[4:6], 16))


def source_colours() -> dict[str, str]:
    return dict(re.findall(r"--(c\d+):\s*#([0-9a-fA-F]{6})\b", STYLE.read_text(encoding="utf-8")))


def test_contrast_formula_matches_known_pairs() -> None:
    assert round(contrast((0, 0, 0), WHITE), 2) == 21.0
    assert round(contrast(rgb("767676"), WHITE), 2) == 4.54  # the classic lightest AA grey


def test_chips_and_cites_have_white_text_at_aa_contrast() -> None:
    colours = source_colours()
    assert len(colours) == 8  # --c0 .. --c7, one per source colour class
    low = {name: round(contrast(rgb(value), WHITE), 2) for name, value in colours.items()}
    assert all(ratio >= 4.5 for ratio in low.values()), low
