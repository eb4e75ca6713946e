"""Pooling: the section body (model in ``pooling_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.number_text import num
from nntui.widgets.playing import ModelAnimation

from .pooling_model import SIZE, Pooling

CELL = 5  # characters per value


def cell(value: float) -> str:
    return f"{num(value, 1):>{CELL - 1}} "


class PoolingView(ModelAnimation):
    """2×2 max or average pooling, window by window."""

    HELP = (
        "p slides the 2×2 window over the feature map one position a beat (s: one step, "
        "r: from the start). m switches max / average pooling, t the stride (2: windows side "
        "by side, 1: overlapping windows). The window is shown in [brackets]; with max pooling "
        "the winning value is marked ★. The map on the left is a real convolution (a Sobel "
        "vertical-edge kernel over a small drawing)."
    )
    BINDINGS = [Binding("m", "mode", "max/avg"), Binding("t", "stride", "stride")]
    INTERVAL = 0.5

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = Pooling()

    def compose(self):
        yield Static(id="pl-status")
        with Horizontal(id="pl-body"):
            yield Static(id="pl-map")
            yield Static(id="pl-out")
        yield Static(id="pl-work")

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        self.refresh_view()

    def restart(self) -> None:
        self.model.revealed = 0

    def action_mode(self) -> None:
        self.model.switch_mode()
        self.refresh_view()

    def action_stride(self) -> None:
        self.model.switch_stride()
        self.refresh_view()

    def refresh_view(self) -> None:
        if not self.is_attached:  # is_mounted turns True only after on_mount
            return
        m = self.model
        n = len(m.fmap)
        status = Text(no_wrap=True, overflow="ellipsis")
        status.append(f"{'max' if m.mode == 'max' else 'average'} pooling, 2×2, stride {m.stride}",
                      "bold")
        status.append(f" · output ⌊({n} − {SIZE})/{m.stride}⌋ + 1 = {m.out_size} · "
                      f"window {m.revealed}/{m.total}")
        self.query_one("#pl-status", Static).update(status)
        step = m.current()
        fmap = Text(no_wrap=True)
        fmap.append(f"feature map {n}×{n}\n", "bold")
        for r in range(n):
            for c in range(n):
                inside = step is not None and step.top <= r < step.top + SIZE \
                    and step.left <= c < step.left + SIZE
                winner = inside and step.winner == (r - step.top, c - step.left)
                text = f"{num(m.fmap[r, c], 0):>3}"
                fmap.append(("★" if winner else "[") + text + "]" if inside else f" {text} ",
                            "reverse bold" if inside else "")
            fmap.append("\n")
        self.query_one("#pl-map", Static).update(fmap)
        pooled = m.pooled()
        out = Text(no_wrap=True)
        out.append(f"pooled {m.out_size}×{m.out_size}\n", "bold")
        for r in range(m.out_size):
            for c in range(m.out_size):
                index = r * m.out_size + c
                shown = cell(pooled[r, c]) if index < m.revealed else "   · "
                out.append(shown, "reverse bold" if index == m.revealed - 1 else "")
            out.append("\n")
        self.query_one("#pl-out", Static).update(out)
        work = Text(no_wrap=False)
        if step is None:
            work.append("Press p or s to slide the window.")
        else:
            values = ", ".join(num(v, 0) for v in step.window.ravel())
            rule = "max" if m.mode == "max" else "mean"
            work.append(f"{rule}({values}) = {num(step.value, 2)}", "bold")
            work.append("  — a 2×2 window keeps one number: the map shrinks, and a feature "
                        "that moves by a cell still lands in the same pooled cell.")
        self.query_one("#pl-work", Static).update(work)
