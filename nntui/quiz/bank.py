"""The question bank: questions, how each kind is graded, and loading the TOML files.

Kinds
- ``choice``: pick one of ``options``; ``answer`` is the 0-based index of the right one.
- ``curve``: "which curve is this": the card plots ``ACTIVATIONS[curve].f`` over ``x_range``;
  ``options`` are activation names (``curve`` must be one of them). Nothing on screen names it.
- ``numeric``: type a number; right when within ``tolerance`` of ``value``. ``check`` is the
  engine expression a test recomputes (``nntui.quiz.check``) so the file can never drift.
- ``order``: put ``steps`` (listed in the right order in the file) back in order.

A response is always text, stored verbatim: the chosen option, the typed number, or the steps
in the learner's order joined by ``ORDER_SEP``.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

KINDS = ("choice", "curve", "numeric", "order")
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
    x_range: tuple[float, float] = (-4.0, 4.0)
    steps: tuple[str, ...] = field(default=())

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
            number = parse_number(response)
            return number is not None and abs(number - self.value) <= self.tolerance
        return response.split(ORDER_SEP) == list(self.steps)


def parse_number(text: str) -> float | None:
    """A typed number ("0.574", "-1", "1e-3", "1,5" with a decimal comma), or None."""
    text = text.strip().replace(",", ".").replace("−", "-")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


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
    common = dict(id=need("id", str), level=level, kind=kind, concepts=concepts,
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
        x_range = tuple(float(v) for v in raw.get("x_range", (-4.0, 4.0)))
        return Question(**common, options=options, answer=options.index(curve), curve=curve,
                        x_range=x_range)
    if kind == "numeric":
        value = float(need("answer", (int, float)))
        tolerance = float(need("tolerance", (int, float)))
        if tolerance < 0:
            raise BankError(f"{where}: tolerance must be ≥ 0")
        return Question(**common, value=value, tolerance=tolerance, check=need("check", str))
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


def in_level(level: str) -> list[Question]:
    return [q for q in bank().values() if q.level == level]


def of_kind(kind: str) -> list[Question]:
    return [q for q in bank().values() if q.kind == kind]
