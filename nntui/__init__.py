"""nntui: a terminal tutor for neural networks."""

__version__ = "0.1.0"
