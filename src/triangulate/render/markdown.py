"""Markdown that shows article text as text: the filters the Markdown templates use.

Every filter returns markup-safe text, so the template environment's HTML autoescaping
leaves it alone; anything a template prints without them is still HTML-escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

# --- Markdown --------------------------------------------------------------------------------

MD_INLINE = re.compile(r"([\\`*_{}\[\]()|~#!<>])")
MD_LINE_START = re.compile(r"^(\s*)([-+=])", re.M)
MD_ORDERED_START = re.compile(r"^(\s*\d+)([.)])", re.M)
EDGE_SPACE = re.compile(r"(\s*)(.*?)(\s*)", re.S)


def md_escape(text: object) -> Markup:
    """Article text made inert in Markdown: no HTML, links, emphasis or table breaks."""
    escaped = MD_LINE_START.sub(r"\1\\\2", _md_escape_keep(" ".join(str(text).split())))
    return Markup(MD_ORDERED_START.sub(r"\1\\\2", escaped))


def _md_escape_keep(text: str) -> str:
    """Escape HTML and Markdown inline metacharacters, keeping whitespace as it is."""
    return MD_INLINE.sub(r"\\\1", html.escape(text, quote=False))


def md_quote(cite: Mapping[str, Any]) -> Markup:
    """A cited sentence with its span in bold and a link to the span in the source."""
    span = _md_bold([(_md_escape_keep(cite["marked"]), cite["marked"])])
    body = _md_escape_keep(cite["before"]) + span + _md_escape_keep(cite["after"])
    body = " ".join(body.split())
    tentative = " (less sure)" if cite.get("tentative") else ""
    return Markup(f"“{body}” {md_cite(cite)}{tentative}")


def md_cite(cite: Mapping[str, Any]) -> Markup:
    """A numbered link to a cited span: [\\[2\\]](#ev-2-120)."""
    return Markup(f"[\\[{int(cite['source']['number'])}\\]]({cite['href']})")


def md_source_text(source: Mapping[str, Any]) -> Markup:
    """The article text as a quote block, cited spans in bold behind their anchors."""
    pieces, run = [], []
    for segment in source["segments"]:
        anchor = f'<a id="{segment["id"]}"></a>' if segment["id"] else ""
        if segment["marked"]:
            run.append((anchor + _md_escape_keep(segment["text"]), segment["text"]))
            continue
        pieces.append(_md_bold(run))
        run = []
        pieces.append(anchor + _md_escape_keep(segment["text"]))
    pieces.append(_md_bold(run))
    lines = "".join(pieces).split("\n")
    paragraphs = [MD_LINE_START.sub(r"\1\\\2", line) for line in lines if line.strip()]
    return Markup("\n".join(f"> {p}\n>" for p in paragraphs))


def _md_bold(run: list[tuple[str, str]]) -> str:
    """Consecutive marked pieces as one bold stretch (plain when it spans lines)."""
    escaped = "".join(piece for piece, _ in run)
    raw = "".join(text for _, text in run)
    if not raw.strip() or "\n" in raw:
        return escaped
    match = EDGE_SPACE.fullmatch(escaped)
    assert match is not None
    return f"{match[1]}**{match[2]}**{match[3]}"


# The filters the Markdown templates use.
FILTERS = {"md": md_escape, "md_quote": md_quote, "md_cite": md_cite}
FILTERS |= {"md_source_text": md_source_text}
