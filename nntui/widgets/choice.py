"""Keyboard pickers: ``Choice`` (``label  ◀ sigmoid ▶``) and ``Toggle`` (``[x] label``)."""

from __future__ import annotations

from typing import Any, Sequence

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

__all__ = ["Choice", "Toggle"]

_PICKER_CSS = """
{name} {{
    width: 1fr;
    height: auto;
    min-height: 1;
}}
{name}:focus {{
    background: $boost;
}}
{name}:focus > .picker--label {{ text-style: bold; }}
{name} > .picker--value {{ color: $accent; text-style: bold; }}
{name} > .picker--arrow {{ color: $text-muted; }}
{name}:focus > .picker--arrow {{ color: $text; }}
"""


class Choice(Widget, can_focus=True):
    """Pick one of several options with left/right; wraps around.

    ``options`` is a list of strings, or of ``(label, value)`` pairs. ``value`` is the
    selected option's value (the string itself for plain strings).
    """

    # One Footer entry, like Slider's: the 80-column Footer has room for only a few.
    BINDINGS = [
        Binding("left", "previous", "pick", key_display="←→"),
        Binding("right", "next", "pick", show=False, key_display="←→"),
        Binding("h", "previous", "previous", show=False),
        Binding("l", "next", "next", show=False),
    ]
    COMPONENT_CLASSES = {"picker--label", "picker--value", "picker--arrow"}
    DEFAULT_CSS = _PICKER_CSS.format(name="Choice")

    index: reactive[int] = reactive(0, init=False)

    class Changed(Message):
        """Posted when the selected option changes."""

        def __init__(self, choice: "Choice", value: Any, index: int) -> None:
            super().__init__()
            self.choice = choice
            self.value = value
            self.index = index

        @property
        def control(self) -> "Choice":
            return self.choice

    def __init__(
        self,
        label: str,
        options: Sequence[str] | Sequence[tuple[str, Any]],
        value: Any = None,
        *,
        label_width: int | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        if not options:
            raise ValueError("Choice needs at least one option")
        self.label = label
        self.label_width = label_width
        self._options: list[tuple[str, Any]] = [
            (opt, opt) if isinstance(opt, str) else (str(opt[0]), opt[1]) for opt in options
        ]
        index = 0
        if value is not None:
            values = [v for _, v in self._options]
            if value not in values:
                raise ValueError(f"{value!r} is not one of the options")
            index = values.index(value)
        self.set_reactive(Choice.index, index)

    @property
    def options(self) -> list[tuple[str, Any]]:
        return list(self._options)

    @property
    def value(self) -> Any:
        return self._options[self.index][1]

    @value.setter
    def value(self, value: Any) -> None:
        values = [v for _, v in self._options]
        self.index = values.index(value)

    @property
    def selected_label(self) -> str:
        return self._options[self.index][0]

    def validate_index(self, index: int) -> int:
        return index % len(self._options)

    def watch_index(self, old: int, new: int) -> None:
        if old != new:
            self.post_message(self.Changed(self, self.value, new))

    def action_next(self) -> None:
        self.index += 1

    def action_previous(self) -> None:
        self.index -= 1

    def render(self) -> Text:
        label = self.label
        if self.label_width is not None:
            label = label[: self.label_width].ljust(self.label_width)
        widest = max(len(text) for text, _ in self._options)
        text = Text(no_wrap=True, overflow="crop", end="")
        text.append(f"{'▶' if self.has_focus else ' '} {label}  ",
                    self.get_component_rich_style("picker--label"))
        arrow = self.get_component_rich_style("picker--arrow")
        text.append("◀ ", arrow)
        text.append(self.selected_label.center(widest),
                    self.get_component_rich_style("picker--value"))
        text.append(" ▶", arrow)
        if len(self._options) > 1:
            text.append(f"  {self.index + 1}/{len(self._options)}", arrow)
        return text

    def on_click(self, event: events.Click) -> None:
        self.focus()
        self.action_next()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class Toggle(Widget, can_focus=True):
    """An on/off switch shown as ``[x] label`` / ``[ ] label``; space or enter flips it."""

    BINDINGS = [
        Binding("space", "toggle", "toggle", show=True),
        Binding("enter", "toggle", "toggle", show=False),
    ]
    COMPONENT_CLASSES = {"picker--label", "picker--value", "picker--arrow"}
    DEFAULT_CSS = _PICKER_CSS.format(name="Toggle")

    value: reactive[bool] = reactive(False, init=False)

    class Changed(Message):
        """Posted when the toggle flips."""

        def __init__(self, toggle: "Toggle", value: bool) -> None:
            super().__init__()
            self.toggle = toggle
            self.value = value

        @property
        def control(self) -> "Toggle":
            return self.toggle

    def __init__(
        self,
        label: str,
        value: bool = False,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.label = label
        self.set_reactive(Toggle.value, bool(value))

    def watch_value(self, old: bool, new: bool) -> None:
        if old != new:
            self.post_message(self.Changed(self, new))

    def action_toggle(self) -> None:
        self.value = not self.value

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop", end="")
        text.append(f"{'▶' if self.has_focus else ' '} ", self.get_component_rich_style("picker--label"))
        text.append("[x]" if self.value else "[ ]", self.get_component_rich_style("picker--value"))
        text.append(f" {self.label}", self.get_component_rich_style("picker--label"))
        return text

    def on_click(self, event: events.Click) -> None:
        self.focus()
        self.action_toggle()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
