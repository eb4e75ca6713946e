"""Frontier: how learning really works — six lessons with live derivations."""
