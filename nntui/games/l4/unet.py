"""U-Net: the section body (model in ``unet_model``). An ``AnimatedSection``: a pulse walks
the stages; the shapes are recomputed from the learner's choices on every key."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui.widgets.keys import axis_keys
from nntui.widgets.playing import ModelAnimation

from .unet_model import Stage, UNet

BOX = 20
GAP = 26
HERE = "bold reverse"


def shape_text(shape: tuple[int, int, int]) -> str:
    return "×".join(str(n) for n in shape)


def box(stage: Stage, lit: bool) -> Text:
    mark = "●" if lit else " "
    return Text(f"▕{mark}{stage.name} {shape_text(stage.shape)}".ljust(BOX - 1) + "▏",
                HERE if lit else "")


def what_happens(stage: Stage) -> str:
    """One stage's work, with its real shapes."""
    s = shape_text(stage.shape)
    if stage.kind == "input":
        return f"the image enters: {s} (height × width × channels)"
    if stage.kind in ("enc", "bottom"):
        after = "; then a 2×2 max-pool halves the size" if stage.kind == "enc" else ""
        return f"two 3×3 convs, padding 1 (size kept): → {s}{after}"
    if stage.kind == "dec":
        got = (f" + skip {shape_text(stage.skip)} → {shape_text(stage.joined)}"
               if stage.skip else ", no skip")
        return f"up-conv ×2 → {shape_text(stage.up)}{got}; two convs → {s}"
    return f"a 1×1 conv gives one channel per class: {s}"


class UnetView(ModelAnimation):
    """Boxes for every stage of a U-Net; a pulse down, across and up."""

    HELP = (
        "p sends the pulse along the U (and pauses), s moves it one stage, r puts it back at "
        "the input. ←/→ (h/l) change the input size, c the input channels (1 grey or 3 RGB), "
        "f the width of the first level, space turns the skip connections on or off. Shapes "
        "are height×width×channels, computed from the convolution formulas: a 3×3 conv with "
        "padding 1 keeps the size, a 2×2 pool halves it, a 2×2 up-conv of stride 2 doubles it, "
        "and joining a skip adds its channels."
    )
    BINDINGS = [*axis_keys("x", "size({})", "size"),
                Binding("c", "channels", "in ch"),
                Binding("f", "filters", "width"),
                Binding("space", "skips", "skips")]
    INTERVAL = 0.6

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = UNet()

    def compose(self):
        yield Static(id="unet-settings")
        yield Static(id="unet-path")
        yield Static(id="unet-detail")

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        self.refresh_view()

    # --- playing (AnimatedSection) ------------------------------------------------------

    def restart(self) -> None:
        self.model.pulse = 0

    # --- keys -----------------------------------------------------------------------

    def action_size(self, step: int) -> None:
        self.model.turn_size(step)
        self.refresh_view()

    def action_channels(self) -> None:
        self.model.cycle_channels()
        self.refresh_view()

    def action_filters(self) -> None:
        self.model.cycle_filters()
        self.refresh_view()

    def action_skips(self) -> None:
        self.model.toggle_skips()
        self.refresh_view()

    # --- drawing --------------------------------------------------------------------

    def refresh_view(self) -> None:
        m = self.model
        settings = Text(no_wrap=True, overflow="ellipsis")
        settings.append(f"input {m.size}×{m.size}×{m.channels} · first width {m.filters} · "
                        f"skips {'ON' if m.skips else 'off'} · parameters {m.params:,}", "bold")
        self.query_one("#unet-settings", Static).update(settings)
        self.query_one("#unet-path", Static).update(self.path())
        self.query_one("#unet-detail", Static).update(self.detail())

    def path(self) -> Text:
        m = self.model
        all_stages = m.stages()
        lit = all_stages[m.pulse]
        enc = [s for s in all_stages if s.kind == "enc"]
        dec = {s.level: s for s in all_stages if s.kind == "dec"}
        first, last = all_stages[0], all_stages[-1]
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f" {'●' if lit is first else ' '}input {shape_text(first.shape)} ▼".ljust(BOX),
                    HERE if lit is first else "")
        text.append(" " * GAP)
        text.append(f" ▲ {'●' if lit is last else ''}output {shape_text(last.shape)}",
                    HERE if lit is last else "")
        text.append("\n")
        for stage in enc:
            up = dec[stage.level]
            text.append(" ")
            text.append_text(box(stage, lit is stage))
            if up.skip:
                arrow = f" copy {shape_text(up.skip)} "
                text.append(arrow.center(GAP - 2, "━") + "━▶", HERE if lit is up else "")
            else:
                text.append(" no skip ".center(GAP, "╌"))
            text.append_text(box(up, lit is up))
            text.append(f"\n {'▼ max-pool ½':^{BOX}}{'':{GAP}}{'▲ up-conv ×2':^{BOX}}\n")
        bottom = next(s for s in all_stages if s.kind == "bottom")
        text.append(" " * (1 + (BOX + GAP) // 2))
        text.append_text(box(bottom, lit is bottom))
        return text

    def detail(self) -> Text:
        m = self.model
        here = m.here
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{here.name}: ", "bold")
        text.append(what_happens(here) + "\n")
        text.append("channels each decoder level's convolutions receive:\n")
        on, off = m.stages(skips=True), m.stages(skips=False)
        for with_skip, without in zip(on, off):
            if with_skip.kind == "dec":
                up_c = with_skip.up[2]
                parts = f"{up_c}+{with_skip.skip[2]}"
                text.append(f" {with_skip.name}: skips on {parts:>7} = {with_skip.joined[2]:<4} "
                            f"off {without.joined[2]:<4}",
                            "bold" if with_skip.name == here.name else "")
                text.append("\n")
        with_params = sum(s.params for s in on)
        without_params = sum(s.params for s in off)
        text.append(f"skips add {with_params - without_params:,} weights and hand the decoder "
                    "fine detail")
        return text
