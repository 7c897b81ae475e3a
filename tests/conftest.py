"""Shared fixtures: small invented articles, a store file, a local HTTP server."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from triangulate.settings import Settings
from triangulate.store import Store, open_store

if TYPE_CHECKING:
    from triangulate.models import Claim
    from triangulate.nlp.encoder import TextEncoder


@pytest.fixture(scope="session")
def encoder() -> TextEncoder:
    """The packaged sentence model, loaded once for every test that compares articles."""
    from triangulate.nlp.encoder import load_encoder

    return load_encoder()


def compare_texts(encoder: TextEncoder, *texts: str) -> list[Claim]:
    """The claims of invented articles, one per text from "Outlet 1" on, each a day later,
    read by the real readers and compared by ``compare()``."""
    from triangulate.compare.claims import compare
    from triangulate.models import Article
    from triangulate.readers.reader import read_many

    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet=f"Outlet {i}", published="2031-05-0" + str(i))
        for i, text in enumerate(texts, start=1)
    ]
    return compare(articles, read_many(articles), encoder)


def shown_sides(claims: Sequence[Claim], kind: str, status: str) -> list[list[str]]:
    """Each claim of ``kind`` and :attr:`Claim.section` ``status`` as its sides' displays
    (sorted), in claim order."""
    return [
        sorted(side.display for side in claim.sides)
        for claim in claims
        if claim.kind == kind and claim.section == status
    ]


def compare_dated(encoder: TextEncoder, dated: Sequence[tuple[str | None, str]]) -> list[Claim]:
    """The claims of articles a1, a2, ... of outlets 1, 2, ..., each (publication day, text),
    read by the real readers and compared by ``compare()``."""
    from triangulate.compare.claims import compare
    from triangulate.models import Article
    from triangulate.readers.reader import read_many

    articles = [
        Article(f"a{i}", f"a{i}.txt", text, outlet=f"Outlet {i}", published=published)
        for i, (published, text) in enumerate(dated, start=1)
    ]
    return compare(articles, read_many(articles), encoder)


SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

STORY = """Harbour cranes fall silent as Portvale strike enters second week

Dock workers in the fictional port city of Portvale walked off the job on Monday, the union said.

Accept cookies to continue reading. We use cookies to improve your experience.

About 1,200 workers joined the strike, according to union leader Mara Castell, who said talks had stalled.

"We will not go back until the contract is signed," Castell told reporters outside the terminal.

The port authority said in a statement that 40 ships were waiting offshore.

Share this article
"""

WIRE = """Strike at Portvale port leaves ships waiting offshore

Around 1,200 dock workers at the port of Portvale in the invented republic of Estrava stayed away from work on Tuesday for a second day running, the dockers' union said in a statement.

The union's leader, Mara Castell, told reporters that talks with the port authority had stalled over pay and that no new meeting had been scheduled for this week.

The port authority said that forty container ships were waiting offshore and that perishable cargo was being diverted to the smaller harbour of Lindmouth further down the coast.

Shipping agents said the delays were already costing exporters several million crowns a day.
"""


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "store.db", workers=1)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    with open_store(settings.db) as opened:
        yield opened


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def http_root(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real HTTP server on 127.0.0.1 serving files from a temporary folder."""
    root = tmp_path / "site"
    root.mkdir()

    def handler(*args: object, **kwargs: object) -> _Handler:
        return _Handler(*args, directory=str(root), **kwargs)  # type: ignore[arg-type]

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)  # type: ignore[arg-type]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()
