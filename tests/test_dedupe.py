"""Near-duplicate signatures and their LSH index (numpy, no datasketch)."""

from __future__ import annotations

import hashlib

import numpy as np

from triangulate.ingest import dedupe

TEXT = (
    "The river authority of Kestrel Bay said on Tuesday that the old ferry pier would close "
    "for repairs until the spring, and that the night service would stop."
)
OTHER = (
    "A choir from the hill village of Anselm Ford won the regional festival with a programme "
    "of folk songs, its conductor said after the final round on Saturday evening."
)


def test_signatures_keep_the_values_stored_by_earlier_versions() -> None:
    # the hash values datasketch 2.0 gave for this text (num_perm=64, crc32, "affine32"):
    # stores written before the switch to numpy hold such signatures
    signature = dedupe.signature(TEXT)
    assert signature.dtype == np.uint32 and signature.shape == (64,)
    assert list(signature[:4]) == [203322007, 50667855, 96590933, 5741532]
    assert hashlib.sha256(dedupe.to_bytes(signature)).hexdigest() == (
        "c660e23b26cdb200a27e31b9f07e5d532691c684ce6bec361b423b1f854ea620"
    )
    assert (dedupe.from_bytes(dedupe.to_bytes(signature)) == signature).all()


def test_bands_are_those_datasketch_chose_for_the_threshold() -> None:
    expected = {0.5: (14, 4), 0.7: (8, 8), 0.8: (5, 11), 0.9: (3, 21)}
    assert {t: dedupe.lsh_bands(t) for t in expected} == expected


def test_a_near_copy_is_found_and_a_different_text_is_not() -> None:
    index = dedupe.DuplicateIndex(threshold=0.8)
    index.add("original", dedupe.signature(TEXT + " " + OTHER))
    index.add("unrelated", dedupe.signature(OTHER.replace("choir", "band") * 3))
    copy = TEXT + " " + OTHER.replace("Saturday", "Sunday")
    assert index.original_of("copy", dedupe.signature(copy)) == "original"
    assert index.original_of("new", dedupe.signature("Nothing like the others at all.")) is None
    # an article is never its own original
    assert index.original_of("original", dedupe.signature(TEXT + " " + OTHER)) is None


def test_re_adding_an_article_replaces_its_signature() -> None:
    index = dedupe.DuplicateIndex(threshold=0.8)
    index.add("a", dedupe.signature(TEXT))
    index.add("a", dedupe.signature(OTHER))
    assert index.original_of("b", dedupe.signature(TEXT)) is None
    assert index.original_of("b", dedupe.signature(OTHER)) == "a"
