"""Evaluate a numeric question's ``check`` expression with the engine.

A check is a small arithmetic expression over engine functions, e.g. ``sigmoid(0.3)``,
``mlp_params([4, 8, 6, 1])``, ``ce([2.0, 1.0, 0.1], [0])`` or
``perceptron_w([0.2], -1, 0.5, [1], 1)`` (the weights after one perceptron-rule update). Only literals, arithmetic, calls
to the names below, lists and indexing are allowed, so a question file cannot run code.
"""

from __future__ import annotations

import ast
import math

import numpy as np

from nntui.engine import init, losses, params, theory
from nntui.engine.activations import ACTIVATIONS, softmax
from nntui.engine.neuron import neuron
from nntui.engine.perceptron import Perceptron


def _scalar(fn):
    return lambda z: float(fn(np.asarray(z, dtype=np.float64)))


def _names() -> dict:
    names: dict = {}
    for name, act in ACTIVATIONS.items():
        names[name] = _scalar(act.f)
        names[f"d_{name}"] = _scalar(act.df)
    names.update(
        softmax=lambda z: [float(v) for v in softmax(np.asarray(z, dtype=np.float64))],
        neuron=lambda x, w, b, activation="sigmoid": neuron(x, w, b, activation).a,
        neuron_z=lambda x, w, b: neuron(x, w, b, "linear").z,
        perceptron_w=lambda w, b, lr, x, y: [float(v) for v in Perceptron(
            len(w), lr, w, b).update(x, y).w_after],
        dense_params=params.dense_params,
        conv2d_params=params.conv2d_params,
        rnn_params=params.rnn_params,
        lstm_params=params.lstm_params,
        mlp_params=params.mlp_param_count,
        conv_out=params.conv_output_size,
        pool_out=params.pool_output_size,
        xavier_bound=init.xavier_uniform_bound,
        he_std=init.he_normal_std,
        optimal_step=theory.optimal_step,
        gd_rate=theory.gd_rate,
        exp=math.exp, log=math.log, sqrt=math.sqrt, abs=abs,
    )
    for name in ("mse", "mae", "huber", "bce", "ce"):
        names[name] = (lambda loss: lambda pred, target: loss(
            np.asarray(pred, dtype=np.float64), np.asarray(target))[0])(losses.LOSSES[name])
    return names


_ALLOWED = (ast.Expression, ast.Call, ast.Name, ast.Load, ast.Constant, ast.BinOp, ast.UnaryOp,
            ast.List, ast.Tuple, ast.Subscript, ast.keyword, ast.Add, ast.Sub, ast.Mult,
            ast.Div, ast.Pow, ast.USub, ast.UAdd, ast.FloorDiv)


def evaluate(expression: str) -> float:
    """The value of a check expression, computed by the engine."""
    tree = ast.parse(expression, mode="eval")
    names = _names()
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED):
            raise ValueError(f"{expression!r}: {type(node).__name__} is not allowed in a check")
        if isinstance(node, ast.Name) and node.id not in names:
            raise ValueError(f"{expression!r}: unknown name {node.id!r}")
    return float(eval(compile(tree, "<check>", "eval"), {"__builtins__": {}}, names))
