"""A fair bank: no question can be answered without knowing the answer.

Test-wise learners pick the longest option, read hints, and spot options named in the prompt.
These checks run over the whole shipped bank, so a new question cannot bring such a giveaway
back. They also hold every question to standing alone and to the course's one vector
convention (row vectors: xW, as the lessons write it).
"""

from __future__ import annotations

import re

import pytest

from nntui import content
from nntui.quiz import bank

BANK = bank.bank()
CHOICES = [q for q in BANK.values() if q.kind == "choice"]

#: The right option may be at most this much longer than the longest distractor.
LENGTH_RATIO = 1.15
LENGTH_SLACK = 4  # characters, so that "Linear" may face "Step"
#: Across the bank, the right option may be the single longest in at most this share of
#: questions (with four options, chance alone is 25 %).
LONGEST_SHARE = 0.35


def _lengths(q: bank.Question) -> tuple[int, list[int]]:
    right = len(q.options[q.answer])
    return right, [len(o) for i, o in enumerate(q.options) if i != q.answer]


@pytest.mark.parametrize("q", CHOICES, ids=lambda q: q.id)
def test_the_right_option_is_not_conspicuously_longer(q):
    right, others = _lengths(q)
    assert right <= LENGTH_RATIO * max(others) + LENGTH_SLACK, (right, others)


def test_the_right_option_is_rarely_the_longest():
    longest = [q.id for q in CHOICES if _lengths(q)[0] > max(_lengths(q)[1])]
    assert len(longest) <= LONGEST_SHARE * len(CHOICES), longest


def test_the_bank_has_enough_choice_questions_for_the_share_to_mean_something():
    assert len(CHOICES) >= 40


@pytest.mark.parametrize("q", CHOICES, ids=lambda q: q.id)
def test_the_prompt_does_not_list_the_options(q):
    """l1.xor-gate named AND, OR, NAND and NOR in its prompt: the odd one out was the answer."""
    named = [o for o in q.options
             if re.search(rf"(?<!\w){re.escape(o)}(?!\w)", q.prompt, re.IGNORECASE)]
    assert len(named) <= 1, named


@pytest.mark.parametrize("q", list(BANK.values()), ids=lambda q: q.id)
def test_every_question_stands_alone(q):
    """A question may be asked alone (checkpoints draw at random), so it cannot lean on
    another one's numbers."""
    assert not re.search(r"\b(same|previous question|above|earlier question|as before)\b",
                         q.prompt.split("?")[0].replace("previous state", ""),
                         re.IGNORECASE), q.prompt


@pytest.mark.parametrize("q", [q for q in BANK.values() if q.kind == "numeric"
                               and q.value != int(q.value)], ids=lambda q: q.id)
def test_a_numeric_hint_never_shows_the_answer(q):
    """l3.vanishing-number's "type it like 9.5e-7" was its own answer."""
    mantissa, exponent = f"{q.value:.1e}".split("e")
    forms = {f"{q.value:.3f}", f"{q.value:.2f}", f"{q.value:g}", f"{q.value:.1e}",
             f"{q.value:.2e}", mantissa + "e" + str(int(exponent)),
             mantissa + "×10"}
    shown = q.prompt.replace("−", "-")
    assert not [f for f in forms if len(f) > 2 and f in shown], q.prompt


@pytest.mark.parametrize("q", bank.of_kind("curve"), ids=lambda q: q.id)
def test_a_curve_prompt_does_not_describe_the_shape(q):
    """"This curve jumps" gave the step away."""
    words = ("jump", "dip", "left of zero", "s-shape", "flat", "step", "bend", "kink",
             "straight", "smooth")
    assert not [w for w in words if w in q.prompt.lower()], q.prompt


# A matrix written before the vector it multiplies: W₁x, W₂(W₁x), W⁽ˡ⁺¹⁾ᵀ δ⁽ˡ⁺¹⁾.
COLUMN_VECTOR_FORM = re.compile(r"W[₀-₉⁽⁾ˡ⁺¹⁻ᵀ]*\s?\(?[xδ]")


def _lesson_texts() -> dict[str, str]:
    from importlib import resources

    folder = resources.files("nntui.content") / "lessons"
    return {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()
            if p.name.endswith(".md")}


def test_one_vector_convention_row_vectors_times_matrices():
    texts = {q.id: f"{q.prompt} {' '.join(q.options)} {q.explanation} {' '.join(q.steps)}"
             for q in BANK.values()}
    texts.update(_lesson_texts())
    column_style = {name: COLUMN_VECTOR_FORM.findall(text) for name, text in texts.items()}
    assert not {name: found for name, found in column_style.items() if found}
    assert "xW₁" in content.lesson_text("l2.linear-collapse")  # the form the lessons use
