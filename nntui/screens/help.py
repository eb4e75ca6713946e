"""Help (?): the global keys, the open section's keys, and where progress lives."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

GLOBAL_KEYS = """\
| key | does |
| --- | --- |
| `?` (or `f1` while typing) | this help |
| `escape` | back (home from a level) |
| `n` / `b` | next / previous section |
| `f2` | show or hide the section rail |
| `ctrl+p` | find any section by title or id, or a glossary term |
| `g` (here in help) | open the glossary of every term |
| `ctrl+q` | quit |
| arrows, `hjkl` | move and adjust (`shift` for big steps) |
| `space` / `enter` | toggle or fire / confirm or step |
| `p` / `s` / `r` | play–pause / step / reset |
"""


def section_keys_markdown(view) -> str:
    """The keys the open section (and its focused widget) answers to, from their bindings."""
    if view is None:
        return ""
    rows: dict[str, str] = {}
    for node in [view, *view.query("*")]:
        for binding in getattr(node, "BINDINGS", []):
            if isinstance(binding, tuple):
                key, description = binding[0], binding[2] if len(binding) > 2 else ""
            else:
                key = binding.key_display or binding.key
                description = binding.description
            if description:
                rows.setdefault(key, description)
    # Keys that do the same thing share a row ("down / j | next control"): shorter to read.
    by_description: dict[str, list[str]] = {}
    for key, description in rows.items():
        by_description.setdefault(description, []).append(f"`{key}`")
    table = "".join(f"| {' / '.join(keys)} | {d} |\n" for d, keys in by_description.items())
    text = f"### This section: {view.section.title}\n\n"
    if table:
        text += "| key | does |\n| --- | --- |\n" + table + "\n"
    if view.HELP:
        text += view.HELP + "\n"
    return text


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "screens.tcss"
    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close"),
        Binding("g", "glossary", "Glossary"),
    ]

    def __init__(self, view=None) -> None:
        super().__init__()
        self.view = view  # the section under the help, if any

    def compose(self) -> ComposeResult:
        app = self.app
        text = "## Help\n\n" + section_keys_markdown(self.view) + "### Everywhere\n\n" + GLOBAL_KEYS
        text += (
            f"\n### Your progress\n\nLearner **{app.learner}**, kept in "
            f"`{app.progress_file}`.\n\n"
            "Reset it with `nntui --reset-progress` (a backup is kept). "
            "Choose another folder with `--data-dir` or `$NNTUI_HOME`.\n"
        )
        with VerticalScroll(id="help-body"):
            yield Markdown(text)

    def action_dismiss(self) -> None:
        self.dismiss(None)

    def action_glossary(self) -> None:
        """Close help and open the glossary (``ref.glossary``)."""
        self.dismiss(None)
        self.app.open_section("ref.glossary")
