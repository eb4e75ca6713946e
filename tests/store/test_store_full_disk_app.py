"""In the app, a full disk is one warning for the learner, not a crash; progress made meanwhile
still shows, and is written when space is back."""

from __future__ import annotations

from nntui import sections
from nntui.store import FILENAME, Store

SIZE = (80, 24)


def toasts(app) -> list[str]:
    return [str(toast.render()) for toast in app.screen.query("Toast")]


async def test_full_disk_is_told_once_and_progress_kept_until_space_is_back(
        make_app, data_dir, disk):
    first = next(s for s in sections.SECTIONS if s.status == "ready")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        disk.fill(app.store)
        app.open_section(first.id)  # records a visit: the disk is full, and nothing crashes
        await pilot.pause()
        app.screen.view.mark_complete()
        await pilot.pause()
        assert first.id in app.store.completed_sections()
        assert app.screen.sub_title.startswith(f"{first.title} · 1/")  # ✓ in this session
        assert app.store.unsaved_count >= 2
        warnings = [t for t in toasts(app) if "cannot be saved" in t]
        assert len(warnings) == 1, toasts(app)  # once, however many writes failed
        assert "the disk is full" in warnings[0]
        assert str(data_dir / FILENAME) in warnings[0].replace("\n", "")

        disk.free(app.store)
        app.store.record_visit(first.id)  # the next write takes the kept ones with it
        await pilot.pause()
        assert app.store.unsaved_count == 0
        assert any("saved to" in t and "again" in t for t in toasts(app)), toasts(app)
    with Store.open(data_dir, "test") as store:
        assert first.id in store.completed_sections()
        assert store.visits_count(first.id) == 2


def test_progress_still_unsaved_when_the_app_closes_is_reported(data_dir, disk, monkeypatch,
                                                                capsys):
    from nntui import cli
    from nntui.app import NNTuiApp

    def session_on_a_disk_that_stays_full(app) -> None:  # stands in for App.run
        disk.fill(app.store)
        app.store.close()  # as on_unmount does: its last try fails too

    monkeypatch.setattr(NNTuiApp, "run", session_on_a_disk_that_stays_full)
    assert cli.main(["--data-dir", str(data_dir), "--learner", "test"]) == 0
    err = capsys.readouterr().err
    assert err == (f"nntui: 1 record(s) of progress could not be saved to {data_dir / FILENAME} "
                   "before nntui closed; they are lost.\n")
