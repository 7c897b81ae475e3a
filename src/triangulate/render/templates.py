"""The one Jinja2 environment: web pages and dossier files render with the same settings.

Autoescaping is on for every template and for strings, because article text is untrusted;
the Markdown templates print article text through the filters of :mod:`.markdown`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from triangulate.render import markdown
from triangulate.render.view import path_part

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _tojson_pretty(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


@cache
def environment(*more: Path) -> Environment:
    """Templates from ``more`` folders first, then the dossier templates shared by all."""
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader([*more, TEMPLATES])]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["tojson_pretty"] = _tojson_pretty
    env.filters["path_part"] = path_part
    env.filters.update(markdown.FILTERS)
    return env
