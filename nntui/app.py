"""The nntui App: global keys, the command palette, the theme, and the progress store."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from nntui import sections


#: While progress cannot be saved, try again this often even if the learner writes nothing new
#: (so freeing space is enough; the store also retries before every write).
SAVE_RETRY_SECONDS = 30


def _section_commands():
    """The palette's section provider, imported only when the palette first opens."""
    from nntui.commands import SectionCommands

    return SectionCommands


class NNTuiApp(App):
    """Home → level → section. Sections are mounted lazily, only when opened."""

    # Each section's own stylesheet (games/<level>/<name>.tcss) is loaded with its view, when
    # the section is first opened (see SectionView).
    CSS_PATH = "app.tcss"
    TITLE = "nntui"
    SUB_TITLE = "neural networks, in your terminal"
    COMMANDS = App.COMMANDS | {_section_commands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        # f1 works even where "?" is a character being typed (free-text answers).
        Binding("f1", "help", "Help", show=False, priority=True),
        # Listed in the help; the Footer's room goes to the section's keys.
        Binding("ctrl+q", "quit", "Quit", priority=True, show=False),
    ]

    def __init__(self, open_section: str | None = None, learner: str | None = None,
                 data_dir: str | Path | None = None, theme: str | None = None) -> None:
        super().__init__()
        from nntui.paths import default_learner, resolve_data_dir
        from nntui.store import Store

        if open_section is not None:
            sections.get(open_section)  # fail early, before any screen, on an unknown id
        self.open_section_at_start = open_section
        self.learner = learner or default_learner()
        self.data_dir = resolve_data_dir(str(data_dir) if data_dir is not None else None)
        self.store = Store.open(self.data_dir, self.learner)
        if theme:
            self.theme = theme

    @property
    def progress_file(self) -> Path:
        return self.data_dir / "progress.sqlite3"

    def on_mount(self) -> None:
        # A section opened at launch comes up on its own; home is built when the learner goes
        # there (escape), which keeps `--open` (and every test that opens a section) quick.
        if self.open_section_at_start:
            self.open_section(self.open_section_at_start)
        else:
            self.go_home()
        if self.store.notice:
            self.notify(self.store.notice, title="Progress file", severity="warning", timeout=15)
        self.store.on_save_notice = self.show_save_notice
        self.set_interval(SAVE_RETRY_SECONDS, self._retry_saving)

    def show_save_notice(self, message: str, problem: bool) -> None:
        """The store tells us once when saving stops working, and once when it works again.
        (notify is thread-safe: a write from a worker thread may call this.)"""
        if problem:
            self.notify(message, title="Progress not saved", severity="warning", timeout=20,
                        markup=False)
        else:
            self.notify(message, title="Progress saved", timeout=8, markup=False)

    def _retry_saving(self) -> None:
        if self.store.unsaved_count:
            self.store.flush_pending()

    def on_unmount(self) -> None:
        self.store.close()

    def open_section(self, section_id: str) -> None:
        """Show a section in its level screen, reusing that screen if it is already open."""
        from nntui.screens.level import LevelScreen

        section = sections.get(section_id)
        screen = self.screen
        if isinstance(screen, LevelScreen) and screen.level.id == section.level:
            screen.show_section(section_id)
            return
        while isinstance(self.screen, LevelScreen):
            self.pop_screen()
        self.push_screen(LevelScreen(section.level, section_id))

    def go_home(self) -> None:
        """Back to home from anywhere: pop down to it, or build it if it was never shown."""
        from nntui.screens.home import HomeScreen

        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        if not isinstance(self.screen, HomeScreen):
            self.push_screen(HomeScreen())

    def open_level(self, level_id: str) -> None:
        """Open a level at the learner's first unfinished section (or its first)."""
        done = self.store.completed_sections()
        level_sections = sections.in_level(level_id)
        first = next((s for s in level_sections if s.id not in done), level_sections[0])
        self.open_section(first.id)

    def action_help(self) -> None:
        from nntui.screens.help import HelpScreen
        from nntui.screens.level import LevelScreen

        if not isinstance(self.screen, HelpScreen):
            view = self.screen.view if isinstance(self.screen, LevelScreen) else None
            self.push_screen(HelpScreen(view))
