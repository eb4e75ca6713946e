"""Convolution: the section body (model in ``conv_model``)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.canvas import shade_char
from nntui.widgets.keys import axis_keys, digit_bindings
from nntui.widgets.number_text import num
from nntui.widgets.playing import AnimatedSection

from .conv_model import CHALLENGES, K, N, OWN, PRESETS, ConvGame

KERNEL_NAMES = (*PRESETS, OWN)
REVERSE = "reverse bold"


def weight(v: float) -> str:
    """A kernel weight in at most four cells: 1, −0.5, 0.11."""
    return num(v, 0) if float(v).is_integer() else num(v, 2 if abs(v) < 0.1 else 1 if
                                                      (v * 2).is_integer() else 2)


class ConvView(AnimatedSection):
    """Draw, pick or build a 3×3 kernel, and watch the window fill the feature map."""

    HELP = (
        "**Draw** with the arrows (or hjkl) and space; c clears the drawing. **Kernels**: 1–8 "
        "pick a preset, 9 your own. e switches the arrows to your own kernel: move over its "
        "weights and change them with + and − (0.5 at a time). a cycles the padding (0, 1, 2), "
        "t the stride (1, 2, 3); the output size follows ⌊(n + 2p − k)/s⌋ + 1. p plays the "
        "window across the image, s moves it one step, r starts again. On the left the window "
        "is drawn ▓ (lit) and ░ (dark); padding cells are blank. The feature map shades each "
        "cell by |value| and marks negatives with −.\n\n"
        "**Challenges** test your own kernel on fixed test images (a horizontal edge, a "
        "vertical edge, a flat image, a dot); each one passed is recorded as a win."
    )
    BINDINGS = [
        *[replace(b, key_display="arrows") if b.show else b
          for b in axis_keys("x", "move(0, {})", "move")],
        *[replace(b, show=False) for b in axis_keys("y", "move({}, 0)", "move", reverse=True)],
        Binding("space", "toggle", "pixel"),
        Binding("e", "edit", "edit"),
        Binding("plus,equals_sign", "nudge(1)", "weight", key_display="+/−"),
        Binding("minus", "nudge(-1)", "weight −", show=False),
        *digit_bindings("pick", KERNEL_NAMES, "kernel"),
        Binding("a", "padding", "pad"),
        Binding("t", "stride", "stride"),
        Binding("c", "clear", "clear", show=False),
    ]
    INTERVAL = 0.25

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.game = ConvGame()
        self.editing = False

    def compose(self):
        yield Static(id="cv-status")
        yield Static(id="cv-challenges")
        with Horizontal(id="cv-body"):
            yield Static(id="cv-image")
            yield Static(id="cv-map")
            yield Static(id="cv-work")
        yield Static(id="cv-hint")

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        store = self.store
        if store is not None:
            self.game.passed = {(a.details or {}).get("challenge") for a in
                                store.attempts(self.section.id) if a.won}
        self.refresh_view()

    def check_action(self, action: str, parameters):
        if action == "nudge":
            return self.editing
        if action == "toggle":
            return not self.editing
        return super().check_action(action, parameters)

    # --- AnimatedSection ---------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.game.finished

    def advance(self) -> bool:
        return self.game.advance()

    def restart(self) -> None:
        self.game.rewind()

    # --- keys -------------------------------------------------------------------------

    def action_move(self, dr: int, dc: int) -> None:
        if self.editing:
            self.game.move_kernel(dr, dc)
        else:
            self.game.move(dr, dc)
        self.refresh_view()

    def action_toggle(self) -> None:
        self.game.toggle()
        self.refresh_view()

    def action_clear(self) -> None:
        self.game.clear()
        self.refresh_view()

    def action_edit(self) -> None:
        self.editing = not self.editing
        if self.editing:
            self.game.pick(OWN)
        self.refresh_bindings()
        self.refresh_view()

    def action_nudge(self, steps: int) -> None:
        self.announce(self.game.nudge(steps))
        self.refresh_view()

    def action_pick(self, index: int) -> None:
        self.game.pick(KERNEL_NAMES[index])
        if self.editing and KERNEL_NAMES[index] != OWN:
            self.editing = False
            self.refresh_bindings()
        self.refresh_view()

    def action_padding(self) -> None:
        self.game.cycle_padding()
        self.refresh_view()

    def action_stride(self) -> None:
        self.game.cycle_stride()
        self.refresh_view()

    def announce(self, new) -> None:
        for challenge in new:
            self.record_attempt(len(self.game.passed), len(CHALLENGES), True,
                                {"challenge": challenge.id, "kernel": self.game.own.tolist()})
            self.notify(f"★ Challenge passed: {challenge.title}", title="Convolution")

    # --- drawing --------------------------------------------------------------------

    def refresh_view(self) -> None:
        if not self.is_attached:  # is_mounted turns True only after on_mount
            return
        g = self.game
        status = Text(no_wrap=True, overflow="ellipsis")
        status.append(f"kernel {g.kernel_label}", "bold")
        status.append(f" · pad p={g.padding} · stride s={g.stride} · output "
                      f"⌊({N} + 2·{g.padding} − {K})/{g.stride}⌋ + 1 = {g.out_size}")
        self.query_one("#cv-status", Static).update(status)
        self.query_one("#cv-challenges", Static).update(self.challenges_text())
        self.query_one("#cv-image", Static).update(self.image_text())
        self.query_one("#cv-map", Static).update(self.map_text())
        self.query_one("#cv-work", Static).update(self.work_text())
        mode = ("editing your kernel: arrows pick a weight, +/− change it, e to draw again"
                if self.editing else "drawing: arrows move, space flips a pixel, e edits "
                "your own kernel")
        self.query_one("#cv-hint", Static).update(Text(mode, no_wrap=False))

    def challenges_text(self) -> Text:
        text = Text(no_wrap=False)
        text.append("Your kernel must do: ", "bold")
        for i, c in enumerate(CHALLENGES):
            mark = "✓" if c.id in self.game.passed else "☐"
            text.append(("  " if i else "") + f"{mark} {c.title}")
        return text

    def image_text(self) -> Text:
        g = self.game
        p = g.padding
        size = N + 2 * p
        step = g.current()
        text = Text(no_wrap=True)
        text.append(f"input {N}×{N}" + (f" + pad {p}" if p else "") + "\n", "bold")
        for r in range(size):
            for c in range(size):
                inside = p <= r < N + p and p <= c < N + p
                lit = inside and g.image[r - p, c - p] > 0.5
                in_window = step is not None and step.top <= r < step.top + K \
                    and step.left <= c < step.left + K
                cursor = not self.editing and inside and (r - p, c - p) == g.cursor
                if cursor:
                    text.append("◆◆" if lit else "◇◇", REVERSE)
                elif in_window:
                    text.append("▓▓" if lit else "░░", "bold")
                elif not inside:
                    text.append("  ")
                else:
                    text.append("██" if lit else "··")
            text.append("\n")
        return text

    def map_text(self) -> Text:
        g = self.game
        out = g.feature_map()
        scale = float(np.max(np.abs(out))) or 1.0
        text = Text(no_wrap=True)
        text.append(f"feature map {g.out_size}×{g.out_size}\n", "bold")
        for r in range(g.out_size):
            for c in range(g.out_size):
                index = r * g.out_size + c
                if index >= g.revealed:
                    text.append("  ")
                    continue
                v = out[r, c]
                cell = shade_char(abs(v) / scale).replace(" ", "·") + ("−" if v < -1e-9 else " ")
                text.append(cell, REVERSE if index == g.revealed - 1 else "")
            text.append("\n")
        return text

    def work_text(self) -> Text:
        g = self.game
        text = Text(no_wrap=True)
        text.append("kernel" + (" (yours, editing)" if self.editing else "") + "\n", "bold")
        for i in range(K):
            for j in range(K):
                cell = f"{weight(g.kernel[i, j]):>5}"
                on = self.editing and (i, j) == g.kernel_cursor
                text.append(f"[{cell.strip():>4}]" if on else cell + " ",
                            REVERSE if on else "")
            text.append("\n")
        step = g.current()
        if step is None:
            text.append("\np or s: slide the window\n")
            return text
        text.append(f"\nwindow ⊙ kernel at ({step.row + 1}, {step.col + 1})\n", "bold")
        for i in range(K):
            row = [f"{weight(step.window[i, j])}×{weight(g.kernel[i, j])}" for j in range(K)]
            text.append(" ".join(f"{cell:>7}" for cell in row) + "\n")
        text.append(f"Σ = {num(step.total, 2)}", "bold")
        text.append(f"   ({g.revealed}/{g.total})\n")
        return text
