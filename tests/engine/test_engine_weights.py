"""Trained weights saved to and loaded from a .npz file."""

from __future__ import annotations

import numpy as np

from nntui.engine import weights
from nntui.engine.autograd import Tensor


def test_round_trip_fills_the_same_tensors_and_returns_the_extras(tmp_path):
    rng = np.random.default_rng(0)
    params = [Tensor(rng.normal(size=(3, 4))), Tensor(rng.normal(size=4)), rng.normal(size=2)]
    path = tmp_path / "models" / "m.npz"
    weights.save(path, params, losses=np.array([1.0, 0.5]))
    fresh = [Tensor(np.zeros((3, 4))), Tensor(np.zeros(4)), np.zeros(2)]
    extra = weights.load(path, fresh)
    assert set(extra) == {"losses"} and list(extra["losses"]) == [1.0, 0.5]
    for old, new in zip(params, fresh):
        np.testing.assert_array_equal(getattr(old, "data", old), getattr(new, "data", new))


def test_missing_broken_or_mismatched_files_load_nothing(tmp_path):
    target = [Tensor(np.zeros(3))]
    assert weights.load(tmp_path / "none.npz", target) is None
    (tmp_path / "bad.npz").write_bytes(b"not a zip")
    assert weights.load(tmp_path / "bad.npz", target) is None
    weights.save(tmp_path / "other.npz", [np.ones(4)])
    assert weights.load(tmp_path / "other.npz", target) is None
    weights.save(tmp_path / "more.npz", [np.ones(3), np.ones(2)])
    assert weights.load(tmp_path / "more.npz", target) is None
    assert np.all(target[0].data == 0)  # nothing copied from a file that does not fit
