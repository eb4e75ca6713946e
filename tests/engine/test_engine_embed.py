"""Skip-gram embeddings: counts, the loss gradient against central differences, clustering."""

import numpy as np
import pytest

from nntui.engine.embed import (GROUP_OF, WORDS, Embedding, cooccurrence, corpus, cosine_matrix,
                                nearest, sgns_loss)


def test_cooccurrence_counts_neighbours_within_the_window():
    counts = cooccurrence([["cat", "dog", "king"]], window=1)
    i = {w: n for n, w in enumerate(WORDS)}
    assert counts[i["cat"], i["dog"]] == 1 and counts[i["dog"], i["king"]] == 1
    assert counts[i["cat"], i["king"]] == 0 and counts.sum() == 4
    big = cooccurrence(corpus(sentences=50))
    assert np.array_equal(big, big.T)


def test_the_loss_gradient_matches_finite_differences():
    rng = np.random.default_rng(5)
    emb = Embedding(seed=2)
    U, V = rng.normal(size=(15, 2)), rng.normal(size=(15, 2))
    _, dU, dV = sgns_loss(U, V, emb.A, emb.B)
    for array, grad in ((U, dU), (V, dV)):
        numeric = np.zeros_like(array)
        for idx in np.ndindex(array.shape):
            keep = array[idx]
            array[idx] = keep + 1e-6
            up = sgns_loss(U, V, emb.A, emb.B)[0]
            array[idx] = keep - 1e-6
            down = sgns_loss(U, V, emb.A, emb.B)[0]
            array[idx] = keep
            numeric[idx] = (up - down) / 2e-6
        assert np.allclose(grad, numeric, atol=1e-8)


def test_cosine_and_nearest():
    vectors = np.array([[1.0, 0.0], [2.0, 0.1], [0.0, 3.0], [-1.0, 0.0]])
    assert cosine_matrix(vectors)[0, 3] == pytest.approx(-1.0)
    assert [j for j, _ in nearest(vectors, 0, k=3)] == [1, 2, 3]
    assert nearest(vectors, 0, k=1)[0][1] == pytest.approx(2 / np.hypot(2, 0.1))


def test_same_group_words_end_closer_than_cross_group_words():
    emb = Embedding()
    same0, cross0 = emb.group_distances()
    for _ in range(200):
        emb.step()
    same, cross = emb.group_distances()
    assert same0 > 0.8 * cross0  # scattered at the start: no groups to see
    assert same < 0.25 * cross  # clustered at the end
    assert emb.losses[-1] < emb.losses[0]
    for i, word in enumerate(WORDS):  # every word's nearest neighbour is one of its own group
        j, _ = nearest(emb.U, i, k=1)[0]
        assert GROUP_OF[WORDS[j]] == GROUP_OF[word]
