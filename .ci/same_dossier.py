"""Exit 1 unless two dossier JSON files are the same, but for what names the build.

Usage: python .ci/same_dossier.py REFERENCE.json BUILT.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

VOLATILE = ("generated",)  # "triangulate <version>"
TOLERANCE = 0.0015  # confidences are rounded to 3 decimals; BLAS may round the last one apart


def load(path: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    for key in VOLATILE:
        data.pop(key, None)
    return data


def first_difference(a: Any, b: Any, path: str = "$") -> str | None:
    """The JSON path of the first difference, or None."""
    if isinstance(a, float) and isinstance(b, float):
        return None if abs(a - b) <= TOLERANCE else path
    if type(a) is not type(b):
        return path
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            found = first_difference(a.get(key), b.get(key), f"{path}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path} (length {len(a)} against {len(b)})"
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            found = first_difference(x, y, f"{path}[{index}]")
            if found:
                return found
        return None
    return None if a == b else path


def main(argv: list[str]) -> int:
    reference, built = argv
    where = first_difference(load(reference), load(built))
    if where:
        print(f"the dossier {built} differs from {reference} at {where}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
