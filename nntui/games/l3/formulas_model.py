"""The formulas: the pure model (no Textual).

Six formula cards, each with a few inputs the learner changes by keys and a live line the
engine computes from them: the forward pass of one neuron, mean squared error, binary
cross-entropy, the chain rule through one neuron, the backprop recursion, and the update step.
Row-vector convention throughout, as in the engine: z = xW + b, δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ σ′(z⁽ˡ⁾).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nntui.engine.activations import ACTIVATIONS
from nntui.engine.losses import LOSSES
from nntui.engine.optim import SGD

__all__ = ["CARDS", "Card", "Formulas", "Input", "fmt"]

SIGMOID = ACTIVATIONS["sigmoid"]


def fmt(value: float, decimals: int = 3, brackets: bool = False) -> str:
    """A number with a true minus sign, never −0; ``brackets`` wraps a negative factor."""
    text = f"{value:.{decimals}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    text = text.replace("-", "−")
    return f"({text})" if brackets and text.startswith("−") else text


@dataclass(frozen=True)
class Input:
    symbol: str
    start: float
    step: float
    low: float
    high: float


@dataclass(frozen=True)
class Card:
    key: str
    title: str
    tab: str  # short name for the card strip
    formula: str
    in_words: str
    symbols: tuple[tuple[str, str], ...]
    inputs: tuple[Input, ...]
    live: Callable[[dict[str, float]], str]


def _forward(v: dict[str, float]) -> str:
    x = np.array([[v["x₁"], v["x₂"]]])
    W = np.array([[v["w₁"]], [v["w₂"]]])
    z = float((x @ W)[0, 0] + v["b"])
    a = float(SIGMOID.f(z))
    x1, x2, w1, w2, b = (fmt(v[k], 2, brackets=True) for k in ("x₁", "x₂", "w₁", "w₂", "b"))
    return f"z = {x1}·{w1} + {x2}·{w2} + {b} = {fmt(z)}   a = σ(z) = {fmt(a)}"


def _mse(v: dict[str, float]) -> str:
    pred, target = np.array([v["ŷ₁"], v["ŷ₂"]]), np.array([v["y₁"], v["y₂"]])
    loss, _ = LOSSES["mse"](pred, target)
    errors = pred - target
    return f"L = ½[({fmt(errors[0], 2)})² + ({fmt(errors[1], 2)})²] = {fmt(loss, 4)}"


def _bce(v: dict[str, float]) -> str:
    loss, _ = LOSSES["bce"](np.array([v["ŷ"]]), np.array([v["y"]]))
    used = "−log ŷ" if v["y"] == 1 else "−log(1 − ŷ)"
    return f"y = {v['y']:.0f}, so only {used} counts:  L = {fmt(loss, 4)}"


def chain_factors(v: dict[str, float]) -> tuple[float, float, float]:
    """(∂L/∂ŷ, ∂ŷ/∂z, ∂z/∂w) for L = (ŷ − y)², ŷ = σ(z), z = wx."""
    z = v["w"] * v["x"]
    y_hat = float(SIGMOID.f(z))
    _, dloss = LOSSES["mse"](np.array([y_hat]), np.array([v["y"]]))
    return float(dloss[0]), float(SIGMOID.df(z)), v["x"]


def _chain(v: dict[str, float]) -> str:
    a, b, c = chain_factors(v)
    return (f"∂L/∂w = {fmt(a, brackets=True)} × {fmt(b)} × {fmt(c, 2, brackets=True)} "
            f"= {fmt(a * b * c, 4)}")


def recursion(v: dict[str, float]) -> np.ndarray:
    """δ⁽ˡ⁾ for two units feeding one: (δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ σ′(z⁽ˡ⁾)."""
    delta_next = np.array([[v["δ⁽ˡ⁺¹⁾"]]])
    W_next = np.array([[v["w₁"]], [v["w₂"]]])  # (2 units, 1 unit): rows are the inputs
    slopes = SIGMOID.df(np.array([[v["z₁"], v["z₂"]]]))
    return (delta_next @ W_next.T * slopes)[0]


def _recursion(v: dict[str, float]) -> str:
    slopes = SIGMOID.df(np.array([v["z₁"], v["z₂"]]))
    delta = recursion(v)
    d = fmt(v["δ⁽ˡ⁺¹⁾"], 2, brackets=True)
    w1, w2 = fmt(v["w₁"], 2, brackets=True), fmt(v["w₂"], 2, brackets=True)
    return (f"σ′(z₁) = {fmt(slopes[0])}   σ′(z₂) = {fmt(slopes[1])}\n"
            f"δ⁽ˡ⁾ = ({d}·{w1}·{fmt(slopes[0])}, {d}·{w2}·{fmt(slopes[1])}) "
            f"= ({fmt(delta[0], 4)}, {fmt(delta[1], 4)})")


def updated(v: dict[str, float]) -> float:
    """w after one engine SGD step with learning rate η and gradient g."""
    w = np.array([v["w"]])
    SGD(v["η"]).step([w], [np.array([v["∂L/∂w"]])])
    return float(w[0])


def _update(v: dict[str, float]) -> str:
    return (f"w ← {fmt(v['w'], 2)} − {fmt(v['η'], 2)} × {fmt(v['∂L/∂w'], 2, brackets=True)} "
            f"= {fmt(updated(v))}")


CARDS: tuple[Card, ...] = (
    Card("forward", "Forward pass", "forward", "a = σ(z),  z = xW + b = Σᵢ xᵢwᵢ + b",
         "weigh each input, add them up with the bias, squash the sum; a layer does this for "
         "all its units at once, one column of W each.",
         (("x", "the inputs, one row"), ("W", "weights, one column per unit"),
          ("b", "bias"), ("σ", "the squash, here the sigmoid 1/(1 + e⁻ᶻ)")),
         (Input("x₁", 0.5, 0.25, -2, 2), Input("x₂", -1.0, 0.25, -2, 2),
          Input("w₁", 0.8, 0.1, -2, 2), Input("w₂", 0.3, 0.1, -2, 2),
          Input("b", 0.1, 0.1, -2, 2)), _forward),
    Card("mse", "Mean squared error", "MSE", "L = (1/N) Σₙ (ŷₙ − yₙ)²",
         "the average squared miss: big errors count a lot more than small ones.",
         (("ŷₙ", "the prediction for example n"), ("yₙ", "its target"),
          ("N", "how many examples (here 2)")),
         (Input("ŷ₁", 0.8, 0.1, -2, 2), Input("y₁", 1.0, 0.5, -2, 2),
          Input("ŷ₂", 0.4, 0.1, -2, 2), Input("y₂", 0.0, 0.5, -2, 2)), _mse),
    Card("bce", "Binary cross-entropy", "BCE", "L = −[y log ŷ + (1 − y) log(1 − ŷ)]",
         "the surprise at the true answer: a confident wrong ŷ costs a great deal, a "
         "confident right one almost nothing.",
         (("ŷ", "the predicted probability of class 1"), ("y", "the true class, 0 or 1"),
          ("log", "natural logarithm")),
         (Input("ŷ", 0.7, 0.05, 0.01, 0.99), Input("y", 1.0, 1.0, 0, 1)), _bce),
    Card("chain", "Chain rule", "chain rule", "∂L/∂w = ∂L/∂ŷ · ∂ŷ/∂z · ∂z/∂w",
         "to see how w moves the loss, multiply the slope of each link between them. Here "
         "L = (ŷ − y)², ŷ = σ(z), z = wx, so the links are 2(ŷ − y), σ′(z) and x.",
         (("∂L/∂ŷ", "how the loss moves with the output"),
          ("∂ŷ/∂z", "slope of σ: σ(z)(1 − σ(z))"),
          ("∂z/∂w", "how the sum moves with w: the input x")),
         (Input("w", 0.5, 0.1, -3, 3), Input("x", 1.5, 0.25, -2, 2),
          Input("y", 1.0, 1.0, 0, 1)), _chain),
    Card("recursion", "Backprop recursion", "backprop δ",
         "δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ σ′(z⁽ˡ⁾)",
         "a unit's error signal is the next layer's signals sent back along the same "
         "weights, scaled by how steep its own squash was. Then ∂L/∂W⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾.",
         (("δ⁽ˡ⁾", "∂L/∂z⁽ˡ⁾, the error signal of layer l"),
          ("W⁽ˡ⁺¹⁾ᵀ", "the next layer's weights, transposed: back along them"),
          ("⊙", "multiply unit by unit"), ("σ′(z⁽ˡ⁾)", "each unit's slope")),
         (Input("δ⁽ˡ⁺¹⁾", 0.5, 0.1, -2, 2), Input("w₁", 1.0, 0.1, -2, 2),
          Input("w₂", -0.5, 0.1, -2, 2), Input("z₁", 0.0, 0.5, -5, 5),
          Input("z₂", 3.0, 0.5, -5, 5)), _recursion),
    Card("update", "Update step", "update", "w ← w − η ∂L/∂w",
         "step each weight a little downhill: against its gradient, scaled by the learning "
         "rate.",
         (("η", "learning rate, the step size"), ("∂L/∂w", "the gradient from backprop"),
          ("←", "replace w by the new value")),
         (Input("w", 0.8, 0.1, -3, 3), Input("η", 0.1, 0.05, 0, 2),
          Input("∂L/∂w", 0.4, 0.1, -3, 3)), _update),
)


class Formulas:
    """Which card is open, which input is selected, and every card's input values."""

    def __init__(self) -> None:
        self.card_index = 0
        self.selected = 0
        self.values = [{i.symbol: float(i.start) for i in card.inputs} for card in CARDS]
        self.visited = {0}

    @property
    def card(self) -> Card:
        return CARDS[self.card_index]

    @property
    def current(self) -> dict[str, float]:
        return self.values[self.card_index]

    def open(self, index: int) -> None:
        self.card_index = index % len(CARDS)
        self.selected = 0
        self.visited.add(self.card_index)

    def select(self, steps: int) -> None:
        self.selected = (self.selected + steps) % len(self.card.inputs)

    def nudge(self, steps: int) -> None:
        spec = self.card.inputs[self.selected]
        value = self.current[spec.symbol] + steps * spec.step
        self.current[spec.symbol] = round(min(spec.high, max(spec.low, value)), 6)

    def live(self) -> str:
        return self.card.live(self.current)

    @property
    def all_visited(self) -> bool:
        return len(self.visited) == len(CARDS)
