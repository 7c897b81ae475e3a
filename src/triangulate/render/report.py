"""The dossier: one record, written as JSON (with a schema), Markdown and HTML.

The JSON is the contract other tools read; the Markdown and HTML show the same
content for people, conflicts first, from the view the web's dossier page shows too
(:class:`~triangulate.render.view.DossierView`). Both are Jinja templates. Article text is
untrusted input: the HTML is rendered with autoescaping and the Markdown escapes every
metacharacter (:mod:`~triangulate.render.markdown`), so a page that contains markup or
scripts is shown as text, never run.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from triangulate.compose.schema import dossier_to_json, validate_dossier
from triangulate.core.files import write_atomically
from triangulate.core.untrusted import json_text
from triangulate.errors import TriangulateError
from triangulate.models import Dossier
from triangulate.render.templates import environment
from triangulate.render.view import FILE_LINKS, DossierView

HTML_TEMPLATE = "dossier_report.html.j2"
MARKDOWN_TEMPLATE = "dossier_report.md.j2"
FORMAT_FILES = {"json": "dossier.json", "md": "dossier.md", "markdown": "dossier.md"}
FORMAT_FILES |= {"html": "dossier.html"}


# --- Markdown and HTML -----------------------------------------------------------------------


def _view(d: Dossier) -> DossierView:
    return DossierView(dossier_to_json(d), links=FILE_LINKS)


def render_markdown(d: Dossier) -> str:
    """The dossier for people, as Markdown; all article text is escaped."""
    template = environment().get_template(MARKDOWN_TEMPLATE)
    return template.render(d=_view(d), title=_title(d)) + "\n"  # Jinja drops the last newline


def render_html(d: Dossier) -> str:
    """The dossier for people as one self-contained HTML page (inline CSS, no scripts)."""
    template = environment().get_template(HTML_TEMPLATE)
    return template.render(d=_view(d), title=_title(d))


def _title(d: Dossier) -> str:
    count = len(d.articles)
    return f"Dossier: {count} source{'s' * (count != 1)}"


# --- files -----------------------------------------------------------------------------------


def _content(d: Dossier, fmt: str) -> str:
    if fmt == "json":
        data = dossier_to_json(d)
        validate_dossier(data)
        return json_text(data) + "\n"
    if fmt in ("md", "markdown"):
        return render_markdown(d)
    return render_html(d)


def write_dossier(d: Dossier, out_dir: Path, formats: Sequence[str]) -> list[Path]:
    """Write dossier.json / dossier.md / dossier.html into ``out_dir``, each atomically."""
    unknown = [f for f in formats if f not in FORMAT_FILES]
    if unknown:
        known = ", ".join(sorted(FORMAT_FILES))
        raise TriangulateError(f"unknown report format {unknown[0]!r} (use one of: {known})")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in dict.fromkeys(formats):
        path = out_dir / FORMAT_FILES[fmt]
        if path not in written:
            write_atomically(path, _content(d, fmt))
            written.append(path)
    return written
