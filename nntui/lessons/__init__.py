"""Lesson section bodies: ``LessonView`` subclasses that pair text with live widgets."""
