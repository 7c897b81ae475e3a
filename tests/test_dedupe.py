"""Near-duplicate signatures and their LSH index (numpy, no datasketch)."""

from __future__ import annotations

import hashlib
import random

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


def test_a_text_at_the_threshold_is_a_candidate_99_times_in_100() -> None:
    expected = {0.5: (32, 2), 0.7: (21, 3), 0.8: (12, 5), 0.9: (9, 7)}
    assert {t: dedupe.lsh_bands(t) for t in expected} == expected
    for threshold, (bands, rows) in expected.items():
        assert 1 - (1 - threshold**rows) ** bands >= dedupe.CANDIDATE_RECALL
        longer = 64 // (rows + 1)  # one more row a band: fewer bands, below the recall
        assert 1 - (1 - threshold ** (rows + 1)) ** longer < dedupe.CANDIDATE_RECALL


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


def test_copies_just_over_the_threshold_are_found() -> None:
    """Edited copies of an invented text whose shingles are 0.8 to 0.9 alike: the index finds
    nearly all (5 bands of 11 values found about half of such copies)."""
    rng = random.Random(7)
    vocabulary = [f"word{k}" for k in range(400)]
    original = " ".join(rng.choice(vocabulary) for _ in range(600))
    index = dedupe.DuplicateIndex(threshold=0.8)
    index.add("original", dedupe.signature(original))
    near = found = 0
    for _ in range(200):
        words = original.split()
        for position in rng.sample(range(len(words)), rng.randint(3, 12)):
            words[position] = rng.choice(vocabulary)
        copy = " ".join(words)
        shingles_of = set(dedupe.shingles(original)), set(dedupe.shingles(copy))
        alike = len(shingles_of[0] & shingles_of[1]) / len(shingles_of[0] | shingles_of[1])
        if 0.8 <= alike <= 0.9:
            near += 1
            found += index.original_of("copy", dedupe.signature(copy)) == "original"
    assert near >= 50
    assert found >= 0.85 * near
