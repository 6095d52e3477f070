"""JSON from pages and APIs: nesting is bounded and reported as malformed JSON, never a crash."""

from __future__ import annotations

import json

import pytest

from footprint.util.jsonsafe import TooDeep, depth, loads


def test_deep_nesting_is_too_deep_not_a_recursion_error() -> None:
    with pytest.raises(TooDeep):
        loads("[" * 100_000 + "]" * 100_000)
    with pytest.raises(json.JSONDecodeError):  # so every "not JSON" handler catches it
        loads('{"a":' * 100 + "1" + "}" * 100, max_depth=64)


def test_ordinary_json_and_its_depth() -> None:
    assert loads('{"a": [1, {"b": []}]}') == {"a": [1, {"b": []}]}
    assert depth({"a": [1, {"b": []}]}) == 4
    assert depth(3) == 0
    assert loads(b"[[1]]", max_depth=2) == [[1]]
    with pytest.raises(TooDeep):
        loads("[[[1]]]", max_depth=2)


def test_api_bodies_are_bounded() -> None:
    from footprint.net.client import FetchError, Response

    body = "[" * 50_000 + "]" * 50_000
    response = Response("u", "u", 200, {}, "application/json", body.encode(), body)
    with pytest.raises(FetchError, match="not JSON"):
        response.json()
