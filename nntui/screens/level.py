"""A level: the rail of its sections on the left, the open section in the main pane."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.widgets import Header, OptionList
from textual.widgets.option_list import Option

from nntui import sections
from nntui.widgets.footer import Footer
from nntui.widgets.option_menu import OptionMenu
from nntui.widgets.section import PlannedView, SectionView

#: Below this width the rail hides (the main pane needs the room); f2 brings it back.
RAIL_BREAKPOINT = 100
#: Room for a rail row: the rail's 32 columns less its border, padding and scrollbar.
RAIL_TEXT_WIDTH = 26


def rail_label(section: sections.Section, completed: set[str], current: str) -> Text:
    mark = "✓" if section.id in completed else " "
    pointer = "▸" if section.id == current else " "
    style = "dim" if section.status == "planned" else ""
    if section.id == current:
        style = "bold"
    label = Text.assemble(f"{mark}{pointer}", (section.title, style))
    label.truncate(RAIL_TEXT_WIDTH, overflow="ellipsis")  # one line per section
    return label


class LevelScreen(Screen):
    CSS_PATH = "screens.tcss"
    # Textual sets -narrow or -wide on the screen as the terminal's width crosses the breakpoint.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (RAIL_BREAKPOINT, "-wide")]
    # The Footer is 80 columns and the section's own keys come first: of the level's keys it
    # shows only "next"; escape, b, f2 and the palette are in the help (?).
    BINDINGS = [
        Binding("escape", "home", "home", key_display="esc", show=False),
        Binding("n", "step(1)", "next"),
        Binding("b", "step(-1)", "previous section", show=False),
        Binding("f2", "toggle_rail", "show/hide the sections", show=False),
    ]

    def __init__(self, level_id: str, section_id: str | None = None) -> None:
        super().__init__()
        self.level = sections.LEVEL_BY_ID[level_id]
        self.level_sections = sections.in_level(level_id)
        self.current = section_id or self.level_sections[0].id
        self._view: SectionView | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield OptionMenu(id="rail")
            yield Container(id="pane")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        number = [lv.id for lv in sections.LEVELS].index(self.level.id) + 1
        # Short, so the section's title and the count fit the header at 80 columns.
        self.title = f"{number} {self.level.name}" if number <= 4 else self.level.name
        self.show_section(self.current)

    # -- the section in the main pane ------------------------------------------------------

    @property
    def view(self) -> SectionView | None:
        """The section body on show (the previous one may still be unmounting)."""
        return self._view

    def show_section(self, section_id: str) -> None:
        section = sections.get(section_id)
        if section.level != self.level.id:
            raise ValueError(f"{section_id} is not in level {self.level.id}")
        self.current = section_id
        pane = self.query_one("#pane", Container)
        pane.remove_children()
        view_class = sections.load_view(section) if section.status == "ready" else PlannedView
        view = view_class(section)
        self._view = view
        pane.mount(view)
        self.app.store.record_visit(section_id)
        self.remove_class("rail-open")
        self.refresh_progress()
        self.call_after_refresh(self._focus_view, view)

    def _focus_view(self, view: SectionView) -> None:
        if not view.is_attached:
            return
        for widget in view.query("*"):
            if widget.focusable:
                widget.focus()
                return
        view.focus()

    def refresh_progress(self) -> None:
        completed = self.app.store.completed_sections()
        done = sum(s.id in completed for s in self.level_sections)
        current = sections.get(self.current)
        self.sub_title = f"{current.title} · {done}/{len(self.level_sections)} complete"
        rail = self.query_one("#rail", OptionList)
        rail.clear_options()
        rail.add_options([Option(rail_label(s, completed, self.current), id=s.id)
                          for s in self.level_sections])
        rail.highlighted = [s.id for s in self.level_sections].index(self.current)

    def on_section_view_progress_changed(self, event: SectionView.ProgressChanged) -> None:
        self.refresh_progress()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "rail" and event.option.id:
            self.show_section(event.option.id)

    # -- pause what is covered ------------------------------------------------------------

    def on_screen_suspend(self) -> None:
        if self.view is not None:
            self.view.section_hidden()

    def on_screen_resume(self) -> None:
        if self.view is not None:
            self.view.section_shown()
            self.refresh_progress()

    # -- actions --------------------------------------------------------------------------

    def action_step(self, step: int) -> None:
        target = sections.neighbour(self.current, step)
        if target is None:
            self.notify("This is the last section of the level." if step > 0
                        else "This is the first section of the level.", timeout=3)
            return
        self.show_section(target.id)

    def action_home(self) -> None:
        self.app.go_home()

    def action_toggle_rail(self) -> None:
        rail = self.query_one("#rail", OptionList)
        if self.has_class("-narrow"):
            self.toggle_class("rail-open")
            if self.has_class("rail-open"):
                rail.focus()
            else:
                self.call_after_refresh(self._focus_view, self.view)
        else:
            rail.focus()
