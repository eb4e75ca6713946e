"""Quizzes without a terminal: the question bank, a quiz run, mastery and spaced review.

Nothing here imports Textual; the quiz card (``nntui.widgets.quiz_card``), the quiz sections
(``nntui.games.quizzes``) and the progress and review screens show what these models compute.
"""
