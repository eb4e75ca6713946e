"""Layer-by-layer lighting of a forward pass: a pure model, no Textual.

Given an engine ``MLP`` and one input, ``Lighting`` lists the order in which neurons light up
(inputs first, then each layer top to bottom) and the value each one produces. Every value comes
straight from ``MLP.forward_trace``, so what a widget shows is the engine's forward pass.

API
---
``LightStep`` (frozen): ``layer`` (0 = inputs, 1 … L = weight layers, L = output), ``neuron``
(index in its layer), ``value`` (the activation it outputs), ``z`` (pre-activation; ``None`` for
an input), ``incoming`` (activations of the previous layer), ``weights`` (the column of W feeding
this neuron) and ``bias`` (``None`` for inputs). ``step.terms`` gives the products wᵢ·aᵢ.

``lighting_steps(model, x, include_inputs=True) -> list[LightStep]``: the whole order.

``Lighting(model, x, include_inputs=True)``: play/step/reset state over those steps.

* ``steps``, ``position`` (how many are lit), ``lit`` (the lit steps), ``current`` (the last lit
  step or ``None``), ``next`` (the step that lights next or ``None``), ``done``, ``playing``.
* ``step()`` lights the next neuron and returns its step (``None`` when done).
* ``step_layer()`` lights every remaining neuron of the next layer; returns those steps.
* ``play()``, ``pause()``, ``toggle_play()``; ``tick()`` is what a timer calls: while playing it
  lights one neuron, and it stops playing at the end. Playing from the end restarts.
* ``reset()`` turns every light off (and pauses).
* ``set_input(x)`` / ``refresh()`` recompute the steps from the model (after the input or the
  weights changed) and reset.
* ``is_lit(layer, neuron)``, ``value_of(layer, neuron)`` (``None`` while dark),
  ``layer_values(layer)`` (lit values or ``None`` per neuron), ``values_by_layer()`` (that for
  every layer), ``output`` (the network's output
  vector from the trace), ``sizes``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["LightStep", "lighting_steps", "Lighting"]


@dataclass(frozen=True)
class LightStep:
    layer: int
    neuron: int
    value: float
    z: float | None = None
    incoming: tuple[float, ...] = ()
    weights: tuple[float, ...] = ()
    bias: float | None = None

    @property
    def is_input(self) -> bool:
        return self.layer == 0

    @property
    def terms(self) -> tuple[float, ...]:
        """The products wᵢ·aᵢ that add up (with the bias) to z."""
        return tuple(w * a for w, a in zip(self.weights, self.incoming))


def lighting_steps(model, x, include_inputs: bool = True) -> list[LightStep]:
    """Every neuron of ``model`` for input ``x`` in lighting order, values from the trace."""
    x = np.asarray(x, dtype=np.float64).reshape(1, -1)
    zs, acts = model.forward_trace(x)
    steps: list[LightStep] = []
    if include_inputs:
        steps.extend(LightStep(0, i, float(v)) for i, v in enumerate(acts[0][0]))
    for layer, (z, a, W, b) in enumerate(zip(zs, acts[1:], model.weights, model.biases), start=1):
        incoming = tuple(float(v) for v in acts[layer - 1][0])
        for j in range(a.shape[1]):
            steps.append(LightStep(layer, j, float(a[0, j]), float(z[0, j]), incoming,
                                   tuple(float(w) for w in W[:, j]), float(b[j])))
    return steps


class Lighting:
    """Play/step/reset state over ``lighting_steps``; see the module docstring."""

    def __init__(self, model, x, include_inputs: bool = True) -> None:
        self.model = model
        self.include_inputs = include_inputs
        self.x = np.asarray(x, dtype=np.float64).reshape(-1)
        self.playing = False
        self.position = 0
        self.steps: list[LightStep] = []
        self.refresh()

    # --- state ---------------------------------------------------------------

    @property
    def sizes(self) -> list[int]:
        return list(self.model.sizes)

    @property
    def lit(self) -> list[LightStep]:
        return self.steps[: self.position]

    @property
    def current(self) -> LightStep | None:
        return self.steps[self.position - 1] if self.position else None

    @property
    def next(self) -> LightStep | None:
        return self.steps[self.position] if not self.done else None

    @property
    def done(self) -> bool:
        return self.position >= len(self.steps)

    @property
    def output(self) -> np.ndarray:
        return np.array([s.value for s in self.steps if s.layer == len(self.model.sizes) - 1])

    def is_lit(self, layer: int, neuron: int) -> bool:
        return self.value_of(layer, neuron) is not None

    def value_of(self, layer: int, neuron: int) -> float | None:
        for s in self.lit:
            if s.layer == layer and s.neuron == neuron:
                return s.value
        return None

    def layer_values(self, layer: int) -> list[float | None]:
        return [self.value_of(layer, j) for j in range(self.model.sizes[layer])]

    def values_by_layer(self) -> list[list[float | None]]:
        """``layer_values`` of every layer: what ``NetworkDiagram.set_values`` takes."""
        return [self.layer_values(layer) for layer in range(len(self.model.sizes))]

    # --- actions -------------------------------------------------------------

    def step(self) -> LightStep | None:
        if self.done:
            return None
        self.position += 1
        return self.current

    def step_layer(self) -> list[LightStep]:
        if self.done:
            return []
        layer = self.steps[self.position].layer
        lit = []
        while not self.done and self.steps[self.position].layer == layer:
            lit.append(self.step())
        return lit

    def play(self) -> None:
        if self.done:
            self.position = 0
        self.playing = True

    def pause(self) -> None:
        self.playing = False

    def toggle_play(self) -> None:
        self.pause() if self.playing else self.play()

    def tick(self) -> LightStep | None:
        """One timer beat: light a neuron while playing; stop at the end."""
        if not self.playing:
            return None
        lit = self.step()
        if self.done:
            self.playing = False
        return lit

    def reset(self) -> None:
        self.position = 0
        self.playing = False

    def set_input(self, x) -> None:
        self.x = np.asarray(x, dtype=np.float64).reshape(-1)
        self.refresh()

    def refresh(self) -> None:
        """Recompute from the model's current weights and the input; lights go off."""
        self.steps = lighting_steps(self.model, self.x, self.include_inputs)
        self.reset()
