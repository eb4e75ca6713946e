"""The shipped question bank: it parses, its ids are unique, each level has enough questions,
every numeric answer matches the engine, and concept tags point at real sections."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from nntui import sections
from nntui.quiz import bank
from nntui.quiz.bank import BankError, Question, load_bank, parse, parse_number
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


def test_every_question_names_the_sections_that_teach_it():
    for q in BANK.values():
        assert q.sections, q.id
        for section_id in q.sections:
            section = sections.SECTION_BY_ID[section_id]  # KeyError: not in the registry
            assert section.kind != "quiz", (q.id, section_id)
            assert sections.LEVELS.index(sections.LEVEL_BY_ID[section.level]) <= \
                sections.LEVELS.index(sections.LEVEL_BY_ID[q.level]), (q.id, section_id)


def test_a_question_is_taught_only_when_all_its_sections_are_built(unbuilt):
    unbuilt("l3.optimizer-race")
    assert bank.is_taught(BANK["l1.xor-gate"])  # l1.tune-neuron is built
    assert not bank.is_taught(BANK["l3.adam"])  # l3.optimizer-race reads as planned
    built_levels = {s.level for s in sections.SECTIONS if s.ready and s.kind != "quiz"}
    assert {q.level for q in bank.taught()} == built_levels & {q.level for q in BANK.values()}


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
            'sections = ["l1.perceptron"]\nprompt = "p"\nexplanation = "e"\n'
            'options = ["a", "b"]\nanswer = 0\n')
    (tmp_path / "a.toml").write_text(text)
    (tmp_path / "b.toml").write_text(text)
    with pytest.raises(BankError, match="used twice"):
        load_bank([tmp_path / "a.toml", tmp_path / "b.toml"])


@pytest.mark.parametrize("bad, message", [
    ('kind = "essay"', "unknown kind"),
    ('kind = "choice"\noptions = ["a", "b"]\nanswer = 0\nsections = ["l9.nowhere"]',
     "unknown section"),
    ('kind = "choice"\noptions = ["a", "b"]\nanswer = 0\nsections = []', "sections"),
    ('kind = "choice"\noptions = ["a", "b"]\nanswer = 5', "answer index"),
    ('kind = "curve"\ncurve = "nope"\noptions = ["nope", "relu"]', "activation names"),
    ('kind = "numeric"\nanswer = 1\ntolerance = -1\ncheck = "1"', "tolerance"),
    ('kind = "order"\nsteps = ["a"]', "3–6 steps"),
])
def test_malformed_questions_are_refused(bad, message):
    text = ('[[question]]\nid = "x"\nlevel = "l1"\nconcepts = ["neuron"]\nprompt = "p"\n'
            f'explanation = "e"\n{bad}\n')
    if "sections" not in bad:
        text += 'sections = ["l1.perceptron"]\n'
    with pytest.raises(BankError, match=message):
        parse(text)


def test_numeric_responses_parse_leniently():
    q = BANK["l1.sigmoid-03"]
    assert q.is_correct("0.574") and q.is_correct(" 0,5742 ") and not q.is_correct("0.58")
    assert not q.is_correct("abc") and not q.is_correct("nan")


@pytest.mark.parametrize("typed, value", [
    ("0.25", 0.25), ("1/4", 0.25), (" 1 / 4 ", 0.25), ("−1/4", -0.25), ("-3/8", -0.375),
    ("2,480", 2480.0), ("1,234,567.5", 1234567.5), ("2480", 2480.0), ("2 480", 2480.0),
    ("0,25", 0.25), ("1,5", 1.5), ("0,5742", 0.5742),  # a decimal comma
    ("9.5e-7", 9.5e-7), ("9.5E−7", 9.5e-7), ("9.5×10⁻⁷", 9.5e-7), ("9.5 x 10^-7", 9.5e-7),
    ("9.5·10^(−7)", 9.5e-7), ("9.5*10^-7", 9.5e-7), ("10⁻³", 1e-3), ("−10⁻³", -1e-3),
    ("−0.5", -0.5), ("-0.5", -0.5), ("+3", 3.0), (".5", 0.5),
])
def test_typed_numbers_in_every_usual_form(typed, value):
    assert parse_number(typed) == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize("typed", ["abc", "", "nan", "inf", "1/0", "1/2/3", "1,23,4",
                                   "1.234,5", "--3", "75%", "0x10", "1e", "12abc"])
def test_what_is_not_a_number_is_refused(typed):
    assert parse_number(typed) is None


def test_a_percentage_is_read_only_where_one_is_asked_for():
    assert parse_number("75 %", percent=True) == parse_number("75%", percent=True) == 75.0
    assert parse_number("75", percent=True) == 75.0
    assert parse_number("75 %") is None


def test_the_lstm_count_can_be_typed_as_the_app_prints_it():
    q = BANK["l4.lstm-params"]
    assert q.is_correct("2,480") and q.is_correct("2480") and not q.is_correct("2.48")


def test_an_unreadable_number_says_what_form_is_wanted():
    q = BANK["l1.sigmoid-03"]
    problem = q.response_problem("abc")
    assert problem and "1/4" in problem and "9.5e-7" in problem
    assert q.response_problem("0,574") is None
    assert "percentage" in q.response_problem("57 %")
    assert BANK["l1.xor-gate"].response_problem("anything") is None  # choices are never typed


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
    xs = np.linspace(*bank.CURVE_X_RANGE, 2001)
    dip = float(ACTIVATIONS["silu"].f(xs).min())
    assert f"{dip:.2f}".replace("-", "−") in q.explanation


def test_perceptron_question_is_one_engine_update():
    q = BANK["l1.perceptron-rule"]
    assert q.check.startswith("perceptron_w(") and evaluate(q.check) == q.value


def test_the_xor_network_question_says_which_hidden_unit_is_which():
    prompt = BANK["l2.xor-hidden"].prompt
    assert re.search(r"H1\b[^.]*\bOR\b", prompt) and re.search(r"H2\b[^.]*\bAND\b", prompt)


def test_the_cnn_order_has_one_right_order():
    """Max pooling and ReLU commute, so they may not be two steps whose order is graded."""
    steps = BANK["l4.cnn-order"].steps
    relu = [s for s in steps if "ReLU" in s]
    assert len(relu) == 1 and "Convolution" in relu[0]


def test_the_percent_question_accepts_a_percent_sign():
    q = BANK["l2.xor-one-line"]
    assert q.percent and q.is_correct("75 %") and q.is_correct("75") and not q.is_correct("0.75")


def test_the_frontier_rate_questions_are_checked_by_the_engines_theory():
    from nntui.engine import theory

    assert BANK["fx.optimal-step"].check == "optimal_step(1, 10)"
    assert BANK["fx.rate"].check == "gd_rate(10)"
    for qid, exact in (("fx.optimal-step", theory.optimal_step(1, 10)),
                       ("fx.rate", theory.gd_rate(10))):
        q = BANK[qid]
        assert abs(q.value - exact) <= q.tolerance, qid  # the stated answer is the engine's
