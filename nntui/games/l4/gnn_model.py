"""Graph networks: the pure model (no Textual).

Ten nodes A…J on a fixed graph. Every node holds a vector h = (signal, degree): the signal is 1
at the lit node and 0 elsewhere; the degree channel is the node's own number of neighbours
divided by the largest degree, a feature every node has from the start. Each round is one
engine ``message_round`` (mean or sum over the node and its neighbours), so round by round the
signal spreads one hop further and the degree channel is smoothed over the neighbourhood.
"""

from __future__ import annotations

import numpy as np

from nntui.engine.gnn import AGGREGATES, adjacency, rounds

NODES = tuple("ABCDEFGHIJ")
#: Where each node is drawn, in a 10 × 6 world.
POSITIONS = ((1.0, 5.0), (3.5, 5.3), (6.5, 5.0), (9.0, 4.8), (0.7, 2.6), (3.0, 2.8),
             (5.2, 3.2), (8.0, 2.6), (2.0, 0.5), (6.5, 0.6))
EDGES = ((0, 1), (1, 2), (2, 3), (0, 4), (1, 5), (4, 5), (5, 6), (2, 6), (6, 7), (3, 7),
         (4, 8), (5, 8), (6, 9), (7, 9))
MAX_ROUNDS = 6
FEATURES = ("signal", "degree")


class GraphSignal:
    """The graph, the lit node, the aggregate and the rounds computed so far."""

    def __init__(self, lit: int = 0, aggregate: str = "mean") -> None:
        self.A = adjacency(len(NODES), EDGES)
        self.degree = self.A.sum(axis=1)
        self.lit = lit
        self.aggregate = aggregate
        self.round = 0
        self._compute()

    def _compute(self) -> None:
        H = np.zeros((len(NODES), len(FEATURES)))
        H[self.lit, 0] = 1.0
        H[:, 1] = self.degree / self.degree.max()
        self.history = rounds(H, EDGES, MAX_ROUNDS, self.aggregate)

    @property
    def H(self) -> np.ndarray:
        """The node vectors after the current round, (nodes, features)."""
        return self.history[self.round]

    @property
    def done(self) -> bool:
        return self.round >= MAX_ROUNDS

    def advance(self) -> bool:
        if self.done:
            return False
        self.round += 1
        return True

    def restart(self) -> None:
        self.round = 0

    def pick(self, delta: int) -> None:
        """Light another node; the rounds start again."""
        self.lit = (self.lit + delta) % len(NODES)
        self.round = 0
        self._compute()

    def switch_aggregate(self) -> None:
        self.aggregate = AGGREGATES[(AGGREGATES.index(self.aggregate) + 1) % len(AGGREGATES)]
        self.round = 0
        self._compute()

    def neighbours(self, node: int) -> list[int]:
        return [int(j) for j in np.flatnonzero(self.A[node])]

    def reached(self) -> np.ndarray:
        """Which nodes the signal has reached (a non-zero signal)."""
        return self.H[:, 0] > 0

    def hops(self) -> np.ndarray:
        """Rounds the signal needs to reach each node (its distance from the lit node)."""
        return np.array([next(k for k, H in enumerate(self.history) if H[i, 0] > 0)
                         if self.history[-1][i, 0] > 0 else -1 for i in range(len(NODES))])

    def worked(self, node: int) -> tuple[list[int], np.ndarray]:
        """The nodes whose vectors ``node`` gathered in the last round, and the result."""
        return [node, *self.neighbours(node)], self.H[node]
