"""Reverse-mode differentiation of micrograd's example, one operation at a time (no UI here).

The example (Karpathy's micrograd README) written as an evaluation trace: inputs a and b, then
one node per operation. Values and gradients come from the engine's ``autograd``; the chain-rule
sums the lesson shows (v̄ = Σ over users k of v̄ₖ·∂vₖ/∂v) are built from local derivatives and a
test checks they equal the engine's gradients.
"""

from __future__ import annotations

from dataclasses import dataclass

import math

import numpy as np

from nntui.engine.autograd import Tensor

A_DEFAULT, B_DEFAULT = -4.0, 2.0
INPUT_RANGE = (-5.0, 5.0)

# (name, operation, inputs, constant). micrograd's lines and the nodes they make:
#   c = a + b                     v1
#   d = a * b + b**3              v2 v3 v4
#   c += c + 1                    v5 v6
#   c += 1 + c + (-a)             v7 v8 v9 v10
#   d += d * 2 + (b + a).relu()   v11 v12 v13 v14 v15
#   d += 3 * d + (b - a).relu()   v16 v17 v18 v19 v20
#   e = c - d; f = e**2           v21 v22
#   g = f / 2.0; g += 10.0 / f    v23 v24 g
SPEC: tuple[tuple[str, str, tuple[str, ...], float | None], ...] = (
    ("a", "input", (), None), ("b", "input", (), None),
    ("v₁", "add", ("a", "b"), None),
    ("v₂", "mul", ("a", "b"), None),
    ("v₃", "pow", ("b",), 3.0),
    ("v₄", "add", ("v₂", "v₃"), None),
    ("v₅", "addc", ("v₁",), 1.0),
    ("v₆", "add", ("v₁", "v₅"), None),
    ("v₇", "addc", ("v₆",), 1.0),
    ("v₈", "neg", ("a",), None),
    ("v₉", "add", ("v₇", "v₈"), None),
    ("v₁₀", "add", ("v₆", "v₉"), None),
    ("v₁₁", "mulc", ("v₄",), 2.0),
    ("v₁₂", "add", ("b", "a"), None),
    ("v₁₃", "relu", ("v₁₂",), None),
    ("v₁₄", "add", ("v₁₁", "v₁₃"), None),
    ("v₁₅", "add", ("v₄", "v₁₄"), None),
    ("v₁₆", "mulc", ("v₁₅",), 3.0),
    ("v₁₇", "sub", ("b", "a"), None),
    ("v₁₈", "relu", ("v₁₇",), None),
    ("v₁₉", "add", ("v₁₆", "v₁₈"), None),
    ("v₂₀", "add", ("v₁₅", "v₁₉"), None),
    ("v₂₁", "sub", ("v₁₀", "v₂₀"), None),
    ("v₂₂", "pow", ("v₂₁",), 2.0),
    ("v₂₃", "divc", ("v₂₂",), 2.0),
    ("v₂₄", "rdivc", ("v₂₂",), 10.0),
    ("g", "add", ("v₂₃", "v₂₄"), None),
)


def _c(k: float | None) -> str:
    return f"{k:g}"


def expression(kind: str, inputs: tuple[str, ...], k: float | None) -> str:
    """The operation as the trace writes it: "a · b", "v₁ + 1", "10/v₂₂", …"""
    x = inputs[0] if inputs else ""
    y = inputs[-1] if inputs else ""
    return {
        "input": "input", "add": f"{x} + {y}", "sub": f"{x} − {y}", "mul": f"{x} · {y}", "addc": f"{x} + {_c(k or 0)}",
        "mulc": f"{_c(k or 0)} · {x}", "pow": f"{x}{'²' if k == 2 else '³'}", "neg": f"−{x}",
        "relu": f"relu({x})", "divc": f"{x}/{_c(k or 1)}", "rdivc": f"{_c(k or 0)}/{x}",
    }[kind]


def _apply(kind: str, args: list[Tensor], k: float | None) -> Tensor:
    """The operation with the engine's Tensor: this is where values and gradients come from."""
    x = args[0]
    if kind == "add":
        return x + args[1]
    if kind == "sub":
        return x - args[1]
    if kind == "mul":
        return x * args[1]
    if kind == "addc":
        return x + k
    if kind == "mulc":
        return x * k
    if kind == "pow":
        return x ** k
    if kind == "neg":
        return -x
    if kind == "relu":
        return x.relu()
    if kind == "divc":
        return x / k
    if kind == "rdivc":
        return k / x
    raise ValueError(kind)


def local_partials(kind: str, values: list[float], k: float | None) -> list[float]:
    """∂(node)/∂(each input) at the input values: the rule one operation knows."""
    x = values[0] if values else 0.0
    return {
        "add": lambda: [1.0, 1.0], "sub": lambda: [1.0, -1.0],
        "mul": lambda: [values[1], x], "addc": lambda: [1.0], "mulc": lambda: [k],
        "pow": lambda: [k * x ** (k - 1)], "neg": lambda: [-1.0],
        "relu": lambda: [1.0 if x > 0 else 0.0], "divc": lambda: [1.0 / k],
        "rdivc": lambda: [-k / (x * x)],
    }[kind]()


def _symbolic(kind: str, position: int, inputs: tuple[str, ...], k: float | None) -> str:
    """The local partial as a factor in the chain-rule sum: "" for 1, "−" for −1."""
    x = inputs[0]
    if kind in ("add", "addc") or (kind == "sub" and position == 0):
        return ""
    if kind in ("sub", "neg"):
        return "−"
    if kind == "mul":
        return f"{inputs[1 - position]}·"
    if kind == "mulc":
        return f"{_c(k)}·"
    if kind == "pow":
        return f"{_c(k)}{x}{'' if k == 2 else '²'}·"
    if kind == "relu":
        return f"[{x}>0]·"
    if kind == "divc":
        return f"(1/{_c(k)})·"
    return f"(−{_c(k)}/{x}²)·"  # rdivc: ∂(k/x)/∂x = −k/x²


@dataclass(frozen=True)
class Node:
    name: str
    kind: str
    inputs: tuple[str, ...]
    const: float | None
    value: float
    grad: float  # ∂g/∂(this node), from the engine's backward pass

    @property
    def expression(self) -> str:
        return expression(self.kind, self.inputs, self.const)


def trace(a: float = A_DEFAULT, b: float = B_DEFAULT) -> list[Node]:
    """Every node of the example with its value and ∂g/∂node, computed by ``autograd``."""
    tensors: dict[str, Tensor] = {"a": Tensor(a), "b": Tensor(b)}
    # One point of the grid (a = 3, b = 0) makes v₂₂ = 0, where 10/v₂₂ is undefined: the
    # numbers become inf/nan there and the lesson says so (``defined``) instead of warning.
    with np.errstate(all="ignore"):
        for name, kind, inputs, k in SPEC[2:]:
            tensors[name] = _apply(kind, [tensors[i] for i in inputs], k)
        # Every intermediate is a tensor that needs a gradient, so backward fills them all.
        tensors["g"].backward()
    return [Node(name, kind, inputs, k, tensors[name].item(), float(tensors[name].grad))
            for name, kind, inputs, k in SPEC]


def defined(nodes: list[Node]) -> bool:
    """False where g is not defined (a division by zero on the way)."""
    return all(math.isfinite(n.value) and math.isfinite(n.grad) for n in nodes)


def users(nodes: list[Node], name: str) -> list[tuple[Node, int]]:
    """The nodes that take ``name`` as an input, with the input's position."""
    return [(n, p) for n in nodes for p, i in enumerate(n.inputs) if i == name]


def adjoint(nodes: list[Node], name: str) -> float:
    """v̄ by the chain rule from the users' v̄ and the local partials (1 for g itself)."""
    if name == nodes[-1].name:
        return 1.0
    value = {n.name: n.value for n in nodes}
    total = 0.0
    for user, position in users(nodes, name):
        partials = local_partials(user.kind, [value[i] for i in user.inputs], user.const)
        total += user.grad * partials[position]
    return total


def adjoint_formula(nodes: list[Node], name: str) -> str:
    """The chain-rule sum written out: "ā = v̄₁ + b·v̄₂ − v̄₈ + …"."""
    terms = []
    for user, position in users(nodes, name):
        factor = _symbolic(user.kind, position, user.inputs, user.const)
        sign = "−" if factor == "−" else "+"
        factor = "" if factor == "−" else factor
        terms.append((sign, f"{factor}{bar(user.name)}"))
    text = "".join(f" {s} {t}" for s, t in terms).lstrip(" +")
    return text.replace("− ", "−", 1) if text.startswith("−") else text


def bar(name: str) -> str:
    """The adjoint's symbol: a combining overline on the node's first letter (v̄₁, ā, ḡ)."""
    return name[0] + "\u0304" + name[1:]
