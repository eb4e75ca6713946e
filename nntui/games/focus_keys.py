"""Keys shared by Level 1 section bodies.

Section bodies scroll (they are ``VerticalScroll``), so up/down would scroll the pane; in a game
they move the focus between sliders and pickers instead, and page up/down still scroll.

At 80 columns the Footer has room for about six entries, and the plain ``Slider`` spends four
of them on ←, →, shift+← and shift+→, which pushes a game's own keys (check, play, step) off
the screen. ``CompactSlider`` shows one "←→ adjust" entry; the help screen still lists the rest.
"""

from textual.binding import Binding

from nntui.widgets.slider import Slider

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


class CompactSlider(Slider):
    """A ``Slider`` whose Footer entry is a single "←→ adjust"."""

    BINDINGS = [
        Binding("left", "decrease", "adjust", key_display="←→"),
        Binding("right", "increase", "adjust", show=False, key_display="←→"),
        Binding("shift+left", "decrease_coarse", "adjust in big steps", show=False,
                key_display="shift+←→"),
        Binding("shift+right", "increase_coarse", "adjust in big steps", show=False,
                key_display="shift+←→"),
        Binding("home", "to_minimum", "lowest / highest value", show=False,
                key_display="home/end"),
        Binding("end", "to_maximum", "lowest / highest value", show=False,
                key_display="home/end"),
    ]
