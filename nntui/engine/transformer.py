"""A one-block transformer trained with autograd to reverse a short digit sequence.

Embed → add positional encoding → self-attention, residual, layer norm → feed-
forward (ReLU), residual, layer norm → head (logits over the digits), at every
position. To put out the sequence reversed, position i has to fetch the digit at
position L − 1 − i, and nothing else in the block can move information between
positions, so the trained attention weights form an anti-diagonal.

``train_reverser(seed)`` returns a trained :class:`Reverser`; ``model.stages(tokens)``
gives the real intermediate arrays for one sequence, in order, for a lesson to
step through.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import autograd as ag
from .attention import multi_head
from .autograd import Tensor
from .init import INITS
from .optim import Adam

__all__ = [
    "DIGITS", "LENGTH", "positional_encoding", "Stage", "Reverser", "train_reverser",
    "unseen_sequences",
]

DIGITS = 10  # tokens are the digits 0–9
LENGTH = 5  # sequence length


def positional_encoding(length: int, d: int) -> np.ndarray:
    """Sinusoidal encoding (length, d): PE[p, 2i] = sin(p/10000^(2i/d)), PE[p, 2i+1] = cos(…)."""
    pos = np.arange(length)[:, None]
    rates = 1.0 / 10000.0 ** (np.arange(0, d, 2) / d)
    pe = np.zeros((length, d))
    pe[:, 0::2] = np.sin(pos * rates)
    pe[:, 1::2] = np.cos(pos * rates[: d // 2])
    return pe


@dataclass(frozen=True)
class Stage:
    """One step of the forward pass for a lesson: a key, a label, and the real array."""

    name: str
    label: str
    value: np.ndarray


_STAGE_LABELS = (
    ("embed", "Embedding + position"),
    ("attention", "Attention weights"),
    ("attend", "Attention + residual, norm"),
    ("ffn", "Feed-forward + residual, norm"),
    ("logits", "Head: logits"),
)


class Reverser:
    """The one-block transformer; ``step(batch)`` trains it on (n, L) digit rows."""

    def __init__(self, d_model: int = 32, d_ff: int = 64, n_heads: int = 1,
                 length: int = LENGTH, seed: int = 0, lr: float = 0.01):
        self.length, self.n_heads = length, n_heads
        rng = np.random.default_rng(seed)

        def dense(n_in, n_out):
            return Tensor(INITS["xavier_uniform"](n_in, n_out, rng))

        self.embed = Tensor(rng.normal(0.0, 1.0, (DIGITS, d_model)))
        self.pe = positional_encoding(length, d_model)
        self.Wq, self.Wk, self.Wv, self.Wo = (dense(d_model, d_model) for _ in range(4))
        self.norm1 = (Tensor(np.ones(d_model)), Tensor(np.zeros(d_model)))
        self.W1, self.b1 = dense(d_model, d_ff), Tensor(np.zeros(d_ff))
        self.W2, self.b2 = dense(d_ff, d_model), Tensor(np.zeros(d_model))
        self.norm2 = (Tensor(np.ones(d_model)), Tensor(np.zeros(d_model)))
        self.W_head, self.b_head = dense(d_model, DIGITS), Tensor(np.zeros(DIGITS))
        self.optimizer = Adam(lr=lr)
        self.losses: list[float] = []
        self.train_set = np.empty((0, length), dtype=np.int64)  # filled by train_reverser

    @property
    def params(self) -> list[Tensor]:
        return [self.embed, self.Wq, self.Wk, self.Wv, self.Wo, *self.norm1,
                self.W1, self.b1, self.W2, self.b2, *self.norm2, self.W_head, self.b_head]

    def _forward(self, tokens: np.ndarray) -> dict[str, Tensor]:
        """Every stage for a batch of rows (n, L) of digits."""
        x = self.embed[tokens] + self.pe
        mixed, weights = multi_head(x, self.Wq, self.Wk, self.Wv, self.Wo, self.n_heads)
        attend = ag.layer_norm(x + mixed, *self.norm1)
        hidden = (attend @ self.W1 + self.b1).relu()
        ffn = ag.layer_norm(attend + hidden @ self.W2 + self.b2, *self.norm2)
        logits = ffn @ self.W_head + self.b_head
        return {"embed": x, "attention": weights, "attend": attend, "ffn": ffn, "logits": logits}

    def step(self, batch) -> float:
        """One Adam step on rows of digits, each to be reversed; returns the loss before it."""
        batch = np.asarray(batch, dtype=np.int64)
        loss = ag.cross_entropy(self._forward(batch)["logits"], batch[:, ::-1])
        loss.backward()
        ag.step(self.optimizer, self.params)
        self.losses.append(loss.item())
        return self.losses[-1]

    def predict(self, tokens) -> np.ndarray:
        """The most likely digit at each position, for one row (L,) or rows (n, L)."""
        return np.argmax(self._forward(np.asarray(tokens))["logits"].data, axis=-1)

    def attention(self, tokens) -> np.ndarray:
        """Attention weights for one row: (L, L) with one head, (heads, L, L) with more."""
        return self._single(self._forward(np.asarray(tokens)[None, :])["attention"].data)

    def _single(self, weights: np.ndarray) -> np.ndarray:
        # (1, heads, L, L) → (L, L) for one head, (heads, L, L) for more
        return weights[0, 0] if self.n_heads == 1 else weights[0]

    def stages(self, tokens) -> list[Stage]:
        """The forward pass of one sequence, stage by stage, with the real arrays."""
        tokens = np.asarray(tokens, dtype=np.int64)
        if tokens.shape != (self.length,):
            raise ValueError(f"expected {self.length} digits, got shape {tokens.shape}")
        out = self._forward(tokens[None, :])
        values = {name: t.data[0] for name, t in out.items()}
        values["attention"] = self._single(out["attention"].data)
        return [Stage(name, label, values[name]) for name, label in _STAGE_LABELS]


def unseen_sequences(model: Reverser, n: int, seed: int = 1) -> np.ndarray:
    """``n`` random digit rows that were not in ``model``'s training set."""
    seen = {tuple(row) for row in model.train_set}
    rng = np.random.default_rng(seed)
    rows: list[np.ndarray] = []
    while len(rows) < n:
        row = rng.integers(0, DIGITS, model.length)
        if tuple(row) not in seen:
            rows.append(row)
    return np.array(rows)


def train_reverser(seed: int = 0, steps: int = 300, batch: int = 64, n_train: int = 2000,
                   **kwargs) -> Reverser:
    """Train on ``n_train`` random sequences (minibatches of ``batch``) for ``steps`` steps."""
    rng = np.random.default_rng(seed)
    model = Reverser(seed=seed, **kwargs)
    model.train_set = rng.integers(0, DIGITS, (n_train, model.length))
    for _ in range(steps):
        model.step(model.train_set[rng.integers(0, n_train, batch)])
    return model
