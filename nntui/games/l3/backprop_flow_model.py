"""Backprop, step by step: the pure model (no Textual).

A 2 → 2 → 1 network (sigmoid units, squared-error loss on one example) from the engine's
``MLP``. The learner steps the forward pass left to right, the loss, then the backward pass
right to left. For one chosen weight the chain rule is spelled out as its factors (each a
number from the forward/backward trace), their product is the engine's backprop gradient, and
a central finite difference of the engine's loss checks it.
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from nntui.engine.mlp import MLP

__all__ = ["FD_STEP", "STAGES", "WEIGHTS", "BackpropFlow", "Factor", "agreeing_digits",
           "weight_name"]

SIZES = (2, 2, 1)
LOSS = "mse"
X = np.array([[1.0, 0.5]])
Y = np.array([[1.0]])
FD_STEP = 1e-5  # central differences: error ~h², far below the 5 digits asked for

# (short name, what is known after this stage)
STAGES = (
    ("inputs", "the inputs x₁, x₂ enter on the left"),
    ("hidden", "forward: each hidden unit computes z = Σ xᵢwᵢⱼ + b, then h = σ(z)"),
    ("output", "forward: the output unit does the same with h₁, h₂: ŷ = σ(z)"),
    ("loss", "the loss compares ŷ with the target: L = (ŷ − y)²"),
    ("δ out", "backward: δ = ∂L/∂z at the output = 2(ŷ − y)·σ′(z)"),
    ("δ hidden", "backward: δ⁽¹⁾ = (δ⁽²⁾ W⁽²⁾ᵀ) ⊙ σ′(z⁽¹⁾), each hidden unit's share"),
    ("gradients", "every weight's gradient: ∂L/∂wᵢⱼ = (input i) × δⱼ"),
)
FIRST_BACKWARD = 4  # index of the first backward stage

# Every weight as (layer, i, j): W⁽layer+1⁾[i, j] joins node i of one layer to node j of the next.
WEIGHTS = tuple((layer, i, j) for layer, (n_in, n_out) in enumerate(itertools.pairwise(SIZES))
                for i in range(n_in) for j in range(n_out))

SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def weight_name(weight: tuple[int, int, int]) -> str:
    """w⁽¹⁾₁₂: layer 1's weight from node 1 to node 2 (1-based, as on screen)."""
    layer, i, j = weight
    return f"w⁽{str(layer + 1).translate(SUP)}⁾{f'{i + 1}{j + 1}'.translate(SUB)}"


def agreeing_digits(a: float, b: float) -> int:
    """How many leading significant digits two numbers share (by their relative difference)."""
    scale = max(abs(a), abs(b))
    if scale == 0 or a == b:
        return 16
    return max(0, math.floor(-math.log10(abs(a - b) / scale)))


class Factor:
    """One link of the chain: its symbol, what it is made of, and its value."""

    def __init__(self, symbol: str, meaning: str, value: float) -> None:
        self.symbol, self.meaning, self.value = symbol, meaning, float(value)


class BackpropFlow:
    def __init__(self, seed: int = 3) -> None:
        self.seed = seed
        self.net = MLP(SIZES, hidden="sigmoid", output="sigmoid", seed=seed)
        self.stage = 0
        self.weight_index = 0

    # --- stepping ----------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.stage == len(STAGES) - 1

    @property
    def backward_started(self) -> bool:
        return self.stage >= FIRST_BACKWARD

    def step(self) -> None:
        """One stage on; after the last, back to the start."""
        self.stage = (self.stage + 1) % len(STAGES)

    def to_end(self) -> None:
        self.stage = len(STAGES) - 1

    def choose_weight(self, steps: int) -> None:
        self.weight_index = (self.weight_index + steps) % len(WEIGHTS)

    def new_weights(self) -> None:
        self.__init__(self.seed + 1)

    @property
    def weight(self) -> tuple[int, int, int]:
        return WEIGHTS[self.weight_index]

    # --- the numbers -------------------------------------------------------------------

    @property
    def trace(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """(zs, activations) of the one example, from the engine."""
        return self.net.forward_trace(X)

    @property
    def output(self) -> float:
        return float(self.trace[1][-1][0, 0])

    @property
    def target(self) -> float:
        return float(Y[0, 0])

    @property
    def loss(self) -> float:
        return self.net.loss(X, Y, loss=LOSS)

    def sigmoid_slopes(self) -> list[np.ndarray]:
        """σ′(z) of each layer, from the engine's activation."""
        zs, _ = self.trace
        return [self.net.hidden.df(zs[0])[0], self.net.output.df(zs[1])[0]]

    @property
    def deltas(self) -> list[np.ndarray]:
        """δ = ∂L/∂z for the hidden layer and the output, by the backprop recursion."""
        slopes = self.sigmoid_slopes()
        delta_out = 2.0 * (self.output - self.target) * slopes[1]
        delta_hidden = (delta_out @ self.net.weights[1].T) * slopes[0]
        return [delta_hidden, delta_out]

    @property
    def gradients(self) -> list[np.ndarray]:
        """The engine's backprop gradients, parallel to ``net.params``."""
        return self.net.backward(X, Y, loss=LOSS)[1]

    def analytic(self, weight=None) -> float:
        layer, i, j = weight or self.weight
        return float(self.gradients[2 * layer][i, j])

    def numeric(self, weight=None, h: float = FD_STEP) -> float:
        """(L(w + h) − L(w − h)) / 2h with the engine's loss."""
        layer, i, j = weight or self.weight
        W = self.net.weights[layer]
        original = W[i, j]
        try:
            W[i, j] = original + h
            up = self.net.loss(X, Y, loss=LOSS)
            W[i, j] = original - h
            down = self.net.loss(X, Y, loss=LOSS)
        finally:
            W[i, j] = original
        return (up - down) / (2.0 * h)

    def chain(self, weight=None) -> list[Factor]:
        """The chain-rule factors along the highlighted path, output end first."""
        layer, i, j = weight or self.weight
        _, acts = self.trace
        slopes = self.sigmoid_slopes()
        factors = [Factor("∂L/∂ŷ", "2(ŷ − y)", 2.0 * (self.output - self.target)),
                   Factor("∂ŷ/∂z", "σ′(z)", slopes[1][0])]
        if layer == 1:
            factors.append(Factor(f"∂z/∂{weight_name((1, i, j))}", f"h{str(i + 1).translate(SUB)}",
                                  acts[1][0, i]))
            return factors
        h = f"h{str(j + 1).translate(SUB)}"
        factors += [Factor(f"∂z/∂{h}", weight_name((1, j, 0)), self.net.weights[1][j, 0]),
                    Factor(f"∂{h}/∂z{str(j + 1).translate(SUB)}", "σ′(z)", slopes[0][j]),
                    Factor(f"∂z{str(j + 1).translate(SUB)}/∂{weight_name((0, i, j))}",
                           f"x{str(i + 1).translate(SUB)}", X[0, i])]
        return factors

    def chain_product(self, weight=None) -> float:
        return float(np.prod([f.value for f in self.chain(weight)]))

    def path(self, weight=None) -> list[tuple[int, int]]:
        """The nodes (layer, index) the chosen weight's gradient flows through."""
        layer, i, j = weight or self.weight
        return [(1, i), (2, 0)] if layer == 1 else [(0, i), (1, j), (2, 0)]
