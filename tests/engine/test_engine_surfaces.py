import numpy as np
import pytest

from nntui.engine.optim import SGD, Adam, Momentum
from nntui.engine.surfaces import SURFACES, path


@pytest.mark.parametrize("name", list(SURFACES))
def test_gradient_matches_finite_differences(name, numgrad):
    s = SURFACES[name]
    for p0 in ([0.3, -1.2], [-1.1, 0.7], list(s.start)):
        p = np.array(p0, dtype=float)
        numeric = numgrad(lambda: float(s.f(p)), p, h=1e-6)
        np.testing.assert_allclose(s.grad(p), numeric, rtol=1e-6, atol=1e-8)


def test_surfaces_evaluate_on_grids_and_values():
    s = SURFACES["bowl"]
    g = np.stack(np.meshgrid(np.linspace(-1, 1, 5), np.linspace(-1, 1, 3)), axis=-1)
    assert s.f(g).shape == (3, 5) and s.grad(g).shape == (3, 5, 2)
    assert s.f(np.array([2.0, 1.0])) == pytest.approx(0.05 * 4 + 5)
    assert SURFACES["rosenbrock"].f(np.array([1.0, 1.0])) == 0.0
    assert SURFACES["saddle"].f(np.array([1.0, 2.0])) == -3.0
    for s in SURFACES.values():
        assert s.xlim[0] < s.start[0] < s.xlim[1] and s.ylim[0] < s.start[1] < s.ylim[1]


def test_gradient_descent_on_bowl_converges_below_lr_0_2_and_diverges_above():
    bowl = SURFACES["bowl"]
    ok = path(bowl, SGD(0.19), bowl.start, 2000)
    assert not ok.diverged and ok.steps_taken == 2000 and ok.points.shape == (2001, 2)
    assert np.linalg.norm(ok.points[-1]) < 1e-6
    bad = path(bowl, SGD(0.21), bowl.start, 2000)
    assert bad.diverged and bad.steps_taken < 2000
    assert np.all(np.isfinite(bad.points)) and bad.points.shape == (bad.steps_taken + 1, 2)
    assert np.max(np.abs(bad.points)) <= 1e6
    np.testing.assert_array_equal(bad.points[0], bowl.start)


def test_momentum_converges_iff_lr_lambda_below_2_plus_2beta():
    # λ_max = 10, β = 0.9: the bound is lr < (2 + 2·0.9)/10 = 0.38
    bowl = SURFACES["bowl"]
    assert not path(bowl, Momentum(0.37, beta=0.9), bowl.start, 3000).diverged
    assert path(bowl, Momentum(0.39, beta=0.9), bowl.start, 3000).diverged
    assert not path(bowl, Momentum(0.19, beta=0.0), bowl.start, 3000).diverged
    assert path(bowl, Momentum(0.21, beta=0.0), bowl.start, 3000).diverged


def test_saddle_stall_and_escape():
    s = SURFACES["saddle"]
    on_ridge = path(s, SGD(0.05), (-2.5, 0.0), 100)
    np.testing.assert_allclose(on_ridge.points[-1], [0.0, 0.0], atol=1e-4)  # stuck at the saddle
    off = path(s, Momentum(0.05, beta=0.9), s.start, 100)
    assert abs(off.points[-1, 1]) > 1.0  # rolls off down the y direction


def test_path_resets_optimizer_and_adam_reaches_rosenbrock_valley():
    r = SURFACES["rosenbrock"]
    opt = Adam(0.02)
    a = path(r, opt, r.start, 3000)
    b = path(r, opt, r.start, 3000)
    np.testing.assert_array_equal(a.points, b.points)
    assert r.f(a.points[-1]) < 0.05
