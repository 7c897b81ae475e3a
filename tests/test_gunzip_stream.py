"""The streaming inflater behind WARC reading: gzip of any number of members, plain data as it
is, and a cut or broken file inflated as far as its data goes."""

from __future__ import annotations

import gzip
import io
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from triangulate.ingest.decode import GunzippedStream


def read_all(data: bytes, size: int, limit: int | None = None) -> tuple[bytes, GunzippedStream]:
    stream = GunzippedStream(io.BytesIO(data), limit)
    out = []
    while chunk := stream.read(size):
        out.append(chunk)
    return b"".join(out), stream


members = st.lists(st.binary(max_size=3000), min_size=1, max_size=5)
reads = st.sampled_from([1, 7, 4096, 1 << 20])


@settings(max_examples=200, deadline=None)
@given(members, reads)
def test_every_member_is_inflated_in_order(parts: list[bytes], size: int) -> None:
    data = b"".join(gzip.compress(part) for part in parts)
    out, stream = read_all(data, size)
    assert out == b"".join(parts) and stream.tell() == len(out)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=5000), reads)
def test_plain_data_is_given_as_it_is(data: bytes, size: int) -> None:
    if data.startswith(b"\x1f\x8b"):
        data = b"x" + data
    assert read_all(data, size)[0] == data


@settings(max_examples=200, deadline=None)
@given(members, st.integers(min_value=1, max_value=4000), reads)
def test_a_cut_file_gives_all_that_its_data_holds(parts: list[bytes], cut: int, size: int) -> None:
    data = b"".join(gzip.compress(part) for part in parts)
    cut_data = data[: max(2, len(data) - cut)]
    expected = b""
    rest = cut_data
    while rest:  # what zlib itself inflates of the same bytes, member by member
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            expected += inflater.decompress(rest)
        except zlib.error:
            break
        rest = inflater.unused_data if inflater.eof else b""
    out, _ = read_all(cut_data, size)
    assert out == expected and b"".join(parts).startswith(out)


def test_a_broken_member_ends_the_stream_and_the_limit_is_told() -> None:
    first, second = gzip.compress(b"a" * 100), gzip.compress(b"b" * 100)
    broken = first + second[:10] + b"\xff" * 20 + second[10:]
    assert read_all(broken, 64)[0] == b"a" * 100
    out, stream = read_all(first + second, 64, limit=150)
    assert out == b"a" * 100 + b"b" * 50 and stream.cut_at_limit
    out, stream = read_all(first + second, 64, limit=200)
    assert out == b"a" * 100 + b"b" * 100 and not stream.cut_at_limit
