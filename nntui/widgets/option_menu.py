"""``OptionMenu``: Textual's OptionList, safe to page in a terminal too small to show it.

OptionList's page keys look up the line of the highlighted option, and those lines exist only
once the list has had room to lay them out: in a 40×12 terminal the home map can get no rows at
all, and PageUp/PageDown then raised ``KeyError`` and closed the app. Every option list in
nntui is an ``OptionMenu``.
"""

from __future__ import annotations

from textual.widgets import OptionList

__all__ = ["OptionMenu"]


class OptionMenu(OptionList):
    @property
    def can_page(self) -> bool:
        """There are options and at least one row to show them in."""
        return self.option_count > 0 and self.scrollable_content_region.height > 0

    def action_page_up(self) -> None:
        if self.can_page:
            super().action_page_up()

    def action_page_down(self) -> None:
        if self.can_page:
            super().action_page_down()
