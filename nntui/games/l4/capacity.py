"""Model capacity: the section body (model in ``capacity_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.bars import bar_text
from nntui.widgets.chart import Chart
from nntui.widgets.keys import axis_keys
from nntui.widgets.section import SectionView

from .capacity_model import Capacity

Y_LIMITS = (-1.5, 2.5)  # a wild high-degree fit leaves the frame rather than squash the data
VERDICTS = {
    "underfit": "underfit: too stiff to follow the curve — both errors are high",
    "good": "a good fit: close to the best validation error",
    "best": "★ the best degree: the lowest validation error of all",
    "overfit": "overfit: it bends to hit the noise — train error low, validation error up",
}



class CapacityView(SectionView):
    """Slide the polynomial degree; watch the fit and the two errors."""

    HELP = (
        "←/→ (or h/l) change the degree of the polynomial fitted to the training points "
        "(shift: 5 at a time). Left: the training points, the validation points and the "
        "fitted curve. Right: mean squared error on both sets for every degree (log scale), "
        "with your degree marked. Degree 0 is a flat line; each degree adds one coefficient. "
        "The section completes once you have seen an underfit, the best and an overfit degree."
    )
    BINDINGS = [*axis_keys("x", "turn({})", "degree", coarse=5, coarse_label="degree ±5")]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = Capacity()

    def compose(self):
        yield Static(id="cap-status")
        with Horizontal(id="cap-charts"):
            yield Chart(id="cap-fit")
            yield Chart(id="cap-errors")
        yield Static(id="cap-bars")
        yield Static(id="cap-verdict")

    def on_mount(self) -> None:
        self.focus()
        self.redraw()

    def action_turn(self, steps: int) -> None:
        self.model.turn(steps)
        if self.model.explored:
            self.mark_complete()
        self.redraw()

    def redraw(self) -> None:
        m = self.model
        status = Text(no_wrap=True, overflow="ellipsis")
        status.append(f"degree {m.degree} ", "bold reverse")
        status.append(f"  {m.degree + 1} coefficients for {len(m.data.x_train)} training "
                      f"points · best degree {m.curve.best}")
        self.query_one("#cap-status", Static).update(status)

        fit = self.query_one("#cap-fit", Chart)
        xs, ys = m.fitted()
        inside = (ys >= Y_LIMITS[0]) & (ys <= Y_LIMITS[1])
        fit.plot_series({"fit": (list(xs[inside]), list(ys[inside])),
                         "train": (list(m.data.x_train), list(m.data.y_train)),
                         "validation": (list(m.data.x_val), list(m.data.y_val))},
                        title=fit.legend_for(["fit", "train", "val"]),
                        scatter=["train", "validation"], xlim=(-1, 1), ylim=Y_LIMITS,
                        legend=False)

        errors = self.query_one("#cap-errors", Chart)
        degrees = list(m.degrees)
        errors.plot_series({"train": (degrees, list(m.curve.train_error)),
                            "validation": (degrees, list(m.curve.val_error)),
                            "you": ([m.degree], [m.val_error])},
                           title=errors.legend_for(["train", "val", "you"]) + " MSE",
                           scatter=["you"], ylog=True, legend=False)

        top = float(max(m.curve.train_error[0], m.curve.val_error[0]))
        bars = Text(no_wrap=True)
        for name, value in (("train MSE     ", m.train_error), ("validation MSE", m.val_error)):
            more = "▶" if value > top else " "
            bars.append(f"{name} ▕{bar_text(value, top, 30)}▏{more}{value:.3g}\n")
        self.query_one("#cap-bars", Static).update(bars)
        self.query_one("#cap-verdict", Static).update(Text(VERDICTS[m.verdict], "bold"))
