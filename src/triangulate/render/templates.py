"""The one Jinja2 environment: web pages and dossier files render with the same settings.

Autoescaping is on for every template and for strings, because article text is untrusted;
the Markdown templates print article text through the filters of :mod:`.markdown`. Every
value printed has its control characters shown as symbols (``without_controls``): a page or
a report file printed to a terminal runs none of an article's escape sequences.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from triangulate.core.untrusted import without_controls
from triangulate.render import markdown
from triangulate.render.view import path_part

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _tojson_pretty(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _shown(value: object) -> object:
    """A printed value with its control characters as symbols (no HTML-special character is
    added, so escaped markup stays escaped)."""
    if isinstance(value, Markup):
        return Markup(without_controls(value))
    if isinstance(value, str):
        return without_controls(value)
    return value


@cache
def environment(*more: Path) -> Environment:
    """Templates from ``more`` folders first, then the dossier templates shared by all."""
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader([*more, TEMPLATES])]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_shown,
    )
    env.filters["tojson_pretty"] = _tojson_pretty
    env.filters["path_part"] = path_part
    env.filters.update(markdown.FILTERS)
    return env
