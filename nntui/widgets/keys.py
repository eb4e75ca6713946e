"""Keys shared by section bodies, so every game answers to the same keys (DESIGN.md).

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


_AXES = {"x": (("left", "h"), ("right", "l"), "←→", "h/l"),
         "y": (("down", "j"), ("up", "k"), "↑↓", "j/k")}


def axis_keys(axis: str, action: str, label: str, *, coarse: int | None = None,
              coarse_label: str | None = None, reverse: bool = False) -> list[Binding]:
    """The keys of one game axis: "x" is ←/→ (and h/l), "y" is ↓/↑ (and j/k).

    ``action`` is an action template taking the signed step, e.g. ``"turn({})"`` gives
    ``turn(-1)`` and ``turn(1)``; shift moves ``coarse`` steps at once. ``reverse`` makes ↑ the
    negative direction (a list where up means "previous"). The Footer shows one entry
    ("←→ label"); the help screen lists the rest.
    """
    negative, positive, arrows, vim = _AXES[axis]
    if reverse:
        negative, positive = positive, negative
    keys = [Binding(negative[0], action.format(-1), label, key_display=arrows),
            Binding(positive[0], action.format(1), label, show=False, key_display=arrows),
            Binding(negative[1], action.format(-1), label, show=False, key_display=vim),
            Binding(positive[1], action.format(1), label, show=False, key_display=vim)]
    if coarse:
        big = coarse_label or f"{label} in big steps"
        keys += [Binding(f"shift+{negative[0]}", action.format(-coarse), big, show=False,
                         key_display=f"shift+{arrows}"),
                 Binding(f"shift+{positive[0]}", action.format(coarse), big, show=False,
                         key_display=f"shift+{arrows}")]
    return keys
