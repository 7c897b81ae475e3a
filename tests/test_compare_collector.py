"""The garbage collector during a comparison: what was alive before is left alone, and
the caller's own frozen objects stay frozen."""

from __future__ import annotations

import gc

from triangulate.compare.claims import _collecting_new_objects_only


def test_objects_alive_before_are_frozen_while_it_lasts_and_only_then() -> None:
    alive_before = [[n] for n in range(1000)]
    assert gc.get_freeze_count() == 0
    with _collecting_new_objects_only():
        assert gc.get_freeze_count() >= len(alive_before)
    assert gc.get_freeze_count() == 0


def test_a_callers_frozen_objects_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with _collecting_new_objects_only():
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_the_objects_are_unfrozen_when_the_comparison_fails() -> None:
    try:
        with _collecting_new_objects_only():
            raise ValueError("a comparison that fails")
    except ValueError:
        pass
    assert gc.get_freeze_count() == 0
