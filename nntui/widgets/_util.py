"""Small helpers shared by the widget kit (no Textual imports here)."""

from __future__ import annotations

from decimal import Decimal


def decimals_of(number: float) -> int:
    """How many decimal places `number` needs when written out (0.05 → 2, 1 → 0)."""
    try:
        exponent = Decimal(repr(float(number))).normalize().as_tuple().exponent
    except Exception:  # pragma: no cover - nan/inf
        return 0
    return max(0, -int(exponent)) if isinstance(exponent, int) else 0


def compact_number(value: float | None, width: int = 5) -> str:
    """Format a number so that it fits in `width` cells (right-justified)."""
    if value is None:
        return "·".center(width)
    v = float(value)
    if v != v:
        text = "nan"
    elif v in (float("inf"), float("-inf")):
        text = "∞" if v > 0 else "−∞"
    else:
        text = ""
        for decimals in (2, 1, 0):
            candidate = f"{v:.{decimals}f}"
            if len(candidate) <= width:
                text = candidate
                break
        if not text:
            text = f"{v:.0e}".replace("e+0", "e").replace("e-0", "e-")
    text = text.replace("-", "−")  # a true minus sign, same width, easier to read
    return text.rjust(width)[-width:] if len(text) > width else text.rjust(width)
