"""Keys shared by Level 1 section bodies.

Section bodies scroll (they are ``VerticalScroll``), so up/down would scroll the pane; in a game
they move the focus between sliders and pickers instead, and page up/down still scroll.
"""

from textual.binding import Binding

FOCUS_BINDINGS = [
    Binding("down", "app.focus_next", "next control", show=False),
    Binding("up", "app.focus_previous", "previous control", show=False),
    Binding("j", "app.focus_next", "next control", show=False),
    Binding("k", "app.focus_previous", "previous control", show=False),
]


def digit_bindings(action: str, names: tuple[str, ...] | list[str], description: str,
                   show: bool = True) -> list[Binding]:
    """Keys 1…n call ``action(i)``; the Footer shows them as one entry "1-n description"."""
    return [Binding(str(i + 1), f"{action}({i})", description if i == 0 else name,
                    show=show and i == 0, key_display=f"1-{len(names)}" if i == 0 else None)
            for i, name in enumerate(names)]
