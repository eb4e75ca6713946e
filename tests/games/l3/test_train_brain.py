"""Tests for Train a Brain: the model (data, training, challenges, CSV, setups) and its view."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nntui.engine import playground as sets
from nntui.games.l3.train_brain_model import (
    CHALLENGES,
    LEARNING_RATES,
    CsvError,
    Playground,
    default_setup,
    load_csv,
    normalize_setup,
)

# --- data ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["circle", "xor", "gauss", "spiral", "moons", "plane",
                                  "multi-gauss"])
def test_every_data_set_is_deterministic_for_a_seed(name):
    X1, y1 = sets.make(name, 100, 0.2, seed=3)
    X2, y2 = sets.make(name, 100, 0.2, seed=3)
    X3, _ = sets.make(name, 100, 0.2, seed=4)
    assert X1.shape == (100, 2) and y1.shape == (100,)
    assert np.array_equal(X1, X2) and np.array_equal(y1, y2) and not np.array_equal(X1, X3)


def test_regression_targets_follow_the_playground_rules():
    assert sets.plane_target(np.array([[5.0, 5.0], [-6.0, 1.0]])) == pytest.approx([1.0, -0.5])
    bumps = sets.multi_gauss_target(np.array([[-4.0, 2.5], [0.0, 2.5], [0.0, 3.5], [-2.0, 0.0]]))
    assert bumps == pytest.approx([1.0, -1.0, -0.5, 0.0])  # centre, centre, d = 1, far away
    X, y = sets.make("plane", 200, 0.0, seed=0)
    assert np.abs(X).max() <= 6 and y == pytest.approx(sets.plane_target(X))


def test_train_share_and_noise_change_the_points():
    pg = Playground({"train_percent": 30})
    assert (len(pg.y_train), len(pg.y_test)) == (150, 350)
    before = pg.X.copy()
    pg.change(noise=20)  # circle: noise flips labels near the border, the points stay
    assert np.array_equal(pg.X, before) and pg.y.sum() != Playground().y.sum()
    pg.regenerate()
    assert pg.setup["data_seed"] == 2 and not np.array_equal(pg.X, before)


# --- network and training -----------------------------------------------------------------

def test_layers_neurons_and_parameter_count():
    pg = Playground()  # 2 → 4 → 2 → 1
    assert pg.sizes == [2, 4, 2, 1] and pg.layer_params() == [12, 10, 3] and pg.param_count == 25
    for _ in range(9):
        pg.add_layer()
    assert len(pg.setup["hidden"]) == 6
    pg.resize_layer(0, 20)
    pg.resize_layer(1, -20)
    assert pg.setup["hidden"][:2] == [8, 1]
    for _ in range(9):
        pg.remove_layer()
    assert pg.setup["hidden"] == [] and pg.sizes == [2, 1]


def test_training_lowers_the_loss_and_changing_the_rate_keeps_the_weights():
    pg = Playground({"optimizer": "adam", "learning_rate": 0.03})
    start = pg.train_loss
    pg.train(20)
    assert pg.epoch == 20 and len(pg.history) == 20 and pg.train_loss < start
    assert not pg.loss_rising
    weights = [w.copy() for w in pg.net.weights]
    pg.change(learning_rate=0.1, regularization="l2", reg_rate=0.001, batch_size=5)
    assert pg.epoch == 20 and all(np.array_equal(a, b) for a, b in zip(weights, pg.net.weights))
    assert pg.optimizer.lr == 0.1
    pg.toggle_feature("x1^2")  # a new input: a new network
    assert pg.epoch == 0 and pg.sizes[0] == 3


def test_learning_rate_ladder_and_setup_repair():
    assert LEARNING_RATES[0] == 0.00001 and LEARNING_RATES[-1] == 10
    fixed = normalize_setup({"learning_rate": 0.05, "noise": 93, "batch_size": -4,
                             "hidden": [0, 99, 3, 3, 3, 3, 3, 3], "features": ["x1", "bogus"],
                             "dataset": "plane", "activation": "swish", "challenge": "nope",
                             "own_points": [[1, 2, 1], [99, 0, 1], ["a", 0, 0]]})
    assert fixed["learning_rate"] in (0.03, 0.1) and fixed["noise"] == 50
    assert fixed["batch_size"] == 1 and fixed["hidden"] == [1, 8, 3, 3, 3, 3]
    assert fixed["features"] == ["x1"] and fixed["dataset"] == "circle"  # plane needs regression
    assert fixed["activation"] == "tanh" and fixed["challenge"] is None
    assert fixed["own_points"] == [[1.0, 2.0, 1.0]]
    assert set(fixed) == set(default_setup())


@pytest.mark.parametrize("settings", [
    {"problem": "regression", "dataset": "plane"},  # squared error overflows
    {"activation": "linear"},
    {"activation": "relu", "hidden": [8, 8]},  # the weights blow up before the loss does
])
def test_learning_rate_ten_diverges_and_reset_recovers(settings):
    pg = Playground({**settings, "learning_rate": 10.0})
    loss = None
    for _ in range(30):
        loss = pg.train(1)
        if pg.diverged:
            break
    assert pg.diverged and math.isnan(loss) and math.isnan(pg.train_loss)
    assert pg.output_grid(4, 4).shape == (4, 4)  # still drawable
    assert math.isnan(pg.train(1))  # a diverged run stays diverged, no exception
    pg.change(learning_rate=0.03)
    pg.reset()  # Reset recovers (lr 10 would diverge again)
    assert not pg.diverged and pg.epoch == 0 and math.isfinite(pg.train(1))


@pytest.mark.parametrize("settings", [
    {"regularization": "l2", "reg_rate": 10.0},
    {"features": []},
    {"hidden": []},
    {"dataset": "own", "own_points": [[1.0, 1.0, 1.0]]},
    {"dataset": "own", "own_points": []},
])
def test_you_cannot_break_it(settings):
    pg = Playground(settings)
    for _ in range(3):
        loss = pg.train(1)
    grid = pg.output_grid(12, 8)
    assert grid.shape == (8, 12) and np.isfinite(grid).all() and (0 <= grid).all()
    assert loss is None or math.isnan(loss) or math.isfinite(loss)
    if settings.get("own_points") == []:
        assert loss is None and pg.epoch == 0  # nothing to train on
    if settings.get("own_points"):
        assert len(pg.y_train) == 1 and len(pg.y_test) == 0 and pg.test_loss is None
    if settings.get("features") == []:
        assert pg.sizes[0] == 1 and np.ptp(grid) == 0  # a constant guess over the square


def test_node_pictures_and_weights():
    pg = Playground()
    x1 = pg.node_grid(0, 0, 5, 3)
    assert x1[0] == pytest.approx([0, 0.25, 0.5, 0.75, 1])  # x₁ grows to the right
    hidden = pg.node_grid(1, 2, 6, 6)
    assert hidden.shape == (6, 6) and 0 <= hidden.min() and hidden.max() <= 1
    assert np.array_equal(pg.node_grid(3, 0, 6, 6), pg.output_grid(6, 6))
    incoming, bias, outgoing = pg.node_weights(1, 2)
    assert [name for name, _ in incoming] == ["x₁", "x₂"] and bias == 0.0
    assert incoming[1][1] == pg.net.weights[0][1, 2] and len(outgoing) == 2
    pg.change(discretize=True)
    assert set(np.unique(pg.output_grid(10, 10))) <= {0.0, 1.0}


# --- challenges -----------------------------------------------------------------------------

WINNING = {
    "spiral": dict(features=["x1", "x2", "x1^2", "x2^2", "x1x2", "sin_x1", "sin_x2"],
                   hidden=[8, 8, 8], optimizer="adam", learning_rate=0.01),
    "small-circle": dict(hidden=[4], optimizer="adam", learning_rate=0.03),
    "flat-xor": dict(features=["x1x2"], hidden=[], optimizer="adam", learning_rate=0.1),
    "sparse-gauss": dict(hidden=[4, 2], regularization="l1", reg_rate=0.01, optimizer="adam",
                         learning_rate=0.03, batch_size=30),
    "linear-plane": dict(hidden=[], noise=25, learning_rate=0.01),
    "six-bumps": dict(hidden=[8, 8], optimizer="adam", learning_rate=0.01),
    "moons-sigmoid": dict(hidden=[8], activation="sigmoid", optimizer="adam",
                          learning_rate=0.03),
}
# Same data, one setting that breaks the rule (or trains too little to reach the loss).
NOT_WON = {
    "spiral": dict(features=["x1", "x2"], hidden=[2]),
    "small-circle": dict(hidden=[4, 2], optimizer="adam", learning_rate=0.03),
    "flat-xor": dict(features=["x1", "x2", "x1x2"], hidden=[], optimizer="adam",
                     learning_rate=0.1),
    "sparse-gauss": dict(hidden=[4, 2], regularization="l2", reg_rate=0.01, optimizer="adam",
                         learning_rate=0.03, batch_size=30),
    "linear-plane": dict(hidden=[], noise=0, learning_rate=0.01),
    "six-bumps": dict(hidden=[], optimizer="adam", learning_rate=0.01),
    "moons-sigmoid": dict(hidden=[8], activation="tanh", optimizer="adam", learning_rate=0.03),
}


def play(challenge_id: str, settings: dict, epochs: int) -> Playground:
    pg = Playground()
    pg.pick_challenge(challenge_id)
    pg.change(**settings)
    for _ in range(epochs):
        pg.train(1)
        if pg.challenge_met():
            break
    return pg


def test_there_are_at_least_six_challenges_and_all_are_tested():
    assert len(CHALLENGES) >= 6
    assert set(WINNING) == set(NOT_WON) == {c.id for c in CHALLENGES}


@pytest.mark.parametrize("challenge_id", list(WINNING))
def test_each_challenge_can_be_won(challenge_id):
    pg = play(challenge_id, WINNING[challenge_id], 150)
    assert pg.challenge_met()
    record = pg.winning_record()
    assert record["challenge"] == challenge_id and record["setup"]["hidden"] == pg.setup["hidden"]
    assert record["test_loss"] == pg.test_loss


@pytest.mark.parametrize("challenge_id", list(NOT_WON))
def test_each_challenge_is_not_won_when_its_rule_is_broken(challenge_id):
    pg = play(challenge_id, NOT_WON[challenge_id], 60)
    assert not pg.challenge_met()


def test_a_challenge_needs_its_own_data_set():
    pg = play("flat-xor", WINNING["flat-xor"], 5)
    assert pg.challenge_met()
    pg.change(dataset="circle")
    pg.train(5)
    assert not pg.challenge_met()


# --- own data and CSV -----------------------------------------------------------------------

def test_drawing_own_points():
    pg = Playground()
    pg.change(dataset="own")
    assert pg.n_points == 0
    pg.place_point(1.0, 1.0, 1.0)
    pg.place_point(-2.0, -2.0, 0.0)
    pg.place_point(-2.1, -2.1, 0.0)
    assert pg.n_points == 3 and pg.delete_points(-2.0, -2.0, 0.2, 0.2) == 2
    assert pg.setup["own_points"] == [[1.0, 1.0, 1.0]]
    pg2 = Playground({"train_percent": 50})
    pg2.own_points_from_current()
    assert pg2.setup["dataset"] == "own" and pg2.n_points == 500


def test_csv_good_file(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("x1,x2,label\n1,2,1\n-3.5,0.5,0\n\n2,-2,1\n")
    points = load_csv(good)
    assert points == [[1.0, 2.0, 1.0], [-3.5, 0.5, 0.0], [2.0, -2.0, 1.0]]
    pg = Playground()
    pg.use_points(points)
    assert pg.setup["dataset"] == "own" and pg.setup["problem"] == "classification"
    pg.use_points([[0.0, 0.0, 0.3], [1.0, 1.0, -0.7]])  # real-valued targets: regression
    assert pg.setup["problem"] == "regression" and list(pg.y) == [0.3, -0.7]


@pytest.mark.parametrize("text, message", [
    ("x1,x2,label\n1,2\n", "line 2 of .* is not three numbers"),
    ("", "has no points"),
    ("1,2,1\n9,0,1\n", "line 2 of .* between −6 and 6"),
    ("1,2,nan\n", "line 1 of .* not finite"),
])
def test_csv_bad_files_say_why(tmp_path, text, message):
    bad = tmp_path / "bad.csv"
    bad.write_text(text)
    with pytest.raises(CsvError, match=message):
        load_csv(bad)
    with pytest.raises(CsvError, match="no file"):
        load_csv(tmp_path / "missing.csv")


# --- the view (Pilot) -------------------------------------------------------------------------

SECTION = "l3.train-brain"


async def settle(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()


def store_setup(make_app, **settings):
    """Save a setup for learner "test" as if an earlier visit had left it."""
    from nntui.games.l3.train_brain import SETUP_KEY

    app = make_app()
    app.store.set_setting(SETUP_KEY, {**default_setup(), **settings})
    app.store.close()


async def test_keys_answer_while_it_trains_the_setup_is_saved_and_points_are_drawn_and_loaded(
        opened, tmp_path, monkeypatch):
    from nntui.games.l3.train_brain import SETUP_KEY

    (tmp_path / "p.csv").write_text("x1,x2,label\n1,1,1\n-1,-1,0\n2,2,1\n")
    (tmp_path / "b.csv").write_text("1,1\n")
    monkeypatch.chdir(tmp_path)  # short names to type: a path is typed key by key
    async with opened(SECTION) as (app, pilot, view):
        assert view.pg.setup["hidden"] == [4, 2] and view.pg.epoch == 0
        await pilot.press("p")
        assert view.playing
        await pilot.press("right_square_bracket", "3", "t", "tab")  # while the worker runs
        assert view.playing  # still training
        assert view.pg.setup["hidden"] == [4, 2, 2] and "x1^2" in view.pg.setup["features"]
        assert view.pg.setup["show_test"]
        await pilot.press("p")
        await settle(app, pilot)
        assert not view.playing and view.pg.sizes == [3, 4, 2, 2, 1]
        epoch = view.pg.epoch
        await pilot.press("s")
        await settle(app, pilot)
        assert view.pg.epoch == epoch + 2
        await pilot.press("z")
        assert view.pg.setup["discretize"]
        # every change is saved for the next visit (test_a_return_visit_… boots from one)
        assert app.store.get_setting(SETUP_KEY) == view.pg.setup

        # drawing and loading points by keys
        await pilot.press("e")
        assert view.drawing and view.pg.setup["dataset"] == "own" and view.pg.n_points == 500
        await pilot.press("x")  # the points under the cursor go
        after_delete = view.pg.n_points
        assert after_delete < 500
        await pilot.press("c", "space", "right", "space")
        assert view.pg.n_points == after_delete + 2 and view.pg.setup["own_points"][-1][2] == 0.0
        await pilot.press("e")
        assert not view.drawing
        await pilot.press("o")
        await pilot.press(*"b.csv", "enter")
        await pilot.pause()
        assert view.pg.n_points == after_delete + 2  # a bad file changes nothing
        await pilot.press("o")
        await pilot.press(*"p.csv", "enter")
        await pilot.pause()
        assert view.pg.n_points == 3 and view.pg.setup["own_points"][0] == [1.0, 1.0, 1.0]


async def test_a_return_visit_restores_the_setup_and_wins_then_lr_ten_diverges_and_r_recovers(
        make_app):
    setup = {**default_setup(), "problem": "regression", "dataset": "plane",
             "learning_rate": 10.0, "hidden": [4, 2, 2], "features": ["x1", "x1x2"],
             "discretize": True}
    store_setup(make_app, **setup)
    earlier = make_app()  # a win from an earlier visit, as the section records one
    earlier.store.record_attempt(SECTION, 1, 1, True, {"challenge": "flat-xor", "setup": setup})
    earlier.store.close()
    app = make_app(SECTION)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.screen.view
        assert view.pg.setup["hidden"] == [4, 2, 2] and view.pg.setup["features"] == ["x1", "x1x2"]
        assert view.pg.setup["discretize"] and view.pg.sizes == [2, 4, 2, 2, 1]
        assert view.pg.setup["learning_rate"] == 10.0 and view.pg.setup["dataset"] == "plane"
        assert "flat-xor" in view.won
        labels = [label for label, _ in app.screen.query_one("#tb-challenge").options]
        assert "✓ Flat XOR" in labels

        # a learning rate of 10 diverges; the screen says so and r recovers
        for _ in range(4):
            await pilot.press("s")
            await settle(app, pilot)
        assert view.diverged and view.pg.diverged
        hint = str(app.screen.query_one("#tb-hint").render())
        assert "diverged — lower the learning rate" in hint
        assert "nan" not in str(app.screen.query_one("#tb-status").render()).lower()
        await pilot.press("r")
        await settle(app, pilot)
        assert not view.diverged and view.pg.epoch == 0


async def test_a_challenge_win_is_recorded_with_its_settings(make_app):
    from nntui.widgets.result import ResultModal

    store_setup(make_app, dataset="xor", challenge="flat-xor", features=["x1x2"], hidden=[],
                optimizer="adam", learning_rate=0.1)
    app = make_app(SECTION)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, ResultModal)
        (attempt,) = app.store.attempts(SECTION)
        assert attempt.won and attempt.details["challenge"] == "flat-xor"
        assert attempt.details["setup"]["features"] == ["x1x2"]
        # the win marks the challenge at once (a return visit reads it from the store)
        assert "flat-xor" in app.screen_stack[-2].view.won


def test_snap_train_brain_80x24(snap_compare, make_app):
    async def train_a_little(pilot):
        await pilot.press("s", "s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(SECTION), terminal_size=(80, 24), run_before=train_a_little)


def test_snap_train_brain_120x40(snap_compare, make_app):
    async def pick_a_hidden_layer(pilot):
        await pilot.press("t", "left", "left", "s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(make_app(SECTION), terminal_size=(120, 40), run_before=pick_a_hidden_layer)
