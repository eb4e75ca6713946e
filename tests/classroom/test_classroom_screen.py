"""The class screen (``nntui class --tui``): the report's tables, tab keys, reading again."""

from __future__ import annotations

from textual.widgets import DataTable, TabbedContent

from nntui import classroom
from nntui.screens.classroom import ClassApp
from nntui.store import Store, StoreError, read_class_snapshot


def cells(app, tab: str) -> list[list[str]]:
    table = app.screen.query_one(f"#{tab}-table", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def headers(app, tab: str) -> list[str]:
    table = app.screen.query_one(f"#{tab}-table", DataTable)
    return [str(column.label) for column in table.columns.values()]


async def test_the_tables_show_the_report_and_r_reads_again(class_folder):
    def load():
        return classroom.build_report(read_class_snapshot(class_folder))

    app = ClassApp(load)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert [row[:3] for row in cells(app, "learners")] == [
            ["ada", "2/70", "5/6 (83 %)"], ["bob", "0/70", "0/3 (0 %)"], ["cy", "0/70", "0/0"]]
        assert headers(app, "quizzes")[:3] == ["learner", "l1.match-shape", "l1.checkpoint"]
        assert cells(app, "quizzes")[1][:3] == ["bob", "–", "60 %"]
        assert headers(app, "concepts") == ["concept", "ada", "bob", "cy"]
        assert cells(app, "concepts")[2] == ["weights", "◕", "◔", "·"]
        assert [row[:3] for row in cells(app, "hardest")] == [
            ["l1.xor-gate", "2/2", "3/3"], ["l1.weight-meaning", "1/2", "1/6"]]

        await pilot.press("3")
        assert app.screen.query_one(TabbedContent).active == "concepts"
        assert app.focused is app.screen.query_one("#concepts-table")

        with Store.open(class_folder, "dee") as dee:  # a learner arrives meanwhile
            dee.record_visit("l1.intro")
        await pilot.press("r")
        await pilot.pause()
        assert [row[0] for row in cells(app, "learners")] == ["ada", "bob", "cy", "dee"]
        assert headers(app, "concepts")[-1] == "dee"


async def test_a_failed_read_again_keeps_the_tables_and_says_why(class_folder):
    reads = []

    def load():
        reads.append(1)
        if len(reads) > 1:
            raise StoreError("the record store did not answer")
        return classroom.build_report(read_class_snapshot(class_folder))

    app = ClassApp(load)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert len(cells(app, "learners")) == 3
        assert [n.message for n in app._notifications] == ["the record store did not answer"]
