"""The question bank: questions, how each kind is graded, and loading the TOML files.

Every question names the ``sections`` that teach it (ids in ``nntui.sections``). A question is
*taught* once all of them are built (``Section.ready``); quizzes ask only taught questions, so
nobody is tested on a section they could not have opened.

Kinds
- ``choice``: pick one of ``options``; ``answer`` is the 0-based index of the right one.
- ``curve``: "which curve is this": the card plots ``ACTIVATIONS[curve].f`` over
  ``CURVE_X_RANGE``, on axes every curve shares; ``options`` are activation names (``curve``
  must be one of them). Nothing on screen names it, and nothing but the shape tells it.
- ``numeric``: type a number; right when within ``tolerance`` of ``value``. ``check`` is the
  engine expression a test recomputes (``nntui.quiz.check``) so the file can never drift.
  ``percent = true`` marks a question that asks for a percentage (``value`` is in percent).
- ``order``: put ``steps`` (listed in the right order in the file) back in order.

A response is always text, stored verbatim: the chosen option, the typed number, or the steps
in the learner's order joined by ``ORDER_SEP``.

Typed numbers (``parse_number``) may be written as a learner would write them: ``0.25``,
``.25``, ``1/4``, ``−3`` or ``-3``, ``9.5e-7``, ``9.5×10⁻⁷`` or ``9.5*10^-7``, and ``2,480``.
Commas: the app prints thousands with commas, so a comma that groups digits in threes after a
first group of 1–3 digits (``2,480``, ``1,234,567.5``) separates thousands. Any other single
comma, with no point beside it, is a decimal comma (``0,25``, ``1,5``, ``0,574``). So ``1,234``
is 1234, never 1.234. A trailing ``%`` is read only on a question that asks for a percentage.
Text that is none of these is not graded: the learner is told the form wanted and asked again
(``Question.response_problem``).
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

KINDS = ("choice", "curve", "numeric", "order")
#: Every "which curve" plot spans this x range (explanations describe what it shows).
CURVE_X_RANGE = (-3.0, 3.0)
LEVELS = ("l1", "l2", "l3", "l4", "fx")
ORDER_SEP = " | "


class BankError(ValueError):
    """A question file is malformed; the message names the file and the question."""


@dataclass(frozen=True)
class Question:
    id: str
    level: str
    kind: str
    concepts: tuple[str, ...]
    prompt: str
    explanation: str
    options: tuple[str, ...] = ()
    answer: int | None = None
    value: float | None = None
    tolerance: float = 0.0
    check: str | None = None
    curve: str | None = None
    steps: tuple[str, ...] = field(default=())
    percent: bool = False
    sections: tuple[str, ...] = ()  # the sections that teach it (see the module notes)

    @property
    def right_answer(self) -> str:
        """The right response, as text a learner would read."""
        if self.kind in ("choice", "curve"):
            return self.option_label(self.answer)
        if self.kind == "numeric":
            return f"{self.value:g}"
        return ORDER_SEP.join(self.steps)

    def option_label(self, index: int) -> str:
        """How option ``index`` is shown: curve options by their activation's display name."""
        name = self.options[index]
        if self.kind == "curve":
            from nntui.engine.activations import ACTIVATIONS

            return ACTIVATIONS[name].display
        return name

    def is_correct(self, response: str) -> bool:
        """Grade a response (see the module notes for its form)."""
        if self.kind in ("choice", "curve"):
            return response == self.option_label(self.answer)
        if self.kind == "numeric":
            number = parse_number(response, self.percent)
            return number is not None and abs(number - self.value) <= self.tolerance
        return response.split(ORDER_SEP) == list(self.steps)

    def response_problem(self, response: str) -> str | None:
        """Why a typed response cannot be graded (it is then not an answer: the learner is
        asked again, at no cost), or None when it can."""
        if self.kind != "numeric" or parse_number(response, self.percent) is not None:
            return None
        if self.percent:
            return "That is not a percentage I can read. Type it like 75 or 75 %."
        if response.strip().endswith("%"):
            return ("This question wants a plain number, not a percentage: "
                    "type 0.25 rather than 25 %.")
        return f"That is not a number I can read. {NUMBER_FORMS}"


NUMBER_FORMS = "Type it like 0.25, 1/4, −3, 2,480 or 9.5e-7 (9.5×10⁻⁷ works too)."

_MINUS_SIGNS = str.maketrans({"−": "-", "–": "-"})  # a true minus, or an en dash typed for one
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_PLAIN = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")
_THOUSANDS = re.compile(r"[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d*)?")
_TIMES_TEN = re.compile(r"(?:(?P<mantissa>.+?)[×xX*·]|(?P<sign>[-+]?))10"
                        r"(?:\^\(?(?P<caret>[-+]?\d+)\)?|(?P<superscript>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))")


def _plain_number(text: str) -> float | None:
    """One decimal number, with thousands commas or a decimal comma (see the module notes)."""
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    elif text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    if not _PLAIN.fullmatch(text):
        return None
    number = float(text)
    return number if math.isfinite(number) else None


def parse_number(text: str, percent: bool = False) -> float | None:
    """A typed number in any of the forms in the module notes, or None. ``percent``: the
    question asks for a percentage, so a trailing % is allowed (and the number is in %)."""
    text = "".join(text.split()).translate(_MINUS_SIGNS)  # "2 480", "9.5 × 10⁻⁷"
    if text.endswith("%"):
        if not percent:
            return None
        text = text[:-1]
    if "/" in text:
        numerator, _, denominator = text.partition("/")
        top, bottom = _plain_number(numerator), _plain_number(denominator)
        if top is None or not bottom:  # also refuses "1/0" and "1/2/3"
            return None
        return top / bottom
    power = _TIMES_TEN.fullmatch(text)
    if power:
        mantissa = (_plain_number(power["mantissa"]) if power["mantissa"]
                    else -1.0 if power["sign"] == "-" else 1.0)
        exponent = (power["caret"] or power["superscript"]).translate(_SUPERSCRIPTS)
        if mantissa is None or abs(int(exponent)) > 300:
            return None
        return mantissa * 10.0 ** int(exponent)
    return _plain_number(text)


def _question(raw: dict, where: str) -> Question:
    def need(key: str, kind: type | tuple[type, ...]):
        if key not in raw:
            raise BankError(f"{where}: missing {key!r}")
        if not isinstance(raw[key], kind):
            raise BankError(f"{where}: {key!r} has the wrong type")
        return raw[key]

    kind = need("kind", str)
    if kind not in KINDS:
        raise BankError(f"{where}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
    level = need("level", str)
    if level not in LEVELS:
        raise BankError(f"{where}: unknown level {level!r}")
    concepts = tuple(need("concepts", list))
    if not concepts:
        raise BankError(f"{where}: needs at least one concept")
    taught_in = tuple(need("sections", list))
    if not taught_in:
        raise BankError(f"{where}: needs the sections that teach it")
    from nntui.sections import SECTION_BY_ID

    unknown = [s for s in taught_in if s not in SECTION_BY_ID]
    if unknown:
        raise BankError(f"{where}: unknown section {', '.join(map(repr, unknown))}")
    common = dict(id=need("id", str), level=level, kind=kind, concepts=concepts,
                  sections=taught_in,
                  prompt=need("prompt", str).strip(),
                  explanation=need("explanation", str).strip())
    if kind == "choice":
        options = tuple(need("options", list))
        answer = need("answer", int)
        if not 2 <= len(options) <= 4 or not 0 <= answer < len(options):
            raise BankError(f"{where}: needs 2–4 options and an answer index among them")
        if len(set(options)) != len(options):
            raise BankError(f"{where}: options repeat")
        return Question(**common, options=options, answer=answer)
    if kind == "curve":
        from nntui.engine.activations import ACTIVATIONS

        curve = need("curve", str)
        options = tuple(need("options", list))
        unknown = [o for o in options if o not in ACTIVATIONS]
        if unknown or curve not in options or not 2 <= len(options) <= 4:
            raise BankError(f"{where}: curve options must be 2–4 activation names including "
                            f"{curve!r} (unknown: {unknown})")
        return Question(**common, options=options, answer=options.index(curve), curve=curve)
    if kind == "numeric":
        value = float(need("answer", (int, float)))
        tolerance = float(need("tolerance", (int, float)))
        if tolerance < 0:
            raise BankError(f"{where}: tolerance must be ≥ 0")
        percent = raw.get("percent", False)
        if not isinstance(percent, bool):
            raise BankError(f"{where}: 'percent' must be true or false")
        return Question(**common, value=value, tolerance=tolerance, check=need("check", str),
                        percent=percent)
    steps = tuple(need("steps", list))
    if not 3 <= len(steps) <= 6:
        raise BankError(f"{where}: an order question needs 3–6 steps")
    return Question(**common, steps=steps)


def parse(text: str, source: str = "<text>") -> list[Question]:
    """The questions of one TOML document (``[[question]]`` tables)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BankError(f"{source}: {exc}") from exc
    return [_question(raw, f"{source} question {raw.get('id', index + 1)!s}")
            for index, raw in enumerate(data.get("question", []))]


def _question_files() -> list[Path]:
    folder = resources.files("nntui.content") / "questions"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".toml")
                  and p.name != "say_it_back.toml")


def load_bank(files: list[Path] | None = None) -> dict[str, Question]:
    """Every question of the shipped bank (or of ``files``), by id; ids must be unique."""
    bank: dict[str, Question] = {}
    for path in files if files is not None else _question_files():
        for question in parse(path.read_text(encoding="utf-8"), path.name):
            if question.id in bank:
                raise BankError(f"{path.name}: question id {question.id!r} is used twice")
            bank[question.id] = question
    return bank


_CACHE: dict[str, Question] | None = None


def bank() -> dict[str, Question]:
    """The shipped bank, loaded once per process."""
    global _CACHE
    if _CACHE is None:
        _CACHE = load_bank()
    return _CACHE


def is_taught(question: Question) -> bool:
    """Every section the question is about is built, so the learner can have met it."""
    from nntui.sections import SECTION_BY_ID

    return all(SECTION_BY_ID[s].ready for s in question.sections)


def taught() -> list[Question]:
    """The questions a quiz may ask now."""
    return [q for q in bank().values() if is_taught(q)]


def in_level(level: str) -> list[Question]:
    return [q for q in bank().values() if q.level == level]


def of_kind(kind: str) -> list[Question]:
    return [q for q in bank().values() if q.kind == kind]
