"""A small reverse-mode autodiff over NumPy arrays: micrograd's idea, vectorised.

A :class:`Tensor` wraps a float64 array ``data``. Every operation on tensors
returns a new tensor that remembers its inputs and how to send a gradient back
to them; ``loss.backward()`` visits the graph in reverse topological order and
leaves ∂loss/∂t in ``t.grad`` for every tensor ``t`` that needs one.

* A Tensor made by hand gets a gradient unless ``requires_grad=False`` (like
  micrograd's ``Value``); plain numbers and arrays mixed into an operation are
  constants. An operation whose inputs are all constants records no graph, so
  running a model on ``requires_grad=False`` tensors is plain NumPy.
* Gradients accumulate (``+=``) across ``backward`` calls, so a tensor used
  twice gets both contributions; :func:`zero_grad` clears them between steps.
* Broadcasting is undone in backward: a gradient is summed over the axes its
  tensor was stretched along, so it always has the tensor's own shape.
* Training reuses :mod:`nntui.engine.optim`: :func:`step` hands the ``data``
  arrays and their ``grad`` arrays to any of its optimizers, which update the
  arrays in place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np

from .activations import sigmoid as _sigmoid
from .activations import softmax as _softmax

__all__ = [
    "Tensor", "tensor", "concat", "stack", "cross_entropy", "layer_norm",
    "zero_grad", "step",
]

Array = np.ndarray


def _unbroadcast(g: Array, shape: tuple[int, ...]) -> Array:
    """Sum ``g`` over the axes broadcasting added or stretched, so it has ``shape``."""
    if g.shape == shape:
        return g
    extra = g.ndim - len(shape)
    if extra > 0:
        g = g.sum(axis=tuple(range(extra)))
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and g.shape[i] != 1)
    if stretched:
        g = g.sum(axis=stretched, keepdims=True)
    return g.reshape(shape)


class Tensor:
    """An array in a computation graph; see the module docstring."""

    __slots__ = ("data", "grad", "requires_grad", "_parents", "_backward")
    # NumPy hands ``array ⊕ tensor`` to the tensor's reflected method.
    __array_ufunc__ = None

    def __init__(self, data, requires_grad: bool = True):
        self.data = np.array(data, dtype=np.float64)
        self.grad: Array | None = None
        self.requires_grad = bool(requires_grad)
        self._parents: tuple[Tensor, ...] = ()
        self._backward: Callable[[Array], None] | None = None

    # --- bookkeeping -----------------------------------------------------------

    @property
    def shape(self) -> tuple[int, ...]:
        return self.data.shape

    @property
    def ndim(self) -> int:
        return self.data.ndim

    def __len__(self) -> int:
        return len(self.data)

    def __repr__(self) -> str:
        return f"Tensor({self.data!r}, requires_grad={self.requires_grad})"

    def item(self) -> float:
        return float(self.data)

    def numpy(self) -> Array:
        return self.data

    def detach(self) -> Tensor:
        """The same values as a constant (no gradient flows back through it)."""
        return Tensor(self.data, requires_grad=False)

    def _accumulate(self, g: Array) -> None:
        # Never in place: the array g may be shared with another node.
        self.grad = g if self.grad is None else self.grad + g

    def backward(self, grad=None) -> None:
        """Fill ``.grad`` of every tensor this one depends on with ∂self/∂tensor.

        ``grad`` is the upstream gradient (default: ones, so a scalar loss gets 1).
        """
        order: list[Tensor] = []
        seen: set[int] = set()
        todo: list[tuple[Tensor, bool]] = [(self, False)]
        while todo:  # iterative depth-first search: long sequences would overflow recursion
            node, expanded = todo.pop()
            if expanded:
                order.append(node)
                continue
            if id(node) in seen:
                continue
            seen.add(id(node))
            todo.append((node, True))
            todo.extend((p, False) for p in node._parents if p.requires_grad and id(p) not in seen)
        g = np.ones_like(self.data) if grad is None else np.asarray(grad, dtype=np.float64)
        self._accumulate(np.broadcast_to(g, self.shape).copy())
        for node in reversed(order):
            if node._backward is not None and node.grad is not None:
                node._backward(node.grad)

    # --- building blocks for operations ----------------------------------------

    @staticmethod
    def _result(data: Array, parents: tuple[Tensor, ...],
                backward: Callable[[Array], None]) -> Tensor:
        out = Tensor.__new__(Tensor)
        out.data = data
        out.grad = None
        out.requires_grad = any(p.requires_grad for p in parents)
        # Constants only: keep no graph, so inference costs plain NumPy.
        out._parents = parents if out.requires_grad else ()
        out._backward = backward if out.requires_grad else None
        return out

    def _send(self, g: Array) -> None:
        """Add gradient ``g`` (possibly broadcast) to this tensor, if it needs one."""
        if self.requires_grad:
            self._accumulate(_unbroadcast(g, self.data.shape))

    # --- arithmetic --------------------------------------------------------------

    def __add__(self, other) -> Tensor:
        other = tensor(other)

        def backward(g):
            self._send(g)
            other._send(g)
        return Tensor._result(self.data + other.data, (self, other), backward)

    __radd__ = __add__

    def __neg__(self) -> Tensor:
        def backward(g):
            self._send(-g)
        return Tensor._result(-self.data, (self,), backward)

    def __sub__(self, other) -> Tensor:
        other = tensor(other)

        def backward(g):
            self._send(g)
            other._send(-g)
        return Tensor._result(self.data - other.data, (self, other), backward)

    def __rsub__(self, other) -> Tensor:
        return tensor(other) - self

    def __mul__(self, other) -> Tensor:
        other = tensor(other)

        def backward(g):
            self._send(g * other.data)
            other._send(g * self.data)
        return Tensor._result(self.data * other.data, (self, other), backward)

    __rmul__ = __mul__

    def __truediv__(self, other) -> Tensor:
        other = tensor(other)

        def backward(g):
            self._send(g / other.data)
            other._send(-g * self.data / (other.data * other.data))
        return Tensor._result(self.data / other.data, (self, other), backward)

    def __rtruediv__(self, other) -> Tensor:
        return tensor(other) / self

    def __pow__(self, exponent: float) -> Tensor:
        if isinstance(exponent, Tensor):
            raise TypeError("only a plain number may be an exponent")
        p = float(exponent)

        def backward(g):
            self._send(g * p * self.data ** (p - 1.0))
        return Tensor._result(self.data ** p, (self,), backward)

    def __matmul__(self, other) -> Tensor:
        other = tensor(other)
        a, b = self.data, other.data

        def backward(g):
            # Work with at least 2-D operands (a vector a is a row, a vector b a
            # column), as np.matmul does, then drop the added axes again.
            a2 = a if a.ndim > 1 else a[None, :]
            b2 = b if b.ndim > 1 else b[:, None]
            if b.ndim == 1:
                g = g[..., None]
            if a.ndim == 1:
                g = np.expand_dims(g, -2)
            if self.requires_grad:
                ga = g @ np.swapaxes(b2, -1, -2)
                self._accumulate(_unbroadcast(ga, a2.shape).reshape(a.shape))
            if other.requires_grad:
                gb = np.swapaxes(a2, -1, -2) @ g
                other._accumulate(_unbroadcast(gb, b2.shape).reshape(b.shape))
        return Tensor._result(a @ b, (self, other), backward)

    def __rmatmul__(self, other) -> Tensor:
        return tensor(other) @ self

    # --- reductions ----------------------------------------------------------------

    def sum(self, axis=None, keepdims: bool = False) -> Tensor:
        shape = self.data.shape

        def backward(g):
            if axis is not None and not keepdims:
                g = np.expand_dims(g, axis)
            self._send(np.broadcast_to(g, shape))
        return Tensor._result(np.sum(self.data, axis=axis, keepdims=keepdims), (self,), backward)

    def mean(self, axis=None, keepdims: bool = False) -> Tensor:
        count = self.data.size if axis is None else np.prod(
            [self.data.shape[a] for a in np.atleast_1d(axis)])
        return self.sum(axis=axis, keepdims=keepdims) * (1.0 / count)

    # --- element-wise functions ---------------------------------------------------

    def exp(self) -> Tensor:
        out = np.exp(self.data)

        def backward(g):
            self._send(g * out)
        return Tensor._result(out, (self,), backward)

    def log(self) -> Tensor:
        def backward(g):
            self._send(g / self.data)
        return Tensor._result(np.log(self.data), (self,), backward)

    def tanh(self) -> Tensor:
        out = np.tanh(self.data)

        def backward(g):
            self._send(g * (1.0 - out * out))
        return Tensor._result(out, (self,), backward)

    def sigmoid(self) -> Tensor:
        out = _sigmoid(self.data)

        def backward(g):
            self._send(g * out * (1.0 - out))
        return Tensor._result(out, (self,), backward)

    def relu(self) -> Tensor:
        def backward(g):
            self._send(g * (self.data > 0.0))
        return Tensor._result(np.maximum(self.data, 0.0), (self,), backward)

    def softmax(self, axis: int = -1) -> Tensor:
        out = _softmax(self.data, axis=axis)

        def backward(g):
            # Jacobian-vector product: ∂L/∂zᵢ = sᵢ(gᵢ − Σⱼ gⱼsⱼ)
            self._send(out * (g - np.sum(g * out, axis=axis, keepdims=True)))
        return Tensor._result(out, (self,), backward)

    def log_softmax(self, axis: int = -1) -> Tensor:
        z = self.data
        shifted = z - np.max(z, axis=axis, keepdims=True)
        out = shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))

        def backward(g):
            # ∂L/∂zᵢ = gᵢ − softmax(z)ᵢ·Σⱼ gⱼ
            self._send(g - np.exp(out) * np.sum(g, axis=axis, keepdims=True))
        return Tensor._result(out, (self,), backward)

    # --- shape ------------------------------------------------------------------

    def __getitem__(self, index) -> Tensor:
        """Indexing and slicing, including integer arrays (an embedding look-up).

        Rows picked more than once get the sum of their gradients (np.add.at).
        """
        if isinstance(index, Tensor):
            raise TypeError("index with integers or arrays, not a Tensor")
        shape = self.data.shape

        def backward(g):
            full = np.zeros(shape)
            np.add.at(full, index, g)
            self._send(full)
        return Tensor._result(self.data[index], (self,), backward)

    def reshape(self, *shape) -> Tensor:
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = tuple(shape[0])
        old = self.data.shape

        def backward(g):
            self._send(g.reshape(old))
        return Tensor._result(self.data.reshape(shape), (self,), backward)

    def transpose(self, *axes) -> Tensor:
        """Permute axes (reversed when none are given), like ``np.transpose``."""
        if len(axes) == 1 and isinstance(axes[0], (tuple, list)):
            axes = tuple(axes[0])
        perm = tuple(range(self.ndim))[::-1] if not axes else tuple(a % self.ndim for a in axes)
        inverse = tuple(np.argsort(perm))

        def backward(g):
            self._send(np.transpose(g, inverse))
        return Tensor._result(np.transpose(self.data, perm), (self,), backward)

    def swapaxes(self, a: int, b: int) -> Tensor:
        perm = list(range(self.ndim))
        perm[a], perm[b] = perm[b], perm[a]
        return self.transpose(perm)

    @property
    def T(self) -> Tensor:
        return self.transpose()


def tensor(value, requires_grad: bool = False) -> Tensor:
    """``value`` itself if it is a Tensor, else a new Tensor (a constant by default)."""
    return value if isinstance(value, Tensor) else Tensor(value, requires_grad=requires_grad)


def concat(tensors: Sequence[Tensor], axis: int = 0) -> Tensor:
    """Join tensors along an existing axis (``np.concatenate``)."""
    parts = [tensor(t) for t in tensors]
    cuts = np.cumsum([p.data.shape[axis] for p in parts])[:-1]

    def backward(g):
        for p, piece in zip(parts, np.split(g, cuts, axis=axis)):
            p._send(piece)
    joined = np.concatenate([p.data for p in parts], axis=axis)
    return Tensor._result(joined, tuple(parts), backward)


def stack(tensors: Sequence[Tensor], axis: int = 0) -> Tensor:
    """Join same-shaped tensors along a new axis (``np.stack``)."""
    parts = [tensor(t) for t in tensors]

    def backward(g):
        for i, p in enumerate(parts):
            p._send(np.take(g, i, axis=axis))
    return Tensor._result(np.stack([p.data for p in parts], axis=axis), tuple(parts), backward)


def cross_entropy(logits: Tensor, targets, mask=None) -> Tensor:
    """Mean over positions of −log softmax(logits)[target]; classes on the last axis.

    ``targets`` holds integer classes with the shape of ``logits`` minus its last
    axis. ``mask`` (same shape, 0/1) leaves out padded positions: the mean is
    then over the positions where mask = 1.
    """
    targets = np.asarray(targets, dtype=np.int64)
    logp = logits.log_softmax(axis=-1)
    picked = logp[(*np.indices(targets.shape), targets)]
    if mask is None:
        return -picked.mean()
    mask = np.asarray(mask, dtype=np.float64)
    return -(picked * mask).sum() * (1.0 / mask.sum())


def layer_norm(x: Tensor, gain, bias, eps: float = 1e-5) -> Tensor:
    """Normalise the last axis to mean 0, variance 1, then scale and shift: γ·x̂ + β."""
    centred = x - x.mean(axis=-1, keepdims=True)
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred * (variance + eps) ** -0.5 * gain + bias


def zero_grad(params: Iterable[Tensor]) -> None:
    for p in params:
        p.grad = None


def step(optimizer, params: Sequence[Tensor]) -> None:
    """One update of ``params`` by a :mod:`nntui.engine.optim` optimizer, then clear the grads.

    The optimizer keeps its state per position, so pass the same list every time.
    """
    grads = [np.zeros_like(p.data) if p.grad is None else p.grad for p in params]
    optimizer.step([p.data for p in params], grads)
    zero_grad(params)
