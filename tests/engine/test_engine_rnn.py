"""The RNN cell, and the seq2seq translator trained on the phrase book."""

import numpy as np
import pytest

from nntui.engine import rnn
from nntui.engine.autograd import Tensor

rng = np.random.default_rng(11)


@pytest.fixture(scope="module")
def model():
    return rnn.train(seed=0)  # a fraction of a second; shared by the tests below


def test_rnn_forward_is_the_recurrence_written_out():
    xs = rng.normal(size=(6, 3))
    W_x, W_h, b = rng.normal(size=(3, 4)), rng.normal(size=(4, 4)) * 0.5, rng.normal(size=4)
    states = rnn.rnn_forward(xs, W_x, W_h, b)
    assert states.shape == (6, 4)
    h = np.zeros(4)
    for t, x in enumerate(xs):
        h = np.tanh(x @ W_x + h @ W_h + b)
        np.testing.assert_allclose(states[t], h, rtol=1e-14)
    # a batch axis and a starting state
    batch = rnn.rnn_forward(np.stack([xs, xs], axis=1), W_x, W_h, b, h0=np.zeros((2, 4)))
    assert batch.shape == (6, 2, 4)
    np.testing.assert_allclose(batch[:, 1], states, rtol=1e-14)


def test_the_cell_backpropagates_through_time(gradcheck):
    xs, h0 = rng.normal(size=(4, 2, 3)), rng.normal(size=(2, 5))

    def run(W_x, W_h, b):
        h, out = Tensor(h0, requires_grad=False), []
        for x in xs:
            h = rnn.rnn_step(Tensor(x, requires_grad=False), h, W_x, W_h, b)
            out.append(h)
        return out[-1] + out[1]
    gradcheck(run, rng.normal(size=(3, 5)), rng.normal(size=(5, 5)) * 0.4, rng.normal(size=5))


def test_phrase_book_and_vocabularies():
    assert len(rnn.PHRASE_BOOK) >= 8
    assert ("the cat sits", "le chat est assis") in rnn.PHRASE_BOOK
    m = rnn.Seq2Seq(seed=0)
    for vocab, words in ((m.src_vocab, ["the", "cat"]), (m.dst_vocab, ["le", "chat"])):
        assert vocab.words[:3] == [rnn.PAD, rnn.START, rnn.END]
        assert vocab.decode(vocab.encode(words)) == words
    with pytest.raises(KeyError, match="zebra"):
        m.translate("the zebra sits")


def test_the_loss_gradient_matches_central_differences(numgrad):
    # Through embeddings, the masked encoder, the context and the decoder.
    m = rnn.Seq2Seq(hidden=4, embed=3, seed=1)
    loss = m.loss()
    loss.backward()
    for p in (m.encoder.W_h, m.decoder.W_x, m.src_embed):
        numeric = numgrad(lambda: m.loss().item(), p.data)
        # the loss is ≈ 3, so rounding alone puts ~1e−10 of noise into each difference
        np.testing.assert_allclose(p.grad, numeric, rtol=1e-6, atol=1e-9)


def test_padding_changes_nothing():
    # The context of a short phrase is the same alone as inside the padded batch.
    m = rnn.Seq2Seq(seed=2)
    src, mask = m._batch[0], m._batch[1]
    batch_context = m._encode(src, mask)[-1].data
    for i, (en, _) in enumerate(m.pairs):
        alone = m.translate(en, max_len=1).context
        np.testing.assert_allclose(batch_context[i], alone, rtol=1e-13, atol=1e-15)


def test_translate_shapes(model):
    t = model.translate("the cat sits")
    assert t.source == ["the", "cat", "sits", rnn.END]
    assert t.encoder_states.shape == (4, model.hidden)
    steps = len(t.tokens) + 1  # one more step emits ⟨end⟩
    assert t.decoder_states.shape == (steps, model.hidden)
    assert t.probabilities.shape == (steps, len(model.dst_vocab))
    np.testing.assert_allclose(t.probabilities.sum(axis=1), 1.0, rtol=1e-13)
    np.testing.assert_array_equal(t.context, t.encoder_states[-1])
    assert np.all(np.abs(t.decoder_states) < 1.0)  # tanh states
    assert len(model.translate("the cat sits", max_len=2).tokens) <= 2


def test_trained_model_translates_the_whole_phrase_book(model):
    assert model.losses[-1] < model.losses[0] / 50
    for english, french in rnn.PHRASE_BOOK:
        assert model.translate(english).text == french
    assert model.translate("the cat sits").tokens == ["le", "chat", "est", "assis"]


def test_training_is_reproducible():
    a, b = rnn.train(epochs=5, seed=3), rnn.train(epochs=5, seed=3)
    assert a.losses == b.losses
    np.testing.assert_array_equal(a.W_out.data, b.W_out.data)
