"""Build a network: the section body (model in ``build_network_model``).

The design is saved in the learner's settings after every change, so it is still there the next
time nntui starts.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui.widgets.section import SectionView

from nntui.widgets.keys import axis_keys
from .build_network_model import FIELDS, PALETTE, NetworkBuilder, param_formula, shape_text

SETTING_KEY = "l2.build-network.design"
PALETTE_KEYS = "1234567890"


def palette_text() -> Text:
    """The ten palette keys on two lines (five each), so no key is split from its name."""
    text = Text(no_wrap=True, overflow="ellipsis")
    lead = "Add below ▶: "
    text.append(lead, "bold")
    for index, (key, kind) in enumerate(zip(PALETTE_KEYS, PALETTE)):
        if index == 5:
            text.append("\n" + " " * len(lead))
        text.append(key, "bold reverse")
        text.append(f" {kind}  ")
    return text


def stack_text(builder: NetworkBuilder) -> Text:
    analysis = builder.analyse()
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append("   # layer      settings                 output shape     params\n", "bold")
    for index, (layer, report) in enumerate(zip(builder.layers, analysis.reports)):
        selected = index == builder.selected
        settings = layer.describe()
        if selected and builder.field_name:
            settings += f"  ‹{builder.field_name}›"
        params = "—" if report.params is None else f"{report.params:,}"
        line = (f"{'▶' if selected else ' '} {index + 1:>2} {layer.kind:<10} {settings:<24} "
                f"{shape_text(report.shape):<15} {params:>9}")
        text.append(line, "bold" if selected else "")
        if report.error:
            text.append("  ✗", "bold red")
        text.append("\n")
    if not builder.layers:
        text.append("  (empty)\n")
    label = "total" if analysis.valid else "total so far"
    text.append(f"{label:>57} {analysis.total:>9,}\n", "bold")
    return text


class BuildNetworkView(SectionView):
    """Stack layers from a palette; every shape, count and problem is worked out live."""

    HELP = (
        "Digits add a layer below the selected one: 1 Input, 2 Dense, 3 Conv2D, 4 MaxPool, "
        "5 LSTM, 6 Attention, 7 BatchNorm, 8 Dropout, 9 Flatten, 0 Output. ↑/↓ select a layer, "
        "shift+↑/↓ move it, ←/→ change its highlighted setting, enter picks the next setting, "
        "x (or delete) removes it, r puts the example design back and c clears the stack (each "
        "asks first: press the same key again to confirm). Shapes leave out "
        "the batch: (features,), (steps, features) or (height, width, channels). Convolutions "
        "use stride 1 and no padding; pooling uses a stride equal to its window. Your design "
        "is saved as you go."
    )
    BINDINGS = [
        # The Footer names the keys used on every visit; moving a layer, the example and
        # clearing are in HELP, so the global keys still fit at 80 columns.
        *axis_keys("y", "select({})", "layer", reverse=True),
        Binding("shift+up", "move(-1)", "move", show=False, key_display="⇧↑↓"),
        Binding("shift+down", "move(1)", "move down", show=False),
        *axis_keys("x", "adjust({})", "value"),
        Binding("enter", "next_field", "field"),
        Binding("x", "remove", "remove"),
        Binding("delete", "remove", "remove", show=False),
        Binding("backspace", "remove", "remove", show=False),
        Binding("r", "reset", "example", show=False),
        Binding("c", "clear", "clear", show=False),
        *[Binding(key, f"add({i})", kind, show=False)
          for i, (key, kind) in enumerate(zip(PALETTE_KEYS, PALETTE))],
    ]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.builder = NetworkBuilder()
        #: "example" or "clear" while that key waits for a second press to confirm.
        self.pending: str | None = None

    def compose(self):
        yield Static(palette_text(), id="bn-palette")
        yield Static(id="bn-stack")
        yield Static(id="bn-formula")
        yield Static(id="bn-status")

    def on_mount(self) -> None:
        saved = self.store.get_setting(SETTING_KEY) if self.store is not None else None
        if saved is not None:
            self.builder = NetworkBuilder.from_json(saved)
        self.focus()
        self.redraw()

    # --- actions ----------------------------------------------------------------

    def action_add(self, index: int) -> None:
        self.builder.add(PALETTE[index])
        self.changed()

    def action_remove(self) -> None:
        self.builder.remove()
        self.changed()

    def action_select(self, delta: int) -> None:
        self.builder.select(delta)
        self.redraw()

    def action_move(self, delta: int) -> None:
        self.builder.move(delta)
        self.changed()

    def action_adjust(self, delta: int) -> None:
        self.builder.adjust(delta)
        self.changed()

    def action_next_field(self) -> None:
        self.builder.next_field()
        self.redraw()

    def action_reset(self) -> None:
        if self.confirmed("example", NetworkBuilder().to_json()):
            self.builder = NetworkBuilder()
            self.changed()

    def action_clear(self) -> None:
        if self.confirmed("clear", []):
            self.builder.clear()
            self.changed()

    def confirmed(self, what: str, result: list) -> bool:
        """True on the second press in a row, or when nothing of the learner's would be
        lost; the first press only asks."""
        if self.pending == what or self.builder.to_json() in ([], result):
            return True
        self.pending = what
        self.redraw(keep_pending=True)
        return False

    def changed(self) -> None:
        if self.store is not None:
            self.store.set_setting(SETTING_KEY, self.builder.to_json())
        self.redraw()
        self.mark_complete()  # the learner has built something

    # --- drawing ----------------------------------------------------------------

    def redraw(self, keep_pending: bool = False) -> None:
        if not keep_pending:
            self.pending = None  # any other key cancels a question
        self.query_one("#bn-stack", Static).update(stack_text(self.builder))
        self.query_one("#bn-formula", Static).update(self.formula_text())
        if self.pending is not None:
            verb = ("replace your network with the example" if self.pending == "example"
                    else "clear your network")
            key = "r" if self.pending == "example" else "c"
            status = Text(f"Press {key} again to {verb}; any other key keeps it.")
        else:
            status = Text(self.builder.analyse().status)
        layer = self.builder.current
        if self.pending is None and layer is not None and FIELDS[layer.kind]:
            status.append(f"\n←/→ changes the {self.builder.field_name} of layer "
                          f"{self.builder.selected + 1}; enter moves to its next field.",
                          "not bold")
        self.query_one("#bn-status", Static).update(status)

    def formula_text(self) -> Text:
        """The selected layer's parameter formula with its numbers filled in."""
        b = self.builder
        text = Text(no_wrap=True, overflow="ellipsis")
        if b.current is None:
            return text
        formula = param_formula(b.layers, b.selected)
        text.append(f"▶ layer {b.selected + 1} {b.current.kind}: ", "bold")
        text.append(formula or "no count until the layers above fit together")
        return text
