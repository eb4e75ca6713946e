"""Lock it in: free-text "say it back" prompts, checked against the key ideas they should touch.

The check is a self-check aid, not a grade of the prose: an idea counts as touched when one of
its keywords appears in the answer. The answer itself is stored verbatim.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class KeyIdea:
    label: str
    keywords: tuple[str, ...]

    def touched_by(self, text: str) -> bool:
        lowered = text.casefold()
        return any(k.casefold() in lowered for k in self.keywords)


@dataclass(frozen=True)
class SayItBack:
    id: str
    prompt: str
    ideas: tuple[KeyIdea, ...]

    def touched(self, text: str) -> list[bool]:
        return [idea.touched_by(text) for idea in self.ideas]

    def is_enough(self, text: str) -> bool:
        """At least half of the key ideas are in the answer."""
        return 2 * sum(self.touched(text)) >= len(self.ideas)


def parse(text: str) -> list[SayItBack]:
    data = tomllib.loads(text)
    return [SayItBack(p["id"], p["prompt"].strip(),
                      tuple(KeyIdea(i["label"], tuple(i["keywords"])) for i in p["idea"]))
            for p in data.get("prompt", [])]


def prompts() -> list[SayItBack]:
    path = resources.files("nntui.content") / "questions" / "say_it_back.toml"
    return parse(path.read_text(encoding="utf-8"))
