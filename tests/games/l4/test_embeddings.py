"""Embeddings: words cluster by group as the embedding trains; keys choose and train."""

from nntui.engine.embed import GROUP_OF
from nntui.games.l4.embeddings import EmbeddingsView
from nntui.games.l4.embeddings_model import Embeddings


def test_same_group_words_end_closer_than_cross_group_on_average():
    model = Embeddings(max_steps=200)
    assert not model.clustered
    model.train(500)  # capped at the budget
    assert model.done and model.steps == 200
    same, cross = model.embedding.group_distances()
    assert same < cross and model.clustered
    same_cos, cross_cos = model.mean_cosine()
    assert same_cos > 0.9 and same_cos > cross_cos + 0.3


def test_neighbours_of_the_chosen_word_are_its_group_after_training():
    model = Embeddings(max_steps=200)
    model.train(200)
    model.choose(-1)  # wraps round to the last word
    assert model.word == "crown"
    neighbours = model.neighbours(k=4)
    assert {GROUP_OF[w] for w, _ in neighbours} == {"royalty"}
    cosines = [c for _, c in neighbours]
    assert cosines == sorted(cosines, reverse=True) and cosines[0] <= 1.0


async def test_keys_choose_a_word_and_train(opened, monkeypatch):
    monkeypatch.setattr(EmbeddingsView, "max_steps", 3)
    async with opened("l4.embeddings") as (app, pilot, view):
        await pilot.press("right", "right")
        assert view.model.word == "cherry"
        assert "cherry" in str(view.side())
        await pilot.press("s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.model.steps == 1
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert view.model.done and "l4.embeddings" in app.store.completed_sections()
        await pilot.press("r")
        assert view.model.steps == 0 and view.model.word == "cherry"
