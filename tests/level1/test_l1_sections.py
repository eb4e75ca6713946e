"""Pilot tests: open each Level 1 section at 80×24, drive it by keys, assert what changed."""

from contextlib import asynccontextmanager

import numpy as np
import pytest

from nntui.engine.neuron import neuron
from nntui.widgets.result import ResultModal
from nntui.widgets.slider import Slider

SIZE = (80, 24)


def view(app):
    return app.screen.view


@asynccontextmanager
async def opened(make_app, section_id):
    """The app at 80×24 with the section open and settled: (app, pilot, section view)."""
    app = make_app(section_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        yield app, pilot, view(app)


async def test_tune_neuron_wins_and_records_and_gives_xor_three(make_app):
    async with opened(make_app, "l1.tune-neuron") as (app, pilot, v):
        # AND: w₁ = w₂ = +4, b = −6 by coarse steps of 2
        await pilot.press("down", "shift+right", "shift+right", "down", "shift+right",
                          "shift+right", "down", "shift+left", "shift+left", "shift+left")
        await pilot.pause()
        assert (v.game.w1, v.game.w2, v.game.b) == (4.0, 4.0, -6.0)
        assert v.game.score == 4
        assert isinstance(app.screen, ResultModal)
        await pilot.press("enter")
        best = app.store.best("l1.tune-neuron")
        assert best.won and best.details["gate"] == "AND"
        await pilot.press("5")  # XOR: the AND weights only get the 00 row right
        await pilot.pause()
        assert v.game.gate == "XOR" and v.game.score == 1 and not v.game.won
        assert "cannot reach 4/4" in str(v.query_one("#tn-status").render())
        assert len(app.store.attempts("l1.tune-neuron")) == 1


async def test_light_network_check_loses_then_wins_a_round(make_app):
    async with opened(make_app, "l1.light-network") as (app, pilot, v):
        target = v.game.target
        await pilot.press("enter")  # both switches off: 0.5, never within 0.1
        await pilot.pause()
        assert v.game.last_check is False
        first = app.store.attempts("l1.light-network")
        assert len(first) == 1 and not first[0].won
        # switch x₁ on and turn w₁ until σ(w₁) is as close to the target as 0.1 steps allow
        await pilot.press("1")
        best_w = round(float(np.log(target / (1 - target))), 1)
        key = "right" if best_w > 0 else "left"
        await pilot.press(*[key] * int(round(abs(best_w) * 10)))
        await pilot.press("enter")
        await pilot.pause()
        assert v.game.weights[0] == pytest.approx(best_w)
        assert v.game.output == neuron([1, 0], [best_w, 0.0], 0.0).a
        assert isinstance(app.screen, ResultModal)
        await pilot.press("enter")
        await pilot.pause()
        assert v.game.round == 2 and v.game.target != target
        attempts = app.store.attempts("l1.light-network")
        assert [a.won for a in attempts] == [False, True]
        assert "l1.light-network" in app.store.completed_sections()


async def test_perceptron_rule_steps_and_names_the_xor_cycle(make_app):
    async with opened(make_app, "l1.perceptron-rule") as (app, pilot, v):
        await pilot.press("s")
        assert v.run.row == 1 and v.run.state == ((0.0, 0.0), -1.0)
        await pilot.press("e", "e", "e", "e", "e", "e")
        assert v.run.converged
        assert "Converged" in str(v.query_one("#pr-verdict").render())
        await pilot.press("4", *["e"] * 8)
        assert v.run.gate_name == "XOR" and v.run.cycled
        assert "Cycle detected" in str(v.query_one("#pr-verdict").render())
        assert "l1.perceptron-rule" in app.store.completed_sections()
        await pilot.press("r", "p")
        assert v.playing
        await pilot.press("p")
        assert not v.playing and v.timer is None


async def test_activation_lab_picks_and_bends(make_app):
    async with opened(make_app, "l1.activation-lab") as (app, pilot, v):
        # w = 1, b = 0: the neuron's curve is f(x) itself, drawn once so it cannot hide f(x)
        assert list(v.query_one("#al-f").series) == ["f(x) = neuron"]
        await pilot.press("4")  # tanh
        await pilot.pause()
        assert v.lab.name == "tanh"
        assert "max slope 1" in str(v.query_one("#al-facts").render())
        await pilot.press("down", "shift+right")  # w: 1 → 2
        await pilot.pause()
        assert v.lab.w == 2.0
        xs, ys = v.query_one("#al-f").series["f(2.0x + 0.0)"]
        assert np.allclose(ys, np.tanh(2 * np.array(xs)))
        await pilot.press("3")
        await pilot.pause()
        assert "max slope 0.25" in str(v.query_one("#al-facts").render())


async def test_worked_neuron_defaults_and_recompute(make_app):
    async with opened(make_app, "l1.worked-neuron") as (app, pilot, v):
        values = v.values()
        assert values["z_value"] == pytest.approx(0.7) and round(values["a"], 3) == 0.668
        text = v.query_one("#lesson-text").source
        assert "w₂·x₂ = (−0.4) × 0.0 = 0.000" in text  # negatives in brackets, no "−0"
        assert "z = 0.600 + 0.000 + 0.1 = **0.700**" in text and "≈ **0.668**" in text
        assert "e^(−0.700)" in text
        closing = text.split("With the starting")[1]
        assert "w = [0.6, −0.4]" in closing and "σ(0.7) ≈ 0.668" in closing
        await pilot.press("down", "right")  # x₂: 0 → 0.1
        await pilot.pause()
        assert v.inputs["x2"] == 0.1
        assert v.values()["z_value"] == pytest.approx(0.7 - 0.04)
        text = v.query_one("#lesson-text").source  # the steps on screen follow the change
        steps = text.split("With the starting")[0]
        assert "(−0.4) × 0.1 = −0.040" in steps and "+ (−0.040) + 0.1 = **0.660**" in steps
        assert "0.700" not in steps
        await pilot.press("down", "shift+left", "shift+left")  # w₁: 0.6 → −1.4
        await pilot.pause()
        assert v.values()["a"] == neuron([1.0, 0.1], [-1.4, -0.4], 0.1).a
        assert "leans towards no" in v.query_one("#lesson-text").source
        await pilot.press("r")
        await pilot.pause()
        assert v.values()["z_value"] == pytest.approx(0.7)


async def test_perceptron_lesson_live_line_follows_sliders(make_app):
    async with opened(make_app, "l1.perceptron") as (app, pilot, v):
        before = v.values()["a"]
        await pilot.press("down", "down", "shift+right")  # w₁ 0.5 → 1.5
        await pilot.pause()
        after = neuron([1, 1], [1.5, -1.0], 0.2).a
        assert v.values()["a"] == after != before
        assert f"{after:.3f}" in v.query_one("#pc-card").live_text


async def test_numbers_flowing_steps_match_the_engine(make_app):
    async with opened(make_app, "l1.numbers-flowing") as (app, pilot, v):
        await pilot.press("down", "shift+left")  # x₂: 0.5 → −0.5
        await pilot.pause()
        assert v.flow.inputs == (1.0, -0.5)
        await pilot.press(*["s"] * 6)
        light = v.flow.lighting
        assert light.done
        out = v.flow.model.forward(np.array([[1.0, -0.5]]))[0, 0]
        assert light.value_of(2, 0) == out
        assert f"{out:.3f}" in str(v.query_one("#nf-now").render())
        diagram = str(v.query_one("#nf-net").render())  # one name per neuron: ŷ, not out[1]
        assert "◉" in diagram and "out[1]" not in diagram and "━ +strong" in diagram
        await pilot.press("r")
        assert light.position == 0
        await pilot.press("p")
        assert v.playing
        v.section_hidden()
        assert not v.playing


async def test_intro_pulses_flow_and_pause(make_app):
    async with opened(make_app, "l1.intro") as (app, pilot, v):
        assert v.timer is not None  # the pulses flow on their own
        await pilot.press("p")  # pause first, so the timer cannot beat between the lines below
        assert v.paused and v.timer is None
        v.pulses.lighting.reset()
        v.beat()
        assert v.pulses.lit_layers == 1
        v.beat()
        assert v.pulses.lit_layers == 2
        await pilot.press("p")
        assert not v.paused and v.timer is not None
        await pilot.press("question_mark")  # help covers the section: the pulses stop
        await pilot.pause()
        assert v.timer is None
        await pilot.press("escape")
        await pilot.pause()
        assert v.timer is not None
        await pilot.press("n")  # leaving the section unmounts it, timer and all
        await pilot.pause()
        assert not v.is_attached  # its timers die with it
        await pilot.press("b")
        await pilot.pause()
        v = view(app)
        assert v.timer is not None
        await pilot.press("p")
        assert v.paused and v.timer is None


async def test_history_timeline_moves_and_completes_when_all_seen(make_app):
    async with opened(make_app, "l1.history") as (app, pilot, v):
        await pilot.press("right", "right")
        assert v.timeline.current.year == "1969"
        assert "l1.history" not in app.store.completed_sections()
        await pilot.press(*["right"] * 6)
        assert v.timeline.current.year == "2012"
        assert "2012" in str(v.query_one("#hi-card").render())
        assert "l1.history" in app.store.completed_sections()


async def test_match_shape_scores_and_records(make_app):
    async with opened(make_app, "l1.match-shape") as (app, pilot, v):
        card = v.query_one("QuizCard")
        total = len(v.questions())
        assert total >= 4
        for _ in range(total):
            q = card.question
            await pilot.press(str(q.answer + 1))
            await pilot.press("enter")
        await pilot.pause()
        best = app.store.best("l1.match-shape")
        assert best is not None and best.won and best.score == total


async def test_slider_values_reach_the_model(make_app):
    """Guard for the Slider API the games depend on: value changes post Changed."""
    app = make_app("l1.tune-neuron")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        slider = view(app).query_one("#tn-b", Slider)
        slider.value = 2.0
        await pilot.pause()
        assert view(app).game.b == 2.0


def footer_keys(app) -> dict[str, str]:
    """The Footer entries that are fully on screen: description → key shown."""
    from textual.widgets._footer import FooterKey

    width = app.size.width
    return {k.description: k.key_display for k in app.screen.query(FooterKey)
            if k.description and k.region.width and k.region.right <= width - 12}  # ^p palette


@pytest.mark.parametrize("section, wanted", [
    ("l1.light-network", {"adjust", "flip x₁", "flip x₂", "check"}),
    ("l1.tune-neuron", {"pick gate", "reset"}),
    ("l1.numbers-flowing", {"adjust", "play", "step", "reset"}),
    ("l1.activation-lab", {"pick", "reset w, b"}),
    ("l1.worked-neuron", {"adjust", "example"}),
])
async def test_footer_shows_the_game_keys_at_80_columns(make_app, section, wanted):
    app = make_app(section)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down")  # a slider has the focus
        await pilot.pause()
        assert wanted <= set(footer_keys(app))


async def test_tune_neuron_picking_a_gate_the_sliders_already_solve_wins_it(make_app):
    async with opened(make_app, "l1.tune-neuron") as (app, pilot, v):
        # OR's weights (w₁ = w₂ = 4, b = −2) while AND is picked: 2/4, nothing recorded
        await pilot.press("down", "shift+right", "shift+right", "down", "shift+right",
                          "shift+right", "down", "shift+left")
        await pilot.pause()
        assert v.game.gate == "AND" and v.game.score == 2
        assert app.store.attempts("l1.tune-neuron") == []
        await pilot.press("2")  # OR
        await pilot.pause()
        assert v.game.gate == "OR" and v.game.won
        assert isinstance(app.screen, ResultModal)
        await pilot.press("enter")
        assert [a.details["gate"] for a in app.store.attempts("l1.tune-neuron")] == ["OR"]
        await pilot.press("1", "2")  # back to OR again: a gate is recorded once a visit
        await pilot.pause()
        assert not isinstance(app.screen, ResultModal)
        assert len(app.store.attempts("l1.tune-neuron")) == 1
        table = str(v.query_one("#tn-table").render())
        assert table.count("✓") == 4 and "−2.00" in table


async def test_light_network_brings_new_targets_on_a_return_visit(make_app):
    from nntui.games.light_network_model import LightNetwork

    app = make_app("l1.light-network")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # one (lost) check
        await pilot.pause()
        first = view(app).game.target
        assert "σ(0) = 0.5: a half-lit bulb" in view(app).query_one("LessonText").source
    assert first == LightNetwork(seed=0).target
    app = make_app("l1.light-network")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert view(app).game.target == LightNetwork(seed=1).target


async def test_numbers_flowing_text_quotes_the_real_first_weight(make_app):
    async with opened(make_app, "l1.numbers-flowing") as (app, pilot, v):
        w = v.flow.model.weights[0][0, 0]
        shown = f"{w:+.2f}".replace("-", "−")
        assert f'"x₁→{shown}" in the first row' in v.query_one("LessonText").source
        assert f"x₁→{shown}" in str(v.query_one("#nf-weights").render()).splitlines()[0]


async def test_perceptron_rule_plot_names_its_axes_and_text_quotes_the_rate(make_app):
    async with opened(make_app, "l1.perceptron-rule") as (app, pilot, v):
        plot = v.query_one("#pr-plot")
        assert (plot.border_title, plot.border_subtitle) == ("x₂ ↑", "x₁ →")
        assert f"η (here {v.run.lr:g})" in v.query_one("LessonText").source
        await pilot.press("3")  # NOT has one input: no vertical axis to name
        await pilot.pause()
        assert plot.border_title == "" and v.run.n_inputs == 1


async def test_history_marks_exactly_two_winters(make_app):
    async with opened(make_app, "l1.history") as (app, pilot, v):
        assert str(v.query_one("#hi-axis").render()).count("❄") == 2
        assert "at most 0.25), so the early layers" in v.query_one("LessonText").source
        await pilot.press("right", "right")
        assert "▼ setback" in str(v.query_one("#hi-card").render())


async def test_numbers_flowing_a_step_right_after_an_input_change_is_kept(make_app):
    async with opened(make_app, "l1.numbers-flowing") as (app, pilot, v):
        v.query_one("#nf-x1", Slider).value = -0.5  # its Changed message is still queued…
        v.action_step()  # …when a quick s arrives
        assert v.flow.inputs == (1.0, -0.5) and v.flow.lighting.position == 1
        await pilot.pause()  # the late message must not switch the light off again
        assert v.flow.lighting.position == 1


async def test_help_lists_the_slider_keys_the_footer_leaves_out(make_app):
    from nntui.screens.help import section_keys_markdown

    app = make_app("l1.light-network")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = section_keys_markdown(view(app))
        for row in ("`←→` | adjust", "`shift+←→` | adjust in big steps", "`enter` | check",
                    "`1` | flip x₁", "`2` | flip x₂"):
            assert row in keys


async def test_perceptron_rule_play_runs_to_the_end_and_stops(make_app):
    async with opened(make_app, "l1.perceptron-rule") as (app, pilot, v):
        await pilot.press("2", "p")  # OR, play
        assert v.playing and "▶ playing" in str(v.query_one("#pr-verdict").render())
        while not v.run.finished:
            v.advance()  # what each timer beat does, without waiting for the beats
        assert v.run.converged and not v.playing and v.timer is None
        await pilot.press("p")  # nothing left to play: stays stopped
        assert not v.playing


async def test_match_shape_a_failed_run_is_recorded_as_lost(make_app):
    async with opened(make_app, "l1.match-shape") as (app, pilot, v):
        card = v.query_one("QuizCard")
        total = len(v.questions())
        for _ in range(total):
            wrong = (card.question.answer + 1) % len(card.question.options)
            await pilot.press(str(wrong + 1), "enter")
        await pilot.pause()
        best = app.store.best("l1.match-shape")
        assert best is not None and not best.won and best.score == 0
