"""Numbers written the way a formula on screen should read them."""

from __future__ import annotations


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
