"""Match the shape: name the activation behind an unlabelled curve.

The quiz card does the asking, scoring and recording; this section chooses the questions:
every "which curve is this" question of Level 1, in a new order on each run.
"""

from __future__ import annotations

from nntui.quiz import bank
from nntui.games.quizzes import QuizView


class MatchShapeView(QuizView):
    HELP = ("A curve is drawn without its name: choose with 1–4, a–d or ↑/↓, then press enter "
            "to answer. "
            "After the feedback, enter moves on. At the end your score is kept; r starts a "
            "new run with the curves in a new order. The Activation lab shows every curve "
            "with its name if you want to revise.")

    def questions(self) -> list[bank.Question]:
        return [q for q in bank.of_kind("curve") if q.level == self.section.level]
