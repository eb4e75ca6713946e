"""Quizzes without a terminal: the question bank, a quiz run, mastery and spaced review.

Nothing here imports Textual; the widgets in ``nntui.widgets.quiz_card`` and the progress and
review screens show what these models compute.
"""
