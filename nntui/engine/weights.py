"""Trained weights kept in a ``.npz`` file, so a model trained once need not train again.

``save(path, params, **extra)`` writes the arrays of a parameter list (Tensors or plain
arrays) in order, plus any extra named arrays (a loss history, say); ``load(path, params)``
copies them back into the same list in place and returns the extras — or ``None`` when the
file is missing, unreadable or made for parameters of other shapes, so the caller trains afresh.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np

__all__ = ["save", "load"]

_PARAM = "param_"


def _array(p) -> np.ndarray:
    return p.data if hasattr(p, "data") and not isinstance(p, np.ndarray) else p


def save(path: str | os.PathLike, params, **extra) -> None:
    """Write ``params`` (and ``extra`` arrays) to ``path``; the folder is created if needed.

    The file is written beside its final name and renamed, so a reader never sees half a file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    arrays = {f"{_PARAM}{i}": np.asarray(_array(p)) for i, p in enumerate(params)}
    arrays.update({name: np.asarray(value) for name, value in extra.items()})
    fd, tmp = tempfile.mkstemp(suffix=".npz", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            np.savez(handle, **arrays)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load(path: str | os.PathLike, params) -> dict[str, np.ndarray] | None:
    """Fill ``params`` in place from ``path``; the extra arrays, or None if it does not fit."""
    try:
        with np.load(Path(path), allow_pickle=False) as stored:
            arrays = {name: stored[name] for name in stored.files}
    except (OSError, ValueError, EOFError):
        return None
    names = [f"{_PARAM}{i}" for i in range(len(params))]
    if sum(name.startswith(_PARAM) for name in arrays) != len(params) or any(
            name not in arrays or arrays[name].shape != _array(p).shape
            for name, p in zip(names, params)):
        return None
    for name, p in zip(names, params):
        _array(p)[...] = arrays[name]
    return {name: value for name, value in arrays.items() if not name.startswith(_PARAM)}
