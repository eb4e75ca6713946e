"""A multilayer perceptron with hand-written backprop, plus training helpers.

Conventions (see DESIGN.md, "The engine contract"): rows are samples, a layer is
``a ↦ f(a @ W + b)`` with W of shape (n_in, n_out) and b of shape (n_out,).
``params`` is the flat list [W1, b1, W2, b2, …]; gradients come back in the same order.

Which quantity each loss sees in ``backward``:

* ``output="sigmoid"``, ``loss="bce"``: the loss is computed from the logits z
  (log(1 + eᶻ) − y·z, equal to BCE of σ(z) but never clipped) and the gradient
  into z is the fused (σ(z) − y)/N.
* ``loss="ce"``: always applied to the output layer's pre-activation z (the
  logits), as ``losses.ce`` expects; the gradient into z is (softmax(z) − y)/n.
  Use it with ``output="softmax"`` (forward then returns softmax(z)) or
  ``output="linear"``; with any other output it raises ValueError.
* anything else: the loss is applied to the network's output ``forward(X)``
  and the gradient is chained through the output activation (for softmax, its
  Jacobian).

Targets ``y`` may be (n,) or (n, k); for k > 1 outputs a 1-D ``y`` holds class indices.
"""

from __future__ import annotations

import numpy as np

from .activations import ACTIVATIONS, sigmoid, softmax
from .init import INITS
from .losses import LOSSES, ce, one_hot
from .params import mlp_param_count

__all__ = ["MLP", "grid_predict", "train_step", "train_epoch", "accuracy", "mlp_param_count"]

Array = np.ndarray
OUTPUTS = ("sigmoid", "linear", "softmax")


class MLP:
    """Fully connected network ``sizes[0] → sizes[1] → … → sizes[-1]``."""

    def __init__(self, sizes, hidden: str = "tanh", output: str = "sigmoid",
                 init: str = "xavier_uniform", seed: int = 0):
        self.sizes = [int(s) for s in sizes]
        if len(self.sizes) < 2 or min(self.sizes) < 1:
            raise ValueError("sizes needs at least an input and an output size, all ≥ 1")
        if output != "softmax" and output not in ACTIVATIONS:
            raise KeyError(f"unknown output activation {output!r}")
        self.hidden_name, self.output_name, self.init_name, self.seed = hidden, output, init, seed
        self.hidden = ACTIVATIONS[hidden]
        self.output = None if output == "softmax" else ACTIVATIONS[output]
        # One generator for the weights and, unless another is passed, for dropout masks.
        self.rng = np.random.default_rng(seed)
        self.params: list[Array] = []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            self.params.append(np.asarray(INITS[init](n_in, n_out, self.rng), dtype=np.float64))
            self.params.append(np.zeros(n_out))

    # --- shape and bookkeeping --------------------------------------------

    @property
    def n_layers(self) -> int:
        """Number of weight layers (hidden layers + 1)."""
        return len(self.params) // 2

    @property
    def weights(self) -> list[Array]:
        return self.params[0::2]

    @property
    def biases(self) -> list[Array]:
        return self.params[1::2]

    @property
    def n_params(self) -> int:
        return int(sum(p.size for p in self.params))

    def copy(self) -> "MLP":
        """An independent copy: same weights, same generator state."""
        new = MLP.__new__(MLP)
        new.__dict__.update(self.__dict__)
        new.sizes = list(self.sizes)
        new.params = [p.copy() for p in self.params]
        new.rng = np.random.default_rng()
        new.rng.bit_generator.state = self.rng.bit_generator.state
        return new

    def set_params(self, params) -> None:
        """Copy values into the existing arrays (so optimizer state stays attached)."""
        if len(params) != len(self.params):
            raise ValueError(f"expected {len(self.params)} arrays, got {len(params)}")
        for mine, new in zip(self.params, params):
            new = np.asarray(new, dtype=np.float64)
            if new.shape != mine.shape:
                raise ValueError(f"shape {new.shape} does not match {mine.shape}")
            mine[...] = new

    # --- forward -------------------------------------------------------------

    def _out(self, z: Array) -> Array:
        return softmax(z, axis=-1) if self.output is None else self.output.f(z)

    def forward(self, X) -> Array:
        """Network output for the rows of X, shape (n, sizes[-1])."""
        a = np.asarray(X, dtype=np.float64)
        P = self.params
        f = self.hidden.f
        last = len(P) - 2
        for i in range(0, last, 2):
            a = f(a @ P[i] + P[i + 1])
        return self._out(a @ P[last] + P[last + 1])

    __call__ = forward

    def forward_trace(self, X) -> tuple[list[Array], list[Array]]:
        """(zs, activations): zs[l] = pre-activation of layer l+1; activations[0] = X,
        activations[l+1] = f(zs[l]); the last activation is the output."""
        a = np.asarray(X, dtype=np.float64)
        zs, acts = [], [a]
        P = self.params
        for i in range(0, len(P), 2):
            z = a @ P[i] + P[i + 1]
            a = self._out(z) if i == len(P) - 2 else self.hidden.f(z)
            zs.append(z)
            acts.append(a)
        return zs, acts

    # --- backward ------------------------------------------------------------

    def _target(self, y, z: Array, loss: str) -> Array:
        y = np.asarray(y, dtype=np.float64)
        if loss == "ce" or y.shape == z.shape:
            return y
        if y.ndim == 1 and z.shape[1] == 1:
            return y.reshape(-1, 1)
        if y.size == z.shape[0] and z.shape[1] > 1:
            return one_hot(y, z.shape[1])
        return y.reshape(z.shape)

    def _output_delta(self, z: Array, T: Array, loss: str) -> tuple[float, Array]:
        """Loss value and its gradient with respect to the output logits z."""
        if loss == "ce":
            if self.output_name not in ("softmax", "linear"):
                raise ValueError('loss "ce" takes logits: use output="softmax" or "linear"')
            return ce(z, T)
        if loss == "bce" and self.output_name == "sigmoid":
            # Fused and stable: the loss from logits, the gradient (σ(z) − y)/N.
            value = np.mean(np.logaddexp(0.0, z) - T * z)
            return float(value), (sigmoid(z) - T) * (1.0 / z.size)
        a = self._out(z)
        value, g = LOSSES[loss](a, T)
        if self.output is None:
            # Softmax Jacobian-vector product: ∂L/∂zᵢ = aᵢ(gᵢ − Σⱼ gⱼaⱼ).
            return value, a * (g - np.sum(g * a, axis=-1, keepdims=True))
        return value, g * self.output.grad(z, a)

    def backward(self, X, y, loss: str = "bce", l1: float = 0.0, l2: float = 0.0,
                 dropout: float = 0.0, rng: np.random.Generator | None = None):
        """One forward + backward pass -> (loss, grads), grads parallel to ``params``.

        ``dropout`` is the drop probability for hidden units (inverted dropout:
        kept units are scaled by 1/(1 − p), so ``forward`` needs no change).
        L1 adds l1·Σ|W| and L2 adds l2·ΣW² over weights (not biases); the
        returned loss includes them. Masks come from ``rng`` or the model's own.
        """
        if loss not in LOSSES:
            raise KeyError(f"unknown loss {loss!r}")
        if not 0.0 <= dropout < 1.0:
            raise ValueError("dropout must be in [0, 1)")
        P = self.params
        n_hidden = len(P) // 2 - 1
        f = self.hidden.f
        a = np.asarray(X, dtype=np.float64)
        acts = [a]  # inputs to each layer (after dropout)
        zs, hs, masks = [], [], []
        if dropout > 0.0:
            rng = self.rng if rng is None else rng
            keep = 1.0 - dropout
        for l in range(n_hidden):
            z = a @ P[2 * l] + P[2 * l + 1]
            h = f(z)
            zs.append(z)
            hs.append(h)
            if dropout > 0.0:
                m = (rng.random(h.shape) < keep) * (1.0 / keep)
                masks.append(m)
                a = h * m
            else:
                a = h
            acts.append(a)
        z = a @ P[-2] + P[-1]
        value, delta = self._output_delta(z, self._target(y, z, loss), loss)

        grads: list[Array] = [None] * len(P)  # type: ignore[list-item]
        grad_h = self.hidden.grad
        for l in range(n_hidden, -1, -1):
            grads[2 * l] = acts[l].T @ delta
            grads[2 * l + 1] = delta.sum(axis=0)
            if l > 0:
                # δ⁽ˡ⁾ = (δ⁽ˡ⁺¹⁾ W⁽ˡ⁺¹⁾ᵀ) ⊙ f′(z⁽ˡ⁾), through the dropout mask if any.
                back = delta @ P[2 * l].T
                if masks:
                    back *= masks[l - 1]
                delta = back * grad_h(zs[l - 1], hs[l - 1])

        if l1 or l2:
            for i in range(0, len(P), 2):
                W = P[i]
                if l2:
                    value += l2 * float(np.sum(W * W))
                    grads[i] = grads[i] + (2.0 * l2) * W
                if l1:
                    value += l1 * float(np.sum(np.abs(W)))
                    grads[i] = grads[i] + l1 * np.sign(W)
        return value, grads

    def loss(self, X, y, loss: str = "bce", l1: float = 0.0, l2: float = 0.0) -> float:
        """Loss (with penalty) without gradients, no dropout; matches ``backward``'s value."""
        zs, _ = self.forward_trace(X)
        z = zs[-1]
        value, _ = self._output_delta(z, self._target(y, z, loss), loss)
        for W in self.weights:
            if l2:
                value += l2 * float(np.sum(W * W))
            if l1:
                value += l1 * float(np.sum(np.abs(W)))
        return value

    def __repr__(self) -> str:
        return (f"MLP({self.sizes}, hidden={self.hidden_name!r}, output={self.output_name!r}, "
                f"init={self.init_name!r}, seed={self.seed})")


# --- helpers ----------------------------------------------------------------

def grid_predict(model: MLP, xlim, ylim, nx: int, ny: int, features=None) -> Array:
    """Evaluate ``model`` on an ny × nx grid of 2-D points -> array (ny, nx).

    Row i has y = linspace(*ylim, ny)[i] (row 0 is the *bottom*, ylim[0]; flip for a
    top-down display); column j has x = linspace(*xlim, nx)[j]. ``features`` (names for
    ``data.features``) maps the raw points to the model's inputs. A single-output model
    gives its output; a multi-output model gives the winning class index.
    """
    from .data import features as make_features  # local: keeps mlp importable alone

    xs = np.linspace(xlim[0], xlim[1], nx)
    ys = np.linspace(ylim[0], ylim[1], ny)
    gx, gy = np.meshgrid(xs, ys)
    pts = np.column_stack([gx.ravel(), gy.ravel()])
    if features is not None:
        pts = make_features(pts, features)
    out = model.forward(pts)
    vals = out[:, 0] if out.shape[1] == 1 else np.argmax(out, axis=1).astype(np.float64)
    return vals.reshape(ny, nx)


def train_step(model: MLP, optimizer, X, y, loss: str = "bce", l1: float = 0.0,
               l2: float = 0.0, dropout: float = 0.0, rng=None) -> float:
    """One gradient step on the batch (X, y); returns the loss before the step.

    A diverging run shows up as a non-finite loss (check ``math.isfinite``); the
    overflow warnings NumPy would print along the way are silenced here.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        return _step(model, optimizer, X, y, loss, l1, l2, dropout, rng)


def _step(model: MLP, optimizer, X, y, loss, l1, l2, dropout, rng) -> float:
    value, grads = model.backward(X, y, loss=loss, l1=l1, l2=l2, dropout=dropout, rng=rng)
    optimizer.step(model.params, grads)
    return value


def train_epoch(model: MLP, optimizer, X, y, batch_size: int | None = None, loss: str = "bce",
                l1: float = 0.0, l2: float = 0.0, dropout: float = 0.0, rng=None) -> float:
    """One pass over (X, y) in shuffled mini-batches (full batch if batch_size is None);
    returns the mean of the batch losses. Shuffling uses ``rng`` or the model's generator."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(X)
    if batch_size is None or batch_size >= n:
        return train_step(model, optimizer, X, y, loss, l1, l2, dropout, rng)
    rng = model.rng if rng is None else rng
    order = rng.permutation(n)
    total, count = 0.0, 0
    # One errstate for the whole pass: entering it per mini-batch was ~6 % of a small step.
    with np.errstate(over="ignore", invalid="ignore"):
        for start in range(0, n, batch_size):
            idx = order[start:start + batch_size]
            total += _step(model, optimizer, X[idx], y[idx], loss, l1, l2, dropout, rng)
            count += 1
    return total / count


def accuracy(model: MLP, X, y, threshold: float = 0.5) -> float:
    """Fraction classified correctly: output ≥ threshold for one output, argmax otherwise.
    ``y`` is 0/1 labels, class indices, or one-hot rows."""
    out = model.forward(X)
    y = np.asarray(y)
    if out.shape[1] == 1:
        pred = (out[:, 0] >= threshold).astype(np.float64)
        return float(np.mean(pred == y.reshape(-1).astype(np.float64)))
    labels = np.argmax(y, axis=1) if y.ndim == 2 and y.shape[1] > 1 else y.reshape(-1)
    return float(np.mean(np.argmax(out, axis=1) == labels.astype(np.int64)))
