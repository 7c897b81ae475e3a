"""Exit 1 unless a built wheel or sdist holds the sentence model's files as SHA256SUMS has them.

Usage: python .ci/ships_model.py DIST_FILE SHA256SUMS    (a .whl or an sdist .tar.gz)
"""

from __future__ import annotations

import hashlib
import sys
import tarfile
import zipfile
from pathlib import Path

FOLDER = "triangulate_minilm/model/"


def archived_files(dist: Path) -> dict[str, bytes]:
    """The files of dist inside triangulate_minilm/model/, by name."""
    if dist.suffix == ".whl":
        with zipfile.ZipFile(dist) as archive:
            return {
                name.removeprefix(FOLDER): archive.read(name)
                for name in archive.namelist()
                if name.startswith(FOLDER)
            }
    found = {}
    with tarfile.open(dist) as archive:
        for member in archive.getmembers():
            _, _, inside = member.name.partition("/src/" + FOLDER)
            stream = archive.extractfile(member) if inside else None
            if stream is not None:
                found[inside] = stream.read()
    return found


def main(argv: list[str]) -> int:
    dist, sums = Path(argv[0]), Path(argv[1])
    listed = (line.split() for line in sums.read_text().splitlines() if line)
    expected = {name: digest for digest, name in listed}
    files = archived_files(dist)
    actual = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    if actual != expected:
        print(
            f"{dist.name}: {FOLDER} holds {sorted(actual)}, not SHA256SUMS' files", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
