"""Build a network: the pure model (no Textual).

A design is a list of layers, each a kind from the palette plus a few settings. ``analyse()``
walks the stack, works out every layer's output shape and parameter count with the engine's
formulas (``nntui.engine.params``), and stops at the first layer that cannot follow the one
before it, naming why. Shapes leave out the batch axis: (features,), (steps, features) or
(height, width, channels).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nntui.engine import params as P

__all__ = ["PALETTE", "FIELDS", "Layer", "LayerReport", "Analysis", "NetworkBuilder",
           "analyse", "default_design", "shape_text", "param_formula"]

PALETTE = ("Input", "Dense", "Conv2D", "MaxPool", "LSTM", "Attention", "BatchNorm", "Dropout",
           "Flatten", "Output")

# Sizes a learner would actually pick; ←/→ walks along the ladder.
SIZES = (1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 28, 32, 48, 64, 96, 128, 192, 256, 384, 512,
         768, 1024)
FORMS = ("vector", "image", "sequence")

# kind → ((field, ladder of values, default), …)
FIELDS: dict[str, tuple[tuple[str, tuple, object], ...]] = {
    "Input": (("form", FORMS, "image"), ("size", SIZES, 28), ("depth", SIZES, 1)),
    "Dense": (("units", SIZES, 64),),
    "Conv2D": (("filters", SIZES, 16), ("kernel", (1, 2, 3, 5, 7), 3)),
    "MaxPool": (("pool", (2, 3, 4), 2),),
    "LSTM": (("units", SIZES, 32), ("returns", ("last", "all"), "last")),
    "Attention": (),
    "Dropout": (("rate", (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9), 0.5),),
    "BatchNorm": (),
    "Flatten": (),
    "Output": (("units", SIZES, 10), ("activation", ("softmax", "sigmoid", "linear"), "softmax")),
}


@dataclass
class Layer:
    kind: str
    settings: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in FIELDS:
            raise ValueError(f"unknown layer kind {self.kind!r}")
        for name, ladder, default in FIELDS[self.kind]:
            if self.settings.get(name) not in ladder:
                self.settings[name] = default

    def __getitem__(self, name: str):
        return self.settings[name]

    def describe(self) -> str:
        s = self.settings
        if self.kind == "Input":
            return {"vector": f"{s['size']} features",
                    "image": f"{s['size']}×{s['size']}×{s['depth']} image",
                    "sequence": f"{s['size']} steps × {s['depth']}"}[s["form"]]
        if self.kind == "Conv2D":
            return f"{s['filters']} filters {s['kernel']}×{s['kernel']}"
        if self.kind == "MaxPool":
            return f"{s['pool']}×{s['pool']}"
        if self.kind == "LSTM":
            return f"{s['units']} units, {'all steps' if s['returns'] == 'all' else 'last step'}"
        if self.kind == "Dropout":
            return f"rate {s['rate']}"
        if self.kind == "Output":
            return f"{s['units']} {s['activation']}"
        if self.kind == "Dense":
            return f"{s['units']} units"
        return ""

    def to_dict(self) -> dict:
        return {"kind": self.kind, **self.settings}


@dataclass(frozen=True)
class LayerReport:
    shape: tuple[int, ...] | None  # None once the stack has broken above or here
    params: int | None
    error: str | None = None


@dataclass(frozen=True)
class Analysis:
    reports: tuple[LayerReport, ...]
    total: int
    valid: bool
    status: str


def shape_text(shape: tuple[int, ...] | None) -> str:
    if shape is None:
        return "—"
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def _rank_name(shape: tuple[int, ...]) -> str:
    return {1: "a flat vector", 2: "a sequence", 3: "an image"}.get(len(shape), "a tensor")


def _step(layer: Layer, shape: tuple[int, ...], previous: str) -> tuple[tuple, int]:
    """(output shape, parameters) of one layer fed ``shape``; ValueError names what is wrong."""
    k = layer.kind
    if k == "Input":
        raise ValueError("only one Input, and it goes first")
    if k in ("Dense", "Output"):
        if len(shape) == 3:
            raise ValueError(f"{k} after {previous} needs a Flatten first "
                             f"(its input is the image {shape_text(shape)})")
        return P.dense_output_shape(shape, layer["units"]), P.dense_params(shape[-1],
                                                                           layer["units"])
    if k == "Conv2D":
        if len(shape) != 3:
            raise ValueError(f"Conv2D needs an image (h, w, c) but gets {_rank_name(shape)}")
        try:
            out = P.conv2d_output_shape(shape, layer["kernel"], layer["filters"])
        except ValueError:
            raise ValueError(f"a {layer['kernel']}×{layer['kernel']} kernel does not fit "
                             f"the {shape[0]}×{shape[1]} input") from None
        return out, P.conv2d_params(layer["kernel"], shape[2], layer["filters"])
    if k == "MaxPool":
        if len(shape) != 3:
            raise ValueError(f"MaxPool needs an image (h, w, c) but gets {_rank_name(shape)}")
        try:
            return P.pool2d_output_shape(shape, layer["pool"]), P.pool_params()
        except ValueError:
            raise ValueError(f"a {layer['pool']}×{layer['pool']} window does not fit "
                             f"the {shape[0]}×{shape[1]} input") from None
    if k == "LSTM":
        if len(shape) != 2:
            raise ValueError(f"LSTM needs a sequence (steps, features) but gets "
                             f"{_rank_name(shape)}")
        out = P.lstm_output_shape(shape, layer["units"], layer["returns"] == "all")
        return out, P.lstm_params(shape[1], layer["units"])
    if k == "Attention":
        if len(shape) != 2:
            raise ValueError(f"Attention needs a sequence (steps, features) but gets "
                             f"{_rank_name(shape)}")
        return shape, P.attention_params(shape[1])
    if k == "Dropout":
        return shape, P.dropout_params()
    if k == "BatchNorm":
        return shape, P.batchnorm_params(shape[-1])
    if k == "Flatten":
        return P.flatten_output_shape(shape), P.flatten_params()
    raise ValueError(f"unknown layer kind {k!r}")


def input_shape(layer: Layer) -> tuple[int, ...]:
    s = layer.settings
    return {"vector": (s["size"],), "image": (s["size"], s["size"], s["depth"]),
            "sequence": (s["size"], s["depth"])}[s["form"]]


def analyse(layers: list[Layer]) -> Analysis:
    if not layers:
        return Analysis((), 0, False, "Empty: press 1 to start with an Input layer.")
    reports: list[LayerReport] = []
    problem = None
    if layers[0].kind != "Input":
        problem = f"layer 1 is {layers[0].kind}: a network starts with an Input layer"
        reports.append(LayerReport(None, None, "should be Input"))
        shape = None
    else:
        shape = input_shape(layers[0])
        reports.append(LayerReport(shape, 0))
    for index, layer in enumerate(layers[1:], start=2):
        if shape is None:
            reports.append(LayerReport(None, None))
            continue
        try:
            if layer.kind == "Output" and index != len(layers):
                raise ValueError("Output must be the last layer")
            shape, count = _step(layer, shape, layers[index - 2].kind)
            reports.append(LayerReport(tuple(shape), count))
        except ValueError as err:
            problem = f"layer {index} ({layer.kind}): {err}"
            reports.append(LayerReport(None, None, str(err)))
            shape = None
    total = sum(r.params or 0 for r in reports)
    if problem is None and layers[-1].kind != "Output":
        problem = "not finished: end the stack with an Output layer (key 0)"
    if problem is not None:
        return Analysis(tuple(reports), total, False, "✗ " + problem)
    return Analysis(tuple(reports), total, True,
                    f"✓ valid · {len(layers)} layers · {total:,} trainable parameters")


_NO_PARAMS = {"Input": "it holds the data", "MaxPool": "it keeps the largest of each window",
              "Dropout": "it only switches units off while training",
              "Flatten": "it only lines the values up"}


def param_formula(layers: list[Layer], index: int) -> str | None:
    """Layer ``index``'s parameter count as its formula with the numbers filled in, e.g.
    "n_in·n_out + n_out = 1,936·64 + 64 = 123,968" (None where the stack is broken)."""
    layer = layers[index]
    if layer.kind in _NO_PARAMS:
        return f"no parameters: {_NO_PARAMS[layer.kind]}"
    reports = analyse(layers).reports
    if index == 0 or reports[index - 1].shape is None or reports[index].params is None:
        return None
    shape, count = reports[index - 1].shape, f"{reports[index].params:,}"
    if layer.kind in ("Dense", "Output"):
        a, b = shape[-1], layer["units"]
        return f"n_in·n_out + n_out = {a:,}·{b:,} + {b:,} = {count}"
    if layer.kind == "Conv2D":
        k, c, f = layer["kernel"], shape[2], layer["filters"]
        return f"k·k·c_in·c_out + c_out = {k}·{k}·{c}·{f} + {f} = {count}"
    if layer.kind == "LSTM":
        h, x = layer["units"], shape[1]
        return f"4·(h·(h + x) + h) = 4·({h}·({h} + {x}) + {h}) = {count}"
    if layer.kind == "Attention":
        d = shape[1]
        return f"4·(d·d + d) = 4·({d}·{d} + {d}) = {count}"
    if layer.kind == "BatchNorm":
        return f"2·c (γ and β) = 2·{shape[-1]} = {count}"
    return None


def default_design() -> list[Layer]:
    """A small image classifier to start from."""
    return [Layer("Input"), Layer("Conv2D"), Layer("MaxPool"), Layer("Flatten"),
            Layer("Dense"), Layer("Dropout"), Layer("Output")]


class NetworkBuilder:
    """The stack being built, a selected layer and a selected setting of that layer."""

    def __init__(self, layers: list[Layer] | None = None) -> None:
        self.layers = default_design() if layers is None else list(layers)
        self.selected = max(0, len(self.layers) - 1)
        self.field = 0

    # --- persistence ----------------------------------------------------------

    def to_json(self) -> list[dict]:
        return [layer.to_dict() for layer in self.layers]

    @classmethod
    def from_json(cls, items) -> NetworkBuilder:
        layers = []
        for item in items or []:
            item = dict(item)
            kind = item.pop("kind", None)
            if kind in FIELDS:
                layers.append(Layer(kind, item))
        return cls(layers)

    # --- reading --------------------------------------------------------------

    def analyse(self) -> Analysis:
        return analyse(self.layers)

    @property
    def current(self) -> Layer | None:
        return self.layers[self.selected] if self.layers else None

    @property
    def field_name(self) -> str | None:
        fields = FIELDS[self.current.kind] if self.current else ()
        return fields[self.field][0] if fields else None

    # --- editing --------------------------------------------------------------

    def select(self, delta: int) -> None:
        if self.layers:
            self.selected = min(len(self.layers) - 1, max(0, self.selected + delta))
            self.field = 0

    def add(self, kind: str) -> None:
        """Insert a new layer below the selected one and select it."""
        at = self.selected + 1 if self.layers else 0
        self.layers.insert(at, Layer(kind))
        self.selected, self.field = at, 0

    def remove(self) -> None:
        if self.layers:
            del self.layers[self.selected]
            self.selected = min(self.selected, max(0, len(self.layers) - 1))
            self.field = 0

    def move(self, delta: int) -> None:
        """Move the selected layer up (−1) or down (+1) the stack."""
        to = self.selected + delta
        if self.layers and 0 <= to < len(self.layers):
            self.layers[self.selected], self.layers[to] = self.layers[to], self.layers[self.selected]
            self.selected = to

    def next_field(self) -> None:
        count = len(FIELDS[self.current.kind]) if self.current else 0
        self.field = (self.field + 1) % count if count else 0

    def adjust(self, delta: int) -> None:
        """Move the selected setting along its ladder of values."""
        if self.field_name is None:
            return
        _, ladder, _ = FIELDS[self.current.kind][self.field]
        index = ladder.index(self.current.settings[self.field_name])
        self.current.settings[self.field_name] = ladder[min(len(ladder) - 1,
                                                            max(0, index + delta))]

    def clear(self) -> None:
        self.layers, self.selected, self.field = [], 0, 0
