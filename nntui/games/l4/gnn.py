"""Graph networks: the section body (model in ``gnn_model``)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from nntui.widgets.bars import bar_text
from nntui.widgets.canvas import Canvas, shade_char
from nntui.widgets.keys import axis_keys
from nntui.widgets.number_text import num
from nntui.widgets.playing import ModelAnimation

from .gnn_model import EDGES, MAX_ROUNDS, NODES, POSITIONS, GraphSignal

EDGE_COLOUR = "#5a6b7d"
LIT_COLOUR = "#f2b134"
DARK_COLOUR = "#8a8a8a"


class GnnView(ModelAnimation):
    """One lit node's signal spreading over a graph, round by round of message passing."""

    HELP = (
        "Every node holds a vector h = (signal, degree). The signal is 1 at the lit node (★) "
        "and 0 elsewhere; the degree channel starts at the node's own number of neighbours "
        "divided by the largest. p plays one round of message passing per beat, s plays one "
        "round, r goes back to round 0. In a round each node gathers its own vector and its "
        "neighbours' and takes their mean (or sum: m switches). ←/→ (h/l) light another "
        "node. On the graph each node shows its signal as a shade (░▒▓█, blank = not reached "
        "yet); the table gives the exact vectors. Playing all rounds completes the section."
    )
    BINDINGS = [*axis_keys("x", "pick({})", "lit node"), Binding("m", "aggregate", "mean/sum")]
    INTERVAL = 1.0

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = GraphSignal()

    def compose(self):
        yield Static(id="gn-status")
        with Horizontal(id="gn-body"):
            yield Canvas((-0.3, 10.3), (-0.2, 6.0), id="gn-canvas")
            yield Static(id="gn-table")
        yield Static(id="gn-work")

    def on_mount(self) -> None:
        super().on_mount()
        self.focus()
        self.refresh_view()

    def restart(self) -> None:
        self.model.restart()

    def action_pick(self, delta: int) -> None:
        self.playing = False
        self.model.pick(delta)
        self.refresh_view()

    def action_aggregate(self) -> None:
        self.playing = False
        self.model.switch_aggregate()
        self.refresh_view()

    def refresh_view(self) -> None:
        if not self.is_attached:  # is_mounted turns True only after on_mount
            return
        m = self.model
        status = Text(no_wrap=True, overflow="ellipsis")
        status.append(f"round {m.round}/{MAX_ROUNDS} · {m.aggregate} over the node and its "
                      f"neighbours · lit: {NODES[m.lit]}", "bold")
        status.append(f" · reached {int(m.reached().sum())}/{len(NODES)}")
        self.query_one("#gn-status", Static).update(status)
        self._draw_graph()
        self.query_one("#gn-table", Static).update(self._table())
        self.query_one("#gn-work", Static).update(self._work())

    def _draw_graph(self) -> None:
        m = self.model
        canvas = self.query_one("#gn-canvas", Canvas)
        canvas.clear()
        for i, j in EDGES:
            (x0, y0), (x1, y1) = POSITIONS[i], POSITIONS[j]
            canvas.line(x0, y0, x1, y1, EDGE_COLOUR, char="·")
        top = max(m.H[:, 0].max(), 1e-12)
        for i, (x, y) in enumerate(POSITIONS):
            signal = m.H[i, 0]
            mark = "★" if i == m.lit else (shade_char(0.2 + 0.8 * signal / top) if signal > 0
                                           else " ")
            canvas.text(x - 0.3, y, f"{NODES[i]}{mark}",
                        LIT_COLOUR if signal > 0 else DARK_COLOUR)

    def _table(self) -> Text:
        m = self.model
        top = max(m.H[:, 0].max(), 1e-12)
        table = Text(no_wrap=True, overflow="ellipsis")
        table.append("node  signal  degree\n", "bold")
        for i, name in enumerate(NODES):
            signal, degree = m.H[i]
            table.append(f"{name}{'★' if i == m.lit else ' '}  {num(signal, 3):>6}  "
                         f"{num(degree, 3):>6} {bar_text(signal, top, 6)}\n",
                         "bold" if signal > 0 else "")
        return table

    def _work(self) -> Text:
        m = self.model
        work = Text()
        if m.round == 0:
            work.append("Press p or s: each round every node gathers its own vector and "
                        "its neighbours'.")
            return work
        node = m.lit
        group, result = m.worked(node)
        before = m.history[m.round - 1]
        terms = " + ".join(f"h{NODES[j]}" for j in group)
        op = f"({terms}) / {len(group)}" if m.aggregate == "mean" else terms
        work.append(f"h{NODES[node]}' = {op}", "bold")
        signals = ", ".join(num(before[j, 0], 2) for j in group)
        work.append(f"\n  signal: {m.aggregate}({signals}) = {num(result[0], 3)}")
        return work
