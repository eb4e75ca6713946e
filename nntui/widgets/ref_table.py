"""Searchable reference tables: a ``DataTable`` of rows with a search line that ``/`` opens.

``FilterTable`` shows rows (a key and its cells) in a row-cursor ``DataTable``; ``/`` opens a
one-line ``SearchInput`` above it and every keystroke keeps only the rows whose text contains
what was typed. ``enter`` or ``↓`` returns to the table with the filter kept, ``escape`` clears
it. The table scrolls (both ways) rather than cutting anything at 80×24; the rows' full text
belongs in a detail pane beside it, fed by ``FilterTable.Highlighted``.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from nntui import content
from nntui.widgets.section import SectionView

__all__ = ["FilterTable", "RowTable", "SearchInput", "TableSection", "detail_text", "matches"]


def matches(query: str, texts: Iterable[str]) -> bool:
    """Every word of ``query`` appears (case-insensitively) in one of ``texts``."""
    haystack = " ".join(texts).casefold()
    return all(word in haystack for word in query.casefold().split())


class SearchInput(Input):
    """A one-line search box: ``enter``/``↓`` go back to the results, ``escape`` clears."""

    BINDINGS = [
        Binding("escape", "cancel", "clear search", show=True),
        Binding("down", "done", "to results", show=False),
    ]

    class Done(Message):
        """The learner left the search box; ``cleared`` when they cancelled it."""

        def __init__(self, search: "SearchInput", cleared: bool) -> None:
            super().__init__()
            self.search = search
            self.cleared = cleared

        @property
        def control(self) -> "SearchInput":
            return self.search

    def __init__(self, placeholder: str = "type to search", **kwargs) -> None:
        super().__init__(placeholder=placeholder, compact=True, select_on_focus=False, **kwargs)

    def action_cancel(self) -> None:
        self.value = ""
        self.post_message(self.Done(self, cleared=True))

    def action_done(self) -> None:
        self.post_message(self.Done(self, cleared=False))

    async def action_submit(self) -> None:
        await super().action_submit()
        self.action_done()


class RowTable(DataTable):
    """A row-cursor table that also answers to j/k. With ``free_arrows`` it leaves ←/→ to the
    section (which then uses them for its own control) instead of scrolling sideways."""

    BINDINGS = [
        Binding("j", "cursor_down", "down", show=False),
        Binding("k", "cursor_up", "up", show=False),
    ]

    def __init__(self, free_arrows: bool = False, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.free_arrows = free_arrows

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.free_arrows and action in ("cursor_left", "cursor_right"):
            return False  # the binding is skipped and the key reaches the section
        return True


class FilterTable(Vertical):
    """A reference table with a search line. ``rows`` are ``(key, cells)`` pairs."""

    DEFAULT_CSS = """
    FilterTable { height: 1fr; }
    FilterTable > SearchInput { display: none; height: 1; }
    FilterTable.searching > SearchInput { display: block; }
    FilterTable > RowTable { height: 1fr; }
    """
    BINDINGS = [Binding("slash", "search", "search", key_display="/")]

    class Highlighted(Message):
        """The cursor rests on the row with this key."""

        def __init__(self, table: "FilterTable", key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> "FilterTable":
            return self.table

    def __init__(self, columns: Sequence[str], rows: Sequence[tuple[str, Sequence]] = (), *,
                 free_arrows: bool = False, hidden_text: dict[str, str] | None = None,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        #: Text a search also looks in, per row key (the row's detail, say), though not shown.
        self.hidden_text = hidden_text or {}
        self.columns = list(columns)
        self.rows = list(rows)
        self.query_text = ""
        self._free_arrows = free_arrows

    def compose(self) -> ComposeResult:
        search = SearchInput("filter rows · enter: keep · esc: clear")
        search.can_focus = False  # hidden until "/": focus must never land in it unseen
        yield search
        yield RowTable(self._free_arrows)

    @property
    def table(self) -> RowTable:
        return self.query_one(RowTable)

    @property
    def search(self) -> SearchInput:
        return self.query_one(SearchInput)

    def on_mount(self) -> None:
        self.table.add_columns(*self.columns)
        self._fill()

    # -- rows ----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[tuple[str, Sequence]]) -> None:
        """Replace the rows (a live table recomputed by its section), keeping the cursor's row."""
        self.rows = list(rows)
        if self.is_mounted:
            self._fill()

    @property
    def visible_keys(self) -> list[str]:
        return [key for key, cells in self.rows
                if matches(self.query_text, [*map(str, cells), self.hidden_text.get(key, "")])]

    @property
    def current_key(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value

    def move_to(self, key: str) -> None:
        """Put the cursor on the row with ``key`` (clearing a filter that hides it)."""
        if key not in self.visible_keys:
            self.search.value = ""
            self.query_text = ""
            self._fill()
        self.table.move_cursor(row=self.table.get_row_index(key))

    def _fill(self) -> None:
        table = self.table
        keep = self.current_key
        table.clear()
        shown = set(self.visible_keys)
        for key, cells in self.rows:
            if key in shown:
                table.add_row(*cells, key=key)
        if keep in shown:
            table.move_cursor(row=table.get_row_index(keep), animate=False)

    # -- searching -----------------------------------------------------------------------

    def action_search(self) -> None:
        self.add_class("searching")
        self.search.can_focus = True
        self.search.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_text = event.value
        self._fill()

    def on_search_input_done(self, event: SearchInput.Done) -> None:
        event.stop()
        if event.cleared or not self.query_text:
            self.remove_class("searching")
            self.search.can_focus = False
        self.table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.Highlighted(self, event.row_key.value))


class TableSection(SectionView):
    """A reference section: a searchable table, and the highlighted row's full text below it.

    Subclasses give ``COLUMNS`` and implement ``table_rows()`` (``(key, cells)`` pairs) and
    ``detail(key)``; or set ``DATA`` to a ``content/reference/<name>.toml`` file holding
    ``columns`` and ``[[row]]`` tables with ``key``, ``cells`` and ``detail`` (a list of lines,
    ``"label: text"`` lines get a bold label). Opening the section completes it: it is for
    looking things up.
    """

    DATA: str = ""
    COLUMNS: tuple[str, ...] = ()
    FREE_ARROWS = False
    BINDINGS = [Binding("slash", "search", "search", key_display="/")]

    def __init__(self, section, **kwargs) -> None:
        super().__init__(section, **kwargs)
        if self.DATA:
            self.data = content.reference(self.DATA)
            self.COLUMNS = tuple(self.data["columns"])
            self._rows = {row["key"]: row for row in self.data["row"]}

    def table_rows(self) -> list[tuple[str, Sequence]]:
        return [(key, row["cells"]) for key, row in self._rows.items()]

    def detail(self, key: str) -> Text:
        return detail_text(self._rows[key]["detail"])

    def compose(self) -> ComposeResult:
        rows = self.table_rows()
        yield FilterTable(self.COLUMNS, rows, free_arrows=self.FREE_ARROWS,
                          hidden_text={key: str(self.detail(key)) for key, _ in rows},
                          id="ref-table")
        yield Static(id="ref-detail")

    def on_mount(self) -> None:
        self.mark_complete()
        first = self.table_rows()[0][0]
        self.query_one("#ref-detail", Static).update(self.detail(first))
        self.call_after_refresh(self.query_one("#ref-table", FilterTable).table.focus)

    def on_filter_table_highlighted(self, event: FilterTable.Highlighted) -> None:
        self.query_one("#ref-detail", Static).update(self.detail(event.key))
        self.row_changed(event.key)

    def row_changed(self, key: str) -> None:
        """The highlighted row changed: explorers redraw their picture here."""

    def action_search(self) -> None:
        self.query_one("#ref-table", FilterTable).action_search()


def detail_text(lines: Sequence[str]) -> Text:
    """Detail lines as Text: the first line bold, a ``label: rest`` line with a bold label."""
    text = Text()
    for index, line in enumerate(lines):
        if index:
            text.append("\n")
        label, sep, rest = line.partition(": ")
        if index == 0:
            text.append(line, "bold")
        elif sep and len(label) <= 16:
            text.append(label + ": ", "bold")
            text.append(rest)
        else:
            text.append(line)
    return text
