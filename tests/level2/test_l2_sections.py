"""Level 2 sections driven by keys in a Pilot at 80×24."""

from __future__ import annotations

import pytest

from nntui.games.build_network import SETTING_KEY
from nntui.games.forward_relay import ForwardRelayView
from nntui.engine.mlp import grid_predict
from nntui.games.init_race import LOSS_TOP, InitRaceView
from nntui.lessons.linear_collapse import LIM, MIN_BEND, boundary_bend, shows_the_bend
from nntui.widgets.result import ResultModal

SIZE = (80, 24)


def view(app):
    return app.screen.view


async def test_layers_counter_edits_sizes(make_app):
    app = make_app("l2.layers")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = view(app)
        assert v.sizes == [4, 8, 6, 1] and v.total == 101
        await pilot.press("up", "up")                       # hidden layer 1: 8 → 10
        assert v.total == 4 * 10 + 10 + 10 * 6 + 6 + 7
        await pilot.press("a")                               # another hidden layer of 10
        assert v.sizes == [4, 10, 10, 6, 1]
        await pilot.press("x", "r")
        assert v.sizes == [4, 8, 6, 1]
        assert "101 parameters" in str(app.screen.query_one("#layers-counter").render())
        await pilot.press("pagedown", "pagedown")
        assert v.scroll_y > 0
        await pilot.press(*["shift+up"] * 30)                # hidden 8 → 308, counter in view
        assert v.scroll_y == 0
        counter = str(app.screen.query_one("#layers-counter").render())
        assert "hidden layer picked" in counter and "[308]" in counter
        assert f"= 1,540 + 1,854 + 7 = {4 * 308 + 308 + 308 * 6 + 6 + 7:,} parameters" in counter
        assert "l2.layers" in app.store.completed_sections()


async def test_linear_collapse_same_output_then_bends(make_app):
    app = make_app("l2.linear-collapse")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = view(app)
        await pilot.press("right", "up")
        values = v.values()
        assert values["two_layer"] == pytest.approx(values["one_layer"], abs=1e-12)
        assert values["with_sigma"] != pytest.approx(values["two_layer"], abs=1e-3)
        assert not v.sigma
        await pilot.press("space")
        assert v.sigma
        text = str(app.screen.query_one("#lc-maths").render())
        assert "with tanh between" in text and f"{values['one_layer']:+.4f}" in text
        assert "▶ with tanh" in text and "-" not in text       # true minus signs only
        first = v.seed
        assert boundary_bend(grid_predict(v.net, LIM, LIM, 40, 40)) > MIN_BEND
        assert boundary_bend(grid_predict(v.linear_net, LIM, LIM, 40, 40)) < 0.05
        await pilot.press("w")                                 # new weights that bend too
        assert v.seed > first and shows_the_bend(v.seed)
        assert boundary_bend(grid_predict(v.net, LIM, LIM, 40, 40)) > MIN_BEND


async def test_solve_xor_by_keys_records_the_win(make_app):
    app = make_app("l2.solve-xor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = view(app)
        await pilot.press(*["right"] * 24, *["up"] * 12)    # phase 1: spin and shift around
        assert v.game.score <= 3 and app.store.best("l2.solve-xor") is None
        meter = str(app.screen.query_one("#xor-meter").render())
        assert "best 3/4, cap 3/4" in meter and len(meter) <= 78
        await pilot.press("space", "1", "shift+left", "down", "2", "shift+left")
        canvas = app.screen.query_one("#xor-canvas")
        rows = [canvas.cell_text(r) for r in range(canvas.cell_size.height)]
        assert sum(row.count("1") for row in rows) == 1 and sum(row.count("2") for row in rows) == 1
        assert "−20·H2" in str(app.screen.query_one("#xor-params").render())
        await pilot.press("shift+up")
        await pilot.pause()
        assert v.game.won
        assert isinstance(app.screen, ResultModal)
        best = app.store.best("l2.solve-xor")
        assert best.won and best.score == 4


async def test_two_cuts_table_follows_sharpness(make_app):
    app = make_app("l2.two-cuts")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = view(app)
        sharp = v.values()["worst"]
        await pilot.press("shift+left")                      # k 10 → 5
        assert v.k == 5
        assert v.values()["worst"] > sharp
        _, out = v.trace()
        assert list(out >= 0.5) == [False, True, True, False]
        table = str(app.screen.query_one("#tc-table").render())
        assert "H1 = σ(5·x₁ + 5·x₂ − 2.5)" in table and "ŷ = σ(5·H1 − 5·H2 − 2.5)" in table
        assert "-" not in table                               # true minus signs only
        assert v.values()["min_k"] == 3                        # k = 2 loses rows 01 and 10
        await pilot.press("shift+left", "right")               # k 5 → 1 → 2
        assert v.k == 2 and str(app.screen.query_one("#tc-table").render()).count("✗") == 2
        lesson = app.screen.query_one("#lesson-text")._markdown
        assert "below k = 3" in lesson and "σ(2·x₁ + 2·x₂ − 1)" in lesson


async def test_init_calculator_recomputes_bounds(make_app):
    app = make_app("l2.init")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = view(app)
        await pilot.press("shift+right")                      # n_in 64 → 96
        assert v.n_in == 96
        assert v.values()["xavier_bound"] == pytest.approx((6 / (96 + 32)) ** 0.5)
        await pilot.press("down", "left")                     # n_out 32 → 31
        assert v.n_out == 31
        assert f"{(6 / 127) ** 0.5:.4f}" in str(app.screen.query_one("#init-calc").render())


async def test_init_race_steps_and_plays_without_blocking(make_app, monkeypatch):
    monkeypatch.setattr(InitRaceView, "max_steps", 40)
    app = make_app("l2.init-race")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = view(app)
        await pilot.press("s")
        assert v.race.steps_done == 10
        chart = app.screen.query_one("#race-chart")
        assert chart.options["ylim"] == (0.0, LOSS_TOP)
        large = v.race.runners[1]
        assert max(large.losses) > LOSS_TOP           # its start is off the chart, so it is named
        table = str(app.screen.query_one("#race-table").render())
        assert f"too large {max(large.losses):.2f}" in table and "too early to tell" in table
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert v.race.done and not v.playing
        zero, _, xavier = v.race.runners
        assert zero.outcome == "flat" and xavier.losses[-1] < xavier.losses[0]
        await pilot.press("r")
        assert v.race.steps_done == 0


async def test_forward_relay_fires_and_wins(make_app):
    app = make_app("l2.forward-relay")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v: ForwardRelayView = view(app)
        await pilot.press("space", "enter")
        assert v.game.landed and not v.game.won
        net = v.game.model
        target = max(((a, b) for a in range(-10, 11) for b in range(-10, 11)),
                     key=lambda ab: net.forward([[ab[0] / 10, ab[1] / 10]])[0, 0])
        keys = (["right"] * target[0] if target[0] > 0 else ["left"] * -target[0])
        keys += (["up"] * target[1] if target[1] > 0 else ["down"] * -target[1])
        await pilot.press(*keys)
        assert v.game.x == [target[0] / 10, target[1] / 10]
        await pilot.press("space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultModal)
        assert app.store.best("l2.forward-relay").won
        await pilot.press("enter")                              # next round, new weights
        await pilot.pause()
        assert v.game.round == 2 and v.game.x == [0.0, 0.0]
        await pilot.press("right_square_bracket")
        assert v.game.model.sizes == [2, 4, 1]


async def test_forward_relay_status_shows_the_engine_sum_of_the_lit_neuron(make_app):
    app = make_app("l2.forward-relay")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v: ForwardRelayView = view(app)
        await pilot.press("left", "left", "space")              # x₁ = −0.2
        for _ in range(3):                                       # x₁, x₂, then hidden 1 light
            v.beat()
        step = v.game.lighting.current
        assert step.layer == 1 and step.neuron == 0
        z = float(v.game.model.forward_trace([v.game.x])[0][0][0, 0])  # zs of hidden layer
        status = str(app.screen.query_one("#relay-status").render())
        assert f"= {z:+.3f}".replace("-", "−") in status and "-" not in status
        assert "(−0.20)" in status
        controls = str(app.screen.query_one("#relay-controls").render())
        assert "x₁ = −0.2" in controls and len(controls) <= 78


async def test_build_network_edits_are_saved_between_runs(make_app):
    app = make_app("l2.build-network")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = view(app)
        assert v.builder.analyse().valid
        palette = str(app.screen.query_one("#bn-palette").render()).splitlines()
        assert len(palette) == 2 and "5 LSTM" in palette[0] and "7 BatchNorm" in palette[1]
        footer = {key.description: key.region for key in app.screen.query("FooterKey")}
        for label in ("layer", "value", "move", "field", "remove", "example", "clear"):
            assert footer[label].width and footer[label].right <= SIZE[0], label
        await pilot.press("k", "k", "k", "k", "2")               # Dense right after Conv2D
        status = v.builder.analyse().status
        assert "needs a Flatten" in status
        assert "needs a Flatten" in str(app.screen.query_one("#bn-status").render())
        await pilot.press("right")                                # 64 → 96 units
        saved = app.store.get_setting(SETTING_KEY)
        assert [l["kind"] for l in saved][:4] == ["Input", "Conv2D", "MaxPool", "Dense"]
    again = make_app("l2.build-network")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = view(again)
        assert [l.kind for l in v.builder.layers][:4] == ["Input", "Conv2D", "MaxPool", "Dense"]
        assert v.builder.layers[3]["units"] == 96
        await pilot.press("delete")
        assert again.store.get_setting(SETTING_KEY) == v.builder.to_json()


async def test_every_arrow_game_takes_hjkl_too(make_app):
    """The shared axis keys: h/l and j/k do what ←/→ and ↓/↑ do, in every game that moves."""
    app = make_app("l2.layers")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = view(app)
        before = list(v.sizes)
        await pilot.press("k")  # ↑: the picked hidden layer grows by one
        assert v.sizes[v.picked] == before[v.picked] + 1
        await pilot.press("shift+up")  # grows by ten
        assert v.sizes[v.picked] == before[v.picked] + 11
        await pilot.press("j")
        assert v.sizes[v.picked] == before[v.picked] + 10
        picked = v.picked
        await pilot.press("l")
        assert v.picked == picked + 1


async def test_linear_collapse_inputs_take_hjkl(make_app):
    app = make_app("l2.linear-collapse")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        v = view(app)
        x1, x2 = float(v.x[0]), float(v.x[1])
        await pilot.press("h", "k")
        assert (float(v.x[0]), float(v.x[1])) == (x1 - 0.5, x2 + 0.5)
        values = v.values()
        assert values["two_layer"] == pytest.approx(values["one_layer"], abs=1e-12)
