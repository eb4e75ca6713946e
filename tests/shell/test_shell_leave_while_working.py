"""Leaving a section while its worker thread still computes never breaks the app: the result
that arrives after the learner has left is dropped, not drawn into a view that is gone."""

from __future__ import annotations

from types import SimpleNamespace

from nntui import sections

# section → how its worker hands a result to the view (what call_from_thread would call)
LATE_RESULT = {
    "l3.seq2seq": lambda view: view.ready(None, False),
    "l3.transformer": lambda view: view.ready(None, False),
    "fx.generalization": lambda view: view.show_curve(view.n_train, view.noise, None),
    "fx.init-theory": lambda view: view.show_measured(view.activation, view.gain, {}),
    "fx.uat": lambda view: view.show_state(None),
    # a worker that has not been cancelled yet: removal cancels it only at its very end
    "l4.dropout": lambda view: view._sweep_step(SimpleNamespace(is_cancelled=False), 1, 19),
    "l4.autoencoder": lambda view: view._trained(SimpleNamespace(is_cancelled=False)),
    "l2.init-race": lambda view: view._after_chunk(SimpleNamespace(is_cancelled=False), 0.5,
                                                   False, False),
}


# In course order, so leaving one section for the next often lands on the next one to test.
IN_COURSE_ORDER = [s.id for s in sections.SECTIONS if s.id in LATE_RESULT]


async def until(pilot, condition) -> None:
    """Let the app handle its messages until ``condition()`` holds (a few rounds).

    ``pilot.pause(0)``: the screen handles what is pending and refreshes, but the test does not
    wait for the whole process to go idle, which here would mean waiting out the section's
    background training (the very thing the learner leaves behind) for up to a second a pause.
    """
    for _ in range(50):
        await pilot.pause(0)
        if condition():
            return


async def test_a_result_arriving_after_the_learner_left_is_dropped(
        make_app, small_background_training):
    """One learner goes through the sections that compute in the background, leaving each for
    the next section (as `n` does) while it still works; each late result is then delivered.
    (Their trainings are small; the test leaves as soon as a section is mounted, so its worker
    is mostly still running. The late result is delivered by hand either way.)"""
    app = make_app(IN_COURSE_ORDER[0])
    async with app.run_test(size=(80, 24)) as pilot:
        for section_id in IN_COURSE_ORDER:
            if app.screen.current != section_id:  # else: arrived here by leaving the last one
                app.open_section(section_id)
            await until(pilot, lambda: app.screen.view is not None and app.screen.view.is_mounted)
            left = app.screen.view
            assert left.section.id == section_id and left.is_mounted
            nxt = sections.neighbour(section_id, 1) or sections.neighbour(section_id, -1)
            app.open_section(nxt.id)
            await until(pilot, lambda: not left.is_attached)  # noqa: B023 (called right here)
            assert not left.is_attached, section_id
            LATE_RESULT[section_id](left)  # raised NoMatches before (the app crashed)
            await pilot.pause(0)
            assert app.screen.view.section.id == nxt.id and app.is_running, section_id
