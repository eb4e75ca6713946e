"""The one-block transformer that learns to reverse digit sequences."""

import numpy as np
import pytest

from nntui.engine import transformer as tf
from nntui.engine.autograd import Tensor


@pytest.fixture(scope="module")
def model():
    return tf.train_reverser(seed=0)  # about a second; shared by the tests below


def test_positional_encoding_values():
    pe = tf.positional_encoding(5, 4)
    assert pe.shape == (5, 4)
    np.testing.assert_allclose(pe[:, 0], np.sin(np.arange(5)))
    np.testing.assert_allclose(pe[:, 1], np.cos(np.arange(5)))
    np.testing.assert_allclose(pe[:, 2], np.sin(np.arange(5) / 100.0))  # 10000^(2/4) = 100
    np.testing.assert_allclose(pe[:, 3], np.cos(np.arange(5) / 100.0))


def test_the_block_gradient_matches_central_differences(gradcheck):
    m = tf.Reverser(d_model=4, d_ff=6, n_heads=2, seed=1)
    batch = np.array([[1, 2, 3, 4, 5], [9, 9, 0, 1, 2]])

    def logits(Wq, Wv, W1, gain):
        m.Wq, m.Wv, m.W1, m.norm2 = Wq, Wv, W1, (gain, m.norm2[1])
        return m._forward(batch)["logits"]
    gradcheck(logits, m.Wq.data, m.Wv.data, m.W1.data, m.norm2[0].data)


def test_stages_are_the_forward_pass_in_order(model):
    tokens = np.array([3, 1, 4, 1, 5])
    stages = model.stages(tokens)
    assert [s.name for s in stages] == ["embed", "attention", "attend", "ffn", "logits"]
    assert all(s.label for s in stages)
    values = {s.name: s.value for s in stages}
    d = model.embed.shape[1]
    assert values["embed"].shape == values["attend"].shape == values["ffn"].shape == (5, d)
    assert values["attention"].shape == (5, 5) and values["logits"].shape == (5, tf.DIGITS)
    np.testing.assert_allclose(values["embed"], model.embed.data[tokens] + model.pe)
    # undoing the last norm's γ and β leaves every position with mean 0
    gain, bias = (t.data for t in model.norm2)
    unscaled = (values["ffn"] - bias) / gain
    np.testing.assert_allclose(unscaled.mean(axis=-1), 0.0, atol=1e-9)
    np.testing.assert_allclose(np.argmax(values["logits"], axis=-1), model.predict(tokens))
    with pytest.raises(ValueError):
        model.stages([1, 2, 3])


def test_the_trained_model_reverses_unseen_sequences(model):
    held_out = tf.unseen_sequences(model, 300)
    seen = {tuple(r) for r in model.train_set}
    assert not any(tuple(r) in seen for r in held_out)
    accuracy = np.mean(model.predict(held_out) == held_out[:, ::-1])
    assert accuracy >= 0.9


def test_attention_rows_sum_to_one_and_sit_on_the_anti_diagonal(model):
    held_out = tf.unseen_sequences(model, 100, seed=2)
    L = tf.LENGTH
    weights = model._forward(held_out)["attention"].data[:, 0]  # (n, L, L), one head
    np.testing.assert_allclose(weights.sum(axis=-1), 1.0, rtol=1e-12)
    anti = weights[:, np.arange(L), L - 1 - np.arange(L)]
    # chance (uniform attention) would put 1/L = 0.2 there
    assert anti.mean() > 0.5
    assert np.all(np.argmax(weights, axis=-1) == L - 1 - np.arange(L))
    np.testing.assert_allclose(model.attention(held_out[0]), weights[0])


def test_training_is_reproducible():
    a, b = tf.train_reverser(seed=4, steps=3), tf.train_reverser(seed=4, steps=3)
    assert a.losses == b.losses
    assert isinstance(a.Wq, Tensor)
    np.testing.assert_array_equal(a.W_head.data, b.W_head.data)
