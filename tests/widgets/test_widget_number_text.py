"""Tests for widget number text: model and Pilot."""

from __future__ import annotations

import pytest

from nntui.widgets.number_text import num


@pytest.mark.parametrize("value, kwargs, text", [
    (-0.4, {}, "−0.4"), (-0.4, {"brackets": True}, "(−0.4)"), (0.6, {"sign": True}, "+0.6"),
    (-0.04, {"sign": True}, "+0.0"), (-0.0, {"brackets": True}, "0.0"),
    (0.6667, {"decimals": 3}, "0.667")])
def test_numbers_read_as_formula_text(value, kwargs, text):
    assert num(value, **kwargs) == text

