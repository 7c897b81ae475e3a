"""Pin the two dependencies asked for with an extra twice in a lock: as their dependents spell
them (``lxml[html_clean]`` by justext, ``smart-open[http]`` by weasel) and plain (``lxml`` by
htmldate, ``smart-open`` by others).

pip 23.2 in ``--require-hashes`` mode takes a pin of one spelling as no pin of the other: it
fetches the newest release for the unpinned spelling, then refuses it as unpinned (an install
failed so as soon as lxml released a version newer than the lock's). Each spelling is written
with the same version and hashes. ``make lock`` runs this on both locks.

Usage: python tools/pin_extras.py LOCK [LOCK ...]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

EXTRAS = {"lxml": "html_clean", "smart-open": "http"}


def _block(text: str, spelled: str) -> str | None:
    """The lock's entry for ``spelled`` (its pin line and hash lines), if there is one."""
    found = re.search(rf"^{re.escape(spelled)}==[^\n]*\\\n(?:    --hash=[^\n]*\n)+", text, re.M)
    return found.group(0) if found else None


def pinned_both_ways(text: str) -> str:
    for name, extra in EXTRAS.items():
        with_extra, plain = f"{name}[{extra}]", name
        extra_block, plain_block = _block(text, with_extra), _block(text, plain)
        if extra_block and not plain_block:
            text = text.replace(
                extra_block, extra_block + extra_block.replace(with_extra, plain, 1)
            )
        elif plain_block and not extra_block:
            text = text.replace(
                plain_block, plain_block.replace(plain, with_extra, 1) + plain_block
            )
    return text


def main(paths: list[str]) -> None:
    for path in map(Path, paths):
        path.write_text(pinned_both_ways(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
