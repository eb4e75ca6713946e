"""Lock it in: free-text "say it back" prompts, checked against the key ideas they should touch.

The check is a self-check aid, not a grade of the prose. An idea counts as touched when one of
its keywords appears in the answer as a whole word (or run of words), and not denied:

- Words are compared whole, so "nonlinear" never matches "linear" and "outline" never matches
  "line". A keyword also matches its plural ("weight" → "weights"), and one ending in ``*`` is
  a stem ("memor*" → "memorizes"). Hyphens inside a word are dropped ("non-linear" is
  "nonlinear").
- A keyword is *negated* when a negating word ("not", "no", "can't", "without"…) stands at most
  ``NEGATION_REACH`` words before it in the same clause (clauses end at punctuation and "but").
  Keywords in ``keywords`` count only when not negated ("no hidden layer" does not touch "a
  hidden layer"); keywords in ``when_negated`` count only when negated, for ideas that are
  themselves a denial ("XOR is not linearly separable"). A word in both lists counts either way.

The answer itself is stored verbatim. Like a quiz question, a prompt names the ``sections``
that teach its topic and is asked only once they are built (``taught_prompts``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources

NEGATORS = frozenset({
    "not", "no", "never", "without", "cannot", "can't", "isn't", "aren't", "wasn't", "doesn't",
    "don't", "didn't", "won't", "wouldn't", "couldn't", "nor", "neither", "none", "nothing",
})
NEGATION_REACH = 3
_CLAUSE_END = re.compile(r"[.,;:!?()\[\]\n]|\bbut\b")
_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")  # "0.25", "can't", "l2"


def _clauses(text: str) -> list[list[str]]:
    """The answer as clauses of lower-case words."""
    text = text.casefold().replace("’", "'")
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", "", text)  # "non-linear" → "nonlinear"
    return [_WORD.findall(clause) for clause in _CLAUSE_END.split(text)]


def _word_matches(word: str, key: str) -> bool:
    if key.endswith("*"):
        return word.startswith(key[:-1])
    return word in (key, key + "s", key + "es")


def _occurrences(clause: list[str], keyword: str) -> list[bool]:
    """For each place ``keyword`` (one or more words) occurs in the clause: is it negated?"""
    keys = keyword.casefold().split()
    found = []
    for start in range(len(clause) - len(keys) + 1):
        if all(_word_matches(clause[start + i], key) for i, key in enumerate(keys)):
            before = clause[max(0, start - NEGATION_REACH):start]
            found.append(any(word in NEGATORS for word in before))
    return found


@dataclass(frozen=True)
class KeyIdea:
    label: str
    keywords: tuple[str, ...]
    when_negated: tuple[str, ...] = ()

    def touched_by(self, text: str) -> bool:
        for clause in _clauses(text):
            if any(not negated for k in self.keywords for negated in _occurrences(clause, k)):
                return True
            if any(negated for k in self.when_negated for negated in _occurrences(clause, k)):
                return True
        return False


@dataclass(frozen=True)
class SayItBack:
    id: str
    prompt: str
    ideas: tuple[KeyIdea, ...]
    sections: tuple[str, ...] = ()

    def touched(self, text: str) -> list[bool]:
        return [idea.touched_by(text) for idea in self.ideas]

    def is_enough(self, text: str) -> bool:
        """At least half of the key ideas are in the answer."""
        return 2 * sum(self.touched(text)) >= len(self.ideas)


def parse(text: str) -> list[SayItBack]:
    data = tomllib.loads(text)
    return [SayItBack(p["id"], p["prompt"].strip(),
                      tuple(KeyIdea(i["label"], tuple(i.get("keywords", ())),
                                    tuple(i.get("when_negated", ())))
                            for i in p["idea"]),
                      tuple(p.get("sections", ())))
            for p in data.get("prompt", [])]


def prompts() -> list[SayItBack]:
    path = resources.files("nntui.content") / "questions" / "say_it_back.toml"
    return parse(path.read_text(encoding="utf-8"))


def taught_prompts() -> list[SayItBack]:
    """The prompts whose sections are all built, so the learner has met their topic."""
    from nntui.sections import SECTION_BY_ID

    return [p for p in prompts() if all(SECTION_BY_ID[s].ready for s in p.sections)]
