import math

import pytest

from nntui.engine import params as P
from nntui.engine.mlp import MLP
from nntui.engine.neuron import WORKED_EXAMPLE, neuron


def test_worked_neuron():
    r = neuron(**WORKED_EXAMPLE)
    assert r.products.tolist() == pytest.approx([0.6, 0.0])
    assert r.z == pytest.approx(0.7, abs=1e-15)
    assert r.a == pytest.approx(0.668188, abs=5e-7)
    assert r.a == pytest.approx(1 / (1 + math.exp(-0.7)), rel=1e-15)
    lines = r.steps()
    assert "0.7" in lines[1] and "0.6682" in lines[2] and "−0.4" in lines[0]
    assert neuron([2.0, 1.0], [1.0, 1.0], -1.0, activation="relu").a == 2.0
    with pytest.raises(ValueError):
        neuron([1.0], [1.0, 2.0], 0.0)


def test_parameter_counts():
    assert P.dense_params(4, 8) == 40
    assert P.mlp_param_count([4, 8, 6, 1]) == 40 + 54 + 7 == 101
    assert MLP([4, 8, 6, 1]).n_params == 101
    assert P.conv2d_params(3, 1, 8) == 3 * 3 * 1 * 8 + 8 == 80
    assert P.conv2d_params(3, 3, 16, bias=False) == 432
    assert P.lstm_params(10, 20) == 4 * (20 * 30 + 20) == 2480
    assert P.rnn_params(10, 20) == 620
    assert P.batchnorm_params(16) == 32
    assert P.attention_params(64) == 4 * (64 * 64 + 64) == 16640
    assert P.pool_params() == P.flatten_params() == P.dropout_params() == 0


def test_output_shapes():
    assert P.conv_output_size(28, 3) == 26
    assert P.conv_output_size(32, 5, s=1, p=2) == 32
    assert P.conv_output_size(7, 3, s=2, p=1) == 4
    assert P.pool_output_size(26, 2) == 13
    assert P.conv2d_output_shape((28, 28, 1), 3, 8) == (26, 26, 8)
    assert P.pool2d_output_shape((26, 26, 8)) == (13, 13, 8)
    assert P.flatten_output_shape((13, 13, 8)) == (1352,)
    assert P.dense_output_shape((1352,), 10) == (10,)
    assert P.lstm_output_shape((12, 5), 32) == (32,)
    assert P.lstm_output_shape((12, 5), 32, return_sequences=True) == (12, 32)
    with pytest.raises(ValueError):
        P.conv_output_size(2, 5)
