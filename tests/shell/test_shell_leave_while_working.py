"""Leaving a section while its worker thread still computes never breaks the app: the result
that arrives after the learner has left is dropped, not drawn into a view that is gone."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

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


@pytest.mark.parametrize("section_id", sorted(LATE_RESULT))
async def test_a_result_arriving_after_the_learner_left_is_dropped(section_id, make_app):
    app = make_app(section_id)
    async with app.run_test(size=(80, 24)) as pilot:
        left = app.screen.view
        nxt = sections.neighbour(section_id, 1) or sections.neighbour(section_id, -1)
        app.open_section(nxt.id)
        await pilot.pause()
        assert not left.is_attached
        LATE_RESULT[section_id](left)  # raised NoMatches before (the app crashed)
        await pilot.pause()
        assert app.screen.view.section.id == nxt.id and app.is_running
