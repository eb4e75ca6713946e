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



def test_sci_writes_powers_of_ten_as_a_formula_does():
    from nntui.widgets.number_text import sci

    assert sci(0.25**10) == "9.5×10⁻⁷"
    assert sci(-4.7e8) == "−4.7×10⁸"
    assert sci(9.96e-5) == "1.0×10⁻⁴"  # rounding carries into the exponent
    assert sci(0.5344) == "0.53" and sci(12.345) == "12" and sci(0.0) == "0.0"
