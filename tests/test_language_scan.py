"""The numpy byte scan counts py3langid's features as py3langid's own loop does."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from triangulate.ingest import metadata

SAMPLES = [
    "The harbour master of the fictional port of Lindmouth said the ferry would sail again.",
    "Der Hafenmeister der erfundenen Stadt Lindmund sagte, die Fähre fahre bald wieder.",
    "Капитан вымышленного порта сказал, что паром скоро снова пойдёт.",
    "虚构的港口的港务长说渡轮很快会再次启航。",
    "",
    "a",
]


def py3langid_counts(identifier: object, data: bytes) -> dict[int, int] | None:
    """py3langid's own walk over the automaton, one byte at a time."""
    from py3langid.langid import visit_counts

    scan = identifier.scan  # type: ignore[attr-defined]
    rows, features = _as_lists(scan)
    counts = visit_counts(scan.nextmove, rows, features, data)
    return None if counts is None else {int(key): value for key, value in counts.items()}


_LISTS: dict[int, tuple[list[int], list[int]]] = {}


def _as_lists(scan: Any) -> tuple[list[int], list[int]]:
    """The scan's row offsets and features as the lists py3langid walks (made once)."""
    if id(scan) not in _LISTS:
        _LISTS[id(scan)] = (scan.row_start.tolist(), scan.features.tolist())
    return _LISTS[id(scan)]


def scan_counts(identifier: object, data: bytes) -> dict[int, int] | None:
    found = identifier.scan.counts(data)  # type: ignore[attr-defined]
    if found is None:
        return None
    features, counts = found
    return dict(zip(features.tolist(), [int(count) for count in counts], strict=True))


def test_the_identifier_uses_the_numpy_scan() -> None:
    assert hasattr(metadata._identifier(), "scan")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300) | st.sampled_from(SAMPLES))
def test_the_scan_counts_every_feature_in_py3langids_order(text: str) -> None:
    identifier = metadata._identifier()
    data = identifier._encode(text)
    expected = py3langid_counts(identifier, data)
    found = scan_counts(identifier, data)
    assert found == expected
    if expected is not None:  # the order of first occurrence, as py3langid's Counter has it
        assert list(found or {}) == list(expected)


def test_the_answers_are_py3langids() -> None:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    reference = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    for text in SAMPLES:
        assert metadata._identifier().classify(text) == reference.classify(text)
