"""The shipped question bank: it parses, its ids are unique, each level has enough questions,
every numeric answer matches the engine, and concept tags point at real sections."""

from __future__ import annotations

from collections import Counter

import pytest

from nntui import sections
from nntui.quiz import bank
from nntui.quiz.bank import BankError, Question, load_bank, parse
from nntui.quiz.check import evaluate

BANK = load_bank()
MINIMUM = {"l1": 15, "l2": 15, "l3": 15, "l4": 15, "fx": 8}


def test_every_level_meets_its_count():
    counts = Counter(q.level for q in BANK.values())
    for level, needed in MINIMUM.items():
        assert counts[level] >= needed, level
    assert len(BANK) >= 68


def test_every_kind_is_in_the_bank():
    assert {q.kind for q in BANK.values()} == set(bank.KINDS)


@pytest.mark.parametrize("question", [q for q in BANK.values() if q.kind == "numeric"],
                         ids=lambda q: q.id)
def test_numeric_answer_matches_the_engine(question: Question):
    assert abs(evaluate(question.check) - question.value) <= max(question.tolerance, 1e-12)
    assert question.is_correct(repr(evaluate(question.check)))


def test_concepts_are_the_registry_concepts():
    known = {c for s in sections.SECTIONS for c in s.concepts}
    unknown = {c for q in BANK.values() for c in q.concepts} - known
    assert not unknown


def test_choice_answers_are_unique_and_explained():
    for q in BANK.values():
        assert q.prompt and len(q.explanation) > 30, q.id
        if q.kind in ("choice", "curve"):
            labels = [q.option_label(i) for i in range(len(q.options))]
            assert len(set(labels)) == len(labels), q.id
            assert q.is_correct(labels[q.answer])
            assert sum(q.is_correct(label) for label in labels) == 1, q.id


def test_curve_questions_never_pair_lookalikes():
    # Leaky ReLU (α = 0.01) cannot be told from ReLU by eye: never offer both.
    for q in bank.of_kind("curve"):
        assert not {"relu", "leaky_relu"} <= set(q.options), q.id


def test_ids_are_unique_across_files(tmp_path):
    text = ('[[question]]\nid = "x"\nlevel = "l1"\nkind = "choice"\nconcepts = ["neuron"]\n'
            'prompt = "p"\nexplanation = "e"\noptions = ["a", "b"]\nanswer = 0\n')
    (tmp_path / "a.toml").write_text(text)
    (tmp_path / "b.toml").write_text(text)
    with pytest.raises(BankError, match="used twice"):
        load_bank([tmp_path / "a.toml", tmp_path / "b.toml"])


@pytest.mark.parametrize("bad, message", [
    ('kind = "essay"', "unknown kind"),
    ('kind = "choice"\noptions = ["a", "b"]\nanswer = 5', "answer index"),
    ('kind = "curve"\ncurve = "nope"\noptions = ["nope", "relu"]', "activation names"),
    ('kind = "numeric"\nanswer = 1\ntolerance = -1\ncheck = "1"', "tolerance"),
    ('kind = "order"\nsteps = ["a"]', "3–6 steps"),
])
def test_malformed_questions_are_refused(bad, message):
    text = ('[[question]]\nid = "x"\nlevel = "l1"\nconcepts = ["neuron"]\nprompt = "p"\n'
            f'explanation = "e"\n{bad}\n')
    with pytest.raises(BankError, match=message):
        parse(text)


def test_numeric_responses_parse_leniently():
    q = BANK["l1.sigmoid-03"]
    assert q.is_correct("0.574") and q.is_correct(" 0,5742 ") and not q.is_correct("0.58")
    assert not q.is_correct("abc") and not q.is_correct("nan")


def test_checks_cannot_run_code():
    with pytest.raises(ValueError):
        evaluate("__import__('os').system('true')")
    with pytest.raises(ValueError):
        evaluate("sigmoid.__class__")


def test_numbers_quoted_in_curve_explanations_match_the_engine():
    """The SiLU explanation quotes its dip; the plotted curve must show the same minimum."""
    import numpy as np

    from nntui.engine.activations import ACTIVATIONS

    q = BANK["l1.curve.silu"]
    xs = np.linspace(*q.x_range, 2001)
    dip = float(ACTIVATIONS["silu"].f(xs).min())
    assert f"{dip:.2f}".replace("-", "−") in q.explanation


def test_perceptron_question_is_one_engine_update():
    q = BANK["l1.perceptron-rule"]
    assert q.check.startswith("perceptron_w(") and evaluate(q.check) == q.value
