"""Word embeddings from co-occurrence: skip-gram with negative sampling, trained full batch.

A small corpus is written from word groups (fruit, animals, royalty): each sentence talks about
one group, with now and then a word from another group mixed in. Counting which words appear
within ``window`` places of each other gives the co-occurrence counts N (words × words).

Skip-gram with negative sampling gives every word two vectors, u_w (as a centre word) and vᵥ
(as a context word), and asks σ(u_w·v_c) to be high for pairs seen together and low for k
"negative" contexts drawn from the noise distribution P(c) ∝ count(c)^¾. Averaged over the
corpus (Levy & Goldberg's form of the objective) the loss is

    L = −Σ_{w,c} A_wc log σ(u_w·v_c) − Σ_{w,c} B_wc log σ(−u_w·v_c),
    A = N / ΣN,   B_wc = k · (N_w / ΣN) · P(c),

so every step sees the whole corpus and the words glide smoothly. With S = U Vᵀ:
∂L/∂S = −A ⊙ (1 − σ(S)) + B ⊙ σ(S), ∂L/∂U = (∂L/∂S) V, ∂L/∂V = (∂L/∂S)ᵀ U.
With 2-D vectors the positions can be drawn as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .activations import sigmoid
from .optim import Adam

__all__ = ["GROUPS", "WORDS", "corpus", "cooccurrence", "sgns_loss", "cosine_matrix",
           "nearest", "Embedding"]

GROUPS: dict[str, tuple[str, ...]] = {
    "fruit": ("apple", "banana", "cherry", "grape", "mango"),
    "animals": ("cat", "dog", "horse", "tiger", "wolf"),
    "royalty": ("king", "queen", "prince", "princess", "crown"),
}
WORDS: tuple[str, ...] = tuple(w for words in GROUPS.values() for w in words)
GROUP_OF: dict[str, str] = {w: g for g, words in GROUPS.items() for w in words}


def corpus(sentences: int = 400, length: int = 6, stray: float = 0.1,
           seed: int = 0) -> list[list[str]]:
    """Sentences of ``length`` words, each about one group; a word strays to another group
    with probability ``stray`` (so groups are not perfectly separate)."""
    rng = np.random.default_rng(seed)
    names = list(GROUPS)
    text = []
    for _ in range(sentences):
        group = GROUPS[names[rng.integers(len(names))]]
        sentence = [group[rng.integers(len(group))] for _ in range(length)]
        for i in np.flatnonzero(rng.random(length) < stray):
            sentence[i] = WORDS[rng.integers(len(WORDS))]
        text.append(sentence)
    return text


def cooccurrence(sentences: list[list[str]], window: int = 2,
                 words: tuple[str, ...] = WORDS) -> np.ndarray:
    """N[w, c] = how often c appears within ``window`` places of w (symmetric)."""
    index = {w: i for i, w in enumerate(words)}
    counts = np.zeros((len(words), len(words)))
    for sentence in sentences:
        ids = [index[w] for w in sentence]
        for i, w in enumerate(ids):
            for j in range(max(0, i - window), min(len(ids), i + window + 1)):
                if j != i:
                    counts[w, ids[j]] += 1
    return counts


def _targets(counts: np.ndarray, negatives: int) -> tuple[np.ndarray, np.ndarray]:
    """(A, B): the weights of the positive and the negative pairs in the averaged loss."""
    total = counts.sum()
    noise = counts.sum(axis=0) ** 0.75
    noise /= noise.sum()
    return counts / total, negatives * np.outer(counts.sum(axis=1) / total, noise)


def sgns_loss(U: np.ndarray, V: np.ndarray, A: np.ndarray,
              B: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """The averaged SGNS loss and its gradients (L, ∂L/∂U, ∂L/∂V); see the module docstring."""
    S = U @ V.T
    p = sigmoid(S)
    # log σ(s) = −log(1 + e^−s), written with logaddexp so a large |s| cannot overflow
    loss = float(np.sum(A * np.logaddexp(0.0, -S)) + np.sum(B * np.logaddexp(0.0, S)))
    dS = -A * (1.0 - p) + B * p
    return loss, dS @ V, dS.T @ U


def cosine_matrix(vectors: np.ndarray) -> np.ndarray:
    """cos(a, b) = a·b / (‖a‖‖b‖) for every pair of rows."""
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return unit @ unit.T


def nearest(vectors: np.ndarray, i: int, k: int = 4) -> list[tuple[int, float]]:
    """The k rows most similar to row i by cosine, as (row, cosine), best first."""
    sims = cosine_matrix(vectors)[i]
    order = [j for j in np.argsort(-sims, kind="stable") if j != i]
    return [(int(j), float(sims[j])) for j in order[:k]]


@dataclass
class Embedding:
    """2-D skip-gram embeddings of ``WORDS``, trained on the generated corpus by ``step()``."""

    dim: int = 2
    negatives: int = 3
    window: int = 2
    lr: float = 0.02
    seed: int = 0
    losses: list[float] = field(default_factory=list, init=False)

    def __post_init__(self):
        self.words = WORDS
        self.groups = np.array([list(GROUPS).index(GROUP_OF[w]) for w in WORDS])
        self.counts = cooccurrence(corpus(seed=self.seed), self.window)
        self.A, self.B = _targets(self.counts, self.negatives)
        rng = np.random.default_rng(self.seed)
        # Scattered at random, all about the same size, so the start shows no groups.
        self.U = rng.normal(0.0, 1.0, (len(WORDS), self.dim))
        self.V = rng.normal(0.0, 0.1, (len(WORDS), self.dim))
        self.optimizer = Adam(lr=self.lr)

    @property
    def steps(self) -> int:
        return len(self.losses)

    def loss(self) -> float:
        return sgns_loss(self.U, self.V, self.A, self.B)[0]

    def step(self) -> float:
        loss, dU, dV = sgns_loss(self.U, self.V, self.A, self.B)
        self.optimizer.step([self.U, self.V], [dU, dV])
        self.losses.append(loss)
        return loss

    def group_distances(self) -> tuple[float, float]:
        """Mean Euclidean distance between words of the same group and of different groups."""
        gaps = np.linalg.norm(self.U[:, None, :] - self.U[None, :, :], axis=-1)
        same = self.groups[:, None] == self.groups[None, :]
        off_diagonal = ~np.eye(len(self.words), dtype=bool)
        return float(gaps[same & off_diagonal].mean()), float(gaps[~same].mean())
