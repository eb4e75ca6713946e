"""Shared fixtures: an app on a throw-away progress folder, at the design size."""

from __future__ import annotations

import os

# As the nntui command does (nntui/cli.py): one BLAS thread, so parallel test workers and the
# engine's small matrices do not fight over the cores.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import gc  # noqa: E402

import pytest  # noqa: E402

# Every Pilot test builds and drops a whole app: hundreds of thousands of objects in reference
# cycles. With Python's default thresholds the collector ran so often that it was a third of
# the suite's CPU; collecting less often (and never re-scanning what collection imported, see
# pytest_collection_finish) costs some memory per worker and no behaviour.
gc.set_threshold(10_000, 50, 50)

DESIGN_SIZE = (80, 24)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A private progress folder; $NNTUI_HOME points there too so nothing touches the real one."""
    folder = tmp_path / "nntui-data"
    monkeypatch.setenv("NNTUI_HOME", str(folder))
    return folder


@pytest.fixture
def make_app(data_dir):
    """make_app(section_id=None) -> NNTuiApp for learner "test" on the private folder."""
    from nntui.app import NNTuiApp

    def make(open_section: str | None = None, learner: str = "test") -> NNTuiApp:
        return NNTuiApp(open_section=open_section, learner=learner, data_dir=data_dir)

    return make


@pytest.fixture
def opened(make_app):
    """``async with opened("l1.intro") as (app, pilot, view)``: the section open and settled."""
    from contextlib import asynccontextmanager

    @asynccontextmanager
    async def open_section(section_id: str, size: tuple[int, int] = DESIGN_SIZE):
        app = make_app(section_id)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            yield app, pilot, app.screen.view

    return open_section


@pytest.fixture
def unbuilt(monkeypatch):
    """``unbuilt("l3.adam", …)``: those sections read as planned (not ready) for this test, so
    behaviour that depends on what is built can be tested now that the whole course is built."""
    from dataclasses import replace

    from nntui import sections

    def make_unbuilt(*ids: str) -> None:
        for section_id in ids:
            planned = replace(sections.SECTION_BY_ID[section_id], ready=False)
            monkeypatch.setitem(sections.SECTION_BY_ID, section_id, planned)
        monkeypatch.setattr(sections, "SECTIONS",
                            tuple(sections.SECTION_BY_ID[s.id] for s in sections.SECTIONS))

    return make_unbuilt


def pytest_collection_finish(session):
    """The modules, test functions and parameters imported to collect live for the whole run:
    move them out of the collector's sight."""
    gc.collect()
    gc.freeze()


#: Tests that walk many sections in one app, seconds each: started first, so a parallel run
#: does not end with one worker busy on one of them while the others wait.
LONG_FIRST = ("tests/shell/", "tests/games/l2/test_l2_layout.py")


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: not item.nodeid.startswith(LONG_FIRST))


def pytest_xdist_auto_num_workers(config):
    """``-n auto``: one worker per core and one more. A Pilot test spends part of its time
    waiting for the app to settle, which the extra worker fills; each worker also collects the
    whole suite again, so more than that costs more than it gains (measured on two cores: 2
    workers 115 s, 3 workers 84 s, 4 workers 84 s with 18 s more CPU)."""
    return (os.cpu_count() or 1) + 1
