"""Lesson templates: figures are filled from computed values, never left blank."""

from __future__ import annotations

import pytest

from nntui import content


def test_fill_formats_values():
    assert content.fill("σ(0.7) ≈ {{s:.3f}}, z = {{z}}", {"s": 0.66818777, "z": 0.7}) == \
        "σ(0.7) ≈ 0.668, z = 0.7"


def test_missing_value_is_an_error_not_a_blank():
    with pytest.raises(KeyError, match="total"):
        content.fill("{{total}} parameters", {})


def test_placeholders_lists_names():
    assert content.placeholders("{{a}} and {{ b:.2f }} but not {c}") == {"a", "b"}
