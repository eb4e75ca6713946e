"""From math to PyTorch: the section body (model in ``pytorch_model``)."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from nntui.export_pytorch import SETUP_KEY
from nntui.widgets.keys import axis_keys
from nntui.widgets.section import SectionView

from .pytorch_model import EXPORT_NAME, MathToPytorch

CODE_WIDTH = 43  # the marker and the widest line of the module (41 characters), and a gap


class PytorchView(SectionView):
    """The brain's nn.Module beside its formulas; live values; export as a script."""

    HELP = (
        "Left: your Train a brain network written as a PyTorch nn.Module; right: the formula "
        "each line stands for. ↑/↓ (or k/j) move the highlighted line (▶); below it, the "
        "engine's own numbers for that line at one point of your data set — ←/→ (h/l) pick "
        "another point. e writes the whole network as a runnable PyTorch script "
        f"({EXPORT_NAME} in your progress folder): the architecture, the weights, the input "
        "features and a predict function. The same file comes from the command line with "
        "`nntui export --format pytorch --out FILE`. Train a brain saves your setup but not "
        "its trained weights, so the export is that setup freshly initialised. Reading every "
        "line, or exporting, completes the section."
    )
    BINDINGS = [*axis_keys("y", "move({})", "line", reverse=True),
                *axis_keys("x", "point({})", "point"),
                Binding("e", "export", "export")]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        self.model = MathToPytorch()
        self.written: Path | None = None

    def compose(self):
        yield Static(id="pt-head")
        yield Static(id="pt-code")
        yield Static(id="pt-live")
        yield Static(id="pt-export")

    def on_mount(self) -> None:
        if self.store is not None:
            self.model = MathToPytorch(self.store.get_setting(SETUP_KEY))
        self.focus()
        self.refresh_view()

    def action_move(self, delta: int) -> None:
        self.model.move(delta)
        if self.model.seen_all:
            self.mark_complete()
        self.refresh_view()

    def action_point(self, delta: int) -> None:
        self.model.pick_point(delta)
        self.refresh_view()

    def action_export(self) -> None:
        folder = Path(self.store.data_dir) if self.store is not None else Path.cwd()
        path = folder / EXPORT_NAME
        try:
            path.write_text(self.model.export.script, encoding="utf-8")
        except OSError as error:
            self.notify(f"cannot write {path}: {error.strerror or error}", severity="error")
            return
        self.written = path
        self.mark_complete()
        self.refresh_view()

    def refresh_view(self) -> None:
        m = self.model
        head = Text(no_wrap=True, overflow="ellipsis")
        head.append("PyTorch", "bold")
        head.append(" ".ljust(CODE_WIDTH - 7) + "│ ")
        head.append("the maths", "bold")
        self.query_one("#pt-head", Static).update(head)
        code = Text(no_wrap=True, overflow="ellipsis")
        for i, line in enumerate(m.lines):
            if i:
                code.append("\n")
            here = i == m.line_index
            marker = "▶" if here else " "
            style = "reverse bold" if here else ("" if line.kind else "dim")
            code.append(f"{marker}{line.code:<{CODE_WIDTH - 1}}", style)
            code.append("│ ")
            code.append(line.maths, "bold reverse" if here else "")
        self.query_one("#pt-code", Static).update(code)
        live = Text(no_wrap=True, overflow="ellipsis")
        live.append(f"live at point {m.point + 1}/{len(m.points)} {m.point_text}\n", "bold")
        live.append("  " + "\n  ".join(m.live()))
        self.query_one("#pt-live", Static).update(live)
        export = Text()
        if self.written is not None:
            export.append(f"written: {self.written}\n", "bold")
        export.append(f"e exports {m.export.note}.")
        self.query_one("#pt-export", Static).update(export)
