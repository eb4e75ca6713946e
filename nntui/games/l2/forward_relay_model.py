"""Forward relay: the pure model (no Textual).

A 2 → h → 1 network (tanh hidden layer, sigmoid output) with weights fixed for the round. The
learner picks the hidden width h, sets the two inputs and fires: the shared ``Lighting`` model
lights the inputs, then the hidden neurons, then the output, each with the engine's value. The
round is won when a fired output passes 0.5. Each round draws new weights, checked so that the
output starts below 0.5 and some reachable inputs lift it above, whatever width is chosen.
"""

from __future__ import annotations

import numpy as np

from nntui.engine.mlp import MLP
from nntui.widgets.lighting import Lighting

__all__ = ["ForwardRelay", "WIDTHS", "INPUT_VALUES", "THRESHOLD"]

WIDTHS = tuple(range(1, 7))
INPUT_STEP = 0.1
INPUT_VALUES = tuple(round(k * INPUT_STEP, 1) for k in range(-10, 11))
THRESHOLD = 0.5


def round_network(seed: int, width: int) -> MLP:
    """The round's network at one width: Xavier weights, and biases drawn from the same seed
    (the output bias negative, so the relay starts below the line)."""
    net = MLP([2, width, 1], hidden="tanh", output="sigmoid", init="xavier_normal", seed=seed)
    rng = np.random.default_rng(seed + 10_000)
    net.biases[0][:] = rng.normal(0.0, 0.5, width)
    net.biases[1][:] = -0.4 - abs(rng.normal(0.0, 0.3))
    return net


def _grid() -> np.ndarray:
    g = np.array(INPUT_VALUES)
    return np.array([(a, b) for a in g for b in g])


def fair_round(seed: int) -> bool:
    """Every width starts below the line at (0, 0) and can cross it somewhere on the key grid."""
    grid = _grid()
    for width in WIDTHS:
        net = round_network(seed, width)
        if net.forward([[0.0, 0.0]])[0, 0] >= THRESHOLD:
            return False
        if net.forward(grid)[:, 0].max() <= THRESHOLD + 0.02:
            return False
    return True


class ForwardRelay:
    def __init__(self, seed: int = 0, width: int = 3, wins: int = 0) -> None:
        """``wins`` rounds already won (a return visit): play goes on from the round after."""
        self._next_seed = seed
        self.round = wins
        self.wins = wins
        self.width = width
        self.new_round()

    # --- rounds -------------------------------------------------------------------

    def new_round(self) -> None:
        """Fresh weights (the next fair seed), inputs back to 0, lights off."""
        seed = self._next_seed
        while not fair_round(seed):
            seed += 1
        self.seed, self._next_seed = seed, seed + 1
        self.round += 1
        self.fires = 0
        self.x = [0.0, 0.0]
        self._build()

    def _build(self) -> None:
        self.model = round_network(self.seed, self.width)
        self.lighting = Lighting(self.model, self.x)
        self.fired = False  # no signal sent through these weights and inputs yet

    # --- the learner's controls -----------------------------------------------------

    def set_width(self, width: int) -> None:
        width = min(WIDTHS[-1], max(WIDTHS[0], width))
        if width != self.width:
            self.width = width
            self._build()

    def nudge_input(self, index: int, steps: int) -> None:
        value = round(self.x[index] + steps * INPUT_STEP, 1)
        self.x[index] = min(INPUT_VALUES[-1], max(INPUT_VALUES[0], value))
        self.lighting.set_input(self.x)
        self.fired = False

    def fire(self) -> None:
        """Send the signal: the lights go off and the inputs light first on the next beat."""
        self.fires += 1
        self.fired = True
        self.lighting.reset()

    @property
    def in_flight(self) -> bool:
        """A fired signal has not reached the output yet."""
        return self.fired and not self.lighting.done

    def advance(self) -> bool:
        """One beat: the next neuron lights (firing first if no signal is in flight).
        Returns False once the signal has reached the output."""
        if not self.in_flight:
            self.fire()
        self.lighting.step()
        return not self.lighting.done

    def finish(self) -> None:
        """Light everything at once (firing first if no signal is in flight); a signal that
        has landed stays as it is."""
        if self.landed:
            return
        if not self.in_flight:
            self.fire()
        while not self.lighting.done:
            self.lighting.step()

    # --- outcome -------------------------------------------------------------------

    @property
    def output(self) -> float:
        return float(self.lighting.output[0])

    @property
    def landed(self) -> bool:
        """The signal reached the output (the last fire finished lighting)."""
        return self.fired and self.lighting.done

    @property
    def won(self) -> bool:
        return self.landed and self.output > THRESHOLD

    def clear(self) -> None:
        """Inputs back to 0, lights off, no fires counted (the round and weights stay)."""
        self.x = [0.0, 0.0]
        self.fires = 0
        self._build()

    def record_win(self) -> None:
        self.wins += 1
