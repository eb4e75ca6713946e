import math

import numpy as np
import pytest

from nntui.engine.init import (INITS, LARGE_STD, he_normal_std, he_uniform_bound,
                               lecun_normal_std, xavier_normal_std, xavier_uniform_bound)


@pytest.mark.parametrize("name", list(INITS))
def test_shape_and_same_seed_same_weights(name):
    a = INITS[name](3, 5, np.random.default_rng(7))
    b = INITS[name](3, 5, np.random.default_rng(7))
    assert a.shape == (3, 5) and a.dtype == np.float64
    np.testing.assert_array_equal(a, b)


def test_formulas():
    assert xavier_uniform_bound(2, 8) == pytest.approx(math.sqrt(0.6))
    assert xavier_normal_std(100, 300) == pytest.approx(math.sqrt(2 / 400))
    assert he_normal_std(50) == pytest.approx(0.2)
    assert he_uniform_bound(6) == pytest.approx(1.0)
    assert lecun_normal_std(25) == pytest.approx(0.2)


def test_distributions():
    rng = np.random.default_rng(0)
    W = INITS["xavier_uniform"](200, 300, rng)
    a = xavier_uniform_bound(200, 300)
    assert np.abs(W).max() <= a and np.abs(W).max() > 0.99 * a
    for name, std in [("xavier_normal", xavier_normal_std(200, 300)), ("he_normal", he_normal_std(200)),
                      ("lecun_normal", lecun_normal_std(200)), ("large", LARGE_STD),
                      ("he_uniform", he_uniform_bound(200) / math.sqrt(3))]:
        assert INITS[name](200, 300, rng).std() == pytest.approx(std, rel=0.03), name
    assert not INITS["zeros"](4, 4, rng).any()
