"""Scientific accuracy of lessons and question texts (issue 11, items 18–25): each corrected
statement is present and the overstated or wrong one is gone."""

from __future__ import annotations

import re

import pytest

from nntui import content
from nntui.quiz import bank

BANK = bank.bank()


def _flat(text: str) -> str:
    """Lesson Markdown with its line breaks folded, so phrases can be searched across lines."""
    return re.sub(r"\s+", " ", text)


def lesson(section_id: str) -> str:
    return _flat(content.lesson_text(section_id))


# ---- 18: vanishing gradients: only the σ′ factors are capped at 0.25 -----------------------

def test_vanishing_number_caps_only_the_slope_factors():
    text = BANK["l3.vanishing-number"].explanation
    assert "σ′ factors" in text and "weights" in text and "usually" in text
    assert "even in the best case" not in text


def test_activation_lab_says_the_weights_multiply_the_signal_too():
    text = lesson("l1.activation-lab")
    assert "every sigmoid layer multiplies that signal by" not in text
    assert "weights multiply the signal as well" in text


def test_history_says_the_slope_factor_is_capped_not_the_whole_signal():
    text = lesson("l1.history")
    assert "shrinks at every layer" not in text
    assert "slope factor σ′ per layer" in text and "usually fades" in text


# ---- 19: Adam's uncorrected first step is too large, not too small ------------------------

def test_adam_bias_correction_explanation():
    text = BANK["fx.adam-bias"].explanation
    assert "3.2" in text and "too large" in text
    assert "ten times too small" not in text


# ---- 20: history -------------------------------------------------------------------------

@pytest.mark.parametrize("fact", [
    "Batch normalization followed in 2015", "Ivakhnenko and Lapa", "1965", "Amari", "1967",
    "Linnainmaa", "1970", "Werbos", "1974 and 1982", "made it widely known", "2006",
    "2009–11", "neural-network slump after 1969",
])
def test_history_facts(fact):
    assert fact in lesson("l1.history")


@pytest.mark.parametrize("wrong", [
    "nobody knew how to train hidden layers", "first winter", "dropout and batch normalization",
])
def test_history_errors_are_gone(wrong):
    assert wrong not in lesson("l1.history")


def test_history_questions():
    assert "AI winter" not in BANK["l1.history-winter"].prompt
    assert "2015" in BANK["l1.history-2012"].explanation
    assert "2006" in BANK["l1.history-2012"].explanation


def test_perceptron_lesson_mentions_the_mark_i_shown_in_1960():
    assert "shown in 1960" in lesson("l1.perceptron")


# ---- 21: the smallest XOR net is qualified -----------------------------------------------

def test_params_231_premise_is_qualified():
    q = BANK["l2.params-231"]
    assert "fully connected layered" in q.prompt and "monotone" in q.prompt
    assert "7" in q.explanation and "The smallest XOR-solving net" not in q.prompt


# ---- 22: He init and l2.init -------------------------------------------------------------

def test_he_relu_speaks_of_the_second_moment():
    text = BANK["l2.he-relu"].explanation
    assert "E[a²] = Var(z)/2" in text and "halving the variance" not in text


def test_init_lesson_corrections():
    text = lesson("l2.init")
    assert "The outputs are all ±1" not in text and "A tanh unit's output" in text
    assert "until it overflows" not in text and "10³⁰⁸" in text
    assert "a close cousin of LeCun's rule" not in text
    assert "1/(3·n_in), a third of LeCun's" in text


# ---- 23: the perceptron lesson -----------------------------------------------------------

def test_perceptron_lesson_bias_and_rosenblatt():
    text = lesson("l1.perceptron")
    assert "reaches −b" in text and "sign flipped" in text
    assert "this is exactly Frank Rosenblatt's perceptron" not in text
    assert "association units" in text


# ---- 24: activations ---------------------------------------------------------------------

def test_gelu_is_not_called_the_activation_of_most_transformers():
    text = BANK["l1.curve.gelu"].explanation
    assert "most transformers" not in text and "SwiGLU" in text
    assert "−0.17" in text


# ---- 25: question wording ----------------------------------------------------------------

def test_question_wording_fixes():
    assert not re.search(r"\b(AND|NAND|NOR|OR)\b", BANK["l1.xor-gate"].prompt)
    assert "jump" not in BANK["l1.curve.step"].prompt
    dropout = BANK["l4.dropout"]
    assert "independently" in dropout.options[dropout.answer]
    assert "about half" in dropout.explanation and "a random half" not in " ".join(
        dropout.options)
    assert "fixed order" in BANK["l1.perceptron-xor"].prompt
