"""nntui's maths: pure NumPy, float64, no UI imports.

Submodules: activations, losses, init, mlp, optim, schedules, data, surfaces,
perceptron, neuron, params. The most used names are re-exported here.
"""

from . import (activations, data, init, losses, mlp, neuron, optim, params, perceptron,
               schedules, surfaces)
from .activations import ACTIVATIONS, max_slope, softmax
from .data import FEATURES, features, make, split
from .init import INITS
from .losses import LOSSES
from .mlp import MLP, accuracy, grid_predict, train_epoch, train_step
from .neuron import neuron as neuron_output
from .optim import OPTIMIZERS, SGD, Adam, AdamW, Lion, Momentum, RMSprop
from .perceptron import GATES, Perceptron
from .schedules import SCHEDULES
from .surfaces import SURFACES, path

__all__ = [
    "activations", "data", "init", "losses", "mlp", "neuron", "optim", "params", "perceptron",
    "schedules", "surfaces",
    "ACTIVATIONS", "max_slope", "softmax", "FEATURES", "features", "make", "split", "INITS",
    "LOSSES", "MLP", "accuracy", "grid_predict", "train_epoch", "train_step", "neuron_output",
    "OPTIMIZERS", "SGD", "Momentum", "RMSprop", "Adam", "AdamW", "Lion", "GATES", "Perceptron",
    "SCHEDULES", "SURFACES", "path",
]
