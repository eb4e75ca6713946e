import numpy as np
import pytest

from nntui.engine.data import DATASETS, FEATURES, features, make, split

NAMES = ["circle", "xor", "gauss", "spiral", "moons"]


@pytest.mark.parametrize("name", NAMES)
def test_shapes_labels_and_determinism(name):
    X, y = make(name, n=301, noise=0.2, seed=3)
    assert X.shape == (301, 2) and y.shape == (301,)
    assert X.dtype == np.float64 and y.dtype == np.float64
    assert set(np.unique(y)) <= {0.0, 1.0}
    X2, y2 = make(name, n=301, noise=0.2, seed=3)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)
    X3, _ = make(name, n=301, noise=0.2, seed=4)
    assert not np.array_equal(X, X3)
    assert np.all(np.abs(X) < 12)


def test_circle_geometry():
    X, y = make("circle", n=1000, seed=0)
    r = np.hypot(X[:, 0], X[:, 1])
    assert np.all(r[y == 1] < 2.5)
    assert np.all((r[y == 0] >= 3.5) & (r[y == 0] <= 5.0))
    assert y.mean() == 0.5
    # noise flips labels of points pushed across r = 2.5, leaving the points in place
    Xn, yn = make("circle", n=1000, noise=0.3, seed=0)
    rn = np.hypot(Xn[:, 0], Xn[:, 1])
    assert np.all(rn <= 5.0) and 0 < np.mean((rn < 2.5) != (yn == 1)) < 0.5


def test_xor_geometry():
    X, y = make("xor", n=1000, seed=0)
    assert np.all(np.abs(X) >= 0.3) and np.all(np.abs(X) <= 5.3)
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] >= 0).astype(float))
    _, yn = make("xor", n=1000, noise=0.5, seed=0)
    assert 0 < np.mean(yn != (X[:, 0] * X[:, 1] >= 0)) < 0.5


def test_gauss_centres_and_noise_widens():
    X, y = make("gauss", n=4000, seed=0)
    np.testing.assert_allclose(X[y == 1].mean(axis=0), [2, 2], atol=0.1)
    np.testing.assert_allclose(X[y == 0].mean(axis=0), [-2, -2], atol=0.1)
    assert X[y == 1].std() == pytest.approx(np.sqrt(0.5), rel=0.05)
    Xn, yn = make("gauss", n=4000, noise=0.5, seed=0)
    assert Xn[yn == 1].std() == pytest.approx(2.0, rel=0.05)  # variance 4 at noise 0.5


def test_spiral_two_arms():
    X, y = make("spiral", n=400, seed=0)
    r = np.hypot(X[:, 0], X[:, 1])
    assert r.max() < 5.0 and y.mean() == 0.5
    # the arms are point reflections of each other (phase π): sort by radius and compare
    a = X[y == 1][np.argsort(r[y == 1])]
    b = X[y == 0][np.argsort(r[y == 0])]
    np.testing.assert_allclose(a, -b, atol=1e-12)


def test_bad_arguments():
    with pytest.raises(KeyError):
        make("rings")
    with pytest.raises(ValueError):
        make("circle", noise=5)
    assert set(DATASETS) == set(NAMES)


def test_features():
    X = np.array([[1.0, 2.0], [-0.5, 3.0]])
    names = [n for n, _ in FEATURES]
    assert names == ["x1", "x2", "x1^2", "x2^2", "x1x2", "sin_x1", "sin_x2"]
    assert dict(FEATURES)["x1^2"] == "x₁²"
    F = features(X, names)
    np.testing.assert_allclose(F[0], [1, 2, 1, 4, 2, np.sin(1), np.sin(2)])
    np.testing.assert_allclose(F[1], [-0.5, 3, 0.25, 9, -1.5, np.sin(-0.5), np.sin(3)])
    assert features(X, ["x2"]).shape == (2, 1)
    with pytest.raises(KeyError):
        features(X, ["x3"])


def test_split_deterministic_and_disjoint():
    X = np.arange(20.0).reshape(10, 2)
    y = np.arange(10.0)
    a = split(X, y, 0.7, seed=1)
    b = split(X, y, 0.7, seed=1)
    for p, q in zip(a, b):
        np.testing.assert_array_equal(p, q)
    Xtr, ytr, Xte, yte = a
    assert len(ytr) == 7 and len(yte) == 3
    assert sorted(np.concatenate([ytr, yte])) == list(range(10))
    np.testing.assert_array_equal(Xtr[:, 0], 2 * ytr)  # rows stay paired
    assert not np.array_equal(split(X, y, 0.7, seed=2)[1], ytr)
