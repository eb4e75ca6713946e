import numpy as np
import pytest

from nntui.engine.fit import (autoencoder, capacity_curve, capacity_data, encode, fit_polynomial,
                              reconstruct, reconstruction_error, shape_images)


def test_shape_images_are_distinct_binary_8x8():
    X = shape_images()
    assert X.shape[1:] == (8, 8) and len(X) >= 60
    assert set(np.unique(X)) == {0.0, 1.0}
    assert len({x.tobytes() for x in X}) == len(X)  # no duplicates
    assert np.all(X.sum(axis=(1, 2)) >= 5)  # every shape has something drawn
    np.testing.assert_array_equal(shape_images(), X)  # deterministic


def test_smaller_bottleneck_rebuilds_worse():
    X = shape_images()
    errors = {k: reconstruction_error(autoencoder(k), X) for k in (2, 8, 16)}
    assert errors[2] > 3 * errors[8] > 3 * errors[16]
    assert errors[16] < 0.01
    assert errors[2] < 0.12  # still better than drawing nothing (≈ the ink fraction)


def test_autoencoder_is_cached_per_k_and_copies_are_independent():
    a, b = autoencoder(8), autoencoder(8)
    assert a.sizes == [64, 32, 8, 32, 64]
    for p, q in zip(a.params, b.params):
        np.testing.assert_array_equal(p, q)
    a.params[0][...] = 0.0  # changing a copy leaves the cache alone
    assert np.any(autoencoder(8).params[0] != 0.0)


def test_reconstruct_and_encode_shapes_and_a_noisy_drawing():
    model = autoencoder(16)
    X = shape_images()
    img = X[20]
    out = reconstruct(model, img)
    assert out.shape == (8, 8) and np.all((out > 0) & (out < 1))
    assert reconstruct(model, X[:3]).shape == (3, 8, 8)
    assert encode(model, img).shape == (16,) and encode(model, X[:3]).shape == (3, 16)
    np.testing.assert_allclose(reconstruct(model, X[:3])[0], reconstruct(model, X[0]))
    wobbly = img.copy()
    wobbly[0, 0] = 1.0 - wobbly[0, 0]  # one stray pixel in a drawing
    wobbly[7, 3] = 1.0 - wobbly[7, 3]
    assert np.sum(np.abs((reconstruct(model, wobbly) > 0.5) - img)) <= 1


def test_capacity_validation_error_is_u_shaped_and_best_degree_marked():
    c = capacity_curve()
    assert list(c.degrees) == list(range(16))
    best = int(np.argmin(c.val_error))
    assert c.best == c.degrees[best] and 2 <= c.best <= 10
    assert c.val_error[0] > 3 * c.val_error[best]  # a constant underfits
    assert c.val_error[-1] > 10 * c.val_error[best]  # degree 15 chases the noise
    log_val = np.log(c.val_error)
    assert np.median(np.diff(log_val[:best + 1])) < 0  # mostly falling up to the best
    assert np.median(np.diff(log_val[best:])) > 0  # mostly rising after it
    assert np.all(np.diff(c.train_error) <= 1e-12)  # more freedom never fits training worse


def test_capacity_fit_passes_through_when_degree_allows():
    d = capacity_data()
    assert len(d.x_train) == 20 and len(d.x_val) == 10
    assert np.all(np.abs(d.x_train) <= 1)
    p = fit_polynomial(d.x_train[:4], d.y_train[:4], 3)  # 4 points, cubic: exact
    np.testing.assert_allclose(p(d.x_train[:4]), d.y_train[:4], atol=1e-10)
    assert fit_polynomial(d.x_train, d.y_train, 0)(0.3) == pytest.approx(d.y_train.mean())
