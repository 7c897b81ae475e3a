"""The counted noun's token is found by binary search, as a scan of every token finds it."""

from __future__ import annotations

from typing import Any

from triangulate.nlp.language import load_nlp
from triangulate.readers.quantities import _Tokens, find_quantities

TEXT = (
    "Nearly 1,400 workers left the fictional smelter at Brenholt, and 24,000 residents\n\n"
    "were evacuated over  three days; 7 inspectors stayed. The 2 ferries sailed at 5."
)


def _scanned(doc: Any, char: int) -> Any:
    for token in doc:
        if token.idx <= char < token.idx + len(token.text):
            return token
    return None


def test_every_character_maps_to_the_token_a_scan_finds() -> None:
    doc = load_nlp()(TEXT)
    tokens = _Tokens(doc)
    for char in range(-1, len(TEXT) + 2):
        found, expected = tokens.at(char), _scanned(doc, char)
        assert (found.i if found is not None else None) == (
            expected.i if expected is not None else None
        ), char


def test_counted_nouns_come_from_the_parse() -> None:
    doc = load_nlp()(TEXT)
    units = {q.value: q.unit for q in find_quantities(TEXT, "a", doc)}
    assert units[1400] == "workers" and units[24000] == "residents"
