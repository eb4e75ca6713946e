"""Inside a transformer: the pure model (no Textual).

The model is the engine's one-block transformer trained to reverse five digits
(``nntui.engine.transformer``), trained once and kept as a weight file in the learner's data
folder. ``Inspector`` holds the learner's input digits and which stage of the forward pass is
lit; every array it offers comes from ``Reverser.stages`` on those digits.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from nntui.engine import transformer, weights
from nntui.engine.activations import softmax
from nntui.engine.transformer import DIGITS, LENGTH, Reverser, Stage

__all__ = ["STEPS", "SEED", "STAGES", "weight_file", "load_or_train", "Inspector"]

STEPS = 300  # Adam steps of train_reverser: about two seconds, and it reverses unseen rows
SEED = 0
# The diagram's boxes, in order: (stage key in Reverser.stages, box title, what it computes).
STAGES = (
    ("embed", "Embed", "x = E[digit] + PE[position]"),
    ("attention", "Attention", "A = softmax(QKᵀ/√d), out = AVW_o"),
    ("attend", "Add & Norm", "h = LayerNorm(x + out)"),
    ("ffn", "FFN + Norm", "LayerNorm(h + ReLU(hW₁ + b₁)W₂ + b₂)"),
    ("logits", "Head", "logits = hW + b: a score per digit"),
)
FIRST_INPUT = (3, 1, 4, 1, 5)


def weight_file(folder: str | Path, steps: int | None = None) -> Path:
    """Where the trained weights live; the name changes with anything that changes them."""
    recipe = repr((STEPS if steps is None else steps, SEED, LENGTH, DIGITS)).encode()
    return Path(folder) / "models" / f"reverser-{hashlib.sha1(recipe).hexdigest()[:10]}.npz"


def load_or_train(folder: str | Path, steps: int | None = None) -> tuple[Reverser, bool]:
    """The trained reverser and whether it came from the weight file (else it trained now
    and was saved there)."""
    steps = STEPS if steps is None else steps
    path = weight_file(folder, steps)
    model = Reverser(seed=SEED)
    extra = weights.load(path, model.params)
    if extra is not None and "train_set" in extra:
        model.losses = [float(v) for v in extra.get("losses", ())]
        model.train_set = extra["train_set"].astype(np.int64)
        return model, True
    model = transformer.train_reverser(seed=SEED, steps=steps)
    weights.save(path, model.params, losses=model.losses, train_set=model.train_set)
    return model, False


class Inspector:
    """The input digits (with a cursor to edit them) and the lit stage of the forward pass."""

    def __init__(self, model: Reverser, digits=FIRST_INPUT) -> None:
        self.model = model
        self.digits = list(digits)
        self.cursor = 0
        self.lit = -1  # index into STAGES; −1: nothing lit yet
        self._compute()

    def _compute(self) -> None:
        self.stages: dict[str, Stage] = {s.name: s for s in self.model.stages(self.digits)}

    # --- the input -----------------------------------------------------------------------

    def move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % LENGTH

    def change(self, step: int) -> None:
        """Turn the digit under the cursor up or down (9 wraps to 0)."""
        self.set_digit((self.digits[self.cursor] + step) % DIGITS)

    def set_digit(self, digit: int) -> None:
        self.digits[self.cursor] = int(digit) % DIGITS
        self._compute()

    # --- stepping through the stages ------------------------------------------------------

    @property
    def done(self) -> bool:
        return self.lit == len(STAGES) - 1

    def advance(self) -> bool:
        if not self.done:
            self.lit += 1
        return not self.done

    def restart(self) -> None:
        self.lit = -1

    @property
    def stage(self) -> Stage | None:
        return self.stages[STAGES[self.lit][0]] if self.lit >= 0 else None

    # --- what the learner reads --------------------------------------------------------------

    @property
    def attention(self) -> np.ndarray:
        """(L, L): row i is how much position i takes from each position; rows sum to 1."""
        return self.stages["attention"].value

    @property
    def probabilities(self) -> np.ndarray:
        """softmax of the head's logits, (L, DIGITS)."""
        return softmax(self.stages["logits"].value, axis=-1)

    @property
    def prediction(self) -> list[int]:
        return [int(d) for d in np.argmax(self.stages["logits"].value, axis=-1)]

    @property
    def correct(self) -> bool:
        return self.prediction == self.digits[::-1]
