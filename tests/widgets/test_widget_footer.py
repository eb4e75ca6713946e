"""The Footer rebuilds when the keys it shows change, and only then."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button
from textual.widgets._footer import FooterKey

from nntui.widgets.footer import Footer


class FooterApp(App[None]):
    BINDINGS = [Binding("x", "go", "go"), Binding("y", "other", "other")]

    def __init__(self) -> None:
        super().__init__()
        self.go_allowed = True

    def compose(self) -> ComposeResult:
        yield Button("one", id="one")
        yield Button("two", id="two")
        yield Footer(show_command_palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "go":
            return True if self.go_allowed else None  # None: shown, disabled
        return True

    def action_go(self) -> None: ...

    def action_other(self) -> None: ...


def footer_keys(app: App) -> list[FooterKey]:
    return list(app.screen.query_one(Footer).query(FooterKey))


async def test_the_footer_follows_a_change_of_keys_but_does_not_rebuild_for_nothing():
    app = FooterApp()
    async with app.run_test(size=(60, 8)) as pilot:
        await pilot.pause()
        keys = footer_keys(app)
        assert [k.description for k in keys] == ["go", "other"]
        assert not keys[0].has_class("-disabled")

        # focus moves and repeated refreshes with the same keys on show keep the same widgets
        for _ in range(3):
            app.screen.refresh_bindings()
            await pilot.press("tab")
        await pilot.pause()
        assert footer_keys(app) == keys

        # a key that becomes unavailable is shown disabled: the Footer did rebuild
        app.go_allowed = False
        app.screen.refresh_bindings()
        await pilot.pause()
        rebuilt = footer_keys(app)
        assert rebuilt != keys
        assert [k.description for k in rebuilt] == ["go", "other"] and rebuilt[0].has_class("-disabled")
