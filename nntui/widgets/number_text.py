"""Numbers written the way a formula on screen should read them."""

from __future__ import annotations

import math


def num(value: float, decimals: int = 1, sign: bool = False, brackets: bool = False) -> str:
    """``value`` with a real minus sign (−), never "−0.0"; ``sign`` adds "+" to positives,
    ``brackets`` wraps negatives so that "w × (−0.4)" reads as one factor."""
    text = f"{value:.{decimals}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    if text.startswith("-"):
        text = "−" + text[1:]
        return f"({text})" if brackets else text
    return f"+{text}" if sign else text


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def sci(value: float, digits: int = 2) -> str:
    """``value`` in scientific notation as a formula writes it: ``9.5×10⁻⁷``, ``−3.1×10²``;
    ``digits`` significant digits, and no power of ten between 0.01 and 1000."""
    if value == 0 or not math.isfinite(value):
        return num(value, digits - 1) if value == 0 else str(value)
    exponent = math.floor(math.log10(abs(value)))
    mantissa = round(value / 10**exponent, digits - 1)
    if abs(mantissa) >= 10:  # 9.96 rounds up to 10.0
        mantissa, exponent = mantissa / 10, exponent + 1
    if -2 <= exponent < 3:
        return num(value, max(0, digits - 1 - exponent))
    return f"{num(mantissa, digits - 1)}×10{str(exponent).translate(_SUPERSCRIPT)}"
