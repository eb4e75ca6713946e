"""Keys shared by Level 1 section bodies: up/down move between the controls.

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
