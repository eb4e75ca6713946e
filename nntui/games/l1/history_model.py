"""A timeline of neural-network history you move along (pure, no Textual).

Years and events are historical facts; every sentence is ours.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Event", "EVENTS", "Timeline"]


@dataclass(frozen=True)
class Event:
    year: str
    title: str
    text: str
    mood: str  # "spring" (progress), "setback" (a blow) or "winter" (a slump)


EVENTS: tuple[Event, ...] = (
    Event("1943", "McCulloch and Pitts", "Warren McCulloch and Walter Pitts describe a neuron "
          "as a logic unit: it adds its inputs and fires only past a threshold. Networks of "
          "such units can compute any logical formula.", "spring"),
    Event("1957–58", "Rosenblatt's perceptron", "Frank Rosenblatt adds learning: a rule that "
          "nudges each weight by the error, so the machine finds its own threshold line from "
          "examples. The Mark I, built in hardware, is shown in 1960 to huge expectations.",
          "spring"),
    Event("1969", "The XOR critique", "Marvin Minsky and Seymour Papert prove in their book "
          "Perceptrons that one layer cannot compute XOR or anything else that no straight "
          "line separates. Deeper nets had been trained (Ivakhnenko and Lapa in 1965, Amari in "
          "1967), but no general way to train hidden layers was known.", "setback"),
    Event("1970s", "The neural-network slump", "After 1969 funding and interest drain away. "
          "Research moves to symbolic AI and expert systems; neural networks become a fringe "
          "topic. Linnainmaa (1970) and Werbos (1974) work out backpropagation's maths.",
          "winter"),
    Event("1986", "Backpropagation spreads", "Rumelhart, Hinton and Williams show, and make "
          "widely known, that the chain rule sends the error back through hidden layers, so "
          "multilayer networks learn. XOR becomes easy with one hidden layer.", "spring"),
    Event("1990s–2000s", "The second winter", "Deep networks still train badly: gradients "
          "fade to almost nothing on their way back through many sigmoid layers. Support "
          "vector machines and other tidy methods win most benchmarks. Deep belief nets (2006) "
          "and wins in speech and GPU-trained image networks (2009–11) start the way back.",
          "winter"),
    Event("2012", "The return", "A deep convolutional network (AlexNet) wins the ImageNet "
          "contest by a wide margin. Three things ended the winter: huge labelled data sets "
          "from the internet, GPUs, and better tricks such as ReLU, dropout and, soon after, "
          "batch normalization.", "spring"),
)


class Timeline:
    def __init__(self, events: tuple[Event, ...] = EVENTS):
        self.events = events
        self.index = 0
        self.visited = {0}

    @property
    def current(self) -> Event:
        return self.events[self.index]

    def move(self, step: int) -> Event:
        self.index = min(max(self.index + step, 0), len(self.events) - 1)
        self.visited.add(self.index)
        return self.current

    def go_to(self, index: int) -> Event:
        return self.move(index - self.index)

    @property
    def seen_all(self) -> bool:
        return len(self.visited) == len(self.events)
