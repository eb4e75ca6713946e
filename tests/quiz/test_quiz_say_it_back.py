"""Lock it in: the self-check notices negated key ideas and matches whole words only."""

from __future__ import annotations

import pytest

from nntui.quiz.say_it_back import parse, prompts

PROMPTS = {p.id: p for p in prompts()}
XOR = PROMPTS["say.xor"]


def test_negated_key_ideas_do_not_count():
    # "not straight" and "no hidden layer" deny the ideas; "not linearly separable" IS one
    assert XOR.touched("not straight, not linearly separable, no hidden layer") == [
        False, True, False]


def test_a_good_answer_touches_every_idea():
    answer = ("One neuron can only draw a single straight line, and XOR is not linearly "
              "separable. A hidden layer fixes it by combining two cuts.")
    assert XOR.touched(answer) == [True, True, True]
    assert XOR.touched("A line can't split the four points; you need a hidden layer.") == [
        True, True, True]


@pytest.mark.parametrize("text, idea", [
    ("it is nonlinear", 0),  # "nonlinear" is not "linear"
    ("it is non-linear", 0),
    ("it has one layer", 2),  # "one layer" is not "a hidden layer"
    ("the outline", 0),  # "line" only as a whole word
])
def test_keywords_match_whole_words_only(text, idea):
    assert not XOR.touched(text)[idea]


def test_plurals_stems_and_phrases_still_match():
    neuron = PROMPTS["say.neuron"]
    assert neuron.touched("the weights scale the inputs, biases are added, then a "
                          "non-linearity") == [True, True, True]
    vanishing = PROMPTS["say.vanishing"]
    assert vanishing.touched("backprop multiplies slopes of 0.25, so the first layers "
                             "barely learn; residual connections help") == [True, True, True]


def test_negation_reaches_only_a_few_words_in_its_own_clause():
    assert XOR.touched("XOR is not separable by any single line")[0]  # the line is not negated
    assert not XOR.touched("there is no straight boundary")[0]
    assert XOR.touched("no luck, but a straight line")[0]  # a new clause


def test_an_idea_can_count_in_either_voice():
    overfitting = PROMPTS["say.overfitting"]
    assert overfitting.touched("it does not generalize")[1]
    assert overfitting.touched("it fails to generalise")[1]


def test_the_file_format_keeps_both_lists():
    (prompt,) = parse('[[prompt]]\nid = "x"\nprompt = "?"\n[[prompt.idea]]\nlabel = "l"\n'
                      'keywords = ["impossible"]\nwhen_negated = ["possible"]\n')
    assert prompt.touched("it is not possible") == [True]
    assert prompt.touched("it is possible") == [False]
    assert prompt.touched("impossible") == [True]


def test_every_prompt_names_built_or_planned_sections_and_only_taught_ones_are_asked(unbuilt):
    from nntui import sections
    from nntui.quiz.say_it_back import taught_prompts

    unbuilt(*PROMPTS["say.backprop"].sections)
    for p in PROMPTS.values():
        assert p.sections and all(s in sections.SECTION_BY_ID for s in p.sections), p.id
    asked = {p.id for p in taught_prompts()}
    assert {"say.neuron", "say.xor"} <= asked
    assert "say.backprop" not in asked  # backprop's sections read as planned
    assert all(sections.get(s).ready for p in taught_prompts() for s in p.sections)
