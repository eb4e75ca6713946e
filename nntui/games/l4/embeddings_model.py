"""Embeddings: the section's model (no UI). A 2-D skip-gram embedding trains; one word is
chosen and its nearest neighbours by cosine similarity are listed."""

from __future__ import annotations

import numpy as np

from nntui.engine.embed import GROUP_OF, GROUPS, Embedding, cosine_matrix, nearest

MAX_STEPS = 300
GROUP_NAMES = tuple(GROUPS)


class Embeddings:
    """A training run of ``max_steps`` full-batch steps, and the chosen word."""

    def __init__(self, max_steps: int = MAX_STEPS, seed: int = 0):
        self.max_steps = max_steps
        self.embedding = Embedding(seed=seed)
        self.chosen = 0

    @property
    def words(self) -> tuple[str, ...]:
        return self.embedding.words

    @property
    def steps(self) -> int:
        return self.embedding.steps

    @property
    def done(self) -> bool:
        return self.steps >= self.max_steps

    def train(self, steps: int) -> float | None:
        for _ in range(min(steps, self.max_steps - self.steps)):
            self.embedding.step()
        return self.embedding.losses[-1] if self.steps else None

    def choose(self, step: int) -> None:
        self.chosen = (self.chosen + step) % len(self.words)

    @property
    def word(self) -> str:
        return self.words[self.chosen]

    @property
    def group(self) -> str:
        return GROUP_OF[self.word]

    def positions(self) -> np.ndarray:
        """The words' 2-D vectors, one row per word: what is drawn."""
        return self.embedding.U

    def neighbours(self, k: int = 4) -> list[tuple[str, float]]:
        return [(self.words[j], cos) for j, cos in nearest(self.positions(), self.chosen, k)]

    def mean_cosine(self) -> tuple[float, float]:
        """Mean cosine similarity within groups and across groups."""
        cos = cosine_matrix(self.positions())
        groups = self.embedding.groups
        same = (groups[:, None] == groups[None, :]) & ~np.eye(len(groups), dtype=bool)
        return float(cos[same].mean()), float(cos[groups[:, None] != groups[None, :]].mean())

    @property
    def clustered(self) -> bool:
        same, cross = self.embedding.group_distances()
        return same < 0.25 * cross
